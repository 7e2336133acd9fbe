"""A typed overdue charge that names no base, rate or dates is warned of at its amount; the
facts of a sale whose payments are not stated still say what price is owed."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)
TYPED = load_fixture("civil_complaint", "valid", "narrative_sale_typed_penalty")
UNTRACED = load_fixture("civil_complaint", "valid", "narrative_sale_penalty_untraced")
SALE = load_fixture("civil_complaint", "valid", "narrative_sale_contract")
DOC = registry.get("civil_complaint")


def _assess(data: dict):
    case = DOC.parse(data)
    return case, DOC.evaluate(case, OPTIONS)


def _warnings(data: dict) -> dict:
    return {p.code: p for p in _assess(data)[1].problems if p.severity == "warning"}


def _facts(data: dict) -> list[str]:
    case, assessment = _assess(data)
    assert assessment.errors == []
    return DOC.build_context(case, assessment)["facts"]


def test_a_penalty_typed_without_base_rate_or_dates_is_warned_of_at_its_amount():
    warning = _warnings(UNTRACED)["typed_charge_untraced"]
    assert warning.loc == ("amounts", "components", 1, "amount")
    assert "逾期付款违约金直接填写为人民币9,500.00元，未写明计算的基数、利率（标准）和起止日期" in (
        warning.message
    )
    assert "第五百八十五条" in warning.message


def test_a_charge_that_can_be_traced_is_not_warned_of():
    assert "typed_charge_untraced" not in _warnings(TYPED)  # its note names a rate
    assert "typed_charge_untraced" not in _warnings(SALE)  # computed
    agreed = copy.deepcopy(UNTRACED)
    agreed["amounts"]["components"][1]["amount"] = "20000.00"  # the agreed sum
    assert "typed_charge_untraced" not in _warnings(agreed)
    shared = copy.deepcopy(UNTRACED)
    shared["amounts"]["components"][1]["note"] = "以未付货款380,000.00元的2.5%计收"
    assert "typed_charge_untraced" not in _warnings(shared)


def test_the_facts_say_what_price_is_owed_when_the_payments_are_not_stated():
    breach = next(f for f in _facts(TYPED) if f.startswith("付款期限届满后"))
    assert breach == (
        "付款期限届满后，被告杭州远景建设工程有限公司未依约清偿，尚欠货款人民币380,000.00元"
        "（大写：叁拾捌万元整），至今仍未履行付款义务。"
    )


def test_an_owed_price_the_sale_facts_state_is_not_told_twice():
    facts = "".join(_facts(SALE))
    assert facts.count("尚欠") == 1
