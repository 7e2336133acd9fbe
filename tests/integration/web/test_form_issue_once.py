"""The web form issues a case once: its PDF and then its DOCX are one registered document
(one 文书编号, one 校验码, two outputs), and a letter number already registered for other
case data is issued again only once the user has confirmed it."""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from typing import Any

import pytest
from flask.testing import FlaskClient

from docgen.config import Settings
from docgen.services import DocumentService
from tests.form_issue import issuing_web, numbered_letter, post_case, stamp_in_pdf
from tests.support import docx_text, load_fixture, normalize, pdf_pages_text
from tests.tenant_support import TwoTenants, page_csrf

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def web(settings: Settings, service: DocumentService) -> TwoTenants:
    return issuing_web(settings, service)


def _letter(**changes: Any) -> dict[str, Any]:
    return numbered_letter("CS", **changes)


_download = post_case


def _issued(client: FlaskClient, case: dict[str, Any]) -> list[dict[str, Any]]:
    answer = client.post(
        "/form/demand_letter/issued", json=case, headers={"X-CSRFToken": page_csrf(client)}
    )
    assert answer.status_code == 200
    return answer.json["documents"]


def _stamp_in_docx(content: bytes) -> tuple[str, str]:
    core = zipfile.ZipFile(io.BytesIO(content)).read("docProps/core.xml").decode("utf-8")
    identifier = re.search(r"<dc:identifier>([^<]+)</dc:identifier>", core)
    code = re.search(r"<cp:keywords>docgen 校验码 ([^<]+)</cp:keywords>", core)
    assert identifier and code, core
    return identifier.group(1), code.group(1)


def _register(web: TwoTenants, tenant_id: int) -> list[Any]:
    register = web.app.extensions["docgen"].register
    return register.recent(tenant_id)


def test_pdf_then_docx_of_one_case_is_one_document_with_both_files(web):
    client, case = web.a.member, _letter()
    pdf = _download(client, case, "pdf")
    assert pdf.status_code == 200, pdf.get_data(as_text=True)
    document_id, code = stamp_in_pdf(pdf.data)
    assert [d["document_id"] for d in _issued(client, case)] == [document_id]

    docx = _download(client, case, "docx", document_ids=document_id)

    assert docx.status_code == 200, docx.get_data(as_text=True)
    assert _stamp_in_docx(docx.data) == (document_id, code)
    assert case["debtor"]["name"] in docx_text(docx.data)
    rows = [r for r in _register(web, web.a.id) if r.letter_number == case["letter_number"]]
    assert [r.id for r in rows] == [document_id]
    assert sorted(o.format for o in rows[0].outputs) == ["docx", "pdf"]
    assert [d["formats"] for d in _issued(client, case)] == [["docx", "pdf"]]


def test_the_same_case_downloaded_again_without_ids_is_still_that_document(web):
    client, case = web.a.member, _letter()
    first = stamp_in_pdf(_download(client, case, "pdf").data)
    both = _download(client, case, "pdf,docx")
    assert both.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(both.data))
    names = [n for n in archive.namelist() if n != "manifest.json"]
    pdf_name = next(n for n in names if n.endswith(".pdf"))
    docx_name = next(n for n in names if n.endswith(".docx"))
    assert stamp_in_pdf(archive.read(pdf_name)) == first
    assert _stamp_in_docx(archive.read(docx_name)) == first
    again = _download(client, case, "pdf")
    assert stamp_in_pdf(again.data) == first
    assert again.data == archive.read(pdf_name)
    rows = [r for r in _register(web, web.a.id) if r.letter_number == case["letter_number"]]
    assert len(rows) == 1
    # the PDF printed again is the file issued: recorded once
    assert sorted(o.format for o in rows[0].outputs) == ["docx", "pdf"]


def test_an_invalid_case_under_a_used_number_is_refused_for_its_errors(web):
    client, case = web.a.member, _letter()
    _download(client, case, "pdf")
    broken = {**case, "debtor": {**case["debtor"], "id_number": "110101198503151234"}}

    refused = _download(client, broken, "pdf")

    assert refused.status_code == 422
    assert "身份证号码校验位错误" in refused.get_data(as_text=True)


def test_other_data_under_a_registered_number_needs_confirmation(web):
    client, case = web.a.member, _letter()
    first = stamp_in_pdf(_download(client, case, "pdf").data)
    changed = {**case, "contract": {**case["contract"], "number": "HX-JK-2025-018"}}

    refused = _download(client, changed, "pdf")

    page = refused.get_data(as_text=True)
    assert refused.status_code == 409
    assert f"函号「{case['letter_number']}」已用于登记簿中的文书（文书编号 {first[0]}）" in page
    assert "未经确认，不出具新文书" in page
    assert _issued(client, changed) == []
    numbered = [r for r in _register(web, web.a.id) if r.letter_number == case["letter_number"]]
    assert len(numbered) == 1

    confirmed = _download(client, changed, "pdf", confirm_reused="1")

    assert confirmed.status_code == 200
    assert stamp_in_pdf(confirmed.data)[0] != first[0]
    numbered = [r for r in _register(web, web.a.id) if r.letter_number == case["letter_number"]]
    assert len(numbered) == 2


def test_a_changed_case_posting_the_earlier_ids_is_refused(web):
    client, case = web.a.member, _letter()
    document_id, _code = stamp_in_pdf(_download(client, case, "pdf").data)
    changed = {**case, "letter_number": f"CS-{uuid.uuid4().hex[:8]}"}

    refused = _download(client, changed, "docx", document_ids=document_id)

    assert refused.status_code == 409
    assert "不能作为同一份文书下载" in refused.get_data(as_text=True)
    numbered = [r for r in _register(web, web.a.id) if r.letter_number == changed["letter_number"]]
    assert numbered == []


def test_another_tenants_document_id_is_not_found(web):
    case = _letter()
    theirs, _code = stamp_in_pdf(_download(web.b.member, case, "pdf").data)

    answer = _download(web.a.member, case, "docx", document_ids=theirs)

    assert answer.status_code == 404
    assert theirs not in answer.get_data(as_text=True)
    assert _issued(web.a.member, case) == []
    rows = _register(web, web.b.id)
    assert [sorted(o.format for o in r.outputs) for r in rows if r.id == theirs] == [["pdf"]]


def test_a_letter_to_the_debtor_and_a_guarantor_is_two_documents_in_both_formats(web):
    client = web.a.member
    case = load_fixture("demand_letter", "valid", "guarantor_demanded_in_time")
    case["letter_number"] = f"CS-{uuid.uuid4().hex[:8]}"
    pdfs = zipfile.ZipFile(io.BytesIO(_download(client, case, "pdf").data))
    issued = _issued(client, case)
    ids = [d["document_id"] for d in issued]

    docxs = zipfile.ZipFile(
        io.BytesIO(_download(client, case, "docx", document_ids=",".join(ids)).data)
    )

    pdf_stamps = [stamp_in_pdf(pdfs.read(n)) for n in pdfs.namelist()]
    docx_stamps = [_stamp_in_docx(docxs.read(n)) for n in docxs.namelist()]
    assert [s[0] for s in pdf_stamps] == ids and len(ids) == 2
    assert docx_stamps == pdf_stamps
    # whom each file is addressed to is the same in both formats
    assert [n.removesuffix(".docx") for n in docxs.namelist()] == [
        n.removesuffix(".pdf") for n in pdfs.namelist()
    ]
    assert [_opening(docx_text(docxs.read(n))) for n in docxs.namelist()] == [
        _opening("".join(pdf_pages_text(pdfs.read(n)))) for n in pdfs.namelist()
    ]
    register = web.app.extensions["docgen"].register
    for name in docxs.namelist():  # each DOCX handed out verifies as its document
        found = register.verify(content=docxs.read(name))
        assert found.document_id == _stamp_in_docx(docxs.read(name))[0]
        assert found.format == "docx"


def _opening(text: str) -> str:
    """The letter's heading up to its salutation (张伟先生：, 刘芳女士：): its number and
    addressee, what tells the copies apart."""
    flat = normalize(text)
    return flat[: flat.index("：我方") if "：我方" in flat else flat.index("（以下简称")]


def test_a_docx_downloaded_again_is_the_same_file_recorded_once(web):
    """The DOCX states when the document was issued (its id's time), not when it was
    printed: printed again it is the same file, and the register holds one output."""
    client, case = web.a.member, _letter()
    first = _download(client, case, "docx")
    document_id, _code = _stamp_in_docx(first.data)
    again = _download(client, case, "docx", document_ids=document_id)
    assert again.status_code == 200 and again.data == first.data
    rows = [r for r in _register(web, web.a.id) if r.id == document_id]
    assert [o.format for o in rows[0].outputs] == ["docx"]


@pytest.mark.parametrize("count", [13, 2])
def test_too_many_or_repeated_ids_are_refused_before_any_lookup(web, count):
    client, case = web.a.member, _letter()
    document_id, _code = stamp_in_pdf(_download(client, case, "pdf").data)
    refused = _download(client, case, "docx", document_ids=",".join([document_id] * count))
    assert refused.status_code == 422
    assert "所附文书编号有误" in refused.get_data(as_text=True)
