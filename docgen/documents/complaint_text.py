"""The words of a civil complaint in the narrative layout (民事诉讼法 art. 124): the
numbered 诉讼请求, 事实与理由 with the laws relied on, the party blocks, the witnesses,
and the acceptance fee stated in words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from docgen.documents.combined_cap import is_enforcement_cost
from docgen.documents.complaint_beneficium import direct_exception
from docgen.documents.complaint_branch_rules import answering_companies
from docgen.documents.complaint_evidence_rules import printed_note
from docgen.documents.complaint_guarantee_scope import guaranteed_claims
from docgen.documents.complaint_guarantor_alone import debtor_words, sued_alone
from docgen.documents.complaint_parts import CHECKED, UNCHECKED, Witness
from docgen.documents.complaint_security import (
    left_unpaid,
    priority_claim,
)
from docgen.documents.court_parts import block_lines
from docgen.documents.guarantor_rules import SuitDates
from docgen.documents.parts import AmountComponent, ResolvedAmounts
from docgen.domain.court_fees import FeeResult
from docgen.domain.dates import format_cn
from docgen.domain.guarantee import claim_within_maximum
from docgen.domain.money import format_yuan, legal_amount
from docgen.domain.parties import Party
from docgen.domain.rate_words import describe_penalty_rate, describe_rate

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint
    from docgen.documents.note_rates import NotedCharge
    from docgen.domain.interest import RateSpec


def names(parties: list[Party]) -> str:
    return "、".join(p.name for p in parties)


def boxes(options: Mapping[str, str], chosen: str | None) -> str:
    """``■是 □否`` — every option with its box, the chosen one filled."""
    return "　".join(
        f"{CHECKED if key == chosen else UNCHECKED}{label}" for key, label in options.items()
    )


def lenders(case: CivilComplaint) -> list[Party]:
    """The plaintiffs who signed the loan contract and lent: those ``loan.lenders`` names,
    or every plaintiff when it names none (one plaintiff; several are refused without it,
    complaint_party_rules), so the facts never make a co-plaintiff a signatory."""
    named = set(case.loan.lenders) if case.loan else set()
    parties = [p.party for p in case.plaintiffs]
    return [p for p in parties if p.name in named] if named else parties


def borrowers(case: CivilComplaint) -> list[Party]:
    """The debtors: a company sued beside its branch answers for the branch's debt and is
    not one of them (complaint_branch_rules.answering_companies)."""
    answering = {a.company for a in answering_companies(case)}
    return [
        d.party for d in case.defendants if d.role == "borrower" and d.party.name not in answering
    ]


def claims(case: CivilComplaint, resolved: ResolvedAmounts) -> list[str]:
    """The numbered 诉讼请求, in the order courts expect. Against a joint guarantor sued
    alone the guarantor is asked to pay what the debtor, no party, owes (民法典 art.
    688(2): 「请求保证人在其保证范围内承担保证责任」): 「判令被告李秀英向原告刘芳支付案外人
    张伟所欠借款本金…」, and no separate guarantor claim follows."""
    alone = sued_alone(case)
    debtors = "被告" + names([d.party for d in case.defendants] if alone else borrowers(case))
    owing = f"{debtor_words(case, '')}所欠" if alone else ""
    plaintiffs = "原告" + names([p.party for p in case.plaintiffs])
    items: list[str] = []
    for index, (component, value) in enumerate(
        zip(case.amounts.components, resolved.amounts, strict=True)
    ):
        when = format_cn(component.as_of or case.amounts.as_of)
        label = component.display_label
        basis = claim_note(case, component, resolved.noted.get(index))
        detail = f"（{basis}）" if basis else ""
        if component.kind == "principal":
            early = ""
            if case.acceleration is not None:
                early = (
                    f"（依《{case.contract.name}》{case.acceleration.clause}约定，借款已于"
                    f"{format_cn(case.acceleration.declared_on)}提前到期）"
                )
            # a loan is repaid (偿还借款, 民法典 art. 675); a price is paid (支付价款, art. 626)
            # a guarantor pays what another owes (承担保证责任), never 偿还 its own loan
            pay = "支付" if alone or case.contract.kind in ("sale", "service") else "偿还"
            items.append(
                f"判令{debtors}向{plaintiffs}{pay}{owing}{label}{legal_amount(value)}{early}"
                f"{detail}；"
            )
            owing = ""
        else:
            calc = component.calculation
            if calc is not None and not detail:
                base = calc.base if calc.base is not None else principal(case)
                end = calc.end or component.as_of or case.amounts.as_of
                lpr = resolved.lpr_periods(index)
                agreed = f"{calc.agreed_in}约定的" if calc.agreed_in else ""
                detail = (
                    f"（以{format_yuan(base)}元为基数，自{format_cn(calc.start)}起按{agreed}"
                    f"{rate_words(resolved, calc.rate.spec(), component.kind == 'penalty')}"
                    f"计算至{format_cn(end)}"
                    f"{'；' + lpr if lpr else ''}）"
                )
            elif calc is None and component.kind != "fee" and index not in resolved.noted:
                # a fee already paid (律师费、保全费) is a fixed sum; only what accrues is
                # claimed "暂计至" a date (a noted rate's period names its end: claim_note)
                detail = f"（暂计至{when}）{detail}"
            items.append(f"判令{debtors}向{plaintiffs}支付{label}{legal_amount(value)}{detail}；")
    running = running_claim(case, resolved)
    if running:
        items.append(f"判令{debtors}向{plaintiffs}支付{running}；")
    # the guarantors secure every claim to money above (民法典 art. 691: the principal, its
    # interest, 违约金, damages and the costs of enforcing the claim); the property what
    # art. 389 or the agreed scope names (complaint_security_scope)
    count = len(items)
    covered = "第1项" if count == 1 else f"第1至{count}项"
    # 民法典 art. 74(2): the company answers for its branch's debt, not beside it
    items += [company.claim(covered) for company in answering_companies(case)]
    priority = priority_claim(case, plaintiffs)
    if priority is not None:
        items.append(priority)
    if not alone:
        items += _guarantor_claims(case, covered, debtors)
    if case.rescind_contract:
        items.append(f"判令解除{plaintiffs}与{debtors}签订的《{case.contract.name}》；")
    items.append("判令本案诉讼费用由被告承担。")
    return items


def _guarantor_claims(case: CivilComplaint, covered: str, debtors: str) -> list[str]:
    """Each guarantor's liability for the claims ``covered``. 民法典 art. 392: beside the
    debtor's own property, with no order agreed, a joint guarantor answers for what the
    property leaves unpaid; 担保制度解释 art. 26(2): a general guarantor only for what
    enforcement against the debtor's property leaves unpaid, but where an exception of
    民法典 art. 687(2) is given, for the claims as a joint guarantor is."""
    unpaid = left_unpaid(case)
    items: list[str] = []
    for defendant in case.defendants:
        guarantee = defendant.guarantee
        if defendant.role != "guarantor" or guarantee is None:
            continue
        limit = claim_within_maximum(guarantee)
        name = defendant.party.name
        # the agreed scope, if narrower (民法典 art. 691): complaint_guarantee_scope
        owed = guaranteed_claims(case, defendant, covered)
        part = f"在{unpaid}" if unpaid else ""
        if guarantee.resolved_type == "joint":
            items.append(f"判令被告{name}对{owed}{part}{limit}承担连带清偿责任；")
        elif direct_exception(guarantee) is not None:
            # an exception of 民法典 art. 687(2) lifts art. 26(2)'s limit (complaint_beneficium)
            items.append(f"判令被告{name}对{owed}{part}{limit}承担保证责任；")
        else:
            items.append(
                f"判令被告{name}对{owed}在{debtors}的财产依法强制执行"
                f"后仍不能履行的部分{limit}承担保证责任；"
            )
    return items


PENALTY_WORDS = ("违约金", "滞纳金")
"""A running charge named so is a penalty, not interest."""


def is_penalty(label: str) -> bool:
    return any(word in label for word in PENALTY_WORDS)


def rate_words(resolved: ResolvedAmounts, rate: RateSpec, penalty: bool) -> str:
    """The rate as a claim states it. A 违约金 agreed by the day is a share of the sum per
    day, not interest: 「每日0.05%」 as the contract says it, never 「日利率0.05%」 (民法典
    art. 585: an agreed penalty, or how to compute it). An LPR fixed on a day after the
    LPR table's last check names the entry the amount was computed with (rate_words)."""
    if penalty:
        return describe_penalty_rate(rate, resolved.lpr_table, computed=True)
    return describe_rate(rate, resolved.lpr_table, computed=True)


def running_claim(case: CivilComplaint, resolved: ResolvedAmounts) -> str:
    """「透支利息：以45,000.00元为基数，自2026年11月1日起按日利率0.05%计算至实际清偿之日
    止」: what is claimed to the day of payment, named (a daily 罚息 or 违约金 in its own
    words), the same words in the narrative claim and the credit-card form; empty when
    nothing is."""
    running = case.running_interest
    if running is None:
        return ""
    base = running.base if running.base is not None else principal(case)
    rate = running.rate.spec()
    until_paid = (
        f"以{format_yuan(base)}元为基数，自{format_cn(running.start)}起按"
        f"{rate_words(resolved, rate, True)}计算至实际清偿之日止"
        if is_penalty(running.label) and rate.kind == "daily"
        else resolved.running_claim(base, rate, running.start)
    )
    return f"{running.label}：{until_paid}"


def claim_note(
    case: CivilComplaint, component: AmountComponent, noted: NotedCharge | None = None
) -> str:
    """What a claim prints beside its amount: its note, but not for a cost of enforcing
    the claim, whose clause and payment are facts (事实与理由: :func:`costs_paid`), not the
    claim (民事诉讼法 art. 124(3) keeps claims, facts and evidence apart). A note whose rate
    was read (``noted``, note_rates) states its base and period, and a sum below what the
    rate gives that the plaintiff claims part of it, so that no printed basis contradicts
    the figure beside it."""
    if is_enforcement_cost(component):
        return ""
    note = printed_note(component.note, case) or ""
    if note and noted is not None:
        return noted.printed(note, "原告")
    return note


def costs_paid(
    case: CivilComplaint, costs: Sequence[tuple[AmountComponent, Decimal]] | None = None
) -> str:
    """「《借款合同》第九条约定…律师费。原告刘芳为实现本案债权支付律师费人民币5,000.00元
    （已实际支付，见律师费发票）。」 — the agreement only as ``cost_clause`` states it, then
    what was paid with its note; empty when no such cost is claimed. ``costs``: the costs
    of enforcing the claim with their amounts (default: each such component's typed
    amount); the element forms state theirs in these words too (``cost_items``)."""
    if costs is None:
        costs = [
            (component, component.amount)
            for component in case.amounts.components
            if is_enforcement_cost(component) and component.amount is not None
        ]
    paid = []
    for component, amount in costs:
        note = printed_note(component.note, case)
        paid.append(
            f"{component.display_label}人民币{format_yuan(amount)}元"
            + (f"（{note}）" if note else "")
        )
    if not paid:
        return ""
    clause = f"{case.cost_clause.rstrip('。')}。" if case.cost_clause else ""
    plaintiffs = "原告" + names([p.party for p in case.plaintiffs])
    return f"{clause}{plaintiffs}为实现本案债权支付{'、'.join(paid)}。"


def cost_basis(case: CivilComplaint, component: AmountComponent) -> str:
    """What the element form prints beside a cost: for a cost of enforcing the claim, the
    clause that puts it on the debtor (律师费 is owed as agreed: complaint_evidence_rules);
    then the note, without a citation of evidence the list does not hold."""
    clause = case.cost_clause if is_enforcement_cost(component) else None
    parts = (clause.rstrip("。") if clause else None, printed_note(component.note, case))
    return "；".join(p for p in parts if p)


def suit_dates(case: CivilComplaint) -> SuitDates:
    """The dates a sued guarantor's 保证期间 is judged by: the contract's, the filing date
    and the acceleration declared, if any."""
    accelerated = case.acceleration.declared_on if case.acceleration else None
    return SuitDates(case.contract.signed_on, case.contract.due_date, case.filing_date, accelerated)


def principal(case: CivilComplaint) -> Decimal:
    return sum(
        (c.amount or Decimal(0) for c in case.amounts.components if c.kind == "principal"),
        Decimal(0),
    )


def parties_context(case: CivilComplaint) -> dict[str, Any]:
    """One line per party block: full identities (a court needs them), then agents."""
    lines: list[str] = []
    for p in case.plaintiffs:
        lines += block_lines("原告", p.party, p.agents, p.service)
    for d in case.defendants:
        lines += block_lines("被告", d.party)
    return {"parties": lines}


def witness_lines(witnesses: list[Witness]) -> list[str]:
    """「证人：…，住…，证明…。」 — name and domicile as art. 124(4) asks, then what the
    witness saw."""
    return [
        f"证人：{w.name}，住{w.address.rstrip('。')}，证明{w.testimony.rstrip('。')}。"
        for w in witnesses
    ]


def fee_line(fee: FeeResult, procedure: str) -> str:
    """The acceptance fee and its basis in words (the pleading carries no calculation).
    A halved fee is half the unrounded full fee, rounded once (court_fees; 诉讼费用交纳办法
    is silent on rounding). How it was rounded is no statement to the court: the basis
    cites the articles only (「依第十六条减半交纳」), and the court computes its own fee."""
    halved = "，适用简易程序，依第十六条减半交纳" if procedure != "ordinary" else ""
    return (
        f"预交案件受理费：{legal_amount(fee.fee)}（按《诉讼费用交纳办法》第十三条"
        f"第（一）项计算{halved}）。"
    )
