"""Text that is a ``javascript:``, ``vbscript:``, ``data:`` or ``file:`` address is refused
at its field, in Chinese, by the API and the web form alike: docgen links nothing it
prints, but a viewer or a mail makes links of text, and such an address runs or opens
something where it is clicked. ``http(s)://`` and ``mailto:`` text is kept, and a
document printed from it holds no link."""

from __future__ import annotations

import io
import zipfile

import pytest
from pypdf import PdfReader

from docgen.tenants import DEFAULT_TENANT_ID, MEMBER
from tests.support import load_fixture
from tests.tenant_support import LOGIN, page_csrf, signed_in, tenant_app

URL = "/api/v1/documents/demand_letter"
ADDRESSES = [
    "javascript:alert(document.cookie)",
    " JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "ｊａｖａｓｃｒｉｐｔ：alert(1)",  # full-width, colon too
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
]
FIELDS = [("contact", "email"), ("debtor", "name"), ("debtor", "address")]


def _case(loc: tuple[str, str], value: str):
    case = load_fixture("demand_letter", "valid", "person_debtor")
    case[loc[0]] = {**case[loc[0]], loc[1]: value}
    return case


@pytest.mark.parametrize("loc", FIELDS, ids=".".join)
@pytest.mark.parametrize("value", ADDRESSES)
def test_the_api_refuses_an_active_link_address_at_its_field(client, loc, value):
    response = client.post(URL + "?format=docx", json=_case(loc, value))
    assert response.status_code == 422, response.get_data(as_text=True)[:300]
    (problem,) = [p for p in response.json if p["code"] == "link_address"]
    assert tuple(problem["loc"]) == loc
    assert "链接地址，不是这一项的内容" in problem["message"]
    assert "网址只接受 http://、https://" in problem["hint"]


def test_the_form_refuses_it_at_its_field(settings):
    app = tenant_app(settings, **LOGIN)
    browser = signed_in(app, DEFAULT_TENANT_ID, MEMBER)
    token = page_csrf(browser)
    report = browser.post(
        "/form/demand_letter/validate",
        json=_case(("contact", "email"), "javascript:alert(1)"),
        headers={"X-CSRFToken": token},
    ).json
    assert report["valid"] is False
    (problem,) = [p for p in report["errors"] if p["code"] == "link_address"]
    assert problem["loc"] == ["contact", "email"]
    assert problem["message"].startswith("内容是「javascript:」链接地址")


def test_web_and_mail_addresses_are_text_and_nothing_printed_is_a_link(client):
    case = _case(("contact", "email"), "mailto:lijing@hengxin.example.cn")
    case["contact"]["address"] = "https://hengxin.example.cn 合同:HT-1"
    response = client.post(URL + "?format=pdf", json=case)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    pdf = PdfReader(io.BytesIO(response.data))
    assert [p.get("/Annots") for p in pdf.pages] == [None] * len(pdf.pages)
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "mailto:lijing@hengxin.example.cn" in text
    docx = client.post(URL + "?format=docx", json=case)
    with zipfile.ZipFile(io.BytesIO(docx.data)) as archive:
        parts = b"".join(archive.read(n) for n in archive.namelist())
    for link in (b"<w:hyperlink", b'TargetMode="External"', b" HYPERLINK "):
        assert link not in parts
