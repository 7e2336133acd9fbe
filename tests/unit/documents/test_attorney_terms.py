"""The power of attorney at the stage its case number names, its term against that stage
and its powers, a relative agent's age, and a ward principal's capacity as printed."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.attorney_powers import authority_lines
from tests.attorney_cases import found as _found
from tests.attorney_cases import problems as _problems
from tests.attorney_cases import valid as _valid
from tests.support import load_fixture, printed_copy

# --- a second-instance number: the power is made for the appeal ------------------------


def test_an_appeal_number_left_at_first_instance_prints_the_appeals_roles_acts_and_term():
    data = _valid("appeal_number_with_the_stage_left_at_first_instance")
    assert "stage" not in data and data["case"]["case_number"] == "(2026)京02民终4321号"
    assert _found(data) == [("warning", "stage_from_case_number", ("stage",))]
    printed = printed_copy("power_of_attorney", data)
    assert (
        "现委托陈晓在（2026）京02民终4321号上诉人张伟（原审被告）与被上诉人刘芳（原审原告）、"
        "原审被告李秀英民间借贷纠纷一案第二审程序中，作为被上诉人刘芳的诉讼代理人。"
    ) in printed
    assert "即代为参加第二审诉讼，提交、接收证据材料" in printed
    assert "委托期限：自本委托书签署之日起至本案二审审结之日止。" in printed
    for first_instance in ("原告刘芳诉", "起诉或应诉", "一审", "(2026)"):
        assert first_instance not in printed


def test_the_same_power_with_the_stage_chosen_draws_no_warning():
    data = _valid("appeal_number_with_the_stage_left_at_first_instance")
    data["stage"] = "second"
    assert _found(data) == []


def test_an_appeal_number_needs_who_appealed_whatever_the_stage_says():
    data = _valid("appeal_number_with_the_stage_left_at_first_instance")
    data["appellants"] = []
    assert ("error", "missing", ("appellants",)) in _found(data)


def test_a_first_instance_number_keeps_the_first_instance():
    data = _valid("person_special_lawyer")
    data["case"]["case_number"] = "（2026）京0101民初12345号"
    assert _found(data) == []
    assert "原告刘芳诉被告张伟、李秀英民间借贷纠纷一案中" in printed_copy("power_of_attorney", data)


# --- the term against the stage and the powers ------------------------------------------


@pytest.mark.parametrize(
    "term",
    [
        "自本委托书签署之日起至本案一审、二审及执行程序终结之日止",
        "至本案一审及上诉审终结之日止",
        "至本案一审、两审终结之日止",
        "至本案第一审、第二审程序终结之日止",
    ],
)
def test_a_term_reaching_past_the_first_instance_carries_the_appeal(term):
    data = _valid("person_special_lawyer")
    data["term"] = term
    assert _found(data) == []


def test_an_execution_power_with_a_first_instance_term_is_refused_naming_the_enforcement():
    data = _valid("applicant_execution")
    data["term"] = "自本委托书签署之日起至本案一审审结之日止"
    (problem,) = _problems(data)
    assert (problem.severity, problem.code) == ("error", "term_before_stage")
    assert problem.loc == ("term",)
    assert "本委托书用于执行程序" in problem.message
    assert "至本案执行程序终结之日止" in problem.hint


def test_an_other_power_naming_enforcement_under_a_first_instance_term_is_refused():
    data = _valid("person_special_lawyer")
    data["term"] = "自本委托书签署之日起至本案一审审结之日止"
    data["powers"] = ["settle"]
    assert _found(data) == [("error", "term_ends_before_powers", ("term",))]
    (problem,) = _problems(data)
    assert "授权事项中的代为申请执行须在一审审结之后" in problem.message


# --- a relative agent's age ----------------------------------------------------------------


def test_a_father_thirteen_years_older_than_the_principal_is_warned_on_the_relation():
    data = _valid("relative_father_thirteen_years_older")
    (problem,) = _problems(data)
    assert (problem.severity, problem.code, problem.loc) == (
        "warning",
        "agent_relation_ages",
        ("agents", 0, "relation"),
    )
    assert problem.message == (
        "受托人张建国（1972年3月7日出生）填写为委托人的父亲，而委托人张伟1985年3月15日出生："
        "父母仅比子女年长13岁（不足14岁），出生日期与所填关系难以相符，请核对"
    )


def test_a_plausible_father_and_other_relations_are_not_warned():
    data = _valid("defendant_with_relative_two_powers")
    assert _found(data) == []
    assert "公民身份号码：110101195803070011" in printed_copy("power_of_attorney", data)
    young = _valid("relative_father_thirteen_years_older")
    for relation in ("配偶", "兄", "继父", "养父"):
        young["agents"][0]["relation"] = relation
        assert _found(young) == []


def test_a_son_born_before_his_parent_is_warned_and_a_grown_son_is_not():
    data = _valid("defendant_with_relative_two_powers")
    data["agents"][0]["relation"] = "儿子"
    # 1958: born before the principal (1985), so not his son
    (problem,) = _problems(data)
    assert problem.code == "agent_relation_ages" and "出生日期与所填关系不符" in problem.message
    data["agents"][0]["id_number"] = "110101200503070013"  # born 2005: 20 years younger
    assert _found(data) == []


# --- a ward principal ---------------------------------------------------------------------


def test_a_ward_principals_power_says_it_has_limited_capacity_and_who_appoints():
    data = _valid("ward_principal_signed_by_guardian")
    assert _found(data) == []
    printed = printed_copy("power_of_attorney", data)
    assert (
        "委托人刘芳为限制民事行为能力人，其法定代理人刘建华现委托周明在原告刘芳诉被告张伟、"
        "李秀英民间借贷纠纷一案中，作为原告刘芳的诉讼代理人。"
    ) in printed
    assert "委托人：刘芳\n法定代理人：刘建华（签名）＿＿＿＿＿＿＿＿" in printed
    data["principal"]["capacity"] = "none"
    printed = printed_copy("power_of_attorney", data)
    assert "委托人刘芳为无民事行为能力人，其法定代理人刘建华现委托周明" in printed


def test_a_capable_principal_is_not_said_to_be_anything():
    printed = printed_copy("power_of_attorney", _valid("person_special_lawyer"))
    assert "民事行为能力" not in printed and printed.count("现委托周明在") == 1


def test_a_guardian_father_twelve_years_older_is_warned():
    data = _valid("ward_principal_with_a_father_twelve_years_older")
    (problem,) = _problems(data)
    assert (problem.severity, problem.code, problem.loc) == (
        "warning",
        "guardian_relation_ages",
        ("principal", "guardian", "relation"),
    )
    assert "法定代理人刘建华（1978年3月15日出生）填写为刘芳之父" in problem.message
    assert "父母仅比子女年长11岁" in problem.message


# --- the powers the principal can use where it stands -----------------------------------


def test_an_appellants_second_instance_power_may_withdraw_the_appeal():
    data = _valid("appellant_defendant_second_instance")
    assert _found(data) == []
    printed = printed_copy("power_of_attorney", data)
    assert "作为上诉人张伟的诉讼代理人" in printed
    assert "（3）代为进行和解；\n（4）代为撤回上诉。" in printed
    assert "代为提起上诉" not in printed and "代为提起反诉" not in printed


def test_nothing_is_appealed_at_second_instance_and_only_an_appellant_withdraws():
    data = copy.deepcopy(
        load_fixture(
            "power_of_attorney",
            "invalid",
            "respondent_appealing_and_withdrawing_at_second_instance",
        )
    )
    found = {p.code: p for p in _problems(data)}
    assert [(p.severity, p.loc) for p in found.values()] == [("error", ("powers",))] * 2
    assert "两审终审" in found["power_not_of_stage"].message
    assert "代为撤回上诉" in found["power_not_of_stage"].hint
    assert found["power_not_of_role"].message.startswith(
        "委托人在第二审程序中是被上诉人，没有提起上诉，无上诉可撤回"
    )
    # the appellant withdrawing its own appeal is its power
    data["principal"] = _valid("appellant_defendant_second_instance")["principal"]
    data["powers"] = ["settle", "withdraw_appeal"]
    assert _found(data) == []


def test_a_plaintiff_cannot_be_given_a_counterclaim():
    data = copy.deepcopy(
        load_fixture("power_of_attorney", "invalid", "plaintiff_granted_a_counterclaim")
    )
    (problem,) = _problems(data)
    assert (problem.severity, problem.code, problem.loc) == (
        "error",
        "power_not_of_role",
        ("powers",),
    )
    assert problem.message.startswith("委托人是本案原告，不能提起反诉")
    assert "第五十四条" in problem.message
    # the defendant may, at first instance and (as 原审被告) at second
    assert _found(_valid("defendant_with_relative_two_powers") | {"powers": ["counterclaim"]}) == []
    second = _valid("appellant_defendant_second_instance")
    second["powers"] = ["counterclaim"]
    assert _found(second) == []
    # the plaintiffs' powers print no counterclaim
    for name in ("person_special_lawyer", "ward_principal_signed_by_guardian"):
        assert "反诉" not in printed_copy("power_of_attorney", _valid(name)).split("代理权限")[1]


def test_withdrawing_an_appeal_is_used_after_the_first_instance():
    data = _valid("defendant_with_relative_two_powers")
    data["powers"] = ["settle", "withdraw_appeal"]
    data["term"] = "自本委托书签署之日起至本案一审审结之日止"
    (problem,) = _problems(data)
    assert (problem.code, problem.loc) == ("term_ends_before_powers", ("term",))
    assert "代为撤回上诉" in problem.message


# --- the acts by the principal's side; an appellant defendant's appeal claims ---------


def test_a_plaintiffs_agent_brings_the_suit_and_a_defendants_answers_it():
    plaintiff = printed_copy("power_of_attorney", _valid("company_general_one_lawyer"))
    assert "代理权限：一般授权，即代为起诉，提交、接收证据材料" in plaintiff
    assert "应诉" not in plaintiff
    defendant = printed_copy("power_of_attorney", _valid("defendant_with_relative_two_powers"))
    assert "代理权限：特别授权，即代为应诉，提交、接收证据材料" in defendant
    assert "起诉" not in defendant.split("代理权限")[1]
    # a side not known (no party of the case) keeps both
    doc_type = registry.get("power_of_attorney")
    case = doc_type.parse(_valid("company_general_one_lawyer"))
    (line,) = authority_lines(case, "当事人", None)
    assert line.startswith("代理权限：一般授权，即代为起诉或应诉，")


def test_an_appellant_who_was_the_defendant_waives_and_changes_its_appeal_claims():
    printed = printed_copy("power_of_attorney", _valid("appellant_defendant_second_instance"))
    assert (
        "（1）代为承认诉讼请求；\n（2）代为放弃、变更上诉请求；\n（3）代为进行和解；\n"
        "（4）代为撤回上诉。"
    ) in printed
    assert "放弃诉讼请求" not in printed and "变更诉讼请求" not in printed
    one = _valid("appellant_defendant_second_instance")
    one["powers"] = ["waive", "settle"]
    assert "（1）代为放弃上诉请求；\n（2）代为进行和解。" in printed_copy("power_of_attorney", one)
    # the appellee, the plaintiff below, may still waive the claims it brought
    appellee = printed_copy(
        "power_of_attorney", _valid("appeal_number_with_the_stage_left_at_first_instance")
    )
    assert "（2）代为放弃诉讼请求；\n（3）代为进行和解。" in appellee


def test_an_appellee_admits_the_appeal_claims():
    """The second instance tries the appeal's claims (民事诉讼法 art. 175): the appellee
    admits those, not the claims it brought below; the appellant still admits the suit's."""
    appellee = printed_copy("power_of_attorney", _valid("appellee_admits_the_appeal_claims"))
    assert "（1）代为承认上诉请求；\n（2）代为放弃诉讼请求；\n（3）代为进行和解。" in appellee
    assert "承认诉讼请求" not in appellee
    appellant = printed_copy("power_of_attorney", _valid("appellant_defendant_second_instance"))
    assert "（1）代为承认诉讼请求；" in appellant and "承认上诉请求" not in appellant


def test_an_appellee_has_no_claim_to_change_at_second_instance():
    """The second instance tries the appeal's claims (民事诉讼法 art. 175); the appellee's
    own were judged below: 「代为变更诉讼请求」 is refused, for the power and for an agent
    holding its own grant; a claim added at second instance is typed as what it is."""
    data = load_fixture(
        "power_of_attorney", "invalid", "appellee_changing_its_claims_at_second_instance"
    )
    (problem,) = _problems(data)
    assert (problem.severity, problem.code, problem.loc) == (
        "error",
        "power_not_of_role",
        ("powers",),
    )
    assert problem.message.startswith("委托人在第二审程序中是被上诉人，没有可变更的诉讼请求")
    assert "第一百七十五条" in problem.message and "原审原告增加独立的诉讼请求" in problem.message
    assert "代为增加独立的诉讼请求" in (problem.hint or "")
    # an agent's own grant is refused on the agent
    own = copy.deepcopy(data)
    own["agents"][0] |= {"authority": "special", "powers": own.pop("powers")}
    assert ("error", "power_not_of_role", ("agents", 0, "powers")) in _found(own)
    # the appellant keeps it, printed as 变更上诉请求
    appellant = _valid("appellant_defendant_second_instance")
    assert "modify" in appellant["powers"] and _found(appellant) == []
    # typed as an other power, a claim added at second instance prints, specially granted
    added = _valid("appellee_admits_the_appeal_claims")
    added["other_powers"] = ["代为增加独立的诉讼请求"]
    assert _found(added) == []
    printed = printed_copy("power_of_attorney", added)
    assert "（3）代为进行和解；\n（4）代为增加独立的诉讼请求。" in printed
    assert "变更诉讼请求" not in printed
    general = added | {"authority": "general", "powers": []}
    assert ("error", "general_with_special_powers", ("other_powers", 0)) in _found(general)


def test_a_companys_power_without_the_representatives_position_is_warned():
    data = _valid("company_general_lawyer_and_employee")
    (problem,) = _problems(data)
    assert (problem.severity, problem.code, problem.loc) == (
        "warning",
        "position_missing",
        ("principal", "representative_position"),
    )
    assert problem.message == (
        "授权委托书应写明深圳市恒信商贸有限公司的法定代表人陈建国的职务"
        "（参照《中华人民共和国民事诉讼法》第一百二十四条第一项）"
    )
    data["principal"]["representative_position"] = "执行董事"
    assert _found(data) == []
    assert _found(_valid("company_general_one_lawyer")) == []


def test_a_power_granting_an_appeal_without_a_term_is_warned_on_the_term():
    """民法典 art. 165: a written authorisation states its term; without one, whether the
    agent who may appeal acts in the second instance is left open."""
    data = _valid("appeal_power_without_a_term")
    (problem,) = _problems(data)
    assert (problem.severity, problem.code, problem.loc) == (
        "warning",
        "term_missing_with_later_powers",
        ("term",),
    )
    assert problem.message.startswith("委托书未写明委托期限，但授权事项中有代为提起上诉：")
    assert "第二审程序中是否仍有代理权不明" in problem.message
    assert "《中华人民共和国民法典》第一百六十五条" in problem.message
    data["term"] = "自本委托书签署之日起至本案二审审结之日止"
    assert _problems(data) == []
    # powers of the stage only, without a term: nothing to warn of
    data = _valid("appeal_power_without_a_term")
    data["powers"] = [p for p in data["powers"] if p != "appeal"]
    assert "term_missing_with_later_powers" not in {p.code for p in _problems(data)}


def test_an_appeal_power_without_a_term_that_applies_for_enforcement_names_both_stages():
    data = _valid("appellee_admits_the_appeal_claims")
    del data["term"]
    assert _problems(data) == []  # the appeal's own powers need no later stage
    data["other_powers"] = ["代为申请执行"]
    (problem,) = _problems(data)
    assert (problem.code, problem.loc) == ("term_missing_with_later_powers", ("term",))
    assert "代为申请执行：未写期限的，受托人在执行程序中" in problem.message


def test_the_cause_of_the_case_is_asked_never_assumed():
    data = _valid("defendant_with_relative_two_powers")
    del data["case"]["cause"]
    assert ("error", "missing", ("case", "cause")) in _found(data)
