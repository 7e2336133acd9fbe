"""The 送达地址 line of a complaint and of a preservation application, as printed by both
engines and in the DOCX: set ragged right, not stretched letter by letter before the
labels kept with their values (blocks.E_MAIL), and the e-mail address copied whole."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pytest

from tests.integration.test_layouts import ENGINES, VALID, first_pdf
from tests.render_cache import case_group
from tests.support import docx_text, load_fixture

SERVICE = [
    ("civil_complaint", "narrative_guarantor", "北京市朝阳区建国路88号正信律师事务所"),
    ("preservation_application", "pre_suit_cash", "广东省深圳市福田区福华三路88号财富大厦12层"),
]
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


def _text(pdf: bytes, *options: str) -> str:
    found = subprocess.run(
        ["pdftotext", *options, "-", "-"], input=pdf, capture_output=True, check=True
    )
    return found.stdout.decode()


def _email(data: dict) -> str:
    (party,) = data.get("plaintiffs") or data["applicants"]
    return str(party["service"]["email"])


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("type_name", "name", "address"),
    [pytest.param(*s, marks=case_group(VALID[s[:2]])) for s in SERVICE],
)
def test_the_service_line_is_not_stretched_and_the_email_is_copied_whole(
    type_name, name, address, engine, case_pdfs
):
    pdf = first_pdf(case_pdfs, type_name, name, engine)
    laid_out = _text(pdf, "-layout")
    # a stretched line reads 「送 达 地 址 ： 北 京 市 …」 in the layout
    assert f"送达地址：{address}，收件人：" in laid_out
    email = _email(load_fixture(type_name, "valid", name))
    assert email in re.sub(r"\s", "", _text(pdf))  # broken only at a line end


@pytest.mark.parametrize(("type_name", "name", "address"), SERVICE)
def test_the_docx_holds_the_email_as_typed_in_a_line_set_ragged(type_name, name, address, service):
    data = load_fixture(type_name, "valid", name)
    docx = service.render(type_name, data, "docx").content
    assert f"电子邮箱：{_email(data)}）" in docx_text(docx)
    body = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    (line,) = [p for p in re.findall(r"<w:p>.*?</w:p>", body) if _email(data) in p]
    # left, not justified: Word breaks no e-mail address and would stretch the line before
    assert '<w:jc w:val="left"/>' in line and address in line
