"""The application for a payment order: when it is refused, and what it asks for."""

from __future__ import annotations

from docgen import layouts
from docgen.docmodel.blocks import Document, Table, paragraphs, walk
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

DOC = registry.get("payment_order")


def _problems(name: str, kind: str = "invalid") -> list:
    case = DOC.parse(load_fixture("payment_order", kind, name))
    return DOC.evaluate(case, RuleOptions()).problems


def _document(name: str) -> Document:
    case = DOC.parse(load_fixture("payment_order", "valid", name))
    context = DOC.build_context(case, DOC.assess(case, RuleOptions()))
    return layouts.LAYOUTS["payment_order"].build(context)


def _text(name: str) -> str:
    return "\n".join(paragraphs(_document(name)))


def test_it_asks_for_each_item_numbered_then_the_total_and_states_the_fee():
    text = _text("person_principal_and_interest")
    # numbered items, each with its basis after its amount: no bracket inside another
    assert (
        "请求贵院向被申请人张伟发出支付令，督促被申请人向申请人给付下列款项：\n"
        "1. 借款本金人民币100,000.00元（大写：壹拾万元整）；\n"
        "2. 借期内利息人民币6,000.00元（大写：陆仟元整）（以借款本金100,000元为基数，"
        "按约定年利率6%，自2025年1月11日起至2026年1月10日止，共365日）；\n"
        "3. 逾期利息人民币4,832.88元（大写：肆仟捌佰叁拾贰元捌角捌分）（以借款本金100,000元"
        "为基数，按《借款合同》约定的逾期年利率6%，自2026年1月11日起至2026年10月31日止，"
        "共294日）。\n"
        "以上合计人民币110,832.88元（大写：壹拾壹万零捌佰叁拾贰元捌角捌分）。" in text
    )
    assert "）（其中" not in text and "））" not in text
    # 50 + 90,000 × 2.5% + 10,832.88 × 2% = 2,516.6576; a third of it (诉讼费用交纳办法
    # art. 14(3)) is 838.885… → 838.89; the basis is a sentence of the application
    assert (
        "申请费人民币838.89元（大写：捌佰叁拾捌元捌角玖分）：按请求给付的金额人民币110,832.88元，"
        "依《诉讼费用交纳办法》第十三条第（一）项分段累计为人民币2,516.66元，依第十四条第（三）项"
        "按其三分之一计算。申请费由申请人预交；被申请人对支付令未提出异议的，由被申请人负担"
        "（同办法第三十六条）。\n此致" in text
    )
    assert "第二百二十五条" in text


def test_the_evidence_is_a_table_with_each_source_and_purpose():
    doc = _document("person_principal_and_interest")
    (table,) = [b for b in walk(doc.blocks) if isinstance(b, Table)]
    assert [c.header for c in table.columns] == ["序号", "证据名称", "证据来源", "证明目的"]
    assert table.rows[1][:3] == ("2", "银行转账凭证", "中国工商银行出具")
    # every application prints the same four columns: the company's too
    (table,) = [b for b in walk(_document("company_goods_paid_for").blocks) if isinstance(b, Table)]
    assert [c.header for c in table.columns] == ["序号", "证据名称", "证据来源", "证明目的"]
    assert table.rows[2][3] == "证明被申请人确认尚欠货款的金额"
    # exhibits named only: a column blank in every row is left out, its width to the name
    (table,) = [
        b
        for b in walk(_document("evidence_by_name_and_no_position").blocks)
        if isinstance(b, Table)
    ]
    assert [c.header for c in table.columns] == ["序号", "证据名称"]
    assert [c.width for c in table.columns] == [8, 92]
    assert table.rows[0] == ("1", "《建材买卖合同》")


def test_exhibits_named_only_are_read_and_their_sources_asked_for():
    problems = _problems("evidence_by_name_and_no_position", "valid")
    sources = [p for p in problems if p.code == "source_missing"]
    assert [p.loc for p in sources] == [("evidence", i, "source") for i in range(3)]
    assert sources[0].message.startswith("请写明证据「《建材买卖合同》」的来源")
    assert "第十九条" in sources[0].message
    purposes = [p for p in problems if p.code == "purpose_missing"]
    assert [p.loc for p in purposes] == [("evidence", i, "purpose") for i in range(3)]
    assert purposes[0].message.startswith(
        "请写明证据「《建材买卖合同》」的证明目的（证明对象和内容"
    )
    assert purposes[0].severity == "warning"
    text = _text("evidence_by_name_and_no_position")
    assert "送货单及验收单" in text


def test_the_applicants_representative_is_named_with_the_position_or_warned():
    text = _text("company_goods_paid_for")
    assert "法定代表人：陈建国，执行董事。" in text
    assert "法定代表人：林海，执行董事兼总经理。" in text
    (problem,) = [
        p
        for p in _problems("evidence_by_name_and_no_position", "valid")
        if p.code == "position_missing"
    ]
    assert (problem.loc, problem.severity) == (("applicant", "representative_position"), "warning")
    assert problem.message == (
        "支付令申请书应写明深圳市恒信商贸有限公司的法定代表人陈建国的职务"
        "（参照《中华人民共和国民事诉讼法》第一百二十四条第一项）"
    )
    assert "法定代表人：陈建国。" in _text("evidence_by_name_and_no_position")


def test_the_papers_filed_with_it_and_one_word_to_sign_with():
    text = _text("person_principal_and_interest")
    # the evidence counted by the three exhibits listed, not by the one respondent
    assert (
        "北京市东城区人民法院\n附：\n1．本申请书副本1份；\n2．证据材料3份；\n"
        "3．申请人刘芳的居民身份证复印件。\n"
        "申请人：刘芳（签名）＿＿＿＿＿＿＿＿\n" in text
    )
    company = _text("company_goods_paid_for")
    signs = "法定代表人：陈建国（签名）＿＿＿＿＿＿＿＿"
    assert f"深圳市恒信商贸有限公司（盖章）\n{signs}\n" in company
    assert "签字" not in text + company


def test_a_single_item_is_named_before_its_amount():
    text = _text("principal_only_small")
    assert "督促被申请人向申请人给付借款本金人民币18,000.00元（大写：壹万捌仟元整）。" in text


def test_interest_without_its_basis_is_warned_on_the_item():
    data = load_fixture("payment_order", "valid", "person_principal_and_interest")
    del data["items"][1]["basis"]
    (problem,) = [
        p
        for p in DOC.evaluate(DOC.parse(data), RuleOptions()).problems
        if p.loc[:2] == ("items", 1)
    ]
    assert (problem.loc, problem.code, problem.severity) == (
        ("items", 1, "basis"),
        "basis_missing",
        "warning",
    )
    assert problem.message.startswith(
        "请写明借期内利息人民币6,000.00元的计算方式（基数、利率、起止日期）"
    )
    assert "第二百二十五条" in problem.message


def test_a_creditor_owing_a_counter_performance_is_refused():
    (problem,) = _problems("creditor_owes_counter_performance")
    assert problem.loc == ("counter_performance",)
    assert "对待给付义务" in problem.message and "第四百二十七条" in problem.message


def test_a_debtor_abroad_and_out_of_reach_cannot_be_ordered_to_pay():
    problems = {p.loc: p.message for p in _problems("debtor_abroad_and_unreachable")}
    assert list(problems) == [("respondent_in_mainland",)]
    assert "不在我国境内" in problems[("respondent_in_mainland",)]
    assert "不适用公告送达" in problems[("respondent_in_mainland",)]


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
    problems = _problems("person_principal_and_interest", "valid")
    assert [p.code for p in problems] == ["interest_ends_before_application"]  # not the court
    assert "此致" in _text("person_principal_and_interest")
    assert "北京市东城区人民法院" in _text("person_principal_and_interest")


def test_the_court_of_the_debtors_habitual_residence_takes_it_too():
    data = load_fixture("payment_order", "invalid", "court_away_from_the_debtor")
    data["respondent"]["habitual_residence"] = "北京市朝阳区和平街十一区3号楼1单元502室"
    assert DOC.evaluate(DOC.parse(data), RuleOptions()).problems == []


def test_interest_or_penalty_not_agreed_is_refused():
    (problem,) = _problems("penalty_not_agreed")
    assert problem.loc == ("items", 2, "agreed") and "违约金" in problem.message
