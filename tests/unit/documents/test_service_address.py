"""The service address confirmation: the notice it prints, the designated recipient's
row, and the case number of the court it is filed with."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.problems import CaseInvalid
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)


def _problems(data: dict) -> list:
    doc_type = registry.get("service_address")
    try:
        case = doc_type.parse(data)
    except CaseInvalid as exc:
        return exc.problems
    return doc_type.evaluate(case, OPTIONS).problems


def _fixture(kind: str, name: str) -> dict:
    return copy.deepcopy(load_fixture("service_address", kind, name))


def test_the_notice_quotes_the_opinion_on_deemed_service():
    printed = printed_copy("service_address", _fixture("valid", "person_email_and_sms"))
    assert (
        "3. 因当事人提供的送达地址不准确、拒不提供送达地址、送达地址变更未书面告知人民法院，"
        "导致民事诉讼文书未能被受送达人实际接收的，直接送达的，民事诉讼文书留在该地址之日"
        "为送达之日；邮寄送达的，文书被退回之日为送达之日（最高人民法院《关于进一步加强"
        "民事送达工作的若干意见》，法发〔2017〕19号）。"
    ) in printed
    # the summary procedure's rule (法释〔2003〕15号 art. 11) is not the opinion's
    assert "送达回证上记明情况" not in printed


def test_a_designated_recipient_prints_the_relationship_and_id_rows():
    data = _fixture("valid", "defendant_wechat_and_fax_with_case_number")
    printed = printed_copy("service_address", data)
    assert (
        "受送达人\n张伟（被告）\n送达地址\n北京市东城区东四十条街道南新仓小区5号楼2单元301室\n"
        "邮政编码\n100007\n收件人\n孙浩\n与受送达人关系\n委托诉讼代理人\n"
        "代收人身份证件号码\n110105198001010016\n联系电话"
    ) in printed
    # not given: the row prints the form's blank line for the recipient's hand, never an
    # empty cell (the company's own staff receiving for it, as in company_paper_only)
    del data["recipient_id_number"]
    assert "代收人身份证件号码\n＿＿＿＿\n联系电话" in printed_copy("service_address", data)
    staff = printed_copy("service_address", _fixture("valid", "company_paper_only"))
    assert "与受送达人关系\n法务专员\n代收人身份证件号码\n＿＿＿＿\n联系电话" in staff
    del data["postal_code"]  # warned (postal_code_missing), and printed as a blank to fill
    assert "邮政编码\n＿＿＿＿\n收件人" in printed_copy("service_address", data)


def test_before_filing_the_case_number_is_a_blank_for_the_clerk_not_an_instruction():
    printed = printed_copy("service_address", _fixture("valid", "person_email_and_sms"))
    assert "案由：民间借贷纠纷　　案号：＿＿＿＿＿＿＿＿" in printed
    assert "立案后填写" not in printed
    numbered = printed_copy(
        "service_address", _fixture("valid", "short_court_told_by_the_case_number")
    )
    assert "案号：（2026）京0105民初9876号" in numbered


def test_a_recipients_resident_id_number_must_check():
    data = _fixture("invalid", "recipient_id_number_that_does_not_check")
    (problem,) = _problems(data)
    assert (problem.code, problem.loc) == ("id_checksum", ("recipient_id_number",))
    data["recipient_id_number"] = "E12345678"  # a passport's number is kept as written
    assert _problems(data) == []


def test_the_party_receiving_in_person_has_no_relationship_row():
    printed = printed_copy("service_address", _fixture("valid", "person_email_and_sms"))
    assert "收件人\n刘芳\n联系电话" in printed and "代收人" not in printed


def test_a_designated_recipient_without_the_relationship_is_refused():
    data = _fixture("invalid", "designated_recipient_without_relation")
    (problem,) = _problems(data)
    assert (problem.severity, problem.code, problem.loc) == (
        "error",
        "relation_missing",
        ("recipient_relation",),
    )
    assert "收件人「孙浩」不是受送达人本人" in problem.message
    assert "第八十八条" in problem.message


def test_a_misnamed_party_is_reported_once_not_again_as_a_recipient():
    data = _fixture("invalid", "party_not_in_case")
    assert [p.code for p in _problems(data) if p.severity == "error"] == ["not_a_party"]


def test_a_case_number_of_another_provinces_court_is_refused_on_the_number():
    data = _fixture("invalid", "case_number_of_a_court_in_another_province")
    (problem,) = _problems(data)
    assert (problem.severity, problem.code, problem.loc) == (
        "error",
        "case_number_court",
        ("case", "case_number"),
    )
    assert "“沪0115”是上海市的法院的代字，不是北京市东城区人民法院的案号" in problem.message
    data["case"]["case_number"] = "（2026）京0101民初12345号"
    assert _problems(data) == []


def test_a_ward_is_named_and_its_guardian_signs():
    printed = printed_copy("service_address", _fixture("valid", "ward_signed_by_guardian"))
    assert "受送达人\n刘芳（原告）\n法定代理人\n刘建华\n送达地址" in printed
    assert "受送达人：刘芳\n法定代理人：刘建华（签名）＿＿＿＿＿＿＿＿\n2026年11月18日" in printed
    assert "受送达人：刘芳　（签名或者盖章）" not in printed


def test_a_party_without_a_guardian_signs_or_seals_as_before():
    printed = printed_copy("service_address", _fixture("valid", "person_email_and_sms"))
    assert "受送达人：刘芳（签名或者盖章）＿＿＿＿＿＿＿＿" in printed
    assert "法定代理人" not in printed


def test_the_party_is_not_its_own_guardian():
    problems = _problems(_fixture("invalid", "guardian_is_the_party"))
    assert [(p.loc, p.code) for p in problems if p.severity == "error"] == [
        (("guardian",), "guardian_is_party")
    ]


def test_the_notice_follows_the_spc_form_on_stages_and_the_no_fault_exception():
    printed = printed_copy("service_address", _fixture("valid", "person_email_and_sms"))
    assert "适用于本案一审、二审、再审审查和执行程序。" in printed
    assert (
        "法发〔2017〕19号）。受送达人能够证明自己在诉讼文书送达的过程中没有过错的，不适用前述"
        "规定（《最高人民法院关于以法院专递方式邮寄送达民事诉讼文书的若干规定》第十一条）。"
    ) in printed
