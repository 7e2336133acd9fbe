"""A case goes from the letter to the complaint or payment order, then to preservation,
settlement, withdrawal and enforcement: each step carries the shared facts and needs only
the facts its user alone can give."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

import pytest
from pydantic import TypeAdapter

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.enforcement_liability import EnforcementRespondent
from docgen.documents.problems import CaseInvalid
from docgen.register.recipients import recorded_case
from docgen.web.carry import (
    ASKED_WHEN,
    ASKED_WHY,
    NEXT,
    USER_ONLY,
    WHEN_UNKNOWN,
    carry,
    to_fill,
)
from tests.carry_paths import STEPS, Step, filled, source
from tests.support import fixture_cases, load_fixture


def _errors(target: str, case: dict) -> list[tuple]:
    doc_type = registry.get(target)
    problems = doc_type.evaluate(doc_type.parse(case), RuleOptions()).problems
    return [(p.loc, p.message) for p in problems if p.severity == "error"]


def _creditor_and_debtor(case: dict) -> tuple[str, str]:
    from docgen.web.carry_facts import shared_facts

    facts = shared_facts(case)
    return facts["creditor"]["name"], facts["debtor"]["name"]


@pytest.mark.parametrize("step", STEPS, ids=str)
def test_each_step_carries_the_parties_and_needs_only_the_users_facts(step: Step) -> None:
    given = source(step.source)
    assert step.target in NEXT[step.source]
    carried = carry(given, step.target)
    model = registry.get(step.target).model
    assert set(carried) <= set(model.model_fields), set(carried) - set(model.model_fields)
    printed = json.dumps(carried, ensure_ascii=False)
    for name in _creditor_and_debtor(given):
        assert name in printed
    court = given.get("court") or given.get("suit", {}).get("court")
    if court:  # the court is carried wherever the target names one
        assert court in printed
    names = to_fill(step.target, carried)
    asked = set(USER_ONLY[step.target]) | set(ASKED_WHEN.get(step.target, {}))
    assert set(names) <= asked
    # a court or case number the case knew is not asked again; the rest always is
    assert set(USER_ONLY[step.target]) - set(names) <= WHEN_UNKNOWN
    assert _errors(step.target, filled(carried, step.target, names)) == []


@pytest.mark.parametrize(
    ("target", "key"), [("debt_confirmation", "amounts"), ("installment_agreement", "debt")]
)
def test_a_letters_charges_told_by_notes_are_asked_again_for_a_signed_paper(target, key):
    """The letter's interest and penalty have only notes: before the debtor signs, each is
    typed again with its formula (signed_amounts), and the page says so."""
    carried = carry(LETTER, target)
    names = to_fill(target, carried)
    assert key in names
    errors = _errors(target, filled(carried, target, [n for n in names if n != key]))
    assert any("须填写计算方式" in message for _, message in errors)
    computed = copy.deepcopy(carried)
    for component in computed[key]["components"]:
        component["calculation"] = {"base": "100000"}  # any formula: the ask is answered
    assert key not in to_fill(target, computed)


@pytest.mark.parametrize(("contract_kind", "asked"), [("private_lending", True), ("sale", False)])
def test_a_penalty_told_by_a_note_is_asked_again_only_where_the_paper_refuses_it(
    contract_kind, asked
):
    """A sale's penalty may be a fixed sum and is only warned of without its formula; a
    private loan's is refused, so only then is it asked (signed_amounts.formula_required)."""
    carried = copy.deepcopy(carry(LETTER, "debt_confirmation"))
    carried["origin"] = {**carried["origin"], "kind": contract_kind}
    carried["amounts"]["components"] = [
        c for c in carried["amounts"]["components"] if c["kind"] != "interest"
    ]
    carried["amounts"]["components"][-1] |= {"kind": "penalty", "note": "按合同约定"}
    carried["amounts"]["components"][-1].pop("calculation", None)
    kept = carried["amounts"]["components"]
    carried["amounts"]["total"] = str(sum(Decimal(c["amount"]) for c in kept))
    names = to_fill("debt_confirmation", carried)
    assert ("amounts" in names) is asked
    others = [n for n in names if n != "amounts"]
    errors = _errors("debt_confirmation", filled(carried, "debt_confirmation", others))
    assert any("须填写计算方式" in message for _, message in errors) is asked


LETTER = load_fixture("demand_letter", "valid", "person_debtor")


def test_a_payment_order_claims_the_letters_principal_interest_and_penalty() -> None:
    carried = carry(LETTER, "payment_order")
    assert carried["items"] == [
        {"kind": "principal", "amount": "100000.00"},
        {"kind": "interest", "amount": "10832.88"},
        {"kind": "penalty", "amount": "1409.50"},
    ]
    assert sum(Decimal(i["amount"]) for i in carried["items"]) == Decimal("112242.38")
    assert carried["basis"] == "2025年1月10日签订的《借款合同》"
    assert carried["due_date"] == "2026-01-10"
    assert carried["evidence"] == [{"name": "《借款合同》"}]
    assert carried["applicant"] == LETTER["creditor"]
    assert carried["respondent"] == LETTER["debtor"]


def test_a_payment_order_takes_a_complaints_exhibits_with_their_sources() -> None:
    complaint = load_fixture("civil_complaint", "valid", "summary_procedure")
    carried = carry(complaint, "payment_order")
    first = complaint["evidence"][0]
    assert carried["evidence"][0] == {
        "name": first["name"],
        "source": first["source"],
        "purpose": first["purpose"],
    }
    assert len(carried["evidence"]) == len(complaint["evidence"])


def test_a_payment_order_leaves_an_interest_computed_from_a_rate_to_the_user() -> None:
    computed = load_fixture("demand_letter", "valid", "computed_interest")
    items = carry(computed, "payment_order")["items"]
    assert all(i["amount"] for i in items)
    typed = [c for c in computed["amounts"]["components"] if c.get("amount")]
    assert len(items) == len(typed)


COMPLAINT = load_fixture("civil_complaint", "valid", "elements_company_lender")
# 150,000 principal + 8% a year on it from 2025-12-04 to 2025-12-10 (7 days: 230.14) and
# from 2025-12-11 to 2026-10-31 (325 days: 10,684.93) + 8,000 lawyer's fee
CLAIMED = "168915.07"


def test_a_withdrawal_asks_back_the_fee_the_complaint_paid() -> None:
    carried = carry(COMPLAINT, "withdrawal_application")
    # 诉讼费用交纳办法 art. 13: 50 + 90,000 × 2.5% + 68,915.07 × 2% = 3,678.30
    assert carried["fee"] == {"claim_amount": CLAIMED, "paid": "3678.30", "procedure": "ordinary"}
    assert carried["court"] == "深圳市福田区人民法院"
    assert [a["party"]["name"] for a in carried["applicants"]] == ["深圳市恒信商贸有限公司"]
    assert carried["applicants"][0]["agents"][0]["name"] == "黄丽"
    assert [d["name"] for d in carried["defendants"]] == ["王磊", "福州闽江建材有限公司"]
    assert carried["dispute"] == "民间借贷纠纷"
    assert "case_number" not in carried and "case_number" in to_fill(
        "withdrawal_application", carried
    )


def test_a_settlement_names_the_suit_and_the_amount_claimed() -> None:
    carried = carry(COMPLAINT, "settlement_agreement")
    assert carried["suit"] == {
        "dispute": "民间借贷纠纷",
        "court": "深圳市福田区人民法院",
        "claimed": CLAIMED,
    }
    assert (carried["creditor"]["name"], carried["debtor"]["name"]) == (
        "深圳市恒信商贸有限公司",
        "王磊",
    )
    assert carried["guarantor"]["name"] == "福州闽江建材有限公司"
    assert carried["contract"] == COMPLAINT["contract"]  # the debt settled: the release's scope
    assert "amount" not in carried  # the amount settled is agreed, not carried


def test_preservation_in_suit_claims_the_complaints_computed_total() -> None:
    carried = carry(COMPLAINT, "preservation_application")
    assert carried["claim_amount"] == carried["amount"] == CLAIMED
    assert (carried["stage"], carried["court"]) == ("in_suit", "深圳市福田区人民法院")
    assert [r["name"] for r in carried["respondents"]] == ["王磊", "福州闽江建材有限公司"]


def test_enforcement_takes_the_parties_and_leaves_the_judgment_to_the_user() -> None:
    carried = carry(COMPLAINT, "enforcement_application")
    # the suit's cause names the case the judgment ended
    assert carried["title"] == {"issuer": "深圳市福田区人民法院", "cause": "民间借贷纠纷"}
    assert to_fill("enforcement_application", carried) == [
        "application_date",
        "title",
        "outstanding",
    ]
    # a settlement's mediation statement bears its suit's case number
    settled = load_fixture("settlement_agreement", "valid", "mediation_statement_rows")
    title = carry(settled, "enforcement_application")["title"]
    assert title == {
        "issuer": "北京市东城区人民法院",
        "cause": "民间借贷纠纷",
        "kind": "mediation",
        "case_number": "（2026）京0101民初9876号",
    }


def test_a_settled_suit_is_withdrawn_for_the_settlement() -> None:
    settled = load_fixture("settlement_agreement", "valid", "mediation_statement_rows")
    carried = carry(settled, "withdrawal_application")
    assert (carried["case_number"], carried["reason"]) == ("（2026）京0101民初9876号", "settled")
    assert carried["fee"] == {"claim_amount": "118249.32"}
    assert to_fill("withdrawal_application", carried) == ["application_date", "reason", "fee.paid"]


def test_a_letters_guarantee_goes_to_the_complaint_and_its_arbitration_clause_is_flagged():
    letter = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
    carried = carry(letter, "civil_complaint")
    assert carried["defendants"][1]["guarantee"] == letter["guarantees"][0]
    case = filled(carried, "civil_complaint", to_fill("civil_complaint", carried))
    case["court"] = "福州市鼓楼区人民法院"
    locs = [loc for loc, _ in _errors("civil_complaint", case)]
    assert ("defendants", 1, "guarantee", "arbitration_agreed") in locs


def test_the_facts_asked_again_only_when_unknown_are_user_facts() -> None:
    every = {name for names in USER_ONLY.values() for name in names}
    assert every >= WHEN_UNKNOWN
    for source_type, targets in NEXT.items():
        assert source_type not in targets
        for target in targets:
            registry.get(target)  # every offered document exists


@pytest.mark.parametrize(
    "case", [c for c in fixture_cases("invalid") if c.type_name in NEXT], ids=str
)
def test_an_unfinished_case_is_carried_as_far_as_it_goes(case) -> None:
    for target in NEXT[case.type_name]:
        carried = carry(case.data, target)
        model = registry.get(target).model
        assert set(carried) <= set(model.model_fields)


def _as_registered(type_name: str, fixture: str) -> dict:
    """A case as the register keeps it: every optional field present, null when empty."""
    data = load_fixture(type_name, "valid", fixture)
    return recorded_case(registry.get(type_name).parse(data))


def _nulls(value, path="") -> list[str]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _nulls(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _nulls(v, f"{path}[{i}]")]
    return [path] if value is None else []


@pytest.mark.parametrize("target", NEXT["demand_letter"])
def test_a_registered_letter_carries_no_empty_field_and_nothing_its_target_lacks(target):
    """The register keeps each optional field as null; carried, a null became the text
    「null」 in a form field, and a letter's account keys were unknown to an agreement."""
    case = _as_registered("demand_letter", "account_of_a_third_party_with_authorization")
    assert _nulls(case)  # the register's copy holds nulls: the case this guards
    carried = carry(case, target)
    assert _nulls(carried) == []
    problems = _problems(target, carried)
    assert [p for p in problems if p.code == "extra_forbidden"] == []


def _problems(target: str, case: dict) -> list:
    doc_type = registry.get(target)
    try:
        return doc_type.evaluate(doc_type.parse(case), RuleOptions()).problems
    except CaseInvalid as exc:
        return exc.problems


@pytest.mark.parametrize("target", ["installment_agreement", "debt_confirmation"])
def test_a_paper_the_debtor_signs_names_the_letters_guarantors_as_the_contracts(target):
    """The letter's guarantors are the original contract's (原合同的保证人); whether one also
    signs as 丙方 is the user's choice."""
    carried = carry(_as_registered("demand_letter", "guarantor_demanded_in_time"), target)
    source = load_fixture("demand_letter", "valid", "guarantor_demanded_in_time")
    assert carried["origin_guarantors"] == [g["name"] for g in source["guarantors"]]
    assert "guarantor" not in carried


def test_a_letters_account_reaches_an_agreement_as_the_account_alone():
    case = _as_registered("demand_letter", "account_of_a_third_party_with_authorization")
    account = carry(case, "installment_agreement")["payment_account"]
    assert set(account) == {"account_name", "bank", "account_number"}
    assert carry(case, "lawyer_letter")["payment_account"]["payee_authorization"] is True


def test_every_fact_asked_only_when_needed_says_why():
    asked = {name for fields in ASKED_WHEN.values() for name in fields}
    assert asked <= set(ASKED_WHY), asked - set(ASKED_WHY)


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "minor_debtor_ratified_by_guardian",
            lambda letter: {
                "contract_assent": letter["guardian_assent"]["kind"],
                "contract_assent_on": letter["guardian_assent"]["given_on"],
            },
        ),
        (
            "debtor_ratified_after_majority",
            lambda letter: {"adult_ratification": letter["adult_ratification"]},
        ),
    ],
)
def test_a_complaint_states_how_the_letters_minors_contract_binds_the_debtor(fixture, expected):
    """The letter recorded the guardian's consent or the debtor's own ratification once of
    age; the complaint against him must state it (complaint_minor), so it is carried."""
    letter = load_fixture("demand_letter", "valid", fixture)
    borrower = carry(_as_registered("demand_letter", fixture), "civil_complaint")["defendants"][0]
    assert expected(letter).items() <= borrower.items()


def test_a_payment_order_asks_the_items_agreement_only_beside_the_principal():
    """Its interest must be capped by the LPR when the loan was made (carried), and each
    item beside the principal confirmed as agreed (asked, with why)."""
    carried = carry(LETTER, "payment_order")
    assert (carried["contract_kind"], carried["signed_on"]) == (
        LETTER["contract"]["kind"],
        LETTER["contract"]["signed_on"],
    )
    assert "items" in to_fill("payment_order", carried)
    assert "第四百二十八条" in ASKED_WHY["items"]
    principal_only = {**carried, "items": [i for i in carried["items"] if i["kind"] == "principal"]}
    assert "items" not in to_fill("payment_order", principal_only)


def test_a_complaints_guarantors_become_respondents_with_their_guarantee_liability() -> None:
    carried = carry(COMPLAINT, "enforcement_application")
    # the borrower pays the whole; the joint guarantor is liable jointly (民法典 art. 688)
    assert [(r["name"], r.get("liability")) for r in carried["respondents"]] == [
        ("王磊", None),
        ("福州闽江建材有限公司", {"kind": "joint"}),
    ]
    general = copy.deepcopy(COMPLAINT)
    general["defendants"][1]["guarantee"]["type"] = "general"
    respondents = carry(general, "enforcement_application")["respondents"]
    assert respondents[1]["liability"] == {"kind": "general_guarantee"}  # art. 687(2)
    general["defendants"][1]["guarantee"]["type"] = "not_stated"  # art. 686(2): general
    respondents = carry(general, "enforcement_application")["respondents"]
    assert respondents[1]["liability"] == {"kind": "general_guarantee"}
    # the application's own model reads them so
    parsed = TypeAdapter(list[EnforcementRespondent]).validate_python(carried["respondents"])
    assert [r.liability.kind for r in parsed] == ["debtor", "joint"]
    # a settlement's guarantor (丙方) guarantees jointly
    name = "concession_lapsing_without_a_late_rate"
    settled = load_fixture("settlement_agreement", "valid", name)
    respondents = carry(settled, "enforcement_application")["respondents"]
    assert respondents[-1]["name"] == settled["guarantor"]["name"]
    assert respondents[-1]["liability"] == {"kind": "joint"}
