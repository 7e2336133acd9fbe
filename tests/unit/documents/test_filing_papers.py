"""The papers filed with a complaint: what their rules say, and the words they print."""

from __future__ import annotations

import copy
import json

import pytest

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.court_parts import filing_signature
from docgen.documents.problems import CaseInvalid
from docgen.domain.parties import Organization
from docgen.profiles.model import SenderProfile
from docgen.profiles.store import ProfileNotFound
from tests.support import FIXTURES, load_fixture

OPTIONS = RuleOptions()
PARTNERSHIP = {
    "kind": "organization",
    "name": "深圳市前海明信投资合伙企业（有限合伙）",
    "uscc": "91440300MA5F000007",
    "address": "深圳市前海深港合作区前湾一路1号",
    "legal_representative": "王强",
    "representative_title": "主要负责人",
}
FIRM = json.loads((FIXTURES / "sender_profiles" / "law_firm.json").read_text("utf-8"))


def _problems(type_name: str, data: dict) -> list:
    doc_type = registry.get(type_name)
    try:
        case = doc_type.parse(data)
    except CaseInvalid as exc:
        return exc.problems
    return doc_type.evaluate(case, OPTIONS).problems


def _text(type_name: str, data: dict) -> str:
    doc_type = registry.get(type_name)
    case = doc_type.parse(data)
    context = doc_type.build_context(case, doc_type.assess(case, OPTIONS))
    layout = layouts.LAYOUTS[layouts.name_for(type_name, doc_type.variant(case))]
    return "\n".join(paragraphs(layout.build(context)))


def _only(problems: list, code: str):
    (problem,) = [p for p in problems if p.code == code]
    return problem


# --- 授权委托书 ------------------------------------------------------------------------


def test_a_special_authority_lists_each_power_in_the_order_of_article_62():
    data = load_fixture("power_of_attorney", "valid", "defendant_with_relative_two_powers")
    text = _text("power_of_attorney", data)
    assert "代理权限：特别授权" in text
    assert "（1）代为进行和解；\n（2）代为提起上诉。" in text
    assert (
        "现委托张建国在原告刘芳诉被告张伟、李秀英民间借贷纠纷一案中，作为被告张伟的诉讼代理人。"
        in text
    )
    assert "受托人：张建国，系委托人的父亲" in text
    assert "委托人：张伟（签名）＿＿＿＿＿＿＿＿" in text


def test_a_general_authority_says_what_it_leaves_out():
    data = load_fixture("power_of_attorney", "valid", "company_general_lawyer_and_employee")
    text = _text("power_of_attorney", data)
    assert "代理权限：一般授权" in text
    assert "不包括代为承认、放弃、变更诉讼请求，进行和解，提起反诉或者上诉" in text
    # an organisation seals, and its legal representative signs
    assert (
        "委托人：深圳市恒信商贸有限公司（盖章）\n法定代表人：陈建国（签名）＿＿＿＿＿＿＿＿" in text
    )


def test_special_authority_without_powers_is_refused_citing_article_62_and_89():
    data = load_fixture("power_of_attorney", "invalid", "special_without_powers")
    problem = _only(_problems("power_of_attorney", data), "special_without_powers")
    assert problem.loc == ("powers",)
    assert "第六十二条" in problem.message and "法释〔2022〕11号第八十九条" in problem.message


def test_blanket_power_is_no_power():
    data = load_fixture("power_of_attorney", "invalid", "blanket_power_only")
    problem = _only(_problems("power_of_attorney", data), "blanket_power")
    assert problem.loc == ("other_powers", 0)
    assert "全权代理" in problem.message


def test_a_first_instance_term_with_appeal_and_enforcement_powers_is_refused_on_the_term():
    # the printed power would grant what its own term ends before: the principal says
    # which is meant (a longer term, or no such powers); docgen does not lengthen it
    data = load_fixture("power_of_attorney", "invalid", "first_instance_term_with_appeal")
    (problem,) = _problems("power_of_attorney", data)
    assert (problem.code, problem.loc, problem.severity) == (
        "term_ends_before_powers",
        ("term",),
        "error",
    )
    assert "代为提起上诉、代为申请执行" in problem.message and "第六十二条" in problem.message
    assert "至本案一审、二审及执行程序终结之日止" in problem.hint
    data["term"] = "自本委托书签署之日起至本案一审、二审及执行程序终结之日止"
    assert "委托期限：自本委托书签署之日起至本案一审、二审及执行程序终结之日止。" in _text(
        "power_of_attorney", data
    )
    assert _problems("power_of_attorney", data) == []


def test_a_term_reaching_enforcement_carries_those_powers_without_a_warning():
    data = load_fixture("power_of_attorney", "valid", "person_special_lawyer")
    assert _problems("power_of_attorney", data) == []
    for term in ("至本案第一审、第二审程序终结之日止", "至本案执行终结之日止"):
        data["term"] = term
        assert _problems("power_of_attorney", data) == []
    data["term"], data["powers"], data["other_powers"] = "至本案一审审结之日止", ["settle"], []
    assert _problems("power_of_attorney", data) == []


def test_at_most_two_agents():
    data = load_fixture("power_of_attorney", "invalid", "three_agents")
    (problem,) = _problems("power_of_attorney", data)
    assert problem.loc == ("agents",) and "最多 2 项" in problem.message


def test_an_organisation_has_no_close_relatives():
    data = load_fixture(
        "power_of_attorney", "invalid", "company_with_relative_and_lawyer_without_licence"
    )
    problems = _problems("power_of_attorney", data)
    assert _only(problems, "relative_of_organization").loc == ("agents", 1, "kind")
    assert _only(problems, "license_number_format").loc == ("agents", 0, "license_number")


def test_a_second_instance_power_names_the_parties_as_the_appeal_does():
    data = load_fixture("power_of_attorney", "valid", "appellant_defendant_second_instance")
    assert _problems("power_of_attorney", data) == []
    text = _text("power_of_attorney", data)
    assert "北京市第二中级人民法院：" in text
    assert (
        "现委托孙浩在（2026）京02民终4321号上诉人张伟（原审被告）与被上诉人刘芳（原审原告）、"
        "原审被告李秀英民间借贷纠纷一案第二审程序中，作为上诉人张伟的诉讼代理人。"
    ) in text
    assert "原告刘芳诉" not in text and "作为被告" not in text and "（（" not in text
    # on appeal the agent takes part in the appeal: the case is not brought or answered again
    assert "即代为参加第二审诉讼，提交、接收证据材料" in text and "起诉或应诉" not in text


@pytest.mark.parametrize(
    ("principal", "role"), [("刘芳", "被上诉人"), ("李秀英", "原审被告"), ("张伟", "上诉人")]
)
def test_a_second_instance_power_names_the_principal_by_its_standing_on_appeal(principal, role):
    data = load_fixture("power_of_attorney", "valid", "appellant_defendant_second_instance")
    data["principal"]["name"] = principal
    text = _text("power_of_attorney", data)
    assert f"民间借贷纠纷一案第二审程序中，作为{role}{principal}的诉讼代理人。" in text


def test_a_second_instance_power_to_a_basic_court_with_a_first_instance_number_is_refused():
    data = load_fixture("power_of_attorney", "invalid", "second_instance_in_a_basic_court")
    problems = _problems("power_of_attorney", data)
    court = _only(problems, "not_an_appeal_court")
    assert court.loc == ("case", "court") and "第一百七十一条" in court.message
    assert "北京市东城区人民法院是基层人民法院，不审理第二审案件" in court.message
    number = _only(problems, "case_number_proceeding")
    assert number.loc == ("case", "case_number") and number.severity == "error"
    assert "与本文书所涉第二审程序不符" in number.message


def test_appellants_belong_to_the_second_instance_and_it_needs_them():
    data = load_fixture("power_of_attorney", "invalid", "appellants_at_first_instance")
    assert _only(_problems("power_of_attorney", data), "not_second_instance").loc == ("appellants",)
    data = load_fixture("power_of_attorney", "valid", "appellant_defendant_second_instance")
    data["appellants"] = []
    problem = _only(_problems("power_of_attorney", data), "missing")
    assert problem.loc == ("appellants",) and "授权委托书按上诉人、被上诉人" in problem.message
    data["appellants"] = ["王五"]
    assert _only(_problems("power_of_attorney", data), "not_a_party").loc == ("appellants", 0)


def test_a_first_instance_term_in_a_second_instance_power_is_refused_once():
    data = load_fixture("power_of_attorney", "valid", "appellant_defendant_second_instance")
    data["term"] = "自本委托书签署之日起至本案一审审结之日止"
    # withdrawing the appeal is a power used after the first instance too: one error still
    data["powers"] = ["settle", "withdraw_appeal"]
    (problem,) = _problems("power_of_attorney", data)
    assert (problem.code, problem.loc, problem.severity) == (
        "term_before_stage",
        ("term",),
        "error",
    )
    assert "本委托书用于第二审程序：一审已经审结" in problem.message
    assert "自本委托书签署之日起至本案二审审结之日止" in problem.hint


def test_an_appeal_number_at_first_instance_with_a_first_instance_term_is_refused():
    # a power with 原告/被告, 「代为起诉或应诉」 and a term ended with the first
    # instance, filed in the appeal: made for the appeal, it lacks the appellants, and
    # its term is over
    data = load_fixture("power_of_attorney", "invalid", "appeal_number_with_a_first_instance_term")
    problems = _problems("power_of_attorney", data)
    stage = _only(problems, "stage_from_case_number")
    assert (stage.loc, stage.severity) == (("stage",), "warning")
    assert "案号「（2026）京02民终4321号」为第二审案件的案号" in stage.message
    appellants = _only(problems, "missing")
    assert (appellants.loc, appellants.severity) == (("appellants",), "error")
    term = _only(problems, "term_before_stage")
    assert (term.loc, term.severity) == (("term",), "error")
    assert "本委托书用于第二审程序（案号「（2026）京02民终4321号」为第二审案件的案号）" in (
        term.message
    )
    assert {p.code for p in problems} == {"stage_from_case_number", "missing", "term_before_stage"}


def test_an_execution_power_names_the_parties_as_the_enforcement_does():
    data = load_fixture("power_of_attorney", "valid", "applicant_execution")
    assert _problems("power_of_attorney", data) == []
    text = _text("power_of_attorney", data)
    assert (
        "现委托周明在（2026）粤0304执1234号申请执行人刘芳与被执行人张伟、李秀英民间借贷纠纷"
        "一案执行程序中，作为申请执行人刘芳的委托代理人。"
    ) in text
    assert "代理权限：特别授权，即代为申请执行，提供财产线索，申请采取执行措施" in text
    assert "（1）代为进行执行和解；\n（2）代为收取执行款项。" in text
    assert "原告" not in text and "被告" not in text and "诉讼请求" not in text


def test_the_respondents_execution_power_takes_part_and_does_not_apply():
    data = load_fixture("power_of_attorney", "valid", "applicant_execution")
    data["principal"]["name"] = "张伟"
    data["execution_powers"] = ["settle"]
    assert _problems("power_of_attorney", data) == []
    text = _text("power_of_attorney", data)
    assert "执行程序中，作为被执行人张伟的委托代理人。" in text
    assert "即代为参加执行程序，参加执行听证并发表意见" in text and "代为申请执行" not in text


def test_an_execution_general_authority_leaves_out_the_execution_rules_powers():
    data = load_fixture("power_of_attorney", "valid", "applicant_execution")
    data["authority"], data["execution_powers"] = "general", []
    assert _problems("power_of_attorney", data) == []
    text = _text("power_of_attorney", data)
    assert "代理权限：一般授权，即代为申请执行" in text
    assert "；不包括代为放弃、变更民事权利，进行执行和解，收取执行款项。" in text
    data["execution_powers"] = ["collect"]
    problem = _only(_problems("power_of_attorney", data), "general_with_special_powers")
    assert problem.loc == ("execution_powers",) and "代为收取执行款项" in problem.message
    assert "执行工作若干问题的规定（试行）》第二十条" in problem.message


def test_trial_powers_in_an_execution_power_are_refused_and_the_reverse():
    data = load_fixture("power_of_attorney", "invalid", "trial_powers_at_execution")
    problem = _only(_problems("power_of_attorney", data), "power_of_another_stage")
    assert problem.loc == ("powers",)
    assert "代为承认诉讼请求、代为提起上诉是诉讼中的授权事项" in problem.message
    assert "第二十条" in problem.message
    data = load_fixture("power_of_attorney", "valid", "person_special_lawyer")
    data["execution_powers"] = ["collect"]
    problem = _only(_problems("power_of_attorney", data), "power_of_another_stage")
    assert problem.loc == ("execution_powers",) and "代为收取执行款项" in problem.message


def test_an_execution_number_needs_the_execution_stage_and_the_reverse():
    data = load_fixture("power_of_attorney", "invalid", "execution_number_at_first_instance")
    problem = _only(_problems("power_of_attorney", data), "case_number_proceeding")
    assert problem.loc == ("case", "case_number")
    assert "“执”，与本文书所涉第一审程序不符" in problem.message
    data = load_fixture("power_of_attorney", "valid", "applicant_execution")
    data["case"]["case_number"] = "（2026）粤0304民初12345号"
    problem = _only(_problems("power_of_attorney", data), "case_number_proceeding")
    assert problem.loc == ("case", "case_number") and "执行程序" in problem.message


def test_an_enforcement_needs_its_applicants_of_one_side_and_only_it_has_them():
    data = load_fixture("power_of_attorney", "valid", "applicant_execution")
    data["applicants"] = []
    problem = _only(_problems("power_of_attorney", data), "missing")
    assert problem.loc == ("applicants",) and "按申请执行人、被执行人列明当事人" in problem.message
    data["applicants"] = ["刘芳", "张伟"]
    problem = _only(_problems("power_of_attorney", data), "applicants_on_both_sides")
    assert problem.loc == ("applicants",) and "第二百四十七条" in problem.message
    data["applicants"] = ["王五"]
    assert _only(_problems("power_of_attorney", data), "not_a_party").loc == ("applicants", 0)
    data = load_fixture("power_of_attorney", "valid", "person_special_lawyer")
    data["applicants"] = ["刘芳"]
    assert _only(_problems("power_of_attorney", data), "not_execution").loc == ("applicants",)


def test_a_co_plaintiff_who_did_not_apply_is_no_party_of_the_enforcement():
    data = load_fixture("power_of_attorney", "valid", "applicant_execution")
    data["case"]["plaintiffs"] = ["刘芳", "王强"]
    assert _problems("power_of_attorney", data) == []
    # 王强 did not apply: named neither in the case nor as the principal
    assert "申请执行人刘芳与被执行人张伟" in _text("power_of_attorney", data)
    data["principal"]["name"] = "王强"
    problem = _only(_problems("power_of_attorney", data), "not_an_execution_party")
    assert problem.loc == ("principal", "name") and "未申请执行，也不是被执行人" in problem.message


# --- 律师事务所函 ----------------------------------------------------------------------


def test_the_firm_letter_names_each_lawyer_with_the_licence_number():
    data = load_fixture("firm_letter", "valid", "two_lawyers_for_a_company")
    text = _text("firm_letter", data)
    assert (
        "指派黄丽律师（执业证号：14403201510987654）、何志强律师（执业证号：14403201910246810）"
        "担任其在原告深圳市恒信商贸有限公司诉被告王磊、福州闽江建材有限公司民间借贷纠纷一案"
        "第一审程序中的诉讼代理人。"
    ) in text
    assert "广东华商律师事务所（盖章）" in text
    assert "执业许可证号：31440000455766969W" in text


def test_the_firm_letter_counts_its_attachments_in_chinese_numerals():
    two = _text("firm_letter", load_fixture("firm_letter", "valid", "two_lawyers_for_a_company"))
    assert "附：授权委托书一份，律师执业证复印件两份。" in two
    one = _text("firm_letter", load_fixture("firm_letter", "valid", "one_lawyer_for_a_plaintiff"))
    assert "附：授权委托书一份，律师执业证复印件一份。" in one


def test_a_company_code_is_not_a_law_firms_licence():
    data = load_fixture("firm_letter", "invalid", "firm_code_of_a_company")
    problem = _only(_problems("firm_letter", data), "not_a_firm_code")
    assert problem.loc == ("firm", "license_number") and "“31”开头" in problem.message


def test_a_second_instance_letter_to_a_basic_court_is_refused_citing_article_171():
    data = load_fixture("firm_letter", "invalid", "second_instance_in_a_basic_court")
    problem = _only(_problems("firm_letter", data), "not_an_appeal_court")
    assert problem.loc == ("case", "court")
    assert "北京市东城区人民法院是基层人民法院，不审理第二审案件" in problem.message
    assert "第一百七十一条" in problem.message


def test_a_second_instance_letter_goes_to_the_intermediate_court():
    data = load_fixture("firm_letter", "valid", "defendant_second_instance")
    assert _problems("firm_letter", data) == []
    text = _text("firm_letter", data)
    assert "北京市第二中级人民法院：" in text
    assert (
        "本所接受上诉人张伟的委托，指派孙浩律师（执业证号：11101201910345678）担任其在"
        "（2026）京02民终4321号上诉人张伟（原审被告）与被上诉人刘芳（原审原告）、原审被告李秀英"
        "民间借贷纠纷一案第二审程序中的诉讼代理人。"
    ) in text
    assert "原告刘芳诉" not in text and "（（" not in text


def test_an_execution_letter_names_the_applicant_and_its_agent_as_the_enforcement_does():
    data = load_fixture("firm_letter", "valid", "applicant_execution")
    assert _problems("firm_letter", data) == []
    text = _text("firm_letter", data)
    assert (
        "本所接受申请执行人刘芳的委托，指派周明律师（执业证号：14403201810123456）担任其在"
        "（2026）粤0304执1234号申请执行人刘芳与被执行人张伟、李秀英民间借贷纠纷一案"
        "执行程序中的委托代理人。"
    ) in text
    data["client"] = "李秀英"
    assert "本所接受被执行人李秀英的委托" in _text("firm_letter", data)


def test_an_execution_letter_with_a_first_instance_number_is_refused():
    data = load_fixture("firm_letter", "invalid", "execution_with_the_first_instance_number")
    problem = _only(_problems("firm_letter", data), "case_number_proceeding")
    assert problem.loc == ("case", "case_number") and "与本文书所涉执行程序不符" in problem.message


def test_the_respondent_at_second_instance_is_named_as_such():
    data = load_fixture("firm_letter", "valid", "defendant_second_instance")
    data["client"] = "刘芳"
    text = _text("firm_letter", data)
    assert "本所接受被上诉人刘芳的委托" in text


def test_both_sides_appealing_are_both_appellants():
    data = load_fixture("firm_letter", "valid", "defendant_second_instance")
    data["appellants"] = ["刘芳", "张伟"]
    text = _text("firm_letter", data)
    assert "上诉人刘芳（原审原告）、张伟（原审被告）、原审被告李秀英民间借贷纠纷一案" in text
    assert "被上诉人" not in text


def test_a_second_instance_letter_must_say_who_appealed():
    data = load_fixture("firm_letter", "invalid", "second_instance_without_appellant")
    problem = _only(_problems("firm_letter", data), "missing")
    assert problem.loc == ("appellants",) and "请填写上诉人" in problem.message
    data["appellants"] = ["王五"]
    problem = _only(_problems("firm_letter", data), "not_a_party")
    assert problem.loc == ("appellants", 0) and "上诉人「王五」不是本案当事人" in problem.message


def test_no_appellant_outside_second_instance():
    data = load_fixture("firm_letter", "valid", "one_lawyer_for_a_plaintiff")
    data["appellants"] = [data["client"]]
    problem = _only(_problems("firm_letter", data), "not_second_instance")
    assert problem.loc == ("appellants",)


def test_a_case_number_goes_before_the_case_with_its_own_parentheses():
    data = load_fixture("firm_letter", "valid", "one_lawyer_for_a_plaintiff")
    data["case"]["case_number"] = "（2026）京0101民初12345号"
    text = _text("firm_letter", data)
    assert "担任其在（2026）京0101民初12345号原告" in text and "（（" not in text


@pytest.mark.parametrize(
    ("type_name", "fixture", "signer"),
    [
        ("civil_complaint", "elements_company_lender", "具状人：深圳市恒信商贸有限公司（盖章）"),
        (
            "enforcement_application",
            "arbitration_award",
            "申请执行人：深圳市恒信商贸有限公司（盖章）",
        ),
        ("preservation_application", "pre_suit_cash", None),
        ("withdrawal_application", "summary_procedure_no_refund", None),
        ("payment_order", "company_goods_paid_for", None),
        (
            "power_of_attorney",
            "company_general_lawyer_and_employee",
            "委托人：深圳市恒信商贸有限公司（盖章）",
        ),
    ],
)
def test_an_organisation_seals_a_court_filing_and_its_representative_signs_under_it(
    type_name, fixture, signer
):
    text = _text(type_name, load_fixture(type_name, "valid", fixture))
    seal = signer or next(line for line in text.splitlines() if line.endswith("（盖章）"))
    # 签名 on every court paper, the element form's too
    assert f"{seal}\n法定代表人：陈建国（签名）＿＿＿＿＿＿＿＿\n" in text


def test_a_person_signs_a_court_filing_alone():
    text = _text("civil_complaint", load_fixture("civil_complaint", "valid", "narrative_guarantor"))
    assert "具状人：刘芳（签名）＿＿＿＿＿＿＿＿\n2026年" in text and "签字" not in text


def test_a_body_without_legal_personality_signs_by_its_principal_person_in_charge():
    assert filing_signature("申请人", [Organization.model_validate(PARTNERSHIP)]) == [
        "申请人：深圳市前海明信投资合伙企业（有限合伙）（盖章）",
        "主要负责人：王强（签名）＿＿＿＿＿＿＿＿",
    ]


class Profiles:
    def __init__(self, profile: dict) -> None:
        self.stored = SenderProfile.model_validate(profile)
        self.drawn: list[tuple[str, int]] = []

    def profile(self, profile_id: int) -> SenderProfile:
        if profile_id != 7:
            raise ProfileNotFound(profile_id)
        return self.stored

        self.drawn: list[tuple[str, int]] = []

    def next_letter_number(self, series: str, year: int) -> int:
        self.drawn.append((series, year))
        return 3


def _from_profile(profile: dict, final: bool = False, **changes: object) -> tuple[object, list]:
    doc_type = registry.get("firm_letter")
    data = copy.deepcopy(load_fixture("firm_letter", "valid", "one_lawyer_for_a_plaintiff"))
    del data["firm"], data["lawyers"]
    data.update(sender_profile_id=7, **changes)
    assert doc_type.resolve is not None
    case = doc_type.resolve(doc_type.parse(data), Profiles(profile), final)
    return case, doc_type.evaluate(case, OPTIONS).problems


def test_a_firm_letter_without_a_number_is_numbered_from_the_profiles_prefix():
    profiles = Profiles(FIRM)
    doc_type = registry.get("firm_letter")
    data = copy.deepcopy(load_fixture("firm_letter", "valid", "one_lawyer_for_a_plaintiff"))
    del data["firm"], data["lawyers"], data["letter_number"]
    data["sender_profile_id"] = 7
    assert doc_type.resolve is not None
    checked = doc_type.resolve(doc_type.parse(data), profiles, False)
    # checked only: nothing drawn, and nothing to warn of (the number comes when made)
    assert profiles.drawn == [] and checked.letter_number is None
    assert doc_type.evaluate(checked, OPTIONS).problems == []
    made = doc_type.resolve(doc_type.parse(data), profiles, True)
    assert profiles.drawn == [("京明正民函", 2026)]  # a series apart from its 律函字
    assert "（2026）京明正民函字第3号" in _text("firm_letter", made.model_dump(mode="json"))


def test_a_typed_number_without_the_profiles_prefix_is_warned_on_the_number():
    # the fixture's number is 正信's; the profile is 明正's (prefix 京明正)
    _case, problems = _from_profile(FIRM)
    (problem,) = problems
    assert (problem.severity, problem.code, problem.loc) == (
        "warning",
        "letter_number_not_of_profile",
        ("letter_number",),
    )
    assert problem.message.startswith(
        "函号「（2026）京正信民函字第15号」中没有发件人资料的函号前缀「京明正」"
    )
    assert "（2026）京明正民函字第1号" in (problem.hint or "")
    _case, problems = _from_profile(FIRM, letter_number="（2026）京明正民函字第8号")
    assert problems == []


def test_the_firm_and_its_lawyer_come_from_the_stored_profile():
    case, problems = _from_profile(dict(FIRM, uscc="31110000E00017525U"))
    assert [p for p in problems if p.severity == "error"] == []
    text = _text("firm_letter", case.model_dump(mode="json"))
    assert "北京明正律师事务所（盖章）" in text
    assert "指派王立新律师（执业证号：11101201510876543）" in text


def test_the_sample_profile_makes_a_firm_letter():
    # docs/api.md gives fixtures/sender_profiles/law_firm.json as the example profile
    _case, problems = _from_profile(FIRM)
    assert [p for p in problems if p.severity == "error"] == []


def test_a_profile_without_the_firms_code_is_reported_on_the_profile():
    _case, problems = _from_profile({k: v for k, v in FIRM.items() if k != "uscc"})
    problem = _only(problems, "missing")
    assert problem.loc == ("sender_profile_id",)
    assert "执业许可证号" in problem.message


# --- 法定代表人身份证明书 --------------------------------------------------------------


def test_the_certificate_states_name_position_and_role():
    data = load_fixture("representative_certificate", "valid", "plaintiff_company_for_the_case")
    text = _text("representative_certificate", data)
    assert text.startswith("法定代表人身份证明书")
    assert "陈建国在我单位担任执行董事职务，是我单位的法定代表人。" in text
    assert "单位（盖章）：深圳市恒信商贸有限公司" in text


def test_an_unincorporated_organisation_certifies_its_principal_person():
    data = load_fixture("representative_certificate", "valid", "partnership_principal_person")
    text = _text("representative_certificate", data)
    assert text.startswith("主要负责人身份证明书")
    assert "是我单位的主要负责人。" in text


def test_a_branch_certifies_its_person_in_charge_and_signs_by_that_role():
    # a bank's 支行 acts by its 负责人 (民诉法解释 art. 52), as its party block names it
    data = load_fixture("representative_certificate", "valid", "plaintiff_company_for_the_case")
    data["organization"]["representative_title"] = "负责人"
    text = _text("representative_certificate", data)
    assert text.startswith("负责人身份证明书")
    assert "是我单位的负责人。" in text
    attorney = load_fixture("power_of_attorney", "valid", "company_general_lawyer_and_employee")
    attorney["principal"]["representative_title"] = "负责人"
    assert "\n负责人：陈建国（签名）" in _text("power_of_attorney", attorney)


def test_a_position_typed_as_the_role_signs_as_the_legal_representative():
    attorney = load_fixture("power_of_attorney", "valid", "company_general_lawyer_and_employee")
    attorney["principal"]["representative_title"] = "执行董事"
    text = _text("power_of_attorney", attorney)
    assert "\n法定代表人：陈建国（签名）" in text
    assert "执行董事（签名）" not in text and "执行董事　（签名）" not in text


def test_a_natural_person_has_no_such_certificate():
    data = load_fixture("representative_certificate", "invalid", "natural_person")
    problem = _only(_problems("representative_certificate", data), "not_an_organization")
    assert problem.loc == ("organization", "kind") and "第五十一条" in problem.message


# --- 送达地址确认书 --------------------------------------------------------------------


def test_the_form_ticks_the_chosen_ways_and_prints_their_addresses():
    data = load_fixture("service_address", "valid", "person_email_and_sms")
    text = _text("service_address", data)
    assert "☑同意（☑电子邮件　☑手机短信　□微信　□传真）　□不同意" in text
    assert "电子邮箱\nliufang@example.com" in text


def test_a_party_refusing_electronic_service_ticks_no():
    data = load_fixture("service_address", "valid", "company_paper_only")
    text = _text("service_address", data)
    assert "□同意（□电子邮件　□手机短信　□微信　□传真）　☑不同意" in text
    assert "收件人\n李静\n与受送达人关系\n法务专员\n代收人身份证件号码\n＿＿＿＿\n联系电话" in text


def test_each_chosen_way_needs_its_address():
    data = load_fixture("service_address", "invalid", "email_way_without_address")
    problems = [p for p in _problems("service_address", data) if p.severity == "error"]
    assert sorted((p.loc, p.message) for p in problems) == [
        (("email",), "选择了电子邮件送达，请填写电子邮箱"),
        (("mobile",), "选择了手机短信送达，请填写接收短信的手机号码"),
    ]


def test_an_agents_id_number_has_the_principals_label():
    data = load_fixture("power_of_attorney", "valid", "defendant_with_relative_two_powers")
    text = _text("power_of_attorney", data)
    assert "委托人：张伟，男\n公民身份号码：110101198503151235" in text
    assert "受托人：张建国，系委托人的父亲\n公民身份号码：110101195803070011" in text


def test_a_service_address_without_its_postcode_is_warned():
    data = load_fixture("service_address", "valid", "company_paper_only")
    assert not [p for p in _problems("service_address", data) if p.code == "postal_code_missing"]
    del data["postal_code"]
    (warning,) = [p for p in _problems("service_address", data) if p.code == "postal_code_missing"]
    assert (warning.loc, warning.severity) == (("postal_code",), "warning")
    assert "邮政编码" in warning.message and "第四条" in warning.message


def test_a_companys_power_names_the_representatives_position_and_the_phone():
    data = load_fixture("power_of_attorney", "valid", "company_general_lawyer_and_employee")
    data["principal"]["representative_position"] = "执行董事"
    text = _text("power_of_attorney", data)
    # as the company's line on every court filing: the role, the name, the position held
    assert "法定代表人：陈建国，执行董事\n联系电话：0755-83216688" in text
