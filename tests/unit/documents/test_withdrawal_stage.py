"""The application to withdraw is a first-instance suit's: its case number says so."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

TYPE = registry.get("withdrawal_application")
PERFORMED = load_fixture("withdrawal_application", "valid", "performed_fee_paid_only")


def _assess(case_number: str, court: str = "北京市东城区人民法院"):
    data = copy.deepcopy(PERFORMED)
    data["case_number"], data["court"] = case_number, court
    return TYPE.evaluate(TYPE.parse(data), RuleOptions(today=date(2026, 12, 1)))


@pytest.mark.parametrize("number", ["（2026）京0101执1234号", "（2026）京0101执恢56号"])
def test_an_enforcement_number_is_refused_and_the_withdrawal_of_the_request_named(number):
    result = _assess(number)
    (error,) = result.errors
    assert (error.loc, error.code) == (("case_number",), "withdrawal_in_execution")
    assert "执行案件不是诉讼" in error.message
    assert "请使用撤回执行申请" in error.message
    assert "第二百六十八条第一项" in error.message
    assert "上诉人撤回上诉（第一百八十条）" in error.message


def test_a_second_instance_number_without_the_appeal_asks_for_it():
    result = _assess("（2026）京02民终1234号", "北京市第二中级人民法院")
    (error,) = result.errors
    assert (error.loc, error.code) == (("appeal",), "missing")
    assert "本申请为撤回上诉申请书" in error.message and "第一百八十条" in error.message


def test_a_second_instance_number_of_a_basic_courts_code_is_warned_of():
    data = load_fixture("withdrawal_application", "valid", "appeal_withdrawn_after_settlement")
    data["case_number"] = "（2026）京0101民终1234号"
    result = TYPE.evaluate(TYPE.parse(data), RuleOptions(today=date(2026, 12, 1)))
    assert result.errors == []
    (warning,) = result.warnings
    assert (warning.loc, warning.code) == (("case_number",), "case_number_court_level")


def test_another_type_code_is_refused():
    result = _assess("（2026）京0101民督321号")
    assert [(e.loc, e.code) for e in result.errors] == [
        (("case_number",), "withdrawal_not_first_instance")
    ]


def test_an_intermediate_courts_own_first_instance_number_is_accepted_and_printed():
    data = load_fixture(
        "withdrawal_application", "valid", "first_instance_at_an_intermediate_court"
    )
    text = printed_copy("withdrawal_application", data)
    assert "案号：（2026）京02民初88号" in text
    assert "北京市第二中级人民法院" in text
    assert "准许申请人撤回对被告张伟、李秀英的起诉。" in text
    # 641,800 on 120,000,000, halved to 320,900: that is refunded
    assert "案件受理费中的人民币320,900.00元" in text


@pytest.mark.parametrize(
    ("number", "court", "said"),
    [
        ("（2026）京0101民初12号", "北京市第二中级人民法院", "“京0101”是基层人民法院的代字"),
        ("（2026）京02民初12号", "北京市东城区人民法院", "“京02”是中级人民法院的代字"),
        ("（2026）京02民初12号", "北京市高级人民法院", "北京市高级人民法院是高级人民法院"),
    ],
)
def test_a_court_code_of_another_level_than_the_court_is_warned_of(number, court, said):
    result = _assess(number, court)
    assert result.errors == []
    (warning,) = [w for w in result.warnings if w.code == "case_number_court_level"]
    assert warning.loc == ("case_number",)
    assert said in warning.message


@pytest.mark.parametrize(
    ("number", "court"),
    [
        ("（2026）京0101民初12号", "北京市东城区人民法院"),
        ("（2026）京02民初12号", "北京市第二中级人民法院"),
        ("（2026）京民初12号", "北京市高级人民法院"),
    ],
)
def test_a_court_code_of_the_courts_level_is_not_warned_of(number, court):
    result = _assess(number, court)
    assert result.errors == []
    assert "case_number_court_level" not in [w.code for w in result.warnings]
