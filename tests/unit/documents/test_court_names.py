"""Every paper addressed to a court names the court as it names itself, headed by its
province (福州市鼓楼区人民法院 → 福建省福州市鼓楼区人民法院); a name whose province cannot
be told is printed as typed and warned of at the paper's court field (court_names)."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.court_names import same_court
from tests.support import load_fixture, printed_copy

SHENZHEN = "广东省深圳市福田区人民法院"


def _warnings(type_name: str, data: dict) -> list:
    doc_type = registry.get(type_name)
    result = doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True))
    assert result.errors == [], result.errors
    return result.warnings


@pytest.mark.parametrize(
    ("type_name", "fixture", "printed"),
    [
        ("civil_complaint", "organisation_plaintiff_without_position", f"此致\n{SHENZHEN}\n"),
        ("civil_complaint", "elements_every_item", f"此致\n{SHENZHEN}\n"),
        ("preservation_application", "in_suit_no_security", f"此致\n{SHENZHEN}\n"),
        ("payment_order", "company_goods_paid_for", "此致\n福建省福州市鼓楼区人民法院\n"),
        ("withdrawal_application", "summary_procedure_no_refund", f"此致\n{SHENZHEN}\n"),
        ("evidence_list", "applicant_execution", f"此致\n{SHENZHEN}\n"),
        ("power_of_attorney", "company_general_one_lawyer", f"授权委托书\n{SHENZHEN}：\n"),
        ("firm_letter", "one_lawyer_for_a_company", f"{SHENZHEN}：\n"),
        ("service_address", "company_paper_only", f"送达地址确认书\n{SHENZHEN}\n"),
        ("representative_certificate", "plaintiff_company_for_the_case", f"\n{SHENZHEN}：\n"),
        ("enforcement_application", "arbitration_award", "此致\n福建省福州市中级人民法院\n"),
    ],
)
def test_each_paper_names_its_court_headed_by_the_province(type_name, fixture, printed):
    data = load_fixture(type_name, "valid", fixture)
    assert not data.get("court", data.get("case", {}).get("court", "")).startswith("广东省")
    text = printed_copy(type_name, data)
    assert printed in text
    assert not [w for w in _warnings(type_name, data) if w.code == "court_name_not_full"]


def test_a_district_no_other_city_has_is_named_with_its_city_and_province():
    data = load_fixture("preservation_application", "valid", "in_suit_with_exhibits")
    assert data["court"] == "福田区人民法院"
    assert f"此致\n{SHENZHEN}\n" in printed_copy("preservation_application", data)


def test_the_certificate_names_the_court_in_its_use_as_well():
    data = load_fixture("representative_certificate", "valid", "plaintiff_company_for_the_case")
    assert f"本证明书用于{SHENZHEN}审理的" in printed_copy("representative_certificate", data)


def test_a_settlement_names_the_court_of_the_suit_in_full_wherever_it_names_it():
    data = copy.deepcopy(
        load_fixture("settlement_agreement", "valid", "withdraw_after_the_first_payment")
    )
    data["suit"]["court"] = "东城区人民法院"  # one 东城区: Beijing's
    text = printed_copy("settlement_agreement", data)
    assert "向北京市东城区人民法院提起诉讼" in text
    assert "向北京市东城区人民法院（案号：（2026）京0101民初9876号）申请撤回起诉" in text
    assert "向东城区人民法院" not in text


def test_an_agreement_names_the_court_the_case_number_tells_or_is_refused():
    # 民诉法 art. 35, 民诉法解释 art. 30: the court of a forum clause must be determinable
    data = load_fixture("settlement_agreement", "valid", "court_of_a_district_several_cities_have")
    text = printed_copy("settlement_agreement", data)
    # 「京0105」 begins with 北京's abbreviation, and Beijing has one 朝阳区
    assert "向北京市朝阳区人民法院提起诉讼（案号：（2026）京0105民初9876号）" in text
    assert "向北京市朝阳区人民法院（案号：（2026）京0105民初9876号）申请撤回起诉" in text
    assert "任何一方均可向北京市朝阳区人民法院提起诉讼" in text
    assert "向朝阳区人民法院" not in text
    (warning,) = [w for w in _warnings("settlement_agreement", data) if w.loc == ("suit", "court")]
    assert warning.code == "court_name_from_case_number"
    assert "协议按北京市朝阳区人民法院打印" in warning.message
    # 江苏 has two 鼓楼区 (南京, 徐州): the number cannot tell, the agreement is refused
    data = load_fixture(
        "settlement_agreement", "invalid", "suit_court_of_a_district_the_case_number_cannot_tell"
    )
    doc_type = registry.get("settlement_agreement")
    result = doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True))
    (error,) = result.errors
    assert (error.loc, error.code) == (("suit", "court"), "court_not_determinable")
    assert error.message.startswith("协议不能确定「鼓楼区人民法院」是哪一法院")
    assert "第三十条第一款" in error.message
    # an agreed court of a district several cities have, no number: refused as before
    data = load_fixture(
        "settlement_agreement", "invalid", "agreed_court_of_a_district_several_cities_have"
    )
    result = doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True))
    assert [e.loc for e in result.errors] == [("jurisdiction", "court")]


WARNED = [
    ("civil_complaint", ("court",), "朝阳区人民法院", "此致\n朝阳区人民法院\n"),
    ("evidence_list", ("court",), "朝阳区人民法院", "此致\n朝阳区人民法院\n"),
    ("power_of_attorney", ("case", "court"), "朝阳区人民法院", "授权委托书\n朝阳区人民法院：\n"),
    ("service_address", ("case", "court"), "朝阳区人民法院", "送达地址确认书\n朝阳区人民法院\n"),
    ("representative_certificate", ("case", "court"), "鼓楼区人民法院", "用于鼓楼区人民法院审理"),
]


@pytest.mark.parametrize(("type_name", "loc", "court", "printed"), WARNED)
def test_a_court_whose_province_cannot_be_told_is_printed_as_typed_and_warned(
    type_name, loc, court, printed
):
    data = load_fixture(type_name, "valid", "court_of_a_district_several_cities_have")
    assert printed in printed_copy(type_name, data)
    (warning,) = [w for w in _warnings(type_name, data) if w.code == "court_name_not_full"]
    assert warning.loc == loc
    place = court.removesuffix("人民法院")
    opening = f"未能从「{court}」确定法院所在的省、自治区、直辖市（「{place}」"
    assert warning.message.startswith(opening)
    assert warning.message.endswith("），文书按所填名称打印")
    assert "冠以省、自治区、直辖市名称" in (warning.hint or "")


def test_the_warning_names_the_divisions_the_district_could_be():
    data = load_fixture(
        "preservation_application", "valid", "court_of_a_district_several_cities_have"
    )
    del data["case_number"]  # and the parties in 深圳: nothing tells which 鼓楼区
    data["respondents"][0]["address"] = data["property_leads"][0]["location"] = "广东省深圳市南山区"
    assert "此致\n鼓楼区人民法院\n" in printed_copy("preservation_application", data)
    warnings = _warnings("preservation_application", data)
    (warning,) = [w for w in warnings if w.code == "court_name_not_full"]
    assert warning.loc == ("court",)
    four = "江苏省南京市鼓楼区、江苏省徐州市鼓楼区、福建省福州市鼓楼区、河南省开封市鼓楼区"
    assert f"「鼓楼区」有多个同名行政区划：{four}）" in warning.message
    data = load_fixture("payment_order", "valid", "court_of_a_district_several_cities_have")
    data["court"] = "东成区人民法院"  # no such district: printed as typed, said so
    (warning,) = [w for w in _warnings("payment_order", data) if w.code == "court_name_not_full"]
    assert "「东成区」不是现行行政区划名称（GB/T 2260）" in warning.message
    assert "此致\n东成区人民法院\n" in printed_copy("payment_order", data)


def test_an_evidence_list_without_its_parties_warns_of_the_court_it_prints():
    data = copy.deepcopy(load_fixture("evidence_list", "valid", "without_parties_or_role"))
    data["court"] = "朝阳区人民法院"
    codes = [(w.loc, w.code) for w in _warnings("evidence_list", data)]
    assert (("court",), "court_name_not_full") in codes
    data["court"] = "北京市朝阳区人民法院"
    assert "court_name_not_full" not in [w.code for w in _warnings("evidence_list", data)]
    assert "此致\n北京市朝阳区人民法院\n" in printed_copy("evidence_list", data)


def test_one_court_named_short_or_in_full_is_one_court():
    assert same_court("福州市中级人民法院", "福建省福州市中级人民法院")
    assert same_court("思明区人民法院", "福建省厦门市思明区人民法院")
    assert not same_court("鼓楼区人民法院", "福建省福州市鼓楼区人民法院")  # never guessed
    assert not same_court("福州市中级人民法院", "厦门市中级人民法院")


SETTLED = [
    # the suit's number: its court code begins with the province's abbreviation, and that
    # province has one place of the name (案号 rules arts. 4–5)
    (
        "preservation_application",
        "福建省福州市鼓楼区人民法院",
        "court_name_from_case_number",
        "案号「（2026）闽0102民初12345号」的法院代字以福建省的简称开头",
    ),
    (
        "withdrawal_application",
        "北京市朝阳区人民法院",
        "court_name_from_case_number",
        "北京市只有一个「朝阳区」",
    ),
    # a payment order goes to the debtor's domicile court (民诉法解释 art. 23)
    (
        "payment_order",
        "福建省福州市鼓楼区人民法院",
        "court_name_from_place",
        "被申请人福州闽江建材有限公司住所地（福建省福州市鼓楼区五四路128号）在福建省福州市鼓楼区",
    ),
]


@pytest.mark.parametrize(("type_name", "printed", "code", "why"), SETTLED)
def test_a_short_name_the_case_tells_is_printed_in_full_and_the_user_asked_to_check(
    type_name, printed, code, why
):
    data = load_fixture(type_name, "valid", "court_of_a_district_several_cities_have")
    assert f"此致\n{printed}\n" in printed_copy(type_name, data)
    (warning,) = [w for w in _warnings(type_name, data) if w.loc == ("court",)]
    assert warning.code == code
    assert why in warning.message
    assert warning.message.endswith(f"申请书按{printed}打印")
    assert warning.hint == f"请核对受理法院为{printed}，并在此填写法院全称"


@pytest.mark.parametrize("type_name", ["preservation_application", "withdrawal_application"])
def test_a_short_name_no_namesake_of_which_is_in_the_number_s_province_is_refused(type_name):
    # （2026）粤0304…: no 鼓楼区 (南京、徐州、福州、开封) nor 朝阳区 (北京、长春) is in 广东
    data = load_fixture(type_name, "invalid", "court_not_of_the_case_number_s_province")
    doc_type = registry.get(type_name)
    result = doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True))
    (error,) = result.errors
    assert (error.loc, error.code) == (("court",), "case_number_court")
    assert error.message.startswith(f"{data['court']}不是编定案号「{data['case_number']}」的法院")
    assert "均不在广东省" in error.message
    assert "court_name_not_full" not in [w.code for w in result.warnings]


def test_a_payment_order_to_a_namesake_the_debtor_lives_in_none_of_is_refused():
    data = load_fixture(
        "payment_order", "invalid", "court_of_a_district_the_debtor_does_not_live_in"
    )
    doc_type = registry.get("payment_order")
    result = doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True))
    (error,) = result.errors
    assert (error.loc, error.code) == (("court",), "court_place")
    assert error.hint == "应向北京市东城区人民法院（被申请人福州闽江建材有限公司住所地）申请"


def test_a_court_named_in_full_is_not_checked_against_namesakes():
    data = load_fixture(
        "withdrawal_application", "invalid", "court_not_of_the_case_number_s_province"
    )
    data["court"] = "北京市朝阳区人民法院"  # the number's error stays at the number
    doc_type = registry.get("withdrawal_application")
    result = doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True))
    assert [(e.loc, e.code) for e in result.errors] == [(("case_number",), "case_number_court")]
