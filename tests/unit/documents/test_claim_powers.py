"""The claims of a suit are the plaintiff's to waive or change and the defendant's to
admit (民事诉讼法 art. 54): a power grants only what the principal can do with them — a
defendant waives or changes its counterclaim's claims only, a plaintiff admits nothing of
its own, at first instance and as the appellant at second."""

from __future__ import annotations

from typing import Any

from tests.attorney_cases import found as _found
from tests.attorney_cases import problems as _problems
from tests.attorney_cases import refused_for_role
from tests.attorney_cases import valid as _valid
from tests.support import load_fixture, printed_copy

COUNTERCLAIMING = "defendant_counterclaiming_waives_and_changes_its_counterclaim"


def _powers(data: dict[str, Any]) -> str:
    """The special powers as printed, from 「并有权：」 to the term."""
    printed = printed_copy("power_of_attorney", data)
    return printed.split("并有权：\n")[1].split("委托期限")[0]


def _invalid(name: str) -> dict[str, Any]:
    return load_fixture("power_of_attorney", "invalid", name)


def test_a_defendant_without_a_counterclaim_has_no_claim_to_waive_or_change():
    data = _invalid("defendant_waiving_and_changing_claims_at_first_instance")
    problem = refused_for_role(data)
    assert problem.message.startswith(
        "委托人是本案被告，没有提出诉讼请求，「代为放弃诉讼请求」「代为变更诉讼请求」无从行使"
    )
    assert "第五十四条" in problem.message
    assert "代为放弃、变更反诉请求" in (problem.hint or "")
    one = data | {"powers": ["modify", "settle"]}
    (problem,) = _problems(one)
    assert "「代为变更诉讼请求」无从行使" in problem.message
    assert "代为放弃诉讼请求" not in problem.message
    # what a defendant can do prints
    fixed = data | {"powers": ["admit", "settle", "appeal"]}
    assert _found(fixed) == []
    assert _powers(fixed).startswith(
        "（1）代为承认诉讼请求；\n（2）代为进行和解；\n（3）代为提起上诉。"
    )


def test_a_counterclaiming_defendant_waives_and_changes_its_counterclaim():
    data = _valid(COUNTERCLAIMING)
    assert _found(data) == []
    assert _powers(data).startswith(
        "（1）代为承认诉讼请求；\n（2）代为提起反诉；\n（3）代为放弃、变更反诉请求；\n"
        "（4）代为进行和解；\n（5）代为提起上诉。"
    )
    assert "放弃诉讼请求" not in _powers(data)
    one = data | {"powers": ["waive", "counterclaim"]}
    assert _powers(one).startswith("（1）代为提起反诉；\n（2）代为放弃反诉请求。")


def test_a_plaintiff_admits_nothing_of_its_own_claims():
    data = _invalid("plaintiff_admitting_claims_at_first_instance")
    problem = refused_for_role(data, ("agents", 0, "powers"))
    assert problem.message.startswith(
        "委托人是本案原告，诉讼请求由其本人提出，「代为承认诉讼请求」无从行使"
    )
    assert "代为承认反诉请求" in (problem.hint or "")
    # on the power's own grant, the error is on ``powers``
    shared = _valid("person_special_lawyer")
    shared["powers"] = ["admit", *shared["powers"]]
    assert ("error", "power_not_of_role", ("powers",)) in _found(shared)
    # a counterclaim's claims are admitted by an other power, printed as typed
    counter = _valid("person_special_lawyer") | {"other_powers": ["代为承认反诉请求"]}
    assert _found(counter) == []
    assert "代为承认反诉请求。" in _powers(counter)
    assert "代为承认诉讼请求" not in _powers(counter)


def test_an_appellant_who_was_the_plaintiff_admits_nothing_of_its_own_claims():
    data = _invalid("appellant_plaintiff_admitting_claims")
    problem = refused_for_role(data)
    assert problem.message.startswith(
        "委托人在第二审程序中是上诉人（原审原告），诉讼请求和上诉请求均由其本人提出"
    )
    assert "代为承认上诉请求" in (problem.hint or "")
    # the appellee who was the plaintiff still admits the appeal's claims
    assert _found(_valid("appellee_admits_the_appeal_claims")) == []
    # an appellant who was the defendant still admits the plaintiff's claims
    assert _found(_valid("appellant_defendant_second_instance")) == []
    assert "代为承认诉讼请求" in _powers(_valid("appellant_defendant_second_instance"))
