"""法释〔2020〕17号 art. 29: a private loan's overdue charges within the cap over the overdue days.

The loan of ``narrative_guarantor``: 100,000 lent 2025-01-10 (one-year LPR 3.10%, cap
12.4%), due 2026-01-10, claimed to 2026-10-31; the overdue period 2026-01-11 → 2026-10-31
is 294 days, so the cap is 100,000 × 12.4% × 294/365 = 9,987.95. Its overdue interest at
9% is 7,249.32; its in-term interest (6,000.00) is capped by its rate, not pooled.
"""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)
COMPLAINT = load_fixture("civil_complaint", "valid", "narrative_guarantor")
LETTER = load_fixture("demand_letter", "valid", "person_debtor")


def _problems(type_name: str, data: dict) -> list:
    doc_type = registry.get(type_name)
    return doc_type.evaluate(doc_type.parse(data), OPTIONS).problems


def _with_charge(data: dict, index: int, component: dict) -> dict:
    changed = copy.deepcopy(data)
    changed["amounts"]["components"][index] = component
    changed["amounts"].pop("total", None)
    return changed


def _cap_errors(problems: list) -> list:
    return [p for p in problems if p.code == "above_legal_cap"]


def test_a_penalty_above_the_cap_over_the_overdue_days_is_refused_on_the_components():
    data = _with_charge(COMPLAINT, 3, {"kind": "penalty", "amount": "9000.00"})
    (error,) = _cap_errors(_problems("civil_complaint", data))
    assert error.loc == ("amounts", "components")
    assert "逾期期间自2026年1月11日起至2026年10月31日止" in error.message
    assert "逾期利息7,249.32元、违约金9,000.00元" in error.message
    assert "最多为人民币9,987.95元，主张的16,249.32元超出6,261.37元" in error.message
    assert "第二十九条" in error.message


def test_in_term_interest_is_not_pooled_with_the_overdue_charges():
    # 7,249.32 + 2,000 = 9,249.32 ≤ 9,987.95; with the 6,000 in-term interest it would not be
    data = _with_charge(COMPLAINT, 3, {"kind": "penalty", "amount": "2000.00"})
    problems = _problems("civil_complaint", data)
    assert _cap_errors(problems) == []
    assert [p for p in problems if p.severity == "error"] == []


def test_a_financing_fee_counts_as_an_other_fee():
    data = _with_charge(COMPLAINT, 3, {"kind": "fee", "label": "服务费", "amount": "5000.00"})
    (error,) = _cap_errors(_problems("civil_complaint", data))
    assert "其他费用5,000.00元" in error.message
    assert error.hint is not None and "律师费" in error.hint


def test_a_lawyers_fee_that_takes_the_charges_above_the_cap_is_only_warned_of():
    problems = _problems("civil_complaint", COMPLAINT)
    assert _cap_errors(problems) == []
    (warning,) = [p for p in problems if p.code == "enforcement_costs_above_cap"]
    assert warning.severity == "warning"
    assert warning.loc == ("amounts", "components", 3)
    assert "与律师费合计人民币12,249.32元" in warning.message
    assert "人民币9,987.95元" in warning.message
    assert "第二巡回法庭2021年第19次法官会议纪要" in warning.message


def test_a_lawyers_fee_within_the_cap_draws_no_warning():
    data = _with_charge(COMPLAINT, 3, {"kind": "fee", "label": "律师费", "amount": "2000.00"})
    assert [p for p in _problems("civil_complaint", data) if p.code.endswith("_cap")] == []


def test_the_overdue_period_of_an_accelerated_loan_starts_after_the_acceleration():
    # elements_every_item: declared due 2025-12-10; in-term interest to that day, overdue
    # interest at 8% on 150,000 from 2025-12-11 → 2026-10-31 (325 days): 10,684.93; the
    # lawyer's fee replaced by a 7,000 penalty; cap 150,000 × 12.4% × 325/365
    data = load_fixture("civil_complaint", "valid", "elements_every_item")
    data = _with_charge(data, 3, {"kind": "penalty", "amount": "7000.00"})
    (error,) = _cap_errors(_problems("civil_complaint", data))
    assert "逾期期间自2025年12月11日起至2026年10月31日止" in error.message
    assert "逾期利息10,684.93元、违约金7,000.00元" in error.message
    assert "最多为人民币16,561.64元" in error.message


def test_a_typed_interest_named_overdue_is_pooled():
    data = _with_charge(LETTER, 1, {"kind": "interest", "label": "逾期利息", "amount": "9000.00"})
    (error,) = _cap_errors(_problems("demand_letter", data))
    assert "逾期利息9,000.00元、违约金1,409.50元" in error.message


def test_a_typed_interest_of_both_periods_is_checked_over_the_whole_loan():
    # 利息 typed for 2025-01-10 → 2026-10-31 cannot be split: with the penalty it stays
    # within the cap over the whole loan (22,421.92), as the letter's 10,832.88 does
    assert _cap_errors(_problems("demand_letter", LETTER)) == []
    data = _with_charge(LETTER, 1, {"kind": "interest", "amount": "21500.00"})
    (error,) = _cap_errors(_problems("demand_letter", data))
    assert error.loc == ("amounts", "components")
    assert "按整个借款期间核对" in error.message
    assert "利息21,500.00元、违约金1,409.50元" in error.message
    assert "最多为人民币22,421.92元" in error.message


# A 违约金 computed at 0.05% a day (18.25% a year) on 100,000 over the 294 overdue days is
# 14,700.00: alone above the 9,987.95 the cap allows over those days. It is refused under
# art. 29 with the pooled figures, not as interest above the art. 25 cap at its rate.
PENALTY_ALONE = load_fixture("installment_agreement", "invalid", "penalty_alone_above_overdue_cap")
CONFIRMATION = load_fixture("debt_confirmation", "valid", "agreed_court_rate_and_service_address")
_HIGH_PENALTY = {
    "kind": "penalty",
    "calculation": {
        "base": "100000",
        "rate": {"kind": "daily", "value": "0.05"},
        "start": "2026-01-11",
        "agreed_in": "《借款合同》第八条",
    },
}


def _assert_pooled_refusal(problems: list, loc: tuple, pooled: str) -> None:
    (error,) = _cap_errors(problems)
    assert error.severity == "error"
    assert error.loc == loc
    assert error.message.startswith("逾期利息、违约金及其他费用合计超过民间借贷利率上限")
    assert "逾期期间自2026年1月11日起至2026年10月31日止" in error.message
    assert pooled in error.message
    assert "（法释〔2020〕17号第二十九条、第二十五条）" in error.message
    assert "利息最多为" not in error.message


def test_an_installment_agreements_penalty_alone_above_the_cap_is_refused_under_art_29():
    _assert_pooled_refusal(
        _problems("installment_agreement", PENALTY_ALONE),
        ("debt", "components"),
        "逾期利息4,832.88元、违约金14,700.00元、其他费用0.00元合计最多为人民币9,987.95元，"
        "主张的19,532.88元超出9,544.93元",
    )


def test_a_debt_confirmations_penalty_alone_above_the_cap_is_refused_under_art_29():
    data = copy.deepcopy(CONFIRMATION)
    data["amounts"]["components"][3] = _HIGH_PENALTY
    data["amounts"].pop("total", None)
    _assert_pooled_refusal(
        _problems("debt_confirmation", data),
        ("amounts", "components"),
        "逾期利息4,832.88元、违约金14,700.00元、其他费用0.00元合计最多为人民币9,987.95元",
    )


def test_a_letters_penalty_alone_above_the_cap_is_refused_under_art_29():
    data = _with_charge(LETTER, 2, _HIGH_PENALTY)
    _assert_pooled_refusal(
        _problems("demand_letter", data),
        ("amounts", "components"),
        "逾期利息0.00元、违约金14,700.00元、其他费用0.00元合计最多为人民币9,987.95元",
    )


def test_overdue_interest_above_the_cap_is_still_refused_at_its_rate():
    # arts. 25, 28: an interest rate is capped on its own, in-term or overdue
    data = copy.deepcopy(PENALTY_ALONE)
    overdue = data["debt"]["components"][2]
    overdue["calculation"]["rate"] = {"kind": "annual", "value": "18"}
    overdue.pop("amount")
    data["debt"].pop("total")
    (error,) = _cap_errors(_problems("installment_agreement", data))
    assert error.loc == ("debt", "components", 2, "calculation", "rate")
    assert "利息最多为人民币9,987.95元，主张的14,498.63元超出4,510.68元" in error.message
    assert "（法释〔2020〕17号第二十五条）" in error.message


# Art. 29 caps the charges as a rate a year on every day they run, not only as a sum over
# the whole overdue period (``overdue_rates``): a 违约金 at 0.03% a day (10.95% a year)
# for the 61 days from 2026-09-01 beside 6% overdue interest charges 16.95% a year on
# those days, above the 12.4% cap, though its 1,830.00 with the 4,832.88 of interest stays
# under the 9,987.95 the cap allows over the 294 overdue days (accepted until 2026-12).
PER_DAY = load_fixture(
    "installment_agreement", "invalid", "penalty_per_day_above_the_cap_on_its_days"
)
# A 违约金 at 0.015% a day (5.475% a year) from 2025-07-11, a default before the loan's due
# date: with 6% overdue interest 11.475% a year, under the cap on every day; measured
# against the 294 days after the due date its 7,170.00 was refused (until 2026-12).
EARLIER = load_fixture(
    "installment_agreement", "valid", "penalty_from_an_earlier_default_within_the_rate_cap"
)


def test_a_penalty_per_day_above_the_cap_on_its_own_days_is_refused():
    (error,) = _cap_errors(_problems("installment_agreement", PER_DAY))
    assert error.severity == "error"
    assert error.loc == ("debt", "components")
    assert error.message == (
        "逾期利息、违约金及其他费用合计超过民间借贷利率上限（自2026年9月1日起至2026年10月31日止）："
        "其间逾期利息年利率6%、违约金年利率10.95%，合计每年人民币16,950.00元，以本金人民币"
        "100,000.00元为基数折合年利率16.95%，超过一年期LPR 3.10%的4倍，即年利率12.4%"
        "（法释〔2020〕17号第二十九条、第二十五条）"
    )


def test_a_penalty_from_an_earlier_default_is_measured_over_its_own_days():
    problems = _problems("installment_agreement", EARLIER)
    assert _cap_errors(problems) == []
    assert [p for p in problems if p.severity == "error"] == []


def test_a_typed_penalty_is_annualised_over_the_overdue_days():
    # 2,500.00 typed over the 294 overdue days is 3,103.74 a year: with the 9% overdue
    # interest 12,103.74 a year, within the 12,400.00 the cap allows on 100,000 (and
    # 7,249.32 + 2,500.00 = 9,749.32 within 9,987.95 as sums): accepted
    data = _with_charge(COMPLAINT, 3, {"kind": "penalty", "amount": "2500.00"})
    assert _cap_errors(_problems("civil_complaint", data)) == []
    # 4,000.00 is above on every day as above in sum: refused with the sums
    data = _with_charge(COMPLAINT, 3, {"kind": "penalty", "amount": "4000.00"})
    (error,) = _cap_errors(_problems("civil_complaint", data))
    assert "主张的11,249.32元超出1,261.37元" in error.message
