"""Interest the instrument awards and the application leaves out is warned of: the
applicant may enforce a part only, but not without being told (enforcement_interest)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from tests.enforcement_cases import assess
from tests.enforcement_cases import fixture as _fixture
from tests.support import printed_copy

CODE = "awarded_interest_unclaimed"


def _warned(data) -> list:
    return [p for p in assess(data).problems if p.code == CODE]


def _without_interest(data: dict) -> dict:
    for key in ("interest", "interest_note", "interest_to_payment", "interest_method"):
        data["outstanding"].pop(key, None)
    return data


def test_a_judgment_awarding_interest_with_none_claimed_is_warned_at_the_interest():
    # a fixed sum, no method to run it by: not computed, warned, and the request for the
    # delay interest does not point to a method nothing claims
    data = _without_interest(_fixture("judgment_first_instance"))
    data["title"]["operative_part"] = (
        "被告张伟于本判决生效之日起十日内偿还原告刘芳借款本金100,000元及利息5,000元；"
        "案件受理费1,332.49元由被告张伟负担。"
    )
    (warning,) = _warned(data)
    assert warning.loc == ("outstanding", "interest")
    assert warning.message.startswith("法律文书确定的给付内容包括利息，申请事项未列明利息")
    printed = printed_copy("enforcement_application", data)
    assert "此后继续计算至实际履行完毕之日。" in printed
    assert "迟延履行期间的一般债务利息按法律文书确定的方法计算" not in printed


def test_interest_running_to_payment_by_the_judgments_method_is_claimed_computed():
    # 「…利息（以100,000元为基数，按年利率3.45%自2025年1月11日起计算至实际清偿之日止）」,
    # none typed: 100,000 × 3.45% × 679 / 365 = 6,417.95 (2025-01-11 to 2026-11-20)
    data = _without_interest(_fixture("judgment_first_instance"))
    problems = {p.code: p for p in assess(data).problems}
    assert CODE not in problems
    told = problems["awarded_interest_computed"]
    assert told.loc == ("outstanding", "interest")
    assert "计算为人民币6,417.95元" in told.message
    printed = printed_copy("enforcement_application", data)
    assert (
        "利息人民币6,417.95元（大写：陆仟肆佰壹拾柒元玖角伍分）（以100,000.00元为基数，按年利率"
        "3.45%自2025年1月11日起计至实际清偿之日止，暂计至2026年11月20日，共679日）；以上合计"
        "人民币106,417.95元"
    ) in printed
    assert "；迟延履行期间的一般债务利息按法律文书确定的方法计算。" in printed


def test_interest_after_a_partial_payment_runs_on_the_principal_left_from_the_next_day():
    # 20,000 paid on 2025-06-01 cleared the interest to that day (1,342.19) and 18,657.81 of
    # the principal: 81,342.19 × 3.45% × 537 / 365 = 4,128.73 (2025-06-02 to 2026-11-20)
    base, days = Decimal("81342.19"), (date(2026, 11, 20) - date(2025, 6, 2)).days + 1
    expected = (base * Decimal("0.0345") * days / 365).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert (days, expected) == (537, Decimal("4128.73"))
    data = _fixture("judgment_partly_performed")
    assert [p.code for p in assess(data).problems] == ["awarded_interest_computed"]
    printed = printed_copy("enforcement_application", data)
    assert (
        "请求强制执行被执行人张伟向申请执行人支付借款本金人民币81,342.19元（大写：捌万壹仟叁佰"
        "肆拾贰元壹角玖分）；利息人民币4,128.73元（大写：肆仟壹佰贰拾捌元柒角叁分）（以81,342.19元"
        "为基数，按年利率3.45%自2025年6月2日起计至实际清偿之日止，暂计至2026年11月20日，共537日）；"
        "以上合计人民币85,470.92元（大写：捌万伍仟肆佰柒拾元玖角贰分）。"
    ) in printed


def test_claimed_interest_draws_no_warning_and_is_printed():
    data = _fixture("judgment_first_instance")
    assert _warned(data) == []
    assert "利息人民币6,417.95元" in printed_copy("enforcement_application", data)


def test_a_rejected_claim_to_interest_awards_none_and_is_not_warned():
    data = _without_interest(_fixture("judgment_first_instance"))
    data["title"]["operative_part"] = (
        "被告张伟于本判决生效之日起十日内偿还原告刘芳借款本金100,000元；"
        "驳回原告刘芳要求支付利息的诉讼请求；案件受理费1,332.49元由被告张伟负担。"
    )
    assert _warned(data) == []


def test_the_instruments_own_name_for_it_is_used():
    data = _without_interest(_fixture("judgment_first_instance"))
    data["title"]["operative_part"] = data["title"]["operative_part"].replace(
        "及利息", "及资金占用费"
    )
    (warning,) = _warned(data)
    assert "包括资金占用费，申请事项未列明资金占用费" in warning.message


def test_a_notarial_instrument_claims_its_running_interest():
    data = _fixture("notarial_certificate_applied_in_time")
    assert _warned(data) == []
    text = printed_copy("enforcement_application", data)
    assert "利息人民币65,095.89元" in text
    assert "按年利率12%自2025年7月1日起计至实际清偿之日止" in text
