"""A settlement may say that no late interest is payable (``late_interest_waived``): the
creditor releases it (民法典 arts. 575, 676: late interest is owed as agreed); by default
the law's rate is stated, as before."""

from __future__ import annotations

import copy
from datetime import date

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.web.formspec import form_spec
from tests.support import load_fixture, printed_copy

TYPE = registry.get("settlement_agreement")
OPTIONS = RuleOptions(today=date(2026, 12, 1))
WAIVED = load_fixture("settlement_agreement", "valid", "late_interest_waived")
BOTH = load_fixture("settlement_agreement", "invalid", "late_interest_waived_with_a_late_rate")
ONCE = load_fixture("settlement_agreement", "valid", "before_suit_paid_at_once")
UNNAMED = load_fixture("settlement_agreement", "valid", "debt_without_its_contract")


def _assess(data):
    return TYPE.evaluate(TYPE.parse(data), OPTIONS)


def _article(printed: str, heading: str) -> str:
    lines = printed.splitlines()
    at = next(i for i, line in enumerate(lines) if line.endswith(heading))
    return "\n".join(lines[at + 1 : at + 3])


def test_a_plan_without_late_interest_says_so_before_what_falls_due():
    printed = printed_copy("settlement_agreement", WAIVED)
    default = _article(printed, "违约责任")
    assert default.startswith(
        "各方约定不计逾期利息：乙方未按期足额付款的，甲方不就逾期未付的款项（含加速到期的款项"
        "及减让失效后应付的原欠款余额）计收逾期利息，也不主张逾期期间的利息损失；乙方仍应依本条"
        "约定付清应付款项。\n乙方累计2期未按期足额付款的，"
    )
    assert "逾期利率" not in printed and "就该余额及逾期利息" not in printed
    assert "、逾期利息" not in printed  # the guarantee secures no late interest


def test_one_payment_without_late_interest():
    data = copy.deepcopy(ONCE) | {"late_interest_waived": True}
    printed = printed_copy("settlement_agreement", data)
    assert (
        "双方约定不计逾期利息：乙方未按期足额付款的，甲方不就逾期未付的款项（含减让失效后应付的"
        "原欠款余额）计收逾期利息，也不主张逾期期间的利息损失；乙方仍应依本条约定付清应付款项。"
    ) in printed
    assert "贷款市场报价利率" not in printed
    codes = {w.code for w in _assess(data).warnings}
    assert "late_interest_waived" in codes and "late_interest_defaulted" not in codes


def test_the_waiver_is_warned_of_with_what_the_law_would_have_given():
    (warning,) = [w for w in _assess(WAIVED).warnings if w.code == "late_interest_waived"]
    assert warning.loc == ("late_interest_waived",)
    assert "乙方迟延付款没有利息成本" in warning.message
    assert "第六百七十六条" in warning.message
    assert "一年期贷款市场报价利率（LPR）" in warning.message  # a loan's, by default
    # without a contract nothing is said missing: the agreement says there is none
    data = copy.deepcopy(UNNAMED) | {"late_interest_waived": True}
    codes = {w.code for w in _assess(data).warnings}
    assert "late_interest_waived" in codes
    assert not codes & {"late_interest_missing", "lapse_without_late_interest"}
    assert "甲方不就逾期未付的款项" in printed_copy("settlement_agreement", data)


def test_a_waiver_beside_a_late_rate_is_refused_at_the_waiver():
    (error,) = _assess(BOTH).errors
    assert (error.loc, error.code) == (("late_interest_waived",), "waived_with_late_rate")
    assert error.message == "已填写逾期利率，又选择了不计逾期利息：协议只能约定其一"


def test_the_form_offers_the_waiver_and_hides_the_rate_when_it_is_chosen():
    spec = form_spec(TYPE.json_schema(), TYPE.title)
    fields = {f["name"]: f for f in spec["fields"]}
    waived = fields["late_interest_waived"]
    assert waived["title"] == "不计逾期利息" and waived["widget"] == "checkbox"
    assert waived.get("default") is False
    assert fields["late_interest"]["shown_when"] == {
        "field": "late_interest_waived",
        "in": [False],
    }
    # left alone, the law's rate is stated as before
    assert "late_interest_defaulted" in {w.code for w in _assess(ONCE).warnings}
