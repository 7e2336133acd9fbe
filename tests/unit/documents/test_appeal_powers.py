"""A second-instance power of attorney grants what the principal can do where it stands:
an appellant, plaintiff or defendant below, waives and changes its appeal's claims; an
appellee admits the appeal's claims; a defendant below who did not appeal has no claim
to waive (民事诉讼法 arts. 54, 62, 175; 民诉法解释 art. 321)."""

from __future__ import annotations

import copy
from typing import Any

from tests.attorney_cases import found as _found
from tests.attorney_cases import problems as _problems
from tests.attorney_cases import refused_for_role
from tests.attorney_cases import valid as _valid
from tests.support import load_fixture, printed_copy

PLAINTIFF_APPEALS = "appellant_plaintiff_changes_its_appeal_claims"
DEFENDANT_WAIVES = "appellee_defendant_waiving_claims"


def _powers(data: dict[str, Any]) -> str:
    """The special powers as printed, from 「并有权：」 to the term."""
    printed = printed_copy("power_of_attorney", data)
    return printed.split("并有权：\n")[1].split("委托期限")[0]


def test_an_appellant_who_was_the_plaintiff_waives_and_changes_its_appeal_claims():
    data = _valid(PLAINTIFF_APPEALS)
    assert _found(data) == []
    printed = printed_copy("power_of_attorney", data)
    assert "作为上诉人刘芳的诉讼代理人" in printed
    assert _powers(data).startswith(
        "（1）代为放弃、变更上诉请求；\n（2）代为进行和解；\n（3）代为撤回上诉。"
    )
    assert "诉讼请求" not in _powers(data).replace("上诉请求", "")
    one = _valid(PLAINTIFF_APPEALS) | {"powers": ["modify", "settle"]}
    assert _powers(one).startswith("（1）代为变更上诉请求；\n（2）代为进行和解。")


def test_an_appellant_who_was_the_defendant_reads_the_same():
    data = _valid("appellant_defendant_second_instance")
    assert _powers(data).startswith(
        "（1）代为承认诉讼请求；\n（2）代为放弃、变更上诉请求；\n（3）代为进行和解；\n"
        "（4）代为撤回上诉。"
    )


def test_an_appellee_who_was_the_plaintiff_admits_the_appeal_and_may_waive_its_claims():
    data = _valid("appellee_admits_the_appeal_claims")
    assert _found(data) == []
    assert _powers(data).startswith(
        "（1）代为承认上诉请求；\n（2）代为放弃诉讼请求；\n（3）代为进行和解。"
    )


def test_an_appellee_who_was_the_defendant_has_no_claim_to_waive():
    data = load_fixture("power_of_attorney", "invalid", DEFENDANT_WAIVES)
    problem = refused_for_role(data)
    assert problem.message.startswith(
        "委托人在第二审程序中是被上诉人（原审被告），没有提出诉讼请求，也没有提出上诉请求，"
        "「代为放弃诉讼请求」无从行使"
    )
    assert "第五十四条" in problem.message
    assert "代为放弃反诉请求" in (problem.hint or "")
    # without it the appellee defendant's power prints what it can do
    fixed = copy.deepcopy(data) | {"powers": ["admit", "settle"]}
    assert _found(fixed) == []
    assert _powers(fixed).startswith("（1）代为承认上诉请求；\n（2）代为进行和解。")
    # a counterclaim brought below is waived as what it is, in an other power
    counter = fixed | {"other_powers": ["代为放弃反诉请求"]}
    assert _found(counter) == []
    assert "（3）代为放弃反诉请求。" in _powers(counter)


def test_a_defendant_below_who_did_not_appeal_has_no_claim_to_waive_either():
    # 张伟 appeals; his co-defendant 李秀英 is 原审被告 in the appeal
    data = load_fixture("power_of_attorney", "invalid", DEFENDANT_WAIVES) | {"appellants": ["张伟"]}
    (problem,) = _problems(data)
    assert (problem.code, problem.loc) == ("power_not_of_role", ("powers",))
    assert problem.message.startswith("委托人在第二审程序中是原审被告，没有提出诉讼请求")


def test_an_agents_own_grant_is_refused_on_the_agent():
    data = copy.deepcopy(load_fixture("power_of_attorney", "invalid", DEFENDANT_WAIVES))
    data["agents"][0] |= {"authority": "special", "powers": data.pop("powers")}
    assert ("error", "power_not_of_role", ("agents", 0, "powers")) in _found(data)
