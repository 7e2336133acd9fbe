"""The events that interrupted the period to apply for enforcement, as the application
states them.

Applying, a settlement, a demand for performance and consent to perform interrupt the
period (执行程序解释, 法释〔2008〕13号 as amended 2020, art. 20). A demand interrupts it once
it reaches the respondent: 民事诉讼法 art. 250 applies the rules on the limitation period,
under which a paper handed over and signed for, or a letter or data message that reached
(or should have reached) the other party, is a demand (诉讼时效规定, 法释〔2008〕11号 as
revised 2020, art. 8(1)(2)). A late application is accepted; the respondent's objection
that the period ran out is decided on the proof (民诉法解释, 法释〔2022〕11号, art. 481:
被执行人对申请执行时效期间提出异议，人民法院经审查异议成立的，裁定不予执行). So a demand
is stated with how it was made and when it reached the respondent, and the user is warned
where either is missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from docgen.documents.enforcement_parts import (
    AS_LIMITATION,
    INTERRUPTION_BASIS,
    INTERRUPTION_LABELS,
    ApplicationInterruption,
)
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.limitation import InterruptionEvent

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

ARTICLE_481 = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第四百八十一条"


def event_day(event: ApplicationInterruption) -> date:
    """The day the event interrupted the period: a demand's arrival where it is known."""
    if event.kind == "demanded" and event.reached_on is not None:
        return event.reached_on
    return event.day


def as_events(interruptions: Iterable[ApplicationInterruption]) -> list[InterruptionEvent]:
    """The interruptions as the limitation code counts them."""
    return [InterruptionEvent(AS_LIMITATION[e.kind], event_day(e)) for e in interruptions]


def check_interruptions(result: Assessment, case: EnforcementApplication) -> None:
    """A demand reaches the respondent after it is made and before the application."""
    for i, event in enumerate(case.interruptions):
        reached = event.reached_on if event.kind == "demanded" else None
        if reached is None:
            continue
        at = ("interruptions", i, "reached_on")
        if reached < event.day:
            result.error(at, "before_the_demand", "履行要求到达被执行人的日期不得早于发出日期")
        elif reached > case.application_date:
            result.error(at, "after_application", "履行要求到达被执行人的日期不得晚于申请日期")


def effective(
    case: EnforcementApplication, assessment: Assessment
) -> list[ApplicationInterruption]:
    """The interruptions that restarted the period, in their order (none is stated when
    the period had not run out: ``limitation_status`` is then not computed)."""
    period = assessment.computed.get("period")
    counted = {(e.day, e.kind) for e in (period.effective_events if period else [])}
    return [
        e
        for e in sorted(case.interruptions, key=event_day)
        if (event_day(e), AS_LIMITATION[e.kind]) in counted
    ]


def warn_unproven_demands(result: Assessment, case: EnforcementApplication) -> None:
    """A demand the application relies on, stated without how and when it reached the
    respondent (art. 481: the objection is decided on that proof)."""
    for event in effective(case, result):
        if event.kind != "demanded" or (event.manner and event.reached_on):
            continue
        i = case.interruptions.index(event)
        field = "manner" if event.reached_on else "reached_on"
        result.warn(
            ("interruptions", i, field),
            "demand_delivery_missing",
            f"申请执行期间因{format_cn(event.day)}提出履行要求而中断的，请写明履行要求的提出方式"
            "及到达被执行人的日期：履行要求自到达被执行人时起中断申请执行期间；被执行人以申请执行"
            f"期间届满提出异议的，人民法院就此审查（{ARTICLE_481}；{INTERRUPTION_BASIS}）",
            hint="请准备履行要求文书及邮寄、签收或妥投凭证，随申请书提交",
        )


def interruptions_text(case: EnforcementApplication, assessment: Assessment) -> str:
    """Each interruption that restarted the period, in one sentence each."""
    return "".join(
        f"{_what(e)}，申请执行期间中断（{INTERRUPTION_BASIS}）。"
        for e in effective(case, assessment)
    )


def paper_words(event: ApplicationInterruption) -> str:
    """The demand's paper as the facts and the 附 name it: 「《履行催告函》」, or
    「书面履行要求」 where its name is not given (no name is made up for it)."""
    return f"《{event.document.strip('《》')}》" if event.document else "书面履行要求"


def _what(event: ApplicationInterruption) -> str:
    """「2025年5月10日，申请执行人以邮寄方式（邮件号：…）向被执行人送交《履行催告函》，提出
    履行要求，该履行要求于2025年5月12日到达被执行人」; the bare event where nothing more is
    known."""
    day = format_cn(event.day)
    if event.kind != "demanded" or not (event.manner or event.reached_on):
        return f"{day}，{INTERRUPTION_LABELS[event.kind]}"
    paper = paper_words(event)
    if event.manner == "mail":
        number = f"（邮件号：{event.tracking_number}）" if event.tracking_number else ""
        how = f"以邮寄方式{number}向被执行人送交{paper}"
    elif event.manner == "in_person":
        how = f"向被执行人直接送交{paper}"
    elif event.manner == "electronic":
        how = f"以数据电文方式向被执行人发送{paper}"
    else:
        how = f"向被执行人发出{paper}"
    words = f"{day}，申请执行人{how}，提出履行要求"
    if event.reached_on is not None:
        words += f"，该履行要求于{format_cn(event.reached_on)}到达被执行人"
    return words
