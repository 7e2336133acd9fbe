"""A letter whose payment deadline is over, or whose date is weeks old, on the day it is
issued: the user is warned at ``letter_date`` (docgen/documents/letter_dates.py)."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

ISSUED_ON = RuleOptions(today=date(2026, 12, 7))


def _warnings(type_name: str, fixture: str, **changes: object) -> list:
    data = copy.deepcopy(load_fixture(type_name, "valid", fixture))
    data.update(changes)
    doc_type = registry.get(type_name)
    result = doc_type.evaluate(doc_type.parse(data), ISSUED_ON)
    assert [p for p in result.problems if p.severity == "error"] == []
    return [p for p in result.problems if p.loc == ("letter_date",)]


@pytest.mark.parametrize(
    ("type_name", "fixture"),
    [("demand_letter", "person_debtor"), ("lawyer_letter", "person_debtor_auto_number")],
)
def test_a_deadline_over_before_the_day_of_issue_is_warned_of(type_name, fixture):
    deadline = {"days": 7, "kind": "working", "counted_from": "letter_date"}
    (warning,) = _warnings(type_name, fixture, letter_date="2026-11-02", deadline=deadline)
    assert (warning.code, warning.severity) == ("deadline_passed", "warning")
    assert warning.message.startswith(
        "付款期限已于2026年11月11日届满（发函日期2026年11月2日起7个工作日）"
    )
    assert "早于今天（2026年12月7日）" in warning.message
    assert "第五百一十一条" in warning.message
    assert "自收到本函之日起算" in warning.hint


def test_a_letter_dated_weeks_before_it_is_issued_is_warned_of():
    (warning,) = _warnings("demand_letter", "person_debtor", letter_date="2026-11-20")
    assert warning.code == "letter_date_stale"
    assert warning.message.startswith("发函日期（2026年11月20日）已是17天前")


def test_a_letter_dated_within_the_week_and_due_ahead_is_not_warned_of():
    deadline = {"days": 7, "kind": "working", "counted_from": "letter_date"}
    assert _warnings("demand_letter", "person_debtor", letter_date="2026-11-30") == []
    assert (
        _warnings("demand_letter", "person_debtor", letter_date="2026-12-01", deadline=deadline)
        == []
    )
