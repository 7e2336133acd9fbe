"""The form issues a case once for the whole tenant: the register, not the browser,
remembers it. Another browser or user of the tenant posting the same case gets the same
documents; another tenant's identical case is its own (T14); a second letter for an
unchanged case is issued only when the user confirms it beside the documents shown."""

from __future__ import annotations

import io
import uuid
import zipfile
from typing import Any

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from docgen.config import Settings
from docgen.services import DocumentService
from docgen.tenants import MEMBER
from tests.form_issue import issuing_web, numbered_letter, post_case, stamp_in_pdf
from tests.support import load_fixture
from tests.tenant_support import TwoTenants, page_csrf, signed_in

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def web(settings: Settings, service: DocumentService) -> TwoTenants:
    return issuing_web(settings, service)


def _issued(client: FlaskClient, case: dict[str, Any]) -> list[dict[str, Any]]:
    answer = client.post(
        "/form/demand_letter/issued", json=case, headers={"X-CSRFToken": page_csrf(client)}
    )
    assert answer.status_code == 200
    return answer.json["documents"]


def _rows(web: TwoTenants, tenant_id: int, **where: str) -> list[Any]:
    rows = web.app.extensions["docgen"].register.recent(tenant_id)
    return [r for r in rows if all(getattr(r, k) == v for k, v in where.items())]


def _unnumbered() -> dict[str, Any]:
    """A letter without a letter number (nothing warns when it is issued twice), told
    apart from other tests' by its contract number."""
    case = load_fixture("demand_letter", "valid", "person_debtor")
    case.pop("letter_number", None)
    return {**case, "contract": {**case["contract"], "number": f"HT-{uuid.uuid4().hex[:8]}"}}


def _ids_in(answer: Any) -> list[str]:
    archive = zipfile.ZipFile(io.BytesIO(answer.data))
    return [stamp_in_pdf(archive.read(n))[0] for n in archive.namelist() if n.endswith(".pdf")]


def test_another_browser_of_the_tenant_gets_the_same_document(web):
    case = _unnumbered()
    first = post_case(web.a.member, case, "pdf")
    assert first.status_code == 200, first.get_data(as_text=True)
    stamp = stamp_in_pdf(first.data)
    colleague = signed_in(web.app, web.a.id, MEMBER)  # another user, another browser

    shown = _issued(colleague, case)
    again = post_case(colleague, case, "pdf")
    docx = post_case(web.a.admin, case, "docx", document_ids=stamp[0])

    assert [(d["document_id"], d["verification_code"]) for d in shown] == [stamp]
    assert shown[0]["issued_on"] and shown[0]["letter_number"] is None
    assert again.status_code == 200 and stamp_in_pdf(again.data) == stamp
    assert docx.status_code == 200
    rows = _rows(web, web.a.id, case_hash=_rows(web, web.a.id, id=stamp[0])[0].case_hash)
    assert [r.id for r in rows] == [stamp[0]]
    assert sorted(o.format for o in rows[0].outputs) == ["docx", "pdf"]


def test_each_recipients_copy_is_given_again_to_another_browser(web):
    case = load_fixture("demand_letter", "valid", "guarantor_demanded_in_time")
    case["letter_number"] = f"CS-{uuid.uuid4().hex[:8]}"
    first = _ids_in(post_case(web.a.member, case, "pdf"))

    again = post_case(signed_in(web.app, web.a.id, MEMBER), case, "pdf")

    assert again.status_code == 200, again.get_data(as_text=True)
    assert _ids_in(again) == first and len(first) == 2
    assert len(_rows(web, web.a.id, case_hash=_rows(web, web.a.id, id=first[0])[0].case_hash)) == 2


def test_another_tenants_identical_case_is_a_new_document_of_its_own(web):
    """T14: the register's memory of a case is the tenant's; B's same case is B's."""
    case = numbered_letter("CS")
    theirs = stamp_in_pdf(post_case(web.b.member, case, "pdf").data)

    assert _issued(web.a.member, case) == []
    ours = post_case(web.a.member, case, "pdf")

    assert ours.status_code == 200, ours.get_data(as_text=True)
    assert stamp_in_pdf(ours.data)[0] != theirs[0]
    assert [d["document_id"] for d in _issued(web.b.member, case)] == [theirs[0]]
    (their_row,) = _rows(web, web.b.id, id=theirs[0])
    assert [o.format for o in their_row.outputs] == ["pdf"]  # nothing of A's printed on it
    # B's ids confirm nothing for A: another tenant's document is not found
    refused = post_case(web.a.member, case, "pdf", issue_new=theirs[0])
    assert refused.status_code == 404
    assert theirs[0] not in refused.get_data(as_text=True)


def test_a_second_letter_is_issued_only_beside_the_documents_shown(web):
    client, case = web.a.member, _unnumbered()
    first, _code = stamp_in_pdf(post_case(client, case, "pdf").data)
    other = stamp_in_pdf(post_case(client, _unnumbered(), "pdf").data)[0]

    assert stamp_in_pdf(post_case(client, case, "pdf").data)[0] == first  # not without asking
    wrong = post_case(client, case, "pdf", issue_new=other)  # not the case's documents
    assert wrong.status_code == 409 and "不能作为同一份文书下载" in wrong.get_data(as_text=True)
    second = post_case(client, case, "pdf", issue_new=first)

    assert second.status_code == 200, second.get_data(as_text=True)
    renewed = stamp_in_pdf(second.data)[0]
    assert renewed not in (first, other)
    shown = _issued(signed_in(web.app, web.a.id, MEMBER), case)
    assert [(d["document_id"], d["issues"]) for d in shown] == [(renewed, 2)]
    assert stamp_in_pdf(post_case(client, case, "pdf").data)[0] == renewed
    # the first letter's other format is still that letter
    docx = post_case(client, case, "docx", document_ids=first)
    assert docx.status_code == 200
    # a confirmation beside the first letter, after the second: refused, nothing issued
    stale = post_case(client, case, "pdf", issue_new=first)
    page = stale.get_data(as_text=True)
    assert stale.status_code == 409
    assert f"本案此后已另行出具新的函件（文书编号 {renewed}）" in page
    hashed = _rows(web, web.a.id, id=first)[0].case_hash
    assert sorted(r.id for r in _rows(web, web.a.id, case_hash=hashed)) == sorted([first, renewed])


def test_a_second_letter_under_the_same_number_needs_no_second_question(web):
    """Confirming a new letter for the case is confirming its letter number again."""
    client, case = web.a.member, numbered_letter("CS")
    first, _code = stamp_in_pdf(post_case(client, case, "pdf").data)

    second = post_case(client, case, "pdf,docx", issue_new=first)

    assert second.status_code == 200, second.get_data(as_text=True)
    assert _ids_in(second)[0] != first
    assert len(_rows(web, web.a.id, letter_number=case["letter_number"])) == 2


@pytest.mark.parametrize("count", [13, 2])
def test_too_many_or_repeated_ids_to_issue_beside_are_refused(web, count):
    client, case = web.a.member, _unnumbered()
    first, _code = stamp_in_pdf(post_case(client, case, "pdf").data)
    refused = post_case(client, case, "pdf", issue_new=",".join([first] * count))
    assert refused.status_code == 422
    assert "所附文书编号有误" in refused.get_data(as_text=True)
    assert len(_rows(web, web.a.id, case_hash=_rows(web, web.a.id, id=first)[0].case_hash)) == 1


def _forget_case(web: TwoTenants, document_id: str, tenant_id: int) -> str:
    """The document as issued before the register kept cases: its case hash removed."""
    register = web.app.extensions["docgen"].register
    (row,) = [r for r in register.recent(tenant_id) if r.id == document_id]
    with register.engine.begin() as connection:
        connection.execute(
            sa.text(
                "UPDATE register_documents SET case_hash = NULL, case_issue = NULL WHERE id = :i"
            ),
            {"i": document_id},
        )
    return str(row.case_hash)


def test_a_case_a_session_of_before_remembers_moves_into_the_register(web):
    client, case = web.a.member, _unnumbered()
    first = stamp_in_pdf(post_case(client, case, "pdf").data)[0]
    hashed = _forget_case(web, first, web.a.id)
    colleague = signed_in(web.app, web.a.id, MEMBER)
    theirs = stamp_in_pdf(post_case(web.b.member, numbered_letter("CS"), "pdf").data)[0]
    with client.session_transaction() as kept:  # what the session kept before
        kept["issued"] = [["0" * 32, [theirs]], [hashed[:32], [first]]]

    again = post_case(client, case, "pdf")

    assert stamp_in_pdf(again.data)[0] == first
    assert stamp_in_pdf(post_case(colleague, case, "pdf").data)[0] == first
    with client.session_transaction() as kept:
        assert kept["issued"] == [["0" * 32, [theirs]]]


def test_a_session_naming_another_tenants_document_moves_nothing(web):
    client, case = web.a.member, _unnumbered()
    theirs = stamp_in_pdf(post_case(web.b.member, case, "pdf").data)[0]
    hashed = _forget_case(web, theirs, web.b.id)  # as if issued before, by B
    with client.session_transaction() as kept:
        kept["issued"] = [[hashed[:32], [theirs]]]

    ours = stamp_in_pdf(post_case(client, case, "pdf").data)[0]

    assert ours != theirs
    (their_row,) = _rows(web, web.b.id, id=theirs)
    assert their_row.case_hash is None and [o.format for o in their_row.outputs] == ["pdf"]


def test_the_page_asks_for_a_second_letter_in_a_panel_of_its_own(web):
    page = web.a.member.get("/form/demand_letter").get_data(as_text=True)
    assert 'name="issue_new"' in page
    assert '<div id="issue-again"' in page and "仍要出具新文书</button>" in page
    assert "或由其他同事、在其他浏览器再次下载" in page
