"""A sheet's row mapped onto the model: the nested case, and where each value came from."""

from __future__ import annotations

import itertools
import typing
from dataclasses import dataclass, field
from typing import Any

from docgen.batch import cells, times
from docgen.documents.problems import Loc, Problem

if typing.TYPE_CHECKING:
    from docgen.batch.columns import Column

EXTRA_ROOT = "mailing"
"""The root of the columns that are not case fields (postcode, client reference)."""


def fill_slot(loc: Loc, slot: int) -> Loc:
    """A list column's location with its item number put in place of ``-1``."""
    return tuple(slot if part == -1 else part for part in loc)


@dataclass
class Cell:
    """Where a field's value came from: the sheet's header, its column, the value typed."""

    header: str
    column: int  # 0-based
    typed: Any


@dataclass
class RowRecord:
    """A row mapped onto the model: the case, the mailing extras, and where each value was."""

    case: dict[str, Any]
    extras: dict[str, Any]
    cells: dict[Loc, Cell] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Resolved:
    """Sheet columns resolved to field locations (``None`` for blank headers)."""

    cells: list[tuple[Column, int | None] | None]
    unknown: list[str]
    headers: list[str] = field(default_factory=list)

    def positions(self) -> dict[Loc, int]:
        """The sheet's column of each field it has: by its location (a list slot's filled
        in) and by its column's own (``-1`` for a list slot: its first slot's column)."""
        out: dict[Loc, int] = {}
        for index, hit in enumerate(self.cells):
            if hit is not None:
                column, slot = hit
                out.setdefault(column.loc, index)
                if slot is not None:
                    out.setdefault(fill_slot(column.loc, slot), index)
        return out

    def record(self, values: list[Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """A row as a nested case dict plus the mailing extras (postcode ...)."""
        row = self.read(values)
        return row.case, row.extras

    def read(self, values: list[Any]) -> RowRecord:
        """A row with the place of every value; cells that cannot be used are problems."""
        row = RowRecord({}, {})
        for index, (hit, value) in enumerate(zip(self.cells, values, strict=False)):
            if hit is None or _blank(value):
                continue
            column, slot = hit
            loc = column.loc if slot is None else fill_slot(column.loc, slot)
            header = self.headers[index] if index < len(self.headers) else column.zh
            row.cells[loc] = Cell(header, index, value)
            try:
                converted = column.convert(value)
            except cells.CellError as exc:
                row.problems.append(Problem(loc, exc.code, exc.message, exc.hint))
                continue
            dropped = times.time_dropped(value) if column.kind == "date" else None
            if dropped is not None:  # read all the same: the date is the fact
                row.problems.append(
                    Problem(loc, dropped.code, dropped.message, dropped.hint, "warning")
                )
            if column.loc[0] == EXTRA_ROOT:
                row.extras[str(column.loc[-1])] = converted
                continue
            _put(row.case, loc, converted)
        row.case = _compact(row.case)
        return row


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _put(target: dict[str, Any], loc: Loc, value: Any) -> None:
    node: Any = target
    for part, nxt in itertools.pairwise(loc):
        container: Any = [] if isinstance(nxt, int) else {}
        if isinstance(part, int):
            while len(node) <= part:
                node.append(None)
            if node[part] is None:
                node[part] = container
            node = node[part]
        else:
            node = node.setdefault(part, container)
    last = loc[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value


def _compact(value: Any) -> Any:
    """Drop list slots left empty (a sheet with 欠款明细1 and 欠款明细3 gives two items)."""
    if isinstance(value, dict):
        return {k: _compact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_compact(v) for v in value if v is not None]
    return value
