"""The guarantor rules as the letters and the complaint apply them (docs/legal-rules.md)."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)
LETTER = load_fixture("demand_letter", "valid", "guarantor_demanded_in_time")
COMPLAINT = load_fixture("civil_complaint", "valid", "narrative_guarantor")


def _problems(type_name: str, data: dict) -> list:
    doc_type = registry.get(type_name)
    return doc_type.evaluate(doc_type.parse(data), OPTIONS).problems


def _codes(problems: list, severity: str) -> list[tuple]:
    return [(p.loc, p.code) for p in problems if p.severity == severity]


def test_a_joint_guarantor_demanded_in_time_gets_its_letter():
    assert _codes(_problems("demand_letter", LETTER), "error") == []


def test_no_letter_demands_payment_of_a_guarantor_whose_period_lapsed():
    lapsed = load_fixture("demand_letter", "invalid", "guarantor_period_lapsed")
    problems = _problems("demand_letter", lapsed)
    (error,) = [p for p in problems if p.severity == "error"]
    assert (error.loc, error.code) == (("guarantees", 0), "guarantee_period_lapsed")
    assert "保证人不再承担保证责任" in error.message and "第三十四条第二款" in error.message
    # the same guarantor demanded within the period is still liable: the letter goes out
    kept = copy.deepcopy(lapsed)
    kept["guarantees"][0]["claimed_on"] = LETTER["guarantees"][0]["claimed_on"]
    assert _codes(_problems("demand_letter", kept), "error") == []


def test_a_recorded_act_after_the_letter_date_is_an_error_on_its_field():
    data = copy.deepcopy(LETTER)
    data["guarantees"][0]["claimed_on"] = "2026-12-01"  # the letter is dated 2026-11-20
    problems = _problems("demand_letter", data)
    assert (("guarantees", 0, "claimed_on"), "after_document_date") in _codes(problems, "error")


def test_an_agreed_period_needs_its_end():
    data = copy.deepcopy(LETTER)
    data["guarantees"][0]["period"] = "agreed"
    errors = _codes(_problems("demand_letter", data), "error")
    assert errors == [(("guarantees", 0, "period_end"), "missing")]


def test_the_guarantors_own_limitation_is_a_warning_naming_its_start():
    data = copy.deepcopy(COMPLAINT)
    data["filing_date"] = "2029-03-05"
    data["amounts"]["as_of"] = "2026-10-31"
    data["defendants"][1]["guarantee"] = {"type": "joint", "claimed_on": "2026-02-09"}
    problems = _problems("civil_complaint", data)
    (warning,) = [p for p in problems if p.code == "guarantor_limitation_may_have_expired"]
    assert warning.loc == ("defendants", 1, "guarantee")
    assert "2026年2月9日" in warning.message and "2029年2月9日" in warning.message


def test_a_letter_cannot_demand_more_than_a_maximum_guarantee_covers():
    data = copy.deepcopy(LETTER)
    data["guarantees"][0]["maximum"] = {
        "amount": "50000",
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
    }
    errors = _codes(_problems("demand_letter", data), "error")
    assert errors == [(("guarantees", 0, "maximum", "amount"), "above_maximum")]
    data["guarantees"][0]["maximum"]["amount"] = "200000"
    assert _codes(_problems("demand_letter", data), "error") == []


def test_the_lawyer_letter_applies_the_same_rules():
    data = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
    assert _codes(_problems("lawyer_letter", data), "error") == []
    data["guarantees"][0]["arbitration_agreed"] = False
    errors = _codes(_problems("lawyer_letter", data), "error")
    assert errors == [(("guarantees", 0, "arbitration_agreed"), "arbitration_not_agreed")]
