"""Who speaks in a letter and how the debt's instrument came to be: a natural person
creditor writes as 本人, a company as 我方; an IOU (借条) is issued by the borrower, a
contract signed by both."""

from __future__ import annotations

import copy

from tests.support import load_fixture, printed_copy

MINIMAL = load_fixture("demand_letter", "valid", "private_lending_minimal")
COMPANY = load_fixture("demand_letter", "valid", "person_debtor")
FIRM = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")


def test_a_person_creditor_writes_in_the_first_person_throughout():
    printed = printed_copy("demand_letter", MINIMAL)
    assert "您尚欠本人款项明细如下" in printed
    assert "支付至本人以下账户" in printed and "本人将依法向有管辖权的人民法院提起诉讼" in printed
    assert "我方" not in printed


def test_a_company_creditor_is_named_once_then_called_we():
    printed = printed_copy("demand_letter", COMPANY)
    assert "深圳市恒信商贸有限公司（以下简称“我方”）与您于2025年1月10日签订《借款合同》" in printed
    assert "本人将依法" not in printed


def test_an_iou_is_issued_by_the_borrower_and_its_terms_are_the_ious():
    printed = printed_copy("demand_letter", MINIMAL)
    assert "您于2025年5月1日向本人出具《借条》。根据《借条》约定，您应于2026年5月1日前" in printed
    assert "签订《借条》" not in printed and "根据合同约定" not in printed


def test_a_summary_in_the_forms_voice_speaks_as_the_person():
    data = copy.deepcopy(MINIMAL)
    data["contract"]["summary"] = "我方已于2025年5月1日通过银行转账向您出借人民币50,000元"
    assert "本人已于2025年5月1日通过银行转账向您出借人民币50,000元。" in printed_copy(
        "demand_letter", data
    )


def test_the_firm_says_the_iou_was_issued_to_its_client():
    data = copy.deepcopy(FIRM)
    data["contract"].update(name="借条", number=None)
    printed = printed_copy("lawyer_letter", data)
    assert "您于2025年1月10日向委托人出具《借条》。" in printed
