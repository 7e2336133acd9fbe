"""The complaint's security: the debtor's own mortgage or pledge answers before a guarantor
(民法典 art. 392)."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
AGREED = load_fixture("civil_complaint", "valid", "elements_every_item")
SALE = load_fixture("civil_complaint", "valid", "elements_sale_every_item")


def _warnings(data: dict) -> dict:
    assessment = DOC.evaluate(DOC.parse(data), OPTIONS)
    assert assessment.errors == []
    return {p.code: p for p in assessment.problems if p.severity == "warning"}


def test_a_guarantor_claimed_ahead_of_the_debtors_own_pledge_is_warned_of():
    warning = _warnings(SALE)["own_collateral_first"]
    assert warning.loc == ("sale", "collateral", "enforcement_order")
    assert "债务人杭州远景建设工程有限公司以自己的财产（被告所有的挖掘机两台" in warning.message
    assert "提供质押，又请求保证人孙立承担保证责任" in warning.message
    assert "《中华人民共和国民法典》第三百九十二条" in warning.message
    assert warning.hint is not None and "优先受偿" in warning.hint


def test_an_agreed_order_lets_the_guarantor_be_claimed_directly():
    assert "own_collateral_first" not in _warnings(AGREED)
    data = copy.deepcopy(AGREED)
    del data["loan"]["collateral"]["enforcement_order"]
    assert _warnings(data)["own_collateral_first"].loc == (
        "loan",
        "collateral",
        "enforcement_order",
    )


def test_a_third_partys_property_leaves_the_creditor_its_choice():
    data = copy.deepcopy(SALE)
    data["sale"]["collateral"]["provider"] = "杭州某某投资有限公司"
    assert "own_collateral_first" not in _warnings(data)


def test_without_a_guarantor_sued_the_order_does_not_arise():
    data = copy.deepcopy(SALE)
    data["defendants"] = data["defendants"][:1]
    assert "own_collateral_first" not in _warnings(data)
