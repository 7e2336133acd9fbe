"""A joint guarantor sued without the debtor (民法典 art. 688(2)): the debtor named
「案外人」, the guarantor asked to pay what the debtor owes; what the complaint cannot yet
print of such a suit refused at its field, a general guarantor still refused."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

ALONE = load_fixture("civil_complaint", "valid", "narrative_joint_guarantor_sued_alone")
UNNAMED = load_fixture("civil_complaint", "invalid", "joint_guarantor_sued_alone_debtor_not_named")
WITH_DEBTOR = load_fixture("civil_complaint", "valid", "narrative_guarantor")


def _errors(data: dict) -> set[tuple[tuple, str]]:
    doc = registry.get("civil_complaint")
    problems = doc.evaluate(doc.parse(data), RuleOptions(calendar_fallback=True)).problems
    return {(p.loc, p.code) for p in problems if p.severity == "error"}


def test_the_guarantor_alone_is_asked_to_pay_what_the_debtor_owes():
    text = printed_copy("civil_complaint", ALONE)
    assert "1. 判令被告李秀英向原告刘芳支付案外人张伟所欠本金人民币100,000.00元" in text
    assert "判令被告李秀英向原告刘芳支付借期内利息人民币6,000.00元" in text
    assert "承担连带清偿责任" not in text  # no second claim for the same debt
    assert "偿还" not in text.split("事实与理由")[0]


def test_the_facts_name_the_debtor_as_no_party_and_tell_both_defaults():
    text = printed_copy("civil_complaint", ALONE)
    assert "原告刘芳与案外人张伟在北京市东城区签订《借款合同》" in text
    assert "向案外人张伟实际出借人民币100,000.00元" in text
    assert (
        "被告李秀英为上述债务提供保证（2025年1月10日签订的《保证合同》），保证方式为连带责任保证"
        in text
    )
    assert "；原告已于2026年2月9日要求被告李秀英承担保证责任。" in text
    assert "借款到期后，案外人张伟未依约清偿。" in text
    assert (
        "被告李秀英作为连带责任保证人，经原告要求承担保证责任，至今未履行。依照《中华人民共和国"
        "民法典》第六百八十八条第二款，原告有权请求被告李秀英在其保证范围内承担保证责任。"
    ) in text
    assert "被告张伟" not in text


def test_the_debtor_left_out_must_be_named():
    assert _errors(UNNAMED) == {(("non_party_debtor",), "missing")}


def test_a_debtor_named_while_sued_is_refused():
    data = copy.deepcopy(WITH_DEBTOR)
    data["non_party_debtor"] = "张伟"
    assert _errors(data) == {(("non_party_debtor",), "debtor_is_a_defendant")}


def test_a_general_guarantor_alone_is_still_refused():
    data = copy.deepcopy(ALONE)
    data["defendants"][0]["guarantee"]["type"] = "general"
    errors = _errors(data)
    assert (("defendants",), "borrower_missing") in errors
    assert (("defendants", 0, "guarantee"), "general_guarantor_sued_without_debtor") in errors


def test_what_the_complaint_cannot_print_of_the_suit_is_refused_at_its_field():
    data = copy.deepcopy(ALONE)
    second = copy.deepcopy(data["defendants"][0])
    second["party"]["name"] = "王强"
    second["party"]["id_number"] = "110105198001010016"
    second["party"]["sex"] = "男"
    data["defendants"].append(second)
    data["rescind_contract"] = True
    data["layout"] = "elements"
    data["defendants"][0]["guarantee_scope"] = "主债权本金（《保证合同》第三条）"
    errors = _errors(data)
    assert (("defendants",), "several_guarantors_without_debtor") in errors
    assert (("rescind_contract",), "rescission_without_debtor") in errors
    assert (("layout",), "form_needs_debtor") in errors
    assert (("defendants", 0, "guarantee"), "guarantor_alone_limited") in errors


def test_the_guarantors_domicile_founds_jurisdiction_over_a_suit_against_it_alone():
    # 北京市朝阳区: the guarantor's domicile; no borrower whose court it must be
    codes = {code for _loc, code in _errors(ALONE)}
    assert not codes


AFTER_ENFORCEMENT = load_fixture(
    "civil_complaint", "valid", "narrative_general_guarantor_sued_after_enforcement"
)
DEFENCE_END_MISSING = load_fixture(
    "civil_complaint", "invalid", "general_guarantor_alone_defence_end_not_given"
)


def test_a_general_guarantor_sued_after_enforcement_failed_is_told_so():
    text = printed_copy("civil_complaint", AFTER_ENFORCEMENT)
    assert "1. 判令被告李秀英向原告刘芳支付案外人张伟所欠本金人民币100,000.00元" in text
    assert "保证方式为一般保证，保证合同约定保证期间至2028年1月10日。" in text
    assert (
        "原告已于2026年2月9日就主合同纠纷对案外人张伟提起诉讼；经对案外人张伟的财产依法强制"
        "执行，北京市东城区人民法院（2026）京0101执2345号执行裁定终结本次执行程序，案外人张伟"
        "仍不能履行债务。依照《中华人民共和国民法典》第六百八十七条第二款，被告李秀英作为一般"
        "保证人，应当在其保证范围内承担保证责任。"
    ) in text
    assert "强制执行后仍不能履行的部分" not in text


def test_a_general_guarantor_alone_needs_the_day_its_defence_ended():
    assert _errors(DEFENCE_END_MISSING) == {
        (("defendants", 0, "guarantee", "defence_ended_on"), "missing")
    }


def test_the_debtor_sued_after_enforcement_ended_is_refused():
    data = copy.deepcopy(AFTER_ENFORCEMENT)
    data["defendants"][0]["guarantee"]["debtor_sued_on"] = "2026-10-01"
    assert (
        ("defendants", 0, "guarantee", "debtor_sued_on"),
        "debtor_sued_after_enforcement",
    ) in _errors(data)


def test_a_ruling_for_a_guarantor_sued_with_the_debtor_is_refused():
    data = copy.deepcopy(WITH_DEBTOR)
    data["defendants"][1]["guarantee"]["enforcement_ruling"] = (
        "北京市东城区人民法院（2026）京0101执2345号执行裁定"
    )
    assert _errors(data) == {
        (("defendants", 1, "guarantee", "enforcement_ruling"), "enforcement_ruling_unused")
    }


def test_the_main_contracts_forum_clause_is_no_ground_against_the_guarantor_alone():
    data = copy.deepcopy(ALONE)
    data["jurisdiction_clause"] = "《借款合同》第十条约定由原告住所地人民法院管辖"
    assert (("jurisdiction_clause",), "main_contract_clause_for_guarantor") in _errors(data)
    data["jurisdiction_clause"] = "《保证合同》第八条约定由被告住所地人民法院管辖"
    assert not _errors(data)
    text = printed_copy("civil_complaint", data)
    assert "《保证合同》第八条约定由被告住所地人民法院管辖，贵院对本案依法享有管辖权。" in text


def test_the_debtors_own_collateral_first_is_refused_for_the_guarantor_alone():
    # 民法典 art. 392: the guarantor answers only for what the property leaves unpaid
    data = copy.deepcopy(ALONE)
    mortgage = load_fixture("civil_complaint", "valid", "narrative_mortgage_and_guarantor")
    data["loan"]["collateral"] = mortgage["loan"]["collateral"]
    assert _errors(data) == {(("defendants",), "guarantor_after_security_alone")}
