"""A debtor signs for interest and penalties only with their formula beside the figure."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

CONFIRMATION = load_fixture("debt_confirmation", "valid", "person_debtor_with_plan")
INSTALLMENTS = load_fixture("installment_agreement", "valid", "monthly_with_guarantor")
NOTED = load_fixture("debt_confirmation", "invalid", "interest_and_penalty_without_their_formula")


def _assess(type_name: str, data):
    doc_type = registry.get(type_name)
    case = doc_type.parse(data)
    return doc_type, case, doc_type.assess(case, RuleOptions())


def test_interest_and_a_loans_penalty_with_a_note_only_are_refused_at_their_calculation():
    _, _, result = _assess("debt_confirmation", NOTED)
    found = {(p.loc, p.code): p.message for p in result.errors}
    for i in (1, 2):
        message = found[(("amounts", "components", i, "calculation"), "formula_missing")]
        assert "须填写计算方式（计息基数、利率或违约金标准、起止日期）" in message
        assert "法释〔2020〕17号第二十五条至第二十九条" in message


def test_a_sales_penalty_with_a_note_only_is_warned_with_the_civil_codes_article():
    data = load_fixture("debt_confirmation", "valid", "sale_late_penalty_listed_in_the_amounts")
    _, _, result = _assess("debt_confirmation", data)
    assert result.errors == []
    (warning,) = [w for w in result.warnings if w.code == "formula_missing"]
    assert warning.loc == ("amounts", "components", 1, "calculation")
    assert "民法典第五百八十五条" in warning.message and "法释" not in warning.message


def test_a_loans_interest_across_the_due_date_must_be_split():
    data = copy.deepcopy(INSTALLMENTS)
    calc = data["debt"]["components"][1]["calculation"]
    calc.pop("end")  # 借期内利息 from 2025-01-11 now runs to the cut-off date
    data["debt"].pop("total")
    _, _, result = _assess("installment_agreement", data)
    spans = [p for p in result.errors if p.code == "interest_spans_due_date"]
    assert [p.loc for p in spans] == [("debt", "components", 1, "calculation", "end")]
    assert "请分为借期内利息（计至2026年1月10日）和逾期利息（自2026年1月11日起）" in (
        spans[0].message
    )


def test_the_amounts_table_prints_each_formula_beside_its_figure():
    doc_type, case, result = _assess("debt_confirmation", CONFIRMATION)
    rows = doc_type.build_context(case, result)["amounts"]["rows"]
    notes = {row["label"]: (row["amount"], row["note"]) for row in rows}
    assert notes["借期内利息"] == (
        "6,000.00",
        "以100,000.00元为基数，按年利率6%，自2025年1月11日起至2026年1月10日止",
    )
    assert notes["逾期利息"][1].endswith("自2026年1月11日起至2026年10月31日止")
    # a 违约金's daily rate is no interest rate: 「每日0.005%」 (describe_penalty_rate)
    assert notes["违约金"] == (
        "1,470.00",
        "以100,000.00元为基数，按每日0.005%，自2026年1月11日起至2026年10月31日止",
    )
    assert notes["本金"] == ("100,000.00", "")
