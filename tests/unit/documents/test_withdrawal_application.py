"""The application to withdraw: half the acceptance fee paid is asked back."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.domain.court_fees import half_of
from tests.support import load_fixture, printed_copy

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


def test_a_withdrawal_asks_back_what_the_halved_fee_leaves_of_what_was_paid():
    context, _ = _context(_with_fee(paid="2300.00"))
    assert context["requests"][1] == (
        "依法退还申请人已预交案件受理费中的人民币1,150.00元（大写：壹仟壹佰伍拾元整）"
        "（已预交人民币2,300.00元；依《诉讼费用交纳办法》第十五条减半后应交人民币1,150.00元）。"
    )
    # the request says it all: no second statement of the fee to contradict it
    assert len(context["requests"]) == 2


def test_an_odd_fen_is_rounded_half_up_on_the_fee_kept():
    context, _ = _context(_with_fee(paid="2300.01"))
    # 2,300.01 / 2 = 1,150.005 → 1,150.01 kept by the court, 1,150.00 refunded
    assert "案件受理费中的人民币1,150.00元" in context["requests"][1]
    assert (
        "已预交人民币2,300.01元；依《诉讼费用交纳办法》第十五条减半后应交人民币1,150.01元"
        in (context["requests"][1])
    )


def test_a_fee_the_claim_costs_is_refunded_in_one_statement_that_adds_up():
    context, _ = _context(SETTLED)
    # 118,249.32 costs 2,664.9864, charged 2,664.99; halved 1,332.495 → 1,332.50 payable
    # (half up: the applicant pays the half fen); 2,664.99 − 1,332.50 = 1,332.49 refunded
    request = context["requests"][1]
    assert request == (
        "依法退还申请人已预交案件受理费中的人民币1,332.49元（大写：壹仟叁佰叁拾贰元肆角玖分）"
        "（已预交人民币2,664.99元；按诉讼请求金额118,249.32元，依《诉讼费用交纳办法》"
        "第十三条第（一）项、第十五条减半后应交人民币1,332.50元）。"
    )
    assert "的一半" not in request and "四舍五入" not in request
    assert len(context["requests"]) == 2


def test_a_court_charging_whole_yuan_is_recognised():
    context, result = _context(_with_fee(paid="2665.00", claim_amount="118249.32"))
    assert result.warnings == []
    # charged 2,665; halved to the jiao, as rulings write it: 1,332.50 kept, 1,332.50 back
    assert "案件受理费中的人民币1,332.50元" in context["requests"][1]
    assert "减半后应交人民币1,332.50元" in context["requests"][1]


def test_a_fee_that_is_not_the_claims_fee_is_warned_of_and_halved_as_paid():
    context, result = _context(_with_fee(paid="3000.00", claim_amount="118249.32"))
    assert [(w.loc, w.code) for w in result.warnings] == [(("fee", "paid"), "fee_differs")]
    assert "案件受理费中的人民币1,500.00元" in context["requests"][1]
    assert "按诉讼请求金额" not in context["requests"][1]


def test_a_summary_procedure_case_paid_half_already_and_names_no_refund():
    data = load_fixture("withdrawal_application", "valid", "summary_procedure_no_refund")
    context, result = _context(data)
    # the applicant's request, item 2 in the body's type as the other withdrawals' refund
    assert context["requests"][1] == (
        "本案适用简易程序审理，申请人已依《诉讼费用交纳办法》第十六条减半预交案件受理费"
        "人民币525.00元（大写：伍佰贰拾伍元整）；如依法应予退还，请予退还。"
    )
    assert len(context["requests"]) == 2
    assert "fee_basis" not in context
    assert (("fee", "procedure"), "summary_halving_unsettled") in [
        (w.loc, w.code) for w in result.warnings
    ]
    text = printed_copy("withdrawal_application", data)
    assert "2. 本案适用简易程序审理" in text
    assert "案件受理费：" not in text  # no heading over a note any more


def test_the_applicants_representative_is_named_with_the_position_or_warned():
    data = load_fixture("withdrawal_application", "valid", "summary_procedure_no_refund")
    context, result = _context(data)
    at = ("applicants", 0, "party", "representative_position")
    (warning,) = [w for w in result.warnings if w.code == "position_missing"]
    assert warning.loc == at
    assert warning.message == (
        "撤诉申请书应写明深圳市恒信商贸有限公司的法定代表人陈建国的职务"
        "（参照《中华人民共和国民事诉讼法》第一百二十四条第一项）"
    )
    assert "法定代表人：陈建国。" in context["parties"]
    data["applicants"][0]["party"]["representative_position"] = "执行董事"
    context, result = _context(data)
    assert "position_missing" not in [w.code for w in result.warnings]
    assert "法定代表人：陈建国，执行董事。" in context["parties"]


def test_every_withdrawal_halving_keeps_the_half_fen_and_refunds_the_rest():
    # one rule (court_fees.half_of, 诉讼费用交纳办法 art. 15) whether the fee is computed
    # from the claim or halved as paid: the applicant pays the half fen
    for claim, paid in (("118249.32", "2664.99"), ("16409.02", "210.23"), (None, "2300.01")):
        fee = {"paid": paid} if claim is None else {"paid": paid, "claim_amount": claim}
        _, result = _context(_with_fee(**fee))
        refund = result.computed["refund"]
        assert refund.due == half_of(Decimal(paid))
        assert refund.due + refund.refund == Decimal(paid)
        assert refund.due >= refund.refund
