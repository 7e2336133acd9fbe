"""The agreements said as a judge reads them once the debt's limitation period may have
run: the debtor agrees to pay and pleads no time bar, a guarantor knows it."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, normalize, pdf_pages_text, printed_copy

CONFIRMED_LATE = load_fixture(
    "debt_confirmation", "valid", "confirmed_after_limitation_may_have_run"
)
CONFIRMED_WITH_PLAN = load_fixture("debt_confirmation", "valid", "person_debtor_with_plan")
JOINED_LATE = load_fixture(
    "installment_agreement", "valid", "original_guarantor_joins_after_limitation_may_have_run"
)
MONTHLY = load_fixture("installment_agreement", "valid", "monthly_with_guarantor")

WAIVER = (
    "乙方知悉上述债务的诉讼时效期间可能已经届满，仍同意向甲方清偿上述债务，"
    "并放弃以诉讼时效期间届满为由提出的抗辩。"
)


def _warnings(type_name, data):
    doc = registry.get(type_name)
    result = doc.assess(doc.parse(data), RuleOptions())
    assert result.errors == []
    return [(p.loc, p.code, p.message) for p in result.warnings]


def _in_time_without_a_day():
    data = copy.deepcopy(CONFIRMED_LATE)
    # a demand delivered before 2025-12-31 restarts the three years (民法典 art. 195(1))
    data["prior_interruptions"] = [{"kind": "demand_delivered", "day": "2025-06-01"}]
    del data["pay_by"]
    return data


def test_a_confirmation_without_a_plan_or_a_day_says_the_debtor_agrees_to_pay():
    text = printed_copy("debt_confirmation", _in_time_without_a_day())
    assert (
        "二、乙方确认上述债务真实、合法、有效，乙方对上述债务无任何异议，并同意向甲方清偿上述债务。"
        in text
    )


def test_a_confirmation_with_a_plan_agrees_to_pay_by_its_plan_alone():
    text = printed_copy("debt_confirmation", CONFIRMED_WITH_PLAN)
    assert "乙方对上述债务无任何异议。" in text
    assert (
        "三、乙方承诺按以下计划向甲方清偿上述债务及其利息，各期应还金额以「合计」栏为准：" in text
    )
    assert "并同意向甲方清偿" not in text and "诉讼时效" not in text


def test_a_confirmation_after_the_period_may_have_run_waives_the_time_bar_and_warns(service):
    (warning,) = [w for w in _warnings("debt_confirmation", CONFIRMED_LATE) if w[0] != ("pay_by",)]
    loc, code, message = warning
    assert (loc, code) == (("origin", "due_date"), "limitation_may_have_expired")
    assert "可能已于2025年12月31日届满" in message and "第一百九十二条第二款" in message
    pdf = service.render("debt_confirmation", CONFIRMED_LATE, "pdf").content
    text = normalize("".join(pdf_pages_text(pdf)))
    assert "三、" + WAIVER in text


def test_an_interruption_within_the_period_keeps_it_running_and_no_waiver_is_printed():
    data = _in_time_without_a_day()
    # no day to pay is warned of apart (民法典 art. 511(4))
    assert [c for _, c, _ in _warnings("debt_confirmation", data)] == ["pay_date_missing"]
    assert "诉讼时效" not in printed_copy("debt_confirmation", data)


def test_an_interruption_after_the_period_ran_restarts_nothing():
    data = copy.deepcopy(CONFIRMED_LATE)
    data["prior_interruptions"] = [{"kind": "demand_delivered", "day": "2026-02-01"}]
    assert [c for _, c, _ in _warnings("debt_confirmation", data)] == [
        "limitation_may_have_expired",
    ]
    assert WAIVER in printed_copy("debt_confirmation", data)


def test_a_confirmation_after_the_period_may_have_run_needs_a_day_to_pay():
    data = copy.deepcopy(CONFIRMED_LATE)
    del data["pay_by"]
    doc = registry.get("debt_confirmation")
    (error,) = doc.assess(doc.parse(data), RuleOptions()).errors
    assert (error.loc, error.code) == (("pay_by",), "time_barred_without_pay_date")
    assert "第一百九十二条第二款" in error.message and "第五百一十一条第四项" in error.message
    data["pay_on_notice_days"] = 15  # a day counted from a notice is no day agreed
    (error,) = doc.assess(doc.parse(data), RuleOptions()).errors
    assert error.code == "time_barred_without_pay_date"
    text = printed_copy("debt_confirmation", CONFIRMED_LATE)
    assert "乙方承诺于2026年10月30日前（含当日）一次性向甲方清偿上述全部债务。" in text
    assert "户名：中国某某机械进出口有限公司" in text


def test_an_installment_agreement_late_has_the_debtor_waive_and_the_guarantor_know(service):
    codes = [(loc, code) for loc, code, _ in _warnings("installment_agreement", JOINED_LATE)]
    assert (("origin", "due_date"), "limitation_may_have_expired") in codes
    pdf = service.render("installment_agreement", JOINED_LATE, "pdf").content
    text = normalize("".join(pdf_pages_text(pdf)))
    assert (
        "乙方知悉上述债务的诉讼时效期间可能已经届满，仍同意按本协议向甲方清偿上述债务，"
        "并放弃以诉讼时效期间届满为由提出的抗辩。第二条" in text
    )
    assert (
        "保证期间的起算日不变。丙方知悉乙方上述债务的诉讼时效期间可能已经届满，仍自愿提供本保证。"
        in text
    )


def test_an_installment_agreement_in_time_says_nothing_of_the_time_bar():
    text = printed_copy("installment_agreement", MONTHLY)
    assert "诉讼时效" not in text and "放弃" not in text


def test_interest_claimed_from_a_later_day_warns_that_its_payment_day_is_not_given():
    # the table says the interest before 2025-01-10 is paid, not when: a payment within the
    # period would have interrupted it (民法典 art. 195(2)); docgen cannot tell, so it warns
    warned = {(loc, code): m for loc, code, m in _warnings("installment_agreement", JOINED_LATE)}
    message = warned[(("prior_interruptions",), "limitation_payment_undated")]
    assert "逾期利息自2025年1月11日起计算（2025年1月10日前的利息乙方已付清）" in message
    assert "案件数据未载明乙方是否、何时支付过该利息" in message
    assert "第一百九十五条第二项" in message and "与事实不符" in message
    assert (("origin", "due_date"), "limitation_may_have_expired") in warned
    # a confirmation whose interest runs from the day after the due date is not warned
    codes = [code for _, code, _ in _warnings("debt_confirmation", CONFIRMED_LATE)]
    assert "limitation_payment_undated" not in codes


def test_interest_paid_within_the_period_keeps_it_running_and_nothing_of_a_time_bar_prints():
    data = load_fixture(
        "installment_agreement", "valid", "interest_paid_within_the_limitation_period"
    )
    assert data["prior_interruptions"] == [{"kind": "partial_payment", "day": "2025-01-10"}]
    codes = [code for _, code, _ in _warnings("installment_agreement", data)]
    assert "limitation_may_have_expired" not in codes
    assert "limitation_payment_undated" not in codes
    text = printed_copy("installment_agreement", data)
    assert "诉讼时效" not in text and "放弃" not in text
    # a payment recorded after the period ran restarts nothing: the clauses print, and the
    # payment's day is known, so no warning on it
    late = copy.deepcopy(data)
    late["prior_interruptions"] = [{"kind": "partial_payment", "day": "2025-03-01"}]
    codes = [code for _, code, _ in _warnings("installment_agreement", late)]
    assert "limitation_may_have_expired" in codes and "limitation_payment_undated" not in codes
    assert "丙方知悉乙方上述债务的诉讼时效期间可能已经届满" in printed_copy(
        "installment_agreement", late
    )
