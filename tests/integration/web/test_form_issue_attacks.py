"""The form's issuing, attacked by a signed-in paralegal of tenant A (T9, T14, T2): ids of
tenant B's documents posted beside a case answer exactly as ids of no document; an id
no document can have is not found, never a 500; the page's own download is refused in
JSON only with the CSRF token checked first; a refusal naming a document prints its
letter number as text; and another tenant's batch reports are not found."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from docgen.config import Settings
from docgen.services import DocumentService
from docgen.tenants import MEMBER
from tests.batch_support import person_case, sheet, write_csv
from tests.form_issue import issuing_web, post_case, stamp_in_pdf
from tests.support import load_fixture
from tests.tenant_support import TwoTenants, finished_web_batch, key_client, page_csrf

pytestmark = pytest.mark.slow

STATIC = Path(__file__).parents[3] / "docgen" / "web" / "static"


@pytest.fixture(scope="module")
def web(settings: Settings, service: DocumentService) -> TwoTenants:
    return issuing_web(settings, service)


def _case(**changes: Any) -> dict[str, Any]:
    case = load_fixture("demand_letter", "valid", "person_debtor")
    case["letter_number"] = f"CS-{uuid.uuid4().hex[:8]}"
    debtor = {**case["debtor"], "name": f"赵{uuid.uuid4().hex[:4]}"}
    return {**case, "debtor": debtor, **changes}


def _by_api(web: TwoTenants, tenant_id: int, case: dict[str, Any]) -> str:
    made = key_client(web.app, tenant_id, MEMBER).post(
        "/api/v1/documents/demand_letter?format=pdf", json=case
    )
    assert made.status_code == 200, made.get_data(as_text=True)[:400]
    return stamp_in_pdf(made.data)[0]


def _download(client: FlaskClient, case: dict[str, Any], token: str | None, **extra: str):
    """The page's own download (fetch, ``Accept: application/json``)."""
    form = {"case": json.dumps(case, ensure_ascii=False), "format": "pdf", **extra}
    form["disposition"] = "attachment"
    if token is not None:
        form["csrf_token"] = token
    return client.post(
        "/form/demand_letter/render", data=form, headers={"Accept": "application/json"}
    )


def _documents_to(web: TwoTenants, tenant_id: int, name: str) -> list[Any]:
    rows = web.app.extensions["docgen"].register.recent(tenant_id)
    return [r for r in rows if r.debtor_name == name]


@pytest.mark.parametrize("field", ["issue_new", "document_ids"])
def test_another_tenants_ids_answer_as_ids_of_no_document(web, field):
    case = _case()
    theirs = _by_api(web, web.b.id, case)
    client = web.a.member
    token = page_csrf(client)

    answers = [_download(client, case, token, **{field: i}) for i in (theirs, "0" * 20, theirs)]
    page = post_case(client, case, "pdf", **{field: theirs})  # a plain form post

    assert [a.status_code for a in answers] == [404, 404, 404]
    assert answers[0].get_data() == answers[1].get_data() == answers[2].get_data()
    assert page.status_code == 404 and theirs not in page.get_data(as_text=True)
    assert _documents_to(web, web.a.id, case["debtor"]["name"]) == []
    (their_row,) = _documents_to(web, web.b.id, case["debtor"]["name"])
    assert their_row.id == theirs and [o.format for o in their_row.outputs] == ["pdf"]


@pytest.mark.parametrize("odd", ["\x00", "A" * 5000, "../../etc/passwd", "张伟", "%00"])
def test_an_id_no_document_can_have_is_not_found(web, odd):
    client = web.a.member
    answer = _download(client, _case(), page_csrf(client), issue_new=odd)
    assert answer.status_code == 404, answer.get_data(as_text=True)[:300]
    assert answer.json[0]["code"] == "http_404"


def test_the_pages_download_without_its_csrf_token_is_refused_in_json(web):
    case, client = _case(), web.a.member
    page_csrf(client)  # the page is open, its session has a token

    for token in (None, "forged"):
        refused = _download(client, case, token)
        assert refused.status_code == 400
        assert refused.mimetype == "application/json"
        assert refused.headers["X-Content-Type-Options"] == "nosniff"
        (problem,) = refused.json
        assert problem["code"] == "csrf_invalid" and "安全令牌" in problem["message"]
    assert _documents_to(web, web.a.id, case["debtor"]["name"]) == []


MARKUP = '<img src=x onerror="alert(1)">'


def test_a_refusal_names_the_letter_number_as_text(web):
    """T2: a letter number holding markup, issued through the API, is named by the form's
    refusal as text: escaped in the page, a JSON string (which issue.js sets as text)."""
    case = _case(letter_number=f"CS{MARKUP}{uuid.uuid4().hex[:4]}")
    by_api = _by_api(web, web.a.id, case)
    client = web.a.member

    page = post_case(client, case, "pdf")
    answer = _download(client, case, page_csrf(client))

    assert page.status_code == answer.status_code == 409
    html = page.get_data(as_text=True)
    assert by_api in html and MARKUP not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert answer.mimetype == "application/json"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert MARKUP in answer.json[0]["message"]


def test_the_pages_scripts_insert_text_never_markup():
    """What the server says (problem messages, letter numbers, channels) reaches the page
    through textContent (``el(…, {text: …})``), never parsed as HTML."""
    sinks = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")
    found = [
        (path.name, sink)
        for path in sorted(STATIC.glob("*.js"))
        for sink in sinks
        if sink in path.read_text(encoding="utf-8")
    ]
    assert found == []


def _batch_of(client: FlaskClient, folder: Path) -> str:
    cases = [person_case(0), {**person_case(1), "letter_date": "2099-01-01"}]
    return finished_web_batch(client, write_csv(folder / "cases.csv", *sheet(cases)))


def test_another_tenants_batch_reports_are_not_found(web, tmp_path):
    """T14: the rejects report, the manifest and the mailing sheet hold debtors' names,
    addresses and phones: only the run's tenant gets them."""
    run_id = _batch_of(web.a.member, tmp_path)
    names = ["rejects.csv", "rejects.xlsx", "manifest.csv", "manifest.xlsx", "mailing.xlsx"]
    ours = {n: web.a.member.get(f"/form/batches/{run_id}/files/{n}") for n in names}
    theirs = {n: web.b.admin.get(f"/form/batches/{run_id}/files/{n}") for n in names}

    assert {n: a.status_code for n, a in ours.items()} == dict.fromkeys(names, 200)
    assert {n: a.status_code for n, a in theirs.items()} == dict.fromkeys(names, 404)
    assert web.b.admin.get(f"/form/batches/{run_id}").status_code == 404
    for answer in (*ours.values(), *theirs.values()):
        answer.close()


def _odd_cases() -> list[Any]:
    case = _case()
    return [
        {**case, "debtor": []},
        {**case, "debtor": {**case["debtor"], "name": ["张伟"]}},
        {**case, "debtor": {**case["debtor"], "id_number": 110105}},
        {**case, "debtor": {**case["debtor"], "name": "张\x00伟"}},
        {**case, "guarantors": [{"name": "李四"}] * 50},
        {**case, "sender_profile_id": "../../1"},
        {**case, "sender_profile_id": 10**30},
        {**case, "amounts": {"components": "x"}},
        {**case, "letter_date": "2026-02-30", "letter_number": {"a": 1}},
        {**case, "recipient_index": -1},
        {"debtor": {"name": case["debtor"]["name"]}},
        {k: v for k, v in case.items() if k != "debtor"},
    ]


@pytest.mark.parametrize("index", range(len(_odd_cases())))
def test_an_odd_case_asked_about_is_answered_not_a_server_error(web, index):
    """``/issued`` reads a case as far as it parses (to find what another channel issued
    of it): a case that does not parse is no case issued, answered 200, never a 500."""
    client = web.a.member
    case = _odd_cases()[index]
    answer = client.post(
        "/form/demand_letter/issued", json=case, headers={"X-CSRFToken": page_csrf(client)}
    )
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    assert answer.json == {"documents": [], "elsewhere": []}
    download = _download(client, case, page_csrf(client))
    assert download.status_code in (400, 404, 409, 422), download.get_data(as_text=True)[:300]


def test_a_profile_id_past_the_column_is_not_found(web):
    """A ``sender_profile_id`` no row can have (past a 32-bit integer) is not found, as
    another tenant's: 422 on the case, 4xx at its address; the driver is never asked."""
    api = key_client(web.app, web.a.id, MEMBER)
    case = {**_case(), "sender_profile_id": 10**30}

    rendered = api.post("/api/v1/documents/demand_letter?format=pdf", json=case)
    shown = api.get(f"/api/v1/sender-profiles/{10**30}")

    assert rendered.status_code == 422, rendered.get_data(as_text=True)[:300]
    assert [p["loc"] for p in rendered.json] == [["sender_profile_id"]]
    assert shown.status_code in (404, 422)  # refused by its path model, or not found


def test_asking_about_a_case_logs_no_personal_data(web, caplog):
    """T8: the lookup of what another channel issued, its refusal and the new letter
    beside it log ids, never the debtor's name or ID number."""
    case = _case()
    name, number = case["debtor"]["name"], case["debtor"]["id_number"]
    client = web.a.member
    caplog.set_level("DEBUG")

    by_api = _by_api(web, web.a.id, case)
    asked = client.post(
        "/form/demand_letter/issued", json=case, headers={"X-CSRFToken": page_csrf(client)}
    )
    refused = _download(client, case, page_csrf(client))
    renewed = _download(client, case, page_csrf(client), issue_new=by_api)
    forged = _download(client, case, "forged", issue_new=by_api)

    assert asked.json["elsewhere"][0]["document_id"] == by_api
    assert (refused.status_code, renewed.status_code, forged.status_code) == (409, 200, 400)
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert "missing or invalid CSRF token" in logged  # the log was captured
    assert name not in logged and number not in logged and number[-8:] not in logged
