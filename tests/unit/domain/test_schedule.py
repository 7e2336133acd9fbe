"""Installment schedules: exact sums, month ends, strictly increasing dates."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.domain.schedule import (
    add_months,
    due_dates,
    equal_installments,
    first_non_increasing,
    split_equally,
)


def test_january_31_plus_one_month_is_the_end_of_february():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)  # leap year
    assert add_months(date(2026, 1, 31), 2) == date(2026, 3, 31)  # back to the 31st
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)  # across the year


def test_monthly_dates_keep_the_day_and_clamp_short_months():
    assert due_dates(date(2026, 1, 31), 4, "monthly") == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
    ]


def test_biweekly_dates_are_fourteen_days_apart():
    assert due_dates(date(2026, 12, 25), 3, "biweekly") == [
        date(2026, 12, 25),
        date(2027, 1, 8),
        date(2027, 1, 22),
    ]


def test_remainder_goes_on_the_last_installment():
    assert split_equally(Decimal("100000.00"), 3) == [
        Decimal("33333.33"),
        Decimal("33333.33"),
        Decimal("33333.34"),
    ]
    assert split_equally(Decimal("0.05"), 3) == [Decimal("0.01"), Decimal("0.01"), Decimal("0.03")]


def test_non_increasing_dates_are_found():
    days = [date(2026, 1, 1), date(2026, 2, 1), date(2026, 2, 1)]
    assert first_non_increasing(days) == 2
    assert first_non_increasing(days[:2]) is None


@given(
    total=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999999.99"), places=2),
    count=st.integers(min_value=1, max_value=120),
    first=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    frequency=st.sampled_from(["monthly", "biweekly"]),
)
def test_a_generated_schedule_always_sums_to_the_total(total, count, first, frequency):
    if total < Decimal(count) / 100:
        total = Decimal(count) / 100  # at least one fen per installment
    rows = equal_installments(total, due_dates(first, count, frequency))
    assert sum(r.amount for r in rows) == total
    assert all(r.amount > 0 for r in rows)
    assert first_non_increasing([r.due for r in rows]) is None
    share = rows[0].amount
    assert all(r.amount == share for r in rows[:-1])  # equal installments ...
    assert Decimal(0) <= rows[-1].amount - share < Decimal(count) / 100  # ... remainder last
    assert [r.number for r in rows] == list(range(1, count + 1))


@given(
    first=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    months=st.integers(min_value=0, max_value=240),
)
def test_adding_months_never_overshoots_the_target_month(first, months):
    result = add_months(first, months)
    assert (result.year * 12 + result.month) - (first.year * 12 + first.month) == months
    assert result.day <= first.day
    assert (result + timedelta(days=1)).month != result.month or result.day == first.day


def test_zero_or_negative_counts_are_refused():
    with pytest.raises(ValueError):
        split_equally(Decimal("10"), 0)
