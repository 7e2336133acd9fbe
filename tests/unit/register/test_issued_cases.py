"""A case's documents as its issues: one copy per recipient each, oldest first; an issue
cut short (a copy that failed to print after the first was recorded) is left out."""

from __future__ import annotations

from types import SimpleNamespace

from docgen.register.issued_cases import case_hash, columns, complete_issues, issuing

CASE = {"debtor": {"name": "张伟"}, "guarantors": [{"name": "李四"}]}


def _copy(doc_id: str, issue: str, index: int | None) -> SimpleNamespace:
    data = dict(CASE)
    if index is not None:
        data["_recipient"] = {"index": index, "role": "debtor", "name": "x"}
    return SimpleNamespace(id=doc_id, case_issue=issue, input_data=data)


def test_issues_hold_a_copy_for_every_recipient_and_a_cut_issue_is_left_out():
    rows = [
        _copy("A1", "A1", 0),
        _copy("A2", "A1", 1),
        _copy("B1", "B1", 0),  # its guarantor's copy never printed
        _copy("C1", "C1", 0),
        _copy("C2", "C1", 1),
    ]
    assert [i.ids for i in complete_issues(rows)] == [["A1", "A2"], ["C1", "C2"]]


def test_a_document_without_recipients_is_an_issue_of_its_own():
    rows = [_copy("A1", "A1", None), _copy("B1", "B1", None)]
    assert [i.ids for i in complete_issues(rows)] == [["A1"], ["B1"]]


def test_documents_recorded_while_issuing_are_marked_with_the_first_of_the_issue():
    none = {"case_hash": None, "case_issue": None, "case_round": None}
    assert columns("X") == none
    hashed = case_hash("demand_letter", CASE)
    with issuing(hashed, 2):  # the first copy claims the round, the others share the issue
        assert columns("D1") == {"case_hash": hashed, "case_issue": "D1", "case_round": 2}
        assert columns("D2") == {"case_hash": hashed, "case_issue": "D1", "case_round": None}
    assert columns("Y") == none


def test_the_hash_is_of_the_type_and_the_canonical_case():
    reordered = {"guarantors": CASE["guarantors"], "debtor": CASE["debtor"]}
    assert case_hash("demand_letter", CASE) == case_hash("demand_letter", reordered)
    assert case_hash("demand_letter", CASE) != case_hash("lawyer_letter", CASE)
    assert len(case_hash("demand_letter", CASE)) == 64
