"""The rules on a person's own ratification, once of full age, of a contract made as a
minor of eight or more: one set for the letters (``letter_assent``, the debtor) and the
complaint (``complaint_self_ratification``, each defendant), each naming the person by
its role.

A minor of limited capacity's contract is valid once ratified (民法典 art. 145(1)); the
legal representative's power ends at majority (art. 175(1)) and the person, then of full
capacity (art. 18(1)), ratifies it himself. Refused: a person that is an organisation; a
contract made without capacity (void, arts. 20, 21, 144, 155: no ratification cures
it); a birth date unknown (the birthday cannot be checked); a person who was not a minor
when contracting; a ratification dated before the 18th birthday (arts. 19, 145(1))."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from docgen.documents.guardian_rules import (
    ADULT_AGE,
    CIVIL_CODE,
    adult_from,
    age_on,
    is_minor,
    without_capacity_then,
)
from docgen.documents.letter_capacity import void_reason
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.parties import Party, Person

REMOVE = "请删除「成年后本人追认」"
ARTICLES = f"{CIVIL_CODE}第十九条、第一百四十五条第一款"


@dataclass(frozen=True)
class Wording:
    """How a document names the person (被告, 债务人) and what it suggests instead."""

    role: str
    at: Loc
    void_hint: str  # after REMOVE: what the document can claim of a void contract
    not_minor_hint: str  # after REMOVE
    before_majority_hint: str


def check_minor_then(
    result: Assessment, words: Wording, person: Party, contract: tuple[str, date], day: date
) -> None:
    """``person``'s ratification on ``day`` of ``contract`` (its name and signing date)."""
    name, signed = contract
    if not isinstance(person, Person):
        result.error(
            words.at,
            "self_ratification_not_needed",
            f"{words.role}{person.name}为法人或者非法人组织，不存在成年后追认",
            hint=REMOVE,
        )
        return
    if without_capacity_then(person, signed):
        what, article = void_reason(person, signed)
        result.error(
            words.at,
            "self_ratification_of_void_contract",
            f"{words.role}{person.name}签订《{name}》时{what}，为无民事行为能力人，该合同无效，"
            f"自始没有法律约束力，成年后的追认不能使其有效（{CIVIL_CODE}{article}、"
            "第一百四十四条、第一百五十五条）",
            hint=REMOVE + words.void_hint,
        )
        return
    _check_majority(result, words, person, contract, day)


def _check_majority(
    result: Assessment, words: Wording, person: Person, contract: tuple[str, date], day: date
) -> None:
    name, signed = contract
    adult = adult_from(person)
    if adult is None:
        result.error(
            words.at,
            "self_ratification_age_unknown",
            f"已填写成年后本人追认，但未能确认{words.role}{person.name}的出生日期：无法确认其签约时"
            "为未成年人、追认时已年满十八周岁",
            hint=f"请填写{words.role}的出生日期或证件号码",
        )
    elif not is_minor(person, signed):
        age = age_on(person, signed) or 0
        deemed = "（视为完全民事行为能力人，第十八条第二款）" if age < ADULT_AGE else ""
        result.error(
            words.at,
            "self_ratification_not_needed",
            f"{words.role}{person.name}签订《{name}》时已满{age}周岁{deemed}，不是未成年人：成年后"
            f"本人追认只适用于其未成年时订立、须经追认的合同（{ARTICLES}）",
            hint=REMOVE + words.not_minor_hint,
        )
    elif day < adult:
        result.error(
            (*words.at, "given_on"),
            "self_ratified_before_majority",
            f"追认之日（{format_cn(day)}）{words.role}{person.name}尚未年满十八周岁"
            f"（{format_cn(adult)}年满十八周岁）：未成年人不能独立追认其订立的合同，应由法定代理人"
            f"追认（{ARTICLES}）",
            hint=words.before_majority_hint,
        )


__all__ = ["ARTICLES", "REMOVE", "Wording", "check_minor_then"]
