"""An installment loan's schedule against its term and the installments paid, and the
element form's 还息至 filled from the interest the complaint claims."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
LENDER = load_fixture("civil_complaint", "valid", "elements_company_lender")
BEYOND = load_fixture("civil_complaint", "valid", "elements_installments_beyond_term")
MISMATCH = load_fixture("civil_complaint", "invalid", "elements_installments_paid_do_not_match")


def _problems(data: dict) -> dict:
    return {(p.loc, p.code): p for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems}


def test_the_fixtures_schedule_fits_its_term_and_prints_it():
    codes = {code for _loc, code in _problems(LENDER)}
    assert not codes & {"installments_beyond_term", "installments_paid_mismatch"}
    printed = printed_copy("civil_complaint", LENDER)
    assert "约定期限：2025年3月3日起至2027年3月3日止" in printed


def test_a_last_installment_after_the_term_is_warned_at_the_count():
    problem = _problems(BEYOND)[(("loan", "installments", "count"), "installments_beyond_term")]
    assert problem.severity == "warning"
    assert (
        "最后一期应于2027年3月3日偿还，晚于约定的借款期限届满日（2027年2月28日）" in problem.message
    )


def test_installments_paid_must_end_on_the_day_paid_through():
    problem = _problems(MISMATCH)[
        (("loan", "installments", "paid_through"), "installments_paid_mismatch")
    ]
    assert problem.severity == "error"
    assert "第9期的还款日为2025年12月3日，与所填「已还至」（2025年11月3日）不符" in problem.message
    data = copy.deepcopy(LENDER)
    data["loan"]["installments"]["paid"] = 25
    assert (("loan", "installments", "paid"), "installments_paid_above_count") in _problems(data)


def test_interest_paid_to_is_the_day_before_the_interest_claimed():
    assert "还息至2025年12月3日" in printed_copy("civil_complaint", LENDER)
    data = copy.deepcopy(LENDER)
    data["loan"]["interest_paid_until"] = "2025-12-03"
    assert "还息至2025年12月3日" in printed_copy("civil_complaint", data)
    del data["loan"]["interest_paid_until"], data["loan"]["repaid_interest"]
    assert "还息至＿＿＿＿年＿＿月＿＿日" in printed_copy("civil_complaint", data)
