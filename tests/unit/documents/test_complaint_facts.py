"""The complaint's facts: interest periods that meet, demands stated once."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.complaint_reasons import facts
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


def _facts(**changes) -> list[str]:
    data = copy.deepcopy(GUARANTOR)
    data.update(changes)
    return facts(COMPLAINT.parse(data))


def test_the_demands_the_plaintiff_tells_of_are_not_stated_a_second_time():
    paragraphs = _facts()
    assert "借款到期后，被告张伟未依约清偿。" in paragraphs
    assert any(p.startswith("原告曾于2026年3月2日、2026年8月15日") for p in paragraphs)
    assert sum(p.count("催") for p in paragraphs) == 2  # 催款函 and 催收, the plaintiff's words


def test_demands_recorded_as_interruptions_are_told_with_their_dates():
    paragraphs = _facts(
        facts=None,
        prior_interruptions=[
            {"kind": "demand_delivered", "day": "2026-08-15"},
            {"kind": "partial_payment", "day": "2026-05-01"},
            {"kind": "demand_delivered", "day": "2026-03-02"},
        ],
    )
    assert (
        "借款到期后，被告张伟未依约清偿，原告刘芳于2026年3月2日、2026年8月15日向其催收，仍未履行。"
    ) in paragraphs


def test_without_a_demand_told_or_recorded_none_is_asserted():
    paragraphs = _facts(facts=None, prior_interruptions=[])
    assert "借款到期后，被告张伟未依约清偿，至今仍未履行还款义务。" in paragraphs
    assert not any("催" in p for p in paragraphs)


def test_an_organisation_plaintiffs_representative_is_asked_for_the_position():
    data = load_fixture("civil_complaint", "valid", "organisation_plaintiff_without_position")
    problems = COMPLAINT.evaluate(COMPLAINT.parse(data), RuleOptions()).problems
    (warning,) = [p for p in problems if p.code == "position_missing"]
    assert warning.loc == ("plaintiffs", 0, "party", "representative_position")
    assert warning.message == (
        "起诉状应写明深圳市恒信商贸有限公司的法定代表人陈建国的职务"
        "（《中华人民共和国民事诉讼法》第一百二十四条第一项）"
    )
    data["plaintiffs"][0]["party"]["representative_position"] = "执行董事"
    problems = COMPLAINT.evaluate(COMPLAINT.parse(data), RuleOptions()).problems
    assert "position_missing" not in [p.code for p in problems]
