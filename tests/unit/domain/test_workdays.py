"""Working-day and calendar-day deadlines under the official calendar (domain brief §4.2).

Every calendar fact asserted here was checked against chinesecalendar 1.11.0 before it
was written down; the reasoning sits next to each case.
"""

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.domain.workdays import (
    CalendarCoverageError,
    Deadline,
    calendar_coverage,
    calendar_day_deadline,
    is_workday,
    working_day_deadline,
)

FIRST_YEAR, LAST_YEAR = calendar_coverage()
FIRST_UNCOVERED_YEAR = LAST_YEAR + 1


def first_weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def nth_weekday_after(start: date, n: int) -> date:
    """The n-th Monday-Friday day after `start`: the fallback calendar, done independently."""
    day = start
    while n:
        day += timedelta(days=1)
        n -= day.weekday() < 5
    return day


def test_calendar_coverage_is_derived_from_the_installed_library() -> None:
    # chinesecalendar 1.11.0 ships 2004-2026; later releases only extend the end.
    assert FIRST_YEAR == 2004
    assert LAST_YEAR >= 2026
    chinese_calendar.is_workday(date(LAST_YEAR, 12, 31))
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(FIRST_UNCOVERED_YEAR, 1, 1))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # National Day 2024: 1-7 October off; Sunday 29 Sept and Saturday 12 Oct are 调休
        # workdays; Saturday 28 Sept and Sunday 13 Oct are ordinary rest days.
        *[(date(2024, 10, d), False) for d in range(1, 8)],
        (date(2024, 9, 28), False),
        (date(2024, 9, 29), True),
        (date(2024, 9, 30), True),
        (date(2024, 10, 8), True),
        (date(2024, 10, 12), True),
        (date(2024, 10, 13), False),
        # Spring Festival 2025: 28 Jan - 4 Feb off; Sunday 26 Jan and Saturday 8 Feb worked.
        *[(date(2025, 1, 28) + timedelta(days=i), False) for i in range(8)],
        (date(2025, 1, 26), True),
        (date(2025, 2, 5), True),
        (date(2025, 2, 8), True),
    ],
)
def test_is_workday_follows_the_official_holiday_schedule(day: date, expected: bool) -> None:
    assert is_workday(day, allow_fallback=False) == (expected, False)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(FIRST_UNCOVERED_YEAR, 3, 1), date(FIRST_UNCOVERED_YEAR, 3, 1).weekday() < 5),
        (date(FIRST_YEAR - 1, 10, 1), True),  # 2003-10-01 was a Wednesday
        (date(FIRST_YEAR - 1, 10, 4), False),  # a Saturday
    ],
)
def test_is_workday_falls_back_to_monday_to_friday_outside_the_covered_years(
    day: date, expected: bool
) -> None:
    assert is_workday(day, allow_fallback=True) == (expected, True)


def test_is_workday_without_fallback_raises_a_coverage_error_naming_the_year() -> None:
    day = date(FIRST_UNCOVERED_YEAR, 3, 1)
    with pytest.raises(CalendarCoverageError) as caught:
        is_workday(day, allow_fallback=False)
    assert f"{FIRST_UNCOVERED_YEAR}年" in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        # Mon 30 Sept 2024 is not counted; 1-7 Oct are holidays; 8, 9, 10 Oct are the 1st,
        # 2nd and 3rd workdays. (The task text said 9 Oct; that counts the start day.)
        (date(2024, 9, 30), 3, date(2024, 10, 10)),
        (date(2024, 9, 30), 2, date(2024, 10, 9)),
        (date(2024, 9, 30), 1, date(2024, 10, 8)),
        # Saturday 28 Sept 2024 (rest day): the next day is the 调休 Sunday, a workday.
        (date(2024, 9, 28), 1, date(2024, 9, 29)),
        (date(2024, 9, 28), 3, date(2024, 10, 8)),
        # Ordinary Saturday 2 Nov 2024: Mon 4 Nov is the 1st workday, Fri 8 Nov the 5th.
        # chinese_calendar.find_workday(1, that Saturday) gives 5 Nov: the off-by-one trap.
        (date(2024, 11, 2), 1, date(2024, 11, 4)),
        (date(2024, 11, 2), 5, date(2024, 11, 8)),
        # A workday start is not counted either: Mon 4 Nov -> Tue 5 Nov.
        (date(2024, 11, 4), 1, date(2024, 11, 5)),
        # Starting inside the holiday: 1 Oct 2024 -> 8 Oct is the 1st workday.
        (date(2024, 10, 1), 1, date(2024, 10, 8)),
        # Spring Festival 2025: Mon 27 Jan start; 28 Jan - 4 Feb off; Wed 5 Feb is the 1st.
        (date(2025, 1, 27), 1, date(2025, 2, 5)),
        # ... and Sat 8 Feb (调休) is the 4th.
        (date(2025, 1, 27), 4, date(2025, 2, 8)),
        # Fri 24 Jan 2025: Sat 25 off, Sun 26 worked (1st), Mon 27 (2nd).
        (date(2025, 1, 24), 2, date(2025, 1, 27)),
    ],
)
def test_working_day_deadline_counts_workdays_after_the_start_day(
    start: date, n: int, due: date
) -> None:
    assert working_day_deadline(start, n, allow_fallback=False) == Deadline(
        start=start, days=n, kind="working", due=due, calendar_fallback=False
    )


def test_working_day_deadline_beyond_the_calendar_falls_back_and_says_so() -> None:
    start = date(FIRST_UNCOVERED_YEAR, 3, 1)
    deadline = working_day_deadline(start, 3)
    assert deadline.calendar_fallback is True
    assert deadline.due == nth_weekday_after(start, 3)


def test_working_day_deadline_crossing_into_an_uncovered_year_is_flagged() -> None:
    deadline = working_day_deadline(date(LAST_YEAR, 12, 31), 1)
    # 1 January is 元旦 in the fallback too: the first weekday from 2 January
    assert deadline.due == first_weekday_on_or_after(date(FIRST_UNCOVERED_YEAR, 1, 2))
    assert deadline.calendar_fallback is True


def test_working_day_deadline_without_fallback_raises_beyond_the_calendar() -> None:
    with pytest.raises(CalendarCoverageError):
        working_day_deadline(date(FIRST_UNCOVERED_YEAR, 3, 1), 3, allow_fallback=False)


@pytest.mark.parametrize("n", [0, -1])
def test_deadlines_need_at_least_one_day(n: int) -> None:
    with pytest.raises(ValueError):
        working_day_deadline(date(2024, 11, 4), n)
    with pytest.raises(ValueError):
        calendar_day_deadline(date(2024, 11, 4), n)


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        # 25 Sept + 7 = 2 Oct 2024, inside the National Day holiday -> first workday 8 Oct.
        (date(2024, 9, 25), 7, date(2024, 10, 8)),
        # 22 Sept + 7 = Sunday 29 Sept, a 调休 workday: the period ends that day.
        (date(2024, 9, 22), 7, date(2024, 9, 29)),
        # 5 Oct + 7 = Saturday 12 Oct, a 调休 workday.
        (date(2024, 10, 5), 7, date(2024, 10, 12)),
        # 26 Oct + 7 = Saturday 2 Nov, a rest day -> Monday 4 Nov.
        (date(2024, 10, 26), 7, date(2024, 11, 4)),
        # The start day is not counted: Mon 4 Nov + 1 = Tue 5 Nov.
        (date(2024, 11, 4), 1, date(2024, 11, 5)),
        # 31 Jan 2024 + 30 = Fri 1 Mar 2024 (leap year), a workday.
        (date(2024, 1, 31), 30, date(2024, 3, 1)),
        # 20 Jan 2025 + 10 = 30 Jan, Spring Festival -> Wed 5 Feb.
        (date(2025, 1, 20), 10, date(2025, 2, 5)),
    ],
)
def test_calendar_day_deadline_moves_off_holidays_and_rest_days(
    start: date, n: int, due: date
) -> None:
    assert calendar_day_deadline(start, n, allow_fallback=False) == Deadline(
        start=start, days=n, kind="calendar", due=due, calendar_fallback=False
    )


def test_a_deadline_says_which_day_it_was_moved_from() -> None:
    # 2 Oct 2024 is in the National Day holiday: the period ends on 8 Oct instead
    assert calendar_day_deadline(date(2024, 9, 25), 7).moved_from == date(2024, 10, 2)
    # a 调休 workday ends the period itself; a working-day count never moves
    assert calendar_day_deadline(date(2024, 9, 22), 7).moved_from is None
    assert working_day_deadline(date(2024, 9, 25), 7).moved_from is None


def test_calendar_day_deadline_beyond_the_calendar_falls_back_and_says_so() -> None:
    start = date(FIRST_UNCOVERED_YEAR, 3, 1)
    deadline = calendar_day_deadline(start, 15)
    assert deadline.due == first_weekday_on_or_after(start + timedelta(days=15))
    assert deadline.calendar_fallback is True


def test_calendar_day_deadline_without_fallback_raises_beyond_the_calendar() -> None:
    with pytest.raises(CalendarCoverageError):
        calendar_day_deadline(date(LAST_YEAR, 12, 20), 15, allow_fallback=False)


covered_starts = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR, 10, 31))
any_starts = st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31))


def workdays_between(start: date, due: date) -> int:
    """Count workdays in (start, due], with the fallback calendar where needed."""
    days = (start + timedelta(days=i) for i in range(1, (due - start).days + 1))
    return sum(is_workday(d, allow_fallback=True)[0] for d in days)


@given(covered_starts, st.integers(1, 30))
def test_working_day_deadline_lands_on_the_nth_workday_after_start(start: date, n: int) -> None:
    deadline = working_day_deadline(start, n, allow_fallback=False)
    assert chinese_calendar.is_workday(deadline.due)
    assert workdays_between(start, deadline.due) == n
    assert deadline.calendar_fallback is False


@given(any_starts, st.integers(1, 30))
def test_working_day_deadline_with_fallback_still_lands_on_the_nth_workday(
    start: date, n: int
) -> None:
    deadline = working_day_deadline(start, n)
    assert is_workday(deadline.due, allow_fallback=True)[0]
    assert workdays_between(start, deadline.due) == n
    first_counted = start + timedelta(days=1)
    assert deadline.calendar_fallback == (
        first_counted.year < FIRST_YEAR or deadline.due.year > LAST_YEAR
    )


@given(covered_starts, st.integers(1, 60))
def test_calendar_day_deadline_is_the_first_workday_from_start_plus_n(start: date, n: int) -> None:
    deadline = calendar_day_deadline(start, n, allow_fallback=False)
    nominal = start + timedelta(days=n)
    assert chinese_calendar.is_workday(deadline.due)
    assert deadline.due >= nominal
    assert workdays_between(nominal - timedelta(days=1), deadline.due) == 1


# --- the fallback beyond the official calendar knows the statutory holidays ----------


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_holiday_rules_agree_with_the_official_calendar(year: int) -> None:
    import chinese_calendar

    from docgen.domain.workdays import statutory_holidays

    days = statutory_holidays(year)
    assert len(days) == 13  # 1 + 4 + 1 + 2 + 1 + 1 + 3 days (国务院令第795号)
    assert all(chinese_calendar.is_holiday(day) for day in days)


def test_the_fallback_does_not_count_new_years_day_as_a_working_day() -> None:
    # 2026-12-31 (Thu) is covered; 2027-01-01 (Fri) is 元旦, then a weekend
    deadline = working_day_deadline(date(2026, 12, 31), 1, allow_fallback=True)
    assert deadline.due == date(2027, 1, 4)
    assert deadline.calendar_fallback is True


def test_the_fallback_skips_national_day_and_the_lunar_holidays() -> None:
    # 2027-10-01 is a Friday (国庆节 1-3 Oct); 2027-09-15 (Wed) is 中秋节 (八月十五)
    assert working_day_deadline(date(2027, 9, 30), 1).due == date(2027, 10, 4)
    assert working_day_deadline(date(2027, 9, 14), 1).due == date(2027, 9, 16)
    # 春节 2027: 除夕 Feb 5 (Fri) to 初三 Feb 8 (Mon)
    assert working_day_deadline(date(2027, 2, 4), 1).due == date(2027, 2, 9)
