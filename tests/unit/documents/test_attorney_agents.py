"""The power of attorney's agents: who may act as a near relative, how each kind of agent
is described, and the papers the court asks of it."""

from __future__ import annotations

import copy

import pytest

from docgen.documents.agent_kinship import is_close_relative
from tests.attorney_cases import found as _found
from tests.attorney_cases import problems as _problems
from tests.attorney_cases import valid as _valid
from tests.support import load_fixture, printed_copy

# --- a near relative (民诉法解释 art. 85) ---------------------------------------------------


@pytest.mark.parametrize("relation", ["朋友", "同事", "邻居", "同学", "有抚养关系的朋友"])
def test_a_relation_outside_the_near_relatives_is_refused_on_the_relation(relation):
    data = _valid("defendant_with_relative_two_powers")
    data["agents"][0]["relation"] = relation
    problems = [p for p in _problems(data) if p.severity == "error"]
    (problem,) = problems
    assert (problem.loc, problem.code) == (("agents", 0, "relation"), "relation_not_close_relative")
    assert f"「{relation}」不是当事人的近亲属" in problem.message
    assert "第八十五条" in problem.message
    assert "社区、单位或社会团体推荐的公民" in (problem.hint or "")


@pytest.mark.parametrize(
    "relation",
    [
        "父亲",
        "配偶",
        "大哥",
        "二姐",
        "表妹",
        "伯父",
        "外孙女",
        "岳母",
        "儿媳",
        "继父",
        "有赡养关系的叔祖父",
    ],
)
def test_the_relatives_of_article_85_are_accepted(relation):
    assert is_close_relative(relation)
    data = _valid("defendant_with_relative_two_powers")
    data["agents"][0]["relation"] = relation
    assert [p for p in _problems(data) if p.severity == "error"] == []


def test_an_uncle_is_printed_as_the_principals_relative():
    printed = printed_copy("power_of_attorney", _valid("relative_uncle_of_the_principal"))
    assert "受托人：张建国，系委托人的伯父" in printed


def test_an_employees_position_is_not_read_as_a_relation():
    data = _valid("company_general_lawyer_and_employee")
    assert data["agents"][1]["relation"] == "法务专员"
    assert [p for p in _problems(data) if p.severity == "error"] == []


# --- a general authority's other powers (民事诉讼法 art. 62) ------------------------------


def test_a_general_authority_prints_its_other_powers_after_its_acts():
    data = _valid("general_with_enforcement_application")
    assert _found(data) == []
    printed = printed_copy("power_of_attorney", data)
    assert (
        "代理权限：一般授权，即代为起诉，提交、接收证据材料，参加证据交换、庭审和调解，"
        "发表代理意见，代为签收法律文书，代为申请执行；不包括代为承认、放弃、变更诉讼请求，"
        "进行和解，提起反诉或者上诉。"
    ) in printed


def test_a_general_authority_refuses_an_other_power_reserved_to_a_special_one():
    data = copy.deepcopy(
        load_fixture("power_of_attorney", "invalid", "general_with_collecting_money")
    )
    errors = [p for p in _problems(data) if p.severity == "error"]
    assert [(p.loc, p.code) for p in errors] == [
        (("other_powers", 1), "general_with_special_powers")
    ]
    assert "「代为领取案款」须有委托人的特别授权" in errors[0].message
    assert "第二十条" in errors[0].message


@pytest.mark.parametrize(
    "item", ["代为和解", "代为提起上诉", "代为放弃部分利息", "代为收取执行款项"]
)
def test_every_reserved_act_typed_as_an_other_power_is_refused_with_a_general_authority(item):
    data = _valid("general_with_enforcement_application")
    data["other_powers"] = [item]
    found = [(s, c, loc) for s, c, loc in _found(data) if s == "error"]
    assert found == [("error", "general_with_special_powers", ("other_powers", 0))]


def test_withdrawing_the_suit_prints_with_a_general_authority_and_is_warned():
    data = _valid("general_with_enforcement_application")
    data["other_powers"] = ["代为撤回起诉"]
    assert _found(data) == [("warning", "general_with_withdrawal", ("other_powers", 0))]
    assert "代为签收法律文书，代为撤回起诉；不包括" in printed_copy("power_of_attorney", data)


# --- an authority for each agent (法〔2016〕221号: 「委托诉讼代理人×××的代理事项和权限」) ---


def test_each_agent_with_its_own_authority_prints_its_own_block():
    data = _valid("lawyer_special_and_employee_general")
    assert _found(data) == []
    printed = printed_copy("power_of_attorney", data)
    assert (
        "诉讼代理人黄丽的代理事项和权限：特别授权，即代为起诉，提交、接收证据材料，参加证据交换、"
        "庭审和调解，发表代理意见，代为签收法律文书，并有权：\n（1）代为放弃诉讼请求；"
    ) in printed
    assert (
        "（4）代为提起上诉；\n（5）代为申请执行。\n诉讼代理人李静的代理事项和权限：一般授权"
        in printed
    )
    assert "代理权限：" not in printed.replace("的代理事项和权限", "")


def test_agents_without_an_authority_of_their_own_print_the_one_block_as_before():
    printed = printed_copy("power_of_attorney", _valid("company_general_lawyer_and_employee"))
    assert "代理权限：一般授权，即代为起诉" in printed
    assert "的代理事项和权限" not in printed


def test_an_agent_without_its_own_authority_holds_the_powers():
    data = _valid("lawyer_special_and_employee_general")
    assert "authority" not in data["agents"][1]
    data["authority"] = "special"
    data["powers"] = ["settle"]
    printed = printed_copy("power_of_attorney", data)
    assert "诉讼代理人李静的代理事项和权限：特别授权" in printed
    assert "（1）代为进行和解。" in printed


def test_an_agents_own_grant_is_checked_on_the_agent():
    data = copy.deepcopy(
        load_fixture(
            "power_of_attorney",
            "invalid",
            "agent_special_without_powers_and_powers_without_authority",
        )
    )
    assert [(c, loc) for s, c, loc in _found(data) if s == "error"] == [
        ("powers_without_authority", ("agents", 1, "authority")),
        ("special_without_powers", ("agents", 0, "powers")),
    ]


def test_an_agents_counterclaim_for_a_plaintiff_and_the_unused_powers_are_refused():
    data = _valid("lawyer_special_and_employee_general")
    data["agents"][0]["powers"].append("counterclaim")
    data["agents"][1]["authority"] = "general"
    data["powers"] = ["settle"]  # both agents carry their own: these belong to none
    data["authority"] = "special"
    errors = [(c, loc) for s, c, loc in _found(data) if s == "error"]
    assert errors == [
        ("authority_of_no_agent", ("powers",)),
        ("power_not_of_role", ("agents", 0, "powers")),
    ]


def test_an_agents_appeal_with_a_first_instance_term_is_refused_on_the_term():
    data = _valid("lawyer_special_and_employee_general")
    data["term"] = "自本委托书签署之日起至本案一审审结之日止"
    errors = [(c, loc) for s, c, loc in _found(data) if s == "error"]
    assert errors == [("term_ends_before_powers", ("term",))]


# --- the capacity each agent acts in, and its papers (民诉法解释 arts. 87, 88) -----------


def test_a_legal_service_worker_is_titled_and_a_recommended_citizen_recommended():
    data = _valid("legal_worker_and_recommended_citizen")
    printed = printed_copy("power_of_attorney", data)
    assert "受托人：王五，上海市浦东新区陆家嘴法律服务所基层法律服务工作者\n" in printed
    assert "受托人：赵六，由上海市浦东新区世纪社区居民委员会推荐\n" in printed
    assert "受托人：周明，北京市正信律师事务所律师" in printed_copy(
        "power_of_attorney", _valid("person_special_lawyer")
    )


def test_the_papers_a_legal_service_worker_and_a_recommended_citizen_need_are_warned():
    problems = {p.code: p for p in _problems(_valid("legal_worker_and_recommended_citizen"))}
    assert sorted(problems) == ["legal_worker_papers", "recommended_papers"]
    worker, citizen = problems["legal_worker_papers"], problems["recommended_papers"]
    assert worker.loc == ("agents", 0, "kind") and worker.severity == "warning"
    assert "基层法律服务所出具的介绍信以及当事人一方位于本辖区内的证明材料" in worker.message
    assert "第八十八条第二项" in worker.message
    assert citizen.loc == ("agents", 1, "kind")
    assert "推荐材料和当事人属于该社区、单位的证明材料" in citizen.message
    assert "非营利性法人组织" in citizen.message and "第八十七条" in citizen.message


def test_a_lawyer_or_a_relative_draws_no_papers_warning():
    assert _found(_valid("person_special_lawyer")) == []
    assert _found(_valid("defendant_with_relative_two_powers")) == []
