"""Reference data shipped as files: the one-year LPR table (domain brief §4.3).

The packaged table (docgen/data/lpr_1y.csv) holds the values the brief lists. Later values
are published monthly and docgen cannot know them, so an operator may give a CSV of the
same shape whose rows are added to the packaged ones, replacing a packaged row with the
same date: the table is extended without a code change. Both files are validated row by
row and every error names the file and line, in Chinese, because the person who fixes
them is the operator.
"""

import csv
import functools
import io
from datetime import date
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path

from docgen.domain.lpr import LprEntry, LprTable

LPR_COLUMNS = ("effective_from", "rate_percent")
_HUNDRED = Decimal(100)


class ReferenceDataError(ValueError):
    """A reference-data file is malformed; the message names the file and the line."""

    def __init__(self, source: str, line: int | None, problem: str) -> None:
        where = f"{source}第{line}行" if line is not None else source
        super().__init__(f"LPR数据文件{where}：{problem}")
        self.source = source
        self.line = line


def load_lpr_table(extra: Path | None = None) -> LprTable:
    """Return the packaged one-year LPR table, extended by the operator's CSV `extra`.

    Each file has the header `effective_from,rate_percent`, then one row per publication
    that changed the rate: an ISO date (2025-05-20) and a percentage (3.00), 0 < rate < 100.
    Blank lines are ignored; a UTF-8 byte-order mark (as Excel writes) is accepted. A date
    may appear once per file; a row of `extra` replaces the packaged row of the same date.
    Raises ReferenceDataError on the first malformed row, and OSError if `extra` cannot be
    read.
    """
    packaged = resources.files("docgen") / "data" / "lpr_1y.csv"
    rows = _parse_lpr_csv(packaged.read_text(encoding="utf-8-sig"), "docgen/data/lpr_1y.csv")
    if extra is not None:
        rows.update(_parse_lpr_csv(extra.read_text(encoding="utf-8-sig"), str(extra)))
    return LprTable(rows.values())


def _parse_lpr_csv(text: str, source: str) -> dict[date, LprEntry]:
    """Parse one LPR CSV into entries keyed by date, validating every row."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or tuple(cell.strip() for cell in header) != LPR_COLUMNS:
        raise ReferenceDataError(source, 1, f"表头应为“{','.join(LPR_COLUMNS)}”")
    entries: dict[date, LprEntry] = {}
    lines: dict[date, int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(LPR_COLUMNS):
            raise ReferenceDataError(source, line, f"应有2列（日期,利率），实有{len(row)}列")
        day = _parse_day(row[0].strip(), source, line)
        rate = _parse_rate(row[1].strip(), source, line)
        if day in entries:
            raise ReferenceDataError(
                source, line, f"日期{day.isoformat()}重复（已见于第{lines[day]}行）"
            )
        entries[day] = LprEntry(effective_from=day, rate_percent=rate)
        lines[day] = line
    if not entries:
        raise ReferenceDataError(source, None, "没有任何LPR数据行")
    return entries


def _parse_day(raw: str, source: str, line: int) -> date:
    try:
        if len(raw) != 10:  # fromisoformat also takes 20250520; operators write 2025-05-20
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError:
        raise ReferenceDataError(
            source, line, f"日期“{raw}”无效，应为YYYY-MM-DD格式的日期，如2025-05-20"
        ) from None


def _parse_rate(raw: str, source: str, line: int) -> Decimal:
    try:
        rate = Decimal(raw)
    except InvalidOperation:
        rate = Decimal("NaN")
    if not rate.is_finite() or not 0 < rate < _HUNDRED:
        raise ReferenceDataError(
            source, line, f"利率“{raw}”无效，应为大于0且小于100的年利率百分数，如3.45"
        )
    return rate


@functools.lru_cache(maxsize=8)
def default_lpr_table(extra: Path | None = None) -> LprTable:
    """The LPR table, loaded once per process (per operator file)."""
    return load_lpr_table(extra)
