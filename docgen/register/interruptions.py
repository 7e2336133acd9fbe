"""What a delivered demand did to the limitation period, and against whom.

A demand interrupts the limitation period of the claim against the party it reached
(民法典 art. 195(1); a letter "reaching or due to reach the other party", 诉讼时效规定
法释〔2008〕11号 as revised 2020, art. 8(1)(2)). A copy of a letter goes to one party, so
its delivery counts against that party only (docs/legal-rules.md, "Delivery and the
limitation period", says what this rests on):

- the debtor's copy interrupts the principal debt's period against the debtor;
- a guarantor's copy does not interrupt it: the guarantee is a debt of its own, with its
  own period (民法典 art. 694), and a joint guarantor is not one of several joint debtors
  of the principal debt whose interruption reaches the others (诉讼时效规定 art. 15(2)).
  To a joint guarantor it is the creditor's request within the 保证期间 (art. 693(2)),
  from which the guarantor's own three years run (art. 694(2)); a later one within them
  interrupts that period (art. 195(1)). To a general guarantor it is a notice only: the
  guarantee is kept by suing the debtor (art. 693(1)) and its period runs from the day
  the 先诉抗辩权 ends (art. 694(1); 法释〔2020〕28号 art. 28);
- an entry registered before the recipient was kept, of a case with several recipients,
  cannot say whom its copy reached: its deliveries are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from docgen.documents import registry
from docgen.documents.problems import CaseInvalid
from docgen.domain.dates import format_cn
from docgen.domain.guarantee import Guarantee, GuaranteeStatus, guarantee_status
from docgen.domain.limitation import (
    InterruptionEvent,
    LimitationResult,
    add_period,
    limitation_status,
)
from docgen.register.models import RegisteredDocument
from docgen.register.recipients import Addressee, addressee, case_of

DEBTOR_DEMAND = "民法典第一百九十五条第（一）项"


@dataclass(frozen=True)
class GuarantorStanding:
    """The guarantor a copy went to, on the day asked: whether its guarantee was kept
    (``preserved_on``: the creditor's act within the 保证期间) and its own limitation
    period (``limitation_from`` to ``limitation_expires``; None until it runs)."""

    against: dict[str, Any]
    type: str
    period_end: date
    preserved_on: date | None
    lapsed: bool
    limitation_from: date | None
    limitation_expires: date | None
    note: str


@dataclass(frozen=True)
class LimitationReport:
    """The principal debt's limitation period against the debtor (``result``), which of
    this document's deliveries it counts, why (``note``), and for a guarantor's copy that
    guarantor's standing."""

    against: dict[str, Any]
    result: LimitationResult
    counted: list[date]
    note: str | None
    guarantor: GuarantorStanding | None = None


def limitation_for(document: RegisteredDocument, on: date) -> LimitationReport | None:
    """The report for a registered demand (None for a type that is not one, or a case
    the current model no longer reads)."""
    try:
        doc_type = registry.get(document.type_name)
    except registry.UnknownDocumentType:
        return None
    if not doc_type.interrupts_limitation:  # the type says whether a delivery is a demand
        return None
    data, _index = case_of(document.input_data)
    try:
        case = doc_type.parse(data)
    except CaseInvalid:
        return None
    who = addressee(document.input_data, doc_type.recipient_field, doc_type.split is not None)
    delivered = sorted(d.delivered_on for d in document.deliveries if d.delivered_on)
    debtor = {"role": "debtor", "name": case.debtor.name}
    events = [InterruptionEvent(e.kind, e.day) for e in case.prior_interruptions]
    due = case.contract.due_date
    if who is None or (who.role == "debtor" and who.known):
        events += [InterruptionEvent("demand_delivered", day) for day in delivered]
        result = limitation_status(due, events, on=on, allow_fallback=True)
        note = (
            f"本函送达债务人{case.debtor.name}，中断对债务人的诉讼时效（{DEBTOR_DEMAND}）"
            if delivered
            else None
        )
        return LimitationReport(debtor, result, delivered, note)
    result = limitation_status(due, events, on=on, allow_fallback=True)
    if who.role == "guarantor" and who.known:
        standing = _guarantor(case, who, delivered, on)
        note = (
            f"本函致{who.label}，其送达不中断主债务对债务人{case.debtor.name}的诉讼时效："
            "保证债务的诉讼时效另行计算（《民法典》第六百九十四条）"
        )
        return LimitationReport(debtor, result, [], note, standing)
    note = (
        "本文书登记时未记录收件人，而案件有多位收件人（债务人及保证人），无法确认送达的是"
        "致债务人的一份：其送达未计入对债务人的诉讼时效中断"
    )
    return LimitationReport(debtor, result, [], note)


def _to_the_debtor(who: Addressee | None) -> bool:
    """Whether the copy went to the debtor: addressed to it, or the case's one copy."""
    return who is None or (who.role == "debtor" and who.known)


def debtor_deliveries(document: RegisteredDocument) -> list[date]:
    """The days a registered demand reached the debtor, each interrupting the limitation
    period against the debtor (民法典 art. 195(1)): the delivery dates of the debtor's
    copy; none for a guarantor's copy, an older entry that cannot say whom its copy
    reached, or a type that is not a demand."""
    try:
        doc_type = registry.get(document.type_name)
    except registry.UnknownDocumentType:
        return []
    if not doc_type.interrupts_limitation:
        return []
    who = addressee(document.input_data, doc_type.recipient_field, doc_type.split is not None)
    if not _to_the_debtor(who):
        return []
    return sorted(d.delivered_on for d in document.deliveries if d.delivered_on)


def _guarantor(
    case: Any, who: Addressee, delivered: list[date], on: date
) -> GuarantorStanding | None:
    """The standing of the guarantor ``who`` with this copy's deliveries."""
    guarantees: list[Guarantee] = list(getattr(case, "guarantees", []))
    if not 0 < who.index <= len(guarantees):
        return None
    guarantee = guarantees[who.index - 1]
    due = case.contract.due_date
    against = {"role": "guarantor", "name": who.name}
    status = guarantee_status(guarantee, due, on)
    if guarantee.resolved_type == "general":
        note = (
            f"致一般保证人{who.name}的函件为通知：不保全保证责任，须在保证期间内对债务人提起诉讼"
            "或者申请仲裁（《民法典》第六百九十三条第一款）；保证债务的诉讼时效自先诉抗辩权"
            "消灭之日起计算（第六百九十四条第一款；法释〔2020〕28号第二十八条）"
        )
        return _standing(against, status, status.limitation_from, status.limitation_expires, note)
    for day in delivered:  # the first delivery within the 保证期间 keeps the guarantee
        if status.preserved_on is not None:
            break
        status = guarantee_status(guarantee, due, on, acting_on=day)
    start, expires = status.limitation_from, status.limitation_expires
    steps = []
    if status.preserved_on is not None:
        steps.append(
            f"{format_cn(status.preserved_on)}债权人在保证期间内请求保证人承担保证责任，"
            "保证债务的诉讼时效自该日起计算（《民法典》第六百九十三条第二款、第六百九十四条第二款）"
        )
    for day in delivered:  # a later demand within the guarantor's own period interrupts it
        if start is not None and expires is not None and start < day <= min(expires, on):
            start, expires = day, add_period(day, years=3).day
            steps.append(
                f"{format_cn(day)}本函送达保证人，中断保证债务的诉讼时效，重新计算至"
                f"{format_cn(expires)}（《民法典》第一百九十五条第（一）项）"
            )
    if status.lapsed:
        steps.append(f"保证期间已于{format_cn(status.period.end)}届满，保证人不再承担保证责任")
    elif status.preserved_on is None:
        steps.append(f"尚未在保证期间（至{format_cn(status.period.end)}）内向保证人主张权利")
    return _standing(against, status, start, expires, "；".join(steps))


def _standing(
    against: dict[str, Any],
    status: GuaranteeStatus,
    start: date | None,
    expires: date | None,
    note: str,
) -> GuarantorStanding:
    """The guarantor's standing: the guarantee's state and the limitation running from
    ``start`` to ``expires`` (the guarantor's own, after the deliveries counted)."""
    period = status.period.end
    return GuarantorStanding(
        against, status.type, period, status.preserved_on, status.lapsed, start, expires, note
    )


__all__ = ["GuarantorStanding", "LimitationReport", "debtor_deliveries", "limitation_for"]
