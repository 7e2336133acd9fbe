"""A maximum security claimed on before its agreed time states the event that fixed its
claims (民法典 arts. 423, 439(2), 690(2)); a pledge of movables is created by delivery,
not registration (art. 429); an amount typed on a form that asks 计算方式 says how it was
computed; an accelerated loan is due."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
AGREED = load_fixture("civil_complaint", "valid", "elements_every_item")
NOT_FIXED = load_fixture("civil_complaint", "valid", "maximum_security_not_yet_fixed")
SALE = load_fixture("civil_complaint", "valid", "elements_sale_every_item")
PLEDGE = load_fixture("civil_complaint", "valid", "elements_sale_pledge_registered_not_delivered")
BANK = load_fixture("civil_complaint", "valid", "elements_bank_loan_every_item")


def _problems(data: dict) -> dict[tuple, object]:
    return {(p.code, p.loc): p for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems}


def _codes(data: dict) -> set[str]:
    return {code for code, _loc in _problems(data)}


def form_answer(data: dict, label: str) -> str:
    case = DOC.parse(data)
    sections = DOC.build_context(case, DOC.evaluate(case, OPTIONS))["form"]
    (row,) = [r for s in sections for r in s["rows"] if r["label"].endswith(label)]
    return row["value"]


# --- 最高额担保: the claims fixed before the agreed time (民法典 art. 423) ---------------


def test_a_maximum_mortgage_fixed_after_filing_is_warned_with_art_423():
    problems = _problems(NOT_FIXED)
    warning = problems[("maximum_not_fixed", ("loan", "collateral", "fixed_on"))]
    assert warning.severity == "warning"
    assert "最高额抵押约定的担保债权确定时间（2027年2月28日）晚于起诉日期（2026年11月16日）" in (
        warning.message
    )
    assert "新的债权不可能发生" in warning.message
    assert "债权人知道或者应当知道担保财产被查封或者扣押" in warning.message
    assert "《中华人民共和国民法典》第四百二十三条" in warning.message
    assert warning.hint is not None and "债权提前确定的事由" in warning.hint


def test_a_maximum_guarantee_fixed_after_filing_is_warned_with_art_690():
    loc = ("defendants", 1, "guarantee", "maximum", "period_end")
    warning = _problems(NOT_FIXED)[("maximum_not_fixed", loc)]
    assert "保证人福州闽江建材有限公司的最高额保证约定的债权确定期间至2027年2月28日届满" in (
        warning.message
    )
    assert "第六百九十条第二款、第四百二十三条" in warning.message


def test_the_event_stated_is_printed_in_the_form_and_the_facts():
    assert "maximum_not_fixed" not in _codes(AGREED)
    fixed = (
        "担保的债权已于2025年12月10日确定（新的债权不可能发生：原告依《借款合同》第九条宣布全部"
        "借款提前到期，并终止向被告王磊发放借款，此后不再发生新的借款；"
    )
    assert (
        "担保债权的确定时间：2027年2月28日（约定）；"
        + fixed
        + "《中华人民共和国民法典》第四百二十三条第（三）项）；担保额度：人民币300,000.00元"
    ) in form_answer(AGREED, "是否最高额担保（抵押、质押）")
    assert fixed + "《中华人民共和国民法典》第六百九十条第二款、第四百二十三条第（三）项）" in (
        form_answer(AGREED, "是否签订保证合同")
    )
    text = printed_copy("civil_complaint", AGREED | {"layout": "narrative"})
    assert "，并办理了抵押登记。该最高额抵押担保的债权已于2025年12月10日确定（" in text
    assert "最高债权额为人民币300,000.00元，担保的债权已于2025年12月10日确定（" in text
    assert "第四百二十条、第四百二十三条、第六百六十七条" in text


def test_the_guarantee_period_runs_from_the_day_the_claims_were_fixed():
    # 担保制度解释 art. 30: from 债权确定之日 once the debt is due; the loan fell due on
    # 2025-12-31, the claims were fixed on 2026-01-15: six months ended before filing
    data = copy.deepcopy(AGREED)
    del data["acceleration"]
    data["contract"]["due_date"] = "2025-12-31"
    data["defendants"][1]["maximum_fixing"]["on"] = "2026-01-15"
    problems = [p for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems if p.severity == "error"]
    assert [(p.loc, p.code) for p in problems] == [
        (("defendants", 1, "guarantee"), "guarantee_period_lapsed")
    ]
    assert "保证期间已于2026年7月15日届满" in problems[0].message
    # not fixed early, the period runs from the agreed end of the maximum's period
    del data["defendants"][1]["maximum_fixing"]
    assert not [p for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems if p.severity == "error"]


def test_an_event_after_filing_or_before_the_debt_or_of_no_maximum_is_refused():
    data = load_fixture("civil_complaint", "invalid", "maximum_fixed_after_filing")
    # a borrower's field the form shows only for a guarantor: sent by the API alone
    data["defendants"][0]["maximum_fixing"] = {"event": "bankruptcy", "on": "2026-10-01"}
    errors = {
        p.loc: p for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems if p.severity == "error"
    }
    assert "债权确定之日（2026年11月20日）晚于起诉日期（2026年11月16日）" in (
        errors[("loan", "collateral", "fixing", "on")].message
    )
    assert "确定之后发生的债权不属于最高额担保的范围" in (
        errors[("defendants", 1, "maximum_fixing", "on")].message
    )
    assert errors[("defendants", 0, "maximum_fixing")].code == "not_a_maximum"


# --- 动产质押: created by delivery (民法典 art. 429) --------------------------------------


def test_a_movable_pledge_asks_delivery_not_registration():
    answer = form_answer(SALE, "是否办理抵押、质押登记")
    assert answer == (
        "动产质押无须登记，质权自出质人交付质押财产时设立（《中华人民共和国民法典》第四百二十九条）"
        "；是否已交付质押财产：■是　□否"
    )
    assert "movable_pledge_registered" not in _codes(SALE)


def test_a_movable_pledge_marked_registered_and_not_delivered_is_warned_and_not_claimed():
    problems = _problems(PLEDGE)
    registered = problems[("movable_pledge_registered", ("sale", "collateral", "registration"))]
    assert "质押财产（其所有的挖掘机两台（机身号XG-2201、XG-2202））为动产" in registered.message
    assert "第四百二十九条" in registered.message
    assert "第四百四十一条、第四百四十三条至第四百四十五条" in registered.message
    undelivered = problems[("pledge_not_delivered", ("sale", "collateral", "delivered"))]
    assert "未交付的质权未设立" in undelivered.message
    # no pledge: no priority claimed, and the guarantor answers for the whole debt (art. 392)
    claim = form_answer(PLEDGE, "是否主张担保权利")
    assert "优先受偿" not in claim
    assert claim == "■是 内容：被告孙立承担连带保证责任　□否"
    assert "；是否已交付质押财产：□是　■否" in form_answer(PLEDGE, "是否办理抵押、质押登记")
    text = printed_copy("civil_complaint", PLEDGE | {"layout": "narrative"})
    assert "提供质押担保，但质押财产未交付。" in text and "出质登记" not in text


def test_a_pledge_of_a_right_keeps_its_registration():
    data = copy.deepcopy(SALE)
    data["sale"]["collateral"]["property"] = "其持有的杭州某某投资有限公司30%股权"
    data["sale"]["collateral"]["registration"] = "formal"
    codes = _codes(data)
    assert "movable_pledge_registered" not in codes
    assert form_answer(data, "是否办理抵押、质押登记") == "■是 ■正式登记　□预告登记　□否"
    text = printed_copy("civil_complaint", data | {"layout": "narrative"})
    assert "提供质押担保，并办理了出质登记。约定的担保范围为" in text


def test_the_goods_delivered_are_counted_in_their_own_unit():
    assert "按期交付标的物10台，逾期交付0台，逾期未交付0台" in form_answer(
        SALE, "价款支付及标的物交付情况"
    )


# --- 计算方式 on the element forms -------------------------------------------------------


def test_an_amount_typed_without_its_basis_is_warned_and_a_note_is_printed():
    warning = _problems(PLEDGE)[("calculation_not_stated", ("amounts", "components", 1))]
    assert "「逾期付款违约金」直接填写了金额，未填写计算方式或说明" in warning.message
    assert "第一百二十四条第（三）项" in warning.message
    data = copy.deepcopy(PLEDGE)
    data["amounts"]["components"][1]["note"] = "按合同第六条每日万分之五计算"
    assert "calculation_not_stated" not in _codes(data)
    assert "计算方式：逾期付款违约金按合同第六条每日万分之五计算" in form_answer(
        data, "被告应当支付的利息、违约金、赔偿金"
    )


def test_the_bank_forms_parts_of_the_interest_each_state_their_basis():
    answer = form_answer(BANK, "利息（期内利息、复利、罚息）")
    assert "期内利息以400,000.00元为基数，自2025年11月21日起按年利率4.35%计算至2025年12月10日" in (
        answer
    )
    assert "复利以953.42元为基数，自2025年12月11日起按年利率6.525%计算至2026年10月31日" in answer
    data = copy.deepcopy(BANK)
    data["amounts"]["components"][3] = {"kind": "interest", "label": "复利", "amount": "55.39"}
    assert ("calculation_not_stated", ("amounts", "components", 3)) in _problems(data)
    # the narrative states no 计算方式 item: not warned there
    assert "calculation_not_stated" not in _codes(data | {"layout": "narrative"})


# --- 是否到期 ----------------------------------------------------------------------------


def test_an_accelerated_loan_is_due_from_the_day_declared():
    assert form_answer(AGREED, "借款期限").startswith(
        "是否到期：■是 （提前到期：依合同第九条于2025年12月10日宣布全部借款到期）　□否；"
    )
    data = copy.deepcopy(AGREED)
    del data["acceleration"]
    data["contract"]["due_date"] = "2026-10-31"
    data["loan"]["collateral"]["fixed_on"] = "2026-10-31"
    del data["loan"]["collateral"]["fixing"]
    assert form_answer(data, "借款期限").startswith("是否到期：■是　□否；")
