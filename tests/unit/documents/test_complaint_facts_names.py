"""A bare 「被告」 in the typed facts of a complaint against two or more defendants is
warned at ``facts`` (民事诉讼法 arts. 122(3), 124(3)): the user is asked to name the
defendant meant."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
WARNED = load_fixture("civil_complaint", "valid", "facts_say_the_defendant_without_a_name")
NAMED = load_fixture("civil_complaint", "valid", "narrative_guarantor")


def _warning(data: dict):
    problems = DOC.evaluate(DOC.parse(data), OPTIONS).problems
    found = [p for p in problems if p.code == "defendant_not_named"]
    assert all(p.loc == ("facts",) and p.severity == "warning" for p in found)
    return found[0] if found else None


def _with_facts(facts: str, data: dict = NAMED) -> dict:
    changed = copy.deepcopy(data)
    changed["facts"] = facts
    return changed


def test_a_bare_defendant_is_warned_with_the_clauses_and_the_names():
    warning = _warning(WARNED)
    assert warning is not None
    assert warning.message.startswith(
        "补充事实与理由中的「被告」未写明是哪一名被告：「被告均未回复」、「被告至今未还」。"
        "本案有2名被告（张伟、李秀英）"
    )
    assert "第一百二十二条第三项、第一百二十四条第三项" in warning.message
    assert warning.hint.startswith("请在「被告」后写明所指被告的姓名或名称，如「被告张伟」")


def test_named_defendants_are_not_warned():
    assert _warning(NAMED) is None
    assert _warning(_with_facts("被告张伟、李秀英均未回复，被告李秀英亦未承担保证责任。")) is None


def test_one_defendant_is_not_warned():
    data = _with_facts("被告至今未还。")
    data["defendants"] = data["defendants"][:1]
    problems = DOC.evaluate(DOC.parse(data), OPTIONS).problems
    assert "defendant_not_named" not in {p.code for p in problems}


@pytest.mark.parametrize(
    "facts",
    [
        "原告曾向「被告方」发出《致被告的催告函》，被告张伟未回复。",
        "被告张伟曾为刑事案件的被告人。",
        "各被告均未回复；两被告均未履行。",
        "原、被告之间的借贷关系合法有效。",
    ],
)
def test_quotations_other_words_and_all_of_them_are_not_warned(facts):
    assert _warning(_with_facts(facts)) is None


def test_a_short_name_of_an_organisation_names_it():
    data = load_fixture("civil_complaint", "valid", "elements_every_item")
    assert _warning(data) is None
    assert _warning(_with_facts("被告闽江公司未承担保证责任。", data)) is None
    assert _warning(_with_facts("被告未承担保证责任。", data)) is not None


def test_a_bare_defendant_in_the_contract_summary_is_warned_at_the_summary():
    both = load_fixture("civil_complaint", "valid", "narrative_sale_branch_and_company")
    problems = DOC.evaluate(DOC.parse(both), OPTIONS).problems
    assert not [p for p in problems if p.code == "defendant_not_named"]
    facts = DOC.build_context(DOC.parse(both), DOC.evaluate(DOC.parse(both), OPTIONS))["facts"]
    assert (
        "原告依约向被告杭州远景建设工程有限公司上海分公司交付空压机设备十台，被告杭州远景建设工程"
        "有限公司上海分公司验收合格。"
    ) in facts[0]
    data = copy.deepcopy(both)
    data["contract"]["summary"] = "原告依约向被告交付空压机设备十台，被告验收合格"
    (warning,) = [
        p
        for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems
        if p.code == "defendant_not_named"
    ]
    assert warning.loc == ("contract", "summary")
    assert warning.message.startswith(
        "债务形成经过中的「被告」未写明是哪一名被告：「原告依约向被告交付空压机设备十台」、"
        "「被告验收合格」。本案有2名被告"
    )
