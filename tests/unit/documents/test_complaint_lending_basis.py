"""A private lender's complaint cites the articles of 法释〔2020〕17号 its claims rest on."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
RULES = "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》（法释〔2020〕17号）"


def _reasons(data: dict) -> str:
    case = DOC.parse(data)
    assessment = DOC.evaluate(case, OPTIONS)
    assert assessment.errors == []
    return DOC.build_context(case, assessment)["facts"][-1]


def test_in_term_and_overdue_interest_rest_on_articles_25_and_28():
    data = load_fixture("civil_complaint", "valid", "narrative_guarantor")
    assert f"、{RULES}第二十五条、第二十八条、《中华人民共和国民事诉讼法》" in _reasons(data)


def test_a_penalty_claimed_with_overdue_interest_adds_article_29():
    data = load_fixture("civil_complaint", "valid", "narrative_guarantor")
    data["amounts"]["components"][3] = {"kind": "penalty", "amount": "2000.00"}
    assert f"{RULES}第二十五条、第二十八条、第二十九条" in _reasons(data)


def test_a_lawyers_fee_alone_does_not_cite_article_29():
    data = load_fixture("civil_complaint", "valid", "narrative_guarantor")
    assert "第二十九条" not in _reasons(data)


def test_overdue_interest_alone_rests_on_article_28():
    data = copy.deepcopy(load_fixture("civil_complaint", "valid", "narrative_guarantor"))
    del data["amounts"]["components"][1]  # no in-term interest claimed
    reasons = _reasons(data)
    assert f"{RULES}第二十八条、" in reasons and "第二十五条" not in reasons


def test_principal_alone_cites_no_article_of_the_lending_rules():
    data = copy.deepcopy(load_fixture("civil_complaint", "valid", "narrative_guarantor"))
    data["amounts"]["components"] = data["amounts"]["components"][:1]
    data.pop("running_interest")
    assert "民间借贷案件" not in _reasons(data)


def test_the_element_form_cites_the_same_articles():
    data = load_fixture("civil_complaint", "valid", "elements_every_item")
    case = DOC.parse(data)
    sections = DOC.build_context(case, DOC.evaluate(case, OPTIONS))["form"]
    values = [row["value"] for section in sections for row in section["rows"]]
    assert any(f"{RULES}第二十五条、第二十八条" in value for value in values)
