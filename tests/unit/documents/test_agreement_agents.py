"""An organisation signs an agreement by its legal representative or by an agent it
authorised (委托代理人, 民法典 arts. 61, 162, 165, 170, 171): the party's lines name the
agent, the signing line names the role, and the user is warned to attach the
authorisation."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, normalize, pdf_pages_text

CONFIRMATION = registry.get("debt_confirmation")
AGREEMENT = registry.get("installment_agreement")
BY_AGENT = load_fixture("debt_confirmation", "valid", "company_debtor_signed_by_authorised_agent")
CREDITOR_AGENT = load_fixture(
    "installment_agreement", "valid", "creditor_signs_by_authorised_agent"
)
COMPANY_GUARANTOR = load_fixture(
    "installment_agreement", "valid", "company_guarantor_original_guarantor_not_signing"
)
WRONG = load_fixture(
    "installment_agreement", "invalid", "agent_for_a_person_and_the_representative_as_agent"
)


def _problems(doc_type, data):
    return doc_type.assess(doc_type.parse(data), RuleOptions()).problems


def _text(service, type_name, data) -> str:
    pdf = service.render(type_name, data, "pdf").content
    return normalize("".join(pdf_pages_text(pdf)))


def test_a_company_debtor_signing_by_its_agent_names_the_agent_and_the_role(service):
    text = _text(service, "debt_confirmation", BY_AGENT)
    assert "法定代表人：林海委托代理人：陈晓梅（财务经理）甲乙双方于" in text
    # the creditor signs by its legal representative, the debtor by the agent
    assert "甲方（债权人）：中国某某机械进出口有限公司盖章：＿＿＿＿＿＿＿＿法定代表人签字" in text
    assert (
        "乙方（债务人）：福州闽江建材有限公司盖章：＿＿＿＿＿＿＿＿委托代理人（陈晓梅）签字" in text
    )
    # the confirmation itself refers to the authorisation the agent signs on
    assert "乙方委托代理人陈晓梅凭乙方出具的授权委托书（附后）签署本确认书。" in text


def test_the_agent_warns_to_attach_the_authorisation_at_its_field():
    (warning,) = [p for p in _problems(CONFIRMATION, BY_AGENT) if p.code == "agent_authorisation"]
    assert warning.severity == "warning" and warning.loc == ("debtor_agent",)
    assert "委托代理人陈晓梅" in warning.message and "授权委托书" in warning.message
    assert "签署本确认书" in warning.message and "第一百六十五条" in warning.message


def test_without_an_agent_nothing_is_warned_and_the_representative_signs():
    data = copy.deepcopy(BY_AGENT)
    del data["debtor_agent"]
    assert "agent_authorisation" not in {p.code for p in _problems(CONFIRMATION, data)}
    context = CONFIRMATION.build_context(
        CONFIRMATION.parse(data), CONFIRMATION.assess(CONFIRMATION.parse(data), RuleOptions())
    )
    assert [s["representative_title"] for s in context["signers"]] == ["法定代表人", "法定代表人"]


def test_the_creditor_and_a_company_guarantor_may_each_sign_by_an_agent(service):
    text = _text(service, "installment_agreement", CREDITOR_AGENT)
    assert "联系电话：0755-83216688委托代理人：刘洋（法务专员）乙方（债务人）" in text
    assert "甲方：深圳市恒信商贸有限公司盖章：＿＿＿＿＿＿＿＿委托代理人（刘洋）签字" in text
    assert "甲方委托代理人刘洋凭甲方出具的授权委托书（附后）签署本协议。" in text
    data = copy.deepcopy(COMPANY_GUARANTOR)
    data["guarantor_agent"] = {"name": "郑凯"}
    problems = _problems(AGREEMENT, data)
    assert ("guarantor_agent",) in {p.loc for p in problems if p.code == "agent_authorisation"}
    signers = AGREEMENT.build_context(
        AGREEMENT.parse(data), AGREEMENT.assess(AGREEMENT.parse(data), RuleOptions())
    )["signers"]
    assert [s["representative_title"] for s in signers] == [
        "法定代表人",
        "法定代表人",
        "委托代理人（郑凯）",
    ]


def test_a_person_has_no_agent_and_the_representative_is_no_agent_of_their_own_company():
    errors = {(p.loc, p.code) for p in _problems(AGREEMENT, WRONG) if p.severity == "error"}
    assert errors == {
        (("creditor_agent", "name"), "agent_is_representative"),
        (("debtor_agent",), "agent_for_person"),
    }


def test_a_guarantors_agent_without_a_guarantor_is_refused():
    data = copy.deepcopy(CREDITOR_AGENT)
    del data["guarantor"]
    data["guarantor_agent"] = {"name": "郑凯"}
    codes = {(p.loc, p.code) for p in _problems(AGREEMENT, data) if p.severity == "error"}
    assert (("guarantor_agent",), "no_guarantor") in codes
