"""The days an interest period counts, the basis of an overdue rate, the order printed."""

from __future__ import annotations

import copy
import re
from datetime import date

import pytest

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.interest_periods import whole_months
from tests.support import load_fixture

DOC = registry.get("demand_letter")
OPTIONS = RuleOptions(calendar_fallback=True)


def _evaluate(data):
    return DOC.evaluate(DOC.parse(data), OPTIONS)


def _text(name: str, kind: str = "valid") -> str:
    case = DOC.parse(load_fixture("demand_letter", kind, name))
    context = DOC.build_context(case, DOC.evaluate(case, OPTIONS))
    printed = paragraphs(layouts.LAYOUTS["demand_letter"].build(context))
    return re.sub(r"\s+", "", "\n".join(printed))


@pytest.mark.parametrize(
    ("start", "last", "months"),
    [
        (date(2025, 1, 10), date(2026, 1, 10), 12),
        (date(2025, 1, 31), date(2025, 2, 28), 1),  # no 31st: the month's last day (art. 202)
        (date(2025, 1, 11), date(2026, 1, 10), 0),
        (date(2025, 1, 10), date(2026, 1, 11), 0),
        (date(2026, 1, 10), date(2026, 1, 10), 0),
    ],
)
def test_whole_months_only_between_corresponding_days(start, last, months):
    assert whole_months(start, last) == months


def test_the_letter_prints_one_years_interest_first_then_overdue_interest_at_that_rate():
    text = _text("computed_interest")
    # in-term interest first, its row ending on the due date; 365 days, 6,000.00
    assert "2借期内利息2026年1月10日6,000.00见计算明细3逾期利息2026年10月31日4,832.88" in text
    assert "1.借期内利息（年利率6%，按《借款合同》第五条约定，每年按365天计）" in text
    assert "2025年1月11日至2026年1月10日365100,000.006%6,000.00" in text
    assert "2.逾期利息（年利率6%，按借期内利率计算，每年按365天计）" in text
    assert "合计人民币110,832.88元" in text
    assert "366" not in text and "LPR" not in text


def test_an_agreed_overdue_rate_is_printed_with_its_clause():
    text = _text("overdue_rate_agreed_in_the_contract")
    assert (
        "2.逾期利息（各计息期间适用的一年期贷款市场报价利率（LPR）的1.5倍（随LPR调整浮动），"
        "按《借款合同》第七条约定，每年按365天计）" in text
    )


def test_an_overdue_rate_without_a_clause_is_refused_citing_article_28():
    data = load_fixture("demand_letter", "invalid", "overdue_rate_without_basis")
    (problem,) = _evaluate(data).errors
    assert problem.code == "overdue_rate_without_basis"
    assert "一年期贷款市场报价利率（LPR）的1.5倍" in problem.message
    assert "第二十八条第二款第（二）项" in problem.message
    assert "年利率6%" in problem.message


def test_without_an_in_term_calculation_an_unexplained_overdue_rate_is_a_warning():
    data = copy.deepcopy(load_fixture("demand_letter", "invalid", "overdue_rate_without_basis"))
    in_term = data["amounts"]["components"][1]
    in_term["amount"] = "6000.00"
    del in_term["calculation"]
    result = _evaluate(data)
    assert result.errors == []
    (warning,) = [w for w in result.warnings if w.code == "overdue_rate_without_basis"]
    assert warning.loc == ("amounts", "components", 2, "calculation", "agreed_in")
    assert "第二十八条第二款" in warning.message


def test_overdue_interest_at_one_lpr_needs_no_clause_when_no_in_term_rate_is_known():
    data = copy.deepcopy(load_fixture("demand_letter", "invalid", "overdue_rate_without_basis"))
    data["amounts"]["components"][1] = {"kind": "interest", "label": "借期内利息", "amount": "6000"}
    data["amounts"]["components"][2]["calculation"]["rate"]["value"] = "1"
    codes = {p.code for p in _evaluate(data).problems}
    assert "overdue_rate_without_basis" not in codes


def test_the_rule_is_for_private_loans_only():
    data = copy.deepcopy(load_fixture("demand_letter", "invalid", "overdue_rate_without_basis"))
    data["contract"]["kind"] = "sale"
    assert "overdue_rate_without_basis" not in {p.code for p in _evaluate(data).problems}
