"""A sued guarantor's 保证期间 when the creditor declared the debt due early (加速到期): it
runs from the day the whole debt fell due as the complaint pleads it (民法典 art. 692(2));
a maximum guarantee's from the day its debts were fixed once they were all due
(法释〔2020〕28号 art. 30). No article settles acceleration, so a guarantor freed on one
reading and not on the other is a warning; freed on both, the complaint is refused."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
MAXIMUM = load_fixture("civil_complaint", "valid", "narrative_accelerated_maximum_guarantee")
NOT_ASKED = load_fixture("civil_complaint", "valid", "narrative_accelerated_guarantor_not_asked")
LOC = ("defendants", 1, "guarantee")


def _problems(data: dict) -> dict[str, object]:
    return {p.code: p for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems}


def _guarantee_fact(data: dict) -> str:
    text = printed_copy("civil_complaint", data)
    start = text.index("被告李秀英为上述债务提供")
    return text[start : text.index("\n", start)]


def test_a_maximum_guarantee_fixed_by_the_acceleration_runs_from_that_day():
    fact = _guarantee_fact(MAXIMUM)
    assert "担保的债权已于2025年12月10日确定（新的债权不可能发生" in fact
    # from the day the claims were fixed, all due by then: not from the agreed 2027-01-10
    assert fact.endswith(
        "保证合同未约定保证期间，依照《中华人民共和国民法典》第六百九十二条第二款，保证期间为"
        "主债务经宣布提前到期之日（2025年12月10日）起六个月，即至2026年6月10日；"
        "原告已于2025年12月15日要求被告李秀英承担保证责任。"
    )
    assert "guarantee_period_after_acceleration" not in _problems(MAXIMUM)
    # not accelerated, the period runs from the last debt's due date (art. 30)
    data = copy.deepcopy(MAXIMUM)
    del data["acceleration"], data["defendants"][1]["maximum_fixing"]
    data["contract"]["due_date"] = "2026-01-10"
    data["defendants"][1]["guarantee"]["maximum"]["period_end"] = "2026-06-30"
    data["defendants"][1]["guarantee"]["claimed_on"] = "2026-07-15"
    assert _guarantee_fact(data).endswith(
        "保证期间为债权确定之日（2026年6月30日，《最高人民法院关于适用〈中华人民共和国民法典〉"
        "有关担保制度的解释》第三十条）起六个月，即至2026年12月30日；"
        "原告已于2026年7月15日要求被告李秀英承担保证责任。"
    )


def test_a_guarantor_not_asked_after_the_acceleration_is_warned_and_no_period_is_stated():
    warning = _problems(NOT_ASKED)["guarantee_period_after_acceleration"]
    assert warning.loc == LOC and warning.severity == "warning"
    head = "主债务已于2025年12月10日宣布提前到期（约定的还款日期为2027年1月10日）"
    assert head in warning.message
    assert "自宣布提前到期之日起算，保证人李秀英的保证期间已于2026年6月10日届满" in warning.message
    assert "主债务经宣布提前到期之日（2025年12月10日）起六个月" in warning.message
    assert "自约定的还款日期起算，保证期间至2027年7月10日，起诉时尚未届满" in warning.message
    assert "裁判观点不一" in warning.message and "第六百九十二条第二款" in warning.message
    assert "向保证人主张保证责任的日期" in (warning.hint or "")
    fact = _guarantee_fact(NOT_ASKED)
    assert fact == (
        "被告李秀英为上述债务提供保证（2025年1月10日签订的《保证合同》），保证方式为连带责任保证。"
    )


def test_a_guarantee_lapsed_on_both_readings_is_refused():
    data = copy.deepcopy(NOT_ASKED)
    data["filing_date"] = "2027-08-02"
    problems = [p for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems if p.loc == LOC]
    assert [(p.severity, p.code) for p in problems] == [("error", "guarantee_period_lapsed")]
    assert "保证期间已于2026年6月10日届满" in problems[0].message


def test_a_demand_after_the_acceleration_keeps_the_guarantee_on_the_pleaded_reading():
    # asked within the period counted from the acceleration, sued after the period counted
    # from the agreed due date would have ended: the other reading frees the guarantor
    data = copy.deepcopy(NOT_ASKED)
    data["filing_date"] = "2027-08-02"
    data["defendants"][1]["guarantee"]["claimed_on"] = "2025-12-15"
    data["evidence"][4]["purpose"] += "，并于2025年12月15日要求被告李秀英承担保证责任"
    warning = _problems(data)["guarantee_period_after_acceleration"]
    assert "原告已于2025年12月15日在该期间内主张权利" in warning.message
    assert "自约定的还款日期起算，保证人李秀英的保证期间已于2027年7月10日届满" in warning.message
    assert warning.message.endswith("起诉状按宣布提前到期之日起算写明保证期间")
    assert _guarantee_fact(data).endswith(
        "即至2026年6月10日；原告已于2025年12月15日要求被告李秀英承担保证责任。"
    )
