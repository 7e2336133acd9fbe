"""事实与理由 of the narrative complaint (民事诉讼法 art. 124(3)): composed from the
structured facts (the contract, what was agreed and paid, the security, the guarantees,
the breach), then the user's own paragraph, the jurisdiction and the laws relied on."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.complaint_attachments import preservation_fact
from docgen.documents.complaint_basis import legal_basis
from docgen.documents.complaint_beneficium import direct_exception
from docgen.documents.complaint_branch_rules import answering_companies
from docgen.documents.complaint_capacity import capacity_facts
from docgen.documents.complaint_guarantee import (
    guarantee_fact,
    guarantor_default,
    joint_default_fact,
)
from docgen.documents.complaint_guarantee_scope import guarantee_scope_sentence
from docgen.documents.complaint_guarantor_alone import (
    debtor_words,
    defence_unavailable,
    general_alone_fact,
    sued_alone,
)
from docgen.documents.complaint_minor import minor_facts
from docgen.documents.complaint_parts import DELIVERY_LABELS
from docgen.documents.complaint_security import security_fact
from docgen.documents.complaint_text import borrowers, costs_paid, lenders, names, suit_dates
from docgen.documents.complaint_venue import performance_place_sentence
from docgen.documents.guarantor_rules import fixed_early
from docgen.domain.dates import format_cn
from docgen.domain.guarantee import Guarantee
from docgen.domain.lpr import format_percent
from docgen.domain.money import format_yuan, legal_amount

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint
    from docgen.documents.complaint_causes import SaleFacts
    from docgen.documents.complaint_parts import Defendant


def facts(
    case: CivilComplaint,
    agreed_court: bool = False,
    receiving: Sequence[str] = (),
    branch_seat: str = "",
) -> list[str]:
    """事实与理由, composed from the structured facts, then the user's own paragraph.
    ``agreed_court``: the jurisdiction clause leads to the court addressed; ``receiving``:
    the plaintiffs at whose place alone it sits, the place of performance (complaint_venue).
    One of the two grounds is stated, never both; else ``branch_seat``, why a branch sued at
    its own seat is sued there (complaint_venue.branch_seat)."""
    contract = case.contract
    plaintiffs = "原告" + names([p.party for p in case.plaintiffs])
    # 「案外人张伟」 where a joint guarantor is sued alone (complaint_guarantor_alone)
    debtors = debtor_words(case, "被告" + names(borrowers(case)))
    branches = answering_companies(case)
    # the signatory named once, with the company that answers for it
    signatory = debtor_words(
        case,
        "被告"
        + "、".join(
            p.name
            + next((f"（被告{a.company}的分支机构）" for a in branches if a.branch == p.name), "")
            for p in borrowers(case)
        ),
    )
    number = f"（编号：{contract.number}）" if contract.number else ""
    place = f"在{case.loan.signed_place}" if case.loan and case.loan.signed_place else ""
    # the contracting side only: a co-owner of the money who did not sign is not named here
    lending = "原告" + names(lenders(case))
    first = (
        f"{format_cn(contract.signed_on)}，{lending}与{signatory}{place}"
        f"签订《{contract.name}》{number}。"
    )
    loan, sale = case.loan, case.sale
    selling = sale is not None and loan is None  # the seller sues for the price
    if sale is not None and selling:  # what was agreed, then what happened (the summary)
        first += (
            f"双方约定{plaintiffs}向{debtors}出卖{sale.goods.rstrip('。')}，"
            f"总价款{legal_amount(sale.total_price)}。"
        ) + _penalty_terms(sale, contract.name)
    if contract.summary:
        first += contract.summary.rstrip("。") + "。"
    if sale is not None and selling:
        first += _price_paid(sale, debtors)
    if loan is not None:
        first += (
            f"{lending}于{format_cn(loan.delivered_on)}以{DELIVERY_LABELS[loan.delivery_method]}"
            f"方式向{debtors}实际出借{legal_amount(loan.delivered_amount)}"
        )
        if loan.agreed_rate:
            first += f"，约定利率为{loan.agreed_rate}"
        if loan.repayment_method:
            first += f"，约定还款方式为{loan.repayment_method}"
        first += f"，约定还款日期为{format_cn(contract.due_date)}。"
    else:
        first += f"依约{debtors}应于{format_cn(contract.due_date)}前清偿欠款。"
    paragraphs = [first, *(a.fact() for a in branches), *capacity_facts(case), *minor_facts(case)]
    security = security_fact(case)
    if security is not None:
        paragraphs.append(security)
    guarantees, defaults = _guarantors(case, debtors)
    paragraphs += guarantees
    owed = _price_owed(case) if selling else ""
    paragraphs.append(_breach(case, plaintiffs, debtors) + owed + _still_unpaid(case, plaintiffs))
    if defaults:  # then the sued guarantors' own default (arts. 687, 688)
        paragraphs.append(defaults)
    costs = costs_paid(case)  # the fee clause and payment: facts, not the claim
    if costs:
        paragraphs.append(costs)
    if case.facts:
        paragraphs.append(case.facts)
    paragraphs += _court_facts(case, plaintiffs, agreed_court, receiving, branch_seat)
    paragraphs.append(
        f"为维护{plaintiffs}的合法权益，根据{'、'.join(legal_basis(case))}等规定，"
        "特向贵院提起诉讼，请求判如所请。"
    )
    return paragraphs


def _court_facts(
    case: CivilComplaint,
    plaintiffs: str,
    agreed_court: bool,
    receiving: Sequence[str],
    branch_seat: str = "",
) -> list[str]:
    """Why the court addressed hears the case, then the pre-suit preservation."""
    out = []
    if case.jurisdiction_clause and agreed_court:
        # said only of the court the clause leads to: a court at no connecting point
        # is refused, and the clause is no ground for a court it does not name
        out.append(f"{case.jurisdiction_clause.rstrip('。')}，贵院对本案依法享有管辖权。")
    elif receiving:
        out.append(performance_place_sentence(list(receiving)))
    elif branch_seat:
        out.append(branch_seat)
    preserved = preservation_fact(case, plaintiffs)
    if preserved:
        out.append(preserved)
    return out


def _guarantors(case: CivilComplaint, debtors: str) -> tuple[list[str], str]:
    """Each sued guarantor's guarantee, a paragraph each, and the paragraph of their own
    default told after the debtor's (``complaint_guarantee.guarantor_default``)."""
    suit, loan = suit_dates(case), case.loan
    told: list[str] = []
    defaults = ""
    for d in case.defendants:
        if d.role != "guarantor" or d.guarantee is None:
            continue
        source = d.guarantee.contract or (loan.guarantee_contract if loan else None)
        fixing = d.maximum_fixing  # a maximum guarantee's claims fixed early (art. 690(2))
        early = (fixing.on, fixing.reason("guarantee")) if fixing else None
        told.append(
            guarantee_fact(d.party.name, d.guarantee, source, suit, early)
            + guarantee_scope_sentence(d)
        )
        exception = direct_exception(d.guarantee)
        if defence_unavailable(d.guarantee) and sued_alone(case):
            # sued alone after enforcement against the debtor failed, or under an
            # exception of art. 687(2)(一)–(四)
            defaults += general_alone_fact(d.party.name, d.guarantee, debtors)
        elif exception is not None:
            # sued with the debtor under an exception: 担保制度解释 art. 26(2)'s limit
            # does not apply (complaint_beneficium)
            defaults += exception.joint_suit_fact(d.party.name, debtors)
        else:
            defaults += guarantor_default(d.party.name, _judged(d.guarantee, d), debtors, suit)
    return told, defaults


def guarantor_default_facts(case: CivilComplaint) -> list[str]:
    """Each sued joint guarantor's default, as the element forms state it in 「其他需要说明的
    内容」, and each general guarantor's exception of 民法典 art. 687(2), which lifts the
    limit of 担保制度解释 art. 26(2) (else a general guarantor's position is the claim's,
    诉讼请求 item 4)."""
    suit = suit_dates(case)
    debtors = "被告" + names(borrowers(case))
    told: list[str] = []
    for d in case.defendants:
        if d.role != "guarantor" or d.guarantee is None:
            continue
        exception = direct_exception(d.guarantee)
        if d.guarantee.type == "joint":
            told.append(joint_default_fact(d.party.name, _judged(d.guarantee, d), suit, dated=True))
        elif exception is not None:
            told.append(exception.joint_suit_fact(d.party.name, debtors, stop=False))
    return told


def _judged(guarantee: Guarantee, defendant: Defendant) -> Guarantee:
    """The guarantee as its period is judged: a maximum one fixed early from that day."""
    fixing = defendant.maximum_fixing
    return fixed_early(guarantee, fixing.on if fixing else None)


ACCELERATION_WORDS = ("提前到期", "加速到期")
"""Words with which the user's own facts tell of the acceleration, told then only once."""


def _breach(case: CivilComplaint, plaintiffs: str, debtors: str) -> str:
    """What the debtor paid and did not, in the order it happened: what was repaid and
    up to when interest was paid (还息至), then the acceleration that made the whole loan
    due, then the default. A loan declared due early did not fall due first: it is never
    「借款到期后」. The acceleration the user's own facts tell is not told again."""
    contract, loan, accel = case.contract, case.loan, case.acceleration
    paid: list[str] = []
    if loan and (loan.repaid_principal or loan.repaid_interest):
        repaid = []
        if loan.repaid_principal:
            repaid.append(f"本金人民币{format_yuan(loan.repaid_principal)}元")
        if loan.repaid_interest:
            repaid.append(f"利息人民币{format_yuan(loan.repaid_interest)}元")
        paid.append(f"仅偿还{'、'.join(repaid)}")
    if loan and loan.interest_paid_until:
        paid.append(f"已支付利息至{format_cn(loan.interest_paid_until)}")
    told = accel is not None and any(w in (case.facts or "") for w in ACCELERATION_WORDS)
    if accel is not None and told:
        return f"{debtors}{'，'.join(paid)}" if paid else f"{debtors}未依约清偿"
    if accel is not None:
        head = f"{debtors}{'，'.join(paid)}；" if paid else ""
        return (
            f"{head}依《{contract.name}》{accel.clause}约定，{plaintiffs}于"
            f"{format_cn(accel.declared_on)}宣布借款全部提前到期，{debtors}未依约清偿"
        )
    if paid:
        return f"{debtors}{'，'.join(paid)}，未依约清偿"
    loan_kinds = ("private_lending", "financial_loan")
    due = "借款到期后" if contract.kind in loan_kinds else "付款期限届满后"
    return f"{due}，{debtors}未依约清偿"


def _penalty_terms(sale: SaleFacts, contract: str) -> str:
    """The penalty the contract agrees for late payment, the basis of a 违约金 claimed."""

    def where(clause: str | None) -> str:
        return f"（《{contract}》{clause}）" if clause else ""

    terms: list[str] = []
    if sale.daily_penalty_percent is not None:
        daily = format_percent(sale.daily_penalty_percent)
        terms.append(f"迟延付款的，按每日{daily}%计付违约金{where(sale.daily_penalty_clause)}")
    if sale.penalty_amount is not None:
        amount = legal_amount(sale.penalty_amount)
        terms.append(f"违约的，支付违约金{amount}{where(sale.penalty_clause)}")
    return f"合同约定{'；'.join(terms)}。" if terms else ""


def _price_paid(sale: SaleFacts, debtors: str) -> str:
    """What of the price was paid and what is owed, as far as the sale facts say."""
    paid = [p for p in (sale.paid_on_time, sale.paid_late) if p is not None]
    told: list[str] = []
    if paid:
        total = sum(paid, Decimal(0))
        told.append(f"已支付价款{legal_amount(total)}" if total else "未支付价款")
    if sale.unpaid is not None:
        told.append(f"尚欠价款{legal_amount(sale.unpaid)}")
    return f"{debtors}{'，'.join(told)}。" if told else ""


def _price_owed(case: CivilComplaint) -> str:
    """「，尚欠货款人民币…元」 when the sale facts leave the unpaid price untold: the price
    claimed must rest on a fact the complaint states (民事诉讼法 art. 122(3), art. 124(3)),
    and it is the sum the plaintiff claims. Told once only: a stated 尚欠价款 is enough."""
    if case.sale is None or case.sale.unpaid is not None:
        return ""
    claimed = [c for c in case.amounts.components if c.kind == "principal" and c.amount]
    if not claimed:
        return ""
    owed = sum((c.amount or Decimal(0) for c in claimed), Decimal(0))
    return f"，尚欠{claimed[0].display_label}{legal_amount(owed)}"


def _still_unpaid(case: CivilComplaint, plaintiffs: str) -> str:
    """How the breach sentence ends. A complaint states only facts the plaintiff can prove
    (民诉法 art. 67: who asserts, proves): the demands the user's facts tell of (催收, 催款,
    催告 …) are not told twice; demands recorded as interruptions are told with their
    dates; without either, no demand is asserted at all."""
    if "催" in (case.facts or ""):
        return "。"
    demands = sorted(i.day for i in case.prior_interruptions if i.kind == "demand_delivered")
    if demands:
        days = "、".join(format_cn(day) for day in dict.fromkeys(demands))
        return f"，{plaintiffs}于{days}向其催收，仍未履行。"
    borrowed = ("private_lending", "financial_loan", "credit_card")
    duty = "还款" if case.contract.kind in borrowed else "付款"
    return f"，至今仍未履行{duty}义务。"
