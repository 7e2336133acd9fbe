"""Several plaintiffs of one loan: the facts name as the contracting and lending side only
those the case says signed and lent (``loan.lenders``), never every plaintiff."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

DOC = registry.get("civil_complaint")
SPOUSES = load_fixture("civil_complaint", "valid", "spouses_as_plaintiffs_one_a_ward")
NOT_SAID = load_fixture("civil_complaint", "invalid", "several_plaintiffs_without_the_lender")


def _errors(data: dict) -> list:
    problems = DOC.evaluate(DOC.parse(data), RuleOptions(calendar_fallback=True)).problems
    return [(p.loc, p.code) for p in problems if p.severity == "error"]


def test_only_the_plaintiff_who_signed_and_lent_is_named_so():
    text = printed_copy("civil_complaint", SPOUSES)
    assert "2025年1月10日，原告刘芳与被告张伟在北京市东城区签订《借款合同》" in text
    assert "原告刘芳于2025年1月10日以银行转账方式向被告张伟实际出借" in text
    assert "原告刘芳、王强与被告张伟" not in text
    assert "原告刘芳、王强于" not in text
    # the user's own facts still say why the other spouse sues
    assert "原告刘芳、王强系夫妻，出借款项为夫妻共同财产" in text


def test_several_plaintiffs_without_the_lender_named_are_refused():
    assert _errors(NOT_SAID) == [(("loan", "lenders"), "missing")]


def test_a_lender_who_is_not_a_plaintiff_is_refused():
    data = copy.deepcopy(SPOUSES)
    data["loan"]["lenders"] = ["刘芳", "李四"]
    assert _errors(data) == [(("loan", "lenders", 1), "not_a_plaintiff")]


def test_the_element_form_names_the_lender_only():
    data = copy.deepcopy(SPOUSES) | {"layout": "elements"}
    text = printed_copy("civil_complaint", data)
    assert "出借人：刘芳；借款人：张伟" in text.replace("\n", "")
