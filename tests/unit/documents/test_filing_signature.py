"""Who signs a court filing for an organisation: the one its party block names."""

from __future__ import annotations

import copy

import pytest

from docgen.documents.court_parts import filing_signature
from docgen.domain.parties import Organization
from tests.support import load_fixture, printed_copy

BRANCH = {
    "kind": "organization",
    "name": "深圳前海联合商业银行股份有限公司福田支行",
    "uscc": "91440300MA5DABCD1K",
    "address": "广东省深圳市福田区福华三路100号",
    "legal_representative": "刘强",
}


def _text(type_name: str, data: dict) -> str:
    return printed_copy(type_name, data)


@pytest.mark.parametrize(
    ("title", "signs"),
    [
        ("负责人", "负责人：刘强（签名）＿＿＿＿＿＿＿＿"),
        ("主要负责人", "主要负责人：刘强（签名）＿＿＿＿＿＿＿＿"),
        ("法定代表人", "法定代表人：刘强（签名）＿＿＿＿＿＿＿＿"),
        # a position typed in the role's place: the party block names a 法定代表人
        ("执行董事", "法定代表人：刘强（签名）＿＿＿＿＿＿＿＿"),
    ],
)
def test_the_signatory_is_the_role_the_party_block_names(title, signs):
    branch = Organization.model_validate(BRANCH | {"representative_title": title})
    assert filing_signature("具状人", [branch]) == [
        "具状人：深圳前海联合商业银行股份有限公司福田支行（盖章）",
        signs,
    ]


@pytest.mark.parametrize(
    ("fixture", "seal"),
    [
        ("elements_bank_loan_every_item", "深圳前海联合商业银行股份有限公司福田支行"),
        ("elements_bank_loan_bare", "深圳前海联合商业银行股份有限公司福田支行"),
        ("elements_credit_card_every_item", None),
    ],
)
def test_a_bank_branchs_complaint_is_signed_by_its_person_in_charge(fixture, seal):
    data = load_fixture("civil_complaint", "valid", fixture)
    seal = seal or data["plaintiffs"][0]["party"]["name"]
    text = _text("civil_complaint", data)
    # the word of every court paper, the element form's too: one colon, then the blank
    signs = data["plaintiffs"][0]["party"]["legal_representative"]
    assert f"具状人：{seal}（盖章）\n负责人：{signs}（签名）＿＿＿＿＿＿＿＿\n" in text
    assert f"法定代表人：{signs}（签" not in text and "签字" not in text.split("此致")[-1]


@pytest.mark.parametrize(
    ("type_name", "fixture", "applicant"),
    [
        ("preservation_application", "pre_suit_cash", lambda d: d["applicants"][0]["party"]),
        (
            "withdrawal_application",
            "summary_procedure_no_refund",
            lambda d: d["applicants"][0]["party"],
        ),
        ("enforcement_application", "arbitration_award", lambda d: d["applicants"][0]["party"]),
        ("payment_order", "company_goods_paid_for", lambda d: d["applicant"]),
    ],
)
def test_every_filing_signed_by_a_branch_names_its_person_in_charge(type_name, fixture, applicant):
    data = copy.deepcopy(load_fixture(type_name, "valid", fixture))
    party = applicant(data)
    assert party["kind"] == "organization"
    party["representative_title"] = "负责人"
    text = _text(type_name, data)
    signs = party["legal_representative"]
    assert f"{party['name']}（盖章）\n负责人：{signs}（签名）＿＿＿＿＿＿＿＿\n" in text
    assert f"法定代表人：{signs}（签名）" not in text
