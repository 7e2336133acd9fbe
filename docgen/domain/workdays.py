"""Deadlines counted in working days or calendar days under the official PRC calendar.

Workdays follow the State Council holiday schedule as shipped in `chinesecalendar`:
adjusted weekend workdays (调休) count, statutory holidays and rest days do not. That
library only knows the years it was released for; outside them a caller may accept a
fallback calendar, and the resulting Deadline says so, so a document can warn that the
date must be checked by hand (domain brief §4.2).

The fallback is Monday–Friday less the statutory holidays themselves, as the 全国年节及
纪念日放假办法 (revised by 国务院令第795号, in force from 2025-01-01, art. 2) fixes them:
元旦 1 January; 春节 农历除夕 to 正月初三 (4 days); 清明节 the day of the 清明 solar term;
劳动节 1–2 May; 端午节 农历五月初五; 中秋节 农历八月十五; 国庆节 1–3 October. Lunar dates come
from `lunardate` (a pure-Python lunar calendar, 1900–2099) and the solar term from
`chinesecalendar`. What no rule can predict is the yearly notice that joins these days
with weekends and moves workdays (调休): that stays a warning.
"""

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import chinese_calendar  # type: ignore[import-untyped, unused-ignore]
from chinese_calendar.constants import (  # type: ignore[import-untyped, unused-ignore]
    holidays as _official_holidays,
)
from lunardate import LunarDate  # type: ignore[import-untyped, unused-ignore]

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Deadline:
    """A computed deadline.

    `due` is the last day of the period. `calendar_fallback` is True when the official
    calendar did not cover a date that was consulted and a Monday–Friday calendar was used
    instead, so holidays in that stretch may have been missed.
    """

    start: date
    days: int
    kind: Literal["calendar", "working"]
    due: date
    calendar_fallback: bool

    @property
    def moved_from(self) -> date | None:
        """The period's n-th calendar day when it was a rest day or holiday and the period
        ends on the next workday instead (民法典 art. 203); None otherwise."""
        if self.kind != "calendar":
            return None
        nth = self.start + timedelta(days=self.days)
        return nth if nth != self.due else None


class CalendarCoverageError(ValueError):
    """The official holiday calendar has no data for a date and fallback was not allowed."""

    def __init__(self, day: date) -> None:
        first, last = calendar_coverage()
        super().__init__(
            f"法定节假日日历未覆盖{day.year}年（已安装的日历覆盖{first}年至{last}年），"
            f"无法确定{day.year}年{day.month}月{day.day}日是否为工作日"
        )
        self.day = day


def calendar_coverage() -> tuple[int, int]:
    """Return the first and last year covered by the installed official calendar.

    Derived from the library's holiday table, the same source the library uses to decide
    which years it supports, so upgrading the package extends the coverage.
    """
    years = [day.year for day in _official_holidays]
    return min(years), max(years)


HOLIDAY_RULES_SINCE = 2025
"""The first year of the current statutory holidays (国务院令第795号)."""
_LUNAR_YEARS = range(1901, 2099)  # lunardate's table, with a year's margin for 除夕


@functools.lru_cache(maxsize=64)
def statutory_holidays(year: int) -> dict[date, str]:
    """The statutory holidays of `year` under the current rules (国务院令第795号), by day.

    Only the days the rules name, without the 调休 a yearly notice adds; empty for years
    before 2025 (other rules) and years outside the lunar table.
    """
    if year < HOLIDAY_RULES_SINCE or year not in _LUNAR_YEARS:
        return {}
    days: dict[date, str] = {date(year, 1, 1): "元旦"}
    new_year = LunarDate(year, 1, 1).to_solar_date()
    for offset in range(-1, 3):  # 除夕 and 正月初一至初三
        days[new_year + timedelta(days=offset)] = "春节"
    for day, term in chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 10)):
        if term == "清明":
            days[day] = "清明节"
    days.update({date(year, 5, 1): "劳动节", date(year, 5, 2): "劳动节"})
    days[LunarDate(year, 5, 5).to_solar_date()] = "端午节"
    days[LunarDate(year, 8, 15).to_solar_date()] = "中秋节"
    days.update({date(year, 10, n): "国庆节" for n in (1, 2, 3)})
    return days


@functools.lru_cache(maxsize=4096)
def is_workday(d: date, *, allow_fallback: bool) -> tuple[bool, bool]:
    """Return (is_workday, used_fallback) for `d`.

    Uses the official calendar; for a year it does not cover, returns Monday–Friday less
    the statutory holidays (statutory_holidays) with used_fallback=True if
    `allow_fallback`, else raises CalendarCoverageError. Kept per day: the calendar is
    the installed package's, fixed for the process, and a letter's deadline asks about
    the same days as the letters before it.
    """
    try:
        return bool(chinese_calendar.is_workday(d)), False
    except NotImplementedError as exc:
        if not allow_fallback:
            raise CalendarCoverageError(d) from exc
        return d.weekday() < 5 and d not in statutory_holidays(d.year), True


def working_day_deadline(start: date, n: int, *, allow_fallback: bool = True) -> Deadline:
    """Return the deadline of "n个工作日内" counted from `start`.

    The start day is never counted, even when it is a workday; counting begins the next
    day and the due date is the n-th workday after `start`. Iterates day by day rather
    than using chinese_calendar.find_workday, which is off by one when `start` is not a
    workday. Raises ValueError when n < 1.
    """
    _require_positive(n)
    day, counted, fallback = start, 0, False
    while counted < n:
        day += _ONE_DAY
        workday, used_fallback = is_workday(day, allow_fallback=allow_fallback)
        fallback = fallback or used_fallback
        if workday:
            counted += 1
    return Deadline(start=start, days=n, kind="working", due=day, calendar_fallback=fallback)


def calendar_day_deadline(start: date, n: int, *, allow_fallback: bool = True) -> Deadline:
    """Return the deadline of "n日内" counted from `start` (民法典 arts. 201 and 203).

    The start day is not counted, so the period ends on start + n days. If that day is a
    statutory holiday or rest day, the period ends on the next workday, as courts apply
    art. 203 to weekends too; an adjusted weekend workday (调休) ends the period itself.
    Raises ValueError when n < 1.
    """
    _require_positive(n)
    day = start + timedelta(days=n)
    workday, fallback = is_workday(day, allow_fallback=allow_fallback)
    while not workday:
        day += _ONE_DAY
        workday, used_fallback = is_workday(day, allow_fallback=allow_fallback)
        fallback = fallback or used_fallback
    return Deadline(start=start, days=n, kind="calendar", due=day, calendar_fallback=fallback)


WEEKDAYS = "一二三四五六日"


def weekday_cn(d: date) -> str:
    """「星期一」 … 「星期日」."""
    return "星期" + WEEKDAYS[d.weekday()]


def rest_day_kind(d: date) -> str:
    """What kind of day off ``d`` is, for a sentence that says why a deadline moved (民法典
    art. 203): 「中秋节法定节假日」 on a day the holiday rules name (statutory_holidays),
    「中秋节假期中的休息日」 on another day of the holiday the official calendar gives
    (调休 joins weekends to it), 「休息日」 on a weekend, and 「休息日或法定节假日」 where
    the calendar does not say."""
    named = statutory_holidays(d.year).get(d)
    if named:
        return f"{named}法定节假日"
    try:
        holiday, name = chinese_calendar.get_holiday_detail(d)
    except NotImplementedError:
        holiday, name = False, None
    if holiday and name:
        chinese = _HOLIDAY_NAMES.get(name)
        if chinese:
            return f"{chinese}假期中的休息日"
    return "休息日" if d.weekday() >= 5 else "休息日或法定节假日"


_FESTIVALS = {"中秋": "中秋节", "端午": "端午节", "清明": "清明节"}
_HOLIDAY_NAMES = {
    holiday.value: _FESTIVALS.get(holiday.chinese, holiday.chinese)
    for holiday in chinese_calendar.Holiday
}
"""The official calendar's holidays by their English names, in Chinese (中秋 → 中秋节)."""


def _require_positive(n: int) -> None:
    if n < 1:
        raise ValueError(f"期间天数应至少为1日，实为{n}")
