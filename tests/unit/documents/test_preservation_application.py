"""The preservation application: how each party is reached, the security offered or why
none is needed, the fee's basis, the papers filed with it and who signs."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

DOC = registry.get("preservation_application")
RULES = "《最高人民法院关于人民法院办理财产保全案件若干问题的规定》"


def _data(name: str, kind: str = "valid") -> dict:
    return copy.deepcopy(load_fixture("preservation_application", kind, name))


def _problems(data: dict) -> list[tuple[str, tuple, str]]:
    case = DOC.parse(data)
    return [(p.severity, p.loc, p.code) for p in DOC.evaluate(case, RuleOptions()).problems]


def _message(data: dict, code: str) -> str:
    case = DOC.parse(data)
    (problem,) = [p for p in DOC.evaluate(case, RuleOptions()).problems if p.code == code]
    return problem.message


# --- 规定 art. 1(1): the respondent's service address and contact -------------------------


def test_a_respondents_phone_and_another_service_address_are_printed_in_its_block():
    text = printed_copy("preservation_application", _data("in_suit_insurance"))
    assert "公民身份号码：110101198503151235，联系电话：13811112222。\n被申请人：李秀英" in text
    assert (
        "公民身份号码：11010519491231002X。\n"
        "被申请人李秀英的送达地址：北京市海淀区中关村大街27号1号楼2单元1101室，"
        "联系电话：13911113333。\n"
    ) in text
    # the equity lead's company and share each under its label, as the other leads are;
    # the amount in the legal format
    assert "公司名称：北京伟业商贸有限公司；股权份额：出资额人民币300,000.00元（占30%）" in text


def test_a_respondent_without_any_contact_is_warned_on_its_phone():
    data = _data("without_reason_contact_or_position")
    assert ("warning", ("respondents", 0, "phone"), "contact_missing") in _problems(data)
    assert _message(data, "contact_missing") == (
        f"财产保全申请书应载明被申请人王磊的联系方式（{RULES}第一条第一项）"
    )
    # a phone given with a service address elsewhere reaches the respondent too
    data["respondent_contacts"] = [{"respondent": "王磊", "phone": "13922223333"}]
    assert "contact_missing" not in [code for _, _, code in _problems(data)]


def test_an_applicant_without_a_service_address_is_warned_on_it():
    data = _data("applicant_without_a_service_address")
    assert ("warning", ("applicants", 0, "service"), "service_address_missing") in _problems(data)
    assert _message(data, "service_address_missing") == (
        f"财产保全申请书应载明申请人刘芳的送达地址（{RULES}第一条第一项：申请保全人与被保全人的"
        "身份、送达地址、联系方式）"
    )
    # a phone of its own or its lawyer's is no address: only the address given silences it
    assert data["applicants"][0]["party"]["phone"] and data["applicants"][0]["agents"]
    given = _data("pre_suit_cash")
    assert "service_address_missing" not in [code for _, _, code in _problems(given)]
    assert "送达地址：广东省深圳市福田区福华三路88号财富大厦12层" in printed_copy(
        "preservation_application", given
    )


def test_the_fee_advanced_is_settled_on_what_is_actually_preserved():
    text = printed_copy("preservation_application", _data("in_suit_insurance"))
    assert (
        "申请保全费人民币1,111.25元（大写：壹仟壹佰壹拾壹元贰角伍分），按请求保全数额人民币"
        "118,249.32元，依《诉讼费用交纳办法》第十四条第（二）项规定的标准分段累计计算，由申请人"
        "预交（按实际保全的财产数额结算）。"
    ) in text


def test_a_ward_is_reached_through_its_guardians_phone():
    assert "contact_missing" not in [
        code
        for _, loc, code in _problems(_data("respondent_with_guardian"))
        if loc[0] == "respondents"
    ]


def test_a_contact_must_name_a_respondent_and_give_something():
    data = _data("contact_for_someone_else", "invalid")
    errors = [(loc, code) for severity, loc, code in _problems(data) if severity == "error"]
    assert errors == [
        (("respondent_contacts", 0, "respondent"), "not_a_respondent"),
        (("respondent_contacts", 1), "missing"),
    ]
    assert _message(data, "not_a_respondent") == "「张卫」不是被申请人（被申请人：张伟、李秀英）"


# --- 规定 arts. 1(5), 6–9: the security, or why none ------------------------------------


def test_the_insurers_guarantee_is_named_with_its_policy_number_and_filed_with_it():
    text = printed_copy("preservation_application", _data("in_suit_insurance"))
    assert (
        "申请人以中国平安财产保险股份有限公司北京分公司出具的诉讼财产保全责任保险保函"
        "（保单号：PBJJ2026110000123）提供担保，担保数额为人民币118,249.32元"
    ) in text
    assert "3．中国平安财产保险股份有限公司北京分公司出具的诉讼财产保全责任保险保函。" in text


def test_a_ground_of_article_9_is_stated_with_the_facts_and_the_fallback():
    text = printed_copy("preservation_application", _data("in_suit_no_security"))
    assert (
        "本案事实清楚、权利义务关系明确，发生保全错误的可能性较小，被申请人王磊出具的借条、"
        "申请人的银行转账凭证证明借款已交付，被申请人已于2026年10月8日书面确认欠款数额。"
        f"根据{RULES}第九条第一款第（五）项的规定，申请人请求贵院不责令提供担保。"
        "如贵院仍责令提供担保，申请人将依法提供不超过请求保全数额的百分之三十即人民币54,000.00元"
        "（大写：伍万肆仟元整）的担保（该规定第五条第一款）。"
    ) in text


def test_the_fallback_after_a_ground_refers_back_to_the_rules_just_named():
    text = printed_copy(
        "preservation_application", _data("court_of_a_district_several_cities_have")
    )
    assert f"根据{RULES}第九条第一款第（五）项的规定" in text
    assert "的担保（该规定第五条第一款）。" in text
    assert "同一规定" not in text


def test_a_reason_typed_without_a_ground_is_stated():
    text = printed_copy("preservation_application", _data("respondent_with_guardian"))
    assert "申请人不提供担保的理由：本案借款有借条及银行转账凭证证明，事实清楚；" in text
    assert "如贵院仍责令提供担保" in text


def test_no_security_and_no_reason_is_warned():
    data = _data("without_reason_contact_or_position")
    assert ("warning", ("security", "ground"), "no_security_reason") in _problems(data)
    assert f"应写明不需要提供担保的理由（{RULES}第一条第五项）" in _message(
        data, "no_security_reason"
    )
    text = printed_copy("preservation_application", data)
    assert "如贵院责令提供担保，申请人将依法提供不超过请求保全数额的百分之三十" in text
    # before suit security must be given: an error, not this warning
    data["stage"] = "pre_suit"
    data.pop("case_number")
    data["urgency"] = "被申请人正在转移财产。"
    codes = [code for _, _, code in _problems(data)]
    assert "security_required" in codes and "no_security_reason" not in codes


@pytest.mark.parametrize(
    ("security", "words", "paper"),
    [
        (
            {"kind": "guarantee_letter", "provider": "中国银行深圳分行", "document_number": "BH-1"},
            "申请人以中国银行深圳分行出具的保函（保函编号：BH-1）提供担保",
            "中国银行深圳分行出具的保函",
        ),
        (
            {"kind": "property", "provider": "申请人名下深圳市福田区某路1号房产"},
            "申请人以申请人名下的财产（申请人名下深圳市福田区某路1号房产）提供担保",
            "财产保全担保书及担保财产的权属证明",
        ),
    ],
)
def test_each_kind_of_security_is_stated_and_its_paper_filed(security, words, paper):
    data = _data("in_suit_no_security") | {"security": security}
    text = printed_copy("preservation_application", data)
    assert words in text
    assert f"3．{paper}。" in text


# --- 民事诉讼法 art. 124(1): the applicant's representative and the position -------------


def test_the_applicants_representative_is_named_with_the_position_or_warned():
    assert "法定代表人：陈建国，执行董事。" in printed_copy(
        "preservation_application", _data("in_suit_no_security")
    )
    assert "法定代表人：林海，总经理。" in printed_copy(
        "preservation_application", _data("pre_suit_cash")
    )
    data = _data("without_reason_contact_or_position")
    assert (
        "warning",
        ("applicants", 0, "party", "representative_position"),
        "position_missing",
    ) in _problems(data)
    assert _message(data, "position_missing") == (
        "财产保全申请书应写明深圳市恒信商贸有限公司的法定代表人陈建国的职务"
        "（参照《中华人民共和国民事诉讼法》第一百二十四条第一项）"
    )
    # not asked of the respondent: art. 124(2) asks of the other side what identifies it
    pre_suit = _data("pre_suit_cash")
    pre_suit["respondents"][0].pop("representative_position")
    assert "position_missing" not in [code for _, _, code in _problems(pre_suit)]


# --- the closing: papers filed with it, one word to sign with --------------------------


def test_the_papers_for_each_respondent_are_listed_before_the_signature():
    text = printed_copy("preservation_application", _data("in_suit_insurance"))
    assert "北京市东城区人民法院\n附：\n1．本申请书副本2份；\n2．相关证据材料；\n3．" in text
    assert text.endswith("申请人：刘芳（签名）＿＿＿＿＿＿＿＿\n2026年11月20日")


def test_an_organisation_seals_and_its_representative_signs_with_the_same_word():
    text = printed_copy("preservation_application", _data("pre_suit_cash"))
    assert (
        "申请人：深圳市恒信商贸有限公司（盖章）\n法定代表人：陈建国（签名）＿＿＿＿＿＿＿＿\n"
        in text
    )
    assert "签字" not in text
