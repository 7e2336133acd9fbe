"""A contract made as a minor pleaded as fitting the minor's age and intelligence
(民法典 arts. 19, 145(1)), or ratified by the defendant himself once of full age; either,
like the guardian's consent, answers the warning that the contract may wait on a
ratification; the element-based form states it among 其他需要说明的内容."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
FITS = load_fixture("civil_complaint", "valid", "minor_defendant_contract_fits_age")
SELF = load_fixture("civil_complaint", "valid", "defendant_ratified_contract_after_coming_of_age")
CONSENTED = load_fixture("civil_complaint", "valid", "minor_defendant_consented_by_guardian")
UNDER_EIGHT = load_fixture("civil_complaint", "invalid", "minor_defendant_under_eight_when_signing")
BIRTH = ("defendants", 0, "party", "birth_date")
RATIFIED_ON = ("defendants", 0, "adult_ratification", "given_on")


def _problems(data: dict) -> dict:
    problems = DOC.evaluate(DOC.parse(data), OPTIONS).problems
    return {(p.loc, p.code): p for p in problems}


def _errors(data: dict) -> dict:
    problems = DOC.evaluate(DOC.parse(data), OPTIONS).problems
    return {p.loc: p for p in problems if p.severity == "error"}


def test_a_contract_fitting_the_minors_age_is_pleaded_and_warned_with_the_principal():
    printed = printed_copy("civil_complaint", FITS)
    assert (
        "被告张伟签订《借款合同》时未满十八周岁（14周岁），为限制民事行为能力人；该合同系与其年龄、"
        "智力相适应的民事法律行为，依法有效（《中华人民共和国民法典》第十九条、第一百四十五条第一款）。"
        in printed
    )
    assert "《中华人民共和国民法典》第十九条、第一百四十五条、第六百六十七条" in printed
    problems = _problems(FITS)
    warning = problems[(("defendants", 0, "contract_assent"), "minor_contract_age_appropriate")]
    assert warning.severity == "warning"
    assert (
        "借款本金为人民币3,000.00元（大写：叁仟元整），数额较大的借款通常难以认定"
        in warning.message
    )
    assert "第一百五十七条" in warning.message
    assert (BIRTH, "debtor_minor") not in problems


def test_a_contract_fitting_the_age_is_for_minors_of_eight_or_more_only():
    adult = load_fixture("civil_complaint", "invalid", "age_appropriate_for_adult_defendant")
    problem = _errors(adult)[("defendants", 0, "contract_assent")]
    assert problem.code == "age_appropriate_not_minor"
    assert problem.message.startswith("被告张伟签约时已满34周岁")
    under_eight = copy.deepcopy(UNDER_EIGHT)
    under_eight["defendants"][0]["contract_assent"] = "age_appropriate"
    void = _errors(under_eight)[BIRTH]
    assert void.code == "minor_contract_void"
    assert "不适用限制民事行为能力人可以独立实施与其年龄、智力相适应的民事法律行为" in void.message


def test_the_defendants_own_ratification_once_of_age_is_printed_without_a_warning():
    assert _errors(SELF) == {}
    printed = printed_copy("civil_complaint", SELF)
    assert (
        "被告张伟签订《借款合同》时未满十八周岁（16周岁），为限制民事行为能力人；其于2026年3月1日"
        "年满十八周岁后，于2026年4月2日以书面《还款确认书》追认该合同（《中华人民共和国民法典》"
        "第十九条、第一百四十五条第一款）。" in printed
    )
    assert "法定代理人" not in printed.split("事实与理由")[1].split("此致")[0]
    assert (BIRTH, "debtor_minor") not in _problems(SELF)


def test_the_own_ratification_falls_between_the_18th_birthday_and_the_filing():
    early = load_fixture("civil_complaint", "invalid", "self_ratified_before_majority")
    problem = _errors(early)[RATIFIED_ON]
    assert problem.code == "self_ratified_before_majority"
    assert "2026年3月1日年满十八周岁" in problem.message
    late = copy.deepcopy(SELF)
    late["defendants"][0]["adult_ratification"]["given_on"] = "2026-11-21"
    assert _errors(late)[RATIFIED_ON].code == "self_ratified_after_filing"


def test_no_own_ratification_of_a_contract_made_as_an_adult_or_under_eight():
    adult = load_fixture("civil_complaint", "invalid", "age_appropriate_for_adult_defendant")
    adult = copy.deepcopy(adult)
    defendant = adult["defendants"][0]
    del defendant["contract_assent"]
    defendant["adult_ratification"] = {"given_on": "2026-04-02", "form": "书面《还款确认书》"}
    loc = ("defendants", 0, "adult_ratification")
    assert _errors(adult)[loc].code == "self_ratification_not_needed"
    void = copy.deepcopy(UNDER_EIGHT)
    void["defendants"][0]["adult_ratification"] = defendant["adult_ratification"]
    assert _errors(void)[loc].code == "self_ratification_of_void_contract"


def test_the_minority_warning_is_answered_by_a_consent_and_kept_without_one():
    assert (BIRTH, "debtor_minor") not in _problems(CONSENTED)
    unratified = load_fixture(
        "civil_complaint", "invalid", "minor_defendant_without_guardian_assent"
    )
    assert (BIRTH, "debtor_minor") in _problems(unratified)


def test_the_element_form_states_the_consent_among_other_matters():
    data = copy.deepcopy(CONSENTED)
    data["layout"] = "elements"
    printed = printed_copy("civil_complaint", data)
    other = printed.split("其他需要说明的内容")[1]
    assert other.lstrip().startswith(
        "被告张伟签订《借款合同》时未满十八周岁（14周岁），为限制民事行为能力人，其法定代理人王丽"
        "已于2025年1月10日以书面《同意书》同意该合同（《中华人民共和国民法典》第十九条、"
        "第一百四十五条第一款）；原告曾于2026年3月2日"
    )
