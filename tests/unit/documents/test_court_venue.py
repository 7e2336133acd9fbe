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


def _evaluate(**changes):
    data = copy.deepcopy(GUARANTOR)
    data.update(changes)
    return COMPLAINT.evaluate(COMPLAINT.parse(data), RuleOptions())


CLAIMED = "贵院对本案依法享有管辖权"


def test_a_court_in_no_connecting_place_is_refused_naming_the_competent_courts():
    # the clause (被告住所地) decides: 广州 is neither a defendant's domicile nor anything
    (problem,) = [p for p in _problems(court="广州市天河区人民法院") if p.loc == ("court",)]
    assert (problem.severity, problem.code) == ("error", "court_place")
    assert problem.message.startswith("广州市天河区人民法院对本案没有管辖权：")
    assert "第三十五条" in problem.message and "第三十七条" in problem.message
    assert problem.hint == (
        "有管辖权的法院：北京市东城区人民法院（约定管辖：被告张伟住所地）；"
        "北京市朝阳区人民法院（约定管辖：被告李秀英住所地）"
    )


def test_without_a_clause_the_hint_lists_domiciles_and_the_place_of_performance():
    (problem,) = [
        p
        for p in _problems(court="广州市天河区人民法院", jurisdiction_clause=None)
        if p.loc == ("court",)
    ]
    assert problem.severity == "error" and "第二十二条、第二十四条" in problem.message
    assert "北京市东城区人民法院（被告张伟住所地）" in problem.hint
    assert "上海市浦东新区人民法院（原告刘芳住所地，即合同履行地）" in problem.hint


def test_the_court_of_any_connecting_point_passes_without_a_clause():
    for court in ("北京市东城区人民法院", "上海市浦东新区人民法院"):
        assert _on_court(_problems(court=court, jurisdiction_clause=None)) == []
    # 朝阳 is only the guarantor's: a joint suit follows the main contract (担保制度解释 art. 21(2))
    assert _on_court(_problems(court="北京市朝阳区人民法院", jurisdiction_clause=None)) == [
        ("error", "guarantor_court_only")
    ]


def test_a_valid_clause_excludes_the_place_of_performance():
    # 《借款合同》 agrees on 被告住所地: the plaintiff's own place (履行地) is no longer open
    (problem,) = [p for p in _problems(court="上海市浦东新区人民法院") if p.loc == ("court",)]
    assert (problem.severity, problem.code) == ("error", "court_place")
    assert "应向约定的法院起诉" in problem.message and "第三十条" in problem.message


def test_the_court_the_clause_leads_to_is_told_it_has_jurisdiction():
    result = _evaluate()  # 东城: 被告张伟住所地, as the clause agrees
    assert _on_court(result.problems) == []
    assert f"《借款合同》第十条约定由被告住所地人民法院管辖，{CLAIMED}。" in result.context["facts"]


def test_a_court_agreed_by_name_at_the_signing_place_passes():
    clause = "《借款合同》第十条约定由北京市西城区人民法院管辖"
    data = copy.deepcopy(GUARANTOR)
    data["loan"]["signed_place"] = "北京市西城区"
    data.update(court="北京市西城区人民法院", jurisdiction_clause=clause)
    result = COMPLAINT.evaluate(COMPLAINT.parse(data), RuleOptions())
    assert _on_court(result.problems) == []
    assert f"{clause}，{CLAIMED}。" in result.context["facts"]


def test_an_agreed_court_with_no_tie_to_the_parties_is_only_a_warning_to_check():
    # 广州 is no party's domicile nor the signing place; only the goods' place could tie it
    clause = "《借款合同》第十条约定由广州市天河区人民法院管辖"
    result = _evaluate(court="广州市天河区人民法院", jurisdiction_clause=clause)
    assert _on_court(result.problems) == [("warning", "court_place_unverified")]
    assert all(CLAIMED not in paragraph for paragraph in result.context["facts"])


def test_a_clause_naming_an_unconnected_court_leaves_the_statutory_courts_open():
    clause = "《借款合同》第十条约定由广州市天河区人民法院管辖"
    result = _evaluate(court="上海市浦东新区人民法院", jurisdiction_clause=clause)
    assert _on_court(result.problems) == []
    assert all(CLAIMED not in paragraph for paragraph in result.context["facts"])


def test_a_clause_that_cannot_be_read_is_a_warning_and_claims_nothing():
    clause = "《借款合同》第十条约定由双方协商确定的人民法院管辖"
    result = _evaluate(court="广州市天河区人民法院", jurisdiction_clause=clause)
    (warning,) = [p for p in result.problems if p.loc == ("court",)]
    assert (warning.severity, warning.code) == ("warning", "court_place_unverified")
    assert f"约定管辖条款「{clause}」所指地点未能识别" in warning.message
    assert all(CLAIMED not in paragraph for paragraph in result.context["facts"])
    # at a statutory point the clause is not quoted as the ground either
    at_home = _evaluate(jurisdiction_clause=clause)
    assert _on_court(at_home.problems) == []
    assert all(CLAIMED not in paragraph for paragraph in at_home.context["facts"])


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
    # half of the fee as charged, 2,664.99 / 2 = 1,332.495 → 1,332.50 (half up)
    assert str(result.computed["court_fee"].fee) == "1332.50"
    # the fee and its basis in words, no calculation (a pleading carries none)
    assert "预交案件受理费：人民币1,332.50元" in result.context["fee"]
    assert "适用简易程序，依第十六条减半交纳" in result.context["fee"]


def test_the_signing_place_agreed_in_the_sample_is_told_it_has_jurisdiction():
    data = load_fixture("civil_complaint", "valid", "agreed_court_at_the_signing_place")
    result = COMPLAINT.evaluate(COMPLAINT.parse(data), RuleOptions())
    assert _on_court(result.problems) == []
    assert f"《借款合同》第十条约定由合同签订地人民法院管辖，{CLAIMED}。" in result.context["facts"]


def test_a_clause_naming_a_contract_side_is_not_read_as_either_party():
    # 甲方 may be the lender or the borrower: the clause neither refuses nor vouches
    clause = "《借款合同》第十条约定由甲方住所地人民法院管辖"
    elsewhere = _evaluate(court="广州市天河区人民法院", jurisdiction_clause=clause)
    assert _on_court(elsewhere.problems) == [("warning", "court_place_unverified")]
    at_the_lender = _evaluate(court="上海市浦东新区人民法院", jurisdiction_clause=clause)
    assert _on_court(at_the_lender.problems) == []
    assert all(CLAIMED not in paragraph for paragraph in at_the_lender.context["facts"])
