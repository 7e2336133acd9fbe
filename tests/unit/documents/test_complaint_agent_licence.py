"""A complaint's agent with the licence number (执业证号) of a lawyer or a legal service
worker: a lawyer's is 17 digits (司法部's numbering of the 律师执业证), refused on the field
otherwise; never printed, as the 样式 of 民事起诉状 and the element forms name an agent by
name, 工作单位 and 职务 only. The bundle compares it with the power of attorney's and the
firm letter's (tests/unit/test_bundle_people.py)."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.problems import CaseInvalid
from tests.support import load_fixture, printed_copy

DOC = registry.get("civil_complaint")
MISTYPED = load_fixture("civil_complaint", "invalid", "lawyer_agent_licence_not_17_digits")
NARRATIVE = load_fixture("civil_complaint", "valid", "summary_procedure")
ELEMENTS = load_fixture("civil_complaint", "valid", "elements_company_lender")
LICENSE = "11101201010123456"


def _with_agent(**changes: str) -> dict:
    data = copy.deepcopy(NARRATIVE)
    data["plaintiffs"][0]["agents"][0].update(changes)
    return data


def test_a_lawyers_licence_number_of_another_length_is_refused_on_it():
    with pytest.raises(CaseInvalid) as raised:
        DOC.parse(MISTYPED)
    (problem,) = raised.value.problems
    assert (problem.loc, problem.code) == (
        ("plaintiffs", 0, "agents", 0, "license_number"),
        "license_number_format",
    )
    assert problem.message == "律师执业证号应为17位数字（见律师执业证），填写的为1110120101012345"


def test_letters_in_a_lawyers_number_are_refused_and_spaces_are_not():
    with pytest.raises(CaseInvalid):
        DOC.parse(_with_agent(license_number="1110120101012345X"))
    case = DOC.parse(_with_agent(license_number="11101 2010 1012 3456"))
    assert case.plaintiffs[0].agents[0].license_number == LICENSE


def test_a_legal_service_workers_number_is_kept_as_typed():
    case = DOC.parse(_with_agent(firm="北京市东城区和平里法律服务所", license_number="京司服字001"))
    assert case.plaintiffs[0].agents[0].license_number == "京司服字001"


@pytest.mark.parametrize(
    "data", [_with_agent(license_number=LICENSE), ELEMENTS], ids=["narrative", "elements"]
)
def test_the_licence_number_is_not_printed_in_either_layout(data):
    printed = printed_copy("civil_complaint", data)
    number = data["plaintiffs"][0]["agents"][0]["license_number"]
    assert data["plaintiffs"][0]["agents"][0]["name"] in printed
    assert number not in printed and "执业证号" not in printed


def test_the_narrative_agent_line_is_the_one_of_the_form():
    printed = printed_copy("civil_complaint", _with_agent(license_number=LICENSE))
    assert (
        "委托诉讼代理人：周明，北京市正信律师事务所律师，联系电话：010-65288888，"
        "代理权限：特别授权。"
    ) in printed
