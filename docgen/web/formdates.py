"""Dates as people type them into the form: 2026-03-05, 2026/3/5, 2026年3月5日.

The form's date fields are text inputs; the browser turns what is typed into ISO dates
before sending, and this module does the same on the server for anything that arrives
otherwise (an uploaded case, an older page). A year outside 1900–2100 is reported on
the field: no debt-collection document concerns an earlier or later day, and such a
year is nearly always a slip (0635 from a mistyped native date input). Pure: no Flask.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from docgen.documents.problems import Loc, Problem
from docgen.web.formspec import Node

MIN_YEAR = 1900
MAX_YEAR = 2100

_FORMS = (
    re.compile(r"^(\d{1,4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{1,4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{1,4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{1,4})年(\d{1,2})月(\d{1,2})[日号]?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_typed_date(text: str) -> tuple[int, int, int] | None:
    """Year, month and day of a typed date in one of the accepted forms, else None."""
    plain = re.sub(r"\s+", "", text)
    for form in _FORMS:
        match = form.match(plain)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return year, month, day
    return None


def _date_fields(node: Node, value: Any, loc: Loc) -> list[tuple[Loc, Any, Any]]:
    """(loc, container, key) of every date value in ``value`` that the form has a field for."""
    found: list[tuple[Loc, Any, Any]] = []
    kind = node["kind"]
    if kind in ("object", "union") and isinstance(value, dict):
        fields = list(node.get("fields", []))
        for option in node.get("options", []):
            if option["value"] == value.get(node.get("tag")):
                fields = option["fields"]
        for child in fields:
            name = child["name"]
            if name in value:
                if child["kind"] == "field" and child.get("widget") == "date":
                    found.append(((*loc, name), value, name))
                else:
                    found.extend(_date_fields(child, value[name], (*loc, name)))
    elif kind == "array" and isinstance(value, list):
        item = node["item"]
        for i, row in enumerate(value):
            if item["kind"] == "field" and item.get("widget") == "date":
                found.append(((*loc, i), value, i))
            else:
                found.extend(_date_fields(item, row, (*loc, i)))
    return found


def normalize_dates(spec: Node, case: dict[str, Any]) -> list[Problem]:
    """Rewrite typed dates in ``case`` as ISO dates; the problems of impossible years.

    A value that is not a date at all is left for the model to report.
    """
    problems: list[Problem] = []
    for loc, container, key in _date_fields(spec, case, ()):
        text = container[key]
        if not isinstance(text, str):
            continue
        parts = parse_typed_date(text)
        if parts is None:
            continue
        year, month, day = parts
        if not MIN_YEAR <= year <= MAX_YEAR:
            problems.append(
                Problem(
                    loc,
                    "date_year_out_of_range",
                    f"年份 {year} 不在 {MIN_YEAR}—{MAX_YEAR} 年之间，请检查日期",
                    hint="可写作 2026-03-05、2026/3/5 或 2026年3月5日",
                )
            )
            continue
        try:
            container[key] = date(year, month, day).isoformat()
        except ValueError:
            continue  # 2026-02-30: the model names the impossible day
    return problems
