"""A payment date on a rest day or holiday in an agreement that says 不予顺延 is warned about
at its own field, with the working day before it; the date itself is printed as chosen."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, normalize, pdf_pages_text

HOLIDAY = load_fixture("installment_agreement", "valid", "rows_on_national_day_and_a_sunday")
WORKDAYS = load_fixture("installment_agreement", "valid", "rows_on_working_days")
PLAN = load_fixture("debt_confirmation", "valid", "person_debtor_with_plan")
CODES = ("due_on_rest_day", "holiday_calendar_missing")


def _warned(type_name, data) -> dict[tuple, str]:
    doc = registry.get(type_name)
    result = doc.assess(doc.parse(data), RuleOptions(calendar_fallback=True))
    return {(p.loc, p.code): p.message for p in result.warnings if p.code in CODES}


def test_a_date_in_the_national_day_holiday_names_it_and_the_working_day_before(service):
    warned = _warned("installment_agreement", HOLIDAY)
    first = warned[(("schedule", "rows", 0, "due_date"), "due_on_rest_day")]
    assert first.startswith("第1期还款日期2026年10月2日为国庆节假期（星期五）")
    assert "不予顺延" in first and "实际最迟应于2026年9月30日（星期三）还款" in first
    sunday = warned[(("schedule", "rows", 1, "due_date"), "due_on_rest_day")]
    assert sunday.startswith("第2期还款日期2026年11月15日为星期日")
    assert "2026年11月13日（星期五）" in sunday
    assert "尚未公布" not in first + sunday  # 2026 is in the official calendar
    # the dates are printed as chosen, with the clause that they do not move
    pdf = service.render("installment_agreement", HOLIDAY, "pdf").content
    text = normalize("".join(pdf_pages_text(pdf)))
    assert "2026年10月2日" in text and "2026年11月15日" in text and "2026年9月30日" not in text
    assert "为法定休假日（包括休息日和法定节假日）的，不予顺延，乙方应于该日或之前还款。" in text


def test_working_days_are_not_warned_about():
    assert _warned("installment_agreement", WORKDAYS) == {}


def test_a_year_without_the_official_calendar_says_the_holidays_were_not_checked():
    warned = _warned("debt_confirmation", PLAN)
    sunday = warned[(("repayment_plan", 1, "due_date"), "due_on_rest_day")]
    assert sunday.startswith("第2期还款日期2027年1月31日为星期日")
    assert "2027年1月29日（星期五）" in sunday
    assert "2027年的法定节假日和调休安排尚未公布，未能按其核对节假日" in sunday
    # a weekday of 2027 is listed once, as not checked, at its own field
    data = copy.deepcopy(PLAN)
    data["repayment_plan"][1]["due_date"] = "2027-02-10"  # a Wednesday after 春节
    warned = _warned("debt_confirmation", data)
    missing = warned[(("repayment_plan", 1, "due_date"), "holiday_calendar_missing")]
    assert "未能核对第2期还款日期2027年2月10日是否为法定节假日" in missing
    assert (("repayment_plan", 1, "due_date"), "due_on_rest_day") not in warned


def test_a_statutory_holiday_of_a_later_year_is_known_from_the_rules():
    data = copy.deepcopy(PLAN)
    data["repayment_plan"][1]["due_date"] = "2027-02-08"  # 正月初三, a Monday
    message = _warned("debt_confirmation", data)[
        (("repayment_plan", 1, "due_date"), "due_on_rest_day")
    ]
    assert "为春节（星期一，法定节假日）" in message


def test_the_one_payment_day_of_a_confirmation_is_checked_at_pay_by():
    data = load_fixture("debt_confirmation", "valid", "company_debtor_pays_at_once")
    message = _warned("debt_confirmation", data)[(("pay_by",), "due_on_rest_day")]
    assert message.startswith("还款日期2026年10月31日为星期六")
    assert "本确认书约定还款日期为法定休假日的不予顺延" in message


def test_a_settlements_generated_dates_are_warned_at_the_first_date():
    data = load_fixture("settlement_agreement", "valid", "withdraw_after_the_first_payment")
    warned = _warned("settlement_agreement", data)
    loc = ("schedule", "generate", "first_due")
    assert warned[(loc, "due_on_rest_day")].startswith("第")
    assert "付款日期" in warned[(loc, "holiday_calendar_missing")]
