"""What the respondent already paid under the instrument (已履行部分), as an application for
enforcement states and counts it.

- The application asks for what is unpaid; a sum below the instrument's, said with no word
  of what was paid, is one the clerk cannot match against the operative part and the
  respondent cannot check (执行工作若干问题的规定（试行） art. 18: 申请执行书写明…执行标的).
  So the payments typed (`outstanding.performed`) are stated in the facts, and a principal
  below the sum the operative part states for it, with none typed, is warned of; one above
  it is refused: only what the effective instrument orders is enforced (民事诉讼法 art. 247).
- A sum paid after the performance period bore the doubled part of the delay interest until
  the day it was paid: 法释〔2014〕8号 art. 1(3) counts it on the debt 「尚未清偿的」 over the
  period of delay, which ends for that sum on its payment (art. 3: 计算至被执行人履行完毕之日).
  Each such sum is a part of the calculation of its own, counted to its payment day; the
  amount typed is what the payment took off the debt other than general interest. For an
  instrument in installments the payments are stated but not counted (which installment a
  payment took off is the case's, not docgen's): a warning says so.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.enforcement_allocation import (
    Applications,
    applied_text,
    check_allocation,
    stated_principal,
    sum_paid,
)
from docgen.documents.enforcement_interest_figure import method
from docgen.documents.enforcement_interruptions import (
    ART_15,
    ARTICLE_481,
    interruption_events,
    reached_by,
    unreached,
)
from docgen.documents.enforcement_names import names
from docgen.documents.enforcement_operative import ART_18, TITLE_ONLY
from docgen.documents.enforcement_parts import APPLICATION_YEARS, INTERRUPTION_BASIS
from docgen.documents.enforcement_several import own_terms
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.delay_interest import BASIS, DelayTotal, doubled_interest
from docgen.domain.limitation import InterruptionEvent, InterruptionKind, limitation_status
from docgen.domain.lpr import LprTable
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

# the limitation code's kind for a partial performance
PAYMENT_EVENT: InterruptionKind = "partial_payment"
# 诉讼时效规定 (法释〔2008〕11号, 2020年修正) art. 15(2): an interruption for one 连带债务人
# is one for the others (art. 17(2) of the 2008 text; ``reached_by``)
_ART_694 = "《中华人民共和国民法典》第六百九十四条"


def check_performed(result: Assessment, case: EnforcementApplication, table: LprTable) -> None:
    """The payments against the application; the principal against the instrument's sum;
    how the payments were applied (``enforcement_allocation``)."""
    o, title = case.outstanding, case.title
    until = case.calculation_date or case.application_date
    _check_payers(result, case)
    for i, paid in enumerate(o.performed):
        at = ("outstanding", "performed", i, "day")
        if paid.day > case.application_date:
            result.error(at, "after_application", "履行日期不得晚于申请日期")
        elif paid.day > until:
            result.error(at, "after_calculation", "履行日期不得晚于迟延履行利息计算截至日")
        elif paid.day < title.effective_date:
            result.warn(
                at,
                "before_the_instrument",
                f"{format_cn(paid.day)}的履行早于法律文书生效日期：法律文书确定的金额是否已扣除该款项，"
                "请核对",
            )
    if o.performed and title.installments:
        result.warn(
            ("outstanding", "performed"),
            "performed_not_counted",
            "法律文书确定分期履行的，已履行的款项只在事实与理由中写明，不计入加倍部分债务利息的计算："
            "迟延履行后才履行的款项，自该期届满次日至履行之日的加倍部分债务利息请另行核算",
        )
    _check_principal(result, case)
    check_allocation(result, case, table)
    found: Applications | None = result.computed.get("allocation")
    if found is None or found.unknown:
        _check_interest_base(result, case)


def _check_payers(result: Assessment, case: EnforcementApplication) -> None:
    """Who paid: a respondent (only a respondent performs the instrument against him); with
    several respondents, named — the facts say 「被执行人张伟于…履行」, not a bare 「被执行人」
    the court cannot match to one of them (执行工作若干问题的规定（试行） art. 18: the
    application states the facts of the 执行标的; for a share, what one paid is his)."""
    names = [r.name for r in case.respondents]
    for i, paid in enumerate(case.outstanding.performed):
        at = ("outstanding", "performed", i, "payer")
        if paid.payer is not None and paid.payer.strip() not in names:
            result.error(
                at,
                "not_a_respondent",
                f"履行人「{paid.payer}」不是被执行人（被执行人：{'、'.join(names)}）",
                hint="请填写支付该笔款项的被执行人的姓名或名称；由他人代为支付的，填写代为履行的"
                "被执行人",
            )
        elif paid.payer is None and len(names) > 1:
            result.warn(
                at,
                "payer_unnamed",
                f"被执行人有{len(names)}名（{'、'.join(names)}），{format_cn(paid.day)}的履行款项"
                "未写明由谁支付：申请书只能写作「被执行人于…履行」，法院和各被执行人无从核对"
                f"（{ART_18}）",
                hint="请在「履行人」中填写支付该笔款项的被执行人",
            )


def payer_of(case: EnforcementApplication, payer: str | None) -> str:
    """The respondent who paid: the one typed, else the only respondent, else ''."""
    if payer is not None:
        return payer.strip()
    return case.respondents[0].name if len(case.respondents) == 1 else ""


def _check_interest_base(result: Assessment, case: EnforcementApplication) -> None:
    """Interest counted on a base above the principal left unpaid after a payment: the
    instrument's method runs on what is unpaid (法释〔2014〕8号 art. 1(2)), so from the
    payment on the base is smaller."""
    o = case.outstanding
    if not (o.performed and o.interest):
        return
    how = method(case, names(case).interest)
    if how is None or how.base <= o.principal:
        return
    result.warn(
        ("outstanding", "interest"),
        "interest_base_after_performance",
        f"利息以人民币{format_yuan(how.base)}元为基数计算，但被执行人已履行部分款项，尚欠"
        f"{names(case).principal}人民币{format_yuan(o.principal)}元：履行之后的利息应以减少后的"
        "金额为基数计算，请核对利息金额及计算方法",
    )


def _check_principal(result: Assessment, case: EnforcementApplication) -> None:
    o, title = case.outstanding, case.title
    stated = stated_principal(case)
    if stated is None or title.installments:
        return
    name = names(case).principal
    at = ("outstanding", "principal")
    if o.principal > stated:
        # each term (several of one respondent's too), as the clerk matches them
        by_term = own_terms(case, name)
        each = "、".join(
            n + "、".join(f"人民币{format_yuan(s)}元" for s in sums) for n, sums in by_term.items()
        )
        count = sum(len(sums) for sums in by_term.values())
        whose = f"（判项分别确定被执行人{each}）" if count > 1 else ""
        result.error(
            at,
            "principal_above_title",
            f"申请执行的{name}人民币{format_yuan(o.principal)}元超过法律文书确定的人民币"
            f"{format_yuan(stated)}元{whose}：只能申请执行生效法律文书确定的执行标的"
            f"（{TITLE_ONLY}；《中华人民共和国民事诉讼法》第二百四十七条）",
        )
    elif o.principal < stated and not o.performed:
        result.warn(
            at,
            "performed_unstated",
            f"法律文书确定{name}人民币{format_yuan(stated)}元，申请执行人民币"
            f"{format_yuan(o.principal)}元：差额如系被执行人已履行的，请在「已履行款项」中写明"
            f"履行日期和金额，申请书据此说明（{ART_18}），迟延履行后履行的部分并计算至履行之日的"
            "加倍部分债务利息",
        )


def performance_events(
    case: EnforcementApplication, respondent: str | None = None
) -> list[InterruptionEvent]:
    """Each payment as an event of the period to apply: a partial performance is the
    respondent's consent to perform (诉讼时效规定, 法释〔2008〕11号, art. 16 of the 2008 text,
    art. 14 as revised 2020: 部分履行…应当认定为…“同意履行义务”), which interrupts it
    (执行程序解释 art. 20; 民事诉讼法 art. 250). With ``respondent``, only the payments that
    interrupt the period against him (``reached_by``; one of no payer named counts)."""
    return [
        InterruptionEvent(PAYMENT_EVENT, p.day)
        for p in case.outstanding.performed
        if respondent is None
        or not payer_of(case, p.payer)
        or respondent in reached_by(case, {payer_of(case, p.payer)})
    ]


def check_payment_reach(
    result: Assessment, case: EnforcementApplication, others: list[InterruptionEvent], start: date
) -> None:
    """A respondent whose period, counted without the payments of others and the
    interruptions made to others (``others``: the events that concern no one respondent)
    that do not reach him (``reached_by``), had run out by the application, where they kept
    the application's in time: warned — a late application is accepted, and his objection
    that the period ran out is decided on the proof (民诉法解释 art. 481)."""
    period = result.computed.get("period")
    if period is None or period.status == "expired" or len(case.respondents) < 2:
        return
    for i, respondent in enumerate(case.respondents):
        name = respondent.name
        own = others + interruption_events(case, name) + performance_events(case, name)
        status = limitation_status(start, own, on=case.application_date, years=APPLICATION_YEARS)
        if status.status != "expired" or status.waived:
            continue
        reach = (
            f"被执行人{name}与其为连带债务人的，中断的效力及于{name}（{ART_15}），为连带责任"
            f"保证人的，保证债务自有其诉讼时效（{_ART_694}），中断的效力不及于{name}"
            if respondent.liability.kind == "joint"
            else f"被执行人{name}未与其负连带债务，各自的债务各自履行，中断的效力不及于{name}"
            f"（《中华人民共和国民法典》第五百一十七条；{ART_15}）"
        )
        result.warn(
            ("respondents", i),
            "period_not_interrupted_for_respondent",
            f"{_causes(case, name)}，中断对其本人的申请执行期间；{reach}。不计"
            f"该事由，对被执行人{name}的申请执行期间已于{format_cn(status.expires)}届满，其以此"
            f"提出异议，经审查成立的，人民法院裁定不予执行（{ARTICLE_481}）",
            hint=f"对被执行人{name}另有申请执行、和解、履行要求或同意履行的，请在"
            "「申请执行期间的中断事由」中填写，并在「所涉被执行人」中写明",
        )


def _causes(case: EnforcementApplication, name: str) -> str:
    """The payments and interruptions that do not reach ``name``: 「被执行人张伟部分履行，即
    同意履行义务」, 「2025年5月12日申请执行人向被执行人张伟提出履行要求」."""
    paid = {payer_of(case, p.payer) for p in case.outstanding.performed} - {""}
    said = unreached(case, name)
    if any(name not in reached_by(case, {payer}) for payer in paid):
        said.insert(0, f"被执行人{'、'.join(sorted(paid))}部分履行，即同意履行义务")
    return "；".join(said)


def performed_text(case: EnforcementApplication, assessment: Assessment) -> str:
    """「被执行人张伟于2025年5月1日履行人民币20,000.00元，其余义务至今未履行。」 — each
    payment with the respondent who paid it (``payer``, the only respondent where there is
    one; a bare 「被执行人」 where several and none typed, warned of) — with the
    interruption where a payment restarted the period; the usual words where nothing was
    paid."""
    paid = sorted(case.outstanding.performed, key=lambda p: p.day)
    if not paid:
        return "被执行人至今未履行或未全部履行生效法律文书确定的义务。"
    found: Applications | None = assessment.computed.get("allocation")
    who = [payer_of(case, p.payer) for p in paid]
    # one payer: named once (「被执行人张伟于A履行…、B履行…」); several: each payment's own
    each = "、".join(
        f"{'' if k and len(set(who)) == 1 else f'被执行人{who[k]}于'}{format_cn(p.day)}"
        f"履行人民币{format_yuan(p.amount)}元"
        for k, p in enumerate(paid)
    )
    sums = f"，共计人民币{format_yuan(sum_paid(case))}元" if len(paid) > 1 else ""
    words = f"{each}{sums}{applied_text(case, found)}，其余义务至今未履行。"
    period = assessment.computed.get("period")
    days = [e.day for e in (period.effective_events if period else []) if e.kind == PAYMENT_EVENT]
    if days:
        last = max(days)
        paid_then = sorted({w for w, p in zip(who, paid, strict=True) if p.day == last and w})
        words += f"被执行人{'、'.join(paid_then)}部分履行，即同意履行义务，" + _interrupted(
            case, set(paid_then), last
        )
    return words


def _interrupted(case: EnforcementApplication, payers: set[str], day: date) -> str:
    """「申请执行期间自…起中断（…）。」 where the payment reaches every respondent (one
    respondent; joint debtors the operative part names together, with art. 15(2)); else
    only against those it reaches: 「对被执行人张伟的申请执行期间自…起中断（…）。」
    (``reached_by``); the bare words where the payer is not named."""
    basis = f"（{INTERRUPTION_BASIS}）。"
    reach = reached_by(case, payers) if payers else [r.name for r in case.respondents]
    if len(reach) == len(case.respondents):
        if len(reach) > len(payers) > 0:
            basis = f"（{INTERRUPTION_BASIS}；{ART_15}）。"
        return f"申请执行期间自{format_cn(day)}起中断{basis}"
    return f"对被执行人{'、'.join(reach)}的申请执行期间自{format_cn(day)}起中断{basis}"


def with_performed(
    delay: DelayTotal, case: EnforcementApplication, period_end: date, found: Applications | None
) -> DelayTotal:
    """The doubled part with what each payment made late took off the debt other than
    general interest (its costs and principal, ``enforcement_allocation``) as a part of its
    own, counted from the day after the performance period to the day it was paid (the
    module's rule); nothing counted where that part is not known."""
    if case.title.installments or found is None or found.unknown:
        return delay
    late = [p for p in found.payments if p.day > period_end and p.off_the_debt > 0]
    if not late:
        return delay
    labelled = [("尚未履行的部分", part) for part in delay.parts]
    labelled += [
        (
            f"{format_cn(p.day)}履行款项中抵充一般债务利息以外债务的人民币"
            f"{format_yuan(p.off_the_debt)}元，计至履行之日",
            doubled_interest(p.off_the_debt, period_end, p.day),
        )
        for p in late
    ]
    amount = sum((part.amount for _, part in labelled), Decimal(0))
    lines = "；".join(
        f"第{i}部分（{label}）：{part.text}" for i, (label, part) in enumerate(labelled, start=1)
    )
    text = f"{lines}；合计{format_yuan(amount)}元（{BASIS}）"
    return DelayTotal([part for _, part in labelled], amount, delay.until, text)
