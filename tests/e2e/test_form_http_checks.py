"""校验 and 计算 of the form over HTTP on cases not filled in yet: a missing required field
does not hide what the rules find in the rest, and 计算 computes what the filled values give
and says, beside each input, which figures wait for it."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest

from docgen.web import create_app
from tests.support import authorized_client, load_fixture

PERSON = load_fixture("demand_letter", "valid", "person_debtor")


@pytest.fixture(scope="module")
def client(settings):
    return authorized_client(create_app({"TESTING": True, "SETTINGS": settings}))


def _token(client, type_name: str = "demand_letter") -> str:
    page = client.get(f"/form/{type_name}").get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]


def _post(client, route: str, case: Any, type_name: str = "demand_letter") -> dict[str, Any]:
    response = client.post(
        f"/form/{type_name}/{route}", json=case, headers={"X-CSRFToken": _token(client, type_name)}
    )
    assert response.status_code == 200
    report: dict[str, Any] = response.json
    return report


def _shown(problems: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(form element, code, message) of each problem, as the form shows it."""
    return sorted((p["field"], p["code"], p["message"]) for p in problems)


def _letter(**changes: Any) -> dict[str, Any]:
    """The person debtor's letter with values changed (``debtor__name=None`` removes one)."""
    case = copy.deepcopy(PERSON)
    for key, value in changes.items():
        *parents, last = key.split("__")
        node = case
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is None:
            del node[last]
        else:
            node[last] = value
    return case


def test_a_missing_name_a_wrong_date_order_and_total_are_reported_at_once(client):
    case = _letter(debtor__name=None, contract__due_date="2024-01-10", amounts__total="112242.39")
    report = _post(client, "validate", case)
    assert not report["valid"]
    assert _shown(report["errors"]) == [
        (
            "f.amounts.total",
            "total_mismatch",
            "合计金额应等于各项之和：各项合计为人民币112,242.38元，填写的合计为人民币112,242.39元",
        ),
        ("f.contract.signed_on", "signed_after_due", "合同签订日期不得晚于应付款日期"),
        ("f.debtor.name", "missing", "必填项，请填写"),
    ]
    # the API answers the same
    api = client.post("/api/v1/documents/demand_letter/validate", json=case).json
    assert [(e["loc"], e["code"]) for e in api["errors"]] == [
        (e["loc"], e["code"]) for e in report["errors"]
    ]


def test_the_form_refuses_to_print_it_naming_every_problem(client):
    case = _letter(debtor__name=None, contract__due_date="2024-01-10")
    response = client.post(
        "/form/demand_letter/render",
        data={"case": json.dumps(case), "format": "pdf", "csrf_token": _token(client)},
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "必填项，请填写" in page
    assert "合同签订日期不得晚于应付款日期" in page


def test_a_finding_that_hangs_on_a_missing_value_is_not_reported(client):
    # the amounts are reckoned to a day after the sample's letter date: judged against it,
    # they would be "after the letter", but the letter's own date is not given yet
    case = _letter(letter_date=None, amounts__as_of="2026-11-25")
    report = _post(client, "validate", case)
    assert _shown(report["errors"]) == [("f.letter_date", "missing", "必填项，请填写")]
    # only what the sample itself is warned of (its penalty's basis, say)
    own = {(tuple(w["loc"]), w["code"]) for w in _post(client, "validate", _letter())["warnings"]}
    assert {(tuple(w["loc"]), w["code"]) for w in report["warnings"]} <= own
    # given, the date is judged
    report = _post(client, "validate", _letter(amounts__as_of="2026-11-25"))
    assert [e["field"] for e in report["errors"]] == ["f.amounts.as_of"]


def test_a_rule_about_a_missing_party_says_nothing_about_the_stand_in(client):
    # the debtor is the creditor: said once the debtor is there, not about a sample's debtor
    case = _letter(debtor=None)
    report = _post(client, "validate", case)
    assert _shown(report["errors"]) == [("f.debtor", "missing", "必填项，请填写")]


@pytest.mark.parametrize(
    "case",
    [{}, {"creditor": {"kind": "person"}}, {"letter_date": "not a date"}, {"amounts": []}],
    ids=["empty", "kind only", "bad date", "wrong shape"],
)
def test_an_empty_or_odd_case_is_answered_never_a_500(client, case):
    for route in ("validate", "calculate"):
        report = _post(client, route, case)
        assert not report["valid"]
        assert report["errors"] and all(e["message"] for e in report["errors"])


def test_calculate_shows_what_the_filled_values_give_and_what_waits(client):
    report = _post(client, "calculate", _letter(letter_date=None))
    figures = {f["label"]: f for f in report["figures"]}
    assert figures["合计金额"]["value"] == "人民币112,242.38元"
    assert figures["合计金额（大写）"]["value"] == "壹拾壹万贰仟贰佰肆拾贰元叁角捌分"
    assert figures["诉讼费（按合计金额起诉，预估）"]["value"] == "人民币2,544.85元"
    # the deadline runs from the letter's date, the limitation's state is told as of it
    for waiting in ("付款截止日期（自发函日起算）", "诉讼时效届满日"):
        assert figures[waiting]["value"] == "" and figures[waiting]["needs"] == ["f.letter_date"]
    assert _shown(report["needed"]) == [
        (
            "f.letter_date",
            "needed_for_calculation",
            "计算诉讼时效届满日、付款截止日期（自发函日起算）需要此项，请填写",
        )
    ]
    # the problems of 校验 come with it
    assert _shown(report["errors"]) == [("f.letter_date", "missing", "必填项，请填写")]


def test_calculate_waits_for_an_amount_in_error_and_says_so_beside_it(client):
    report = _post(client, "calculate", _letter(amounts__components__0__amount="一些"))
    figures = {f["label"]: f for f in report["figures"]}
    assert figures["合计金额"]["needs"] == ["f.amounts.components.0.amount"]
    assert "value" in figures["付款截止日期（自发函日起算）"]
    assert figures["付款截止日期（自发函日起算）"]["value"] == "2026年12月1日"
    assert _shown(report["needed"]) == [
        (
            "f.amounts.components.0.amount",
            "needed_for_calculation",
            "此项有误：改正后才能计算合计金额、诉讼费（按合计金额起诉，预估）",
        )
    ]


def test_calculate_on_a_valid_case_shows_every_figure_and_needs_nothing(client):
    report = _post(client, "calculate", PERSON)
    assert report["valid"] and report["needed"] == []
    assert all(f["value"] and "needs" not in f for f in report["figures"])
    assert {f["label"] for f in report["figures"]} >= {"合计金额", "付款截止日期（自发函日起算）"}
