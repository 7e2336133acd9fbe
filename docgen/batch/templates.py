"""Mapping templates: the headers a sheet should have, with one sample row that passes.

The sample row is one of the document type's own valid fixtures (the one with the fewest
warnings, its letter date the day of download, no letter number), flattened into the
columns; it is validated again after the round trip so a template never teaches a layout
that would be rejected.
"""

from __future__ import annotations

import copy
import json
import weakref
from datetime import date
from pathlib import Path
from typing import Any

from docgen.batch.columns import Layout
from docgen.batch.postcodes import recipient_phone_problem
from docgen.batch.sheets import write_table
from docgen.config import PROJECT_ROOT
from docgen.documents import registry
from docgen.documents.problems import Loc
from docgen.domain.disclosure import field_hints, is_advanced
from docgen.services import DocumentService

FIXTURES = PROJECT_ROOT / "fixtures"


def _value_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
            data = data[part]
        elif isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    if isinstance(data, list) and all(not isinstance(v, dict | list) for v in data):
        return data  # a list of plain values (written into one cell)
    if isinstance(data, dict | list):
        return None
    return data


def flatten(
    layout: Layout, case: dict[str, Any], language: str = "zh"
) -> tuple[list[str], list[Any]]:
    headers: list[str] = []
    values: list[Any] = []
    for header, column, slot in layout.template_headers(language):
        loc = column.loc if slot is None else tuple(slot if p == -1 else p for p in column.loc)
        headers.append(header)
        value = _value_at(case, loc)
        if isinstance(value, list):  # a list of plain values, one cell: 查封、冻结
            value = "、".join(str(v) for v in value)
        values.append("" if value is None else value)
    return headers, values


def labelled(layout: Layout, values: list[Any]) -> list[Any]:
    """A flattened row with each choice as its Chinese label (person → 自然人, True → 是)."""
    out = []
    for (_header, column, _slot), value in zip(layout.template_headers(), values, strict=True):
        if column.kind == "choice" and value != "":
            value = column.label_of(str(value))
        elif column.kind == "list" and value:
            value = "、".join(column.label_of(v) for v in str(value).split("、"))
        elif column.kind == "bool" and isinstance(value, bool):
            value = "是" if value else "否"
        out.append(value)
    return out


def sample_case(service: DocumentService, type_name: str) -> dict[str, Any] | None:
    """A valid fixture of the type that survives flattening into columns: of those, the
    one with the fewest warnings, so the example teaches no risky pattern (a company's
    debt paid into a person's account), dated the day the template is made (a letter
    date weeks old is itself warned about)."""
    today = service.options().current_date()
    key = (type_name, today)
    # per service: which fixture warns least depends on its settings (calendar, tables)
    kept = _SAMPLES.setdefault(service, {})
    if key not in kept:  # some seconds of validating fixtures: once a day per type
        for stale in [k for k in kept if k[1] != today]:
            del kept[stale]
        kept[key] = _least_warned(service, type_name, today)
    found = kept[key]
    return copy.deepcopy(found) if found is not None else None


_SAMPLES: weakref.WeakKeyDictionary[
    DocumentService, dict[tuple[str, date], dict[str, Any] | None]
] = weakref.WeakKeyDictionary()


def _least_warned(service: DocumentService, type_name: str, today: date) -> dict[str, Any] | None:
    layout = Layout.of(registry.get(type_name).model)
    best: tuple[int, dict[str, Any]] | None = None
    for path in sorted((FIXTURES / type_name / "valid").glob("*.json")):
        case = as_example(type_name, json.loads(path.read_text(encoding="utf-8")), today)
        headers, values = flatten(layout, case)
        rebuilt, _ = layout.resolve(headers).record(labelled(layout, values))
        report = service.validate(type_name, rebuilt)
        if not report.ok:
            continue
        warned = sum(p.severity == "warning" for p in report.problems)
        warned += len(recipient_phone_problem(type_name, rebuilt))  # as a run warns
        if best is None or warned < best[0]:
            best = (warned, dict(case))
        if warned == 0:
            break
    return best[1] if best is not None else None


def as_example(type_name: str, case: dict[str, Any], today: date) -> dict[str, Any]:
    """The case as a sheet's example row: its letter date (where the type has one)
    ``today``, and no letter number — one number is one letter, and a number copied
    from the example into every row, or already in the tenant's register, is warned of
    (``letter_number_reused``)."""
    fields = registry.get(type_name).model.model_fields
    out = {k: v for k, v in case.items() if k != "letter_number"}
    return {**out, "letter_date": today.isoformat()} if "letter_date" in fields else out


def write_template(
    service: DocumentService, type_name: str, path: Path, language: str = "zh"
) -> int:
    """Write the headers (and a sample row when one is available); return the row count.

    An XLSX template is a tool (see :mod:`docgen.batch.workbook`): drop-down lists,
    date and text formats, a frozen header and a sheet explaining every column.
    """
    doc_type = registry.get(type_name)
    layout = Layout.of(doc_type.model)
    case = sample_case(service, type_name)
    headers, values = flatten(layout, case or {}, language)
    if language == "zh":
        values = labelled(layout, values)
    # the columns a case usually needs first, the rarely needed ones (as the form's
    # 「更多信息」, declared on the model) after them; headers are matched by name
    hints = field_hints(doc_type.json_schema())
    locs = [column.loc for _, column, _ in layout.template_headers(language)]
    order = sorted(range(len(headers)), key=lambda i: is_advanced(hints, locs[i]))
    headers, values = [headers[i] for i in order], [values[i] for i in order]
    rows = [values] if case is not None else []
    if path.suffix.lower() == ".xlsx":
        from docgen.batch.workbook import write_template_xlsx

        return write_template_xlsx(path, layout, headers, rows, doc_type.title, order)
    return write_table(path, headers, rows)
