"""民事起诉状 — the civil complaint, in two layouts from the same case data.

``layout: narrative`` is the classic form of 民事诉讼法 art. 124: party blocks, numbered
诉讼请求, 事实与理由, evidence and its sources, "此致 XX人民法院", the signatures and the
date. ``layout: elements`` is the Supreme People's Court's element-based form
(要素式起诉状, 法〔2025〕82号): the same facts as a table of questions answered with □/■
boxes. The form is the one of the case's cause, read from the contract's kind: 民间借贷纠纷
(layout ``elements``), 金融借款合同纠纷 (``elements_bank_loan``), 信用卡纠纷
(``elements_credit_card``) or 买卖合同纠纷 (``elements_sale``); the operator chooses 要素式,
never which form. Every layout prints the claims with amounts from the calculation
engine, the interest that keeps running "至实际清偿之日", and the acceptance fee estimate.

A complaint depends on the claim not being time-barred, so an expired limitation period is
an error here (the demand letter only warns) unless an interruption event that keeps the
claim alive, or the debtor's later agreement to pay, is recorded.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.complaint_attachments import attachments
from docgen.documents.complaint_basis import check_penalty_basis
from docgen.documents.complaint_branch_rules import check_branch_defendants
from docgen.documents.complaint_capacity import check_defendant_capacity
from docgen.documents.complaint_card import CardFacts
from docgen.documents.complaint_card_rules import check_card
from docgen.documents.complaint_cause_rules import check_bank_loan, check_cause_facts, check_sale
from docgen.documents.complaint_causes import BankLoanTerms, SaleFacts
from docgen.documents.complaint_evidence_names import check_evidence_names
from docgen.documents.complaint_evidence_rules import check_claims_evidence
from docgen.documents.complaint_form import SUBTITLES, form_sections
from docgen.documents.complaint_form_parts import NOTES, WARNING
from docgen.documents.complaint_form_rules import check_form_answers
from docgen.documents.complaint_guarantee import check_period_chosen
from docgen.documents.complaint_guarantor_alone import binding_clause
from docgen.documents.complaint_installments import check_installments
from docgen.documents.complaint_interest_paid import check_interest_paid
from docgen.documents.complaint_parts import (
    MEDIATION_LABELS,
    Acceleration,
    Defendant,
    Evidence,
    LoanFacts,
    MediationAnswers,
    Plaintiff,
    Preservation,
    RunningInterest,
    Witness,
)
from docgen.documents.complaint_party_rules import check_lenders, check_parties
from docgen.documents.complaint_reasons import facts
from docgen.documents.complaint_rules import (
    check_limitation,
    check_loan,
    check_preservation,
    check_running_interest,
)
from docgen.documents.complaint_security_rules import check_security
from docgen.documents.complaint_text import (
    claims,
    fee_line,
    parties_context,
    principal,
    suit_dates,
    witness_lines,
)
from docgen.documents.complaint_typed_charges import check_untraced_charges
from docgen.documents.complaint_venue import (
    branch_seat,
    check_guarantor_court,
    court_places,
    receiving_plaintiffs,
)
from docgen.documents.court_names import check_filed_court, court_name
from docgen.documents.court_parts import check_court, filing_signature
from docgen.documents.court_venue import (
    PROCEDURE_LABELS,
    check_procedure,
    check_venue,
    complaint_venue,
)
from docgen.documents.filenames import filename_part
from docgen.documents.guarantor_rules import check_sued_guarantor, fixed_early
from docgen.documents.note_rates import check_noted_rates
from docgen.documents.part_models import interruptions_field
from docgen.documents.parts import (
    ContractBasis,
    DebtAmounts,
    InterruptionInput,
    Latest,
    ResolvedAmounts,
    check_amounts,
)
from docgen.documents.problems import Assessment, Loc
from docgen.domain.court_fees import FeeResult, Procedure, acceptance_fee
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import ADVANCED
from docgen.domain.fields import CaseModel, Line, Paragraph, Text
from docgen.domain.money import legal_amount


class CivilComplaint(CaseModel):
    """The facts of a complaint for a money debt; both layouts print the same facts."""

    layout: Literal["narrative", "elements"] = Field(
        default="narrative",
        title="格式",
        description="要素式适用于民间借贷、金融借款合同、信用卡、买卖合同纠纷，表格按合同类型选定",
        json_schema_extra={"enum_titles": ["文书式（民事诉讼法第一百二十四条）", "要素式"]},
    )
    filing_date: date = Field(title="起诉日期")
    court: Line = Field(title="受诉人民法院", description="如 北京市东城区人民法院")
    plaintiffs: list[Plaintiff] = Field(title="原告", min_length=1, max_length=5)
    defendants: list[Defendant] = Field(title="被告", min_length=1, max_length=10)
    non_party_debtor: Line | None = Field(
        default=None,
        title="未列为被告的债务人",
        description="仅起诉连带责任保证人、未将借款人（债务人）列为被告的，填写债务人的姓名或名称"
        "（民法典第六百八十八条第二款）；起诉状称其为「案外人」",
        json_schema_extra=ADVANCED,
    )
    contract: ContractBasis = Field(title="借款合同")
    loan: LoanFacts | None = Field(
        default=None, title="借款事实", description="民间借贷、金融借款的要素式必填"
    )
    bank_terms: BankLoanTerms | None = Field(
        default=None, title="金融借款利率约定", description="金融借款的要素式必填"
    )
    sale: SaleFacts | None = Field(
        default=None, title="买卖事实", description="买卖合同的要素式必填"
    )
    card: CardFacts | None = Field(
        default=None, title="信用卡事实", description="信用卡的要素式必填"
    )
    amounts: DebtAmounts = Field(title="诉讼请求金额")
    running_interest: RunningInterest | None = Field(default=None, title="计至实际清偿之日的利息")
    cost_clause: Text | None = Field(
        default=None,
        title="律师费等实现债权费用的约定",
        description="主张律师费等费用的，写明合同中由被告负担该费用的条款，如 《借款合同》第十一条"
        "约定借款人承担出借人为实现债权支付的律师费",
    )
    acceleration: Acceleration | None = Field(default=None, title="提前到期（加速到期）")
    facts: Paragraph | None = Field(default=None, title="补充事实与理由")
    legal_basis: list[Line] = Field(
        default_factory=list, max_length=20, title="法律依据", description="不填则按案由列明"
    )
    evidence: list[Evidence] = Field(title="证据", min_length=1, max_length=50)
    exhibits_filed: int | None = Field(
        default=None,
        ge=1,
        title="随附证据材料份数",
        description="「附」写明的证据材料份数；不填的，按所列证据的项数（随起诉材料生成时按证据目录）",
        json_schema_extra=ADVANCED,
    )
    service_confirmation_filed: bool = Field(
        default=True,
        title="随附送达地址确认书",
        description="「附」列明各原告的送达地址确认书；不随起诉状提交的（如在立案窗口另行填写），"
        "请取消",
        json_schema_extra=ADVANCED,
    )
    witnesses: list[Witness] = Field(
        default_factory=list,
        max_length=20,
        title="证人",
        description="证人姓名、住所及其所知道的事实（民事诉讼法第一百二十四条）",
    )
    jurisdiction_clause: Text | None = Field(default=None, title="约定管辖条款")
    procedure: Literal["ordinary", "summary", "small_claims"] = Field(
        default="ordinary",
        title="审理程序",
        description="简易程序（含小额诉讼程序）案件受理费减半交纳，仅基层人民法院适用",
        json_schema_extra={"enum_titles": list(PROCEDURE_LABELS.values())},
    )
    rescind_contract: bool = Field(default=False, title="请求解除合同")
    preservation_applied: bool = Field(default=False, title="已申请财产保全")
    preservation: Preservation | None = Field(
        default=None,
        title="诉前保全",
        description="法院已采取诉前保全措施的，填写法院、时间和案号",
    )
    mediation: Literal["yes", "no", "undecided"] = Field(
        default="undecided",
        title="是否考虑先行调解",
        json_schema_extra={"enum_titles": list(MEDIATION_LABELS.values())},
    )
    mediation_answers: MediationAnswers | None = Field(default=None, title="对调解的了解（要素式）")
    prior_interruptions: list[InterruptionInput] = interruptions_field(
        "催收送达、还款、债务确认等；诉讼时效届满又无中断事由的，不能生成起诉状",
        title="诉讼时效中断事由",
        advanced=False,
    )


# --- rules --------------------------------------------------------------------------


def assess(case: CivilComplaint, options: RuleOptions) -> Assessment:
    """Cross-field rules of the complaint; computes amounts, the fee and the limitation."""
    result = Assessment()
    # what a filing bundle's cover lists: the complaint is the one source of its parties
    result.computed["filing"] = {
        "court": case.court,
        "plaintiffs": [p.party.name for p in case.plaintiffs],
        "plaintiff_kinds": sorted({p.party.kind for p in case.plaintiffs}),
        "defendants": [d.party.name for d in case.defendants],
    }
    check_parties(result, case)
    check_lenders(result, case)
    check_defendant_capacity(result, case)
    check_installments(result, case)
    check_court(result, case.court)
    # printed in full, of namesakes the one a connecting point lies in (court_names)
    court = check_filed_court(result, case.court, "起诉状", places=court_places(case))
    result.computed["court"] = result.computed["filing"]["printed_court"] = court
    # the venue is checked for the court the case told, its messages naming it as typed
    court = case.court if court == court_name(case.court) else court
    due = _check_due(result, case)
    # overdue from the day after the whole debt fell due (its due date or an earlier
    # acceleration); _check_due makes that day no later than the filing date
    result.computed["overdue_from"] = due + timedelta(days=1)
    resolved = check_amounts(
        result,
        case.amounts,
        ("amounts",),
        Latest(case.filing_date, "起诉日期", overdue_from=due + timedelta(days=1)),
        case.contract,
        options.lpr_table,
    )
    result.computed["amounts"] = resolved
    resolved.noted = check_noted_rates(
        result,
        case.amounts,
        principal(case),
        due + timedelta(days=1),
        options.lpr_table,
    )
    check_untraced_charges(result, case)
    check_cause_facts(result, case)
    check_loan(result, case, resolved)
    check_running_interest(result, case, options)
    check_bank_loan(result, case, resolved, options)
    check_card(result, case, resolved, options)
    check_sale(result, case, resolved, options, due + timedelta(days=1))
    check_limitation(result, case, due)
    _check_guarantees(result, case, resolved.total)
    check_security(result, case)
    check_claims_evidence(result, case)
    check_evidence_names(result, case)
    check_penalty_basis(result, case)
    check_preservation(result, case)
    check_branch_defendants(result, case)
    check_form_answers(result, case, result.computed["overdue_from"])
    check_interest_paid(result, case)
    if resolved.total > 0:
        venue = complaint_venue(
            resolved.total,
            [p.party for p in case.plaintiffs],
            [d.party for d in case.defendants],
            binding_clause(case),  # guarantor alone: 法释〔2020〕28号 art. 21(3)
            _signed_place(case),
        )
        # the complaint says the court has jurisdiction only where the clause leads there
        result.computed["agreed_court"] = check_venue(result, court, venue)
        if not any(p.loc == ("court",) for p in result.problems):
            # a joint suit goes where the main contract leads (complaint_venue)
            if not result.computed["agreed_court"]:
                check_guarantor_court(result, case, court)
            # a court found at the plaintiff's place alone says why (complaint_venue)
            result.computed["receiving"] = receiving_plaintiffs(case, court)
            result.computed["branch_seat"] = branch_seat(case, court)  # a branch at its seat
        check_procedure(result, case.procedure, court)
        # 诉讼费用交纳办法 art. 16: summary procedure, small claims included (民事诉讼法
        # art. 165 sits in its chapter on the summary procedure), halves the fee
        halved: Procedure = "ordinary" if case.procedure == "ordinary" else "summary"
        result.computed["court_fee"] = acceptance_fee(resolved.total, procedure=halved)
    return result


def _signed_place(case: CivilComplaint) -> str | None:
    """Where the contract was signed, a place a jurisdiction clause may name (art. 35)."""
    signed = case.loan or case.sale
    return signed.signed_place if signed else None


def _check_guarantees(result: Assessment, case: CivilComplaint, total: Decimal) -> None:
    suit = suit_dates(case)
    for i, defendant in enumerate(case.defendants):
        if defendant.role == "guarantor" and defendant.guarantee is not None:
            # a maximum guarantee fixed early: its period runs from that day (art. 690(2))
            fixing = defendant.maximum_fixing
            fixed = fixing.on if fixing and fixing.on >= case.contract.signed_on else None
            loc: Loc = ("defendants", i, "guarantee")
            check_period_chosen(result, defendant.guarantee, defendant.party.name, loc)
            check_sued_guarantor(
                result,
                fixed_early(defendant.guarantee, fixed),
                defendant.party.name,
                loc,
                suit,
                total,
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


def build_context(case: CivilComplaint, assessment: Assessment) -> dict[str, Any]:
    """The words of the complaint, pre-formatted, for the layout the case chose. The
    pleading states amounts and their basis in words; it carries no calculation sheet."""
    resolved: ResolvedAmounts = assessment.computed["amounts"]
    fee: FeeResult = assessment.computed["court_fee"]
    context: dict[str, Any] = {
        "title": "民事起诉状",
        "evidence": [
            {"no": e.number or i + 1, "name": e.name, "source": e.source, "purpose": e.purpose}
            for i, e in enumerate(case.evidence)
        ],
        "witnesses": witness_lines(case.witnesses),
        "court": assessment.computed.get("court") or court_name(case.court),
        # one word on every court paper, the element form too: a person 签名, an
        # organisation 盖章 with its representative's 签名 (样式: 起诉人（签名）)
        "signers": filing_signature("具状人", (p.party for p in case.plaintiffs)),
        "filing_date": format_cn(case.filing_date),
        "attachments": attachments(case),
    }
    if case.layout == "elements":
        context["subtitle"] = SUBTITLES.get(case.contract.kind, "")
        context["notes"] = list(NOTES)
        context["warning"] = list(WARNING)
        context["form"] = form_sections(case, resolved, fee, assessment.computed["overdue_from"])
        return context
    running = "，不含计至实际清偿之日的部分" if case.running_interest else ""
    context.update(parties_context(case))
    context["claims"] = claims(case, resolved)
    context["claim_total"] = (
        f"以上诉讼请求金额合计{legal_amount(resolved.total)}"
        f"（暂计至{format_cn(case.amounts.as_of)}{running}）。"
    )
    context["fee"] = fee_line(fee, case.procedure)
    context["facts"] = facts(
        case,
        assessment.computed.get("agreed_court", False),
        assessment.computed.get("receiving", []),
        assessment.computed.get("branch_seat", ""),
    )
    return context


def filename(case: CivilComplaint) -> str:
    """``民事起诉状-张伟-20261201`` — named after the first defendant."""
    defendant = filename_part(case.defendants[0].party.name)
    return f"民事起诉状-{defendant}-{case.filing_date:%Y%m%d}"


ELEMENT_LAYOUTS = {
    "financial_loan": "elements_bank_loan",
    "credit_card": "elements_credit_card",
    "sale": "elements_sale",
}
"""The element-based form of each cause but 民间借贷 (layout ``elements``)."""


def layout_of(case: CivilComplaint) -> str:
    """The case's layout: 要素式 prints the form of the contract's kind."""
    if case.layout != "elements":
        return case.layout
    return ELEMENT_LAYOUTS.get(case.contract.kind, "elements")


DOCUMENT: DocumentType[CivilComplaint] = DocumentType(
    name="civil_complaint",
    order=50,
    layouts={
        "narrative": "docgen.layouts.civil_complaint:build_narrative",
        "elements": "docgen.layouts.civil_complaint:build_elements",
        "elements_bank_loan": "docgen.layouts.civil_complaint:build_elements",
        "elements_sale": "docgen.layouts.civil_complaint:build_elements",
        "elements_credit_card": "docgen.layouts.civil_complaint:build_elements",
    },
    title="民事起诉状",
    description="向人民法院起诉追讨欠款的起诉状，可选文书式或要素式（民间借贷、金融借款、信用卡、买卖合同），"
    "列明诉讼请求、受理费估算",
    model=CivilComplaint,
    assess=assess,
    build_context=build_context,
    filename=filename,
    variant_of=layout_of,
    variants={
        "narrative": "文书式",
        "elements": "要素式",
        "elements_bank_loan": "要素式（金融借款合同纠纷）",
        "elements_sale": "要素式（买卖合同纠纷）",
        "elements_credit_card": "要素式（信用卡纠纷）",
    },
    file_stem="民事起诉状",
    bundle_part="complaint",
    court_filing=True,
)
