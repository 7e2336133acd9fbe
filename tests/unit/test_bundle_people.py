"""The people a filing bundle names agree across the complaint and its papers: the agents
(民事诉讼法 arts. 61, 62), whose ID number is whose (居民身份证法 art. 3), the
organisation's representative and position (民事诉讼法 arts. 51, 124; 民诉法解释 art. 50).

Read without rendering (``docgen.bundle.consistency.check_people``); the bundle that
renders them is in tests/integration/test_bundle_papers.py."""

from __future__ import annotations

import pytest

from docgen.bundle.consistency import check_people
from docgen.bundle.service import BundleService
from docgen.documents.problems import Problem
from tests.bundle_cases import (
    AGENT_FIRM,
    AGENT_LICENSE,
    COMPLAINT,
    DEFENDANTS,
    PLAINTIFF,
    REPRESENTATIVE_ID,
    WANG_WEI,
    bundle_case,
    data_of,
    index_of,
    namesakes,
    paper,
)


def _people(service, case) -> tuple[list[Problem], list[Problem]]:
    # the parties as the bundle takes them from the complaint before it makes the papers
    case.update(plaintiffs=[PLAINTIFF["name"]], defendants=DEFENDANTS)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    check_people(service, BundleService(service).parse(case), problems, warnings)
    return problems, warnings


def _codes(problems: list[Problem]) -> set[tuple[tuple, str]]:
    return {(p.loc, p.code) for p in problems}


def test_the_complaint_and_papers_made_from_one_set_of_facts_agree(service):
    assert _people(service, bundle_case()) == ([], [])


def test_the_set_with_three_agents_and_one_number_for_two_people_is_refused_at_once(service):
    """The complaint names 黄丽; the power 黄丽 and 李静; the letter 黄丽 and 何志强: three
    agents, 何志强 without a power, 李静 missing from the complaint; 李静 typed with
    陈建国's ID number."""
    case = bundle_case()
    poa, letter = index_of(case, "power_of_attorney"), index_of(case, "firm_letter")
    case["papers"][poa] = paper("power_of_attorney", "company_general_lawyer_and_employee")
    case["papers"][poa]["data"]["agents"][1]["id_number"] = REPRESENTATIVE_ID
    case["papers"][letter] = paper("firm_letter", "two_lawyers_for_a_company")
    problems, warnings = _people(service, case)
    lawyer = ("papers", letter, "data", "lawyers", 1, "name")
    assert _codes(problems) == {
        (lawyer, "lawyer_without_power_of_attorney"),
        (lawyer, "too_many_agents"),
        (("complaint", "data", "plaintiffs", 0, "agents"), "agents_differ_from_power_of_attorney"),
        (("papers", poa, "data", "agents", 1, "id_number"), "id_number_of_another_person"),
    }
    assert warnings == []
    messages = {p.code: p.message for p in problems}
    assert messages["too_many_agents"].startswith(
        "深圳市恒信商贸有限公司的诉讼代理人共3人（黄丽、李静、何志强；授权委托书：黄丽、李静；"
        "起诉状：黄丽；律师事务所函：黄丽、何志强）"
    )
    assert (
        "一至二人" in messages["too_many_agents"]
        and "第六十一条第一款" in messages["too_many_agents"]
    )
    assert messages["lawyer_without_power_of_attorney"].startswith(
        "律师事务所函指派的律师何志强不是深圳市恒信商贸有限公司授权委托书的受托人"
    )
    assert "第六十二条第一款" in messages["lawyer_without_power_of_attorney"]
    assert "授权委托书委托的李静未列入起诉状" in messages["agents_differ_from_power_of_attorney"]
    assert messages["id_number_of_another_person"].startswith(
        f"授权委托书中李静的证件号码{REPRESENTATIVE_ID}与法定代表人身份证明书中陈建国的相同"
    )


def test_a_lawyer_of_the_letter_without_a_power_of_attorney_is_refused(service):
    case = bundle_case()
    letter = index_of(case, "firm_letter")
    case["papers"][letter] = paper("firm_letter", "two_lawyers_for_a_company")
    problems, _ = _people(service, case)
    assert _codes(problems) == {
        (("papers", letter, "data", "lawyers", 1, "name"), "lawyer_without_power_of_attorney")
    }


def test_more_than_two_agents_across_the_papers_are_refused_without_a_power_too(service):
    case = bundle_case()
    del case["papers"][index_of(case, "power_of_attorney")]
    letter = index_of(case, "firm_letter")
    case["papers"][letter] = paper("firm_letter", "two_lawyers_for_a_company")
    complaint = case["complaint"]["data"]
    employee = {"name": "李静", "firm": PLAINTIFF["name"], "position": "法务专员"}
    complaint["plaintiffs"][0]["agents"].append({**employee, "phone": "0755-83216688"})
    problems, _ = _people(service, case)
    assert _codes(problems) == {
        (("papers", letter, "data", "lawyers", 1, "name"), "too_many_agents")
    }


@pytest.mark.parametrize(
    ("agents", "words"),
    [
        (
            [],
            "委托诉讼代理人（无）与授权委托书的受托人（黄丽）不一致：授权委托书委托的黄丽未列入起诉状",
        ),
        (
            [{"name": "何志强", "firm": "广东华商律师事务所", "phone": "13926001234"}],
            "（何志强）与授权委托书的受托人（黄丽）不一致：何志强没有授权委托书",
        ),
    ],
)
def test_the_complaints_agents_are_the_powers(service, agents, words):
    case = bundle_case()
    case["complaint"]["data"]["plaintiffs"][0]["agents"] = agents
    problems, _ = _people(service, case)
    (problem,) = problems
    assert problem.loc == ("complaint", "data", "plaintiffs", 0, "agents")
    assert problem.code == "agents_differ_from_power_of_attorney" and words in problem.message


def test_one_id_number_for_two_people_is_refused_on_the_later_paper(service):
    case = bundle_case()
    data_of(case, "service_address")["recipient_id_number"] = REPRESENTATIVE_ID
    problems, _ = _people(service, case)
    (problem,) = problems
    assert problem.loc == (
        "papers",
        index_of(case, "service_address"),
        "data",
        "recipient_id_number",
    )
    assert "送达地址确认书中李静的证件号码" in problem.message
    assert "《中华人民共和国居民身份证法》第三条第二款" in problem.message


def test_the_same_person_may_be_named_with_the_number_in_two_papers(service):
    case = bundle_case()
    service_address = data_of(case, "service_address")
    service_address.update(recipient="陈建国", recipient_id_number=REPRESENTATIVE_ID)
    assert _people(service, case) == ([], [])


def test_a_position_that_differs_between_the_papers_is_warned(service):
    case = bundle_case()
    data_of(case, "representative_certificate")["position"] = "执行董事兼总经理"
    problems, warnings = _people(service, case)
    assert problems == []
    (warning,) = warnings
    assert warning.loc == (
        "papers",
        index_of(case, "representative_certificate"),
        "data",
        "position",
    )
    assert warning.code == "position_mismatch" and warning.severity == "warning"
    assert warning.message.startswith(
        "法定代表人身份证明书写明陈建国的职务为「执行董事兼总经理」，起诉状写明为「执行董事」"
    )


def test_a_paper_without_a_position_does_not_differ(service):
    case = bundle_case()
    del data_of(case, "power_of_attorney")["principal"]["representative_position"]
    assert _people(service, case) == ([], [])


def test_another_representative_of_the_same_company_is_refused(service):
    case = bundle_case()
    data_of(case, "power_of_attorney")["principal"]["legal_representative"] = "陈国建"
    problems, warnings = _people(service, case)
    (problem,) = problems
    assert problem.code == "representative_mismatch"
    assert problem.loc == (
        "papers",
        index_of(case, "power_of_attorney"),
        "data",
        "principal",
        "legal_representative",
    )
    assert "授权委托书写明深圳市恒信商贸有限公司的法定代表人（负责人）为陈国建" in problem.message
    assert warnings == []


def test_a_paper_that_does_not_parse_is_left_to_its_own_errors(service):
    case = bundle_case()
    letter = index_of(case, "firm_letter")
    case["papers"][letter] = paper("firm_letter", "two_lawyers_for_a_company")
    del case["papers"][letter]["data"]["client"]
    assert _people(service, case) == ([], [])


# --- one lawyer by the licence number and the firm (民诉法解释 art. 88(1)) ---------------

OTHER_LICENSE = "14403201510987645"  # 黄丽's number with two digits swapped


def test_the_letters_lawyer_typed_with_another_licence_number_is_refused_there(service):
    case = bundle_case()
    data_of(case, "firm_letter")["lawyers"][0]["license_number"] = OTHER_LICENSE
    problems, warnings = _people(service, case)
    letter = index_of(case, "firm_letter")
    (problem,) = problems
    assert (problem.loc, problem.code) == (
        ("papers", letter, "data", "lawyers", 0, "license_number"),
        "lawyer_license_mismatch",
    )
    assert problem.message.startswith(
        f"律师事务所函写明黄丽的执业证号为{OTHER_LICENSE}，起诉状写明为{AGENT_LICENSE}"
    )
    assert "第八十八条第（一）项" in problem.message and warnings == []


def test_the_complaints_licence_number_is_compared_with_the_powers_and_the_letters(service):
    """The complaint names 黄丽 with another number: the power and the letter, read after
    it, each give one that differs (the later part is the one reported, naming both)."""
    case = bundle_case()
    case["complaint"]["data"]["plaintiffs"][0]["agents"][0]["license_number"] = OTHER_LICENSE
    problems, warnings = _people(service, case)
    poa, letter = index_of(case, "power_of_attorney"), index_of(case, "firm_letter")
    assert _codes(problems) == {
        (("papers", poa, "data", "agents", 0, "license_number"), "lawyer_license_mismatch"),
        (("papers", letter, "data", "lawyers", 0, "license_number"), "lawyer_license_mismatch"),
    }
    assert {p.message.split("：")[0] for p in problems} == {
        f"授权委托书写明黄丽的执业证号为{AGENT_LICENSE}，起诉状写明为{OTHER_LICENSE}",
        f"律师事务所函写明黄丽的执业证号为{AGENT_LICENSE}，起诉状写明为{OTHER_LICENSE}",
    }
    assert warnings == []


def test_a_complaint_without_the_number_is_matched_by_the_name_and_firm(service):
    case = bundle_case()
    del case["complaint"]["data"]["plaintiffs"][0]["agents"][0]["license_number"]
    assert _people(service, case) == ([], [])


def test_the_powers_lawyer_of_another_firm_than_the_complaints_is_refused_on_the_power(
    service,
):
    case = bundle_case()
    data_of(case, "power_of_attorney")["agents"][0]["firm"] = "广东华商（龙岗）律师事务所"
    problems, _ = _people(service, case)
    (problem,) = problems
    assert (problem.loc, problem.code) == (
        ("papers", index_of(case, "power_of_attorney"), "data", "agents", 0, "firm"),
        "lawyer_firm_mismatch",
    )
    assert problem.message.startswith(
        "授权委托书写明黄丽的工作单位（律师事务所）为广东华商（龙岗）律师事务所，"
        f"起诉状写明为{AGENT_FIRM}"
    )


def test_a_letter_of_another_firm_is_refused_on_its_firm(service):
    case = bundle_case()
    data_of(case, "firm_letter")["firm"]["name"] = "广东华商(龙岗)律师事务所"
    problems, _ = _people(service, case)
    assert _codes(problems) == {
        (("papers", index_of(case, "firm_letter"), "data", "firm", "name"), "lawyer_firm_mismatch")
    }


def test_a_firm_typed_with_half_width_brackets_or_spaces_is_the_same_firm(service):
    case = bundle_case()
    case["complaint"]["data"]["plaintiffs"][0]["agents"][0]["firm"] = "广东华商(龙岗)律师事务所"
    data_of(case, "power_of_attorney")["agents"][0]["firm"] = "广东华商（龙岗）律师事务所"
    data_of(case, "firm_letter")["firm"]["name"] = "广东华商（ 龙岗 ）律师事务所"
    assert _people(service, case) == ([], [])


def test_two_lawyers_who_share_a_name_are_two_agents_matched_by_their_numbers(service):
    case = bundle_case()
    namesakes(case, (WANG_WEI[1], WANG_WEI[0]))
    assert _people(service, case) == ([], [])


def test_a_namesake_the_complaint_leaves_out_is_missing_from_it(service):
    """The power appoints two lawyers named 王伟; the complaint names one: before, one name
    stood for both."""
    case = bundle_case()
    namesakes(case, WANG_WEI)
    del case["complaint"]["data"]["plaintiffs"][0]["agents"][1]
    problems, _ = _people(service, case)
    (problem,) = problems
    assert (problem.loc, problem.code) == (
        ("complaint", "data", "plaintiffs", 0, "agents"),
        "agents_differ_from_power_of_attorney",
    )
    assert f"授权委托书委托的王伟（{WANG_WEI[1]}）未列入起诉状" in problem.message


def test_the_complaints_numbers_tell_which_namesake_it_names(service):
    """The complaint gives the numbers of its two 王伟 in the other order than the power:
    they are the same two; naming one, the one left out is the other."""
    case = bundle_case()
    namesakes(case, WANG_WEI, in_complaint=(WANG_WEI[1], WANG_WEI[0]))
    assert _people(service, case) == ([], [])
    del case["complaint"]["data"]["plaintiffs"][0]["agents"][1]  # keeps WANG_WEI[1]
    problems, _ = _people(service, case)
    (problem,) = problems
    assert problem.code == "agents_differ_from_power_of_attorney"
    assert f"授权委托书委托的王伟（{WANG_WEI[0]}）未列入起诉状" in problem.message


def test_a_namesake_the_letter_assigns_beside_the_powers_lawyer_has_no_power(service):
    case = bundle_case()
    namesakes(case, (WANG_WEI[0], "14403202010357913"))
    letter = index_of(case, "firm_letter")
    case["papers"][letter]["data"]["lawyers"].insert(
        0, {"name": "王伟", "license_number": WANG_WEI[1]}
    )
    del case["papers"][letter]["data"]["lawyers"][2:]  # the letter assigns two at most
    data_of(case, "power_of_attorney")["agents"].pop()
    case["complaint"]["data"]["plaintiffs"][0]["agents"].pop()
    problems, _ = _people(service, case)
    # the letter's two are the power's one and another 王伟 without a power
    assert _codes(problems) == {
        (("papers", letter, "data", "lawyers", 0, "name"), "lawyer_without_power_of_attorney")
    }
    assert problems[0].message.startswith(
        f"律师事务所函指派的律师王伟（{WANG_WEI[1]}）不是深圳市恒信商贸有限公司授权委托书的受托人"
    )


def test_one_lawyer_named_for_a_plaintiff_and_a_defendant_is_warned(service):
    """律师法 art. 39: a lawyer does not act for both sides of one case. The complaint
    names 黄丽 (licence 14403201510987654) for the plaintiff; a power from the defendant
    王磊 appoints the same licence number."""
    case = bundle_case()
    defendant = paper("power_of_attorney", "person_special_lawyer")
    defendant["data"]["principal"] = dict(COMPLAINT["defendants"][0]["party"])
    defendant["data"]["agents"][0].update(
        name="黄丽", firm=AGENT_FIRM, license_number=AGENT_LICENSE
    )
    case["papers"].append(defendant)
    index = len(case["papers"]) - 1
    _problems, warnings = _people(service, case)
    (warning,) = [w for w in warnings if w.code == "lawyer_for_both_sides"]
    assert warning.loc == ("papers", index, "data", "agents", 0, "license_number")
    assert warning.message.startswith(
        "授权委托书中王磊（被告）的代理人黄丽（执业证号：14403201510987654）也是"
        "深圳市恒信商贸有限公司（原告）的代理人"
    )
    assert "《中华人民共和国律师法》第三十九条" in warning.message
    # another lawyer of the same name (another number) is no conflict
    defendant["data"]["agents"][0]["license_number"] = WANG_WEI[0]
    _problems, warnings = _people(service, case)
    assert "lawyer_for_both_sides" not in {w.code for w in warnings}
