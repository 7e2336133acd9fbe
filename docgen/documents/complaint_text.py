"""The words of a civil complaint in the narrative layout (民事诉讼法 art. 124): the
numbered 诉讼请求, 事实与理由 with the laws relied on, the party blocks, the witnesses,
and the acceptance fee stated in words."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from docgen.documents.combined_cap import OVERDUE_WORDS, is_enforcement_cost
from docgen.documents.complaint_causes import SALE_LOSS_BASIS
from docgen.documents.complaint_evidence_rules import printed_note
from docgen.documents.complaint_parts import CHECKED, DELIVERY_LABELS, UNCHECKED, Witness
from docgen.documents.complaint_security import (
    left_unpaid,
    priority_claim,
    security_articles,
    security_fact,
)
from docgen.documents.court_parts import block_lines
from docgen.documents.guarantor_rules import SuitDates, guarantee_fact
from docgen.documents.parts import AmountComponent, ResolvedAmounts
from docgen.domain.cap_rates import INTERPRETATION
from docgen.domain.court_fees import FeeResult, share_of_printed_differs
from docgen.domain.dates import format_cn
from docgen.domain.guarantee import claim_within_maximum
from docgen.domain.lpr import format_percent
from docgen.domain.money import format_yuan, legal_amount
from docgen.domain.parties import Party

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint
    from docgen.documents.complaint_causes import SaleFacts


def names(parties: list[Party]) -> str:
    return "、".join(p.name for p in parties)


def boxes(options: Mapping[str, str], chosen: str | None) -> str:
    """``■是 □否`` — every option with its box, the chosen one filled."""
    return "　".join(
        f"{CHECKED if key == chosen else UNCHECKED}{label}" for key, label in options.items()
    )


def borrowers(case: CivilComplaint) -> list[Party]:
    return [d.party for d in case.defendants if d.role == "borrower"]


def claims(case: CivilComplaint, resolved: ResolvedAmounts) -> list[str]:
    """The numbered 诉讼请求, in the order courts expect."""
    debtors = "被告" + names(borrowers(case))
    plaintiffs = "原告" + names([p.party for p in case.plaintiffs])
    items: list[str] = []
    for index, (component, value) in enumerate(
        zip(case.amounts.components, resolved.amounts, strict=True)
    ):
        when = format_cn(component.as_of or case.amounts.as_of)
        label = component.display_label
        basis = cost_basis(case, component)
        detail = f"（{basis}）" if basis else ""
        if component.kind == "principal":
            early = ""
            if case.acceleration is not None:
                early = (
                    f"（依《{case.contract.name}》{case.acceleration.clause}约定，借款已于"
                    f"{format_cn(case.acceleration.declared_on)}提前到期）"
                )
            # a loan is repaid (偿还借款, 民法典 art. 675); a price is paid (支付价款, art. 626)
            pay = "支付" if case.contract.kind in ("sale", "service") else "偿还"
            items.append(
                f"判令{debtors}向{plaintiffs}{pay}{label}{legal_amount(value)}{early}{detail}；"
            )
        else:
            calc = component.calculation
            if calc is not None and not detail:
                base = calc.base if calc.base is not None else principal(case)
                end = calc.end or component.as_of or case.amounts.as_of
                lpr = resolved.lpr_periods(index)
                agreed = f"{calc.agreed_in}约定的" if calc.agreed_in else ""
                detail = (
                    f"（以{format_yuan(base)}元为基数，自{format_cn(calc.start)}起按{agreed}"
                    f"{resolved.rate_words(calc.rate.spec())}计算至{format_cn(end)}"
                    f"{'；' + lpr if lpr else ''}）"
                )
            elif calc is None and component.kind != "fee":
                # a fee already paid (律师费、保全费) is a fixed sum; only what accrues is
                # claimed "暂计至" a date
                detail = f"（暂计至{when}）{detail}"
            items.append(f"判令{debtors}向{plaintiffs}支付{label}{legal_amount(value)}{detail}；")
    running = case.running_interest
    if running is not None:
        base = running.base if running.base is not None else principal(case)
        items.append(
            f"判令{debtors}向{plaintiffs}支付{running.label}："
            f"{resolved.running_claim(base, running.rate.spec(), running.start)}；"
        )
    # the guarantors secure every claim to money above (民法典 art. 691: the principal, its
    # interest, 违约金, damages and the costs of enforcing the claim); the property what
    # art. 389 or the agreed scope names (complaint_security_scope)
    count = len(items)
    covered = "第1项" if count == 1 else f"第1至{count}项"
    priority = priority_claim(case, plaintiffs)
    if priority is not None:
        items.append(priority)
    # 民法典 art. 392: beside the debtor's own property, with no order agreed, a joint
    # guarantor answers for what the property leaves unpaid
    unpaid = left_unpaid(case)
    for defendant in case.defendants:
        guarantee = defendant.guarantee
        if defendant.role != "guarantor" or guarantee is None:
            continue
        limit = claim_within_maximum(guarantee)
        if guarantee.resolved_type == "joint":
            part = f"在{unpaid}" if unpaid else ""
            items.append(
                f"判令被告{defendant.party.name}对上述{covered}债务{part}{limit}承担连带清偿责任；"
            )
        else:
            # 担保制度解释 art. 26(2): a general guarantor answers only for what enforcement
            # against the debtor's property leaves unpaid
            items.append(
                f"判令被告{defendant.party.name}对上述{covered}债务在{debtors}的财产依法强制执行"
                f"后仍不能履行的部分{limit}承担保证责任；"
            )
    if case.rescind_contract:
        items.append(f"判令解除{plaintiffs}与{debtors}签订的《{case.contract.name}》；")
    items.append("判令本案诉讼费用由被告承担。")
    return items


def cost_basis(case: CivilComplaint, component: AmountComponent) -> str:
    """What a claim prints beside its amount: for a cost of enforcing the claim, the
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


CIVIL_CODE = "《中华人民共和国民法典》"
LENDING_ARTICLES = ("第六百六十七条", "第六百七十四条", "第六百七十五条", "第六百七十六条")
CONTRACT_ARTICLES = ("第五百零九条", "第五百七十七条", "第五百七十九条")
SALE_PRICE_ARTICLE = "第六百二十六条"  # the buyer pays the price as agreed
PENALTY_ARTICLE = "第五百八十五条"  # an agreed 违约金, and performance after a delay penalty
GUARANTEE_ARTICLES = {"general": "第六百八十七条", "joint": "第六百八十八条"}
LENDING_RULE_ARTICLES = {
    "agreed": "第二十五条",  # interest at the agreed rate, within four times the LPR
    "overdue": "第二十八条",  # overdue interest: the agreed overdue rate, else the in-term rate
    "together": "第二十九条",  # overdue interest with 违约金 or other fees, capped together
}
"""The articles of 法释〔2020〕17号 a private lender's claims rest on (its title and number
are cap_rates.INTERPRETATION, the text every cap message cites)."""
CARD_RULES = "《最高人民法院关于审理银行卡民事纠纷案件若干问题的规定》"
PROCEDURE_LAW = "《中华人民共和国民事诉讼法》第一百二十二条"


def legal_basis(case: CivilComplaint) -> list[str]:
    """The laws relied on: as typed, or the usual articles for the kind of debt."""
    if case.legal_basis:
        return list(case.legal_basis)
    kind = case.contract.kind
    lending = kind == "private_lending"
    # a bank's loan is a 借款合同 too (民法典 book III ch. 12), without the 民间借贷 rules
    loan = lending or kind == "financial_loan"
    articles = list(LENDING_ARTICLES if loan else CONTRACT_ARTICLES)
    if any(c.kind == "penalty" for c in case.amounts.components):
        # in the code's order: after 第五百七十九条, before the loan articles (第六百六十七条…)
        articles = [PENALTY_ARTICLE, *articles] if loan else [*articles, PENALTY_ARTICLE]
    if kind == "sale":
        articles.append(SALE_PRICE_ARTICLE)
    given = [d.guarantee for d in case.defendants if d.guarantee is not None]
    kinds = {g.resolved_type for g in given}
    if any(g.type == "not_stated" for g in given):
        articles.append("第六百八十六条")
    articles += [GUARANTEE_ARTICLES[g] for g in ("general", "joint") if g in kinds]
    if any(g.maximum is not None for g in given):
        articles.append("第六百九十条")
    if any(d.maximum_fixing is not None for d in case.defendants):
        articles.append("第四百二十三条")  # by art. 690(2): the guarantee's claims fixed early
    cited = sorted(dict.fromkeys([*security_articles(case), *articles]), key=article_number)
    basis = [CIVIL_CODE + "、".join(cited)]
    rules = lending_rule_articles(case) if lending else []
    if rules:
        basis.append(INTERPRETATION + "、".join(rules))
    if kind == "credit_card":
        basis.append(CARD_RULES)
    if statutory_sale_loss(case):
        basis.append(SALE_LOSS_BASIS)
    return [*basis, PROCEDURE_LAW]


def statutory_sale_loss(case: CivilComplaint) -> bool:
    """A seller claims the loss from the price paid late where no penalty was agreed:
    measured by 买卖合同解释 art. 18(4), which the claim then rests on."""
    sale = case.sale
    if case.contract.kind != "sale" or sale is None or sale.penalty_agreed:
        return False
    interest = any(c.kind == "interest" for c in case.amounts.components)
    return interest or case.running_interest is not None


CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def article_number(article: str) -> int:
    """「第六百零九条」 → 609: the articles cited are listed in the code's order."""
    total = current = 0
    for char in article.removeprefix("第").removesuffix("条"):
        if char in CN_DIGITS:
            current = CN_DIGITS[char]
        elif char in CN_UNITS:
            total += (current or (1 if char == "十" else 0)) * CN_UNITS[char]
            current = 0
    return total + current


def lending_rule_articles(case: CivilComplaint) -> list[str]:
    """The articles of the private-lending rules the claims rest on: art. 25 for interest
    of the loan term, art. 28 for overdue interest, art. 29 when a 违约金 or another fee
    (not a cost of enforcing the claim) is claimed with it."""
    due = case.contract.due_date
    if case.acceleration is not None:
        due = min(due, case.acceleration.declared_on)
    in_term = overdue = False
    for c in case.amounts.components:
        if c.kind != "interest":
            continue
        last = c.as_of or case.amounts.as_of
        if c.calculation is not None:
            in_term = in_term or c.calculation.start <= due
            overdue = overdue or (c.calculation.end or last) > due
        elif any(word in c.display_label for word in OVERDUE_WORDS):
            overdue = True
        else:
            in_term, overdue = True, overdue or last > due
    running = case.running_interest
    if running is not None:
        overdue = overdue or running.start > due
    charged = any(
        c.kind == "penalty" or (c.kind == "fee" and not is_enforcement_cost(c))
        for c in case.amounts.components
    )
    uses = {"agreed": in_term, "overdue": overdue, "together": overdue and charged}
    return [article for use, article in LENDING_RULE_ARTICLES.items() if uses[use]]


def facts(case: CivilComplaint, agreed_court: bool = False) -> list[str]:
    """事实与理由, composed from the structured facts, then the user's own paragraph.
    ``agreed_court``: the jurisdiction clause leads to the court addressed."""
    contract = case.contract
    plaintiffs = "原告" + names([p.party for p in case.plaintiffs])
    debtors = "被告" + names(borrowers(case))
    number = f"（编号：{contract.number}）" if contract.number else ""
    place = f"在{case.loan.signed_place}" if case.loan and case.loan.signed_place else ""
    first = (
        f"{format_cn(contract.signed_on)}，{plaintiffs}与{debtors}{place}"
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
            f"{plaintiffs}于{format_cn(loan.delivered_on)}以{DELIVERY_LABELS[loan.delivery_method]}"
            f"方式向{debtors}实际出借{legal_amount(loan.delivered_amount)}"
        )
        if loan.agreed_rate:
            first += f"，约定利率为{loan.agreed_rate}"
        if loan.repayment_method:
            first += f"，约定还款方式为{loan.repayment_method}"
        first += f"，约定还款日期为{format_cn(contract.due_date)}。"
    else:
        first += f"依约{debtors}应于{format_cn(contract.due_date)}前清偿欠款。"
    paragraphs = [first]
    security = security_fact(case)
    if security is not None:
        paragraphs.append(security)
    suit = suit_dates(case)
    for d in case.defendants:
        if d.role == "guarantor" and d.guarantee is not None:
            source = d.guarantee.contract or (loan.guarantee_contract if loan else None)
            fixing = d.maximum_fixing  # a maximum guarantee's claims fixed early (art. 690(2))
            early = (fixing.on, fixing.reason("guarantee")) if fixing else None
            paragraphs.append(guarantee_fact(d.party.name, d.guarantee, source, suit, early))
    paragraphs.append(_breach(case, plaintiffs, debtors) + _still_unpaid(case, plaintiffs))
    if case.facts:
        paragraphs.append(case.facts)
    if case.jurisdiction_clause and agreed_court:
        # said only of the court the clause leads to: a court at no connecting point
        # is refused, and the clause is no ground for a court it does not name
        paragraphs.append(f"{case.jurisdiction_clause.rstrip('。')}，贵院对本案依法享有管辖权。")
    paragraphs.append(
        f"为维护{plaintiffs}的合法权益，根据{'、'.join(legal_basis(case))}等规定，"
        "特向贵院提起诉讼，请求判如所请。"
    )
    return paragraphs


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
    is silent on rounding): where halving the full fee as rounded to the fen gives another
    figure (2,664.99 → 1,332.50, not 1,332.49), the basis says which was halved."""
    halved = "，适用简易程序，依第十六条减半交纳" if procedure != "ordinary" else ""
    if halved and share_of_printed_differs(fee.full_fee, fee.fee, 2):
        halved += "，以四舍五入前的受理费全额减半计算"
    return (
        f"预交案件受理费：{legal_amount(fee.fee)}（按《诉讼费用交纳办法》第十三条"
        f"第（一）项计算{halved}）。"
    )
