"""An agreement whose service addresses list an e-mail says that the party listing it
consents to electronic service (民事诉讼法 art. 90: a court serves electronically only
with the recipient's consent); one listing none says nothing of it."""

from __future__ import annotations

import copy

from tests.support import load_fixture, printed_copy

CONSENT = (
    "同意人民法院、仲裁机构通过上述电子邮箱以电子方式送达诉讼、仲裁文书"
    "（包括判决书、裁定书、调解书），送达信息到达该电子邮箱所在系统之日为送达之日。"
)


def test_the_debtor_listing_an_e_mail_consents_to_electronic_service():
    for type_name, name in (
        ("debt_confirmation", "agreed_court_rate_and_service_address"),
        ("installment_agreement", "monthly_with_guarantor"),
    ):
        printed = printed_copy(type_name, load_fixture(type_name, "valid", name))
        assert "电子邮箱：zhangwei@example.c" in printed
        assert f"乙方{CONSENT}" in printed, name


def test_several_parties_listing_e_mails_consent_each_for_its_own():
    data = copy.deepcopy(load_fixture("installment_agreement", "valid", "monthly_with_guarantor"))
    data["guarantor_service"] = {
        "address": "广东省深圳市南山区科技园南区深南大道9988号",
        "email": "liufang@example.cn",
    }
    printed = printed_copy("installment_agreement", data)
    assert "乙方、丙方同意人民法院、仲裁机构通过上述各自的电子邮箱以电子方式送达" in printed


def test_no_e_mail_no_consent():
    for type_name, name in (
        ("debt_confirmation", "person_debtor_with_plan"),
        ("installment_agreement", "rows_on_working_days"),
    ):
        printed = printed_copy(type_name, load_fixture(type_name, "valid", name))
        assert "电子邮箱" not in printed and "电子方式送达" not in printed, name
