"""Dates that carry a time of day, as collection systems export every date.

An export writes ``2025-01-10 00:00:00`` in each date column, as an Excel date-time cell
or as text (「2025/1/10 0:00」). A time of midnight says nothing more than the date and is
read as the date. Any other time is dropped, the date kept and the cell warned of: the
date is the fact a letter states (a contract signed at 14:35 was signed that day), but the
operator should see that a time was there.

Exactly 16:00:00 is refused: it is what Beijing midnight (UTC+8) becomes in a system
that stores UTC, so ``2025-01-09 16:00:00`` may well mean 10 January. Taking either day
would be a guess, and a wrong day moves a due date, a limitation period and the interest
counted to a date; the hint says how to tell and how to convert the column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from docgen.batch.cells import EXCEL_SERIAL_RANGE, CellError
from docgen.domain.dates import format_cn
from docgen.domain.written import WrittenValueError, parse_date

UTC_MIDNIGHT = time(16, 0)
"""Beijing midnight (UTC+8) written in UTC: the day before, at 16:00:00."""

# a date, then a time of day: 2025-01-10 14:35, 2025/1/10 0:00:00.000, 2025-01-10T00:00:00
_WITH_TIME = re.compile(
    r"(?P<day>.+?)\s*(?:T|\s)\s*(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<utc>Z|[+-]00:?00)?"
)


@dataclass(frozen=True)
class Timed:
    """A date cell's day and time; ``text`` is a text cell's date without its time."""

    day: date | None  # None: the date part is not a day the model accepts
    at: time
    text: str | None = None


def timed(value: Any) -> Timed | None:
    """The day and time of a cell that has a time of day, else None."""
    if isinstance(value, datetime):
        return Timed(value.date(), value.time())
    if isinstance(value, float) and not value.is_integer():
        low, high = EXCEL_SERIAL_RANGE
        if low <= value <= high:  # a date-time kept as its serial number
            from openpyxl.utils.datetime import from_excel

            held = from_excel(value)
            return Timed(held.date(), held.time()) if isinstance(held, datetime) else None
        return None
    if not isinstance(value, str):
        return None
    match = _WITH_TIME.fullmatch(unicodedata.normalize("NFKC", value).strip())
    if match is None:
        return None
    hour, minute, second = int(match["h"]), int(match["m"]), int(match["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    if match["utc"] and (hour, minute, second) != (0, 0, 0):
        return None  # a UTC time of day: its Beijing day may be the next; not read as a day
    try:
        day = parse_date(match["day"])
    except WrittenValueError as exc:
        if exc.code == "date_format":
            return None  # no date before the time: the whole text is judged as written
        day = None  # 2025/2/30: its own problem, said by the model
    return Timed(day, time(hour, minute, second), match["day"])


def date_part(value: Any) -> Any:
    """A cell's date without its time (a date cell as its ISO date, text as its date
    text, for the model to judge); a time of exactly 16:00:00 is refused."""
    found = timed(value)
    if found is None:
        return value
    if found.day is not None and found.at == UTC_MIDNIGHT:
        raise _maybe_next_day(found.day)
    if found.text is not None:
        return found.text
    return found.day.isoformat() if found.day is not None else value


def time_dropped(value: Any) -> CellError | None:
    """The warning for a date read without the time of day its cell held."""
    found = timed(value)
    if found is None or found.day is None or found.at in (time(0), UTC_MIDNIGHT):
        return None
    shown = found.at.strftime("%H:%M:%S" if found.at.second else "%H:%M")
    return CellError(
        "date_time_dropped",
        f"单元格中的日期带有时间 {shown}，按日期 {format_cn(found.day)} 读取（时间不读取、不打印）",
        "如日期不是这一天，请改正后重新上传；核实无误可不修改",
    )


def _maybe_next_day(day: date) -> CellError:
    after = day + timedelta(days=1)
    return CellError(
        "date_time_utc",
        f"日期带有时间 16:00:00，可能是按 UTC（世界协调时）导出的北京时间 {format_cn(after)} 0 时，"
        f"也可能就是 {format_cn(day)} 16 时，无法确定是哪一天",
        "请核实是哪一天后填写不带时间的日期，如 2026-03-05 或 2026年3月5日；如整列都是 "
        "16:00:00，多半是导出系统按 UTC 导出：请改用北京时间导出，"
        "或在 Excel 中用 =INT(原单元格+8/24) 得出北京日期",
    )
