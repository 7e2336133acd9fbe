"""Whom a registered copy went to, as the register reads it back."""

from __future__ import annotations

from docgen.documents import registry
from docgen.register.recipients import addressee, case_of, recorded_case
from tests.support import load_fixture

LETTER = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")


def _read(type_name: str, data: dict) -> dict | None:
    doc_type = registry.get(type_name)
    who = addressee(data, doc_type.recipient_field, doc_type.split is not None)
    return who.as_dict() if who is not None else None


def test_each_copy_records_its_recipient_and_the_case_reads_back_without_it():
    doc_type = registry.get("lawyer_letter")
    case = doc_type.parse(LETTER)
    copies = doc_type.split(case)
    recorded = [recorded_case(copy) for copy in copies]

    assert [_read("lawyer_letter", r) for r in recorded] == [
        {"index": 0, "role": "debtor", "name": "福州闽江建材有限公司", "known": True},
        {"index": 1, "role": "guarantor", "name": "刘芳", "known": True},
    ]
    data, index = case_of(recorded[1])
    assert index == 1
    assert "_recipient" not in data
    assert doc_type.parse(data).letter_number == "（2026）京明正律函字第88-2号"


def test_an_older_entry_is_the_first_recipients_known_only_when_it_was_the_only_one():
    assert _read("lawyer_letter", LETTER) == {
        "index": 0,
        "role": "debtor",
        "name": "福州闽江建材有限公司",
        "known": False,  # a guarantor had a copy too: the register cannot say whose
    }
    alone = {k: v for k, v in LETTER.items() if k not in ("guarantors", "guarantees")}
    assert _read("lawyer_letter", alone)["known"] is True
    assert case_of(alone) == (alone, None)


def test_an_agreement_names_its_debtor_and_a_court_filing_no_recipient():
    agreement = load_fixture("installment_agreement", "valid", "monthly_with_guarantor")
    assert _read("installment_agreement", agreement) == {
        "index": 0,
        "role": "debtor",
        "name": agreement["debtor"]["name"],
        "known": True,
    }
    complaint = load_fixture("civil_complaint", "valid", "guarantee_type_not_stated")
    assert _read("civil_complaint", complaint) is None
