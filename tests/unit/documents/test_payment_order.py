"""The application for a payment order: when it is refused, and what it asks for."""

from __future__ import annotations

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

DOC = registry.get("payment_order")


def _problems(name: str, kind: str = "invalid") -> list:
    case = DOC.parse(load_fixture("payment_order", kind, name))
    return DOC.evaluate(case, RuleOptions()).problems


def _text(name: str) -> str:
    case = DOC.parse(load_fixture("payment_order", "valid", name))
    context = DOC.build_context(case, DOC.assess(case, RuleOptions()))
    return "\n".join(paragraphs(layouts.LAYOUTS["payment_order"].build(context)))


def test_it_asks_for_the_total_with_each_item_and_states_the_fee():
    text = _text("person_principal_and_interest")
    assert (
        "请求贵院向被申请人张伟发出支付令，督促被申请人向申请人给付人民币110,832.88元"
        "（大写：壹拾壹万零捌佰叁拾贰元捌角捌分）（其中借款本金人民币100,000.00元" in text
    )
    # each item's basis after its name, so that the figure meets the facts
    assert (
        "利息（以借款本金100,000元为基数，按约定年利率6%，自2025年1月11日起至2026年10月31日止，"
        "共659日）人民币10,832.88元（大写：壹万零捌佰叁拾贰元捌角捌分））。" in text
    )
    # 50 + 90,000 × 2.5% + 10,832.88 × 2% = 2,516.6576; a third of it (诉讼费用交纳办法
    # art. 14(3)) is 838.885… → 838.89
    assert (
        "申请费人民币838.89元（大写：捌佰叁拾捌元捌角玖分），由申请人预交；被申请人对支付令"
        "未提出异议的，由被申请人负担（《诉讼费用交纳办法》第三十六条）。" in text
    )
    assert "第二百二十五条" in text


def test_a_single_item_is_named_before_its_amount():
    text = _text("principal_only_small")
    assert "督促被申请人向申请人给付借款本金人民币18,000.00元（大写：壹万捌仟元整）。" in text


def test_interest_without_its_basis_is_warned_on_the_item():
    data = load_fixture("payment_order", "valid", "person_principal_and_interest")
    del data["items"][1]["basis"]
    (problem,) = DOC.evaluate(DOC.parse(data), RuleOptions()).problems
    assert (problem.loc, problem.code, problem.severity) == (
        ("items", 1, "basis"),
        "basis_missing",
        "warning",
    )
    assert problem.message.startswith(
        "请写明利息人民币10,832.88元的计算方式（基数、利率、起止日期）"
    )
    assert "第二百二十五条" in problem.message


def test_a_creditor_owing_a_counter_performance_is_refused():
    (problem,) = _problems("creditor_owes_counter_performance")
    assert problem.loc == ("counter_performance",)
    assert "对待给付义务" in problem.message and "第四百二十七条" in problem.message


def test_a_debtor_abroad_or_out_of_reach_cannot_be_ordered_to_pay():
    problems = {p.loc: p.message for p in _problems("debtor_abroad_and_unreachable")}
    assert "不在我国境内" in problems[("respondent_in_mainland",)]
    assert "不适用公告送达" in problems[("respondent_reachable",)]


def test_only_a_basic_court_takes_it():
    problems = {p.loc: p for p in _problems("intermediate_court_and_preservation")}
    assert problems[("court",)].code == "court_level"
    assert "第二十三条" in problems[("court",)].message


def test_a_court_away_from_the_debtors_domicile_is_refused_naming_the_right_one():
    (problem,) = _problems("court_away_from_the_debtor")
    assert (problem.loc, problem.severity, problem.code) == (("court",), "error", "court_place")
    assert problem.message.startswith(
        "北京市朝阳区人民法院对本申请没有管辖权：被申请人张伟的住所地"
    )
    assert "由债务人住所地的基层人民法院管辖" in problem.message
    assert "第二十三条" in problem.message and "第四百二十七条" in problem.message
    assert problem.hint == "应向北京市东城区人民法院（被申请人张伟住所地）申请"


def test_the_debtors_court_takes_it_and_is_named_in_the_application():
    assert _problems("person_principal_and_interest", "valid") == []
    assert "此致" in _text("person_principal_and_interest")
    assert "北京市东城区人民法院" in _text("person_principal_and_interest")


def test_the_court_of_the_debtors_habitual_residence_takes_it_too():
    data = load_fixture("payment_order", "invalid", "court_away_from_the_debtor")
    data["respondent"]["habitual_residence"] = "北京市朝阳区和平街十一区3号楼1单元502室"
    assert DOC.evaluate(DOC.parse(data), RuleOptions()).problems == []


def test_interest_or_penalty_not_agreed_is_refused():
    (problem,) = _problems("penalty_not_agreed")
    assert problem.loc == ("items", 2, "agreed") and "违约金" in problem.message
