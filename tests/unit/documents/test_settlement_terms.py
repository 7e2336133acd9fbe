"""A settlement's terms around its amount: the court for its disputes, the concession kept
on default, the recital's words, the parties' ID label and the loss measure of a late price."""

from __future__ import annotations

import copy
from datetime import date

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.web.formspec import form_spec
from tests.support import load_fixture, printed_copy

TYPE = registry.get("settlement_agreement")
OPTIONS = RuleOptions(today=date(2026, 12, 1))
WITHDRAW = load_fixture("settlement_agreement", "valid", "withdraw_after_the_first_payment")
BEFORE_SUIT = load_fixture("settlement_agreement", "valid", "before_suit_paid_at_once")
MEDIATION = load_fixture("settlement_agreement", "valid", "mediation_statement_rows")
SALE_ONCE = load_fixture(
    "settlement_agreement", "valid", "sale_paid_at_once_late_interest_may_be_reduced"
)


def _assess(data):
    return TYPE.evaluate(TYPE.parse(data), OPTIONS)


def _warnings(data, code: str) -> list:
    return [w for w in _assess(data).warnings if w.code == code]


def _article(printed: str, heading: str) -> str:
    lines = printed.splitlines()
    at = next(i for i, line in enumerate(lines) if line.endswith(heading))
    return lines[at + 1]


# --- the court for disputes over the agreement ---------------------------------------


def test_a_settlement_in_a_suit_sends_its_disputes_to_the_suits_court():
    for data in (WITHDRAW, MEDIATION):
        printed = printed_copy("settlement_agreement", data)
        assert _article(printed, "争议解决") == (
            "因本协议及《借款合同》引起的或与之有关的争议，各方协商不成的，任何一方均可向北京市"
            "东城区人民法院提起诉讼；《借款合同》约定的争议解决方式与本协议的约定不一致的，以本协议"
            "的约定为准。"
            if "guarantor" in data
            else "因本协议及《借款合同》引起的或与之有关的争议，双方协商不成的，任何一方均可向"
            "北京市东城区人民法院提起诉讼；《借款合同》约定的争议解决方式与本协议的约定不一致的，"
            "以本协议的约定为准。"
        )
    # the article stands before 其他, which keeps its place last
    lines = printed_copy("settlement_agreement", WITHDRAW).splitlines()
    assert lines.index("第六条　争议解决") < lines.index("第七条　送达地址")
    assert lines.index("第七条　送达地址") < lines.index("第八条　其他")


def test_before_any_suit_disputes_go_to_the_creditors_domicile():
    printed = printed_copy("settlement_agreement", BEFORE_SUIT)
    assert _article(printed, "第五条　争议解决") == (
        "因本协议及《建材买卖合同》引起的或与之有关的争议，双方协商不成的，任何一方均可向甲方"
        "住所地人民法院提起诉讼；《建材买卖合同》约定的争议解决方式与本协议的约定不一致的，以本协议"
        "的约定为准。"
    )


def test_the_parties_may_choose_the_debtors_domicile_or_the_signing_place():
    data = copy.deepcopy(BEFORE_SUIT)
    data["jurisdiction"] = {"kind": "debtor_domicile"}
    assert "任何一方均可向乙方住所地人民法院提起诉讼；《建材买卖合同》约定的" in printed_copy(
        "settlement_agreement", data
    )
    data["jurisdiction"] = {"kind": "signing_place"}
    # the signing place's court keeps to the settlement's own disputes (test_forum_scope.py)
    assert (
        "因本协议引起的争议，双方协商不成的，任何一方均可向本协议签订地（广东省深圳市福田区）人民法院提起诉讼。"
        in printed_copy("settlement_agreement", data)
    )
    del data["signing_place"]
    errors = [(e.loc, e.code) for e in _assess(data).errors]
    assert errors == [(("signing_place",), "missing")]


def test_a_named_court_at_a_partys_domicile_is_printed_and_one_elsewhere_refused():
    data = load_fixture(
        "settlement_agreement", "valid", "disputes_to_a_named_court_at_the_debtors_domicile"
    )
    # typed 「福州市鼓楼区人民法院」, printed by its full name as every paper names a court
    printed = printed_copy("settlement_agreement", data)
    assert "任何一方均可向福建省福州市鼓楼区人民法院提起诉讼；" in printed
    data = load_fixture("settlement_agreement", "invalid", "agreed_court_without_connection")
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("jurisdiction", "court"), "court_no_connection")
    assert "第三十五条" in error.message
    assert "福州市鼓楼区人民法院（福州闽江建材有限公司住所地）" in error.message


def test_the_suits_court_cannot_be_chosen_before_any_suit():
    data = load_fixture("settlement_agreement", "invalid", "suit_court_before_any_suit")
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("jurisdiction", "kind"), "no_suit")


def test_the_form_offers_the_forum_and_the_court_only_when_named():
    spec = form_spec(TYPE.json_schema(), TYPE.title)
    forum = next(f for f in spec["fields"] if f["name"] == "jurisdiction")
    kind, court = forum["fields"]
    assert [c["title"] for c in kind["choices"]] == [
        "受理本案的人民法院",
        "甲方住所地人民法院",
        "乙方住所地人民法院",
        "本协议签订地人民法院",
        "指定人民法院",
    ]
    assert not kind["required"] and "不选的" in kind["description"]
    assert court["shown_when"] == {"field": "kind", "in": ["court"]}


# --- the concession kept on default ---------------------------------------------------


def test_a_concession_kept_on_default_is_warned_of_with_the_shortfall():
    data = load_fixture("settlement_agreement", "valid", "concession_kept_when_the_debtor_defaults")
    (warning,) = _warnings(data, "concession_kept_on_default")
    assert warning.loc == ("concession_on_default",)
    assert warning.message.startswith("已选择乙方违约时减让仍然有效：")
    assert "和解金额比诉讼请求金额少人民币13,249.32元" in warning.message
    assert "第五百六十三条" in warning.message and "第一百五十八条" in warning.message
    assert "原欠款金额" in (warning.hint or "")
    # printed: the settled amount's balance, no original debt
    printed = printed_copy("settlement_agreement", data)
    assert "乙方应一次性付清和解款总额人民币105,000.00元" in printed
    assert "原欠款" not in printed
    # the lapse chosen, or nothing conceded against the claim: no warning
    lapsing = load_fixture(
        "settlement_agreement", "valid", "late_interest_and_the_concession_lapsing"
    )
    assert _warnings(lapsing, "concession_kept_on_default") == []
    whole = copy.deepcopy(data)
    whole["amount"] = whole["suit"]["claimed"]
    whole["schedule"]["generate"]["count"] = 1
    assert _warnings(whole, "concession_kept_on_default") == []


def test_before_any_suit_the_concession_is_warned_of_without_a_figure():
    data = copy.deepcopy(BEFORE_SUIT)
    for key in ("original_debt", "original_debt_date", "original_principal"):
        del data[key]
    data["concession_on_default"] = "kept"
    (warning,) = _warnings(data, "concession_kept_on_default")
    assert warning.message.startswith("已选择乙方违约时减让仍然有效：和解金额低于原欠款的，")


def test_the_concession_lapses_unless_keeping_it_is_chosen():
    # the default: the lapse, which needs the original debt
    data = load_fixture(
        "settlement_agreement", "invalid", "concession_lapsing_without_the_original_debt"
    )
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("original_debt",), "original_debt_missing")
    assert error.message.startswith("请填写原欠款金额：协议约定乙方违约时甲方的减让失效")
    assert "第一百五十八条" in error.message and "减让仍然有效" in (error.hint or "")
    # nothing conceded against the claim: nothing to lapse, nothing asked
    whole = copy.deepcopy(data)
    whole["amount"] = whole["suit"]["claimed"]
    assert [e.code for e in _assess(whole).errors] == []
    # kept by choice, and an original debt typed beside it: refused
    data = load_fixture("settlement_agreement", "invalid", "original_debt_with_the_concession_kept")
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("original_debt",), "original_debt_with_concession_kept")
    # the form offers the choice, the lapse first
    properties = TYPE.json_schema()["properties"]
    assert properties["concession_on_default"]["default"] == "lapses"
    assert properties["original_debt_date"]["title"] == "原欠款计算截至日"


def test_the_original_debt_states_its_date_and_its_parts():
    data = load_fixture("settlement_agreement", "invalid", "original_debt_without_its_date")
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("original_debt_date",), "original_debt_date_missing")
    assert "第五百一十条" in error.message
    data["original_debt_date"] = "2026-11-25"  # after the signing on 2026-11-24
    (error,) = _assess(data).errors
    assert error.code == "original_debt_date_after_agreement"
    printed = printed_copy("settlement_agreement", BEFORE_SUIT)
    assert (
        "乙方确认，截至2026年11月20日，其和解前尚欠甲方的款项（以下简称“原欠款”）为人民币"
        "450,000.00元（大写：肆拾伍万元整），均为货款；甲方同意减让其中的货款人民币30,000.00元"
    ) in printed


# --- the recital --------------------------------------------------------------------


def test_the_recital_calls_the_parties_by_role_and_writes_amounts_in_full():
    printed = printed_copy("settlement_agreement", WITHDRAW)
    assert (
        "根据约定，乙方应于2026年1月10日（含当日）前向甲方归还借款。甲方已依约向乙方出借人民币100,000.00元，"
        "乙方到期未还。"
    ) in printed
    assert not _warnings(WITHDRAW, "recital_party_names") + _warnings(
        WITHDRAW, "recital_amount_format"
    )


def test_facts_typed_with_names_and_bare_figures_are_warned_of_with_the_rewrite():
    data = load_fixture(
        "settlement_agreement", "valid", "recital_with_the_parties_names_and_bare_figures"
    )
    named = {w.loc: w for w in _warnings(data, "recital_party_names")}
    figures = {w.loc: w for w in _warnings(data, "recital_amount_format")}
    assert set(named) == {("facts",), ("contract", "summary")}
    assert set(figures) == {("contract", "summary")}
    assert named[("facts",)].message.startswith("争议经过以「刘芳」「张伟」称呼当事人")
    assert named[("facts",)].hint == "可改为：乙方到期未还，甲方多次催要未果"
    assert "「10万元」" in figures[("contract", "summary")].message
    assert "「人民币100,000.00元」" in figures[("contract", "summary")].message


def test_what_was_due_is_named_by_the_contracts_kind():
    expected = {
        "private_lending": "向甲方归还借款。",
        "credit_card": "向甲方偿还信用卡透支款项。",
        "service": "向甲方支付服务费用。",
        "other": "向甲方支付该合同约定的款项。",
    }
    for kind, words in expected.items():
        data = copy.deepcopy(WITHDRAW)
        data["contract"]["kind"] = kind
        printed = printed_copy("settlement_agreement", data)
        assert f"根据约定，乙方应于2026年1月10日（含当日）前{words}" in printed, kind
        assert "相应款项" not in printed


def test_the_parties_resident_id_numbers_carry_the_court_papers_label():
    data = load_fixture(
        "settlement_agreement", "valid", "debtor_with_limited_capacity_signed_by_guardian"
    )
    printed = printed_copy("settlement_agreement", data)
    assert "公民身份号码：310115199002142648" in printed
    assert "法定代理人公民身份号码：" in printed
    assert "居民身份证号码" not in printed


# --- the loss measure of a price paid late -------------------------------------------


def test_the_loss_measure_is_the_lpr_at_the_breach_an_unpublished_one_an_estimate():
    result = _assess(SALE_ONCE)
    (reduced,) = [w for w in result.warnings if w.code == "late_interest_may_be_reduced"]
    assert "以违约行为发生时的一年期LPR为基础" in reduced.message
    assert "乙方最早于2027年1月1日逾期，届时的一年期LPR尚未公布，按LPR参考表最近一期3%估算" in (
        reduced.message
    )
    assert "签订日" not in reduced.message
    (unverified,) = [w for w in result.warnings if w.code == "lpr_unverified"]
    assert unverified.loc == ("late_interest", "value")
    assert unverified.message.startswith("LPR参考表仅核实至2025年6月19日")


def test_a_breach_within_the_verified_table_states_its_lpr_as_known():
    data = copy.deepcopy(SALE_ONCE)
    data["agreement_date"] = "2025-05-25"
    data["schedule"] = {"rows": [{"due_date": "2025-06-01", "amount": data["amount"]}]}
    result = TYPE.evaluate(TYPE.parse(data), RuleOptions(today=date(2025, 5, 26)))
    (reduced,) = [w for w in result.warnings if w.code == "late_interest_may_be_reduced"]
    assert "乙方最早于2025年6月2日逾期，当日的一年期LPR为3%，至多年利率4.5%" in reduced.message
    assert "lpr_unverified" not in [w.code for w in result.warnings]


def test_a_recital_telling_the_loan_twice_is_refused_at_the_facts():
    data = load_fixture("settlement_agreement", "invalid", "recital_telling_the_loan_twice")
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("facts",), "recital_repeats")
    assert error.message.startswith(
        "争议经过与债务形成经过重复叙述同一笔款项（人民币100,000.00元，写作「100,000元」「10万元」）"
    )
    # one text, one sum in two forms
    once = copy.deepcopy(data)
    del once["contract"]["summary"]
    once["facts"] = "甲方出借10万元（即100,000元），乙方到期未还"
    (error,) = _assess(once).errors
    assert error.message.startswith("争议经过重复叙述同一笔款项")
