"""A person's ID number is labelled by the kind of document that bears it, as the court
papers label it (``identity.number_label``): a 居民身份证's 「公民身份号码」 (the card's
own field name), any other document's by its name (「护照号码」, 「港澳台居民居住证号码」).

The debt confirmation and the installment agreement printed 「居民身份证号码」 while the
complaint, the power of attorney and the settlement printed 「公民身份号码」: one number
named two ways in one set of papers (an agreement is filed as evidence with them).
"""

from __future__ import annotations

import copy

import pytest

from tests.support import load_fixture, printed_copy

# a person debtor in each agreement (the settlement's creditor is a person too)
AGREEMENTS = [
    ("debt_confirmation", "person_debtor_with_plan"),
    ("installment_agreement", "monthly_with_guarantor"),
    ("settlement_agreement", "concession_kept_when_the_debtor_defaults"),
]
# id_type -> a number of that kind for a man born 1990 (the debtor's sex), its label
ID_TYPES = [
    ("居民身份证", "110101199001011237", "公民身份号码"),
    ("港澳台居民居住证", "810000199001011230", "港澳台居民居住证号码"),
    ("护照", "E12345678", "护照号码"),
    ("其他", "MJ0012345", "证件号码"),  # 「其他号码」 would name nothing
]


def _with_debtor_id(type_name: str, name: str, id_type: str, number: str) -> dict:
    data = copy.deepcopy(load_fixture(type_name, "valid", name))
    data["debtor"].update(id_type=id_type, id_number=number)
    return data


@pytest.mark.parametrize(("id_type", "number", "label"), ID_TYPES)
@pytest.mark.parametrize(("type_name", "name"), AGREEMENTS)
def test_an_agreement_labels_the_debtors_number_by_its_document(
    type_name, name, id_type, number, label
):
    printed = printed_copy(type_name, _with_debtor_id(type_name, name, id_type, number))
    assert f"{label}：{number}" in printed
    assert "居民身份证号码" not in printed


@pytest.mark.parametrize(("type_name", "name"), AGREEMENTS)
def test_every_party_with_a_resident_id_has_the_court_papers_label(type_name, name):
    printed = printed_copy(type_name, load_fixture(type_name, "valid", name))
    assert "公民身份号码：110101198503151235" in printed  # the debtor
    if type_name == "installment_agreement":
        assert "公民身份号码：440304198806124628" in printed  # the guarantor
    if type_name == "settlement_agreement":
        assert "公民身份号码：310115199002142648" in printed  # the creditor


@pytest.mark.parametrize(
    ("id_type", "number", "label"),
    [
        ("居民身份证", "110105197803150016", "法定代理人公民身份号码"),
        ("护照", "E12345678", "法定代理人护照号码"),
    ],
)
def test_the_guardians_number_under_the_ward_has_its_documents_label(id_type, number, label):
    data = copy.deepcopy(
        load_fixture("debt_confirmation", "valid", "minor_debtor_signed_by_guardian")
    )
    data["debtor"]["guardian"].update(id_type=id_type, id_number=number)
    printed = printed_copy("debt_confirmation", data)
    assert f"{label}：{number}" in printed
    assert "居民身份证号码" not in printed


def test_a_letter_labels_a_persons_number_as_the_agreements_do():
    # the demand letter's sender block: a lender who is a person, the number masked
    printed = printed_copy(
        "demand_letter", load_fixture("demand_letter", "valid", "private_lending_minimal")
    )
    assert "公民身份号码：310115********2648" in printed
    assert "居民身份证号码" not in printed
