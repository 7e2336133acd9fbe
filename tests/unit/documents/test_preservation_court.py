"""Before suit, preservation is applied for where the property or the respondent is, or
to a court with jurisdiction over the case (民事诉讼法 art. 104)."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

DOC = registry.get("preservation_application")
PRE_SUIT = load_fixture("preservation_application", "valid", "pre_suit_cash")


def _warnings(data: dict) -> list:
    problems = DOC.evaluate(DOC.parse(data), RuleOptions()).problems
    return [p for p in problems if p.code == "pre_suit_court_place"]


def test_the_court_of_the_respondents_domicile_takes_it():
    assert PRE_SUIT["court"] == "福州市鼓楼区人民法院"
    assert _warnings(PRE_SUIT) == []


def test_a_court_where_neither_the_respondent_nor_the_property_is_is_warned():
    data = copy.deepcopy(PRE_SUIT)
    data["court"] = "深圳市福田区人民法院"
    (warning,) = _warnings(data)
    assert (warning.loc, warning.severity) == (("court",), "warning")
    assert "第一百零四条" in warning.message
    assert warning.message.endswith("被申请人的住所地及所列不动产均不在深圳市福田区人民法院辖区")
    assert warning.hint and "合同履行地、协议管辖" in warning.hint


def test_real_estate_in_the_courts_territory_grounds_it():
    data = copy.deepcopy(PRE_SUIT)
    data["court"] = "深圳市福田区人民法院"
    data["measures"] = ["freeze", "seal"]
    data["property_leads"].append(
        {
            "kind": "real_estate",
            "owner": "福州闽江建材有限公司",
            "location": "广东省深圳市福田区福华三路88号财富大厦12层",
        }
    )
    assert _warnings(data) == []


def test_an_application_in_suit_is_not_compared():
    data = copy.deepcopy(load_fixture("preservation_application", "valid", "in_suit_insurance"))
    data["court"] = "深圳市福田区人民法院"
    assert _warnings(data) == []
