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

from typing import TYPE_CHECKING

from docgen.documents.guardian_rules import adult_from
from docgen.documents.problems import Assessment
from docgen.documents.self_ratification import ARTICLES, Wording, check_minor_then
from docgen.domain.dates import format_cn
from docgen.domain.parties import Person

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint
    from docgen.documents.complaint_parts import Defendant


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
        words = Wording(
            "被告",
            at,
            "；可改按第一百五十七条请求返还借款、赔偿损失",
            "",
            "请核对日期；法定代理人已追认的，请在「法定代理人对借款合同的代理、同意或追认」中"
            "选择「经法定代理人追认」",
        )
        contract = (case.contract.name, case.contract.signed_on)
        check_minor_then(result, words, defendant.party, contract, day)


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
