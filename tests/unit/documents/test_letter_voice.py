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
    assert "您于2025年5月1日向本人出具《借条》。您向本人借款人民币50,000.00元" in printed
    assert "交付。根据《借条》约定，您应于2026年5月1日（含当日）前" in printed
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


def test_a_person_signing_the_own_letter_is_not_named_twice():
    printed = printed_copy("demand_letter", MINIMAL)
    assert "刘芳（签字）" in printed and "签署人：" not in printed
    # the signer beside the seal, cued to sign, as the lawyer letter's 承办律师
    assert "法定代表人：陈建国（签字）" in printed_copy("demand_letter", COMPANY)


def test_a_letter_with_calculation_sheets_lists_them_above_the_signature():
    data = load_fixture("demand_letter", "valid", "computed_interest")
    printed = printed_copy("demand_letter", data)
    assert printed.index("附件：计算明细") < printed.index("深圳市恒信商贸有限公司（盖章）")
    assert printed.index("深圳市恒信商贸有限公司（盖章）") < printed.index("附：计算明细")
    assert "附件：" not in printed_copy("demand_letter", COMPANY)  # nothing to enclose
    firm = copy.deepcopy(FIRM)
    firm["amounts"] = copy.deepcopy(data["amounts"])
    printed = printed_copy("lawyer_letter", firm)
    assert printed.index("特此函告。") < printed.index("附件：计算明细") < printed.index("（盖章）")


def test_the_lawyer_letter_says_whom_to_call_and_copies_below_the_signature():
    printed = printed_copy("lawyer_letter", FIRM)
    assert (
        "请于上述期限内与本所王立新律师（联系电话：010-65881234，电子邮箱：office@mingzheng-law."
        "example.cn）联系并提供相应依据"
    ) in printed
    assert printed.endswith("2026年11月20日\n抄送：委托人深圳市恒信商贸有限公司")
    assert "附注" not in printed
    legacy = copy.deepcopy(FIRM)  # the note as the field once suggested it
    legacy["cc_note"] = "本函同时抄送委托人深圳市恒信商贸有限公司"
    assert printed_copy("lawyer_letter", legacy).endswith("抄送：委托人深圳市恒信商贸有限公司")
