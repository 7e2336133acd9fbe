"""Where each paper filed with a court is signed by hand: one word on every line of a paper
(签名; 签字 on the element-based complaint, as its form says), the signer's name printed
and a blank for the hand; an organisation seals beside its name and its representative
signs under it; a ward's guardian signs as its 法定代理人. And the 附 list counts what it
lists: the copies by the other side, the evidence by its items."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from tests.support import FIXTURES, load_fixture, printed_copy

BLANK = "＿＿＿＿＿＿＿＿"
GUARDIAN = {"name": "刘建华", "relation": "father", "id_number": "110105197803150016"}

# type, fixture, how to reach the signing party in its data, the role the paper names it by
APPLICANT = ("applicants", 0, "party")
PAPERS = {
    "withdrawal_application": ("performed_fee_paid_only", APPLICANT, "申请人"),
    "enforcement_application": ("judgment_first_instance", APPLICANT, "申请执行人"),
    "preservation_application": ("in_suit_insurance", APPLICANT, "申请人"),
    "payment_order": ("person_principal_and_interest", ("applicant",), "申请人"),
    "civil_complaint": ("narrative_guarantor", ("plaintiffs", 0, "party"), "具状人"),
    "power_of_attorney": ("person_special_lawyer", ("principal",), "委托人"),
}
ORGANISATIONS = {
    "withdrawal_application": ("summary_procedure_no_refund", "申请人：深圳市恒信商贸有限公司"),
    "enforcement_application": ("arbitration_award", "申请执行人：深圳市恒信商贸有限公司"),
    "preservation_application": ("in_suit_no_security", "申请人：深圳市恒信商贸有限公司"),
    "payment_order": ("company_goods_paid_for", "申请人：深圳市恒信商贸有限公司"),
    "civil_complaint": ("narrative_sale_contract", "具状人：上海申达机电设备有限公司"),
    "power_of_attorney": ("company_general_lawyer_and_employee", "委托人：深圳市恒信商贸有限公司"),
}


def _lines(type_name: str, data: dict) -> list[str]:
    return printed_copy(type_name, data).splitlines()


def _party(data: dict, path: tuple) -> dict:
    for step in path:
        data = data[step]
    return data


@pytest.mark.parametrize("type_name", sorted(PAPERS))
def test_a_person_signs_on_a_blank_beside_the_printed_name(type_name):
    fixture, path, role = PAPERS[type_name]
    data = load_fixture(type_name, "valid", fixture)
    name = _party(data, path)["name"]
    lines = _lines(type_name, data)
    assert f"{role}：{name}（签名）{BLANK}" in lines
    # one colon, after the role: the blank is no second field, the name no signature
    assert not any(line.endswith((f"：{name}", f"{name}（签名）")) for line in lines)
    assert not any("（签名）：" in line for line in lines)


@pytest.mark.parametrize("type_name", sorted(ORGANISATIONS))
def test_an_organisation_seals_and_its_named_representative_signs_on_a_blank(type_name):
    fixture, sealed = ORGANISATIONS[type_name]
    data = load_fixture(type_name, "valid", fixture)
    lines = _lines(type_name, data)
    at = lines.index(f"{sealed}（盖章）")
    party = next(line for line in lines if line.startswith("法定代表人："))
    representative = party.removeprefix("法定代表人：").split("，")[0].rstrip("。")
    assert lines[at + 1] == f"法定代表人：{representative}（签名）{BLANK}"


@pytest.mark.parametrize("type_name", sorted(PAPERS))
def test_a_wards_guardian_signs_as_its_statutory_agent(type_name):
    fixture, path, role = PAPERS[type_name]
    data = copy.deepcopy(load_fixture(type_name, "valid", fixture))
    party = _party(data, path)
    party.update(capacity="limited", guardian=GUARDIAN)
    lines = _lines(type_name, data)
    at = lines.index(f"{role}：{party['name']}")
    assert lines[at + 1] == f"法定代理人：刘建华（签名）{BLANK}"
    assert f"{role}：{party['name']}（签名）{BLANK}" not in lines


def test_several_plaintiffs_each_sign_and_the_wards_guardian_signs_for_it():
    data = load_fixture("civil_complaint", "valid", "spouses_as_plaintiffs_one_a_ward")
    lines = _lines("civil_complaint", data)
    at = lines.index("北京市东城区人民法院", lines.index("此致"))
    assert lines[at + 1 : at + 7] == [
        f"具状人：刘芳（签名）{BLANK}",
        "具状人：王强",
        f"法定代理人：刘芳（签名）{BLANK}",
        "2026年11月20日",
        # the copies follow the defendants, not every party of the suit
        "附：",
        "1．本起诉状副本2份；",
    ]


def test_the_element_form_signs_as_every_court_paper_does():
    """One word on every court paper (样式: 起诉人（签名）), the element form's too: a
    person 签名, an organisation 盖章 and its representative 签名; one colon per line."""
    data = load_fixture("civil_complaint", "valid", "elements_bank_loan_bare")
    lines = _lines("civil_complaint", data)
    at = lines.index("具状人：深圳前海联合商业银行股份有限公司福田支行（盖章）")
    assert lines[at + 1] == f"负责人：刘强（签名）{BLANK}"
    closing = lines[lines.index("此致") :]
    assert not any("签字" in line or line.count("：") > 1 for line in closing)


def _valid_cases() -> list[tuple[str, str]]:
    types = {*PAPERS, "evidence_list", "service_address"}
    return [
        (type_name, path.stem)
        for type_name in sorted(types)
        for path in sorted(Path(FIXTURES, type_name, "valid").glob("*.json"))
        if not path.name.endswith(".expect.json")
    ]


SIGNS = re.compile(r"签名|签字")


@pytest.mark.parametrize(("type_name", "fixture"), _valid_cases())
def test_every_signing_line_of_every_paper_has_a_blank_and_one_word(type_name, fixture):
    data = load_fixture(type_name, "valid", fixture)
    lines = _lines(type_name, data)
    signing = [line for line in lines if re.search(r"（(签名|签字)[^）]*）", line)]
    assert signing
    assert all(line.endswith(f"）{BLANK}") and "）：" not in line for line in signing), signing
    words = {word for line in signing for word in SIGNS.findall(line)}
    assert words == {"签名"}


def test_the_evidence_is_counted_by_its_items_not_by_the_respondents():
    data = copy.deepcopy(load_fixture("payment_order", "valid", "person_principal_and_interest"))
    assert len(data["evidence"]) == 3
    text = printed_copy("payment_order", data)
    assert "附：\n1．本申请书副本1份；\n2．证据材料3份；\n" in text
    data["evidence"] = data["evidence"][:2]
    assert "2．证据材料2份；\n" in printed_copy("payment_order", data)


def test_the_preservation_application_does_not_count_evidence_it_does_not_list():
    data = load_fixture("preservation_application", "valid", "in_suit_insurance")
    assert len(data["respondents"]) == 2
    text = printed_copy("preservation_application", data)
    assert "附：\n1．本申请书副本2份；\n2．相关证据材料；\n3．" in text
    assert not re.search(r"证据材料\d+份", text)


def test_the_complaint_has_a_copy_for_each_defendant():
    data = load_fixture("civil_complaint", "valid", "narrative_third_party_mortgagor")
    assert len(data["defendants"]) == 3
    assert "附：\n1．本起诉状副本3份；\n" in printed_copy("civil_complaint", data)
