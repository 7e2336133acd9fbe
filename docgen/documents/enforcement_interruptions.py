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
from docgen.documents.enforcement_several import subjects
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.limitation import InterruptionEvent

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

ARTICLE_481 = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第四百八十一条"
ART_15 = "《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第十五条第二款"
# an event's words with the respondent it concerns (``respondent``): 「…向被执行人张伟提出履行要求」
_NAMED = {
    "applied": "申请执行人对被执行人{}申请执行",
    "settled": "申请执行人与被执行人{}达成和解协议",
    "demanded": "申请执行人向被执行人{}提出履行要求",
    "consented": "被执行人{}同意履行义务",
}


def event_day(event: ApplicationInterruption) -> date:
    """The day the event interrupted the period: a demand's arrival where it is known."""
    if event.kind == "demanded" and event.reached_on is not None:
        return event.reached_on
    return event.day


def reached_by(case: EnforcementApplication, payers: set[str]) -> list[str]:
    """The respondents against whom the payers' payment interrupts the period: the payers,
    and those the operative part orders to pay 连带 together with one of them in one
    clause (「被告张伟、李秀英…连带偿还…」). The consent to perform is the payer's own: the
    period runs for each debtor of his own debt, and a share is a debt of its own (民法典
    art. 517); the interruption reaches the others only where they are 连带债务人 (诉讼时效
    规定, 法释〔2008〕11号 as revised 2020, art. 15(2), art. 17(2) of the 2008 text:
    对于连带债务人中的一人发生诉讼时效中断效力的事由，应当认定对其他连带债务人也发生诉讼时效
    中断的效力), which 民事诉讼法 art. 250 applies to the period to apply. 民法典 art. 520(1)
    makes one 连带债务人's performance extinguish the others' debt to that extent; it says
    nothing of the period, and nothing of 按份 debtors. A respondent liable 「对上述债务承担
    连带清偿责任」 may be a joint debtor or a 连带责任保证人, whose guarantee has its own period
    (民法典 art. 694; ``docgen.register.interruptions``): not claimed for him."""
    names = [r.name for r in case.respondents]
    reach = set(payers)
    for who, words in subjects(case.title.operative_part, names):
        if "连带" in words and reach & set(who):
            reach |= set(who)
    return [n for n in names if n in reach]


def concerns(case: EnforcementApplication, event: ApplicationInterruption) -> str:
    """The respondent the event concerns: the one typed, else the only respondent, else ''
    (every respondent)."""
    if event.respondent is not None:
        return event.respondent.strip()
    return case.respondents[0].name if len(case.respondents) == 1 else ""


def reach_of(case: EnforcementApplication, event: ApplicationInterruption) -> list[str]:
    """The respondents against whom the event interrupts the period: the one it concerns and
    those jointly liable with him (``reached_by``: 诉讼时效规定 art. 15(2)); every respondent
    where it names none (as an interruption always counted before it could name one) or
    one who is not a respondent (``not_a_respondent``)."""
    who, names = concerns(case, event), [r.name for r in case.respondents]
    return reached_by(case, {who}) if who in names else names  # a stranger: refused


def interruption_events(case: EnforcementApplication, respondent: str) -> list[InterruptionEvent]:
    """The interruptions that interrupt the period against ``respondent``."""
    return as_events(e for e in case.interruptions if respondent in reach_of(case, e))


def unreached(case: EnforcementApplication, respondent: str) -> list[str]:
    """The interruptions that do not reach ``respondent``, in words: 「2025年5月12日申请执行人
    向被执行人张伟提出履行要求」."""
    return [
        f"{format_cn(event_day(e))}{_NAMED[e.kind].format(concerns(case, e))}"
        for e in sorted(case.interruptions, key=event_day)
        if respondent not in reach_of(case, e)
    ]


def as_events(interruptions: Iterable[ApplicationInterruption]) -> list[InterruptionEvent]:
    """The interruptions as the limitation code counts them."""
    return [InterruptionEvent(AS_LIMITATION[e.kind], event_day(e)) for e in interruptions]


def check_interruptions(result: Assessment, case: EnforcementApplication) -> None:
    """A demand reaches the respondent after it is made and before the application; the
    respondent an event concerns is one of those applied against."""
    names = [r.name for r in case.respondents]
    for i, event in enumerate(case.interruptions):
        if event.respondent is not None and event.respondent.strip() not in names:
            result.error(
                ("interruptions", i, "respondent"),
                "not_a_respondent",
                f"所涉被执行人「{event.respondent}」不是本申请的被执行人（被执行人：{'、'.join(names)}）",
                hint="请填写该中断事由所针对的被执行人的姓名或名称；及于全部被执行人的，不填",
            )
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
    _warn_unnamed(result, case)


def _warn_unnamed(result: Assessment, case: EnforcementApplication) -> None:
    """An interruption the application relies on that names no respondent, where there are
    several: it is counted against every respondent, as before; but it interrupts the period
    only against the respondent it was made to or by and those jointly liable with him
    (诉讼时效规定 art. 15(2)), not against a debtor by shares (民法典 art. 517) — warned."""
    if len(case.respondents) < 2:
        return
    for event in effective(case, result):
        if event.respondent is not None:
            continue
        result.warn(
            ("interruptions", case.interruptions.index(event), "respondent"),
            "interruption_respondent_unnamed",
            f"{format_cn(event_day(event))}的中断事由（{INTERRUPTION_LABELS[event.kind]}）未写明"
            f"所涉被执行人，按及于全部被执行人（{'、'.join(r.name for r in case.respondents)}）计算"
            "申请执行期间：中断的效力只及于该事由所针对的被执行人及与其负连带债务的被执行人"
            f"（{ART_15}；{INTERRUPTION_BASIS}）",
            hint="请在「所涉被执行人」中填写该事由所针对的被执行人；确及于全部被执行人的，可不填",
        )


def interruptions_text(case: EnforcementApplication, assessment: Assessment) -> str:
    """Each interruption that restarted the period, in one sentence each; one made to a
    respondent named (``respondent``) says whose period it interrupted where it does not
    reach them all: 「…，对被执行人张伟的申请执行期间中断（…）。」."""
    return "".join(f"{_what(e)}，{_whose(case, e)}" for e in effective(case, assessment))


def _whose(case: EnforcementApplication, event: ApplicationInterruption) -> str:
    basis = f"（{INTERRUPTION_BASIS}）。"
    if event.respondent is None:
        return f"申请执行期间中断{basis}"
    reach = reach_of(case, event)
    if len(reach) == len(case.respondents):
        joint = len(reach) > 1
        return f"申请执行期间中断（{INTERRUPTION_BASIS}{f'；{ART_15}' if joint else ''}）。"
    return f"对被执行人{'、'.join(reach)}的申请执行期间中断{basis}"


def paper_words(event: ApplicationInterruption) -> str:
    """The demand's paper as the facts and the 附 name it: 「《履行催告函》」, or
    「书面履行要求」 where its name is not given (no name is made up for it)."""
    return f"《{event.document.strip('《》')}》" if event.document else "书面履行要求"


def _what(event: ApplicationInterruption) -> str:
    """「2025年5月10日，申请执行人以邮寄方式（邮件号：…）向被执行人送交《履行催告函》，提出
    履行要求，该履行要求于2025年5月12日到达被执行人」, with the respondent's name where
    one is typed (「向被执行人张伟送交…」); the bare event where nothing more is known."""
    day = format_cn(event.day)
    who = f"被执行人{event.respondent.strip()}" if event.respondent else "被执行人"
    if event.kind != "demanded" or not (event.manner or event.reached_on):
        if event.respondent:
            return f"{day}，{_NAMED[event.kind].format(event.respondent.strip())}"
        return f"{day}，{INTERRUPTION_LABELS[event.kind]}"
    paper = paper_words(event)
    if event.manner == "mail":
        number = f"（邮件号：{event.tracking_number}）" if event.tracking_number else ""
        how = f"以邮寄方式{number}向{who}送交{paper}"
    elif event.manner == "in_person":
        how = f"向{who}直接送交{paper}"
    elif event.manner == "electronic":
        how = f"以数据电文方式向{who}发送{paper}"
    else:
        how = f"向{who}发出{paper}"
    words = f"{day}，申请执行人{how}，提出履行要求"
    if event.reached_on is not None:
        words += f"，该履行要求于{format_cn(event.reached_on)}到达{who}"
    return words
