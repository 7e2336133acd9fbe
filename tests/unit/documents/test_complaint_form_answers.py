"""Answers of the element-based complaint that would contradict one another on the page:
each is warned on its field, and the form prints one reading of the claim."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
LENDER = load_fixture("civil_complaint", "valid", "elements_company_lender")
CONTRADICT = load_fixture("civil_complaint", "valid", "elements_answers_contradict")
BOTH = load_fixture("civil_complaint", "invalid", "elements_acceleration_and_rescission")
BANK_BARE = load_fixture("civil_complaint", "valid", "elements_bank_loan_bare")
WARNED = (
    "acceleration_and_rescission",
    "overdue_start_differs",
    "preservation_details_missing",
    "term_interest_not_claimed",
)


def _warnings(data: dict) -> list:
    doc_type = registry.get("civil_complaint")
    problems = doc_type.evaluate(doc_type.parse(data), OPTIONS).problems
    return [p for p in problems if p.severity == "warning" and p.code in WARNED]


def _text(data: dict) -> str:
    return printed_copy("civil_complaint", data).replace("\n", "")


@pytest.mark.parametrize(
    "name",
    [
        "elements_company_lender",
        "elements_every_item",
        "elements_bank_loan_bare",
        "elements_bank_loan_every_item",
        "elements_sale_bare",
        "elements_sale_every_item",
    ],
)
def test_the_sample_forms_answer_without_contradiction(name):
    assert _warnings(load_fixture("civil_complaint", "valid", name)) == []


def test_acceleration_and_rescission_chosen_together_are_refused_in_both_layouts():
    doc_type = registry.get("civil_complaint")
    for layout in ("elements", "narrative"):
        data = copy.deepcopy(BOTH) | {"layout": layout}
        problems = doc_type.evaluate(doc_type.parse(data), OPTIONS).problems
        (error,) = [p for p in problems if p.code == "acceleration_and_rescission"]
        assert error.severity == "error" and error.loc == ("rescind_contract",)
        assert "二者择一主张" in error.message
        cited = ("第五百六十三条", "第五百六十六条", "第六百七十三条", "第一百二十四条第三项")
        assert all(article in error.message for article in cited)
    # one of the two prints as the form's one answer
    assert "■提前还款（加速到期）（依合同第九条于2025年12月10日宣布）／□解除合同" in _text(
        CONTRADICT
    )


def test_overdue_interest_from_before_the_forms_overdue_day_is_warned():
    (warning,) = [w for w in _warnings(CONTRADICT) if w.code == "overdue_start_differs"]
    assert warning.loc == ("amounts", "components", 1, "calculation", "start")
    assert "「逾期利息」自2025年12月4日起计算" in warning.message
    assert "自2025年12月11日起逾期" in warning.message
    text = _text(CONTRADICT)
    assert "逾期利息以150,000.00元为基数，自2025年12月4日起" in text
    assert "逾期时间：自2025年12月11日起至今已逾期" in text


def test_overdue_interest_claimed_from_a_later_day_is_not_a_contradiction():
    case = copy.deepcopy(LENDER)
    case["amounts"]["components"][2]["calculation"]["start"] = "2026-01-01"
    assert _warnings(case) == []


def test_a_preservation_ticked_without_its_ruling_is_warned():
    (warning,) = [w for w in _warnings(CONTRADICT) if w.code == "preservation_details_missing"]
    assert warning.loc == ("preservation",)
    assert "未填写保全法院、保全时间、保全案号" in warning.message
    assert "是否已经诉前保全■是 保全法院：＿＿＿＿" in _text(CONTRADICT)
    case = copy.deepcopy(LENDER) | {"preservation": {"court": "深圳市福田区人民法院"}}
    (warning,) = _warnings(case)
    assert warning.loc == ("preservation", "ordered_on")
    assert "未填写保全时间、保全案号" in warning.message


def test_a_bank_loans_term_interest_left_unclaimed_is_warned():
    case = load_fixture("civil_complaint", "valid", "elements_bank_loan_term_interest_unclaimed")
    (warning,) = _warnings(case)
    assert (warning.loc, warning.code) == (("amounts", "components"), "term_interest_not_claimed")
    assert "已还利息人民币0.00元，未填写还息日期" in warning.message
    assert "借款期内（至2026年3月2日）的利息" in warning.message
    assert "其中期内利息人民币0.00元" in _text(case)


def test_term_interest_paid_to_the_due_date_needs_no_claim():
    case = load_fixture("civil_complaint", "valid", "elements_bank_loan_term_interest_unclaimed")
    case["loan"] |= {"interest_paid_until": "2026-03-02", "repaid_interest": "8676.16"}
    assert _warnings(case) == []


def test_the_bank_forms_penalty_box_follows_the_penalty_claimed():
    # no 罚息 rate in the contract terms; 逾期利息 claimed at the loan rate, 4.35%: no 罚息
    text = _text(BANK_BARE)
    assert (
        "其中期内利息人民币8,676.16元、逾期利息人民币5,792.05元、复利人民币0.00元、"
        "罚息（违约金）人民币0.00元；"
    ) in text
    assert "□罚息（违约金）＿＿＿＿%／年（合同条款：＿＿＿＿）" in text
    assert (
        "计算至2026年10月31日；逾期利息按约定的借款利率（年利率4.35%）计收，未计罚息"
        "（《中华人民共和国民法典》第六百七十六条）；是否请求支付至实际清偿之日止"
    ) in text
    # above the loan rate, as the agreed uplift allows, the overdue interest is a 罚息
    case = copy.deepcopy(BANK_BARE)
    case["bank_terms"] |= {"overdue_uplift": "50", "overdue_clause": "第七条"}
    case["amounts"]["components"][2]["calculation"]["rate"]["value"] = "6.525"
    text = _text(case)
    assert "■罚息（违约金） 年利率6.525%（合同条款：＿＿＿＿）" in text
    assert "复利人民币0.00元、罚息（违约金）人民币8,688.08元；" in text
    assert "未计罚息" not in text
    del case["amounts"]["components"][2]  # no overdue interest claimed: the box stays empty
    assert "□罚息（违约金）＿＿＿＿%／年" in _text(case)


def test_a_sales_late_payment_loss_has_one_name_in_the_claim_and_the_facts():
    text = _text(load_fixture("civil_complaint", "valid", "elements_sale_bare"))
    named = "赔偿金（逾期付款损失）7,542.74元"
    assert text.count(named) == 2  # claim 2 and item 15
    assert "迟延给付价款的利息7,542.74元" not in text
    assert "自2026年6月11日之后的逾期付款损失" in text


def test_a_halved_fee_is_stated_as_halved_in_the_words_of_the_narrative():
    card = load_fixture("civil_complaint", "valid", "elements_credit_card_every_item")
    # 56,225.00 × 2.5% − 200 = 1,205.625, charged 1,205.63, halved under the summary
    # procedure (art. 16) to 602.815 → 602.82 (half up); how it was rounded is no statement
    # to the court: the articles only
    basis = "（按《诉讼费用交纳办法》第十三条第（一）项计算，适用简易程序，依第十六条减半交纳）"
    fee = "人民币602.82元（大写：陆佰零贰元捌角贰分）"
    assert f"案件受理费（估算）{fee}{basis}" in _text(card)
    assert f"预交案件受理费：{fee}{basis}。" in _text(card | {"layout": "narrative"})


def test_an_unhalved_fee_states_its_article():
    fee = "人民币4,517.02元（大写：肆仟伍佰壹拾柒元零贰分）"
    row = f"案件受理费（估算）{fee}（按《诉讼费用交纳办法》第十三条第（一）项计算）"
    assert row + "约定管辖和诉前保全" in _text(BANK_BARE)  # the next section's title


@pytest.mark.parametrize(
    ("method", "printed"),
    [
        ("transfer", "提供方式：□现金　■转账　□其他：＿＿＿＿"),
        ("cash", "提供方式：■现金　□转账　□其他：＿＿＿＿"),
        ("mixed", "提供方式：□现金　□转账　■其他：现金及转账"),
    ],
)
def test_the_delivery_method_offers_the_forms_open_other(method, printed):
    case = copy.deepcopy(LENDER)
    case["loan"]["delivery_method"] = method
    assert printed in _text(case)


@pytest.mark.parametrize(
    "name", ["elements_bank_loan_bare", "elements_credit_card_bare", "elements_sale_bare"]
)
def test_a_service_address_not_given_prints_its_row_blank(name):
    case = load_fixture("civil_complaint", "valid", name)
    assert "service" not in case["plaintiffs"][0]
    assert (
        "送达地址（所填信息除书面特别声明更改外，适用于案件所有后续程序）及收件人、联系电话"
        "地址：＿＿＿＿；收件人：＿＿＿＿；电话：＿＿＿＿；是否接受电子送达：□是　□否"
    ) in _text(case)


def test_a_uscc_of_another_province_is_warned_on_the_partys_code():
    case = load_fixture("civil_complaint", "valid", "uscc_of_another_province")
    doc_type = registry.get("civil_complaint")
    problems = doc_type.evaluate(doc_type.parse(case), OPTIONS).problems
    (warning,) = [p for p in problems if p.code == "uscc_area_mismatch"]
    assert warning.loc == ("defendants", 0, "party", "uscc")
    assert "为福建省的代码，而住所地在浙江省" in warning.message


def test_the_lending_forms_guarantee_item_has_the_official_signing_date_label():
    every = _text(load_fixture("civil_complaint", "valid", "elements_every_item"))
    assert "14. 是否签订保证合同■是 签订时间：2025年3月1日　保证人：福州闽江建材有限公司；" in (
        every
    )
    assert "主要内容：《最高额保证合同》；" in every
    # not given: the label stays, with the form's blank
    assert "■是 签订时间：＿＿＿＿年＿＿月＿＿日　保证人：福州闽江建材有限公司；" in _text(
        CONTRADICT
    )


def test_repayments_the_data_does_not_give_print_as_blanks_not_zeros():
    text = _text(BANK_BARE)
    assert "已还本金：＿＿＿＿元；已还利息：＿＿＿＿元，还息至＿＿＿＿年＿＿月＿＿日" in text
    assert "已还本金：人民币0.00元" not in text
