"""The complaint's security: the debtor's own mortgage or pledge answers before a guarantor
(民法典 art. 392); the claims printed are test_complaint_security_claims'."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
AGREED = load_fixture("civil_complaint", "valid", "elements_every_item")
SALE = load_fixture("civil_complaint", "valid", "elements_sale_every_item")
LENDER = load_fixture("civil_complaint", "valid", "elements_company_lender")


def _warnings(data: dict) -> dict:
    assessment = DOC.evaluate(DOC.parse(data), OPTIONS)
    assert assessment.errors == []
    return {p.code: p for p in assessment.problems if p.severity == "warning"}


def test_a_guarantor_claimed_beside_the_debtors_own_pledge_is_limited_and_warned_of():
    warning = _warnings(SALE)["own_collateral_first"]
    assert warning.loc == ("sale", "collateral", "agreed_order")
    assert "债务人杭州远景建设工程有限公司以自己的财产（其所有的挖掘机两台" in warning.message
    assert "提供质押，又请求保证人孙立承担保证责任" in warning.message
    assert "《中华人民共和国民法典》第三百九十二条" in warning.message
    assert "起诉状因此请求就该质押财产优先受偿，对保证人的请求限于" in warning.message
    assert warning.hint is not None and "约定的实现顺序" in warning.hint


def test_an_agreed_order_lets_the_guarantor_be_claimed_directly():
    assert "own_collateral_first" not in _warnings(AGREED)
    data = copy.deepcopy(AGREED)
    del data["loan"]["collateral"]["agreed_order"]
    warnings = _warnings(data)
    assert warnings["own_collateral_first"].loc == ("loan", "collateral", "agreed_order")
    assert warnings["order_not_chosen"].loc == ("loan", "collateral", "agreed_order")


def test_a_third_partys_property_leaves_the_creditor_its_choice():
    data = copy.deepcopy(SALE)
    data["sale"]["collateral"]["provider"] = "杭州某某投资有限公司"
    assert "own_collateral_first" not in _warnings(data)


def test_without_a_guarantor_sued_the_order_does_not_arise():
    data = copy.deepcopy(SALE)
    data["defendants"] = data["defendants"][:1]
    assert "own_collateral_first" not in _warnings(data)


def test_a_guarantee_named_maximum_without_its_maximum_is_refused():
    data = copy.deepcopy(AGREED)
    del data["defendants"][1]["guarantee"]["maximum"]
    del data["defendants"][1]["maximum_fixing"]  # a maximum guarantee's only
    assessment = DOC.evaluate(DOC.parse(data), OPTIONS)
    (error,) = [p for p in assessment.errors if p.code == "maximum_not_stated"]
    assert error.loc == ("defendants", 1, "guarantee", "maximum")
    assert "保证人福州闽江建材有限公司的保证合同为「《最高额保证合同》」" in error.message
    assert "第六百九十条" in error.message and "第四百二十条至第四百二十四条" in error.message
    assert "有关担保制度的解释》第三十条" in error.message  # the period from the fixing day
    assert "maximum_not_stated" not in _warnings(AGREED)


def test_the_company_lenders_maximum_guarantee_is_claimed_within_its_limit():
    """The guarantor of the company lender's case: its limit in item 4 and item 14, the
    保证方式 in item 14's 是 branch, before 「□否」."""
    case = DOC.parse(LENDER)
    rows = _form_rows(case)
    assert (
        "被告福州闽江建材有限公司在最高债权额人民币300,000.00元限度内承担连带保证责任"
        in rows["4. 是否主张担保权利"]
    )
    item = rows["14. 是否签订保证合同"]
    assert "福州闽江建材有限公司最高额保证，最高债权额人民币300,000.00元" in item
    assert "债权确定期间2025年3月1日至2027年2月28日" in item
    assert item.endswith("；保证方式：■连带责任保证　□一般保证　□否")


def test_without_a_guarantor_item_14_is_no_and_names_no_guarantee_type():
    data = copy.deepcopy(LENDER)
    data["defendants"] = data["defendants"][:1]
    del data["loan"]["guarantee_contract"], data["loan"]["guarantee_signed_on"]
    data["evidence"] = [e for e in data["evidence"] if "保证" not in e["name"]]
    data["evidence"][2]["name"] = "提前到期通知书及送达记录"
    data["evidence"][2]["purpose"] = "证明借款已提前到期"
    item = _form_rows(DOC.parse(data))["14. 是否签订保证合同"]
    assert item == "□是　■否"


def _form_rows(case) -> dict[str, str]:
    sections = DOC.build_context(case, DOC.evaluate(case, OPTIONS))["form"]
    return {row["label"]: row["value"] for section in sections for row in section["rows"]}


def test_a_maximum_guarantee_with_its_maximum_is_claimed_within_it():
    assert "maximum_not_stated" not in _warnings(AGREED)
    case = DOC.parse(AGREED)
    assessment = DOC.evaluate(case, OPTIONS)
    sections = DOC.build_context(case, assessment)["form"]
    rows = [row for section in sections for row in section["rows"]]
    (security,) = [r for r in rows if r["label"] == "4. 是否主张担保权利"]
    assert (
        "被告福州闽江建材有限公司在最高债权额人民币300,000.00元限度内承担连带保证责任"
        in (security["value"])
    )


def test_a_guarantee_not_named_maximum_needs_no_maximum():
    data = copy.deepcopy(AGREED)
    del data["defendants"][1]["guarantee"]["maximum"]
    del data["defendants"][1]["maximum_fixing"]  # a maximum guarantee's only
    data["loan"]["guarantee_contract"] = "2025年3月1日签订的《保证合同》"
    assert "maximum_not_stated" not in _warnings(data)


def _registration_warning(data: dict, code: str):
    found = [p for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems if p.code == code]
    return found[0] if found else None


def test_a_house_mortgaged_without_registration_gives_no_priority():
    data = load_fixture("civil_complaint", "valid", "mortgage_of_a_house_not_registered")
    warning = _registration_warning(data, "mortgage_not_registered")
    assert warning is not None and warning.loc == ("loan", "collateral", "registration")
    assert "以不动产抵押的，抵押权自登记时设立（《中华人民共和国民法典》第四百零二条）" in (
        warning.message
    )
    assert "担保制度的解释》第四十六条" in warning.message
    # no security right: no claim on the house, and the guarantor answers for all of it
    printed = printed_copy("civil_complaint", data)
    assert "优先受偿" not in printed
    assert "6. 判令被告李秀英对上述第1至5项债务承担连带清偿责任；" in printed
    assert "为上述债务提供抵押担保，但未办理抵押登记。" in printed
    data["loan"]["collateral"]["registration"] = "formal"
    assert _registration_warning(data, "mortgage_not_registered") is None
    assert "优先受偿" in printed_copy("civil_complaint", data)


def test_a_movable_mortgaged_without_registration_is_told_both_rules():
    data = load_fixture("civil_complaint", "valid", "mortgage_of_a_house_not_registered")
    data["loan"]["collateral"]["property"] = (
        "被告所有的奔驰牌小型轿车一辆（车架号LE4GF4HB0KL123456）"
    )
    warning = _registration_warning(data, "mortgage_not_registered")
    assert warning is not None
    assert (
        "以动产抵押的，抵押权自抵押合同生效时设立，未经登记不得对抗善意第三人（第四百零三条）"
        in (warning.message)
    )


def test_an_advance_registration_is_checked_against_art_52():
    data = load_fixture("civil_complaint", "valid", "mortgage_of_a_house_not_registered")
    data["loan"]["collateral"]["registration"] = "advance"
    warning = _registration_warning(data, "mortgage_advance_registration")
    assert warning is not None and "第五十二条第一款" in warning.message
    assert _registration_warning(data, "mortgage_not_registered") is None


def test_a_pledge_is_not_asked_for_a_registration():
    assert _registration_warning(SALE, "mortgage_not_registered") is None
    data = copy.deepcopy(SALE)
    data["sale"]["collateral"]["registration"] = "none"
    assert _registration_warning(data, "mortgage_not_registered") is None
