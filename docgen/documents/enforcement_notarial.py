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
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from docgen.documents.enforcement_parts import APPLICATION_YEARS
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.limitation import InterruptionEvent, InterruptionKind, limitation_status
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication
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
    公证债权文书 enforced — the deed with the debt instrument it proves (art. 4: 公证证词、
    被证明的债权文书) — then the notary's 执行证书 (art. 3; without it the application is
    not accepted, art. 5(4)), numbered and dated as the basis line and the facts state it."""
    title = case.title
    proved = (title.debt_instrument or "").strip() or "债权文书"
    when = f"于{format_cn(title.certificate_date)}" if title.certificate_date else ""
    return [
        f"{title.issuer}{title.case_number}公证书及其证明的{proved}（公证债权文书）副本",
        f"{title.issuer}{when}出具的{title.certificate_number or ''}执行证书",
    ]
