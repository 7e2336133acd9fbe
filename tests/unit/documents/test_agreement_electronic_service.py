"""An agreement whose service addresses list an e-mail says that the party listing it
consents to electronic service (民事诉讼法 art. 90: a court serves electronically only
with the recipient's consent); one listing none says nothing of it."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
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


SERVICE = (
    "各方确认以下地址为本协议履行及争议解决中相关文书的送达地址，适用于协商、仲裁、诉讼"
    "（包括一审、二审、再审）及执行各阶段，人民法院、仲裁机构可按该地址送达诉讼、仲裁文书。"
)


def test_a_settlement_agrees_service_addresses_as_the_installment_agreement_does():
    # 法发〔2016〕21号 §3; 法发〔2017〕19号 art. 8(1): the clause the installment agreement prints
    data = load_fixture("settlement_agreement", "valid", "service_addresses_with_e_mails")
    printed = printed_copy("settlement_agreement", data)
    assert "第七条　送达地址" in printed and "第八条　其他" in printed
    assert SERVICE in printed
    assert (
        "乙方（张伟）：北京市朝阳区望京街道阜通东大街6号院3号楼1205室；电话：13800138000；"
        in printed
    )
    assert "电子邮箱：lixiuying@example.cn" in printed
    assert "甲方（刘芳）：上海市浦东新区世纪大道100号；电话：13900001111" in printed  # domicile
    assert "乙方、丙方同意人民法院、仲裁机构通过上述各自的电子邮箱以电子方式送达" in printed


def test_a_settlement_without_a_guarantor_agrees_no_guarantors_address():
    data = load_fixture("settlement_agreement", "valid", "before_suit_paid_at_once")
    printed = printed_copy("settlement_agreement", data)
    assert "双方确认以下地址为本协议履行" in printed and "书面通知对方" in printed
    assert "丙方" not in printed and "电子方式送达" not in printed
    data["guarantor_service"] = {"address": "福建省福州市鼓楼区五四路128号"}
    doc_type = registry.get("settlement_agreement")
    problems = doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True)).problems
    (error,) = [p for p in problems if p.severity == "error"]
    assert (error.loc, error.code) == (("guarantor_service",), "no_guarantor")
    assert error.message == "没有保证人，无需填写丙方送达地址"
