"""The debtor's own ratification, once of full age, of the contract made as a minor of
eight or more (``adult_ratification``; 民法典 arts. 18(1), 19, 145(1), read as 杨代雄's
commentary on art. 145 reads them): the contract is valid, every copy says so with the day
and demands payment outright; a day before the 18th birthday or after the letter, or a
contract it cannot be given for, is refused at the field (docs/legal-rules.md, Guardians)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.guardian_rules import adult_from
from docgen.documents.problems import CaseInvalid
from docgen.domain.parties import Person
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
CODE = "《中华人民共和国民法典》"
SELF = load_fixture("demand_letter", "valid", "debtor_ratified_after_majority")
FIRM = load_fixture("lawyer_letter", "valid", "debtor_ratified_after_majority_with_guarantor")


def _problems(type_name: str, data: Any) -> dict[str, Any]:
    """Every problem but the base letters' own: their 违约金 states no rate
    (penalty_basis_missing, test_letter_penalty)."""
    doc_type = registry.get(type_name)
    problems = doc_type.evaluate(doc_type.parse(data), OPTIONS).problems
    return {p.code: p for p in problems if p.code != "penalty_basis_missing"}


def _on(data: Any, day: str) -> Any:
    changed = copy.deepcopy(data)
    changed["adult_ratification"] = {"given_on": day, "form": "书面《确认书》"}
    return changed


def test_the_letter_states_the_ratification_its_day_and_form_and_demands_payment_outright():
    printed = printed_copy("demand_letter", SELF)
    assert (
        "您于2025年1月10日签订上述《借款合同》时为17周岁的未成年人。您于2025年3月1日年满十八周岁，"
        f"为完全民事行为能力人，可以独立实施民事法律行为（{CODE}第十八条第一款）；您已于2025年6月3日"
        "以书面《确认书》追认上述《借款合同》，该合同对您具有法律约束力（参照第一百四十五条第一款）。"
        "根据合同约定，您应于2026年1月10日（含当日）前清偿相应款项"
    ) in printed
    # art. 145(1) names only the legal representative: never cited bare for this
    assert "依法有效" not in printed and "、第一百四十五条第一款" not in printed
    assert "现特函告您：请于收到本函之日起7个工作日内，将上述欠款合计" in printed
    for waiting in ("有效的", "经追认的", "未获追认", "拒绝追认", "第一百五十七条"):
        assert waiting not in printed
    # the receipt makes him confirm the ratification, so that he cannot later deny it
    assert (
        "（编号：CS-2026-0158），确认已于2025年6月3日以书面《确认书》追认本人于2025年1月10日签订的"
        "《借款合同》，并确认截至2026年10月31日尚欠贵方款项合计"
    ) in printed
    # nothing left to warn of: the contract no longer waits on anyone
    assert _problems("demand_letter", SELF) == {}


def test_the_firms_copies_state_it_of_the_debtor():
    debtor = printed_copy("lawyer_letter", FIRM)
    assert "您已于2025年6月3日以书面《确认书》追认上述《借款合同》，该合同对您具有法律约束力" in (
        debtor
    )
    guarantor = printed_copy("lawyer_letter", FIRM, 1)
    assert "张伟已于2025年6月3日以书面《确认书》追认上述《借款合同》，该合同对其具有法律约束力" in (
        guarantor
    )
    assert "您为上述债务提供连带责任保证" in guarantor and "经追认的" not in guarantor
    assert "就您拖欠委托人款项一事" in printed_copy("lawyer_letter", FIRM)


def test_the_form_of_the_ratification_is_required_at_its_field():
    data = load_fixture("demand_letter", "invalid", "self_ratification_without_form")
    doc_type = registry.get("demand_letter")
    with pytest.raises(CaseInvalid) as raised:
        doc_type.parse(data)
    (problem,) = raised.value.problems
    assert problem.loc == ("adult_ratification", "form") and problem.code == "missing"
    assert problem.message == "必填项，请填写"


def test_a_ratification_before_the_18th_birthday_is_refused_at_its_day():
    error = _problems("demand_letter", _on(SELF, "2025-02-28"))["self_ratified_before_majority"]
    assert error.severity == "error" and error.loc == ("adult_ratification", "given_on")
    assert "追认之日（2025年2月28日）债务人张伟尚未年满十八周岁（2025年3月1日年满十八周岁）" in (
        error.message
    )
    # on the birthday itself the debtor is of full age
    assert "self_ratified_before_majority" not in _problems(
        "demand_letter", _on(SELF, "2025-03-01")
    )


def test_a_ratification_after_the_letter_is_refused():
    error = _problems("lawyer_letter", _on(FIRM, "2026-11-21"))["self_ratified_after_letter"]
    assert error.severity == "error" and error.loc == ("adult_ratification", "given_on")


def test_a_debtor_of_full_age_when_contracting_had_nothing_to_ratify():
    data = _on(load_fixture("demand_letter", "valid", "person_debtor"), "2026-01-05")
    error = _problems("demand_letter", data)["self_ratification_not_needed"]
    assert error.loc == ("adult_ratification",) and "不是未成年人" in error.message


def test_a_void_contract_is_not_made_valid_by_it():
    data = _on(load_fixture("demand_letter", "valid", "contract_made_under_eight"), "2026-01-05")
    error = _problems("demand_letter", data)["self_ratification_of_void_contract"]
    assert error.loc == ("adult_ratification",) and "第一百四十四条" in error.message


def test_the_guardians_assent_comes_first_when_both_are_given():
    data = _on(SELF, "2025-06-03")
    data["guardian_assent"] = {"kind": "ratification", "given_on": "2025-01-15"}
    printed = printed_copy("demand_letter", data)
    assert "该合同已经您当时的法定代理人于2025年1月15日追认，依法有效" in printed
    assert "年满十八周岁后" not in printed


@pytest.mark.parametrize(
    ("born", "adult"),
    [(date(2007, 3, 1), date(2025, 3, 1)), (date(2008, 2, 29), date(2026, 3, 1))],
)
def test_the_18th_birthday_of_one_born_on_29_february_is_1_march(born, adult):
    person = Person(kind="person", name="张伟", sex="男", birth_date=born, address="北京市")
    assert adult_from(person) == adult
