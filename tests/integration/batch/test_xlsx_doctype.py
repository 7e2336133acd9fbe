"""A workbook with a DOCTYPE or an entity declaration in any of its XML parts (T4: XXE,
billion laughs) is refused as a whole, in words, before openpyxl reads it: Excel never
writes one, so only an attack has one."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from docgen.batch.readers import BatchInputError, count_rows, read_rows, sheet_names
from tests.batch_support import person_case, sheet

XXE = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
ENTITY = b"<!ENTITY e 'x'>"
LAUGHS = b'<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'


def _workbook() -> bytes:
    headers, rows = sheet([person_case(0)])
    book = Workbook()
    book.active.append(headers)
    for values in rows:
        book.active.append(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _with(part: str, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            archive.writestr(info, change(data) if info.filename == part else data)
    return out.getvalue()


def _utf16(declaration: bytes):
    def change(data: bytes) -> bytes:
        text = '<?xml version="1.0" encoding="UTF-16"?>' + declaration.decode() + data.decode()
        return text.encode("utf-16")

    return change


CASES = {
    "workbook": ("xl/workbook.xml", lambda d: XXE + d),
    "sheet": ("xl/worksheets/sheet1.xml", lambda d: LAUGHS + d),
    "styles": ("xl/styles.xml", lambda d: XXE + d),
    "core properties": ("docProps/core.xml", lambda d: XXE + d),
    "entity only": ("xl/workbook.xml", lambda d: d.replace(b"<workbook", ENTITY + b"<workbook")),
    "utf-16": ("xl/workbook.xml", _utf16(XXE)),
}


@pytest.mark.parametrize("part,change", CASES.values(), ids=list(CASES))
def test_a_declaration_in_any_part_refuses_the_whole_workbook(tmp_path, part, change):
    path = Path(tmp_path / "名单.xlsx")
    path.write_bytes(_with(part, change))
    for read in (sheet_names, lambda p: count_rows(p, 10), lambda p: list(read_rows(p))):
        with pytest.raises(BatchInputError) as raised:
            read(path)
        assert f"XLSX 文件中的「{part}」含有 DOCTYPE/实体声明" in str(raised.value)
        assert "已拒绝整个文件" in str(raised.value)


def test_a_part_in_a_hiding_encoding_is_refused(tmp_path):
    path = Path(tmp_path / "名单.xlsx")
    declared = b'<?xml version="1.0" encoding="UTF-7"?>'
    path.write_bytes(_with("xl/workbook.xml", lambda d: declared + d))
    with pytest.raises(BatchInputError) as raised:
        sheet_names(path)
    assert "声明了不常见的编码（UTF-7）" in str(raised.value)


def test_a_plain_workbook_is_read(tmp_path):
    path = Path(tmp_path / "名单.xlsx")
    path.write_bytes(_workbook())
    assert len(list(read_rows(path))) == 2


def test_the_api_refuses_the_upload_at_its_file_field(client):
    data = _with("xl/workbook.xml", lambda d: XXE + d)
    fields = {"type": "demand_letter", "formats": "docx", "file": (io.BytesIO(data), "a.xlsx")}
    response = client.post("/api/v1/batches", data=fields, content_type="multipart/form-data")
    assert response.status_code == 422, response.get_data(as_text=True)[:300]
    problem = response.json[0]
    assert (problem["loc"], problem["code"]) == (["file"], "bad_file")
    assert "「xl/workbook.xml」含有 DOCTYPE/实体声明" in problem["message"]
