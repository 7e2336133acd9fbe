"""The interest a complaint claims against the interest its own facts say was paid (还息至):
term interest runs from the day after, a claim from before it is refused in both layouts,
and the facts tell what was paid, then the acceleration, then the default, once each."""

from __future__ import annotations

import copy
import re

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
ACCELERATED = load_fixture("civil_complaint", "valid", "narrative_accelerated_maximum_guarantee")
NOT_ASKED = load_fixture("civil_complaint", "valid", "narrative_accelerated_guarantor_not_asked")
AGAIN = load_fixture("civil_complaint", "invalid", "interest_claimed_for_days_already_paid")
EVERY_ITEM = load_fixture("civil_complaint", "valid", "elements_every_item")


def _problems(data: dict, severity: str) -> dict:
    problems = DOC.evaluate(DOC.parse(data), OPTIONS).problems
    return {p.code: p for p in problems if p.severity == severity}


def _warnings(data: dict) -> dict:
    return _problems(data, "warning")


def _errors(data: dict) -> dict:
    return _problems(data, "error")


def _facts(data: dict) -> list[str]:
    text = printed_copy("civil_complaint", data)
    return text[text.index("事实与理由：") : text.index("证据和证据来源：")].splitlines()


def test_term_interest_runs_from_the_day_after_the_interest_paid():
    text = printed_copy("civil_complaint", ACCELERATED)
    assert (
        "支付借期内利息人民币1,002.74元（大写：壹仟零贰元柒角肆分）（以100,000.00元为基数，"
        "自2025年10月11日起按年利率6%计算至2025年12月10日）；"
    ) in text
    assert "以上诉讼请求金额合计人民币114,016.44元" in text
    assert "被告张伟已支付利息至2025年10月10日。" in _facts(ACCELERATED)
    assert "interest_already_paid" not in _errors(ACCELERATED)


def test_interest_claimed_for_days_already_paid_is_refused_at_its_start():
    warning = _errors(AGAIN)["interest_already_paid"]
    assert warning.loc == ("amounts", "components", 1, "calculation", "start")
    assert (
        "「借期内利息」自2025年1月11日起计算，而借款人已支付利息至2025年10月10日（还息至）："
        "2025年1月11日至2025年10月10日的利息已经支付"
    ) in warning.message
    assert "前后矛盾" in warning.message
    assert "第六百七十四条" in warning.message and "第十三条" in warning.message
    assert "计息首日改为2025年10月11日" in (warning.hint or "")


def test_the_element_form_is_read_by_the_same_check():
    assert "interest_already_paid" not in _errors(EVERY_ITEM)  # paid to 12-03, from 12-04
    data = copy.deepcopy(EVERY_ITEM)
    data["loan"]["interest_paid_until"] = "2025-12-05"
    warning = _errors(data)["interest_already_paid"]
    assert warning.loc == ("amounts", "components", 1, "calculation", "start")
    assert "2025年12月4日至2025年12月5日的利息已经支付" in warning.message


def test_overdue_interest_after_the_interest_paid_is_not_questioned():
    data = copy.deepcopy(AGAIN)
    del data["amounts"]["components"][1]  # only the overdue interest from 2025-12-11
    assert "interest_already_paid" not in _errors(data)


def test_the_acceleration_is_told_once_after_what_was_paid():
    # the user's own paragraph tells the acceleration: the composed sentence does not
    facts = "\n".join(_facts(NOT_ASKED))
    assert len(re.findall("于2025年12月10日(?:依约)?宣布借款", facts)) == 1
    assert "借款到期后" not in facts
    # without it, the composed sentence tells it, after the interest paid
    data = copy.deepcopy(ACCELERATED)
    data["facts"] = "被告张伟自2025年11月起未按月付息。"
    assert (
        "被告张伟已支付利息至2025年10月10日；依《借款合同》第八条约定，原告刘芳于2025年12月10日"
        "宣布借款全部提前到期，被告张伟未依约清偿，原告刘芳于2026年8月17日向其催收，仍未履行。"
    ) in _facts(data)
    assert "借款到期后" not in "\n".join(_facts(data))
