"""The database decides between two downloads of one case that both found it not yet
issued (two tabs, a double click): one issues it, the other is refused naming that
document; and a case the tenant issued through the API is not issued again by the form
unasked, while another tenant's issue of it is never seen."""

from __future__ import annotations

import json
import threading
import uuid
from typing import Any

import pytest

from docgen.config import Settings
from docgen.services import DocumentService
from docgen.tenants import MEMBER
from docgen.web import form_issue
from tests.form_issue import issuing_web, post_case, stamp_in_pdf
from tests.support import load_fixture
from tests.tenant_support import TwoTenants, key_client, page_csrf, signed_in

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def web(settings: Settings, service: DocumentService) -> TwoTenants:
    return issuing_web(settings, service)


def _case() -> dict[str, Any]:
    case = load_fixture("demand_letter", "valid", "person_debtor")
    case.pop("letter_number", None)
    debtor = {**case["debtor"], "name": f"张{uuid.uuid4().hex[:4]}"}
    return {**case, "debtor": debtor}


def _both_at_once(monkeypatch: pytest.MonkeyPatch, posts: list[Any]) -> list[Any]:
    """Each post in a thread of its own, both past the check before either records."""
    looked = threading.Barrier(len(posts), timeout=30)
    history = form_issue._history

    def in_step(*args: Any) -> Any:
        found = history(*args)
        if threading.current_thread() is not threading.main_thread():
            looked.wait()
            monkeypatch.setattr(form_issue, "_history", history)  # the loser's re-read
        return found

    monkeypatch.setattr(form_issue, "_history", in_step)
    answers: list[Any] = [None] * len(posts)

    def run(i: int) -> None:
        answers[i] = posts[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(posts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return answers


def _codes(answer: Any) -> str:
    return answer.get_data(as_text=True)


def test_two_simultaneous_downloads_of_a_case_issue_it_once(web, monkeypatch):
    case = _case()
    tabs = [signed_in(web.app, web.a.id, MEMBER) for _ in range(2)]
    for tab in tabs:
        page_csrf(tab)  # each tab's page is open before either downloads
    answers = _both_at_once(
        monkeypatch, [lambda tab=tab: post_case(tab, case, "pdf") for tab in tabs]
    )

    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200, 409], [a.get_data(as_text=True)[-400:] for a in answers]
    won = next(a for a in answers if a.status_code == 200)
    lost = next(a for a in answers if a.status_code == 409)
    first = stamp_in_pdf(won.data)[0]
    page = lost.get_data(as_text=True)
    assert 'data-code="case_issued_since"' in page
    assert f"本案此后已另行出具新的函件（文书编号 {first}）" in page
    rows = web.app.extensions["docgen"].register.recent(web.a.id)
    assert [r.id for r in rows if r.debtor_name == case["debtor"]["name"]] == [first]
    # the case is the one issued: the same document, to anyone of the tenant
    again = post_case(signed_in(web.app, web.a.id, MEMBER), case, "pdf")
    assert stamp_in_pdf(again.data)[0] == first


def test_two_simultaneous_second_letters_make_one(web, monkeypatch):
    case, client = _case(), web.a.member
    first = stamp_in_pdf(post_case(client, case, "pdf").data)[0]
    other = signed_in(web.app, web.a.id, MEMBER)
    page_csrf(other)
    answers = _both_at_once(
        monkeypatch,
        [lambda c=c: post_case(c, case, "pdf", issue_new=first) for c in (client, other)],
    )

    assert sorted(a.status_code for a in answers) == [200, 409]
    renewed = stamp_in_pdf(next(a for a in answers if a.status_code == 200).data)[0]
    lost = next(a for a in answers if a.status_code == 409).get_data(as_text=True)
    assert f"本案此后已另行出具新的函件（文书编号 {renewed}）" in lost
    assert renewed != first


def _issued(client: Any, case: dict[str, Any]) -> dict[str, Any]:
    answer = client.post(
        "/form/demand_letter/issued", json=case, headers={"X-CSRFToken": page_csrf(client)}
    )
    assert answer.status_code == 200
    return answer.json


def test_a_case_the_api_issued_is_named_before_the_form_issues_it_again(web):
    case = {**_case(), "letter_number": f"CS-{uuid.uuid4().hex[:8]}"}
    api = key_client(web.app, web.a.id, MEMBER)
    made = api.post("/api/v1/documents/demand_letter?format=pdf", json=case)
    assert made.status_code == 200, made.get_data(as_text=True)[:400]
    by_api = stamp_in_pdf(made.data)[0]
    client = web.a.member
    today = {**case, "letter_date": "2026-11-26"}  # the form's own date: the same case

    shown = _issued(client, today)
    refused = post_case(client, today, "pdf")
    page = refused.get_data(as_text=True)

    assert shown["documents"] == []
    (earlier,) = shown["elsewhere"]
    assert earlier["document_id"] == by_api and earlier["channel"] == "接口（API）"
    assert earlier["letter_number"] == case["letter_number"] and earlier["issued_on"]
    assert refused.status_code == 409
    assert 'data-code="case_issued_elsewhere"' in page
    assert f"文书编号 {by_api}（{earlier['issued_on']}，接口（API），函号 " in page
    # asked in so many words, beside the document named: issued by the form
    renewed = post_case(client, today, "pdf", issue_new=by_api)
    assert renewed.status_code == 200, renewed.get_data(as_text=True)[-400:]
    new_id = stamp_in_pdf(renewed.data)[0]
    assert new_id != by_api
    assert [d["document_id"] for d in _issued(client, today)["documents"]] == [new_id]


def test_the_pages_own_download_is_refused_in_json(web):
    """The page fetches a download asking for JSON: a refusal is its problems (code,
    message, hint), shown beside the download buttons, not a page."""
    case = {**_case(), "letter_number": f"CS-{uuid.uuid4().hex[:8]}"}
    api = key_client(web.app, web.a.id, MEMBER)
    by_api = stamp_in_pdf(api.post("/api/v1/documents/demand_letter?format=pdf", json=case).data)[0]
    client = web.a.member
    form = {
        "csrf_token": page_csrf(client),
        "case": json.dumps(case, ensure_ascii=False),
        "format": "pdf",
        "disposition": "attachment",
    }
    refused = client.post(
        "/form/demand_letter/render", data=form, headers={"Accept": "application/json"}
    )

    assert refused.status_code == 409
    (problem,) = refused.json
    assert problem["code"] == "case_issued_elsewhere"
    assert f"本案已通过其他途径出具：文书编号 {by_api}（" in problem["message"]
    assert "「仍要出具新文书」" in problem["hint"]


def test_a_changed_case_is_not_the_one_the_api_issued(web):
    case = _case()
    api = key_client(web.app, web.a.id, MEMBER)
    assert api.post("/api/v1/documents/demand_letter?format=pdf", json=case).status_code == 200
    changed = {**case, "amounts": {**case["amounts"], "as_of": "2026-11-01"}}
    assert _issued(web.a.member, changed) == {"documents": [], "elsewhere": []}


def test_another_tenants_api_issue_of_the_case_is_never_seen(web):
    case = _case()
    api_b = key_client(web.app, web.b.id, MEMBER)
    assert api_b.post("/api/v1/documents/demand_letter?format=pdf", json=case).status_code == 200

    assert _issued(web.a.member, case) == {"documents": [], "elsewhere": []}
    issued = post_case(web.a.member, case, "pdf")
    assert issued.status_code == 200, issued.get_data(as_text=True)[-400:]
    # and B's own form sees its API document only, not A's form issue
    (earlier,) = _issued(web.b.member, case)["elsewhere"]
    assert earlier["document_id"] != stamp_in_pdf(issued.data)[0]
    assert post_case(web.b.member, case, "pdf").status_code == 409


def test_another_letter_number_is_another_case(web):
    case = {**_case(), "letter_number": f"CS-{uuid.uuid4().hex[:8]}"}
    api = key_client(web.app, web.a.id, MEMBER)
    assert api.post("/api/v1/documents/demand_letter?format=pdf", json=case).status_code == 200
    renumbered = {**case, "letter_number": f"CS-{uuid.uuid4().hex[:8]}"}

    assert _issued(web.a.member, renumbered)["elsewhere"] == []
    assert post_case(web.a.member, renumbered, "pdf").status_code == 200


def test_each_recipients_copy_the_api_issued_is_named(web):
    case = load_fixture("demand_letter", "valid", "guarantor_demanded_in_time")
    case = {**case, "letter_number": f"CS-{uuid.uuid4().hex[:8]}"}
    case["debtor"] = {**case["debtor"], "name": f"王{uuid.uuid4().hex[:4]}"}
    api = key_client(web.app, web.a.id, MEMBER)
    made = api.post("/api/v1/documents/demand_letter?format=pdf", json=case)
    assert made.status_code == 200, made.get_data(as_text=True)[:400]
    rows = web.app.extensions["docgen"].register.recent(web.a.id)
    copies = sorted(r.id for r in rows if r.debtor_name == case["debtor"]["name"])
    assert len(copies) == 2

    earlier = _issued(web.a.member, case)["elsewhere"]
    assert [d["document_id"] for d in earlier] == copies
    assert [d["letter_number"] for d in earlier] == [
        case["letter_number"] + "-1",
        case["letter_number"] + "-2",
    ]
    assert post_case(web.a.member, case, "pdf", issue_new=copies[0]).status_code == 409
    renewed = post_case(web.a.member, case, "pdf", issue_new=",".join(copies))
    assert renewed.status_code == 200, renewed.get_data(as_text=True)[-400:]
