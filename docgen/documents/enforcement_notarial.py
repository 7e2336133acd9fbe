"""The period to apply for enforcement of a notarised debt instrument, by its own rule.

法释〔2018〕18号 (《最高人民法院关于公证债权文书执行若干问题的规定》) art. 9: the period runs
from the last day of the performance period the instrument sets; for an instrument payable
in installments, from the last day of *each* installment's period — not, as for a judgment
(民事诉讼法 art. 250), from the last installment's only. So an early installment of a
notarised loan can be out of time while the later ones are not: each is checked, and one out
of time is refused on that installment (the respondent's objection would succeed on it:
民诉法解释 art. 481). The same article makes the creditor's application to the notary for
the 执行证书 interrupt the period from the day it is made (申请执行时效自债权人提出申请之日起
中断): an event of the period like applying to the court (执行程序解释 art. 20), counted
with the others and stated in the facts.

Also what the 公证债权文书 is (art. 4: the deed's 公证证词 with the debt instrument it
proves, the parties listed in it) and whom it binds: each respondent as a party to the debt
instrument or to a contract of his own (a guarantee, art. 6), stated in the facts and filed
in the 附 list before the 执行证书 (art. 3).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from docgen.documents.enforcement_parts import APPLICATION_YEARS
from docgen.documents.filing_papers import APPLICANT, EXECUTION_RESPONDENT, execution_parties
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.limitation import InterruptionEvent, InterruptionKind, limitation_status
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication
    from docgen.documents.enforcement_liability import EnforcementRespondent
    from docgen.documents.enforcement_parts import EnforcementTitle

RULES_2018 = "《最高人民法院关于公证债权文书执行若干问题的规定》"
ARTICLE_9 = f"{RULES_2018}第九条"
# the limitation code's kind for an application that interrupts: as applying to the court
CERTIFICATE_EVENT: InterruptionKind = "filing"


def certificate_events(title: EnforcementTitle) -> list[InterruptionEvent]:
    """The application for the 执行证书 as an event interrupting the period (art. 9)."""
    if title.kind != "notarial" or title.certificate_applied_on is None:
        return []
    return [InterruptionEvent(CERTIFICATE_EVENT, title.certificate_applied_on)]


def check_certificate_application(result: Assessment, case: EnforcementApplication) -> None:
    """The debt instrument is signed before the deed gives it effect; the certificate is
    applied for after the instrument took effect, before it was issued and before the
    application to the court; the instrument is named (``warn_unnamed_instrument``)."""
    warn_unnamed_instrument(result, case)
    check_bound_respondents(result, case)
    title = case.title
    signed = title.debt_instrument_signed_on
    if title.kind == "notarial" and signed is not None and signed > title.effective_date:
        result.error(
            ("title", "debt_instrument_signed_on"),
            "after_the_deed",
            "债权文书的签订日期不得晚于赋予其强制执行效力的公证书的出具日期（生效日期）",
        )
    day = title.certificate_applied_on
    if day is None or title.kind != "notarial":
        return
    at = ("title", "certificate_applied_on")
    if day < title.effective_date:
        result.error(
            at, "before_the_instrument", "申请出具执行证书的日期不得早于公证债权文书的生效日期"
        )
    elif title.certificate_date is not None and day > title.certificate_date:
        result.error(
            at, "after_the_certificate", "申请出具执行证书的日期不得晚于执行证书的出具日期"
        )
    elif day > case.application_date:
        result.error(at, "after_application", "申请出具执行证书的日期不得晚于申请日期")


def warn_unnamed_instrument(result: Assessment, case: EnforcementApplication) -> None:
    """A notarised debt instrument is the deed's 公证证词 with the debt instrument it proves
    (法释〔2018〕18号 art. 4: 公证债权文书应当包括公证证词、被证明的债权文书等内容): the
    clerk matches the application to the deed by the instrument's name, which the facts
    and the 附 list then state; left empty, both say only 「债权文书」."""
    title = case.title
    if title.kind != "notarial" or (title.debt_instrument or "").strip():
        return
    result.warn(
        ("title", "debt_instrument"),
        "debt_instrument_unnamed",
        "未填写公证的债权文书名称：公证债权文书包括公证证词和被证明的债权文书"
        f"（{RULES_2018}第四条），申请书和所附材料将只写作「债权文书」，"
        "立案时难以与公证书核对",
        hint="请按公证书所证明的文书填写，如 《借款合同》，并填写其签订日期",
    )


_OWN_FIELDS = ("instrument", "instrument_signed_on", "instrument_deed")


def check_bound_respondents(result: Assessment, case: EnforcementApplication) -> None:
    """Each respondent of a notarised instrument is bound by a notarised instrument: the
    deed lists the parties (art. 4: 权利义务主体…应当在公证证词中列明; unclear, the
    application is not accepted, art. 5(3)), and a guarantee is enforced only where the
    deed gives the guarantee effect (art. 6: 仅包含主债务的，对担保债务部分的执行申请不予
    受理). A respondent with no contract of his own who is not named in the 给付内容 typed
    is warned of; a contract of his own is checked against the deed."""
    notarial = case.title.kind == "notarial"
    words = "".join(case.title.operative_part.split())
    for i, respondent in enumerate(case.respondents):
        at: Loc = ("respondents", i, "liability")
        liability = respondent.liability
        given = [f for f in _OWN_FIELDS if getattr(liability, f) not in (None, "")]
        if not notarial:
            for field in given:
                result.error(
                    (*at, field),
                    "not_notarial",
                    "仅申请执行公证债权文书时填写该被执行人签订的公证合同",
                )
            continue
        if given and not own_instrument(respondent):
            result.error(
                (*at, "instrument"),
                "instrument_missing",
                f"填写了被执行人{respondent.name}所签合同的签订日期或公证书编号，但未填写该合同的名称",
            )
        signed = liability.instrument_signed_on
        if signed and not liability.instrument_deed and signed > case.title.effective_date:
            result.error(
                (*at, "instrument_signed_on"),
                "after_the_deed",
                f"被执行人{respondent.name}签订的{book_title(own_instrument(respondent))[0]}的签订"
                "日期不得晚于赋予其强制执行效力的公证书的出具日期（生效日期）",
            )
        if not given and "".join(respondent.name.split()) not in words:
            result.warn(
                (*at, "instrument"),
                "respondent_not_in_instrument",
                f"公证债权文书确定的给付内容未列明被执行人{respondent.name}，也未填写其签订的公证"
                f"合同：公证证词应当列明权利义务主体（{RULES_2018}第四条），赋予强制执行效力的范围"
                "不包含其担保债务的，对该部分的执行申请不予受理（第六条）",
                hint="该被执行人（如保证人）另行签订经公证的合同的，请填写「该被执行人签订的公证债权"
                "文书」；不受任何公证债权文书约束的，请删除该被执行人，另行起诉",
            )


def check_installment_periods(
    result: Assessment, case: EnforcementApplication, events: list[InterruptionEvent]
) -> None:
    """Each installment of a notarised instrument runs its own period (art. 9); the last
    one's is the application's own (``enforcement_application._check_period``), so only
    the earlier ones are checked here."""
    title = case.title
    if title.kind != "notarial" or not title.installments:
        return
    last = max(i.due for i in title.installments)
    for i, installment in enumerate(title.installments):
        if installment.due >= last:
            continue
        status = limitation_status(
            installment.due, events, on=case.application_date, years=APPLICATION_YEARS
        )
        if status.status != "expired" or status.waived:
            continue
        result.error(
            ("title", "installments", i),
            "installment_period_expired",
            f"公证债权文书分期履行的，申请执行期间自每次履行期间的最后一日起计算（{ARTICLE_9}）："
            f"{format_cn(installment.due)}届满的一期人民币{format_yuan(installment.amount)}元，"
            f"申请执行期间已于{format_cn(status.expires)}届满；逾期申请的，被执行人提出异议成立时，"
            "人民法院裁定不予执行",
            hint="请删除该期并相应减少未付本金；如期间内曾申请出具执行证书、提出履行要求或被执行人"
            "同意履行，请填写「申请出具执行证书日期」或「申请执行期间的中断事由」",
        )


def certificate_application_text(case: EnforcementApplication, assessment: Assessment) -> str:
    """「申请执行人于2026年1月5日向北京市方圆公证处申请出具执行证书」, with the interruption
    where it restarted the period; '' where the day is not given."""
    title = case.title
    day = title.certificate_applied_on
    if title.kind != "notarial" or day is None:
        return ""
    words = f"申请执行人于{format_cn(day)}向{title.issuer}申请出具执行证书"
    if _restarted(assessment, day):
        words += f"，申请执行期间自该日起中断（{ARTICLE_9}）"
    return words + "。"


def _restarted(assessment: Assessment, day: date) -> bool:
    period = assessment.computed.get("period")
    events = period.effective_events if period is not None else []
    return any(e.kind == CERTIFICATE_EVENT and e.day == day for e in events)


def notarial_papers(case: EnforcementApplication) -> list[str]:
    """The 附 items of a notarised debt instrument, in the order art. 3 names them: the
    公证债权文书 enforced — each deed with the debt instrument it proves (art. 4: 公证证词、
    被证明的债权文书), a respondent's contract notarised with the debt instrument under its
    deed, one notarised apart under its own — then the notary's 执行证书 (art. 3; without it
    the application is not accepted, art. 5(4)), numbered and dated as the basis line and
    the facts state it."""
    title = case.title
    proved = [
        book_title(typed)[0] if (typed := (title.debt_instrument or "").strip()) else "债权文书"
    ]
    apart = []
    for r in case.respondents:
        if not own_instrument(r):
            continue
        shown = book_title(own_instrument(r))[0]
        if r.liability.instrument_deed:
            apart.append(
                f"{r.liability.instrument_deed}公证书及其证明的{shown}（公证债权文书）副本"
            )
        elif shown not in proved:
            proved.append(shown)
    when = f"于{format_cn(title.certificate_date)}" if title.certificate_date else ""
    return [
        f"{title.issuer}{title.case_number}公证书及其证明的{_joined(proved)}（公证债权文书）副本",
        *apart,
        f"{title.issuer}{when}出具的{title.certificate_number or ''}执行证书",
    ]


def _joined(names: list[str]) -> str:
    """Book titles side by side take no 顿号 between them, one followed by its number
    does (GB/T 15834-2011, 《标点符号用法》, on the 顿号): 「《借款合同》《保证合同》」,
    「《借款合同》（编号：HT2025-068）、《保证合同》」; 「债权文书及《保证合同》」 where the
    first is not named."""
    if not all(n.startswith("《") for n in names):
        return "及".join(names)
    return ("" if all(n.endswith("》") for n in names) else "、").join(names)


# --- whom the notarised instruments bind ----------------------------------------------


def own_instrument(respondent: EnforcementRespondent) -> str:
    """The contract of his own the respondent signed (a guarantee), '' where he is a party
    to the debt instrument itself."""
    return (respondent.liability.instrument or "").strip()


def book_title(typed: str) -> tuple[str, str]:
    """A document's name as the facts print it and the short name 「该…」 refers to it by:
    「借款合同（编号：HT2025-068）」 → (「《借款合同》（编号：HT2025-068）」, 「借款合同」);
    two documents named are 「债权文书」."""
    # typed without book-title marks: the name in them, a number after it outside them
    bare = re.fullmatch(r"(.+?)\s*([（(][^（()）]*[）)])?", typed)
    shown = typed if "《" in typed or bare is None else f"《{bare[1]}》{bare[2] or ''}"
    names = re.findall(r"《([^》]+)》", shown)  # one named document, else its kind
    return shown, names[0] if len(names) == 1 else "债权文书"


def notarised_text(case: EnforcementApplication) -> str:
    """How the instrument was made enforceable, each respondent by what binds him (art. 4:
    the deed lists the parties; art. 6: the guarantee is enforced only where the deed
    covers it): 「申请执行人甲与被执行人乙于2025年6月28日签订《借款合同》，北京市方圆公证处
    于…出具…公证书，赋予该借款合同强制执行效力。」; a guarantor's contract notarised by the
    same deed, 「…签订《借款合同》，被执行人丙与申请执行人甲于…签订《保证合同》，…公证书，
    赋予上述合同强制执行效力。」; by a deed of its own, a sentence of its own. Without the
    debt instrument's name, 「申请执行人甲与被执行人乙之间的债权文书经…公证书，赋予强制执行
    效力。」."""
    title = case.title
    applicants = "、".join(a.party.name for a in case.applicants)
    main = [r.name for r in case.respondents if not own_instrument(r)]
    parties = (
        execution_parties([a.party.name for a in case.applicants], main)
        if main
        else f"{APPLICANT}{applicants}与债务人"
    )
    deed = f"{title.issuer}于{format_cn(title.effective_date)}出具{title.case_number}公证书"
    # (who signed and when, the contract as printed, its short name) of each own contract
    together = [
        (_signed(r, applicants), *book_title(own_instrument(r)))
        for r in case.respondents
        if own_instrument(r) and not r.liability.instrument_deed
    ]
    typed = (title.debt_instrument or "").strip()
    if not typed:
        also = "".join(f"及{words}签订的{shown}" for words, shown, _ in together)
        text = f"{parties}之间的债权文书{also}经{deed}，赋予强制执行效力。"
    else:
        shown, short = book_title(typed)
        day = title.debt_instrument_signed_on
        clauses = [f"{parties}{f'于{format_cn(day)}' if day else ''}签订{shown}"]
        clauses += [f"{words}签订{own}" for words, own, _ in together]
        shorts = [short, *(own_short for _, _, own_short in together)]
        kind = "合同" if all(n.endswith("合同") for n in shorts) else "债权文书"
        which = f"上述{kind}" if together else f"该{short}"
        text = f"{'，'.join(clauses)}，{deed}，赋予{which}强制执行效力。"
    for r in case.respondents:
        if own_instrument(r) and r.liability.instrument_deed:
            text += (
                f"{_signed(r, applicants)}签订{book_title(own_instrument(r))[0]}，"
                f"经{r.liability.instrument_deed}公证书赋予强制执行效力。"
            )
    return text


def _signed(respondent: EnforcementRespondent, applicants: str) -> str:
    """「被执行人丙与申请执行人甲于2025年6月28日」: who signed a respondent's own contract."""
    day = respondent.liability.instrument_signed_on
    when = f"于{format_cn(day)}" if day else ""
    return f"{EXECUTION_RESPONDENT}{respondent.name}与{APPLICANT}{applicants}{when}"
