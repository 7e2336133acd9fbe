"""The application to withdraw: half the acceptance fee paid is asked back."""

from __future__ import annotations

import copy
from datetime import date

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

TYPE = registry.get("withdrawal_application")
SETTLED = load_fixture("withdrawal_application", "valid", "settled_fee_from_the_claim")


def _context(data):
    case = TYPE.parse(data)
    result = TYPE.evaluate(case, RuleOptions(today=date(2026, 12, 1)))
    assert result.errors == []
    return TYPE.build_context(case, result), result


def _with_fee(**fee):
    data = copy.deepcopy(SETTLED)
    data["fee"] = fee
    return data


def test_a_withdrawal_asks_for_half_the_fee_paid():
    context, _ = _context(_with_fee(paid="2300.00"))
    assert context["requests"][1] == (
        "依法退还申请人已预交案件受理费人民币2,300.00元（大写：贰仟叁佰元整）的一半，即"
        "人民币1,150.00元（大写：壹仟壹佰伍拾元整）（《诉讼费用交纳办法》第十五条）。"
    )


def test_an_odd_fen_is_rounded_half_up_on_the_fee_kept():
    context, _ = _context(_with_fee(paid="2300.01"))
    # 2,300.01 / 2 = 1,150.005 → 1,150.01 kept by the court, 1,150.00 refunded
    assert "即人民币1,150.00元" in context["requests"][1]
    assert "减半为1,150.01元，应退还1,150.00元" in context["fee_basis"]


def test_a_fee_the_claim_costs_is_halved_as_the_fee_code_halves_it():
    context, _ = _context(SETTLED)
    # 118,249.32 costs 2,664.9864, charged 2,664.99; halved exactly 1,332.4932 → 1,332.49
    assert "即人民币1,332.50元（大写：壹仟叁佰叁拾贰元伍角）" in context["requests"][1]
    assert "申请人已预交2,664.99元，应退还1,332.50元" in context["fee_basis"]


def test_a_court_charging_whole_yuan_is_recognised():
    context, result = _context(_with_fee(paid="2665.00", claim_amount="118249.32"))
    assert result.warnings == []
    # 1,332.4932 rounded to the yuan is 1,332 kept, 1,333 refunded
    assert "即人民币1,333.00元" in context["requests"][1]


def test_a_fee_that_is_not_the_claims_fee_is_warned_of_and_halved_as_paid():
    context, result = _context(_with_fee(paid="3000.00", claim_amount="118249.32"))
    assert [(w.loc, w.code) for w in result.warnings] == [(("fee", "paid"), "fee_differs")]
    assert "即人民币1,500.00元" in context["requests"][1]


def test_a_summary_procedure_case_paid_half_already_and_names_no_refund():
    data = load_fixture("withdrawal_application", "valid", "summary_procedure_no_refund")
    context, result = _context(data)
    assert len(context["requests"]) == 1
    assert (
        "人民币525.00元" in context["fee_basis"]
        and "如依法应予退还，请予退还" in context["fee_basis"]
    )
    assert [(w.loc, w.code) for w in result.warnings] == [
        (("fee", "procedure"), "summary_halving_unsettled")
    ]
