"""Interest periods on one base meet: the day after one ends is the next one's first."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

GUARANTOR = load_fixture("civil_complaint", "valid", "narrative_guarantor")
COMPLAINT = registry.get("civil_complaint")


def _gaps(agreed_end: str) -> list[tuple[object, str]]:
    data = copy.deepcopy(GUARANTOR)
    data["amounts"]["components"][1]["calculation"]["end"] = agreed_end
    problems = COMPLAINT.evaluate(COMPLAINT.parse(data), RuleOptions()).problems
    return [(p.loc, p.message) for p in problems if p.code == "interest_gap"]


def test_agreed_interest_to_the_due_date_and_overdue_interest_from_the_next_day_meet():
    assert _gaps("2026-01-10") == []


def test_a_day_earning_no_interest_between_the_periods_is_a_warning_on_the_next_start():
    ((loc, message),) = _gaps("2026-01-09")
    assert loc == ("amounts", "components", 2, "calculation", "start")
    assert message == (
        "借期内利息计至2026年1月9日，逾期利息自2026年1月11日起算，其间1日未计息："
        "借期最后一日计入借期，下一期间应自次日起算"
    )
