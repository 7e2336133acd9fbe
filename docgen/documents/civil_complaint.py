"""民事起诉状 — the civil complaint, in two layouts from the same case data.

``layout: narrative`` is the classic form of 民事诉讼法 art. 124: party blocks, numbered
诉讼请求, 事实与理由, evidence and its sources, "此致 XX人民法院", the signatures and the
date. ``layout: elements`` is the Supreme People's Court's element-based form for
民间借贷纠纷 (要素式起诉状, 法〔2025〕82号): the same facts as a table of questions answered
with □/■ boxes. Both print the claims with amounts from the calculation engine, the
interest that keeps running "至实际清偿之日", and the acceptance fee estimate.

A complaint depends on the claim not being time-barred, so an expired limitation period is
an error here (the demand letter only warns) unless an interruption event that keeps the
claim alive, or the debtor's later agreement to pay, is recorded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, field_validator

from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.court_parts import (
    AUTHORITY_LABELS,
    PROCEDURE_LABELS,
    Agent,
    ServiceAddress,
    block_lines,
    check_court,
    check_procedure,
    check_venue,
    complaint_venue,
)
from docgen.documents.guarantor_rules import SuitFacts, check_sued_guarantor, guarantee_fact
from docgen.documents.letter_rules import check_debtor_capacity
from docgen.documents.parts import (
    ContractBasis,
    DebtAmounts,
    InterruptionInput,
    RateInput,
    ResolvedAmounts,
    check_amounts,
    check_party,
    limitation_of,
    same_party,
)
from docgen.documents.problems import Assessment, Loc
from docgen.domain.caps import cap_percent
from docgen.domain.court_fees import FeeResult, Procedure, acceptance_fee
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Money, Paragraph, ShortText, Text
from docgen.domain.guarantee import Guarantee, claim_within_maximum
from docgen.domain.interest import RateSpec, describe_running_claim
from docgen.domain.lpr import LprNotAvailable, format_percent
from docgen.domain.money import format_yuan, legal_amount
from docgen.domain.parties import Organization, Party, Person

CHECKED = "■"
UNCHECKED = "□"
"""Box marks of the element-based form. ☑ is not in the Noto CJK fonts, and docgen never
prints a character its PDF fonts lack, so a chosen option is a filled box."""

ROLE_LABELS = {"borrower": "借款人（债务人）", "guarantor": "保证人", "other": "其他"}
GUARANTEE_LABELS: dict[str, str] = {"joint": "连带责任保证", "general": "一般保证"}
DELIVERY_LABELS = {"transfer": "银行转账", "cash": "现金", "mixed": "银行转账及现金"}
MEDIATION_LABELS = {"yes": "是", "no": "否", "undecided": "暂不确定"}


class Plaintiff(CaseModel):
    party: Party = Field(title="原告")
    agents: list[Agent] = Field(default_factory=list, max_length=2, title="委托诉讼代理人")
    service: ServiceAddress | None = Field(default=None, title="送达地址")


class Defendant(CaseModel):
    party: Party = Field(title="被告")
    role: Literal["borrower", "guarantor", "other"] = Field(
        default="borrower",
        title="诉讼地位",
        json_schema_extra={"enum_titles": list(ROLE_LABELS.values())},
    )
    guarantee: Guarantee | None = Field(
        default=None,
        title="保证",
        description="被告为保证人时必填：保证方式、保证期间、是否已在保证期间内主张权利",
    )

    @field_validator("guarantee", mode="before")
    @classmethod
    def _type_only(cls, value: Any) -> Any:
        """``"joint"`` / ``"general"`` alone (the earlier form) states the type only."""
        return {"type": value} if isinstance(value, str) else value


class LoanFacts(CaseModel):
    """How the loan was made and repaid (the element-based form asks for each fact)."""

    signed_place: Line | None = Field(default=None, title="合同签订地点")
    agreed_amount: Money = Field(title="约定借款金额（元）")
    delivered_amount: Money = Field(title="实际出借金额（元）")
    delivered_on: date = Field(title="出借日期")
    delivery_method: Literal["transfer", "cash", "mixed"] = Field(
        default="transfer",
        title="交付方式",
        json_schema_extra={"enum_titles": list(DELIVERY_LABELS.values())},
    )
    agreed_rate: Text | None = Field(
        default=None, title="约定利率", description="如 年利率6%（《借款合同》第三条）"
    )
    repayment_method: Text | None = Field(default=None, title="还款方式")
    repaid_principal: Money | None = Field(default=None, title="已还本金（元）")
    repaid_interest: Money | None = Field(default=None, title="已还利息（元）")
    collateral: Text | None = Field(default=None, title="抵押、质押等物的担保")
    guarantee_contract: Text | None = Field(
        default=None, title="保证合同", description="如 2025年1月10日被告李强签订《保证合同》"
    )


class RunningInterest(CaseModel):
    """Interest claimed from a date until actual payment (计至实际清偿之日)."""

    label: ShortText = Field(default="逾期利息", title="名称")
    base: Money | None = Field(default=None, title="计息基数（元）", description="不填则为本金")
    rate: RateInput = Field(title="利率")
    start: date = Field(title="起算日", description="应晚于欠款金额的截至日期，避免重复计算")


class Acceleration(CaseModel):
    """The whole loan fell due early under an acceleration clause (加速到期)."""

    clause: ShortText = Field(title="合同条款", description="如 第八条")
    declared_on: date = Field(title="宣布提前到期日期")


class Evidence(CaseModel):
    name: Line = Field(title="证据名称")
    source: Line = Field(title="证据来源")
    purpose: Text = Field(title="证明目的")


class CivilComplaint(CaseModel):
    """The facts of a complaint for a money debt; both layouts print the same facts."""

    layout: Literal["narrative", "elements"] = Field(
        default="narrative",
        title="格式",
        description="要素式仅适用于民间借贷纠纷",
        json_schema_extra={"enum_titles": ["文书式（民事诉讼法第一百二十四条）", "要素式"]},
    )
    filing_date: date = Field(title="起诉日期")
    court: Line = Field(title="受诉人民法院", description="如 北京市东城区人民法院")
    plaintiffs: list[Plaintiff] = Field(title="原告", min_length=1, max_length=5)
    defendants: list[Defendant] = Field(title="被告", min_length=1, max_length=10)
    contract: ContractBasis = Field(title="借款合同")
    loan: LoanFacts | None = Field(default=None, title="借款事实", description="要素式必填")
    amounts: DebtAmounts = Field(title="诉讼请求金额")
    running_interest: RunningInterest | None = Field(default=None, title="计至实际清偿之日的利息")
    acceleration: Acceleration | None = Field(default=None, title="提前到期（加速到期）")
    facts: Paragraph | None = Field(default=None, title="补充事实与理由")
    legal_basis: list[Line] = Field(
        default_factory=list, max_length=20, title="法律依据", description="不填则按案由列明"
    )
    evidence: list[Evidence] = Field(title="证据", min_length=1, max_length=50)
    jurisdiction_clause: Text | None = Field(default=None, title="约定管辖条款")
    procedure: Literal["ordinary", "summary", "small_claims"] = Field(
        default="ordinary",
        title="审理程序",
        description="简易程序（含小额诉讼程序）案件受理费减半交纳，仅基层人民法院适用",
        json_schema_extra={"enum_titles": list(PROCEDURE_LABELS.values())},
    )
    preservation_applied: bool = Field(default=False, title="已申请财产保全")
    mediation: Literal["yes", "no", "undecided"] = Field(
        default="undecided",
        title="是否考虑先行调解",
        json_schema_extra={"enum_titles": list(MEDIATION_LABELS.values())},
    )
    prior_interruptions: list[InterruptionInput] = Field(
        default_factory=list,
        max_length=50,
        title="诉讼时效中断事由",
        description="催收送达、还款、债务确认等；诉讼时效届满又无中断事由的，不能生成起诉状",
    )


# --- rules --------------------------------------------------------------------------


def assess(case: CivilComplaint, options: RuleOptions) -> Assessment:
    """Cross-field rules of the complaint; computes amounts, the fee and the limitation."""
    result = Assessment()
    # what a filing bundle's cover lists: the complaint is the one source of its parties
    result.computed["filing"] = {
        "court": case.court,
        "plaintiffs": [p.party.name for p in case.plaintiffs],
        "defendants": [d.party.name for d in case.defendants],
    }
    _check_parties(result, case)
    check_court(result, case.court)
    resolved = check_amounts(
        result,
        case.amounts,
        ("amounts",),
        case.filing_date,
        case.contract,
        options.lpr_table,
        latest_label="起诉日期",
    )
    result.computed["amounts"] = resolved
    _check_layout(result, case)
    _check_loan(result, case, resolved)
    due = _check_due(result, case)
    # overdue from the day after the whole debt fell due (its due date or an earlier
    # acceleration); _check_due makes that day no later than the filing date
    result.computed["overdue_from"] = due + timedelta(days=1)
    _check_running_interest(result, case, options)
    _check_limitation(result, case, due)
    _check_guarantees(result, case, resolved.total)
    if resolved.total > 0:
        venue = complaint_venue(
            resolved.total,
            [p.party for p in case.plaintiffs],
            [d.party for d in case.defendants],
            case.jurisdiction_clause,
        )
        check_venue(result, case.court, venue)
        check_procedure(result, case.procedure, case.court)
        # 诉讼费用交纳办法 art. 16: summary procedure, small claims included (民事诉讼法
        # art. 165 sits in its chapter on the summary procedure), halves the fee
        halved: Procedure = "ordinary" if case.procedure == "ordinary" else "summary"
        result.computed["court_fee"] = acceptance_fee(resolved.total, procedure=halved)
    return result


def _check_parties(result: Assessment, case: CivilComplaint) -> None:
    seen: list[Party] = []
    entries: list[tuple[str, int, Party]] = [
        ("plaintiffs", i, p.party) for i, p in enumerate(case.plaintiffs)
    ] + [("defendants", i, d.party) for i, d in enumerate(case.defendants)]
    for group, i, party in entries:
        loc: Loc = (group, i, "party")
        check_party(result, party, loc)
        if any(same_party(party, other) for other in seen):
            result.error(loc, "same_party", "同一当事人不能重复列明，原告与被告不能为同一主体")
        seen.append(party)
    for i, defendant in enumerate(case.defendants):
        check_debtor_capacity(
            result,
            defendant.party,
            ("defendants", i, "party"),
            case.filing_date,
            case.contract.signed_on,
        )
        if defendant.role == "guarantor" and defendant.guarantee is None:
            result.error(
                ("defendants", i, "guarantee"),
                "missing",
                "被告为保证人时，请选择保证方式（连带责任保证或一般保证）",
            )
        if defendant.role != "guarantor" and defendant.guarantee is not None:
            result.error(
                ("defendants", i, "guarantee"),
                "not_a_guarantor",
                "只有保证人才有保证方式；请将诉讼地位改为保证人，或删除保证方式",
            )
    if not any(d.role == "borrower" for d in case.defendants):
        result.error(("defendants",), "borrower_missing", "被告中应至少有一名借款人（债务人）")


def _check_guarantees(result: Assessment, case: CivilComplaint, total: Decimal) -> None:
    suit = SuitFacts(case.contract.signed_on, case.contract.due_date, case.filing_date, total)
    for i, defendant in enumerate(case.defendants):
        if defendant.role == "guarantor" and defendant.guarantee is not None:
            check_sued_guarantor(
                result,
                defendant.guarantee,
                defendant.party.name,
                ("defendants", i, "guarantee"),
                suit,
            )


def _check_layout(result: Assessment, case: CivilComplaint) -> None:
    if case.layout != "elements":
        return
    if case.contract.kind != "private_lending":
        result.error(
            ("layout",),
            "elements_not_available",
            "要素式起诉状目前仅提供民间借贷纠纷的格式，其他案由请选择文书式",
        )
    if case.loan is None:
        result.error(("loan",), "missing", "要素式起诉状须填写借款事实（约定及实际出借金额等）")


def _check_loan(result: Assessment, case: CivilComplaint, resolved: ResolvedAmounts) -> None:
    loan = case.loan
    if loan is None:
        return
    if loan.delivered_amount > loan.agreed_amount:
        result.error(
            ("loan", "delivered_amount"),
            "delivered_above_agreed",
            f"实际出借金额（人民币{format_yuan(loan.delivered_amount)}元）不应超过约定借款金额"
            f"（人民币{format_yuan(loan.agreed_amount)}元）",
        )
    if loan.delivered_on < case.contract.signed_on - timedelta(days=366):
        result.error(("loan", "delivered_on"), "implausible", "出借日期早于合同签订日期一年以上")
    outstanding = loan.delivered_amount - (loan.repaid_principal or Decimal(0))
    principal = [
        (i, value)
        for i, (c, value) in enumerate(zip(case.amounts.components, resolved.amounts, strict=True))
        if c.kind == "principal"
    ]
    claimed = sum((value for _, value in principal), Decimal(0))
    if principal and claimed > outstanding:
        first = principal[0][0]
        result.error(
            ("amounts", "components", first, "amount"),
            "principal_above_delivered",
            f"主张的本金（人民币{format_yuan(claimed)}元）超过实际出借金额减已还本金"
            f"（人民币{format_yuan(outstanding)}元）；借款本金以实际交付的金额为准"
            "（法释〔2020〕17号第二十六条）",
        )


def _check_due(result: Assessment, case: CivilComplaint) -> date:
    """The day the whole debt fell due (the contract's, or an earlier acceleration)."""
    contract = case.contract
    due = contract.due_date
    if case.acceleration is not None:
        declared = case.acceleration.declared_on
        if declared > case.filing_date:
            result.error(
                ("acceleration", "declared_on"),
                "after_filing",
                f"宣布提前到期日期（{format_cn(declared)}）不得晚于起诉日期"
                f"（{format_cn(case.filing_date)}）",
            )
        if declared < contract.signed_on:
            result.error(
                ("acceleration", "declared_on"),
                "before_contract",
                "宣布提前到期日期不得早于合同签订日期",
            )
        due = min(due, declared)
    if due >= case.filing_date:
        result.error(
            ("contract", "due_date"),
            "not_yet_due",
            f"债务尚未到期：到期日（{format_cn(due)}）应早于起诉日期"
            f"（{format_cn(case.filing_date)}）",
            hint="合同约定了提前到期条款且已宣布提前到期的，请填写「提前到期」",
        )
    if contract.signed_on > contract.due_date:
        result.error(("contract", "signed_on"), "signed_after_due", "合同签订日期不得晚于到期日")
    return due


def _check_running_interest(result: Assessment, case: CivilComplaint, options: RuleOptions) -> None:
    running = case.running_interest
    if running is None:
        return
    loc: Loc = ("running_interest",)
    if running.start <= case.amounts.as_of:
        result.error(
            (*loc, "start"),
            "overlaps_claimed_period",
            f"起算日（{format_cn(running.start)}）应晚于欠款金额的截至日期"
            f"（{format_cn(case.amounts.as_of)}），否则同一期间的利息被重复主张",
        )
    principal = sum(
        (c.amount or Decimal(0) for c in case.amounts.components if c.kind == "principal"),
        Decimal(0),
    )
    if running.base is not None and running.base > principal:
        result.error(
            (*loc, "base"),
            "base_above_principal",
            f"计息基数（人民币{format_yuan(running.base)}元）不得超过主张的本金"
            f"（人民币{format_yuan(principal)}元）",
        )
    if case.contract.kind != "private_lending":
        return
    try:
        annual, _ = running.rate.spec().annual_percent_on(running.start, options.lpr_table)
        cap = cap_percent(
            case.contract.signed_on, running.start, options.lpr_table, filing_date=case.filing_date
        )
    except (ValueError, LprNotAvailable) as exc:
        result.error((*loc, "rate"), "rate_not_computable", str(exc))
        return
    if annual > cap.annual_percent:
        result.error(
            (*loc, "rate"),
            "above_legal_cap",
            f"{_rate_text(running.rate.spec(), annual)}超过民间借贷"
            f"利率上限{cap.label}；{cap.basis}",
        )


def _rate_text(rate: RateSpec, annual: Decimal) -> str:
    if rate.kind == "annual":
        return rate.describe()
    return f"{rate.describe()}（折合年利率{format_percent(annual)}%）"


def _check_limitation(result: Assessment, case: CivilComplaint, due: date) -> None:
    """Block a complaint on a time-barred claim unless an interruption keeps it alive."""
    status = limitation_of(due, case.prior_interruptions, case.filing_date)
    result.computed["limitation"] = status
    if status.status == "expired" and not status.waived:
        recorded = (
            "已填写的中断事由均发生在期间届满之后或起算之前，不能中断时效；"
            if case.prior_interruptions
            else ""
        )
        result.error(
            ("contract", "due_date"),
            "limitation_expired",
            f"诉讼时效期间已于{format_cn(status.expires)}届满（自{format_cn(status.started_from)}"
            f"起算三年，《民法典》第一百八十八条），{recorded}起诉将面临被告的时效抗辩，"
            "不能生成起诉状",
            hint="如有催收送达、还款、债务确认等中断事由，请在「诉讼时效中断事由」中填写",
        )
    elif status.status == "expiring":
        result.warn(
            ("contract", "due_date"),
            "limitation_expiring",
            f"诉讼时效期间将于{format_cn(status.expires)}届满，仅剩{status.days_left}日，"
            "请尽快立案",
        )


# --- context ------------------------------------------------------------------------


def _names(parties: list[Party]) -> str:
    return "、".join(p.name for p in parties)


def _boxes(options: Mapping[str, str], chosen: str | None) -> str:
    """``■是 □否`` — every option with its box, the chosen one filled."""
    return "　".join(
        f"{CHECKED if key == chosen else UNCHECKED}{label}" for key, label in options.items()
    )


def _yes_no(value: bool, detail: str = "") -> str:
    yes = f"{CHECKED if value else UNCHECKED}是" + (f"（{detail}）" if value and detail else "")
    return f"{yes}　{UNCHECKED if value else CHECKED}否"


def _borrowers(case: CivilComplaint) -> list[Party]:
    return [d.party for d in case.defendants if d.role == "borrower"]


def _claims(case: CivilComplaint, resolved: ResolvedAmounts) -> list[str]:
    """The numbered 诉讼请求, in the order courts expect."""
    debtors = "被告" + _names(_borrowers(case))
    plaintiffs = "原告" + _names([p.party for p in case.plaintiffs])
    claims: list[str] = []
    for component, value in zip(case.amounts.components, resolved.amounts, strict=True):
        when = format_cn(component.as_of or case.amounts.as_of)
        label = component.display_label
        detail = f"（{component.note}）" if component.note else ""
        if component.kind == "principal":
            early = ""
            if case.acceleration is not None:
                early = (
                    f"（依《{case.contract.name}》{case.acceleration.clause}约定，借款已于"
                    f"{format_cn(case.acceleration.declared_on)}提前到期）"
                )
            claims.append(
                f"判令{debtors}向{plaintiffs}偿还{label}{legal_amount(value)}{early}{detail}；"
            )
        else:
            calc = component.calculation
            if calc is not None and not detail:
                base = calc.base if calc.base is not None else _principal(case)
                end = calc.end or component.as_of or case.amounts.as_of
                detail = (
                    f"（以{format_yuan(base)}元为基数，自{format_cn(calc.start)}起按"
                    f"{calc.rate.spec().describe()}计算至{format_cn(end)}）"
                )
            elif calc is None:
                detail = f"（暂计至{when}）{detail}"
            claims.append(f"判令{debtors}向{plaintiffs}支付{label}{legal_amount(value)}{detail}；")
    running = case.running_interest
    if running is not None:
        base = running.base if running.base is not None else _principal(case)
        claims.append(
            f"判令{debtors}向{plaintiffs}支付{running.label}："
            f"{describe_running_claim(base, running.rate.spec(), running.start)}；"
        )
    count = len(claims)
    for defendant in case.defendants:
        guarantee = defendant.guarantee
        if defendant.role != "guarantor" or guarantee is None:
            continue
        items = "第1项" if count == 1 else f"第1至{count}项"
        limit = claim_within_maximum(guarantee)
        if guarantee.resolved_type == "joint":
            claims.append(
                f"判令被告{defendant.party.name}对上述{items}债务{limit}承担连带清偿责任；"
            )
        else:
            # 担保制度解释 art. 26(2): a general guarantor answers only for what enforcement
            # against the debtor's property leaves unpaid
            claims.append(
                f"判令被告{defendant.party.name}对上述{items}债务在{debtors}的财产依法强制执行"
                f"后仍不能履行的部分{limit}承担保证责任；"
            )
    claims.append("判令本案诉讼费用由被告承担。")
    return claims


def _principal(case: CivilComplaint) -> Decimal:
    return sum(
        (c.amount or Decimal(0) for c in case.amounts.components if c.kind == "principal"),
        Decimal(0),
    )


CIVIL_CODE = "《中华人民共和国民法典》"
LENDING_ARTICLES = ("第六百六十七条", "第六百七十四条", "第六百七十五条", "第六百七十六条")
CONTRACT_ARTICLES = ("第五百零九条", "第五百七十七条", "第五百七十九条")
GUARANTEE_ARTICLES = {"general": "第六百八十七条", "joint": "第六百八十八条"}
LENDING_RULES = "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》"
PROCEDURE_LAW = "《中华人民共和国民事诉讼法》第一百二十二条"


def _legal_basis(case: CivilComplaint) -> list[str]:
    """The laws relied on: as typed, or the usual articles for the kind of debt."""
    if case.legal_basis:
        return list(case.legal_basis)
    lending = case.contract.kind == "private_lending"
    articles = list(LENDING_ARTICLES if lending else CONTRACT_ARTICLES)
    given = [d.guarantee for d in case.defendants if d.guarantee is not None]
    kinds = {g.resolved_type for g in given}
    if any(g.type == "not_stated" for g in given):
        articles.append("第六百八十六条")
    articles += [GUARANTEE_ARTICLES[g] for g in ("general", "joint") if g in kinds]
    if any(g.maximum is not None for g in given):
        articles.append("第六百九十条")
    basis = [CIVIL_CODE + "、".join(articles)]
    if lending:
        basis.append(LENDING_RULES)
    return [*basis, PROCEDURE_LAW]


def _facts(case: CivilComplaint) -> list[str]:
    """事实与理由, composed from the structured facts, then the user's own paragraph."""
    contract = case.contract
    plaintiffs = "原告" + _names([p.party for p in case.plaintiffs])
    debtors = "被告" + _names(_borrowers(case))
    number = f"（编号：{contract.number}）" if contract.number else ""
    place = f"在{case.loan.signed_place}" if case.loan and case.loan.signed_place else ""
    first = (
        f"{format_cn(contract.signed_on)}，{plaintiffs}与{debtors}{place}"
        f"签订《{contract.name}》{number}。"
    )
    if contract.summary:
        first += contract.summary.rstrip("。") + "。"
    loan = case.loan
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
    for d in case.defendants:
        if d.role == "guarantor" and d.guarantee is not None:
            source = d.guarantee.contract or (loan.guarantee_contract if loan else None)
            paragraphs.append(
                guarantee_fact(
                    d.party.name, d.guarantee, source, case.contract.due_date, case.filing_date
                )
            )
    breach = f"借款到期后，{debtors}未依约清偿"
    if loan and (loan.repaid_principal or loan.repaid_interest):
        repaid = []
        if loan.repaid_principal:
            repaid.append(f"本金人民币{format_yuan(loan.repaid_principal)}元")
        if loan.repaid_interest:
            repaid.append(f"利息人民币{format_yuan(loan.repaid_interest)}元")
        breach = f"{debtors}仅偿还{'、'.join(repaid)}，" + breach.replace("借款到期后，", "")
    if case.acceleration is not None:
        breach += (
            f"；依《{contract.name}》{case.acceleration.clause}约定，{plaintiffs}已于"
            f"{format_cn(case.acceleration.declared_on)}宣布借款提前到期"
        )
    breach += f"，经{plaintiffs}多次催收仍未履行。"
    paragraphs.append(breach)
    if case.facts:
        paragraphs.append(case.facts)
    if case.jurisdiction_clause:
        paragraphs.append(f"{case.jurisdiction_clause.rstrip('。')}，贵院对本案依法享有管辖权。")
    paragraphs.append(
        f"为维护{plaintiffs}的合法权益，根据{'、'.join(_legal_basis(case))}等规定，"
        "特向贵院提起诉讼，请求判如所请。"
    )
    return paragraphs


def _parties_context(case: CivilComplaint) -> dict[str, Any]:
    """One line per party block: full identities (a court needs them), then agents."""
    lines: list[str] = []
    for p in case.plaintiffs:
        lines += block_lines("原告", p.party, p.agents, p.service)
    for d in case.defendants:
        lines += block_lines("被告", d.party)
    return {"parties": lines}


def _person_form(person: Person) -> str:
    rows = [
        f"姓名：{person.name}",
        "性别：" + _boxes({"男": "男", "女": "女"}, person.sex),
        f"出生日期：{format_cn(person.birth_date) if person.birth_date else ''}",
        f"民族：{person.ethnicity or ''}",
        f"工作单位：{person.employer or ''}　职务：{person.position or ''}",
        f"住所地（户籍所在地）：{person.address}",
        f"经常居住地：{person.habitual_residence or ''}",
        f"证件类型：{person.id_type}　证件号码：{person.id_number or ''}",
        f"联系电话：{person.phone or ''}",
    ]
    return "；".join(rows)


def _org_form(org: Organization) -> str:
    rows = [
        f"名称：{org.name}",
        f"住所地（主要办事机构所在地）：{org.address}",
        f"{org.representative_title}：{org.legal_representative}",
        f"统一社会信用代码：{org.uscc}",
        f"类型：{org.org_type or ''}",
        f"联系电话：{org.phone or ''}",
    ]
    return "；".join(rows)


def _party_form(party: Party) -> tuple[str, str]:
    if isinstance(party, Person):
        return "（自然人）", _person_form(party)
    return "（法人、非法人组织）", _org_form(party)


def _form(
    case: CivilComplaint, resolved: ResolvedAmounts, fee: FeeResult, overdue_from: date
) -> list[dict[str, Any]]:
    """The element-based form: sections of (question, answer) rows."""
    sections: list[dict[str, Any]] = []
    parties: list[dict[str, str]] = []
    for p in case.plaintiffs:
        kind, text = _party_form(p.party)
        parties.append({"label": "原告" + kind, "value": text})
        agents = "；".join(
            f"姓名：{a.name}　单位：{a.firm}　职务：{a.position}　联系电话：{a.phone}　代理权限："
            + _boxes(AUTHORITY_LABELS, a.authority)
            for a in p.agents
        )
        parties.append(
            {
                "label": "委托诉讼代理人",
                "value": _yes_no(bool(p.agents)) + (f"；{agents}" if agents else ""),
            }
        )
        if p.service is not None:
            s = p.service
            electronic = _yes_no(s.electronic, f"电子邮箱：{s.email}" if s.email else "")
            parties.append(
                {
                    "label": "送达地址（所填信息除书面特别声明更改外，适用于案件所有后续程序）"
                    "及收件人、联系电话",
                    "value": f"地址：{s.address}；收件人：{s.recipient}；电话：{s.phone}；"
                    f"是否接受电子送达：{electronic}",
                }
            )
    for d in case.defendants:
        kind, text = _party_form(d.party)
        parties.append({"label": "被告" + kind, "value": text})
    sections.append({"title": "当事人信息", "rows": parties})

    principal = _principal(case)
    interest_rows = [
        (c, v)
        for c, v in zip(case.amounts.components, resolved.amounts, strict=True)
        if c.kind == "interest"
    ]
    interest_total = sum((v for _, v in interest_rows), Decimal(0))
    running = case.running_interest
    interest_text = (
        f"截至{format_cn(case.amounts.as_of)}止，欠利息人民币{format_yuan(interest_total)}元；"
        "是否请求支付至实际清偿之日止："
        + _yes_no(
            running is not None,
            describe_running_claim(running.base or principal, running.rate.spec(), running.start)
            if running
            else "",
        )
    )
    fees = [
        (c, v)
        for c, v in zip(case.amounts.components, resolved.amounts, strict=True)
        if c.kind in ("fee", "penalty", "other")
    ]
    fee_text = "；".join(f"{c.display_label}人民币{format_yuan(v)}元" for c, v in fees)
    guarantors = [
        (d.party.name, d.guarantee)
        for d in case.defendants
        if d.role == "guarantor" and d.guarantee is not None
    ]
    guarantee_text = "；".join(
        f"被告{name}{claim_within_maximum(g)}承担{g.label}责任" for name, g in guarantors
    )
    accel = case.acceleration
    claims = [
        {
            "label": "1. 本金",
            "value": f"截至{format_cn(case.amounts.as_of)}止，"
            f"尚欠本金人民币{format_yuan(principal)}元",
        },
        {"label": "2. 利息（复利、罚息）", "value": interest_text},
        {
            "label": "3. 是否要求提前还款或解除合同",
            "value": _yes_no(
                accel is not None,
                f"提前还款（加速到期），依合同{accel.clause}于{format_cn(accel.declared_on)}宣布"
                if accel
                else "",
            ),
        },
        {"label": "4. 是否主张担保权利", "value": _yes_no(bool(guarantors), guarantee_text)},
        {"label": "5. 是否主张实现债权的费用及违约金", "value": _yes_no(bool(fees), fee_text)},
        {"label": "6. 诉讼费用承担", "value": "由被告承担"},
        {
            "label": "7. 标的总额",
            "value": f"{legal_amount(resolved.total)}（暂计至{format_cn(case.amounts.as_of)}）",
        },
        {"label": "8. 案件受理费（估算）", "value": f"{legal_amount(fee.fee)}"},
        {"label": "9. 请求依据", "value": "；".join(_legal_basis(case))},
    ]
    sections.append({"title": "诉讼请求和依据", "rows": claims})

    sections.append(
        {
            "title": "约定管辖和诉讼保全",
            "rows": [
                {
                    "label": "1. 有无仲裁、法院管辖约定",
                    "value": _yes_no(
                        case.jurisdiction_clause is not None, case.jurisdiction_clause or ""
                    ),
                },
                {
                    "label": "2. 是否已申请诉前或诉讼财产保全",
                    "value": _yes_no(case.preservation_applied),
                },
            ],
        }
    )

    contract = case.contract
    loan = case.loan
    facts: list[dict[str, str]] = [
        {
            "label": "1. 合同签订情况（名称、编号、签订时间、地点）",
            "value": f"《{contract.name}》；编号：{contract.number or '无'}；签订时间："
            f"{format_cn(contract.signed_on)}；"
            f"签订地点：{(loan.signed_place if loan else None) or ''}",
        },
        {
            "label": "2. 签订主体",
            "value": f"出借人：{_names([p.party for p in case.plaintiffs])}；"
            f"借款人：{_names(_borrowers(case))}",
        },
    ]
    if loan is not None:
        facts += [
            {
                "label": "3. 借款金额",
                "value": f"约定：人民币{format_yuan(loan.agreed_amount)}元；实际提供："
                f"人民币{format_yuan(loan.delivered_amount)}元",
            },
            {
                "label": "4. 借款期限",
                "value": f"{format_cn(loan.delivered_on)}至{format_cn(contract.due_date)}",
            },
            {
                "label": "5. 借款利率",
                "value": _yes_no(loan.agreed_rate is not None, loan.agreed_rate or ""),
            },
            {
                "label": "6. 借款提供时间及方式",
                "value": f"{format_cn(loan.delivered_on)}；"
                + _boxes(DELIVERY_LABELS, loan.delivery_method),
            },
            {"label": "7. 还款方式", "value": loan.repayment_method or ""},
            {
                "label": "8. 还款情况",
                "value": f"已还本金：人民币{format_yuan(loan.repaid_principal or Decimal(0))}元；"
                f"已还利息：人民币{format_yuan(loan.repaid_interest or Decimal(0))}元",
            },
            {
                "label": "9. 是否存在逾期还款",
                "value": _yes_no(True, f"自{format_cn(overdue_from)}起逾期"),
            },
            {
                "label": "10. 是否签订物的担保（抵押、质押）合同",
                "value": _yes_no(loan.collateral is not None, loan.collateral or ""),
            },
            {
                "label": "11. 是否签订保证合同",
                "value": _yes_no(bool(guarantors), loan.guarantee_contract or ""),
            },
            {
                "label": "12. 保证方式",
                "value": _boxes(
                    GUARANTEE_LABELS,
                    guarantors[0][1].resolved_type if guarantors else None,
                ),
            },
        ]
    other = "；".join(t for t in (contract.summary, case.facts) if t)
    facts.append({"label": "13. 其他需要说明的内容", "value": other})
    sections.append({"title": "事实与理由", "rows": facts})
    sections.append(
        {
            "title": "调解意愿",
            "rows": [
                {"label": "是否考虑先行调解", "value": _boxes(MEDIATION_LABELS, case.mediation)}
            ],
        }
    )
    return sections


def build_context(case: CivilComplaint, assessment: Assessment) -> dict[str, Any]:
    """The words of the complaint, pre-formatted, for the layout the case chose."""
    resolved: ResolvedAmounts = assessment.computed["amounts"]
    fee: FeeResult = assessment.computed["court_fee"]
    context: dict[str, Any] = {
        "title": "民事起诉状",
        "evidence": [
            {"no": i + 1, "name": e.name, "source": e.source, "purpose": e.purpose}
            for i, e in enumerate(case.evidence)
        ],
        "calculations": resolved.sheets,
        "court": case.court,
        "signers": [
            p.party.name + ("（签字）" if isinstance(p.party, Person) else "（盖章）")
            for p in case.plaintiffs
        ],
        "filing_date": format_cn(case.filing_date),
        "copies": len(case.defendants),
    }
    if case.layout == "elements":
        context["subtitle"] = "（民间借贷纠纷）"
        context["form"] = _form(case, resolved, fee, assessment.computed["overdue_from"])
        return context
    running = "，不含计至实际清偿之日的部分" if case.running_interest else ""
    context.update(_parties_context(case))
    context["claims"] = _claims(case, resolved)
    context["claim_total"] = (
        f"以上诉讼请求金额合计{legal_amount(resolved.total)}"
        f"（暂计至{format_cn(case.amounts.as_of)}{running}）。"
    )
    context["fee"] = {"amount": legal_amount(fee.fee), "basis": fee.basis}
    context["facts"] = _facts(case)
    return context


_UNSAFE_FILENAME = re.compile(r"[\\/:*?\"<>|\s]+")


def filename(case: CivilComplaint) -> str:
    """``民事起诉状-张伟-20261201`` — named after the first defendant."""
    defendant = _UNSAFE_FILENAME.sub("_", case.defendants[0].party.name)[:40]
    return f"民事起诉状-{defendant}-{case.filing_date:%Y%m%d}"


def layout_of(case: CivilComplaint) -> str:
    return case.layout


DOCUMENT: DocumentType[CivilComplaint] = DocumentType(
    name="civil_complaint",
    title="民事起诉状",
    description="向人民法院起诉追讨欠款的起诉状，可选文书式或民间借贷要素式，列明诉讼请求、受理费估算",
    model=CivilComplaint,
    assess=assess,
    build_context=build_context,
    filename=filename,
    variant_of=layout_of,
    variants={"narrative": "文书式", "elements": "要素式"},
)
