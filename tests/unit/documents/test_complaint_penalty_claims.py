"""A complaint's 违约金: computed with its base, start and rate; a typed sum read against the
rate its note names (below it: the part claimed printed; above it: refused); a seller's
price stated with what was paid."""

from __future__ import annotations

import copy
from decimal import Decimal

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.note_rates import rate_in_note
from docgen.domain.interest import RateSpec
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)
SALE = load_fixture("civil_complaint", "valid", "narrative_sale_contract")
TYPED = load_fixture("civil_complaint", "valid", "narrative_sale_typed_penalty")
DOC = registry.get("civil_complaint")


def _assess(data: dict):
    case = DOC.parse(data)
    return case, DOC.evaluate(case, OPTIONS)


def _context(data: dict) -> dict:
    case, assessment = _assess(data)
    assert assessment.errors == []
    return DOC.build_context(case, assessment)


def _warnings(data: dict) -> dict:
    return {p.code: p for p in _assess(data)[1].problems if p.severity == "warning"}


def test_the_sale_penalty_is_claimed_with_its_base_start_and_rate_and_runs_until_payment():
    claims = _context(SALE)["claims"]
    # a penalty agreed by the day is no interest rate: 每日0.05%, as the contract says it
    assert not any("日利率" in claim for claim in claims)
    assert claims[1] == (
        "判令被告杭州远景建设工程有限公司向原告上海申达机电设备有限公司支付逾期付款违约金"
        "人民币30,590.00元（大写：叁万零伍佰玖拾元整）（以380,000.00元为基数，自2026年1月1日"
        "起按《设备买卖合同》第六条约定的每日0.05%计算至2026年6月10日）；"
    )
    assert claims[2].endswith(
        "支付逾期付款违约金：以380,000.00元为基数，自2026年6月11日起按每日0.05%计算至"
        "实际清偿之日止；"
    )


def test_the_same_contract_claims_the_same_penalty_in_both_layouts():
    elements = load_fixture("civil_complaint", "valid", "elements_sale_every_item")
    assert (
        _assess(elements)[1].computed["amounts"].amounts[1]
        == (_assess(SALE)[1].computed["amounts"].amounts[1])
    )


def test_a_typed_penalty_below_its_noted_rate_prints_what_the_rate_gives_and_the_part_claimed():
    warning = _warnings(TYPED)["noted_rate_part_claimed"]
    assert warning.loc == ("amounts", "components", 1, "amount")
    assert "按每日0.05%以380,000.00元为基数，自2026年1月1日起至2026年6月10日止共161天" in (
        warning.message
    )
    assert "人民币30,590.00元，高于填写的人民币9,500.00元" in warning.message
    assert warning.hint is not None and "计算方式" in warning.hint
    claim = _context(TYPED)["claims"][1]
    # the printed basis no longer contradicts the figure: it says what it gives and the part
    assert claim.endswith(
        "支付逾期付款违约金人民币9,500.00元（大写：玖仟伍佰元整）（按合同第六条每日万分之五计算："
        "以380,000.00元为基数，自2026年1月1日起至2026年6月10日止共161天，计为人民币30,590.00元，"
        "原告主张其中人民币9,500.00元）；"
    )
    assert "暂计至" not in claim  # the period names its end


def test_a_typed_penalty_that_its_note_gives_prints_its_base_and_period():
    data = copy.deepcopy(TYPED)
    data["amounts"]["components"][1]["amount"] = "30590.00"
    assert "noted_rate_part_claimed" not in _warnings(data)
    assert _context(data)["claims"][1].endswith(
        "人民币30,590.00元（大写：叁万零伍佰玖拾元整）（按合同第六条每日万分之五计算："
        "以380,000.00元为基数，自2026年1月1日起至2026年6月10日止共161天）；"
    )


def test_a_typed_penalty_above_its_noted_rate_is_refused_at_its_amount():
    data = load_fixture("civil_complaint", "invalid", "typed_penalty_above_its_noted_rate")
    (error,) = _assess(data)[1].errors
    assert (error.code, error.loc) == (
        "noted_rate_exceeded",
        ("amounts", "components", 1, "amount"),
    )
    assert (
        "计算为人民币30,590.00元，填写的人民币31,000.00元超过该金额：起诉状不能主张超出其所写计算"
        "标准的金额"
    ) in error.message


def test_rates_are_read_from_the_words_a_contract_uses():
    assert rate_in_note("按合同第六条每日万分之五计算") == RateSpec("daily", Decimal("0.05"))
    assert rate_in_note("按日千分之一点五计算") == RateSpec("daily", Decimal("0.15"))
    assert rate_in_note("按年利率6%计算") == RateSpec("annual", Decimal(6))
    assert rate_in_note("按一年期LPR的四倍计算") is None
    assert rate_in_note("已实际支付") is None


def test_a_sale_without_its_facts_or_payments_is_warned_of():
    data = copy.deepcopy(SALE)
    del data["sale"]
    assert _warnings(data)["sale_facts_missing"].loc == ("sale",)
    assert _warnings(TYPED)["sale_paid_not_stated"].loc == ("sale", "paid_on_time")
    assert not {"sale_facts_missing", "sale_paid_not_stated"} & set(_warnings(SALE))


def test_the_facts_state_the_price_the_agreed_penalty_what_was_paid_and_what_is_owed():
    (first, *_) = _context(SALE)["facts"]
    assert (
        "出卖螺杆式空压机（SA-37型）十台，总价款人民币500,000.00元（大写：伍拾万元整）。"
        "合同约定迟延付款的，按每日0.05%计付违约金（《设备买卖合同》第六条）。"
        "原告依约向被告交付空压机设备十台，被告验收合格。被告杭州远景建设工程有限公司已支付价款"
        "人民币120,000.00元（大写：壹拾贰万元整），尚欠价款人民币380,000.00元（大写：叁拾捌万元整）。"
    ) in first


def test_a_penalty_claim_relies_on_article_585():
    data = copy.deepcopy(SALE)
    del data["legal_basis"]
    basis = _context(data)["facts"][-1]
    assert "第五百七十九条、第五百八十五条、第六百二十六条" in basis
    data["amounts"]["components"].pop(1)
    data.pop("running_interest")
    assert "第五百八十五条" not in _context(data)["facts"][-1]


def test_a_typed_legal_basis_without_article_585_is_warned_of_beside_a_penalty():
    warning = _warnings(TYPED)["penalty_article_missing"]
    assert warning.loc == ("legal_basis",)
    assert (
        "诉讼请求主张「逾期付款违约金」，而填写的法律依据未引用《中华人民共和国民法典》第五百八十五条"
        in (warning.message)
    )
    assert "penalty_article_missing" not in _warnings(SALE)  # typed with art. 585
    data = copy.deepcopy(TYPED)
    del data["legal_basis"]  # the default basis cites it
    assert "penalty_article_missing" not in _warnings(data)
    assert "第五百八十五条" in _context(data)["facts"][-1]
