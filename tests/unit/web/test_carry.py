"""A demand letter's shared facts carried into the next documents of the case."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.web.carry import (
    AGREEMENTS,
    ASSENTS,
    INTERRUPTED,
    PAPERS,
    RATIFIED,
    TARGETS,
    carry,
    claim_total,
    shared_facts,
    to_fill,
)
from tests.support import load_fixture, printed_copy

LETTER = load_fixture("demand_letter", "valid", "person_debtor")


@pytest.mark.parametrize("target", [t for t in (*TARGETS, *AGREEMENTS) if t != "demand_letter"])
def test_a_demand_letter_carries_its_parties_contract_and_amounts(target: str) -> None:
    carried = carry(LETTER, target)
    model = registry.get(target).model
    assert set(carried) <= set(model.model_fields), set(carried) - set(model.model_fields)
    again = shared_facts(carried)
    assert again["creditor"] == LETTER["creditor"]
    assert again["debtor"] == LETTER["debtor"]
    if target == "installment_agreement":  # its own names: 原债权依据, 确认的欠款
        assert (carried["origin"], carried["debt"]) == (LETTER["contract"], LETTER["amounts"])
    elif target != "preservation_application":
        assert again["contract"] == LETTER["contract"]
        assert again["amounts"] == LETTER["amounts"]
    # what belongs to the letter alone is not carried
    assert "letter_date" not in carried and "deadline" not in carried


def test_a_complaint_names_the_creditor_as_plaintiff_and_guarantors_as_defendants() -> None:
    guarantor = {"kind": "person", "name": "李四", "sex": "男", "address": "北京市"}
    carried = carry(dict(LETTER, guarantors=[guarantor]), "civil_complaint")
    assert carried["plaintiffs"] == [{"party": LETTER["creditor"]}]
    assert carried["defendants"] == [
        {"party": LETTER["debtor"], "role": "borrower"},
        {"party": guarantor, "role": "guarantor", "guarantee": "joint"},
    ]


def test_a_preservation_application_claims_the_letters_total() -> None:
    carried = carry(LETTER, "preservation_application")
    assert carried["claim_amount"] == carried["amount"] == "112242.38"
    assert carried["respondents"] == [LETTER["debtor"]]


def test_the_total_is_the_stated_one_or_the_sum_of_typed_amounts() -> None:
    assert claim_total({"components": [{"amount": "100"}, {"amount": "0.5"}]}) == "100.50"
    assert claim_total({"total": "7", "components": [{"amount": "1"}]}) == "7.00"
    # an interest computed from a rate is known only after validation
    assert claim_total({"components": [{"amount": "100"}, {"calculation": {}}]}) is None
    assert claim_total({"components": [{"amount": "abc"}]}) is None


COMPLAINT = load_fixture("civil_complaint", "valid", "elements_company_lender")
# what each paper asks for besides what a complaint gives it
PAPER_REST = {
    "power_of_attorney": {"sign_date": "2026-11-16"},
    "firm_letter": {
        "letter_date": "2026-11-16",
        "firm": load_fixture("firm_letter", "valid", "two_lawyers_for_a_company")["firm"],
        "lawyers": [{"name": "黄丽", "license_number": "14403201510987654"}],
    },
    "representative_certificate": {"position": "执行董事", "issue_date": "2026-11-16"},
    "service_address": {"sign_date": "2026-11-16"},
}


@pytest.mark.parametrize("target", PAPERS)
def test_a_complaint_carries_into_each_paper_which_then_needs_only_its_own_facts(target):
    carried = carry(COMPLAINT, target)
    assert carried["case"] == {
        "court": "深圳市福田区人民法院",
        "cause": "民间借贷纠纷",  # the contract's kind settles it
        "plaintiffs": ["深圳市恒信商贸有限公司"],
        "defendants": ["王磊", "福州闽江建材有限公司"],
    }
    rest = dict(PAPER_REST[target])
    if target == "service_address":
        # the complaint's recipient 李静 receives for the company: the form asks how
        assert to_fill(target, carried) == ["sign_date", "recipient_relation"]
        rest["recipient_relation"] = "法务专员"
    doc_type = registry.get(target)
    case = doc_type.parse({**carried, **rest})
    errors = [p for p in doc_type.evaluate(case, RuleOptions()).problems if p.severity == "error"]
    assert errors == []


def test_the_power_of_attorney_names_the_complaints_agent_and_authority():
    carried = carry(COMPLAINT, "power_of_attorney")
    assert carried["principal"] == COMPLAINT["plaintiffs"][0]["party"]
    assert carried["agents"] == [
        {
            "name": "黄丽",
            "kind": "lawyer",
            "firm": "广东华商律师事务所",
            "phone": "0755-83025555",
            "license_number": "14403201510987654",
        }
    ]
    assert carried["authority"] == "general"


def test_agents_the_complaint_gives_different_authorities_each_carry_their_own():
    complaint = copy.deepcopy(COMPLAINT)
    agents = complaint["plaintiffs"][0]["agents"]
    agents[0]["authority"] = "special"
    agents.append({"name": "李静", "position": "法务专员", "authority": "general"})
    carried = carry(complaint, "power_of_attorney")
    assert [(a["name"], a.get("authority")) for a in carried["agents"]] == [
        ("黄丽", "special"),
        ("李静", "general"),
    ]


def test_the_service_address_is_the_complaints():
    carried = carry(COMPLAINT, "service_address")
    service = COMPLAINT["plaintiffs"][0]["service"]
    assert (carried["party"], carried["address"], carried["recipient"]) == (
        "深圳市恒信商贸有限公司",
        service["address"],
        service["recipient"],
    )


def test_a_ward_creditors_service_address_names_its_guardian():
    complaint = copy.deepcopy(COMPLAINT)
    complaint["plaintiffs"][0]["party"] = load_fixture(
        "power_of_attorney", "valid", "ward_principal_signed_by_guardian"
    )["principal"]
    assert carry(complaint, "service_address")["guardian"] == "刘建华"
    assert "guardian" not in carry(COMPLAINT, "service_address")


def test_an_organisation_guardian_seals_the_service_address_and_its_head_signs():
    complaint = copy.deepcopy(COMPLAINT)
    ward = load_fixture("power_of_attorney", "valid", "ward_principal_signed_by_guardian")
    committee = load_fixture(
        "civil_complaint", "valid", "defendant_with_residents_committee_as_guardian"
    )["defendants"][0]["party"]["guardian"]
    complaint["plaintiffs"][0]["party"] = {**ward["principal"], "guardian": committee}
    carried = carry(complaint, "service_address")
    assert carried["guardian"] == "北京市东城区东四街道南新仓社区居民委员会"
    assert (carried["guardian_kind"], carried["guardian_representative"]) == (
        "organization",
        "赵敏",
    )


def test_a_letter_gives_the_papers_its_creditor_and_debtor_as_the_parties():
    carried = carry(LETTER, "firm_letter")
    assert carried == {
        "client": LETTER["creditor"]["name"],
        "case": {
            "cause": "民间借贷纠纷",
            "plaintiffs": [LETTER["creditor"]["name"]],
            "defendants": [LETTER["debtor"]["name"]],
        },
    }
    # the creditor, a company, certifies its legal representative; a person would not
    assert carry(LETTER, "representative_certificate")["organization"] == LETTER["creditor"]
    person = load_fixture("preservation_application", "valid", "in_suit_insurance")
    assert "organization" not in carry(person, "representative_certificate")


def test_a_service_address_received_by_the_party_itself_asks_no_relationship():
    carried = carry(COMPLAINT, "service_address")
    carried["recipient"] = carried["party"]
    assert to_fill("service_address", carried) == ["sign_date"]


# a partial payment the letter recorded, and the day the letter reached the debtor
PAID = {"kind": "partial_payment", "day": "2026-03-15"}
EARLIER = {"kind": "demand_delivered", "day": "2025-12-02"}


@pytest.mark.parametrize("target", INTERRUPTED)
def test_the_letters_interruptions_and_its_receipt_are_carried(target: str) -> None:
    letter = dict(LETTER, prior_interruptions=[PAID, EARLIER])
    carried = carry(letter, target, delivered=[date(2026, 11, 23)])
    # by day: what the letter recorded, then its own receipt
    assert carried["prior_interruptions"] == [
        EARLIER,
        PAID,
        {"kind": "demand_delivered", "day": "2026-11-23"},
    ]


def test_a_receipt_already_recorded_is_carried_once_and_none_makes_no_field() -> None:
    letter = dict(LETTER, prior_interruptions=[EARLIER])
    carried = carry(letter, "debt_confirmation", delivered=[date(2025, 12, 2)])
    assert carried["prior_interruptions"] == [EARLIER]
    assert "prior_interruptions" not in carry(LETTER, "debt_confirmation")


def test_a_complaint_and_the_court_papers_are_not_given_the_letters_interruptions() -> None:
    letter = dict(LETTER, prior_interruptions=[PAID])
    for target in ("civil_complaint", "payment_order", "preservation_application"):
        assert "prior_interruptions" not in carry(letter, target, delivered=[date(2026, 11, 23)])


# the guardian's ratification and the debtor's own once of age make the contract valid:
# facts of the contract, carried from letter to letter like the interruptions
GUARDIAN_RATIFIED = load_fixture("demand_letter", "valid", "minor_debtor_ratified_by_guardian")
SELF_RATIFIED = load_fixture(
    "lawyer_letter", "valid", "debtor_ratified_after_majority_with_guarantor"
)


OWN = {"demand_letter": "person_debtor", "lawyer_letter": "person_debtor_auto_number"}
"""A letter of each type, whose own facts (date, deadline, sender) fill the carried case."""


def test_the_letters_that_state_an_assent_are_the_types_that_record_one() -> None:
    recording = {
        doc_type.name
        for doc_type in registry.all_types()
        if set(ASSENTS) <= set(doc_type.model.model_fields)
    }
    assert recording == set(RATIFIED)


@pytest.mark.parametrize(
    ("case", "key"),
    [(GUARDIAN_RATIFIED, "guardian_assent"), (SELF_RATIFIED, "adult_ratification")],
)
@pytest.mark.parametrize("target", RATIFIED)
def test_the_assent_is_carried_and_the_next_letter_asks_no_ratification(case, key, target):
    carried = carry(case, target)
    assert carried[key] == case[key]
    # the user gives what is the next letter's own: it then states the contract as valid
    own = load_fixture(target, "valid", OWN[target])
    mine = (*to_fill(target, carried), "sender", "contact")
    filled = dict(carried, **{k: own[k] for k in mine if k in own})
    if "letter_number" in mine:  # asked of a demand letter to guarantors
        filled["letter_number"] = "CS-2026-0201"
    doc_type = registry.get(target)
    assessment = doc_type.evaluate(doc_type.parse(filled), RuleOptions(calendar_fallback=True))
    assert not assessment.errors, assessment.errors
    codes = {p.code for p in assessment.warnings}
    assert not codes & {"deadline_before_ratification", "ratification_not_asked"}
    printed = printed_copy(target, filled)
    assert (
        "追认上述《借款合同》，该合同对您具有法律约束力" in printed or "追认，依法有效" in printed
    )
    assert "经追认的" not in printed and "有效的，" not in printed


def test_an_assent_is_not_carried_into_documents_that_do_not_state_it() -> None:
    for target in ("debt_confirmation", "civil_complaint", "installment_agreement"):
        carried = carry(GUARDIAN_RATIFIED, target)
        assert not set(carried) & set(ASSENTS)
    assert not set(carry(LETTER, "lawyer_letter")) & set(ASSENTS)
