"""The case list gives an issued document again as that same document (one 文书编号, one
校验码) in PDF or DOCX, for the signed-in user's own tenant only, and marks a letter issued
twice under one letter number."""

from __future__ import annotations

import io
import re
import urllib.parse
import zipfile
from typing import Any

import pytest
from flask.testing import FlaskClient

from docgen.config import Settings
from docgen.services import DocumentService
from tests.form_issue import issuing_web, numbered_letter, post_case, stamp_in_pdf
from tests.integration.templates.test_custom_templates import FIRM_TEMPLATE
from tests.tenant_support import (
    TwoTenants,
    _new_tenant,
    page_csrf,
    signed_in,
    tenant_app,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def web(settings: Settings, service: DocumentService) -> TwoTenants:
    return issuing_web(settings, service)


def _letter(**changes: Any) -> dict[str, Any]:
    return numbered_letter("CL", **changes)


def _issue(client: FlaskClient, case: dict[str, Any], fmt: str, **extra: str) -> Any:
    answer = post_case(client, case, fmt, **extra)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return answer


def _from_list(client: FlaskClient, document_id: str, fmt: str) -> Any:
    """Press 「下载 PDF」 or 「下载 DOCX」 beside the document on the case list."""
    page = client.get("/form/cases").get_data(as_text=True)
    action = f"/form/cases/{document_id}/{fmt}"
    assert action in page, f"no {fmt} download for {document_id} on the case list"
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    return client.post(action, data={"csrf_token": token})


def _stamp_in_docx(content: bytes) -> tuple[str, str]:
    footer = zipfile.ZipFile(io.BytesIO(content)).read("word/footer1.xml").decode("utf-8")
    found = re.search(r"文书编号 (\S+)　校验码 ([^<\s]+)", footer)
    assert found, footer[-500:]
    return found.group(1), found.group(2)


def _listed(client: FlaskClient, document_id: str) -> str:
    """The case list's entry of one document (its <li>)."""
    page = client.get("/form/cases").get_data(as_text=True)
    entries = [e for e in page.split("<li>") if f"<code>{document_id}</code>" in e]
    assert len(entries) == 1, page
    return entries[0].split("</li>")[0]


def test_a_listed_letter_downloads_again_as_the_same_document_in_either_format(web):
    client, case = web.a.member, _letter()
    issued = stamp_in_pdf(_issue(client, case, "pdf").data)

    pdf = _from_list(client, issued[0], "pdf")
    docx = _from_list(client, issued[0], "docx")

    assert pdf.status_code == 200 and docx.status_code == 200, docx.get_data(as_text=True)
    assert stamp_in_pdf(pdf.data) == issued
    assert _stamp_in_docx(docx.data) == issued
    name = urllib.parse.unquote(docx.headers["Content-Disposition"].split("UTF-8''")[1])
    assert name.endswith(".docx") and "张伟" in name
    register = web.app.extensions["docgen"].register
    rows = [r for r in register.recent(web.a.id) if r.letter_number == case["letter_number"]]
    assert [r.id for r in rows] == [issued[0]]  # no new entry, no new number
    assert sorted(o.format for o in rows[0].outputs) == ["docx", "pdf"]
    assert register.verify(content=docx.data).document_id == issued[0]


def test_another_tenants_document_is_not_found_as_a_missing_one(web):
    theirs, _code = stamp_in_pdf(_issue(web.b.member, _letter(), "pdf").data)
    token = page_csrf(web.a.member)

    for document_id in (theirs, "01ABCDEFGHJKMNPQRSTVWXYZ00"):
        answer = web.a.member.post(f"/form/cases/{document_id}/docx", data={"csrf_token": token})
        assert answer.status_code == 404
        assert "张伟" not in answer.get_data(as_text=True)
    rows = web.app.extensions["docgen"].register.recent(web.b.id)
    assert [sorted(o.format for o in r.outputs) for r in rows if r.id == theirs] == [["pdf"]]


def test_a_download_without_the_pages_token_is_refused(web):
    document_id, _code = stamp_in_pdf(_issue(web.a.member, _letter(), "pdf").data)
    answer = web.a.member.post(f"/form/cases/{document_id}/pdf")
    assert answer.status_code == 400
    assert "安全令牌" in answer.get_data(as_text=True)


def test_a_letter_issued_twice_under_one_number_is_marked_on_both_entries(web):
    client, case = web.a.member, _letter()
    first = stamp_in_pdf(_issue(client, case, "pdf").data)[0]
    lone = stamp_in_pdf(_issue(client, _letter(), "pdf").data)[0]  # the same case
    changed = {**case, "contract": {**case["contract"], "number": "HX-JK-2025-018"}}
    second = stamp_in_pdf(_issue(client, changed, "pdf", confirm_reused="1").data)[0]

    assert "重复出具（同一函号）" in _listed(client, first)
    assert "重复出具（同一函号）" in _listed(client, second)
    assert f" · {case['letter_number']} " in _listed(client, second)
    assert "重复出具" not in _listed(client, lone)


def test_a_document_whose_template_changed_is_refused_with_the_reason(web):
    tenant_id, _name = _new_tenant(web.app, "client-c")
    client = signed_in(web.app, tenant_id, "member")
    document_id, _code = _stamp_in_docx(_issue(client, _letter(), "docx").data)
    service: DocumentService = web.app.extensions["docgen"].for_tenant(tenant_id)
    version, _warnings = service.upload_template("demand_letter", FIRM_TEMPLATE)
    service.templates.activate(tenant_id, "demand_letter", version.version)

    refused = _from_list(client, document_id, "docx")

    page = refused.get_data(as_text=True)
    assert refused.status_code == 409
    assert f"文书 {document_id} 出具后，本类文书所用的模板或版式已更换" in page
    assert "返回案件列表" in page


def test_nobody_signed_in_gets_no_registered_document(settings, service):
    single = tenant_app(settings, service, web_auth="single-user").test_client()
    document_id, _code = stamp_in_pdf(_issue(single, _letter(), "pdf").data)  # its own
    token = page_csrf(single)

    answer = single.post(f"/form/cases/{document_id}/pdf", data={"csrf_token": token})

    assert answer.status_code == 404
    assert 'action="/form/cases/' not in single.get("/form/cases").get_data(as_text=True)
