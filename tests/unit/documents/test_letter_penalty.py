"""A letter's 违约金 row states its rate, base and period; a typed one is read against the
rate its note states (the check complaints use), and one with no basis is warned of."""

from __future__ import annotations

import copy
from typing import Any

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
NOTED = load_fixture("demand_letter", "valid", "penalty_rate_in_note")
PART = load_fixture("demand_letter", "valid", "penalty_part_of_its_noted_rate")
ABOVE = load_fixture("demand_letter", "invalid", "penalty_above_its_noted_rate")
PERIOD = "以100,000.00元为基数，自2026年1月11日起至2026年10月31日止共294天"


def _problems(type_name: str, data: Any) -> dict[str, Any]:
    doc_type = registry.get(type_name)
    return {p.code: p for p in doc_type.evaluate(doc_type.parse(data), OPTIONS).problems}


def _as_lawyer_letter(data: Any) -> Any:
    letter = copy.deepcopy(load_fixture("lawyer_letter", "valid", "person_debtor_auto_number"))
    letter["amounts"] = copy.deepcopy(data["amounts"])
    return letter


def test_a_penalty_without_its_rate_base_or_period_is_warned_of_at_its_note():
    for type_name, name in (
        ("demand_letter", "guarantor_demanded_in_time"),
        ("lawyer_letter", "person_debtor_auto_number"),
    ):
        warning = _problems(type_name, load_fixture(type_name, "valid", name))[
            "penalty_basis_missing"
        ]
        assert warning.severity == "warning"
        assert warning.loc == ("amounts", "components", 2, "note")
        assert warning.message.startswith(
            "函件印出违约金人民币1,409.50元，未写明其计算标准、基数和起止日期：债务人无从核对该金额"
        )
        assert "每日万分之零点五" in (warning.hint or "")


def test_a_penalty_whose_note_gives_its_figure_prints_its_base_and_period():
    assert "penalty_basis_missing" not in _problems("demand_letter", NOTED)
    assert "noted_rate_part_claimed" not in _problems("demand_letter", NOTED)
    for type_name, data in (("demand_letter", NOTED), ("lawyer_letter", _as_lawyer_letter(NOTED))):
        printed = printed_copy(type_name, data)
        assert f"按《借款合同》第八条每日万分之零点五计算：{PERIOD}" in printed
        assert "1,470.00" in printed


def test_a_penalty_below_its_noted_rate_prints_what_the_rate_gives_and_the_part_demanded():
    warning = _problems("demand_letter", PART)["noted_rate_part_claimed"]
    assert warning.loc == ("amounts", "components", 2, "amount")
    assert "计算为人民币1,470.00元，高于填写的人民币1,409.50元" in warning.message
    assert (
        f"按《借款合同》第八条每日万分之零点五计算：{PERIOD}，计为人民币1,470.00元，我方现主张其中"
        "人民币1,409.50元"
    ) in printed_copy("demand_letter", PART)
    lawyer = printed_copy("lawyer_letter", _as_lawyer_letter(PART))
    assert "计为人民币1,470.00元，委托人现主张其中人民币1,409.50元" in lawyer


def test_a_penalty_above_its_noted_rate_is_refused_in_both_letters():
    for type_name, data in (("demand_letter", ABOVE), ("lawyer_letter", _as_lawyer_letter(ABOVE))):
        error = _problems(type_name, data)["noted_rate_exceeded"]
        assert error.severity == "error"
        assert error.loc == ("amounts", "components", 2, "amount")
        assert (
            "按每日0.005%以100,000.00元为基数，自2026年1月11日起至2026年10月31日止共294天计算为"
            "人民币1,470.00元，填写的人民币1,500.00元超过该金额：函件不能主张超出其所写计算标准的金额"
        ) in error.message


def test_a_fixed_agreed_sum_needs_no_rate():
    data = copy.deepcopy(load_fixture("demand_letter", "valid", "guarantor_demanded_in_time"))
    data["amounts"]["components"][2]["note"] = "按合同第八条约定的违约金1,409.50元"
    assert "penalty_basis_missing" not in _problems("demand_letter", data)
