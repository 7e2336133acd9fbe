"""The DOCX package writer: members compressed once or per document read back intact."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docgen.docmodel import docx_package

BODY = ("<w:p><w:r><w:t>借款本金人民币100,000.00元</w:t></w:r></w:p>" * 200).encode("utf-8")
STYLES = b"<w:styles>" + b"<w:style/>" * 100 + b"</w:styles>"


def _archive(when: datetime = datetime(2026, 12, 6, 9, 30)) -> zipfile.ZipFile:
    members = [
        docx_package.Member.of("word/styles.xml", STYLES),
        docx_package.Member.fast("word/document.xml", BODY),
    ]
    return zipfile.ZipFile(io.BytesIO(docx_package.write(members, when)))


def test_every_member_reads_back_with_its_checksum() -> None:
    archive = _archive()
    assert archive.testzip() is None  # every CRC-32 matches
    assert archive.read("word/document.xml") == BODY
    assert archive.read("word/styles.xml") == STYLES
    assert [i.filename for i in archive.infolist()] == ["word/styles.xml", "word/document.xml"]


def test_a_document_part_is_deflated_not_stored() -> None:
    info = _archive().getinfo("word/document.xml")
    assert info.compress_type == zipfile.ZIP_DEFLATED
    assert info.compress_size < info.file_size // 5
    assert info.date_time == (2026, 12, 6, 9, 30, 0)


def test_a_time_beyond_what_a_zip_can_state_is_held_at_its_last_day() -> None:
    archive = _archive(datetime(2346, 5, 1, 8, 0))  # an id's time of another register
    assert archive.read("word/document.xml") == BODY
    assert archive.getinfo("word/document.xml").date_time == (2107, 12, 31, 23, 59, 58)
    before = _archive(datetime(1975, 3, 1, 8, 0)).getinfo("word/styles.xml").date_time
    assert before[0] == 1980
