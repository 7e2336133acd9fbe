"""An agreed scope narrower than the statute's (民法典 arts. 389, 691: 当事人另有约定的，按照其
约定): the claim on the property and the claim against the guarantor ask only for the
numbered claims the agreed list covers, say what they are, and the user is told of each
claim left out; a scope that lists nothing readable is the statute's."""

from __future__ import annotations

import copy
import re

import pytest

from docgen.documents import registry
from docgen.documents.agreed_scope import read_scope
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
NARROW = load_fixture("civil_complaint", "valid", "narrative_agreed_scopes_narrower")
GUARANTOR = load_fixture("civil_complaint", "valid", "narrative_guarantor")
GENERAL = load_fixture("civil_complaint", "valid", "guarantee_type_not_stated")
ON_BORROWER = load_fixture("civil_complaint", "invalid", "guarantee_scope_on_the_borrower")


def claims(data: dict) -> dict[int, str]:
    text = printed_copy("civil_complaint", data)
    block = text[text.index("诉讼请求：") : text.index("以上诉讼请求金额合计")]
    return {int(m[1]): m[2] for m in re.finditer(r"^(\d+)\. (.+)$", block, re.M)}


def problem(data: dict, code: str):
    found = [p for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems if p.code == code]
    return found[0] if found else None


def test_the_priority_claim_follows_a_mortgage_securing_the_principal_only():
    assert claims(NARROW)[6].endswith("价款在上述第1项债权（主债权本金）范围内优先受偿；")
    warning = problem(NARROW, "claims_outside_security_scope")
    assert warning.loc == ("loan", "collateral", "scope") and warning.severity == "warning"
    assert warning.message.startswith(
        "约定的担保范围（主债权本金（《抵押合同》第二条））不包括第2项借期内利息、第3项逾期利息、"
        "第5项逾期利息"
    )
    assert "《中华人民共和国民法典》第三百八十九条" in warning.message


def test_the_guarantor_claim_follows_a_guarantee_of_principal_and_interest():
    assert claims(NARROW)[7] == (
        "判令被告李秀英对上述第1至3项、第5项债务（主债权及其利息）在原告就抵押财产优先受偿后"
        "不足清偿的部分承担连带清偿责任；"
    )
    warning = problem(NARROW, "claims_outside_guarantee_scope")
    assert warning.loc == ("defendants", 1, "guarantee_scope")
    assert "不包括第4项律师费" in warning.message
    assert "《中华人民共和国民法典》第六百九十一条" in warning.message
    # the property's warning on the fee no longer says the guarantor answers for it
    assert "对保证人的请求仍包括" not in problem(NARROW, "cost_outside_security_scope").message


def test_the_facts_the_form_and_the_laws_state_the_agreed_scopes():
    text = printed_copy("civil_complaint", NARROW)
    assert "约定的担保范围为主债权本金（《抵押合同》第二条）。" in text
    assert "约定的保证范围为主债权本金及利息（《保证合同》第三条）。" in text
    basis = text[text.index("为维护") :]
    assert "第三百八十九条" in basis and "第六百九十一条" in basis
    case = DOC.parse(NARROW | {"layout": "elements"})
    sections = DOC.build_context(case, DOC.evaluate(case, OPTIONS))["form"]
    rows = {r["label"]: r["value"] for s in sections for r in s["rows"]}
    (claim,) = [v for k, v in rows.items() if k.endswith("是否主张担保权利")]
    assert "价款在主债权本金范围内优先受偿" in claim
    assert "被告李秀英对原告就抵押财产优先受偿后不足清偿的部分在主债权及其利息范围内" in claim


def test_a_guarantee_of_the_principal_only_with_a_general_guarantor():
    data = copy.deepcopy(GENERAL)
    data["defendants"][1]["guarantee_scope"] = "借款本金（《保证合同》第三条）"
    assert claims(data)[6].startswith("判令被告李秀英对上述第1项债务（主债权本金）在被告张伟的财产")


def test_a_full_or_unreadable_scope_changes_no_claim():
    before = claims(GUARANTOR)
    for scope in (
        "主债权本金、利息、违约金、损害赔偿金及实现债权的费用（《保证合同》第三条）",
        "主合同项下的全部债务（《保证合同》第三条）",
        "见《保证合同》第三条",
    ):
        data = copy.deepcopy(GUARANTOR)
        data["defendants"][1]["guarantee_scope"] = scope
        assert claims(data) == before
        assert problem(data, "claims_outside_guarantee_scope") is None


def test_a_guarantee_scope_typed_for_a_borrower_is_an_error_on_it():
    found = problem(ON_BORROWER, "not_a_guarantor")
    assert found.severity == "error" and found.loc == ("defendants", 0, "guarantee_scope")


@pytest.mark.parametrize(
    ("text", "interest", "penalty"),
    [
        ("主债权本金（《借款合同》第二条）", False, False),
        ("主债权及其利息", True, False),
        ("本金、罚息、违约金", True, True),
    ],
)
def test_the_clause_is_read_as_the_list_it_names(text, interest, penalty):
    scope = read_scope(text)
    assert scope is not None
    assert (scope.interest, scope.penalty) == (interest, penalty)
