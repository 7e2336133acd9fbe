"""Helpers for batch tests: spreadsheets of demand letters, written as users save them."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from docgen.batch.columns import Layout
from docgen.batch.templates import flatten
from docgen.documents import registry
from tests.support import FIXTURES

PERSON = FIXTURES / "demand_letter" / "valid" / "person_debtor.json"

GUARANTOR_PERSON = {
    "kind": "person",
    "name": "刘芳",
    "sex": "女",
    "id_type": "居民身份证",
    "id_number": "440304198806124628",
    "address": "广东省深圳市南山区科技园南区深南大道9988号",
    "phone": "13923456789",
}
"""A guarantor who is a person, for letters with a guarantor's copy."""


def person_case(i: int) -> dict[str, Any]:
    """A valid demand letter to a person, distinct per ``i``."""
    case = json.loads(PERSON.read_text(encoding="utf-8"))
    case["letter_number"] = f"CS-{i:05d}"
    case["debtor"]["name"] = f"张伟{i}"
    case["contract"]["number"] = f"HX-JK-2025-{i:05d}"  # one debtor, one contract per row
    return case


def sheet(cases: list[dict[str, Any]], language: str = "zh") -> tuple[list[str], list[list[Any]]]:
    layout = Layout.of(registry.get("demand_letter").model)
    headers: list[str] = []
    rows = []
    for case in cases:
        headers, values = flatten(layout, case, language)
        rows.append(values)
    return headers, rows


def write_csv(
    path: Path, headers: list[str], rows: list[list[Any]], encoding: str = "utf-8"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def letters_sheet(path: Path, n: int, encoding: str = "utf-8") -> Path:
    headers, rows = sheet([person_case(i) for i in range(n)])
    return write_csv(path, headers, rows, encoding)
