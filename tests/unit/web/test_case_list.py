"""The case list names each issued letter by its own letter number."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

from docgen.web.case_pages import group_cases
from tests.support import load_fixture


def _issued(doc_id: str, number: str) -> SimpleNamespace:
    data = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
    data["letter_number"] = number
    return SimpleNamespace(
        id=doc_id,
        code="AAAA-BBBB-CCCCC",
        type_name="lawyer_letter",
        input_data=data,
        created_at=datetime(2026, 11, 20, tzinfo=UTC),
    )


def test_each_copy_of_a_letter_is_listed_with_its_own_number():
    second = _issued("D2", "（2026）京明正律函字第88-2号")
    (case,) = group_cases([second, _issued("D1", "（2026）京明正律函字第88-1号")])
    assert [(d.document_id, d.letter_number) for d in case.documents] == [
        ("D2", "（2026）京明正律函字第88-2号"),
        ("D1", "（2026）京明正律函字第88-1号"),
    ]
