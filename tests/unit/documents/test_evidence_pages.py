"""The evidence list's page column is read against the stamped bundle."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.problems import CaseInvalid
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)


def _problems(pages: list[str | None]) -> list:
    data = copy.deepcopy(load_fixture("evidence_list", "valid", "loan_case"))
    for item, page in zip(data["items"], pages, strict=True):
        item["pages"] = page
    doc_type = registry.get("evidence_list")
    try:
        case = doc_type.parse(data)
    except CaseInvalid as exc:
        return exc.problems
    return doc_type.evaluate(case, OPTIONS).problems


def _found(pages: list[str | None]) -> list:
    return [(p.severity, p.code, p.loc) for p in _problems(pages)]


@pytest.mark.parametrize("pages", ["7-5", "7至5", "12—10"])
def test_a_range_that_runs_backwards_is_an_error(pages):
    assert _found([pages, "9", None]) == [("error", "page_range", ("items", 0, "pages"))]


@pytest.mark.parametrize(
    ("pages", "later"),
    [
        (["5-8", "8", "10-12"], 1),  # one shared page
        (["5-8", "6-7", "10-12"], 1),  # inside another
        (["5-8", "9", "4-5"], 2),  # an earlier item's first page
        (["5-8", None, "8-9"], 2),  # an item without pages between them
    ],
)
def test_ranges_that_overlap_are_an_error_naming_both_items(pages, later):
    problems = _problems(pages)
    assert [(p.severity, p.code, p.loc) for p in problems] == [
        ("error", "pages_overlap", ("items", later, "pages"))
    ]
    assert f"证据{['1-1', '1-2', '2-1'][later]}" in problems[0].message
    assert "证据1-1" in problems[0].message


def test_ranges_out_of_list_order_are_warned():
    problems = _problems(["5-8", "10-12", "9"])
    assert [(p.severity, p.code, p.loc) for p in problems] == [
        ("warning", "pages_out_of_order", ("items", 2, "pages"))
    ]
    assert "证据2-1" in problems[0].message and "证据1-2" in problems[0].message


@pytest.mark.parametrize(
    "pages", [["5-8", "9", "10-12"], ["5", "6", "7"], [None, None, None], ["5-8", None, "9"]]
)
def test_ranges_in_order_that_do_not_meet_pass(pages):
    assert _found(pages) == []
