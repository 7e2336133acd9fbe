"""A settlement with no late rate typed states the one the law gives, as the installment
agreement's interest-free plan does (``installment_default.agreed_or_by_law``): a loan's
one-year LPR, a price's LPR plus 50%, of the first day the debtor can be late."""

from __future__ import annotations

from datetime import date

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, without_calendar

TYPE = registry.get("settlement_agreement")
OPTIONS = RuleOptions(today=date(2026, 12, 1))


def _assess(data):
    return without_calendar(TYPE.evaluate(TYPE.parse(data), OPTIONS))


def _article(data, heading: str) -> list[str]:
    case = TYPE.parse(data)
    result = TYPE.evaluate(case, OPTIONS)
    assert result.errors == [], result.errors
    context = TYPE.build_context(case, result)
    lines = list(paragraphs(layouts.LAYOUTS["settlement_agreement"].build(context)))
    start = lines.index(heading) + 1
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("第"))
    return lines[start:end]


def test_a_loans_settlement_without_a_late_rate_states_the_lpr_of_the_first_late_day():
    data = load_fixture("settlement_agreement", "valid", "concession_lapsing_without_a_late_rate")
    late, default = _article(data, "第三条　违约责任")
    # the first payment falls due on 2026-12-10: late from the 11th
    assert late.startswith(
        "乙方任何一期未按期足额付款的，应就逾期未付的款项，按全国银行间同业拆借中心截至2026年12月11日最近一次公布的"
        "一年期贷款市场"
        "报价利率（LPR）（以下简称“逾期利率”）向甲方支付逾期利息：各期逾期未付的款项自该期"
        "付款日的次日起计算；"
    )
    assert late.endswith("逾期利息不计复利。")
    assert "就该余额及逾期利息" in default
    warnings = {w.code: w for w in _assess(data).warnings}
    said = warnings["late_interest_defaulted"]
    assert said.loc == ("late_interest",)
    assert said.message == (
        "未填写逾期利率：乙方任何一期未按期足额付款的，本协议约定自逾期之日起按乙方最早可能"
        "逾期之日的一年期贷款市场报价利率（LPR）（《最高人民法院关于审理民间借贷案件适用法律"
        "若干问题的规定》（法释〔2020〕17号）第二十八条第二款第一项）计付逾期利息"
    )
    assert "late_interest_missing" not in warnings
    assert "lapse_without_late_interest" not in warnings


def test_a_sales_one_payment_without_a_late_rate_states_the_lpr_plus_half():
    data = load_fixture("settlement_agreement", "valid", "before_suit_paid_at_once")
    (default,) = _article(data, "第三条　违约责任")
    assert (
        "并就逾期未付的款项及失效的减让金额人民币30,000.00元，按全国银行间同业拆借中心截至2027年1月1日最近一次公布的"
        "一年期贷款市场"
        "报价利率（LPR）的1.5倍向甲方支付逾期利息，自付款日的次日起计算至实际清偿之日止，"
        "逾期利息不计复利；甲方有权就该余额及逾期利息提起诉讼。"
    ) in default
    (said,) = [w for w in _assess(data).warnings if w.code == "late_interest_defaulted"]
    assert said.message.startswith("未填写逾期利率：乙方未按期足额付款的，")
    assert "第十八条第四款；《中华人民共和国民法典》第六百四十六条" in said.message


def test_the_guarantor_secures_the_late_interest_at_the_laws_rate():
    data = load_fixture("settlement_agreement", "valid", "withdraw_after_the_first_payment")
    assert "late_interest" not in data
    (guarantee,) = _article(data, "第四条　连带责任保证")
    assert "和解款（减让依第三条失效的，为原欠款扣除乙方已付款项后的余额）、逾期利息、" in guarantee


def test_without_a_contract_no_rate_is_stated_and_the_user_is_warned():
    data = load_fixture("settlement_agreement", "valid", "debt_without_its_contract")
    (default,) = _article(data, "第三条　违约责任")
    assert "逾期利" not in default
    codes = {(w.loc, w.code) for w in _assess(data).warnings}
    assert (("late_interest",), "late_interest_missing") in codes
    assert (("original_debt",), "lapse_without_late_interest") in codes
