"""What an applicant files of itself and its agents (the 「附：」 lines both applications
share), the payment order's interest period, the partnership's certificate and the firm's
letter number: the words printed and the codes at their fields."""

from __future__ import annotations

import pytest

from docgen import layouts
from docgen.docmodel.blocks import SignatureLines, walk
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.court_parts import Agent
from docgen.documents.power_of_attorney import LitigationAgent
from docgen.documents.problems import Problem
from docgen.documents.standing_papers import AGENT_KINDS, agent_papers
from docgen.domain.parties import Organization
from tests.support import load_fixture, printed_copy

LABOUR = "存在合法劳动人事关系的证明材料（劳动合同、社会保险缴纳记录等）"


def _problems(type_name: str, data: dict) -> list[Problem]:
    doc_type = registry.get(type_name)
    return doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True)).problems


def _found(type_name: str, data: dict) -> set[tuple]:
    return {(p.loc, p.code, p.severity) for p in _problems(type_name, data)}


def _sample(type_name: str, name: str) -> dict:
    """A valid sample case of the type (a fresh copy each call: a test may change it)."""
    return load_fixture(type_name, "valid", name)


def _printed(type_name: str, name: str) -> str:
    """The words of the valid sample ``name`` as printed."""
    return printed_copy(type_name, _sample(type_name, name))


def _warned(type_name: str, data: dict, loc: tuple, code: str) -> Problem:
    """The one problem the rules find in ``data``, checked to be the warning ``code`` at
    ``loc``; its message and hint are the test's to read."""
    (problem,) = _problems(type_name, data)
    assert (problem.loc, problem.code, problem.severity) == (loc, code, "warning")
    return problem


# --- the applicant's standing and agent papers ----------------------------------------


def test_an_employee_agent_files_the_identity_and_the_labour_relationship_at_enforcement():
    text = _printed("enforcement_application", "notarial_deed")
    assert (
        "6．委托代理人陈静的身份证件复印件及其与申请执行人北京恒通小额贷款有限公司" + LABOUR + "；"
    ) in text
    assert "陈静的身份证明" not in text


def test_the_payment_order_lists_the_standing_and_agent_papers_as_the_enforcement_does():
    text = _printed("payment_order", "company_with_a_lawyer_and_an_employee")
    assert (
        "附：\n1．本申请书副本1份；\n2．证据材料3份；\n"
        "3．申请人深圳市恒信商贸有限公司的营业执照副本复印件及法定代表人身份证明书；\n"
        "4．申请人深圳市恒信商贸有限公司出具的授权委托书；\n"
        "5．广东华商律师事务所函及黄丽律师执业证复印件；\n"
        "6．委托诉讼代理人李静的身份证件复印件及其与申请人深圳市恒信商贸有限公司" + LABOUR + "。\n"
    ) in text
    person = _printed("payment_order", "principal_only_small")
    assert "2．证据材料2份；\n3．申请人刘芳的居民身份证复印件。\n" in person


def test_a_lawyer_and_an_employee_draw_no_problem():
    data = _sample("payment_order", "company_with_a_lawyer_and_an_employee")
    assert _problems("payment_order", data) == []


AGENT_AT = {
    "payment_order": ("agents", 0, "standing"),
    "withdrawal_application": ("applicants", 0, "agents", 0, "standing"),
}


@pytest.mark.parametrize("type_name", list(AGENT_AT))
def test_the_staff_of_another_company_is_refused_as_an_agent(type_name):
    # 民事诉讼法 art. 61: a closed list; 民诉法解释 art. 86: a party's 工作人员 is staff with
    # a lawful labour relationship with the party itself
    data = load_fixture(type_name, "invalid", "agent_employed_by_another_company")
    (problem,) = [p for p in _problems(type_name, data) if p.severity == "error"]
    assert (problem.loc, problem.code) == (AGENT_AT[type_name], "agent_without_standing")
    assert problem.message.startswith(
        "委托诉讼代理人王敏是「上海浦江科技有限公司」的职员，不是律师、基层法律服务工作者，"
        "也不是申请人刘芳的工作人员"
    )
    assert "第八十六条" in problem.message and "第六十一条" in problem.message
    assert "请选择代理资格" in (problem.hint or "")


def test_a_relative_working_elsewhere_is_listed_with_the_proof_of_kinship():
    data = _sample("payment_order", "agent_a_relative_of_the_applicant")
    assert data["agents"][0]["standing"] == "relative"
    assert _problems("payment_order", data) == []
    text = printed_copy("payment_order", data)
    assert (
        "4．申请人刘芳出具的授权委托书；\n5．委托诉讼代理人王敏的身份证件复印件及其与申请人刘芳"
        "有近亲属关系的证明材料。"
    ) in text.replace("证明\n材料", "证明材料")
    # the standing is printed before the unrelated employer (民事诉讼法 art. 61)
    assert "委托诉讼代理人：王敏，系申请人刘芳的近亲属（配偶），上海浦江科技有限公司职员" in text


def test_an_organisation_has_no_relative_and_an_agent_of_no_employer_is_warned():
    data = _sample("payment_order", "company_with_a_lawyer_and_an_employee")
    data["agents"][1].update(firm="深圳市另一贸易有限公司", standing="relative")
    found = _found("payment_order", data)
    assert (("agents", 1, "standing"), "agent_without_standing", "error") in found
    data["agents"][1].update(firm="无", standing=None)  # may be eligible: warned
    problem = _warned("payment_order", data, ("agents", 1, "standing"), "agent_standing_unknown")
    assert problem.message.startswith("未能从委托诉讼代理人李静的工作单位「无」看出其代理资格")
    data["agents"][1]["standing"] = "recommended"
    assert _problems("payment_order", data) == []
    assert "李静的身份证件复印件、推荐材料" in printed_copy("payment_order", data)


def test_the_employee_is_read_from_the_applicants_name_however_its_brackets_are_typed():
    party = Organization(
        kind="organization",
        name="北京恒远商贸合伙企业（有限合伙）",
        uscc="91110000600037341L",
        address="北京市东城区东直门南大街3号",
        legal_representative="孙志远",
        representative_title="主要负责人",
    )
    employee = Agent(name="赵敏", firm="北京恒远商贸合伙企业(有限合伙)", phone="13900001111")
    worker = Agent(name="钱进", firm="北京市东城区东华门法律服务所", phone="13900002222")
    assert agent_papers("申请人", party, [worker, employee], "委托代理人") == [
        "北京市东城区东华门法律服务所出具的介绍信、钱进的法律服务工作者执业证复印件及当事人一方"
        "位于本辖区内的证明材料",
        "委托代理人赵敏的身份证件复印件及其与申请人北京恒远商贸合伙企业（有限合伙）" + LABOUR,
    ]


def test_the_power_of_attorney_asks_the_agents_kind_from_the_same_declaration():
    kinds = LitigationAgent.model_json_schema()["properties"]["kind"]
    assert kinds["enum"] == list(AGENT_KINDS)
    assert kinds["enum_titles"] == list(AGENT_KINDS.values())


# --- the payment order's interest period -----------------------------------------------


def test_overdue_interest_counted_to_a_day_before_the_application_is_warned_on_its_basis():
    data = _sample("payment_order", "person_principal_and_interest")
    problem = _warned(
        "payment_order", data, ("items", 2, "basis"), "interest_ends_before_application"
    )
    assert problem.message.startswith(
        "逾期利息计算至2026年10月31日，早于申请日期2026年11月20日：支付令只就申请书请求给付的"
        "确定数额发出"
    )
    assert "第四百二十七条第二项" in problem.message and "此后20日的逾期利息" in problem.message
    assert problem.hint == (
        "如需一并请求，请将逾期利息计算至申请日期（2026年11月20日）并相应修改金额"
    )


def test_interest_to_the_application_or_only_for_the_term_is_not_warned():
    data = _sample("payment_order", "person_principal_and_interest")
    data["items"][2]["basis"] = data["items"][2]["basis"].replace(
        "至2026年10月31日止，共294日", "至2026年11月20日止，共314日"
    )
    data["items"][2]["amount"] = "5161.64"  # what the basis gives (payment_order_basis)
    assert _problems("payment_order", data) == []
    # the term's interest ends on the due date: complete, whatever the application's day
    del data["items"][2]
    assert _problems("payment_order", data) == []


# --- the certificate of a partnership's representative ---------------------------------


def test_a_partnerships_delegate_is_certified_with_the_executing_partner_that_delegated_them():
    data = _sample("representative_certificate", "partnership_principal_person")
    text = printed_copy("representative_certificate", data)
    assert (
        "我单位执行事务合伙人为北京恒远投资管理有限公司，其委派代表孙志远是我单位的主要负责人。"
        in text
    )
    assert "担任执行事务合伙人委派代表职务" not in text
    assert _problems("representative_certificate", data) == []


def test_a_delegate_without_the_executing_partner_is_warned_a_companys_partner_refused():
    data = _sample("representative_certificate", "partnership_delegate_without_its_partner")
    problem = _warned(
        "representative_certificate", data, ("executing_partner",), "executing_partner_missing"
    )
    assert "《中华人民共和国合伙企业法》第二十六条" in problem.message
    text = printed_copy("representative_certificate", data)
    assert "孙志远在我单位担任执行事务合伙人委派代表职务，是我单位的主要负责人。" in text
    company = load_fixture(
        "representative_certificate", "invalid", "executing_partner_of_a_company"
    )
    assert (
        ("executing_partner",),
        "executing_partner_of_a_legal_person",
        "error",
    ) in _found("representative_certificate", company)


def test_the_representatives_number_has_the_label_every_filing_gives_it():
    text = _printed("representative_certificate", "plaintiff_company_for_the_case")
    # one sentence, closed with 。 as the certificate's other lines are
    assert "法定代表人陈建国，公民身份号码：440301196805120037，联系电话：13602601234。\n" in text
    assert "身份证号码" not in text


def _seal_lines(name: str) -> SignatureLines:
    doc_type = registry.get("representative_certificate")
    case = doc_type.parse(_sample("representative_certificate", name))
    context = doc_type.build_context(case, doc_type.evaluate(case, RuleOptions()))
    document = layouts.LAYOUTS["representative_certificate"].build(context)
    (seal,) = [block for block in walk(document.blocks) if isinstance(block, SignatureLines)]
    return seal


def test_a_long_name_on_the_seal_line_is_set_flush_right_whole():
    partnership = _seal_lines("partnership_principal_person")
    assert partnership.lines[0] == "单位（盖章）：北京恒远商贸合伙企业（有限合伙）"
    assert partnership.place == "right"  # from the middle it would break in 「（有限合伙）」
    assert _seal_lines("plaintiff_company_for_the_case").place == "seal"


# --- the firm's letter number -------------------------------------------------------------


def test_a_firms_letter_without_its_number_is_warned_on_the_number():
    data = _sample("firm_letter", "two_lawyers_for_a_company")
    problem = _warned("firm_letter", data, ("letter_number",), "letter_number_missing")
    assert problem.message.startswith("所函未填写函号")
    # no other firm's prefix offered as the example
    hint = problem.hint or ""
    assert "京正信" not in hint and "发件人资料中设置函号前缀" in hint
    data["letter_number"] = "（2026）粤华商民函字第21号"
    assert _problems("firm_letter", data) == []
    assert "（2026）粤华商民函字第21号" in printed_copy("firm_letter", data)
