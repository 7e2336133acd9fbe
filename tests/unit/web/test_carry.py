"""A demand letter's shared facts carried into the next documents of the case."""

from __future__ import annotations

import pytest

from docgen.documents import registry
from docgen.web.carry import TARGETS, carry, claim_total, shared_facts
from tests.support import load_fixture

LETTER = load_fixture("demand_letter", "valid", "person_debtor")


@pytest.mark.parametrize("target", [t for t in TARGETS if t != "demand_letter"])
def test_a_demand_letter_carries_its_parties_contract_and_amounts(target: str) -> None:
    carried = carry(LETTER, target)
    model = registry.get(target).model
    assert set(carried) <= set(model.model_fields), set(carried) - set(model.model_fields)
    again = shared_facts(carried)
    assert again["creditor"] == LETTER["creditor"]
    assert again["debtor"] == LETTER["debtor"]
    if target != "preservation_application":
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
    assert carried["claim_amount"] == carried["amount"] == "107416.64"
    assert carried["respondents"] == [LETTER["debtor"]]


def test_the_total_is_the_stated_one_or_the_sum_of_typed_amounts() -> None:
    assert claim_total({"components": [{"amount": "100"}, {"amount": "0.5"}]}) == "100.50"
    assert claim_total({"total": "7", "components": [{"amount": "1"}]}) == "7.00"
    # an interest computed from a rate is known only after validation
    assert claim_total({"components": [{"amount": "100"}, {"calculation": {}}]}) is None
    assert claim_total({"components": [{"amount": "abc"}]}) is None
