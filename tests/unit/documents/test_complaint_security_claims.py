"""The complaint's claims on the security for the debt, as printed: the claim to be paid
first from the mortgaged or pledged property (民法典 arts. 394, 410, 425, 436, 420), a
joint guarantor's claim beside the debtor's own property (art. 392), the provider who is
no defendant (法释〔2020〕28号 art. 45(3)), and the same claims on the element-based forms."""

from __future__ import annotations

import copy
import re

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
OWN = load_fixture("civil_complaint", "valid", "narrative_mortgage_and_guarantor")
THIRD = load_fixture("civil_complaint", "valid", "narrative_third_party_mortgagor")
NOT_SUED = load_fixture("civil_complaint", "valid", "narrative_mortgagor_not_sued")
GUARANTOR = load_fixture("civil_complaint", "valid", "narrative_guarantor")
SALE = load_fixture("civil_complaint", "valid", "elements_sale_every_item")
BANK = load_fixture("civil_complaint", "valid", "elements_bank_loan_every_item")
AGREED = load_fixture("civil_complaint", "valid", "elements_every_item")
CARD = load_fixture("civil_complaint", "valid", "elements_credit_card_every_item")

HOUSE = (
    "北京市东城区东四十条街道南新仓小区5号楼2单元301室房屋（京（2021）东城区不动产权第0004567号）"
)


def claims(data: dict) -> dict[int, str]:
    """The printed 诉讼请求 by their printed numbers."""
    text = printed_copy("civil_complaint", data)
    block = text[text.index("诉讼请求：") : text.index("以上诉讼请求金额合计")]
    return {int(m[1]): m[2] for m in re.finditer(r"^(\d+)\. (.+)$", block, re.M)}


def problems(data: dict) -> dict[str, object]:
    assessment = DOC.evaluate(DOC.parse(data), OPTIONS)
    return {p.code: p for p in assessment.problems}


def form_answer(data: dict, label: str) -> str:
    case = DOC.parse(data)
    sections = DOC.build_context(case, DOC.evaluate(case, OPTIONS))["form"]
    (row,) = [r for s in sections for r in s["rows"] if r["label"].endswith(label)]
    return row["value"]


def test_the_debtors_own_mortgage_is_claimed_on_and_the_guarantor_for_what_it_leaves():
    printed = claims(OWN)
    # five claims to money, then the property, the guarantor, the costs
    assert printed[6] == (
        f"判令原告刘芳有权以被告张伟提供的抵押财产（{HOUSE}）折价或者拍卖、变卖所得的价款"
        "在上述第1至3项、第5项债权（主债权及其利息）范围内优先受偿；"
    )
    assert printed[7] == (
        "判令被告李秀英对上述第1至5项债务在原告就抵押财产优先受偿后不足清偿的部分承担连带清偿责任；"
    )
    assert printed[8] == "判令本案诉讼费用由被告承担。"
    assert sorted(printed) == list(range(1, 9))
    assert printed[5].startswith("判令被告张伟向原告刘芳支付逾期利息：以100,000.00元为基数")


def test_the_user_is_told_why_the_guarantors_claim_was_limited():
    warning = problems(OWN)["own_collateral_first"]
    assert warning.loc == ("loan", "collateral", "agreed_order")
    assert warning.severity == "warning"
    assert "债务人张伟以自己的财产" in warning.message and "第三百九十二条" in warning.message
    assert "对保证人的请求限于原告就抵押财产优先受偿后不足清偿的部分" in warning.message


def test_the_security_adds_no_amount_to_the_claims():
    text = printed_copy("civil_complaint", OWN)
    assert "以上诉讼请求金额合计人民币118,249.32元" in text
    assert "预交案件受理费：人民币2,664.99元" in text


def test_one_claim_to_money_is_named_alone():
    data = copy.deepcopy(OWN)
    data["amounts"]["components"] = data["amounts"]["components"][:1]
    data["running_interest"] = None
    printed = claims(data)
    assert "在上述第1项债权（主债权本金）范围内优先受偿" in printed[2]
    assert printed[3].startswith("判令被告李秀英对上述第1项债务在原告就抵押财产优先受偿后")
    assert printed[4] == "判令本案诉讼费用由被告承担。"


def test_an_agreed_order_lets_the_guarantor_be_claimed_in_full():
    data = copy.deepcopy(OWN)
    data["loan"]["collateral"] |= {
        "agreed_order": "guarantor_directly",
        "enforcement_order": "《保证合同》第六条：债权人可直接要求保证人承担保证责任",
    }
    printed = claims(data)
    assert printed[6].endswith("在上述第1至3项、第5项债权（主债权及其利息）范围内优先受偿；")
    assert printed[7] == "判令被告李秀英对上述第1至5项债务承担连带清偿责任；"
    assert "own_collateral_first" not in problems(data)
    text = printed_copy("civil_complaint", data)
    assert (
        "合同约定债权人可直接要求保证人承担保证责任（《保证合同》第六条：债权人可直接要求"
        "保证人承担保证责任）。" in text
    )


def test_an_agreement_to_enforce_the_property_first_limits_the_guarantor_of_a_third_party():
    assert claims(THIRD)[7] == "判令被告李秀英对上述第1至5项债务承担连带清偿责任；"
    data = copy.deepcopy(THIRD)
    data["loan"]["collateral"]["agreed_order"] = "security_first"
    assert "在原告就抵押财产优先受偿后不足清偿的部分" in claims(data)[7]


def test_a_clause_typed_without_its_choice_is_read_as_no_agreement():
    data = copy.deepcopy(OWN)
    data["loan"]["collateral"]["enforcement_order"] = "《保证合同》第六条"
    found = problems(data)
    assert found["order_not_chosen"].loc == ("loan", "collateral", "agreed_order")
    assert "own_collateral_first" in found
    assert "优先受偿后不足清偿的部分" in claims(data)[7]


def test_a_third_party_mortgagor_sued_is_claimed_on_and_the_guarantor_in_full():
    printed = claims(THIRD)
    assert printed[6].startswith("判令原告刘芳有权以被告王芳提供的抵押财产（北京市西城区")
    assert "own_collateral_first" not in problems(THIRD)
    assert "provider_not_sued" not in problems(THIRD)


def test_a_mortgagor_who_is_not_sued_is_not_claimed_on_and_the_user_is_told():
    printed = claims(NOT_SUED)
    assert not any("优先受偿" in claim for claim in printed.values())
    assert printed[6] == "判令被告李秀英对上述第1至5项债务承担连带清偿责任；"
    assert printed[7] == "判令本案诉讼费用由被告承担。"
    warning = problems(NOT_SUED)["provider_not_sued"]
    assert warning.loc == ("loan", "collateral", "provider")
    assert "抵押人王芳不是本案被告" in warning.message
    assert "第四十五条第三款" in warning.message
    text = printed_copy("civil_complaint", NOT_SUED)
    assert "2025年1月10日，王芳以北京市西城区" in text  # a fact, not a claim
    assert "第三百九十四条" not in text


def test_a_collateral_without_its_provider_is_refused_on_the_provider():
    data = load_fixture("civil_complaint", "invalid", "collateral_without_provider")
    assessment = DOC.evaluate(DOC.parse(data), OPTIONS)
    (error,) = assessment.errors
    assert (error.loc, error.code) == (("loan", "collateral", "provider"), "missing")
    assert "请填写提供担保财产的抵押人" in error.message
    assert "第四十五条第三款" in error.message and "第三百九十二条" in error.message


def test_a_general_guarantor_keeps_the_wording_of_the_defence_of_first_suit():
    data = copy.deepcopy(OWN)
    data["defendants"][1]["guarantee"] = {
        "type": "general",
        "period": "agreed",
        "period_end": "2027-01-10",
    }
    printed = claims(data)
    assert printed[6].endswith("在上述第1至3项、第5项债权（主债权及其利息）范围内优先受偿；")
    assert printed[7] == (
        "判令被告李秀英对上述第1至5项债务在被告张伟的财产依法强制执行后仍不能履行的部分"
        "承担保证责任；"
    )
    assert "own_collateral_first" not in problems(data)


def test_a_pledge_is_claimed_on_as_the_pledged_property():
    data = copy.deepcopy(SALE) | {"layout": "narrative"}
    printed = claims(data)
    assert printed[5] == (
        "判令原告上海申达机电设备有限公司有权以被告杭州远景建设工程有限公司提供的质押财产"
        "（其所有的挖掘机两台（机身号XG-2201、XG-2202））折价或者拍卖、变卖所得的价款"
        "在上述第1至4项债权（主债权及其违约金、律师费）范围内优先受偿；"
    )
    assert printed[6] == (
        "判令被告孙立对上述第1至4项债务在原告就质押财产优先受偿后不足清偿的部分承担连带清偿责任；"
    )
    text = printed_copy("civil_complaint", data)
    # a movable's pledge exists by delivery (民法典 art. 429): delivery, not registration, is told
    assert "提供质押担保，并已交付质押财产。约定的担保范围为" in text
    assert "出质登记" not in text
    basis = "《中华人民共和国民法典》第三百九十二条、第四百二十五条、第四百三十六条、第五百零九条"
    assert basis in text


def test_a_maximum_mortgage_is_claimed_on_within_its_maximum():
    data = copy.deepcopy(BANK) | {"layout": "narrative"}
    printed = claims(data)
    assert printed[7].endswith(
        "在上述第1至6项债权（主债权及其利息、律师费）范围内、最高债权额人民币600,000.00元限度内"
        "优先受偿；"
    )
    assert printed[8].startswith("判令被告福州闽江建材有限公司对上述第1至6项债务在原告就抵押财产")
    text = printed_copy("civil_complaint", data)
    # art. 423: the maximum's claims were fixed before the agreed time
    assert (
        "第三百九十二条、第三百九十四条、第四百一十条、第四百二十条、第四百二十三条、第六百六十七条"
        in (text)
    )


def test_the_loan_form_claims_the_same_security():
    answer = form_answer(BANK, "是否主张担保权利")
    assert answer.startswith(
        "■是 内容：原告有权以被告王磊提供的抵押财产（深圳市南山区科技园路1号房产"
    )
    within = "在主债权及其利息、律师费范围内、最高债权额人民币600,000.00元限度内优先受偿；"
    assert "折价或者拍卖、变卖所得的价款" + within in answer
    assert "被告福州闽江建材有限公司对原告就抵押财产优先受偿后不足清偿的部分在最高债权额" in answer
    agreed = form_answer(AGREED, "是否主张担保权利")
    full = "；被告福州闽江建材有限公司在最高债权额人民币300,000.00元限度内承担连带保证责任"
    assert full in agreed
    assert "连带责任保证责任" not in agreed


def test_the_sale_form_claims_the_same_security():
    answer = form_answer(SALE, "是否主张担保权利")
    assert "原告有权以被告杭州远景建设工程有限公司提供的质押财产" in answer
    assert "被告孙立对原告就质押财产优先受偿后不足清偿的部分承担连带保证责任" in answer


def test_the_card_form_claims_the_property_even_without_a_guarantor():
    assert form_answer(CARD, "是否主张担保权利").startswith("□是")
    data = copy.deepcopy(CARD)
    borrower = data["defendants"][0]["party"]["name"]
    pledge = {"kind": "pledge", "provider": borrower, "property": "定期存单一张"}
    data["card"]["collateral"] = pledge
    answer = form_answer(data, "是否主张担保权利")
    assert answer.startswith(f"■是 内容：原告有权以被告{borrower}提供的质押财产（定期存单一张）")
