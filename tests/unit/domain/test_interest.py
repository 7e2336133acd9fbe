"""Simple interest on a ledger, with fixed and LPR-based rates (domain brief §4.3).

Every expected figure is worked out by hand in the comment next to it: days counted
start inclusive, end exclusive; a ledger event changes the base from the next day (民法典
art. 201: the day money is lent is not counted); amount = base × rate × days / day count,
rounded half up to the fen once per step.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from docgen.domain.interest import (
    DEFAULT_ALLOCATION,
    Accrual,
    InterestResult,
    LedgerEvent,
    RateSpec,
    compute_interest,
    interest_on_principal,
)
from docgen.domain.lpr import LprEntry, LprNotAvailable, LprTable
from docgen.domain.rate_words import describe_lpr_periods, describe_rate, describe_running_claim
from docgen.reference_data import load_lpr_table

TABLE = load_lpr_table()
D = Decimal
ANNUAL_6 = RateSpec("annual", D(6))
FOUR_LPR = RateSpec("lpr_multiple", D(4))


def disbursed(day: date, amount: str) -> LedgerEvent:
    return LedgerEvent(day, "disbursement", D(amount))


def repaid(day: date, amount: str) -> LedgerEvent:
    return LedgerEvent(day, "repayment", D(amount))


def cost(day: date, amount: str) -> LedgerEvent:
    return LedgerEvent(day, "cost", D(amount))


@pytest.mark.parametrize(
    ("rate", "start", "end", "day_count", "expected"),
    [
        # 2025-01-01 → 2026-01-01 = 365 days; 100,000 × 6% × 365/365 = 6,000.00
        (ANNUAL_6, date(2025, 1, 1), date(2026, 1, 1), 365, "6000.00"),
        # 2025-01-10 → 2026-10-31: 365 (to 2026-01-10) + 273 (to 10-10) + 21 = 659 days;
        # 100,000 × 6% × 659/365 = 3,954,000/365 = 10,832.876… → 10,832.88
        (ANNUAL_6, date(2025, 1, 10), date(2026, 10, 31), 365, "10832.88"),
        # 2025-01-01 → 2025-07-01 = 31+28+31+30+31+30 = 181 days;
        # 365: 6,000 × 181/365 = 1,086,000/365 = 2,975.342… → 2,975.34
        (ANNUAL_6, date(2025, 1, 1), date(2025, 7, 1), 365, "2975.34"),
        # 360: 1,086,000/360 = 3,016.666… → 3,016.67
        (ANNUAL_6, date(2025, 1, 1), date(2025, 7, 1), 360, "3016.67"),
        # 0.5% a month = 6% a year: same as the 365-day case above
        (RateSpec("monthly", D("0.5")), date(2025, 1, 1), date(2025, 7, 1), 365, "2975.34"),
        # 0.05% a day = 18.25% a year (× 365, as courts annualise); 30 days (2025-03-01 →
        # 03-31), 365: 100,000 × 0.05% × 30 = 1,500.00 exactly
        (RateSpec("daily", D("0.05")), date(2025, 3, 1), date(2025, 3, 31), 365, "1500.00"),
        # … and with 360: 100,000 × 18.25% × 30/360 = 1,520.833… → 1,520.83
        (RateSpec("daily", D("0.05")), date(2025, 3, 1), date(2025, 3, 31), 360, "1520.83"),
        # LPR + 150bp on 2023-09-01 (LPR 3.45% since 2023-08-21) = 4.95%; 30 days:
        # 100,000 × 4.95% × 30/365 = 148,500/365 = 406.849… → 406.85
        (RateSpec("lpr_plus_bp", D(150)), date(2023, 9, 1), date(2023, 10, 1), 365, "406.85"),
        # Zero days: nothing
        (ANNUAL_6, date(2025, 1, 1), date(2025, 1, 1), 365, "0.00"),
    ],
)
def test_interest_on_a_fixed_principal(
    rate: RateSpec, start: date, end: date, day_count: int, expected: str
) -> None:
    result = interest_on_principal(D(100000), rate, start, end, TABLE, day_count=day_count)  # type: ignore[arg-type]
    assert result.interest == D(expected)
    assert result.principal_outstanding == D(100000)
    assert result.interest_outstanding == D(expected)
    assert sum(step.days for step in result.steps) == (end - start).days


def test_step_basis_states_base_rate_days_and_formula() -> None:
    result = interest_on_principal(
        D(100000), ANNUAL_6, date(2025, 1, 10), date(2026, 10, 31), TABLE
    )
    (step,) = result.steps
    assert (step.start, step.end, step.days, step.base) == (
        date(2025, 1, 10),
        date(2026, 10, 31),
        659,
        D(100000),
    )
    # The last day counted is the day before `end`.
    assert step.basis == (
        "以100,000.00元为基数，按年利率6%，自2025年1月10日起至2026年10月30日止，共659天："
        "100,000.00元×6%×659÷365=10,832.88元"
    )
    assert result.lpr_entries_used == ()
    assert not result.beyond_table


def test_four_times_lpr_floats_across_the_2024_07_22_change() -> None:
    # 2024-07-01 → 07-22: 21 days at 4 × 3.45% = 13.8%:
    #   100,000 × 13.8% × 21/365 = 289,800/365 = 793.972… → 793.97
    # 2024-07-22 → 08-01: 10 days at 4 × 3.35% = 13.4%:
    #   100,000 × 13.4% × 10/365 = 134,000/365 = 367.123… → 367.12
    # total 1,161.09
    result = interest_on_principal(D(100000), FOUR_LPR, date(2024, 7, 1), date(2024, 8, 1), TABLE)
    assert [(s.start, s.end, s.days, s.annual_percent, s.amount) for s in result.steps] == [
        (date(2024, 7, 1), date(2024, 7, 22), 21, D("13.80"), D("793.97")),
        (date(2024, 7, 22), date(2024, 8, 1), 10, D("13.40"), D("367.12")),
    ]
    assert result.interest == D("1161.09")
    assert result.lpr_entries_used == (
        LprEntry(date(2023, 8, 21), D("3.45")),
        LprEntry(date(2024, 7, 22), D("3.35")),
    )
    assert "按年利率13.8%（2023年8月21日发布的一年期LPR 3.45%的4倍）" in result.steps[0].basis
    assert "自2024年7月22日起至2024年7月31日止，共10天" in result.steps[1].basis
    assert result.table_date == date(2025, 6, 19)
    assert not result.beyond_table


def test_lpr_fixed_on_a_date_does_not_float() -> None:
    # Fixed on 2024-07-01 (3.45%): 31 days at 13.8% = 427,800/365 = 1,172.054… → 1,172.05
    rate = RateSpec("lpr_multiple", D(4), fixed_on=date(2024, 7, 1))
    result = interest_on_principal(D(100000), rate, date(2024, 7, 1), date(2024, 8, 1), TABLE)
    assert [(s.days, s.amount) for s in result.steps] == [(31, D("1172.05"))]
    assert "2024年7月1日的一年期LPR 3.45%的4倍" in result.steps[0].basis


def test_beyond_table_flags_lpr_days_after_the_latest_known_date() -> None:
    # latest_known_date is 2025-06-19: a period whose last day is 06-19 is covered,
    # one whose last day is 06-20 is not.
    covered = interest_on_principal(D(1000), FOUR_LPR, date(2025, 6, 1), date(2025, 6, 20), TABLE)
    assert not covered.beyond_table
    later = interest_on_principal(D(1000), FOUR_LPR, date(2025, 6, 1), date(2025, 6, 21), TABLE)
    assert later.beyond_table
    assert later.steps[-1].lpr_unverified
    # the basis is printed for the debtor: the operator note is a warning, never in it
    assert "核实" not in later.steps[-1].basis
    assert later.lpr_entries_used == (LprEntry(date(2025, 5, 20), D("3.00")),)
    # A fixed rate never consults the LPR, whatever the dates.
    fixed = interest_on_principal(D(1000), ANNUAL_6, date(2030, 1, 1), date(2031, 1, 1), TABLE)
    assert not fixed.beyond_table


def test_an_operator_confirmation_row_extends_coverage_without_splitting_steps() -> None:
    confirmed = LprTable([*TABLE.entries, LprEntry(date(2025, 6, 20), D("3.00"))])
    assert confirmed.latest_known_date == date(2025, 7, 19)
    result = interest_on_principal(D(1000), FOUR_LPR, date(2025, 5, 1), date(2025, 7, 1), confirmed)
    assert [s.start for s in result.steps] == [date(2025, 5, 1), date(2025, 5, 20)]
    assert not result.beyond_table


def test_lpr_rate_before_the_first_publication_is_refused() -> None:
    with pytest.raises(LprNotAvailable):
        interest_on_principal(D(1000), FOUR_LPR, date(2019, 8, 1), date(2019, 9, 1), TABLE)


def test_a_repayment_clears_interest_then_principal() -> None:
    # 100,000 lent 2025-01-01 at 12%, earning from 01-02.
    # 01-02 → 04-11 inclusive = 30+28+31+11 = 100 days: 1,200,000/365 = 3,287.671… → 3,287.67
    # 11,000 repaid 04-11, after that day's interest: 3,287.67 to interest, 7,712.33 to
    # principal → 92,287.67 from 04-12
    # 04-12 → 07-19 inclusive = 19+31+30+19 = 99 days: 92,287.67 × 12% × 99/365
    #   = 1,096,377.52/365 = 3,003.774… → 3,003.77
    events = [disbursed(date(2025, 1, 1), "100000"), repaid(date(2025, 4, 11), "11000")]
    result = compute_interest(
        events, RateSpec("annual", D(12)), date(2025, 1, 1), date(2025, 7, 20), TABLE
    )
    assert [(s.days, s.base, s.amount) for s in result.steps] == [
        (100, D("100000"), D("3287.67")),
        (99, D("92287.67"), D("3003.77")),
    ]
    assert result.interest == D("6291.44")
    assert result.interest_outstanding == D("3003.77")
    assert result.principal_outstanding == D("92287.67")
    (application,) = result.repayments
    assert (application.to_costs, application.to_interest, application.to_principal) == (
        D(0),
        D("3287.67"),
        D("7712.33"),
    )
    assert result.total_outstanding == D("95291.44")


def test_costs_come_first_and_the_order_is_a_parameter() -> None:
    # Same loan; a 2,000 cost on 02-01; 5,000 repaid on 04-11 (interest then 3,287.67).
    events = [
        disbursed(date(2025, 1, 1), "100000"),
        cost(date(2025, 2, 1), "2000"),
        repaid(date(2025, 4, 11), "5000"),
    ]
    rate = RateSpec("annual", D(12))
    default = compute_interest(events, rate, date(2025, 1, 1), date(2025, 4, 13), TABLE)
    # 5,000 → costs 2,000, interest 3,000, principal 0; 287.67 interest left.
    # The last day (04-12) accrues on the unchanged 100,000: 1,200,000×1/365 → 32.88.
    assert default.costs_outstanding == D(0)
    assert default.interest_outstanding == D("287.67") + D("32.88")
    assert default.principal_outstanding == D(100000)
    # Principal first: 5,000 → principal, so the base is 95,000 from 04-12:
    # 95,000 × 12% × 1/365 = 11,400/365 = 31.232… → 31.23
    principal_first = compute_interest(
        events,
        rate,
        date(2025, 1, 1),
        date(2025, 4, 13),
        TABLE,
        Accrual(allocation=("principal", "interest", "costs")),
    )
    assert principal_first.principal_outstanding == D(95000)
    assert principal_first.steps[-1].amount == D("31.23")
    assert principal_first.costs_outstanding == D(2000)


def test_a_disbursement_changes_the_base_from_the_next_day() -> None:
    # 36.5% a year is 0.1% a day on 365. 50,000 lent 01-01 earns from 01-02 (民法典
    # art. 201): 10 days (01-02 → 01-11) = 500; 100,000 from 01-12 for 10 days
    # (01-12 → 01-21) = 1,000.
    events = [disbursed(date(2025, 1, 1), "50000"), disbursed(date(2025, 1, 11), "50000")]
    result = compute_interest(
        events, RateSpec("annual", D("36.5")), date(2025, 1, 1), date(2025, 1, 22), TABLE
    )
    assert [(s.base, s.days, s.amount) for s in result.steps] == [
        (D(50000), 10, D("500.00")),
        (D(100000), 10, D("1000.00")),
    ]


def test_a_loan_repaid_on_the_corresponding_day_earns_one_years_interest() -> None:
    # lent 2025-01-10, repaid 2026-01-10: 2025-01-11 .. 2026-01-10 is 365 days (民法典
    # arts. 201, 202), 100,000 × 6% = 6,000.00, which the repayment of 106,000 clears
    events = [disbursed(date(2025, 1, 10), "100000"), repaid(date(2026, 1, 10), "106000")]
    result = compute_interest(events, ANNUAL_6, date(2025, 1, 10), date(2026, 1, 11), TABLE)
    assert [(s.start, s.days, s.amount) for s in result.steps] == [
        (date(2025, 1, 11), 365, D("6000.00"))
    ]
    assert result.total_outstanding == D(0) and result.overpaid == D(0)


def test_events_before_start_set_the_opening_balance() -> None:
    # Lent 2024-01-01, 10,000 repaid 2024-03-01, interest only from 2025-01-01:
    # base 90,000 at 6% for 365 days = 5,400.00.
    events = [disbursed(date(2024, 1, 1), "100000"), repaid(date(2024, 3, 1), "10000")]
    result = compute_interest(events, ANNUAL_6, date(2025, 1, 1), date(2026, 1, 1), TABLE)
    assert result.interest == D("5400.00")
    assert result.repayments[0].to_principal == D(10000)


def test_an_over_repayment_is_reported_not_negative() -> None:
    events = [disbursed(date(2025, 1, 1), "1000"), repaid(date(2025, 2, 1), "1500")]
    result = compute_interest(
        events, RateSpec("annual", D(0)), date(2025, 1, 1), date(2025, 3, 1), TABLE
    )
    assert result.principal_outstanding == D(0)
    assert result.overpaid == D(500)
    assert result.repayments[0].unapplied == D(500)
    # the repayment day still bears interest on the old base; no step on a zero base
    assert result.steps[-1].end == date(2025, 2, 2)


def test_events_after_end_and_bad_parameters_are_refused() -> None:
    events = [disbursed(date(2025, 1, 1), "1000")]
    with pytest.raises(ValueError, match="晚于计息截止日"):
        compute_interest(events, ANNUAL_6, date(2024, 1, 1), date(2024, 12, 31), TABLE)
    with pytest.raises(ValueError, match="早于起算日"):
        compute_interest(events, ANNUAL_6, date(2025, 2, 1), date(2025, 1, 1), TABLE)
    with pytest.raises(ValueError, match="365或360"):
        compute_interest(events, ANNUAL_6, date(2025, 1, 1), date(2025, 2, 1), TABLE, Accrual(366))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="抵充顺序"):
        compute_interest(
            events,
            ANNUAL_6,
            date(2025, 1, 1),
            date(2025, 2, 1),
            TABLE,
            Accrual(allocation=("interest",)),
        )


@pytest.mark.parametrize(
    ("kind", "amount", "error"),
    [
        ("disbursement", D(0), ValueError),
        ("repayment", D(-1), ValueError),
        ("cost", D("1.005"), ValueError),
        ("cost", 1.5, TypeError),
        ("gift", D(1), ValueError),
    ],
)
def test_ledger_events_are_validated(kind: str, amount: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        LedgerEvent(date(2025, 1, 1), kind, amount)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rate", "day", "annual", "description"),
    [
        (RateSpec("annual", D(6)), date(2025, 1, 1), "6", "年利率6%"),
        (RateSpec("monthly", D("0.5")), date(2025, 1, 1), "6.0", "月利率0.5%"),
        (RateSpec("daily", D("0.05")), date(2025, 1, 1), "18.25", "日利率0.05%"),
        # 4 × 3.45 = 13.80 on 2023-09-01 (an int value is accepted and made a Decimal); a
        # floating rate says that each period takes its own LPR
        (
            RateSpec("lpr_multiple", 4),  # type: ignore[arg-type]
            date(2023, 9, 1),
            "13.80",
            "各计息期间适用的一年期贷款市场报价利率（LPR）的4倍（随LPR调整浮动）",
        ),
        (
            RateSpec("lpr_multiple", D("1.5")),
            date(2023, 9, 1),
            "5.175",
            "各计息期间适用的一年期贷款市场报价利率（LPR）的1.5倍（随LPR调整浮动）",
        ),
        # 3.45 + 150bp = 4.95; 3.45 − 20bp = 3.25
        (
            RateSpec("lpr_plus_bp", D(150)),
            date(2023, 9, 1),
            "4.95",
            "各计息期间适用的一年期贷款市场报价利率（LPR）加150个基点（随LPR调整浮动）",
        ),
        (
            RateSpec("lpr_plus_bp", D(-20)),
            date(2023, 9, 1),
            "3.25",
            "各计息期间适用的一年期贷款市场报价利率（LPR）减20个基点（随LPR调整浮动）",
        ),
        # Fixed on 2020-01-01 (4.15%): 4 × 4.15 = 16.60 whatever the day; without a table
        # the day alone is named
        (
            RateSpec("lpr_multiple", D(4), fixed_on=date(2020, 1, 1)),
            date(2025, 1, 1),
            "16.60",
            "2020年1月1日的一年期贷款市场报价利率（LPR）的4倍",
        ),
    ],
)
def test_rate_conversion_and_description(
    rate: RateSpec, day: date, annual: str, description: str
) -> None:
    assert rate.annual_percent_on(day, TABLE)[0] == D(annual)
    assert rate.describe() == description


@pytest.mark.parametrize(
    ("rate", "description"),
    [
        # 2020-01-01: the LPR in force since 2019-11-20, 4.15%
        (
            RateSpec("lpr_multiple", D(4), fixed_on=date(2020, 1, 1)),
            "2020年1月1日的一年期贷款市场报价利率（LPR）4.15%的4倍，即年利率16.6%",
        ),
        # 2025-01-10: 3.10% (2024-10-21); 3.10 + 1.5 = 4.60; 3.10 − 0.20 = 2.90
        (
            RateSpec("lpr_plus_bp", D(150), fixed_on=date(2025, 1, 10)),
            "2025年1月10日的一年期贷款市场报价利率（LPR）3.10%加150个基点，即年利率4.6%",
        ),
        (
            RateSpec("lpr_plus_bp", D(-20), fixed_on=date(2025, 1, 10)),
            "2025年1月10日的一年期贷款市场报价利率（LPR）3.10%减20个基点，即年利率2.9%",
        ),
        # after the day the table vouches for (2025-06-19) the figure would be a guess
        (
            RateSpec("lpr_multiple", D("1.5"), fixed_on=date(2026, 1, 10)),
            "2026年1月10日的一年期贷款市场报价利率（LPR）的1.5倍",
        ),
        # the LPR itself is not "the LPR once"
        (
            RateSpec("lpr_multiple", D(1), fixed_on=date(2025, 1, 10)),
            "2025年1月10日的一年期贷款市场报价利率（LPR）3.10%",
        ),
        (
            RateSpec("lpr_plus_bp", D(0)),
            "各计息期间适用的一年期贷款市场报价利率（LPR，随LPR调整浮动）",
        ),
        # the table does not change a floating rate's or a fixed rate's wording
        (
            RateSpec("lpr_multiple", D("1.5")),
            "各计息期间适用的一年期贷款市场报价利率（LPR）的1.5倍（随LPR调整浮动）",
        ),
        (ANNUAL_6, "年利率6%"),
    ],
)
def test_a_rate_fixed_on_a_day_states_that_days_lpr_and_the_annual_rate(
    rate: RateSpec, description: str
) -> None:
    assert rate.describe(TABLE) == description


def test_an_amount_computed_past_the_tables_check_names_the_lpr_entry_it_used() -> None:
    # a complaint's claim computed at an LPR fixed after 2025-06-19 took the table's last
    # entry (2025-05-20, 3.00%): the words name it, so the sum can be recomputed
    rate = RateSpec("lpr_multiple", D("1.5"), fixed_on=date(2026, 1, 10))
    assert describe_rate(rate, TABLE, computed=True) == (
        "2026年1月10日的一年期贷款市场报价利率（LPR，适用2025年5月20日发布的3.00%）的1.5倍，"
        "即年利率4.5%"
    )
    once = RateSpec("lpr_multiple", D(1), fixed_on=date(2026, 1, 10))
    assert describe_rate(once, TABLE, computed=True) == (
        "2026年1月10日的一年期贷款市场报价利率（LPR，适用2025年5月20日发布的3.00%）"
    )
    # a day the table vouches for reads as before, computed or not
    vouched = RateSpec("lpr_multiple", D(4), fixed_on=date(2020, 1, 1))
    assert describe_rate(vouched, TABLE, computed=True) == describe_rate(vouched, TABLE)


def test_the_lpr_periods_of_a_floating_rate_name_each_lpr_and_its_days() -> None:
    # 2024-07-01 → 2024-11-01 at 4 × LPR: 3.45% to 2024-07-21, 3.35% to 2024-10-20,
    # 3.10% from 2024-10-21; a repayment in between does not split a stretch
    events = [disbursed(date(2024, 6, 30), "100000"), repaid(date(2024, 8, 1), "1000")]
    result = compute_interest(events, FOUR_LPR, date(2024, 7, 1), date(2024, 11, 1), TABLE)
    assert describe_lpr_periods(result) == (
        "其间适用的LPR：2024年7月1日至2024年7月21日为2023年8月21日发布的3.45%，"
        "2024年7月22日至2024年10月20日为2024年7月22日发布的3.35%，"
        "2024年10月21日至2024年10月31日为2024年10月21日发布的3.10%"
    )
    fixed = RateSpec("lpr_multiple", D(4), fixed_on=date(2024, 7, 1))
    for rate in (fixed, ANNUAL_6):
        result = interest_on_principal(D(100000), rate, date(2024, 7, 1), date(2024, 11, 1), TABLE)
        assert describe_lpr_periods(result) == ""


def test_rate_specs_are_validated() -> None:
    with pytest.raises(TypeError):
        RateSpec("annual", 6.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="不得为负数"):
        RateSpec("annual", D(-1))
    with pytest.raises(ValueError, match="只有以LPR为基准"):
        RateSpec("annual", D(6), fixed_on=date(2024, 1, 1))
    with pytest.raises(ValueError):
        RateSpec("weekly", D(1))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="负数"):
        RateSpec("lpr_plus_bp", D(-400)).annual_percent_on(date(2025, 6, 1), TABLE)


def test_running_claim_wording() -> None:
    assert describe_running_claim(D(100000), ANNUAL_6, date(2025, 1, 10)) == (
        "以100,000.00元为基数，自2025年1月10日起按年利率6%计算至实际清偿之日止"
    )
    fixed = RateSpec("lpr_multiple", D(4), fixed_on=date(2025, 1, 10))
    assert describe_running_claim(D(100000), fixed, date(2026, 1, 11), TABLE) == (
        "以100,000.00元为基数，自2026年1月11日起按2025年1月10日的一年期贷款市场报价利率（LPR）"
        "3.10%的4倍，即年利率12.4%计算至实际清偿之日止"
    )


def test_default_allocation_is_civil_code_561() -> None:
    assert DEFAULT_ALLOCATION == ("costs", "interest", "principal")


# --- properties ----------------------------------------------------------------------

amounts = st.integers(min_value=1, max_value=10**10).map(lambda fen: D(fen) / 100)
percents = st.integers(min_value=0, max_value=3600).map(lambda bp: D(bp) / 100)
lpr_days = st.dates(min_value=date(2019, 8, 20), max_value=date(2027, 12, 31))
rates = st.one_of(
    percents.map(lambda p: RateSpec("annual", p)),
    st.integers(min_value=1, max_value=40).map(lambda m: RateSpec("lpr_multiple", D(m) / 10)),
    st.integers(min_value=-100, max_value=500).map(lambda bp: RateSpec("lpr_plus_bp", D(bp))),
)


def _interest(principal: Decimal, rate: RateSpec, start: date, end: date) -> InterestResult:
    return interest_on_principal(principal, rate, start, end, TABLE)


@given(amounts, rates, lpr_days, st.integers(0, 1500), st.integers(0, 1500))
def test_interest_is_additive_over_split_periods(
    principal: Decimal, rate: RateSpec, a: date, first: int, second: int
) -> None:
    b = a + timedelta(days=first)
    c = b + timedelta(days=second)
    whole = _interest(principal, rate, a, c)
    parts = _interest(principal, rate, a, b).interest + _interest(principal, rate, b, c).interest
    # Each step is rounded to the fen once, so one extra split moves the total by ≤ 0.01.
    assert abs(whole.interest - parts) <= D("0.01")


@given(amounts, percents, percents, lpr_days, st.integers(0, 2000))
def test_interest_is_monotone_in_the_rate(
    principal: Decimal, p: Decimal, q: Decimal, start: date, days: int
) -> None:
    low, high = sorted([p, q])
    end = start + timedelta(days=days)
    assert (
        _interest(principal, RateSpec("annual", low), start, end).interest
        <= _interest(principal, RateSpec("annual", high), start, end).interest
    )


@given(amounts, rates, lpr_days, st.integers(0, 2000), st.integers(0, 400))
def test_interest_is_monotone_in_the_end_date(
    principal: Decimal, rate: RateSpec, start: date, days: int, more: int
) -> None:
    end = start + timedelta(days=days)
    later = end + timedelta(days=more)
    assert (
        _interest(principal, rate, start, end).interest
        <= _interest(principal, rate, start, later).interest
    )


ledger_events = st.lists(
    st.tuples(
        st.integers(0, 900),
        st.sampled_from(["disbursement", "repayment", "cost"]),
        st.integers(min_value=1, max_value=10**8),
    ),
    max_size=12,
)
allocations = st.permutations(list(DEFAULT_ALLOCATION)).map(tuple)


@given(ledger_events, rates, allocations)
def test_balances_never_go_negative_and_money_is_conserved(
    raw: list[tuple[int, str, int]], rate: RateSpec, allocation: tuple[str, ...]
) -> None:
    start, end = date(2022, 1, 1), date(2024, 7, 1)
    events = [
        LedgerEvent(start + timedelta(days=offset), kind, D(fen) / 100)  # type: ignore[arg-type]
        for offset, kind, fen in raw
    ]
    assume(all(event.day <= end for event in events))
    result = compute_interest(events, rate, start, end, TABLE, Accrual(allocation=allocation))  # type: ignore[arg-type]
    assert result.principal_outstanding >= 0
    assert result.interest_outstanding >= 0
    assert result.costs_outstanding >= 0
    assert result.overpaid >= 0

    def total(kind: str) -> Decimal:
        return sum((e.amount for e in events if e.kind == kind), D(0))

    # Everything owed, less everything paid, is what is outstanding, less any overpayment.
    owed = total("disbursement") + total("cost") + result.interest
    assert owed - total("repayment") == result.total_outstanding - result.overpaid
