"""A defendant's own ratification, once of full age, of the loan contract made as a minor
of eight or more (``Defendant.adult_ratification``), as the complaint pleads it.

A contract a minor of limited capacity made alone is valid once ratified (民法典 art.
145(1)); the legal representative's power ends at majority (art. 175(1)), and the person
then of full capacity (art. 18(1)) ratifies it himself — the reading the letters rest on
(``letter_assent``, ``letter_capacity.self_ratified`` cites the commentary). The facts then
say 「被告张伟签订《借款合同》时未满十八周岁（16周岁），为限制民事行为能力人；其于2026年3月1日
年满十八周岁后，于2026年4月2日以书面《还款确认书》追认该合同（…第十九条、第一百四十五条第一款）。」

Refused, with the letters' codes: a ratification dated before the 18th birthday (a minor
ratifies nothing alone, arts. 19, 145(1)) or after the filing date; for a contract made
without capacity (void, arts. 20, 21, 144, 155), by a defendant who was not a minor when
contracting, or whose birth date is unknown (the birthday cannot be checked)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from docgen.documents.guardian_rules import (
    ADULT_AGE,
    CIVIL_CODE,
    adult_from,
    age_on,
    is_minor,
    without_capacity_then,
)
from docgen.documents.letter_capacity import void_reason
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.parties import Person

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint
    from docgen.documents.complaint_parts import Defendant

REMOVE = "请删除「成年后本人追认」"
ARTICLES = f"{CIVIL_CODE}第十九条、第一百四十五条第一款"


def check_self_ratifications(result: Assessment, case: CivilComplaint) -> None:
    """Each defendant's own ratification: dated from the 18th birthday to the filing date,
    of a contract made as a minor of eight or more."""
    for i, defendant in enumerate(case.defendants):
        ratification = defendant.adult_ratification
        if ratification is None:
            continue
        at = ("defendants", i, "adult_ratification")
        day, filed = ratification.given_on, case.filing_date
        if day > filed:
            result.error(
                (*at, "given_on"),
                "self_ratified_after_filing",
                f"追认之日（{format_cn(day)}）晚于起诉日期（{format_cn(filed)}）：起诉状只能写明"
                "起诉前已经作出的追认",
                hint="请核对日期；尚未追认的，请删除该项",
            )
        person = defendant.party
        if not isinstance(person, Person):
            result.error(
                at,
                "self_ratification_not_needed",
                f"被告{person.name}为法人或者非法人组织，不存在成年后追认",
                hint=REMOVE,
            )
        else:
            _check_minor_then(result, case, at, person, day)


def _check_minor_then(
    result: Assessment, case: CivilComplaint, at: tuple[str, int, str], person: Person, day: date
) -> None:
    name, signed = case.contract.name, case.contract.signed_on
    adult = adult_from(person)
    if adult is None:
        result.error(
            at,
            "self_ratification_age_unknown",
            f"已填写成年后本人追认，但未能确认被告{person.name}的出生日期：无法确认其签约时为"
            "未成年人、追认时已年满十八周岁",
            hint="请填写被告的出生日期或证件号码",
        )
    elif without_capacity_then(person, signed):
        what, article = void_reason(person, signed)
        result.error(
            at,
            "self_ratification_of_void_contract",
            f"被告{person.name}签订《{name}》时{what}，为无民事行为能力人，该合同无效，自始没有"
            f"法律约束力，成年后的追认不能使其有效（{CIVIL_CODE}{article}、第一百四十四条、"
            "第一百五十五条）",
            hint=REMOVE + "；可改按第一百五十七条请求返还借款、赔偿损失",
        )
    elif not is_minor(person, signed):
        age = age_on(person, signed) or 0
        deemed = "（视为完全民事行为能力人，第十八条第二款）" if age < ADULT_AGE else ""
        result.error(
            at,
            "self_ratification_not_needed",
            f"被告{person.name}签订《{name}》时已满{age}周岁{deemed}，不是未成年人：成年后本人"
            f"追认只适用于其未成年时订立、须经追认的合同（{ARTICLES}）",
            hint=REMOVE,
        )
    elif day < adult:
        result.error(
            (*at, "given_on"),
            "self_ratified_before_majority",
            f"追认之日（{format_cn(day)}）被告{person.name}尚未年满十八周岁（{format_cn(adult)}"
            f"年满十八周岁）：未成年人不能独立追认其订立的合同，应由法定代理人追认（{ARTICLES}）",
            hint="请核对日期；法定代理人已追认的，请在「法定代理人对借款合同的代理、同意或追认」中"
            "选择「经法定代理人追认」",
        )


def self_ratification_words(case: CivilComplaint, defendant: Defendant, person: Person) -> str:
    """「其于2026年3月1日年满十八周岁后，于2026年4月2日以书面《还款确认书》追认该合同（…）」
    (no closing full stop: the caller joins it to what the facts say before)."""
    ratification = defendant.adult_ratification
    adult = adult_from(person)
    if ratification is None or adult is None:
        return ""
    return (
        f"其于{format_cn(adult)}年满十八周岁后，于{format_cn(ratification.given_on)}以"
        f"{ratification.form}追认该合同（{ARTICLES}）"
    )
