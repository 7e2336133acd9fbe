"""A demand letter may take its contact details and payment account from a sender profile."""

from __future__ import annotations

import copy
import json

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.demand_letter import resolve
from docgen.documents.problems import CaseInvalid
from docgen.profiles.model import SenderProfile
from docgen.profiles.store import ProfileNotFound
from tests.support import FIXTURES, load_fixture

DOC = registry.get("demand_letter")
BASE = load_fixture("demand_letter", "valid", "person_debtor")
FIRM = json.loads((FIXTURES / "sender_profiles" / "law_firm.json").read_text("utf-8"))
CREDITOR = {
    "name": "深圳市恒信商贸有限公司",
    "kind": "creditor",
    "address": "广东省深圳市福田区福华三路88号财富大厦12层",
    "phone": "0755-86001234",
    "bank_account": {
        "account_name": "深圳市恒信商贸有限公司",
        "bank": "招商银行深圳分行",
        "account_number": "6222 0000 1111 2222",
    },
}


class Profiles:
    def __init__(self, **profiles: dict) -> None:
        self.profiles = {int(k[1:]): SenderProfile.model_validate(v) for k, v in profiles.items()}

    def profile(self, profile_id: int) -> SenderProfile:
        if profile_id not in self.profiles:
            raise ProfileNotFound(profile_id)
        return self.profiles[profile_id]

    def next_letter_number(self, series: str, year: int) -> int:
        raise AssertionError("a demand letter has no numbered series")


def _without_sender(profile_id: int) -> dict:
    data = copy.deepcopy(BASE)
    del data["contact"], data["payment_account"]
    data["sender_profile_id"] = profile_id
    return data


def _evaluate(data: dict, resources: Profiles):
    case = resolve(DOC.parse(data), resources, False)
    return case, DOC.evaluate(case, RuleOptions())


def test_a_creditor_profile_fills_the_contact_and_the_account_the_letter_leaves_blank():
    case, assessment = _evaluate(_without_sender(3), Profiles(p3=CREDITOR))
    assert assessment.errors == []
    context = DOC.context(case, assessment)
    assert context["contact"]["phone"] == "0755-86001234"
    assert context["account"]["account_number"] == "6222 0000 1111 2222"
    inline = _without_sender(3)
    inline["contact"] = BASE["contact"]  # given in the letter: the letter's own wins
    case, assessment = _evaluate(inline, Profiles(p3=CREDITOR))
    assert DOC.context(case, assessment)["contact"]["phone"] == BASE["contact"]["phone"]


def test_a_law_firm_profile_gives_the_contact_but_never_the_payment_account():
    case, assessment = _evaluate(_without_sender(5), Profiles(p5=FIRM))
    assert case.contact is not None and case.contact.person == "王立新"
    assert [(p.loc, p.code) for p in assessment.errors] == [(("payment_account",), "missing")]
    assert "律所自己的账户" in assessment.errors[0].message


def test_missing_or_unknown_profile_details_are_reported_on_the_profile_id():
    no_account = {k: v for k, v in CREDITOR.items() if k != "bank_account"}
    _, assessment = _evaluate(_without_sender(3), Profiles(p3=no_account))
    assert [(p.loc, p.code) for p in assessment.errors] == [(("sender_profile_id",), "missing")]
    with pytest.raises(CaseInvalid) as refused:
        resolve(DOC.parse(_without_sender(9)), Profiles(p3=CREDITOR), False)
    (problem,) = refused.value.problems
    assert (problem.loc, problem.code) == (("sender_profile_id",), "profile_not_found")
    assert "发件人资料 9 不存在" in problem.message


def test_a_demand_letter_to_a_guarantor_too_numbers_each_copy():
    data = load_fixture("demand_letter", "valid", "guarantor_demanded_in_time")
    copies = DOC.split(DOC.parse(data))
    assert [c.letter_number for c in copies] == ["CS-2026-0158-1", "CS-2026-0158-2"]
    case = DOC.parse(data)
    assessment = DOC.assess(case, RuleOptions(today=case.letter_date))
    assert DOC.build_context(copies[1], assessment)["letter_number"] == "CS-2026-0158-2"
