"""An organisation's letter asking payment into a natural person's account (docs/legal-rules.md,
payment account): warned unless a 收款授权书 is attached, which the letter then lists
(民法典 art. 522(1))."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.letter_amounts import personal_account
from tests.support import load_fixture, printed_copy

CODE = "personal_account_without_authorization"


def _warnings(type_name: str, data: dict) -> dict:
    doc_type = registry.get(type_name)
    result = doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True))
    assert not result.errors, result.errors
    return {p.code: p for p in result.problems if p.severity == "warning"}


def test_a_companys_letter_to_its_representatives_own_account_is_warned_at_the_authorisation():
    data = load_fixture("demand_letter", "valid", "account_of_a_third_party")
    warning = _warnings("demand_letter", data)[CODE]
    assert warning.loc == ("payment_account", "payee_authorization")
    assert "「陈建国」是个人账户，且未附收款授权书" in warning.message
    assert "第五百二十二条第一款" in warning.message
    assert "附件：收款授权书" not in printed_copy("demand_letter", data)


def test_with_the_authorisation_attached_the_letter_points_to_it_and_lists_it():
    data = load_fixture("demand_letter", "valid", "account_of_a_third_party_with_authorization")
    assert CODE not in _warnings("demand_letter", data)
    printed = printed_copy("demand_letter", data)
    assert "我方授权其代为收取本函所列款项（见附件收款授权书）；您向上述账户支付的款项" in printed
    assert "\n附件：收款授权书\n" in printed
    # listed with the enclosures, above the signature
    assert printed.index("特此函告") < printed.index("附件：收款授权书") < printed.index("（签字）")


def test_a_lawyer_letter_with_calculations_numbers_both_annexes():
    data = copy.deepcopy(load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor"))
    data["payment_account"].update(
        account_name="陈建国", holder_relation="法定代表人", payee_authorization=True
    )
    data["amounts"]["components"].append(
        {
            "kind": "penalty",
            "calculation": {
                "rate": {"kind": "daily", "value": "0.005"},
                "start": data["contract"]["due_date"][:8] + "21",
                "agreed_in": "《买卖合同》第八条",
            },
        }
    )
    data["amounts"].pop("total", None)
    assert CODE not in _warnings("lawyer_letter", data)
    assert "附件：1．计算明细；2．收款授权书" in printed_copy("lawyer_letter", data)


@pytest.mark.parametrize(
    ("name", "personal"),
    [
        ("陈建国", True),
        ("阿卜杜·热合曼", True),
        ("深圳市恒信投资有限公司", False),
        ("北京市某某律师事务所", False),
        ("恒信商行", False),
    ],
)
def test_what_reads_as_a_natural_persons_account(name, personal):
    assert personal_account(name) is personal


def test_an_organisation_holders_account_or_a_persons_creditor_is_not_warned():
    data = copy.deepcopy(load_fixture("demand_letter", "valid", "account_of_a_third_party"))
    data["payment_account"].update(account_name="深圳市恒信投资有限公司", holder_relation="母公司")
    assert CODE not in _warnings("demand_letter", data)
    person = load_fixture("demand_letter", "valid", "private_lending_minimal")
    assert CODE not in _warnings("demand_letter", person)
