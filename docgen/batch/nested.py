"""JSON objects and arrays where a JSONL batch wants one value (a cell's).

A JSONL line keyed by the sheet's headers (「债务人姓名」: …) holds one value per column,
as a sheet's cell does; so does the ``mailing`` object of a line shaped as the case (its
client reference, its postcode). An object or an array there is no value to read: it is
refused on its field, never passed on (a reference ``["KH", "1"]`` used to be written to
the mailing sheet as its Python text). A list column (「查封、冻结」, the guarantors'
postcodes) takes an array of plain values as the items a sheet separates with 、.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docgen.batch.rows import EXTRA_ROOT, Resolved, fill_slot
from docgen.documents.problems import Loc, Problem

_HINT = "请把这一项改为一个值（文字、数字或日期）；可填多项的列可用数组或用顿号分隔"
_LIST_EXTRAS = frozenset(("guarantor_postcodes",))


def _plain(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _problem(loc: Loc, name: str, value: Any) -> Problem:
    what = "对象" if isinstance(value, dict) else "数组"
    return Problem(
        loc,
        "json_nested",
        f"「{name}」是嵌套的 JSON {what}，这一项应为一个值，不会按它生成文书",
        _HINT,
    )


def flat_values(
    resolved: Resolved, keys: list[str], record: Mapping[str, Any]
) -> tuple[list[Any], list[Problem]]:
    """The values of a line keyed by headers, in ``keys``' order: an array of plain values
    of a list column joined with 、, any other object or array left out (None) and
    refused at its field."""
    values: list[Any] = []
    problems: list[Problem] = []
    for index, key in enumerate(keys):
        value = record[key]
        hit = resolved.cells[index] if index < len(resolved.cells) else None
        if _plain(value) or hit is None:
            values.append(value)
            continue
        column, slot = hit
        if column.kind == "list" and isinstance(value, list) and all(map(_plain, value)):
            values.append("、".join("" if v is None else str(v) for v in value))
            continue
        loc = column.loc if slot is None else fill_slot(column.loc, slot)
        problems.append(_problem(loc, key, value))
        values.append(None)
    return values, problems


def extra_problems(extras: dict[str, Any]) -> list[Problem]:
    """The fields of a line's ``mailing`` object that are no value, taken out of it."""
    problems = []
    for key, value in list(extras.items()):
        if _plain(value):
            continue
        if key in _LIST_EXTRAS and isinstance(value, list) and all(map(_plain, value)):
            continue
        problems.append(_problem((EXTRA_ROOT, key), f"{EXTRA_ROOT}.{key}", value))
        del extras[key]
    return problems
