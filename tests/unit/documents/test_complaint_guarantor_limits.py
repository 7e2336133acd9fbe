"""A guarantor sued alone whose liability has a limit the complaint cannot yet print
without the debtor: each refusal names the limit, its article, and how to file."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

ALONE = load_fixture("civil_complaint", "valid", "narrative_joint_guarantor_sued_alone")
MORTGAGE = load_fixture("civil_complaint", "valid", "narrative_mortgage_and_guarantor")
DOC = registry.get("civil_complaint")


def _error(data: dict, code: str):
    problems = DOC.evaluate(DOC.parse(data), RuleOptions(calendar_fallback=True)).problems
    (found,) = [p for p in problems if p.code == code]
    return found


def test_a_maximum_guarantee_names_the_maximum_and_article_690():
    data = copy.deepcopy(ALONE)
    data["defendants"][0]["guarantee"]["maximum"] = {
        "amount": "200000.00",
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
    }
    error = _error(data, "guarantor_alone_limited")
    assert error.loc == ("defendants", 0, "guarantee")
    assert error.message.startswith(
        "被告李秀英提供的是最高额保证，只在最高债权额人民币200,000.00元限度内承担保证责任"
        "（《中华人民共和国民法典》第六百九十条第一款）。法律并不禁止仅起诉该保证人"
    )
    assert error.hint.startswith("请将借款人（债务人）一并列为被告")


def test_a_narrower_scope_names_the_claims_it_leaves_out_and_article_691():
    data = copy.deepcopy(ALONE)
    data["defendants"][0]["guarantee_scope"] = "主债权本金（《保证合同》第三条）"
    error = _error(data, "guarantor_alone_limited")
    assert error.message.startswith(
        "被告李秀英的保证范围按保证合同约定为「主债权本金（《保证合同》第三条）」，不包括本案请求的"
        "借期内利息、逾期利息、律师费；当事人对保证范围另有约定的，按照其约定（《中华人民共和国"
        "民法典》第六百九十一条）"
    )


def test_the_debtors_own_collateral_names_the_property_and_article_392():
    data = copy.deepcopy(ALONE)
    data["loan"]["collateral"] = MORTGAGE["loan"]["collateral"]
    error = _error(data, "guarantor_after_security_alone")
    assert error.message.startswith("案外人张伟作为债务人以自己的财产提供了担保（北京市东城区")
    assert (
        "合同未约定实现担保的顺序，债权人应当先就该物的担保实现债权（《中华人民共和国民法典》"
        "第三百九十二条），保证人仅对原告就抵押财产优先受偿后不足清偿的部分承担保证责任。"
    ) in error.message


def test_an_agreed_order_putting_a_third_partys_property_first_is_named_as_agreed():
    data = copy.deepcopy(ALONE)
    collateral = copy.deepcopy(MORTGAGE["loan"]["collateral"]) | {
        "provider": "王芳",
        "agreed_order": "security_first",
        "enforcement_order": "《保证合同》第六条：债权人应先行使抵押权",
    }
    data["loan"]["collateral"] = collateral
    error = _error(data, "guarantor_after_security_alone")
    assert error.message.startswith(
        "合同约定债权人应先就物的担保实现债权（《保证合同》第六条：债权人应先行使抵押权），"
        "债权人应当按照约定实现债权（《中华人民共和国民法典》第三百九十二条）"
    )
    assert "并将提供抵押财产的人列为被告" in error.hint
