"""A letter's or agreement's DOCX prints its 文书编号 and 校验码 at the foot of every page,
as its PDF does, so a letter printed from Word can be verified; a court filing carries
them in its properties only. The DOCX states when the document was issued, so the same
document printed again is the same file."""

from __future__ import annotations

import io
import zipfile

import pytest

from docgen.register import Stamp
from tests.support import load_fixture


def _footer(content: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(content)).read("word/footer1.xml").decode("utf-8")


@pytest.mark.parametrize(
    ("type_name", "fixture"),
    [("demand_letter", "person_debtor"), ("installment_agreement", "monthly_with_guarantor")],
)
def test_a_letters_docx_prints_its_stamp_at_the_foot_of_every_page(service, type_name, fixture):
    rendered = service.render_each(type_name, load_fixture(type_name, "valid", fixture), "docx")[0]
    footer = _footer(rendered.content)
    assert f"文书编号 {rendered.document_id}　校验码 {rendered.verification_code}" in footer
    assert "PAGE" in footer  # the page numbers stay


def test_a_court_filings_docx_has_no_stamp_on_its_pages(service):
    case = load_fixture("civil_complaint", "valid", "narrative_guarantor")
    rendered = service.render_each("civil_complaint", case, "docx")[0]
    assert rendered.document_id and "文书编号" not in _footer(rendered.content)


def test_a_stamp_tells_the_moment_its_id_was_made():
    stamp = Stamp.new()
    made = stamp.issued_at()
    assert made is not None and made.tzinfo is not None
    assert Stamp("not-an-id", "X").issued_at() is None
