"""The installment agreement's guarantor: who may guarantee, and the original contract's
guarantors whom its new terms reach (民法典 arts. 683, 695; 公司法 art. 15)."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

DOC = registry.get("installment_agreement")
MONTHLY = load_fixture("installment_agreement", "valid", "monthly_with_guarantor")
JOINED = load_fixture(
    "installment_agreement", "valid", "original_guarantor_joins_after_limitation_may_have_run"
)
NOT_SIGNING = load_fixture(
    "installment_agreement", "valid", "company_guarantor_original_guarantor_not_signing"
)
ORGAN = load_fixture("installment_agreement", "invalid", "guarantor_is_a_state_organ")


def _problems(data):
    result = DOC.assess(DOC.parse(data), RuleOptions())
    return [(p.severity, p.loc, p.code) for p in result.problems]


def _with_guarantor_code(uscc):
    data = copy.deepcopy(ORGAN)
    data["guarantor"]["uscc"] = uscc
    return data


def test_a_state_organ_may_not_guarantee():
    assert ("error", ("guarantor",), "guarantor_not_allowed") in _problems(ORGAN)


def test_a_public_institution_is_warned_and_a_company_asked_for_its_resolution():
    institution = _problems(_with_guarantor_code("12440300455811234Q"))
    assert ("warning", ("guarantor",), "guarantor_may_be_public_interest") in institution
    assert not [p for p in institution if p[0] == "error"]
    company = _problems(NOT_SIGNING)
    assert ("warning", ("guarantor_resolution",), "guarantee_resolution") in company


def test_a_person_guarantor_raises_none_of_the_organisation_rules():
    codes = {code for _, _, code in _problems(MONTHLY)}
    assert not codes & {
        "guarantor_not_allowed",
        "guarantee_resolution",
        "original_guarantor_not_signing",
    }


def test_a_guarantor_of_the_contract_who_does_not_sign_is_warned_at_its_name():
    problems = _problems(NOT_SIGNING)
    assert ("warning", ("origin_guarantors", 0), "original_guarantor_not_signing") in problems
    (message,) = [
        p.message
        for p in DOC.assess(DOC.parse(NOT_SIGNING), RuleOptions()).warnings
        if p.code == "original_guarantor_not_signing"
    ]
    assert "保证人林海未作为丙方签署本协议" in message and "第六百九十五条" in message
    text = printed_copy("installment_agreement", NOT_SIGNING)
    assert (
        "本协议系乙方清偿《设备买卖合同》项下债务的安排，不消灭该合同项下的原债权债务；除本协议"
        "另有约定外，甲方依该合同及其担保享有的权利不因本协议而受影响。" in text
    )
    assert "丙方系《设备买卖合同》的保证人" not in text


def test_the_original_guarantor_signing_as_third_party_consents_in_writing():
    assert "original_guarantor_not_signing" not in {c for _, _, c in _problems(JOINED)}
    text = printed_copy("installment_agreement", JOINED)
    assert (
        "丙方系《借款合同》的保证人，已知悉并书面同意本协议对该合同项下债务的履行期限、还款方式等"
        "所作的变更。丙方自愿为乙方在本协议项下的全部债务" in text
    )


def test_without_original_guarantors_the_agreement_reads_as_before():
    text = printed_copy("installment_agreement", MONTHLY)
    assert "不消灭该合同项下的原债权债务" not in text
    assert "第五条　连带责任保证\n丙方自愿为乙方在本协议项下的全部债务" in text


CONFIRMATION = registry.get("debt_confirmation")
CONFIRMED_PLAN = load_fixture(
    "debt_confirmation", "valid", "plan_guarantor_of_the_loan_not_signing"
)


def _confirmation_warnings(data):
    result = CONFIRMATION.assess(CONFIRMATION.parse(data), RuleOptions())
    assert result.errors == []
    return {(p.loc, p.code): p.message for p in result.warnings}


def test_a_confirmations_plan_past_the_due_date_warns_of_the_loans_guarantor():
    warnings = _confirmation_warnings(CONFIRMED_PLAN)
    message = warnings[(("origin_guarantors", 0), "original_guarantor_not_signing")]
    assert (
        "本确认书约定的还款日期晚于《借款合同》约定的履行期限，该合同的保证人刘芳未签署" in message
    )
    assert "保证期间不受影响" in message and "第六百九十五条" in message


def test_a_confirmation_without_a_promise_changes_no_term_and_warns_of_no_guarantor():
    data = copy.deepcopy(CONFIRMED_PLAN)
    data.pop("repayment_plan")
    data.pop("payment_account")
    codes = {code for _, code in _confirmation_warnings(data)}
    assert "original_guarantor_not_signing" not in codes
