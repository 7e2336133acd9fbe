"""A payment date on a rest day or public holiday, in a document that says it does not move.

Every agreement with a date to pay says 「…为法定休假日（包括休息日和法定节假日）的，不予顺延，
乙方应于该日或之前付款」 (``rest_days.rest_day_clause``: the parties agree out of 民法典 art.
203, as art. 204 allows). That is lawful, but a month-end date that is a Sunday then makes
the last working day before it the real deadline for a debtor who pays at a bank counter,
and a date inside the Spring Festival holiday the last working day before the holiday. The
dates are neither moved nor refused — the user chose them, or the day of the month the plan
repeats — but each one that is not a working day is warned about at its own field, naming
the weekday or the holiday and the working day before it, so that the user may choose
another date or tell the debtor.

Working days are the official calendar's (``docgen.domain.workdays``: 调休 weekend workdays
count). For a year the installed calendar does not cover, the weekday is still certain, and
the statutory holidays themselves follow from 国务院令第795号 (``statutory_holidays``), but
the year's notice joining them with weekends and moving workdays is not published: the
warning says that this check could not be made, and a working-day date of such a year is
listed once (``holiday_calendar_missing``) rather than passed as checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar  # type: ignore[import-untyped, unused-ignore]

from docgen.documents.installment_schedule import ScheduleInput, row_locs
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.schedule import Installment
from docgen.domain.workdays import calendar_coverage, is_workday, statutory_holidays

WEEKDAYS = "一二三四五六日"
CLAUSE = "《中华人民共和国民法典》第二百零三条、第二百零四条"


@dataclass(frozen=True)
class DueDay:
    """A date the document sets for paying: where it was typed (or generated from), which
    installment it is (None: the one payment) and the day."""

    loc: Loc
    number: int | None
    day: date


def weekday(day: date) -> str:
    return f"星期{WEEKDAYS[day.weekday()]}"


def _covered(day: date) -> bool:
    first, last = calendar_coverage()
    return first <= day.year <= last


def _rest_name(day: date) -> str | None:
    """What the day is when it is not a working day (「星期日」, 「春节假期（星期三）」);
    None for a working day or a weekday of a year the calendar does not cover that is no
    statutory holiday (not known)."""
    if _covered(day):
        if chinese_calendar.is_workday(day):
            return None
        _, holiday = chinese_calendar.get_holiday_detail(day)
        name = _holiday_word(holiday)
        return f"{name}假期（{weekday(day)}）" if name else weekday(day)
    named = statutory_holidays(day.year).get(day)
    if named:
        return f"{named}（{weekday(day)}，法定节假日）"
    return weekday(day) if day.weekday() >= 5 else None


def _holiday_word(holiday: object) -> str:
    """The holiday's Chinese name from the calendar's holiday (or its English name)."""
    for member in chinese_calendar.Holiday:
        if holiday in (member, member.value):
            return str(member.chinese)
    return ""


def _working_day_before(day: date) -> tuple[date, bool]:
    """The last working day before ``day``, and whether it was found without the official
    calendar (a year it does not cover: Monday–Friday less the statutory holidays)."""
    before, fallback = day - timedelta(days=1), False
    while True:
        workday, used = is_workday(before, allow_fallback=True)
        fallback = fallback or used
        if workday:
            return before, fallback
        before -= timedelta(days=1)


def _which(due: DueDay, paying: str) -> str:
    return f"第{due.number}期{paying}日期" if due.number else f"{paying}日期"


def check_due_days(result: Assessment, days: list[DueDay], document: str, paying: str) -> None:
    """Each date that is a rest day or holiday is warned about at its field
    (``due_on_rest_day``); the working-day dates of a year the calendar does not cover are
    listed once, at the first of them (``holiday_calendar_missing``)."""
    unchecked: list[DueDay] = []
    for due in days:
        rest = _rest_name(due.day)
        if rest is None:
            if not _covered(due.day):
                unchecked.append(due)
            continue
        before, guessed = _working_day_before(due.day)
        unknown = ""
        if guessed or not _covered(due.day):
            unknown = f"；{due.day.year}年的法定节假日和调休安排尚未公布，未能按其核对节假日"
        result.warn(
            due.loc,
            "due_on_rest_day",
            f"{_which(due, paying)}{format_cn(due.day)}为{rest}：{document}约定{paying}日期为"
            f"法定休假日的不予顺延（{CLAUSE}），乙方须在工作日办理{paying}的，实际最迟应于"
            f"{format_cn(before)}（{weekday(before)}）{paying}{unknown}",
            hint=f"如希望{paying}日为工作日，可改为{format_cn(before)}或该日之后的第一个工作日，"
            f"或提醒乙方提前{paying}",
        )
    if unchecked:
        first, last = calendar_coverage()
        listed = "、".join(f"{_which(d, paying)}{format_cn(d.day)}" for d in unchecked)
        years = "、".join(sorted({f"{d.day.year}年" for d in unchecked}))
        result.warn(
            unchecked[0].loc,
            "holiday_calendar_missing",
            f"{years}的法定节假日和调休安排尚未公布（已安装的日历覆盖{first}年至{last}年）："
            f"未能核对{listed}是否为法定节假日；{document}约定该日为法定休假日的不予顺延",
            hint="国务院公布该年放假安排后，请重新核对",
        )


def check_schedule_days(
    result: Assessment,
    spec: ScheduleInput,
    rows: list[Installment] | None,
    document: str,
    paying: str,
) -> None:
    """:func:`check_due_days` for a plan built by ``installment_schedule.plan_schedule``
    (a plan of one payment names no installment)."""
    if not rows:
        return
    locs = row_locs(spec, len(rows))
    several = len(rows) > 1
    days = [
        DueDay(loc, r.number if several else None, r.due) for loc, r in zip(locs, rows, strict=True)
    ]
    check_due_days(result, days, document, paying)


__all__ = ["DueDay", "check_due_days", "check_schedule_days", "weekday"]
