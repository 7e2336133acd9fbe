"""A court typed by a name several places bear (朝阳区人民法院: 北京's and 长春's) is printed
in full on every paper filed with a complaint where the case tells which one: the case
number's court code (京0105 begins with 北京's abbreviation, 案号 rules arts. 4–5) or a
connecting point of the complaint (the debtor's domicile, 民事诉讼法 art. 22), and the user
is asked to check it; where the case does not tell, the name is printed as typed and
warned of, as before (court_names.check_filed_court)."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.problems import Assessment
from tests.support import load_fixture, printed_copy

BEIJING = "北京市朝阳区人民法院"
TOLD = "short_court_told_by_the_case_number"


def _result(type_name: str, data: dict) -> Assessment:
    doc_type = registry.get(type_name)
    return doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True))


PAPERS = [
    ("evidence_list", ("court",), f"此致\n{BEIJING}\n", "证据目录"),
    ("power_of_attorney", ("case", "court"), f"授权委托书\n{BEIJING}：\n", "授权委托书"),
    ("service_address", ("case", "court"), f"送达地址确认书\n{BEIJING}\n", "送达地址确认书"),
    ("representative_certificate", ("case", "court"), f"用于{BEIJING}审理的", "证明书"),
]


@pytest.mark.parametrize(("type_name", "loc", "printed", "paper"), PAPERS)
def test_a_paper_in_a_numbered_case_prints_the_court_the_number_tells(
    type_name, loc, printed, paper
):
    data = load_fixture(type_name, "valid", TOLD)
    assert "朝阳区人民法院" in str(data)
    assert printed in printed_copy(type_name, data)
    result = _result(type_name, data)
    assert result.errors == []
    (warning,) = [w for w in result.warnings if w.loc == loc]
    assert warning.code == "court_name_from_case_number"
    assert "案号「（2026）京0105民初9876号」的法院代字以北京市的简称开头" in warning.message
    assert warning.message.endswith(f"{paper}按{BEIJING}打印")
    assert warning.hint == f"请核对受理法院为{BEIJING}，并在此填写法院全称"


@pytest.mark.parametrize(("type_name", "loc", "printed", "paper"), PAPERS)
def test_a_number_of_another_province_is_refused_at_the_number_as_before(
    type_name, loc, printed, paper
):
    # no 朝阳区 (北京、长春) is in 广东: the number is no number of the court named
    data = copy.deepcopy(load_fixture(type_name, "valid", TOLD))
    data.get("case", data)["case_number"] = "（2026）粤0304民初1号"
    result = _result(type_name, data)
    number_loc = (*loc[:-1], "case_number")
    assert [(e.loc, e.code) for e in result.errors] == [(number_loc, "case_number_court")]
    assert not [w for w in result.warnings if w.loc == loc]  # the error says it


def test_a_complaint_prints_the_court_of_the_debtor_s_domicile():
    data = load_fixture("civil_complaint", "valid", "short_court_told_by_the_debtors_domicile")
    assert data["court"] == "朝阳区人民法院"
    assert f"此致\n{BEIJING}\n" in printed_copy("civil_complaint", data)
    result = _result("civil_complaint", data)
    (warning,) = [w for w in result.warnings if w.loc == ("court",)]
    assert warning.code == "court_name_from_place"
    assert "被告张伟住所地（北京市朝阳区望京街道阜通东大街6号院3号楼1201室）在北京市朝阳区" in (
        warning.message
    )
    assert warning.message.endswith(f"起诉状按{BEIJING}打印")
    # the venue is checked for that court: the debtor's domicile founds it (art. 22)
    assert not [p for p in result.problems if p.code.startswith("court_place")]


def test_a_complaint_whose_points_reach_both_namesakes_prints_the_name_as_typed():
    data = copy.deepcopy(
        load_fixture("civil_complaint", "valid", "short_court_told_by_the_debtors_domicile")
    )
    data["plaintiffs"][0]["party"]["address"] = "吉林省长春市朝阳区人民大街1号"
    assert "此致\n朝阳区人民法院\n" in printed_copy("civil_complaint", data)
    codes = [(w.loc, w.code) for w in _result("civil_complaint", data).warnings]
    assert (("court",), "court_name_not_full") in codes
    assert (("court",), "court_place_ambiguous") in codes
    assert (("court",), "court_name_from_place") not in codes


def test_a_guarantor_s_domicile_alone_does_not_tell_the_court_of_a_joint_suit():
    # 担保制度解释 art. 21(2): the main contract decides where debtor and guarantor are sued
    data = load_fixture("civil_complaint", "valid", "court_of_a_district_several_cities_have")
    guarantor = next(d for d in data["defendants"] if d["role"] == "guarantor")
    assert guarantor["party"]["address"].startswith("北京市朝阳区")
    assert "此致\n朝阳区人民法院\n" in printed_copy("civil_complaint", data)
    codes = [w.code for w in _result("civil_complaint", data).warnings]
    assert "court_name_not_full" in codes


def test_the_firm_letter_says_once_which_court_the_number_tells():
    data = copy.deepcopy(load_fixture("firm_letter", "valid", "one_lawyer_for_a_company"))
    data["case"].update(court="朝阳区人民法院", case_number="（2026）京0105民初9876号")
    found = [w for w in _result("firm_letter", data).warnings if w.loc == ("case", "court")]
    assert [w.code for w in found] == ["court_name_from_case_number"]
    assert found[0].message.endswith(f"所函按{BEIJING}打印")
