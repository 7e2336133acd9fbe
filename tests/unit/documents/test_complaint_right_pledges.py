"""A pledge of a right is created by the kind of right (民法典 arts. 441, 443–445): a
certificate (汇票、本票、支票、债券、存款单、仓单、提单) by delivering it, or by registration
where there is none; equity and fund shares, intellectual property and receivables by
registration only. A pledge not created gives no 优先受偿, and the user is told why."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
RECEIPT = load_fixture("civil_complaint", "valid", "elements_sale_deposit_receipt_pledged")
EQUITY = load_fixture("civil_complaint", "valid", "elements_sale_equity_pledge_not_registered")
PLEDGE_CODES = {"certificate_not_delivered", "right_pledge_not_registered"}


def _problems(data: dict) -> dict[str, object]:
    return {p.code: p for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems}


def _form_answer(data: dict, label: str) -> str:
    case = DOC.parse(data | {"layout": "elements"})
    sections = DOC.build_context(case, DOC.evaluate(case, OPTIONS))["form"]
    (row,) = [r for s in sections for r in s["rows"] if r["label"].endswith(label)]
    return row["value"]


def _narrative(data: dict) -> str:
    return printed_copy("civil_complaint", data | {"layout": "narrative"})


def _with(data: dict, **collateral: object) -> dict:
    data = copy.deepcopy(data)
    data["sale"]["collateral"].update(collateral)
    return data


def test_a_deposit_receipt_delivered_is_pledged_without_registration():
    text = _narrative(RECEIPT)
    assert "提供质押担保，并已交付权利凭证。约定的担保范围为" in text
    assert "出质登记" not in text
    assert (
        "定期存单一张（存单号DC2025-0918，金额人民币200,000元））折价或者拍卖、变卖所得的价款"
        in text
    )
    # a right's pledge rests on art. 440 and the article of its kind, art. 446 applying art. 436
    assert "第三百九十二条、第四百三十六条、第四百四十条、第四百四十一条、第四百四十六条" in text
    assert not PLEDGE_CODES & set(_problems(RECEIPT))
    assert _form_answer(RECEIPT, "是否办理抵押、质押登记") == (
        "以汇票、本票、支票、债券、存款单、仓单、提单出质的，质权自权利凭证交付质权人时设立；"
        "没有权利凭证的，自办理出质登记时设立（《中华人民共和国民法典》第四百四十一条）；"
        "是否已交付权利凭证：■是　□否"
    )


def test_a_certificate_neither_delivered_nor_registered_is_no_pledge():
    data = _with(RECEIPT, delivered=False)
    warning = _problems(data)["certificate_not_delivered"]
    assert warning.loc == ("sale", "collateral", "delivered") and warning.severity == "warning"
    assert "质权自权利凭证交付质权人时设立，没有权利凭证的，自办理出质登记时设立" in warning.message
    assert "第四百四十一条" in warning.message and "未请求就该权利优先受偿" in warning.message
    text = _narrative(data)
    assert "提供质押担保，但权利凭证未交付。约定的担保范围为" in text and "优先受偿；" not in text
    assert "判令被告孙立对上述第1至4项债务承担连带清偿责任；" in text


def test_a_bill_without_a_certificate_is_pledged_by_registration():
    data = _with(RECEIPT, property="电子商业汇票一张（票据号码1234，金额人民币200,000元）")
    data["sale"]["collateral"].update(registration="formal", delivered=None)
    assert not PLEDGE_CODES & set(_problems(data))
    text = _narrative(data)
    assert (
        "提供质押担保，并办理了出质登记。约定的担保范围为" in text and "在上述第1至4项债权" in text
    )
    assert _form_answer(data, "是否办理抵押、质押登记") == "■是 ■正式登记　□预告登记　□否"


def test_equity_not_registered_is_no_pledge_and_the_user_is_told():
    warning = _problems(EQUITY)["right_pledge_not_registered"]
    assert warning.loc == ("sale", "collateral", "registration")
    assert (
        "以基金份额、股权出质的，质权自办理出质登记时设立（《中华人民共和国民法典》第四百四十三条）"
        in (warning.message)
    )
    text = _narrative(EQUITY)
    assert "30%股权为上述债务提供质押担保，但未办理出质登记。" in text
    assert "优先受偿；" not in text and "第四百四十三条" not in text
    registered = _with(EQUITY, registration="formal")
    assert "right_pledge_not_registered" not in _problems(registered)
    assert "30%股权）折价或者拍卖、变卖所得的价款" in _narrative(registered)


@pytest.mark.parametrize(
    ("described", "article"),
    [
        ("其享有的对上海某某建设集团有限公司的应收账款人民币300,000元", "第四百四十五条"),
        ("其所有的第12345678号注册商标专用权", "第四百四十四条"),
        ("其持有的某某稳健混合型证券投资基金份额10万份", "第四百四十三条"),
    ],
)
def test_each_registered_right_names_its_own_article(described, article):
    data = _with(EQUITY, property=described)
    assert f"（《中华人民共和国民法典》{article}）" in (
        _problems(data)["right_pledge_not_registered"].message
    )
