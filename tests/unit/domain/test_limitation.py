"""The limitation period (诉讼时效) under 民法典 arts. 188–203 (domain brief §4.1).

Calendar facts were checked against chinesecalendar 1.11.0 (which covers 2004–2026) before
being written down; weekdays of 2027–2028 dates, outside that calendar, were counted by
hand from 2027-01-15, a Friday (2026-01-15 is a Thursday and 2026 has 365 days).
"""

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from docgen.domain.limitation import (
    INTERRUPTION_KINDS,
    INTERRUPTION_LABELS,
    WAIVING_KINDS,
    InterruptionEvent,
    InterruptionKind,
    PeriodEnd,
    add_period,
    installment_due,
    limitation_status,
)
from docgen.domain.workdays import CalendarCoverageError, calendar_coverage, is_workday

FIRST_YEAR, LAST_YEAR = calendar_coverage()


def ev(kind: InterruptionKind, y: int, m: int, d: int) -> InterruptionEvent:
    return InterruptionEvent(kind, date(y, m, d))


# --- add_period ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "years", "months", "expected"),
    [
        # 2024-01-15 + 3 years: corresponding date 2027-01-15, a Friday; 2027 is outside
        # the calendar, so Monday-Friday is used and the fallback is reported.
        (date(2024, 1, 15), 3, 0, PeriodEnd(date(2027, 1, 15), False, True, date(2027, 1, 15))),
        # 2024-02-29 + 3 years: February 2027 has no 29th, so the month end 2027-02-28 is
        # the last day (art. 202); it is a Sunday (2027-01-15 Fri + 44 days = 6 weeks + 2
        # days), so the period runs to Monday 2027-03-01 (art. 203, fallback calendar).
        (date(2024, 2, 29), 3, 0, PeriodEnd(date(2027, 3, 1), True, True, date(2027, 2, 28))),
        # 2023-08-31 + 6 months: no 31 February, month end 2024-02-29, a Thursday workday.
        (date(2023, 8, 31), 0, 6, PeriodEnd(date(2024, 2, 29), False, False, date(2024, 2, 29))),
        # 2023-01-31 + 1 month: month end 2023-02-28, a Tuesday workday (not a leap year).
        (date(2023, 1, 31), 0, 1, PeriodEnd(date(2023, 2, 28), False, False, date(2023, 2, 28))),
        # 2024-03-31 + 1 month: 2024-04-30, a Tuesday workday before the May Day holiday.
        (date(2024, 3, 31), 0, 1, PeriodEnd(date(2024, 4, 30), False, False, date(2024, 4, 30))),
        # 2024-10-31 + 1 year 2 months = 14 months: 2025-12-31, a Wednesday workday.
        (date(2024, 10, 31), 1, 2, PeriodEnd(date(2025, 12, 31), False, False, date(2025, 12, 31))),
        # Spring Festival 2026 runs 2026-02-15 to 02-23: 2026-02-17 (a Tuesday, New Year's
        # day itself) is a holiday, so the period ends the day after the holiday, 02-24.
        (date(2023, 2, 17), 3, 0, PeriodEnd(date(2026, 2, 24), True, False, date(2026, 2, 17))),
        # Saturday 2026-02-14 is an adjusted workday (调休) before that holiday: no extension.
        (date(2023, 2, 14), 3, 0, PeriodEnd(date(2026, 2, 14), False, False, date(2026, 2, 14))),
        # Spring Festival 2025 runs 2025-01-28 to 02-04: 2025-01-29 moves to 02-05.
        (date(2022, 1, 29), 3, 0, PeriodEnd(date(2025, 2, 5), True, False, date(2025, 1, 29))),
        # National Day 2024 runs 10-01 to 10-07: 2024-10-01 moves to Tuesday 10-08.
        (date(2021, 10, 1), 3, 0, PeriodEnd(date(2024, 10, 8), True, False, date(2024, 10, 1))),
        # Saturday 2024-09-28 is an ordinary rest day and Sunday 09-29 an adjusted workday
        # (调休 for National Day): the period ends on that Sunday.
        (date(2021, 9, 28), 3, 0, PeriodEnd(date(2024, 9, 29), True, False, date(2024, 9, 28))),
        # Sunday 2023-01-15, a plain rest day, moves to Monday 2023-01-16.
        (date(2020, 1, 15), 3, 0, PeriodEnd(date(2023, 1, 16), True, False, date(2023, 1, 15))),
    ],
)
def test_add_period(start: date, years: int, months: int, expected: PeriodEnd) -> None:
    assert add_period(start, years, months) == expected


def test_calendar_facts_behind_the_table() -> None:
    # the holidays and adjusted workdays the table relies on, straight from the library
    assert not chinese_calendar.is_workday(date(2026, 2, 17))
    assert not chinese_calendar.is_workday(date(2026, 2, 23))
    assert chinese_calendar.is_workday(date(2026, 2, 24))
    assert chinese_calendar.is_workday(date(2026, 2, 14))  # a Saturday
    assert date(2026, 2, 14).weekday() == 5
    assert not chinese_calendar.is_workday(date(2025, 2, 4))
    assert chinese_calendar.is_workday(date(2025, 2, 5))
    assert chinese_calendar.is_workday(date(2024, 9, 29))  # a Sunday
    assert date(2027, 1, 15).weekday() == 4  # Friday
    assert date(2027, 2, 28).weekday() == 6  # Sunday
    assert date(2028, 3, 1).weekday() == 2  # Wednesday


def test_add_period_refuses_uncovered_years_without_fallback() -> None:
    with pytest.raises(CalendarCoverageError, match="2027"):
        add_period(date(2024, 1, 15), 3, allow_fallback=False)


@pytest.mark.parametrize(("years", "months"), [(0, 0), (-1, 0), (0, -1), (-1, 13)])
def test_add_period_refuses_non_positive_periods(years: int, months: int) -> None:
    with pytest.raises(ValueError, match="期间应为正数"):
        add_period(date(2024, 1, 15), years, months)


# --- limitation_status --------------------------------------------------------------------


def test_plain_debt_runs_three_years_from_the_day_after_the_due_date() -> None:
    result = limitation_status(date(2024, 1, 15), on=date(2025, 1, 1))
    assert result.expires == date(2027, 1, 15)
    assert result.status == "running"
    # 2025-01-01 -> 2026-01-01: 365 days; -> 2027-01-01: 730; -> 2027-01-15: 744
    assert result.days_left == 744
    assert result.started_from == date(2024, 1, 15)
    assert result.effective_events == []
    assert result.ignored_events == []
    assert not result.waived
    assert result.calendar_fallback  # 2027 is checked on the Monday-Friday fallback
    assert "应付款日期2024年1月15日，次日起算三年，至2027年1月15日届满" in result.steps[1]
    assert "第一百八十八条" in result.steps[0]
    assert "人工核对" in result.steps[-1]


def test_uncovered_years_raise_without_fallback() -> None:
    with pytest.raises(CalendarCoverageError):
        limitation_status(date(2024, 1, 15), on=date(2025, 1, 1), allow_fallback=False)


def test_period_ending_in_the_spring_festival_moves_to_the_next_workday() -> None:
    # due 2023-02-17 -> corresponding date 2026-02-17, inside the 2026-02-15..23 holiday
    result = limitation_status(date(2023, 2, 17), on=date(2026, 1, 1), allow_fallback=False)
    assert result.expires == date(2026, 2, 24)
    assert not result.calendar_fallback
    # 2026-01-01 -> 02-01: 31 days; -> 02-24: 54 days, within the 90-day warning window
    assert result.days_left == 54
    assert result.status == "expiring"
    assert "对应日2026年2月17日为法定节假日或休息日，顺延至2026年2月24日届满" in result.steps[1]
    assert "第二百零三条" in result.steps[1]
    assert "预警" in result.steps[-1]


@pytest.mark.parametrize(
    ("on", "status", "days_left"),
    [
        # expiry 2026-02-24. 2025-11-26 -> 12-26: 30 days; -> 2026-01-26: 61; -> 02-24: 90.
        (date(2025, 11, 25), "running", 91),
        (date(2025, 11, 26), "expiring", 90),
        (date(2026, 2, 24), "expiring", 0),  # the last day still counts
        (date(2026, 2, 25), "expired", 0),
        (date(2030, 1, 1), "expired", 0),
    ],
)
def test_status_boundaries(on: date, status: str, days_left: int) -> None:
    result = limitation_status(date(2023, 2, 17), on=on)
    assert (result.status, result.days_left) == (status, days_left)


def test_warning_window_is_configurable() -> None:
    # 54 days left (see above): a 30-day window does not warn yet, a 54-day one does
    def status(window: int) -> str:
        return limitation_status(
            date(2023, 2, 17), on=date(2026, 1, 1), warn_within_days=window
        ).status

    assert status(30) == "running"
    assert status(53) == "running"
    assert status(54) == "expiring"


def test_demand_before_expiry_restarts_the_period() -> None:
    demand = ev("demand_delivered", 2025, 3, 1)
    result = limitation_status(date(2024, 1, 15), [demand], on=date(2025, 6, 1))
    # 2025-03-01 + 3 years = 2028-03-01, a Wednesday (fallback calendar)
    assert result.expires == date(2028, 3, 1)
    assert result.started_from == date(2025, 3, 1)
    assert result.effective_events == [demand]
    assert result.status == "running"
    assert any(
        "2025年3月1日催收函件送达，诉讼时效中断，自次日起重新计算三年，至2028年3月1日届满" in s
        for s in result.steps
    )


# Due 2020-01-15: corresponding date Sunday 2023-01-15, so the period ends Monday 2023-01-16.
EXPIRED_DUE = date(2020, 1, 15)
EXPIRED_ON = date(2024, 1, 1)


def test_demand_after_expiry_is_ignored_with_a_reason() -> None:
    demand = ev("demand_delivered", 2023, 6, 1)
    result = limitation_status(EXPIRED_DUE, [demand], on=EXPIRED_ON)
    assert result.expires == date(2023, 1, 16)
    assert result.status == "expired"
    assert result.days_left == 0
    assert result.effective_events == []
    [(event, reason)] = result.ignored_events
    assert event == demand
    assert "届满" in reason and "2023年1月16日" in reason
    assert not result.waived
    assert "可以提出不履行义务的抗辩" in result.steps[-1]


@pytest.mark.parametrize(
    ("kind", "waived"),
    [
        ("acknowledgment", True),
        ("partial_payment", True),
        ("installment_agreement", True),
        ("demand_delivered", False),
        ("filing", False),
    ],
)
def test_agreement_to_perform_after_expiry_waives_the_defence(
    kind: InterruptionKind, waived: bool
) -> None:
    result = limitation_status(EXPIRED_DUE, [ev(kind, 2023, 6, 1)], on=EXPIRED_ON)
    assert result.status == "expired"  # the period does not restart
    assert result.expires == date(2023, 1, 16)
    assert result.waived is waived
    [(_, reason)] = result.ignored_events
    assert ("第一百九十二条第二款" in reason) is waived


def test_event_on_the_last_day_still_interrupts() -> None:
    # the last day is the extended 2023-01-16; also the unextended Sunday 2023-01-15 counts
    for day in (date(2023, 1, 15), date(2023, 1, 16)):
        result = limitation_status(EXPIRED_DUE, [InterruptionEvent("filing", day)], on=EXPIRED_ON)
        assert [e.day for e in result.effective_events] == [day]
        assert result.status == "running"
    # 2023-01-16 + 3 years = 2026-01-16, a Friday workday
    result = limitation_status(EXPIRED_DUE, [ev("filing", 2023, 1, 16)], on=EXPIRED_ON)
    assert result.expires == date(2026, 1, 16)
    # the day after the last day is too late
    result = limitation_status(EXPIRED_DUE, [ev("filing", 2023, 1, 17)], on=EXPIRED_ON)
    assert result.effective_events == []


def test_future_event_is_ignored() -> None:
    future = ev("demand_delivered", 2025, 6, 1)
    result = limitation_status(date(2024, 1, 15), [future], on=date(2025, 1, 1))
    assert result.expires == date(2027, 1, 15)
    [(event, reason)] = result.ignored_events
    assert event == future
    assert "计算日2025年1月1日之后" in reason


def test_future_agreement_after_expiry_does_not_waive_yet() -> None:
    result = limitation_status(EXPIRED_DUE, [ev("acknowledgment", 2024, 6, 1)], on=EXPIRED_ON)
    assert not result.waived
    assert "之后，尚未发生" in result.ignored_events[0][1]


def test_event_before_the_due_date_is_ignored() -> None:
    early = ev("acknowledgment", 2023, 12, 1)
    result = limitation_status(date(2024, 1, 15), [early], on=date(2025, 1, 1))
    assert result.expires == date(2027, 1, 15)
    [(_, reason)] = result.ignored_events
    assert "早于应付款日期2024年1月15日" in reason


def test_chain_of_interruptions_in_any_input_order() -> None:
    # due 2018-03-10 -> 2021-03-10 (Wednesday).
    # demand 2020-05-06 (before 2021-03-10) -> 2023-05-06, a Saturday but an adjusted
    #   workday for Labour Day 2023, so no extension.
    # acknowledgment on that last day 2023-05-06 -> 2026-05-06 (Wednesday; Labour Day
    #   2026 ends 05-05).
    # demand 2026-05-07 is one day too late.
    demand = ev("demand_delivered", 2020, 5, 6)
    ack = ev("acknowledgment", 2023, 5, 6)
    late = ev("demand_delivered", 2026, 5, 7)
    result = limitation_status(date(2018, 3, 10), [late, ack, demand], on=date(2026, 6, 1))
    assert result.effective_events == [demand, ack]
    assert result.started_from == date(2023, 5, 6)
    assert result.expires == date(2026, 5, 6)
    assert [e for e, _ in result.ignored_events] == [late]
    assert result.status == "expired"
    assert not result.calendar_fallback
    # on 2026-01-01: Jan 31 + Feb 28 + Mar 31 + Apr 30 = 120 days to 05-01, +5 = 125
    before = limitation_status(date(2018, 3, 10), [ack, demand], on=date(2026, 1, 1))
    assert (before.status, before.days_left) == ("running", 125)


def test_restart_ending_on_a_holiday_is_extended() -> None:
    # an installment agreement on 2023-05-05 restarts to 2026-05-05, inside Labour Day
    # 2026 (05-01..05-05), so the period ends 2026-05-06
    result = limitation_status(
        date(2022, 1, 10), [ev("installment_agreement", 2023, 5, 5)], on=date(2024, 1, 1)
    )
    assert result.expires == date(2026, 5, 6)
    assert any("顺延至2026年5月6日届满" in s and "第二百零三条" in s for s in result.steps)


def test_feb_29_due_date() -> None:
    # 2024-02-29 + 3 years: month end 2027-02-28 (Sunday) -> Monday 2027-03-01
    result = limitation_status(date(2024, 2, 29), on=date(2027, 3, 1))
    assert result.expires == date(2027, 3, 1)
    assert result.status == "expiring"
    assert "到期月没有对应日" in result.steps[1]
    assert limitation_status(date(2024, 2, 29), on=date(2027, 3, 2)).status == "expired"


def test_other_period_lengths() -> None:
    # a one-year period (e.g. a special statute): 2024-01-15 -> 2025-01-15, a Wednesday
    result = limitation_status(date(2024, 1, 15), on=date(2024, 6, 1), years=1)
    assert result.expires == date(2025, 1, 15)
    assert "次日起算一年" in result.steps[1]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"years": 0}, "至少为一年"),
        ({"warn_within_days": -1}, "不能为负数"),
    ],
)
def test_invalid_arguments(kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        limitation_status(date(2024, 1, 15), on=date(2025, 1, 1), **kwargs)  # type: ignore[arg-type]


def test_unknown_event_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="未知的诉讼时效中断事由"):
        InterruptionEvent("letter", date(2024, 1, 1))  # type: ignore[arg-type]


def test_labels() -> None:
    assert INTERRUPTION_LABELS == {
        "demand_delivered": "催收函件送达",
        "acknowledgment": "债务人确认债务",
        "partial_payment": "部分履行（还款）",
        "installment_agreement": "达成还款协议",
        "filing": "提起诉讼或申请仲裁",
    }
    assert set(INTERRUPTION_KINDS) == set(INTERRUPTION_LABELS)
    assert ev("filing", 2024, 1, 1).label == "提起诉讼或申请仲裁"


def test_installment_debt_runs_from_the_last_installment() -> None:
    assert installment_due(date(2024, 12, 31)) == date(2024, 12, 31)


# --- properties -----------------------------------------------------------------------------

covered_starts = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR - 4, 12, 31))
any_dates = st.dates(min_value=date(2005, 1, 1), max_value=date(2035, 12, 31))
kinds = st.sampled_from(INTERRUPTION_KINDS)


@st.composite
def cases(draw: st.DrawFn) -> tuple[date, list[InterruptionEvent], date]:
    """A due date, events around its first limitation periods, and a calculation date.

    Offsets from the due date keep most events near the period, so many of them interrupt
    it, some come after expiry, and a few come before the due date.
    """
    due = draw(any_dates)
    offsets = st.integers(min_value=-200, max_value=2_500)
    events = draw(
        st.lists(
            st.builds(
                lambda kind, offset: InterruptionEvent(kind, due + timedelta(days=offset)),
                kinds,
                offsets,
            ),
            max_size=5,
        )
    )
    on = due + timedelta(days=draw(st.integers(min_value=-100, max_value=4_000)))
    return due, events, on


@given(covered_starts, st.integers(min_value=0, max_value=3), st.integers(min_value=0, max_value=9))
def test_period_end_is_a_workday_at_or_after_the_corresponding_date(
    start: date, years: int, months: int
) -> None:
    if years == months == 0:
        months = 1
    end = add_period(start, years, months, allow_fallback=False)
    assert not end.calendar_fallback
    assert chinese_calendar.is_workday(end.day)
    assert end.day >= end.corresponding
    assert end.holiday_extended is (end.day != end.corresponding)
    day = end.corresponding
    while day < end.day:  # everything skipped is a holiday or rest day
        assert not chinese_calendar.is_workday(day)
        day += timedelta(days=1)
    # the corresponding date, counted independently
    total = start.year * 12 + start.month - 1 + years * 12 + months
    assert (end.corresponding.year, end.corresponding.month) == (total // 12, total % 12 + 1)
    next_day = end.corresponding + timedelta(days=1)
    assert end.corresponding.day == start.day or (
        end.corresponding.day < start.day and next_day.day == 1
    )


@given(any_dates, any_dates)
def test_period_end_is_monotone_in_the_start(a: date, b: date) -> None:
    low, high = sorted((a, b))
    assert add_period(low, 3).day <= add_period(high, 3).day


@given(cases())
def test_expiry_is_a_workday_never_before_the_plain_corresponding_date(
    case: tuple[date, list[InterruptionEvent], date],
) -> None:
    due, events, on = case
    result = limitation_status(due, events, on=on)
    workday, fallback = is_workday(result.expires, allow_fallback=True)
    assert workday
    if not fallback:
        assert chinese_calendar.is_workday(result.expires)
    assert result.expires >= add_period(due, 3).corresponding
    assert result.expires == add_period(result.started_from, 3).day
    assert len(result.effective_events) + len(result.ignored_events) == len(events)
    for event in result.effective_events:
        assert due <= event.day <= on
    if result.status == "expired":
        assert on > result.expires and result.days_left == 0
    else:
        assert result.days_left == (result.expires - on).days >= 0
    # waived exactly when the debtor agreed to perform after the final expiry and by `on`;
    # events are taken in date order, so nothing after expiry can restart the period
    agreed_late = any(e.kind in WAIVING_KINDS and result.expires < e.day <= on for e in events)
    assert result.waived is agreed_late
    if result.waived:
        assert result.status == "expired"


@given(cases(), kinds, st.integers(min_value=-200, max_value=2_500))
def test_adding_an_interruption_never_makes_expiry_earlier(
    case: tuple[date, list[InterruptionEvent], date], kind: InterruptionKind, offset: int
) -> None:
    due, events, on = case
    before = limitation_status(due, events, on=on)
    after = limitation_status(
        due, [*events, InterruptionEvent(kind, due + timedelta(offset))], on=on
    )
    assert after.expires >= before.expires


@given(cases(), kinds, st.floats(min_value=0, max_value=1))
def test_an_effective_interruption_never_makes_expiry_earlier(
    case: tuple[date, list[InterruptionEvent], date], kind: InterruptionKind, where: float
) -> None:
    due, events, on = case
    assume(on >= due)
    before = limitation_status(due, events, on=on)
    # any day from the due date to the current expiry (and not after `on`) interrupts:
    # at that day the period in force ends no earlier than the final one
    last = min(before.expires, on)
    day = due + timedelta(days=round((last - due).days * where))
    extra = InterruptionEvent(kind, day)
    after = limitation_status(due, [*events, extra], on=on)
    assert extra in after.effective_events
    assert after.expires >= before.expires
    assert after.started_from >= before.started_from
