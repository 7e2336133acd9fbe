"""A complaint filed in a bundle numbers its evidence as the bundle's evidence list does
(证据1-1 → 「1-1」), from the one numbering (``exhibit_numbers``)."""

from __future__ import annotations

import copy

from docgen.bundle.complaint_evidence import numbered_as_the_list
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.evidence_list import EvidenceFacts
from tests.support import load_fixture

GUARANTOR = load_fixture("civil_complaint", "valid", "narrative_guarantor")
DOC = registry.get("civil_complaint")


def _exhibits(groups: list[int]) -> list[EvidenceFacts]:
    names = [e["name"] for e in GUARANTOR["evidence"]]
    return [
        EvidenceFacts(name=name, source="原告提供", purpose="证明", group=group)
        for name, group in zip(names, groups, strict=True)
    ]


def _rows(data: dict) -> list[tuple[str, str]]:
    case = DOC.parse(data)
    assessment = DOC.evaluate(case, RuleOptions(calendar_fallback=True))
    context = DOC.build_context(case, assessment)
    return [(str(row["no"]), row["name"]) for row in context["evidence"]]


def test_the_complaint_prints_the_evidence_lists_numbers():
    count = len(GUARANTOR["evidence"])
    groups = [1] * (count // 2) + [2] * (count - count // 2)
    numbered = numbered_as_the_list(GUARANTOR, _exhibits(groups))
    rows = _rows(numbered)
    assert [no for no, _ in rows] == [
        *(f"1-{k}" for k in range(1, count // 2 + 1)),
        *(f"2-{k}" for k in range(1, count - count // 2 + 1)),
    ]
    assert "number" not in GUARANTOR["evidence"][0]  # the caller's data is left alone


def test_the_same_exhibit_is_found_in_another_order_and_by_a_longer_name():
    exhibits = list(reversed(_exhibits([1] * len(GUARANTOR["evidence"]))))
    data = copy.deepcopy(GUARANTOR)
    data["evidence"][0]["name"] = "《" + data["evidence"][0]["name"] + "》原件"
    rows = _rows(numbered_as_the_list(data, exhibits))
    assert rows[0][0] == f"1-{len(exhibits)}" and rows[-1][0] == "1-1"


def test_an_item_without_its_exhibit_keeps_the_complaints_own_numbers():
    exhibits = _exhibits([1] * len(GUARANTOR["evidence"]))[1:]
    assert numbered_as_the_list(GUARANTOR, exhibits) is GUARANTOR
    assert [no for no, _ in _rows(GUARANTOR)][:3] == ["1", "2", "3"]
