"""Interest the instrument awards and the application leaves out is warned of: the
applicant may enforce a part only, but not without being told (enforcement_interest)."""

from __future__ import annotations

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
    (warning,) = _warned(_without_interest(_fixture("judgment_first_instance")))
    assert warning.loc == ("outstanding", "interest")
    assert warning.message.startswith("法律文书确定的给付内容包括利息，申请事项未列明利息")


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
