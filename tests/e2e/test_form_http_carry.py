"""A case carried through the form over HTTP: each next document is offered, opens with the
shared facts, names what is left to fill and validates once the user has filled it."""

from __future__ import annotations

import html
import json
import re

import pytest

from docgen.config import Settings
from docgen.documents import registry
from docgen.web import create_app
from docgen.web.carry import to_fill
from tests.carry_paths import STEPS, Step, filled, source
from tests.e2e.test_tenant_isolation_web import _latest_document
from tests.support import authorized_client
from tests.tenant_support import LOGIN, TwoTenants, page_csrf, tenant_app, two_tenants


@pytest.fixture(scope="module")
def client(settings):
    return authorized_client(create_app({"TESTING": True, "SETTINGS": settings}))


def _token(client, type_name: str) -> str:
    page = client.get(f"/form/{type_name}").get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]


def _offered(page: str) -> list[str]:
    box = re.search(r'<select id="carry-target">(.*?)</select>', page, re.S)
    return re.findall(r'<option value="([a-z_]+)"', box.group(1)) if box else []


@pytest.mark.parametrize("step", STEPS, ids=str)
def test_each_next_document_opens_with_the_case_and_validates_once_filled(client, step: Step):
    page = client.get(f"/form/{step.source}").get_data(as_text=True)
    assert step.target in _offered(page)
    given = source(step.source)
    token = _token(client, step.source)
    answer = client.post(
        f"/form/{step.source}/carry",
        json={"target": step.target, "case": given},
        headers={"X-CSRFToken": token},
    )
    assert answer.status_code == 200
    carried = answer.json["case"]
    assert answer.json["title"] == registry.get(step.target).title
    printed = json.dumps(carried, ensure_ascii=False)
    for party in ("creditor", "client", "applicant", "debtor", "respondent"):
        if isinstance(given.get(party), dict):
            assert given[party]["name"] in printed
    court = given.get("court") or given.get("suit", {}).get("court")
    if court:
        assert court in printed

    opened = client.get(answer.json["url"]).get_data(as_text=True)
    listed = re.search(r'<p class="help" id="to-fill">(.*?)</p>', opened, re.S)
    assert listed, "the page names what is left to fill"
    assert f'data-carried-from="{registry.get(step.source).title}"' in opened
    assert "本文书还须由您填写" in html.unescape(listed.group(1))
    # the page lists what every carried case leaves; what this case's values ask besides
    # (a charge told by a note, typed again with its formula) comes back on validation
    for name in to_fill(step.target):
        assert f'data-field="{name}"' in listed.group(1)
    names = to_fill(step.target, carried)

    checked = client.post(
        f"/form/{step.target}/validate",
        json=filled(carried, step.target, names),
        headers={"X-CSRFToken": _token(client, step.target)},
    )
    assert checked.json["errors"] == []
    assert checked.json["valid"] is True


def test_a_document_that_does_not_follow_is_refused(client):
    token = _token(client, "civil_complaint")
    answer = client.post(
        "/form/civil_complaint/carry",
        json={"target": "payment_order", "case": source("civil_complaint")},
        headers={"X-CSRFToken": token},
    )
    assert answer.status_code == 400
    assert answer.json[0]["loc"] == ["target"] or answer.json[0]["path"] == "target"
    assert "payment_order" not in _offered(client.get("/form/civil_complaint").get_data(True))
    assert _offered(client.get("/form/withdrawal_application").get_data(True)) == []


@pytest.fixture
def web(database_url, tmp_path, service) -> TwoTenants:
    settings = Settings(data_dir=tmp_path / "data", database_url=database_url)
    return two_tenants(tenant_app(settings, service, **LOGIN), web=True)


def test_the_case_list_offers_what_follows_a_complaint_filled_with_its_fee(web):
    complaint = source("civil_complaint")
    form = {"format": "docx", "case": json.dumps(complaint), "csrf_token": page_csrf(web.a.member)}
    assert web.a.member.post("/form/civil_complaint/render", data=form).status_code == 200
    document_id = _latest_document(web.app, web.a.id)

    listed = web.a.admin.get("/form/cases").get_data(as_text=True)
    row = listed[listed.index("深圳市恒信商贸有限公司（债权人）· 王磊（债务人）") :]
    offered = re.search(r'<ul class="case-next">(.*?)</ul>', row, re.S).group(1)  # type: ignore[union-attr]
    for title in ("撤诉申请书", "和解协议", "强制执行申请书", "财产保全申请书"):
        assert f"制作{title}" in offered, title
    assert "支付令申请书" not in offered  # a suit filed is not followed by a payment order

    opened = web.a.member.get(f"/form/withdrawal_application?from={document_id}")
    assert opened.status_code == 200
    page = opened.get_data(as_text=True)
    data = re.search(r'<script type="application/json" id="form-data">(.*?)</script>', page, re.S)
    carried = json.loads(data.group(1))  # type: ignore[union-attr]
    assert carried["court"] == "深圳市福田区人民法院"
    assert carried["fee"]["paid"] == "3678.30"
    assert [d["name"] for d in carried["defendants"]] == ["王磊", "福州闽江建材有限公司"]
    # the case number is the court's: the page asks for it
    assert 'data-field="case_number"' in page
    assert web.a.member.get(f"/form/payment_order?from={document_id}").status_code == 404


def _case_on_page(page: str) -> dict:
    data = re.search(r'<script type="application/json" id="form-data">(.*?)</script>', page, re.S)
    return json.loads(data.group(1))  # type: ignore[union-attr]


def test_a_letters_interruptions_keep_the_confirmations_period_running(client):
    # a debt due at the end of 2022 whose period a letter received in 2025 restarted:
    # carried, the confirmation knows it and neither warns nor has the debtor waive
    letter = source("demand_letter")
    letter["contract"] = {**letter["contract"], "signed_on": "2021-12-01", "due_date": "2022-12-31"}
    letter["prior_interruptions"] = [{"kind": "demand_delivered", "day": "2025-06-06"}]
    answer = client.post(
        "/form/demand_letter/carry",
        json={"target": "debt_confirmation", "case": letter},
        headers={"X-CSRFToken": _token(client, "demand_letter")},
    )
    carried = answer.json["case"]
    assert carried["prior_interruptions"] == letter["prior_interruptions"]

    def warned(case: dict) -> set[str]:
        checked = client.post(
            "/form/debt_confirmation/validate",
            json=filled(case, "debt_confirmation", to_fill("debt_confirmation", case)),
            headers={"X-CSRFToken": _token(client, "debt_confirmation")},
        )
        assert checked.json["errors"] == []
        return {w["code"] for w in checked.json["warnings"]}

    assert "limitation_may_have_expired" not in warned(carried)
    retyped = {k: v for k, v in carried.items() if k != "prior_interruptions"}
    retyped["pay_by"] = "2026-12-31"  # a debt confirmed when it may be time-barred is paid by a day
    assert "limitation_may_have_expired" in warned(retyped)


def test_a_registered_letters_receipt_is_carried_as_an_interruption(web):
    from datetime import date

    from docgen.register.deliveries import DeliveryInput, DeliveryLog

    letter = source("demand_letter")
    letter["prior_interruptions"] = [{"kind": "partial_payment", "day": "2026-03-15"}]
    form = {"format": "docx", "case": json.dumps(letter), "csrf_token": page_csrf(web.a.member)}
    assert web.a.member.post("/form/demand_letter/render", data=form).status_code == 200
    document_id = _latest_document(web.app, web.a.id)
    register = web.app.extensions["docgen"].register
    delivery = DeliveryInput(document_id, "EA123456785CN", date(2026, 11, 20), date(2026, 11, 23))
    DeliveryLog(register, web.a.id).record(delivery, "test")

    listed = web.a.admin.get("/form/cases").get_data(as_text=True)
    assert "制作分期还款协议" in listed
    for target in ("debt_confirmation", "installment_agreement"):
        opened = web.a.member.get(f"/form/{target}?from={document_id}")
        assert opened.status_code == 200
        carried = _case_on_page(opened.get_data(as_text=True))
        assert carried["prior_interruptions"] == [
            {"kind": "partial_payment", "day": "2026-03-15"},
            {"kind": "demand_delivered", "day": "2026-11-23"},
        ], target
