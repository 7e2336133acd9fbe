"""The cause (案由) a preservation or a withdrawal prints is the one typed: never a default
(a 买卖合同 case left empty used to print 「民间借贷纠纷」)."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.problems import CaseInvalid
from docgen.web.carry import carry
from tests.support import load_fixture, printed_copy

CASES = [
    ("preservation_application", "in_suit_no_security"),
    ("withdrawal_application", "performed_fee_paid_only"),
]


@pytest.mark.parametrize(("type_name", "fixture"), CASES)
def test_a_paper_without_its_cause_is_refused_at_the_field(type_name, fixture):
    data = load_fixture(type_name, "invalid", "without_the_cause")
    assert "dispute" not in data
    with pytest.raises(CaseInvalid) as caught:
        registry.get(type_name).parse(data)
    assert [(p.loc, p.code) for p in caught.value.problems] == [(("dispute",), "missing")]


@pytest.mark.parametrize(("type_name", "fixture"), CASES)
def test_the_cause_typed_is_the_one_printed(type_name, fixture):
    data = copy.deepcopy(load_fixture(type_name, "valid", fixture))
    data["dispute"] = "买卖合同纠纷"
    text = printed_copy(type_name, data)
    assert "案由：买卖合同纠纷" in text
    assert "买卖合同纠纷一案" in text.replace("\n", "")
    assert "民间借贷纠纷" not in text


@pytest.mark.parametrize(("type_name", "fixture"), CASES)
def test_a_loans_cause_at_the_parent_level_is_warned(type_name, fixture):
    # 《民事案件案由规定》: 民间借贷纠纷 is the fourth-level cause under 借款合同纠纷
    data = copy.deepcopy(load_fixture(type_name, "valid", fixture))
    data["dispute"] = "借款合同纠纷"
    doc_type = registry.get(type_name)
    result = doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True))
    assert [w.code for w in result.warnings if w.loc == ("dispute",)] == ["loan_cause_parent_level"]


def test_a_preservation_carried_from_a_letter_takes_the_cause_its_contract_settles():
    letter = load_fixture("demand_letter", "valid", "person_debtor")
    assert letter["contract"]["kind"] == "private_lending"
    assert carry(letter, "preservation_application")["dispute"] == "民间借贷纠纷"
