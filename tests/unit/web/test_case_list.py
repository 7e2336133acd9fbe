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


def test_each_copy_of_a_letter_is_listed_with_whom_it_went_to():
    debtor = _issued("D1", "（2026）京明正律函字第88-1号")
    debtor.input_data["_recipient"] = {"index": 0, "role": "debtor", "name": "福州闽江建材有限公司"}
    guarantor = _issued("D2", "（2026）京明正律函字第88-2号")
    guarantor.input_data["_recipient"] = {"index": 1, "role": "guarantor", "name": "刘芳"}
    older = _issued("D0", "（2026）京明正律函字第87号")  # registered before it was kept

    (case,) = group_cases([guarantor, debtor, older])
    assert [(d.document_id, d.recipient) for d in case.documents] == [
        ("D2", "致保证人刘芳"),
        ("D1", "致债务人福州闽江建材有限公司"),
        ("D0", "收件人未登记"),  # two recipients: the register cannot say which copy
    ]
