"""Reference data shipped as files: the one-year LPR table (domain brief §4.3).

The packaged table (docgen/data/lpr_1y.csv) holds the values the brief lists. Later values
are published monthly and docgen cannot know them, so an operator may give a CSV of the
same shape whose rows are added to the packaged ones, replacing a packaged row with the
same date: the table is extended without a code change. Both files are validated row by
row and every error names the file and line, in Chinese, because the person who fixes
them is the operator.

The operator's file is DOCGEN_LPR_TABLE_FILE when set, else the one `docgen reference
update --lpr` installs in the data directory (DATA_DIR/reference/lpr_1y.csv). Every
process reads it: a process already running notices a newer file by its modification
time.
"""

import csv
import functools
import io
import os
import tempfile
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


OPERATOR_LPR_FILE = Path("reference") / "lpr_1y.csv"


@functools.lru_cache(maxsize=16)  # asked on every render: the path, not the file, is kept
def operator_lpr_path(data_dir: Path) -> Path:
    """Where `docgen reference update --lpr` keeps the operator's LPR rows."""
    return data_dir / OPERATOR_LPR_FILE


def effective_lpr_file(configured: Path | None, data_dir: Path) -> Path | None:
    """The operator's LPR file in force: the configured one, else the installed one."""
    if configured is not None:
        return configured
    installed = operator_lpr_path(data_dir)
    return installed if installed.is_file() else None


def install_lpr_csv(source: Path, data_dir: Path) -> tuple[LprTable, int]:
    """Validate `source` and merge its rows into the data directory's LPR file.

    Rows of `source` are added to those installed before (replacing a row of the same
    date); the result must load with the packaged table, else ReferenceDataError names
    the file and line and nothing is written. The file is replaced atomically, so a
    process reading it never sees half of it. Returns the new table and how many rows
    `source` held.
    """
    new_rows = _parse_lpr_csv(source.read_text(encoding="utf-8-sig"), str(source))
    target = operator_lpr_path(data_dir)
    rows: dict[date, LprEntry] = {}
    if target.is_file():
        rows = _parse_lpr_csv(target.read_text(encoding="utf-8-sig"), str(target))
    rows.update(new_rows)
    text = ",".join(LPR_COLUMNS) + "\n"
    text += "".join(f"{day.isoformat()},{rows[day].rate_text}\n" for day in sorted(rows))
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=target.parent, suffix=".part", delete=False
    ) as handle:
        handle.write(text)
    try:
        table = load_lpr_table(Path(handle.name))
        os.replace(handle.name, target)
    finally:
        Path(handle.name).unlink(missing_ok=True)
    return table, len(new_rows)


def default_lpr_table(extra: Path | None = None) -> LprTable:
    """The LPR table with the operator's file (default: the one in force for the
    settings of this process), reloaded when that file changes."""
    if extra is None:
        from docgen.config import Settings  # here: the domain modules import this one

        settings = Settings()  # reads the environment: some milliseconds, not per render
        extra = effective_lpr_file(settings.lpr_table_file, settings.data_dir)
    return lpr_table(extra)


def lpr_table(extra: Path | None) -> LprTable:
    """The packaged table with the operator's file ``extra`` (None: the packaged table
    alone), parsed once per file version: a newer modification time reloads it."""
    stamp = extra.stat().st_mtime_ns if extra is not None and extra.exists() else None
    return _cached_lpr_table(extra, stamp)


@functools.lru_cache(maxsize=8)
def _cached_lpr_table(extra: Path | None, stamp: int | None) -> LprTable:
    del stamp  # part of the cache key only: a newer file is a new entry
    return load_lpr_table(extra)
