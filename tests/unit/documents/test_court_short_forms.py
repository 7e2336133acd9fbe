"""A court typed by its short name (「朝阳法院」, 「东城区法院」) is refused at the paper's court
field, and the hint says what to type: the full name the divisions table gives for the
place, or each full name it may be, never one chosen among them (court_names)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.problems import Problem
from tests.support import load_fixture, printed_copy

MESSAGE = (
    "不是法院的全称：递交法院的文书须写明受理法院的全称，以“人民法院”结尾，冠以省、自治区、"
    "直辖市名称，法院按全称核对"
)


def _court_problem(type_name: str, data: dict[str, Any], loc: tuple[str, ...]) -> Problem:
    doc_type = registry.get(type_name)
    result = doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True))
    (problem,) = [p for p in result.errors if p.loc == loc]
    assert problem.code == "not_a_court"
    return problem


def _power(court: str) -> dict[str, Any]:
    data = copy.deepcopy(load_fixture("power_of_attorney", "valid", "person_special_lawyer"))
    data["case"]["court"] = court
    return data


def test_a_short_name_of_one_place_says_the_full_name_to_type():
    data = load_fixture("power_of_attorney", "invalid", "bad_court_and_lawyer_without_firm")
    problem = _court_problem("power_of_attorney", data, ("case", "court"))
    assert problem.message == f"「东城区法院」{MESSAGE}"
    assert problem.hint == "请填写法院全称：北京市东城区人民法院"


def test_a_short_name_of_several_places_lists_each_full_name_and_chooses_none():
    problem = _court_problem("power_of_attorney", _power("朝阳法院"), ("case", "court"))
    assert problem.message == f"「朝阳法院」{MESSAGE}"
    assert problem.hint == (
        "「朝阳法院」可能是「北京市朝阳区人民法院」、「辽宁省朝阳县人民法院」、"
        "「吉林省长春市朝阳区人民法院」，请填写受理本案的法院的全称"
    )


@pytest.mark.parametrize(
    ("court", "hint"),
    [
        ("福州中院", "请填写法院全称：福建省福州市中级人民法院"),
        ("义乌法院", "请填写法院全称：浙江省义乌市人民法院"),
        ("火星法院", "请填写法院全称，冠以省、自治区、直辖市名称，如「北京市朝阳区人民法院」"),
    ],
)
def test_a_complaint_to_a_short_name_is_refused_at_its_court(court, hint):
    data = copy.deepcopy(
        load_fixture("civil_complaint", "valid", "organisation_plaintiff_without_position")
    )
    data["court"] = court
    problem = _court_problem("civil_complaint", data, ("court",))
    assert problem.message == f"「{court}」{MESSAGE}"
    assert problem.hint == hint


def test_the_full_name_the_hint_gives_is_accepted_and_printed():
    problem = _court_problem("power_of_attorney", _power("福田法院"), ("case", "court"))
    typed = (problem.hint or "").removeprefix("请填写法院全称：")
    assert typed == "广东省深圳市福田区人民法院"
    printed = printed_copy("power_of_attorney", _power(typed))
    assert f"授权委托书\n{typed}：\n" in printed
