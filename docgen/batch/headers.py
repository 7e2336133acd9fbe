"""Finding a sheet's header: below a title, over two rows, on the sheet that has it.

An export seldom starts with its header: a title (「2026年11月催收名单」) or an export date
sits above it, the header may be two rows with merged group cells (债务人 over 姓名), and
the data may be on the second sheet (a workbook opening on a summary, the rejects report's
「被拒绝的行」). The header is the row, among the first :data:`SEARCH` rows of any sheet,
that names the most columns of the type. A column the operator hid, and a running number
(序号, or the rejects report's 行号), is not read and needs no mapping.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.batch.columns import Layout, normalize
from docgen.batch.readers import Row, hidden_columns, read_rows, sheet_count
from docgen.batch.rows import Resolved

SEARCH = 10
"""Rows looked at for the header (titles, dates, notes above it)."""
MAX_SHEETS = 20
RUNNING_NUMBERS = frozenset(normalize(h) for h in ("序号", "行号", "原行号", "编号序号"))
"""Headers of a running number: never a field, so never an unknown column."""


@dataclass
class Found:
    """A sheet's header and what is left of the sheet under it."""

    resolved: Resolved
    rows: Iterator[Row]
    sheet: int = 0
    number: int = 1  # the header's (last) row, as Excel shows it
    ignored: list[str] = field(default_factory=list)  # hidden or running-number columns
    hidden: set[int] = field(default_factory=set)  # the sheet's hidden columns (0-based)

    @property
    def known(self) -> int:
        return sum(1 for c in self.resolved.cells if c is not None)


def two_row_headers(first: list[Any], second: list[Any]) -> list[str]:
    """Headers of a two-row header whose top row holds merged group cells.

    A merged cell's value sits in its first column only; it is carried right until the
    next non-empty top cell, and joined with the cell below (``债务人`` + ``姓名``).
    """
    out: list[str] = []
    group = ""
    for i in range(max(len(first), len(second))):
        top = first[i] if i < len(first) else None
        below = second[i] if i < len(second) else None
        top_text = "" if top is None else str(top).strip()
        below_text = "" if below is None else str(below).strip()
        if top_text:
            group = top_text
        if below_text:
            out.append((group if not top_text or top_text == group else top_text) + below_text)
        else:
            out.append(top_text)
    return out


def find_header(
    path: Path, layout: Layout, mapping: Mapping[str, str] | None = None
) -> Found | None:
    """The header naming the most columns; of headers as good, the first sheet's."""
    best: Found | None = None
    for sheet in range(min(sheet_count(path), MAX_SHEETS)):
        rows = read_rows(path, sheet)
        found = _in_sheet(rows, layout, mapping, hidden_columns(path, sheet), sheet)
        if found is not None and (best is None or found.known > best.known):
            if best is not None:
                close_rows(best.rows)
            best = found
        else:
            close_rows(rows)
    return best


def close_rows(rows: Iterator[Row]) -> None:
    close = getattr(rows, "close", None)
    if close is not None:
        close()


def read_ahead(rows: Iterator[Row]) -> list[Row]:
    """The rows up to the :data:`SEARCH` + 1st that is not blank (the header's second row)."""
    out: list[Row] = []
    filled = 0
    for row in rows:
        out.append(row)
        filled += not row.blank
        if filled > SEARCH:
            break
    return out


def _in_sheet(
    rows: Iterator[Row],
    layout: Layout,
    mapping: Mapping[str, str] | None,
    hidden: set[int],
    sheet: int,
) -> Found | None:
    ahead = read_ahead(rows)
    head = [row for row in ahead if not row.blank]
    best: tuple[int, Row, Resolved] | None = None  # (known, last header row, resolved)
    for i, row in enumerate(head[:SEARCH]):
        values = row.values or []
        pick, last = _resolve(layout, [_text(v) for v in values], mapping, hidden), row
        if i + 1 < len(head):
            below = [_text(v).strip() for v in head[i + 1].values or []]
            two = _resolve(layout, two_row_headers(values, below), mapping, hidden)
            two = _alone(layout, two, below, mapping, hidden)
            if _better(two, pick):
                pick, last = two, head[i + 1]
        if best is None or _known(pick) > best[0]:
            best = (_known(pick), last, pick)
    if best is None or best[0] == 0:
        return None
    _, last, resolved = best
    ignored = [
        h
        for i, h in enumerate(resolved.headers)
        if resolved.cells[i] is None and _ignored(h, i, hidden)
    ]
    rest = [row for row in ahead if row.number > last.number]
    return Found(resolved, _chain(rest, rows), sheet, last.number, ignored, hidden)


def _chain(rest: list[Row], rows: Iterator[Row]) -> Iterator[Row]:
    """The rows under the header: those read ahead, then the rest."""
    yield from rest
    yield from rows


def _alone(
    layout: Layout,
    two: Resolved,
    below: list[str],
    mapping: Mapping[str, str] | None,
    hidden: set[int],
) -> Resolved:
    """A lower cell that names a column by itself where the group carried over it does
    not (邮政编码 beside a merged 付款期限 that ended a column before: a streamed sheet
    does not tell where a merged cell ends)."""
    headers = list(two.headers)
    changed = False
    for i, text in enumerate(below):
        lost = i < len(headers) and text and two.cells[i] is None and text != headers[i]
        if lost and layout.resolve([text], mapping).cells[0] is not None:
            headers[i], changed = text, True
    return _resolve(layout, headers, mapping, hidden) if changed else two


def _better(two: Resolved, one: Resolved) -> bool:
    return len(two.unknown) < len(one.unknown) or (not two.unknown and _known(two) > _known(one))


def _known(resolved: Resolved) -> int:
    return sum(1 for c in resolved.cells if c is not None)


def _ignored(header: str, index: int, hidden: set[int]) -> bool:
    return bool(header.strip()) and (index in hidden or normalize(header) in RUNNING_NUMBERS)


def _resolve(
    layout: Layout, headers: list[str], mapping: Mapping[str, str] | None, hidden: set[int]
) -> Resolved:
    """Resolved headers; an unknown hidden column or running number is left unread."""
    resolved = layout.resolve(headers, mapping)
    resolved.unknown = [
        h
        for i, h in enumerate(resolved.headers)
        if h.strip() and resolved.cells[i] is None and not _ignored(h, i, hidden)
    ]
    return resolved


def _text(value: Any) -> str:
    return "" if value is None else str(value)
