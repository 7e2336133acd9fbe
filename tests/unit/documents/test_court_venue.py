"""The complaint's court: its level for the claim, its place for the connecting points."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

GUARANTOR = load_fixture("civil_complaint", "valid", "narrative_guarantor")
COMPLAINT = registry.get("civil_complaint")


def _problems(**changes):
    data = copy.deepcopy(GUARANTOR)
    data.update(changes)
    return COMPLAINT.evaluate(COMPLAINT.parse(data), RuleOptions()).problems


def _on_court(problems):
    return [(p.severity, p.code) for p in problems if p.loc == ("court",)]


def test_a_court_in_no_connecting_place_is_a_warning_naming_the_competent_courts():
    problems = _problems(court="广州市天河区人民法院")
    assert _on_court(problems) == [("warning", "court_place")]
    (warning,) = [p for p in problems if p.code == "court_place"]
    assert "北京市东城区人民法院（被告张伟住所地）" in warning.message
    assert "北京市朝阳区人民法院（被告李秀英住所地）" in warning.message
    assert "上海市浦东新区人民法院（原告刘芳住所地，即合同履行地）" in warning.message


def test_the_court_of_any_connecting_point_passes():
    for court in ("北京市朝阳区人民法院", "上海市浦东新区人民法院"):
        assert _on_court(_problems(court=court)) == []


def test_a_court_the_parties_agreed_on_passes():
    clause = "《借款合同》第十条约定由广州市天河区人民法院管辖"
    assert _on_court(_problems(court="广州市天河区人民法院", jurisdiction_clause=clause)) == []


def test_the_supreme_and_high_courts_refuse_an_ordinary_debt():
    assert _on_court(_problems(court="最高人民法院")) == [("error", "court_level")]
    (problem,) = [p for p in _problems(court="北京市高级人民法院") if p.loc == ("court",)]
    assert problem.code == "court_level" and "第二十条" in problem.message


def test_a_misspelt_district_is_an_error_listing_the_citys_districts():
    (problem,) = [p for p in _problems(court="北京市东成区人民法院") if p.loc == ("court",)]
    assert problem.severity == "error" and problem.code == "court_unknown"
    assert "「北京市东成区」不是现行行政区划名称" in problem.message
    assert "东城区" in problem.message


def test_an_intermediate_court_only_above_the_2021_thresholds():
    problems = _problems(court="北京市第二中级人民法院")
    (problem,) = [p for p in problems if p.loc == ("court",)]
    assert problem.code == "court_level" and "法发〔2021〕27号" in problem.message
    # 600 million between parties of two provinces (北京, 上海): 中级 from 100 million
    data = copy.deepcopy(GUARANTOR)
    data["amounts"]["components"][0]["amount"] = "600000000.00"
    data["amounts"].pop("total", None)
    data["court"] = "北京市东城区人民法院"
    result = COMPLAINT.evaluate(COMPLAINT.parse(data), RuleOptions())
    assert ("error", "court_level") in _on_court(result.problems)


def test_the_summary_procedure_halves_the_fee_once():
    data = copy.deepcopy(GUARANTOR)
    data["procedure"] = "summary"
    result = COMPLAINT.evaluate(COMPLAINT.parse(data), RuleOptions())
    assert result.errors == []
    # 2,664.9864 / 2 = 1,332.4932 → 1,332.49 (not half of 2,664.99 = 1,332.50)
    assert str(result.computed["court_fee"].fee) == "1332.49"
    # the fee and its basis in words, no calculation (a pleading carries none)
    assert "预交案件受理费：人民币1,332.49元" in result.context["fee"]
    assert "适用简易程序，依第十六条减半交纳" in result.context["fee"]
