"""Only a creditor's account can be held by someone else whose relation the letter states
(民法典 art. 522(1)): a law firm's account is its own, never where a debtor pays, so its
profile and a lawyer letter's inline firm have no 收款人与债权人的关系."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from docgen.documents import registry
from docgen.profiles.model import SenderProfile
from docgen.web.formspec import form_spec
from tests.support import load_fixture

FIRM_FILE = Path(__file__).parents[3] / "fixtures" / "sender_profiles" / "law_firm.json"


def _firm() -> dict:
    return json.loads(FIRM_FILE.read_text("utf-8"))


def _account_fields(node: dict) -> dict:
    (account,) = [f for f in node["fields"] if f["name"] == "bank_account"]
    return {f["name"]: f for f in account["fields"]}


@pytest.mark.parametrize("name", ["holder_relation", "payee_authorization"])
def test_the_holder_relation_is_drawn_for_a_creditors_profile_only(name: str):
    fields = _account_fields(form_spec(SenderProfile.model_json_schema(), "发件人资料"))
    assert fields[name]["shown_when"] == {"field": "../kind", "in": ["creditor"]}


def test_a_law_firms_profile_with_a_payee_authorization_is_refused_on_its_account():
    data = _firm()
    data["bank_account"]["payee_authorization"] = True
    with pytest.raises(ValidationError) as caught:
        SenderProfile.model_validate(data)
    (error,) = caught.value.errors()
    assert (error["loc"], error["type"]) == (("bank_account",), "holder_relation_of_a_firm")
    assert "收款授权书" in error["msg"]
    creditor = dict(copy.deepcopy(data), kind="creditor")
    assert SenderProfile.model_validate(creditor).bank_account.payee_authorization is True


def test_a_law_firms_profile_with_a_holder_relation_is_refused_on_its_account():
    data = _firm()
    data["bank_account"]["holder_relation"] = "合伙人"
    with pytest.raises(ValidationError) as caught:
        SenderProfile.model_validate(data)
    (error,) = caught.value.errors()
    assert error["loc"] == ("bank_account",)
    assert error["type"] == "holder_relation_of_a_firm"
    creditor = dict(copy.deepcopy(data), kind="creditor")
    assert SenderProfile.model_validate(creditor).bank_account.holder_relation == "合伙人"


def test_a_lawyer_letters_inline_firm_account_has_no_holder_relation():
    schema = registry.get("lawyer_letter").model.model_json_schema()
    sender = schema["properties"]["sender"]["anyOf"][0]["$ref"].rsplit("/", 1)[-1]
    account = schema["$defs"][sender]["properties"]["bank_account"]["anyOf"][0]["$ref"]
    fields = schema["$defs"][account.rsplit("/", 1)[-1]]["properties"]
    assert "holder_relation" not in fields and "account_number" in fields
    letter = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
    registry.get("lawyer_letter").parse(letter)  # an inline firm with its account parses
