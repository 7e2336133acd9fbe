"""债务确认书 — the debt confirmation.

The debtor confirms to the creditor how the debt arose and what it amounts to, by
component as of a date, that it is true, lawful and undisputed, and optionally how it
will be repaid. Signed before the limitation period ends it restarts the period; signed
after, the debtor may no longer plead the time bar (民法典 art. 192(2)) — provided it shows
the debtor agreeing to pay, so a confirmation without a plan or a day to pay says so, and
one signed after the period may have run says that the debtor knows it
(:mod:`docgen.documents.agreement_time_bar`). A person signs and presses a fingerprint, an
organisation seals and its legal representative signs.

Read as the debtor and as a judge, a confirmation that promises payment also says where
to pay (the account is required with a plan or a pay-by date), what follows a missed
installment (the whole remainder falls due), what interest runs after the cut-off date
(on the unpaid principal only, at the agreed rate or the one-year LPR, until paid), which
court hears a dispute (民事诉讼法 art. 35) and where each party accepts documents; the
text ends with 「（以下无正文）」 before the signatures. A guardian signing for a debtor who
made the contract with limited capacity also ratifies it (民法典 art. 145). The interest
after the cut-off date is in :mod:`docgen.documents.debt_confirmation_interest`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import Field

from docgen.documents.agreement_agents import (
    AuthorisedAgent,
    agent_field,
    agents_sentence,
    check_agent,
    signed_by_agent,
    with_agent,
)
from docgen.documents.agreement_guarantor import original_rights_kept
from docgen.documents.agreement_recital import (
    CapacityFinding,
    capacity_finding_field,
    check_capacity_finding,
    due_by,
    guardian_basis,
)
from docgen.documents.agreement_signing import (
    annex_note,
    every_page_text,
    sign_every_page_field,
    with_annex,
)
from docgen.documents.agreement_terms import (
    Jurisdiction,
    ServiceAddress,
    check_jurisdiction,
    guardian_ratifies,
    jurisdiction_text,
    principal_of,
    service_context,
)
from docgen.documents.agreement_time_bar import check_payment_day, check_time_bar, debtor_waiver
from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.debt_confirmation_interest import (
    LATER_LPR,
    LaterInterest,
    check_later_interest,
    check_plan_late_interest,
    chosen_later,
    later_interest_text,
    plan_late_text,
)
from docgen.documents.debt_confirmation_terms import (
    check_origin_guarantors,
    check_pay_date,
    compute_plan_splits,
    plan_splits_of,
    promise_terms,
    reserves,
)
from docgen.documents.filenames import filename_part
from docgen.documents.guardian_rules import check_agreement_parties
from docgen.documents.letter_rules import check_payment_account
from docgen.documents.part_models import interruptions_field
from docgen.documents.parts import (
    BankAccount,
    ContractBasis,
    DebtAmounts,
    InterruptionInput,
    Latest,
    RateInput,
    ResolvedAmounts,
    amounts_context,
    check_amounts,
    check_party,
    party_context,
    same_party,
    signer_context,
)
from docgen.documents.plan_columns import columns_context
from docgen.documents.problems import Assessment
from docgen.documents.rest_day_dates import DueDay, check_due_days
from docgen.documents.rest_days import rest_day_clause
from docgen.documents.sale_late_charges import (
    PastLateBasis,
    PastLateCharges,
    basis_text,
    check_past_late_charges,
    past_late_basis_field,
    past_late_charges_clause,
    past_late_charges_field,
    waived_on_performance,
)
from docgen.documents.signed_amounts import check_signed_components, with_formulas
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import ADVANCED
from docgen.domain.fields import CaseModel, Line, Money
from docgen.domain.money import format_yuan, legal_amount, to_fen
from docgen.domain.parties import Party
from docgen.domain.schedule import InstallmentSplit, first_non_increasing


class PlanRow(CaseModel):
    """One repayment the debtor promises."""

    due_date: date = Field(title="还款日期")
    amount: Money = Field(title="还款金额（元）")


class DebtConfirmation(CaseModel):
    """The facts of a debt confirmation; every one is required unless marked optional."""

    confirm_date: date = Field(title="确认日期")
    creditor: Party = Field(title="债权人（甲方）")
    debtor: Party = Field(title="债务人（乙方）")
    origin: ContractBasis = Field(title="债务形成", description="合同名称、签订日期、到期日及经过")
    amounts: DebtAmounts = Field(title="确认的欠款金额")
    repayment_plan: list[PlanRow] = Field(
        default_factory=list,
        max_length=120,
        title="还款计划",
        description="可不填；填写时各期合计须等于确认的欠款总额",
    )
    pay_by: date | None = Field(
        default=None, title="一次性清偿日期", description="不填还款计划时，可约定一次性清偿的日期"
    )
    pay_on_notice_days: int | None = Field(
        default=None,
        ge=1,
        le=90,
        title="收到付款通知后的付款期限（日）",
        description="不约定还款计划和一次性清偿日期的，可约定乙方于收到甲方书面付款通知之日起若干日内"
        "清偿（民法典第五百一十一条第四项）",
    )
    payment_account: BankAccount | None = Field(
        default=None,
        title="收款账户",
        description="填写还款计划、一次性清偿日期或付款期限时必填；不约定清偿期限的，填写后也印入",
    )
    past_late_charges: PastLateCharges = past_late_charges_field()
    past_late_basis: PastLateBasis | None = past_late_basis_field()
    signing_place: Line | None = Field(default=None, title="签署地点")
    later_interest: LaterInterest = Field(
        default_factory=LaterInterest,
        title="截至日之后的利息",
        description="以尚未清偿的本金为基数，计算至实际清偿之日",
    )
    late_interest: RateInput | None = Field(
        default=None,
        title="逾期利率",
        description="可在填写还款计划时约定：任何一期逾期未付的，逾期未付的本金按此利率计付逾期"
        "利息至实际清偿之日，逾期期间不再另计截至日之后的利息；不填则不约定逾期利息；"
        "民间借贷不得超过合同成立时一年期LPR的四倍",
    )
    jurisdiction: Jurisdiction = Field(default_factory=Jurisdiction, title="争议解决")
    creditor_service: ServiceAddress | None = Field(
        default=None, title="甲方送达地址", description="不填则为甲方住所地"
    )
    debtor_service: ServiceAddress | None = Field(
        default=None, title="乙方送达地址", description="不填则为乙方住所地"
    )
    creditor_agent: AuthorisedAgent | None = agent_field("甲方")
    debtor_agent: AuthorisedAgent | None = agent_field("乙方")
    debtor_capacity_finding: CapacityFinding | None = capacity_finding_field()
    origin_guarantors: list[Line] = Field(
        default_factory=list,
        max_length=20,
        title="原合同的保证人",
        description="原合同有保证人的，逐一填写其姓名或名称；本确认书的还款日期晚于原履行期限的，"
        "未书面同意的保证人，其保证期间不因此延长",
        json_schema_extra=ADVANCED,
    )
    origin_guarantee_ends: date | None = Field(
        default=None,
        title="原保证期间届满日",
        description="原保证合同约定了保证期间的，填写其届满日；不填则按未约定计算：主债务履行期限"
        "届满之日起六个月（民法典第六百九十二条第二款）",
        json_schema_extra=ADVANCED,
    )
    prior_interruptions: list[InterruptionInput] = interruptions_field(
        "此前的催收送达、还款、债务确认等，用于判断确认时诉讼时效是否可能已届满"
    )
    sign_every_page: bool = sign_every_page_field()


# --- rules --------------------------------------------------------------------------


def assess(case: DebtConfirmation, options: RuleOptions) -> Assessment:
    """Cross-field rules: the parties differ, amounts add up, the plan pays the total."""
    result = Assessment()
    check_party(result, case.creditor, ("creditor",))
    check_party(result, case.debtor, ("debtor",))
    check_agreement_parties(
        result, case.confirm_date, case.creditor, case.debtor, contracted=case.origin.signed_on
    )
    check_capacity_finding(result, case.debtor, case.debtor_capacity_finding, case.confirm_date)
    if case.payment_account is not None:
        check_payment_account(result, case.payment_account.account_name, case.creditor)
    if same_party(case.creditor, case.debtor):
        result.error(("debtor",), "same_party", "债务人与债权人不能为同一主体")
    check_agent(result, "creditor_agent", "甲方", case.creditor, case.creditor_agent, "本确认书")
    check_agent(result, "debtor_agent", "乙方", case.debtor, case.debtor_agent, "本确认书")
    resolved = check_amounts(
        result,
        case.amounts,
        ("amounts",),
        Latest(case.confirm_date),
        case.origin,
        options.lpr_table,
    )
    result.computed["amounts"] = resolved
    check_signed_components(result, case.amounts, case.origin, ("amounts",))
    if case.origin.signed_on > case.confirm_date:
        result.error(
            ("origin", "signed_on"), "signed_after_confirmation", "合同签订日期不得晚于确认日期"
        )
    if case.repayment_plan and case.pay_by is not None:
        result.error(("pay_by",), "plan_and_pay_by", "还款计划与一次性清偿日期只能填写其一")
    if case.pay_by is not None and case.pay_by <= case.confirm_date:
        result.error(("pay_by",), "pay_by_not_after_confirmation", "一次性清偿日期应晚于确认日期")
    check_plan(result, case.repayment_plan, resolved.total, case.confirm_date, ("repayment_plan",))
    check_due_days(result, _due_days(case), "本确认书", "还款")
    check_past_late_charges(
        result, case.past_late_charges, case.origin, case.amounts, case.past_late_basis
    )
    promised = bool(case.repayment_plan) or case.pay_by is not None
    promised = promised or case.pay_on_notice_days is not None
    if promised and case.payment_account is None:
        result.error(
            ("payment_account",),
            "missing",
            "乙方承诺还款时，请填写甲方收款账户，写明乙方应付至何处",
        )
    result.computed["time_barred"] = check_time_bar(
        result,
        case.origin,
        case.prior_interruptions,
        case.confirm_date,
        "本确认书",
    )
    check_payment_day(
        result, case.origin, case.prior_interruptions, case.confirm_date, case.amounts, "本确认书"
    )
    check_pay_date(result, case, result.computed["time_barred"])
    check_origin_guarantors(result, case)
    check_later_interest(result, case, options)
    check_plan_late_interest(result, case, options)
    parties, scope = [case.creditor, case.debtor], ("本确认书", case.origin.name)
    check_jurisdiction(
        result, case.jurisdiction, case.signing_place, parties, resolved.total, scope
    )
    compute_plan_splits(result, case, resolved, options)
    return result


def _due_days(case: DebtConfirmation) -> list[DueDay]:
    """The dates the confirmation sets for paying: each installment's, or the one day."""
    plan = case.repayment_plan
    if plan:
        return [
            DueDay(("repayment_plan", i, "due_date"), i + 1, r.due_date) for i, r in enumerate(plan)
        ]
    return [DueDay(("pay_by",), None, case.pay_by)] if case.pay_by else []


def check_plan(
    result: Assessment, rows: list[PlanRow], total: Decimal, after: date, loc: tuple[str, ...]
) -> None:
    """A repayment plan pays exactly ``total`` on strictly increasing dates after ``after``."""
    if not rows:
        return
    if rows[0].due_date <= after:
        result.error(
            (*loc, 0, "due_date"),
            "plan_starts_too_early",
            f"第一期还款日期应晚于签署日期（{format_cn(after)}）",
        )
    bad = first_non_increasing([r.due_date for r in rows])
    if bad is not None:
        result.error(
            (*loc, bad, "due_date"),
            "dates_not_increasing",
            f"第{bad + 1}期还款日期应晚于第{bad}期（{format_cn(rows[bad - 1].due_date)}）",
        )
    planned = sum((to_fen(r.amount) for r in rows), Decimal(0))
    if planned != total:
        result.error(
            loc,
            "plan_total_mismatch",
            f"还款计划各期合计人民币{format_yuan(planned)}元，应等于欠款总额"
            f"人民币{format_yuan(total)}元（相差{format_yuan(abs(planned - total))}元）",
        )


# --- context ------------------------------------------------------------------------


def plan_rows(rows: list[PlanRow]) -> list[dict[str, str]]:
    return [
        {"no": str(i + 1), "due": format_cn(r.due_date), "amount": format_yuan(to_fen(r.amount))}
        for i, r in enumerate(rows)
    ]


def _columns(
    case: DebtConfirmation, resolved: ResolvedAmounts, splits: list[InstallmentSplit] | None
) -> dict[str, Any]:
    """The plan by column (本金／其他欠款／利息／合计), when its interest could be computed."""
    if not splits:
        return {"columns": False}
    principal = principal_of(case.amounts, resolved)
    label = case.amounts.principal_label
    return {"columns": True, **columns_context(splits, principal, resolved.total, label)}


def _reservation(case: DebtConfirmation, arranged: bool) -> str:
    amounts = case.amounts
    confirmed = "上述款项" if len(amounts.components) > 1 else f"上述{amounts.principal_label}"
    if case.past_late_charges == "waived_on_performance":
        return waived_on_performance("本确认书", case.origin.name, amounts.as_of, arranged)
    return past_late_charges_clause(
        "本确认书", case.origin.name, amounts.as_of, confirmed, arranged=arranged
    ) + basis_text(case.past_late_basis)


def build_context(case: DebtConfirmation, assessment: Assessment) -> dict[str, Any]:
    origin = case.origin
    number = f"（合同编号：{origin.number}）" if origin.number else ""
    summary = origin.summary or ""
    if summary and not summary.endswith(("。", "！", ".")):
        summary += "。"
    facts = (
        f"甲乙双方于{format_cn(origin.signed_on)}签订《{origin.name}》{number}。{summary}"
        f"根据约定，乙方{due_by(origin.due_date)}向甲方清偿相应款项。"
        f"{guardian_basis(case.debtor, case.debtor_capacity_finding, case.confirm_date)}"
        f"{guardian_ratifies(case.debtor, origin, '本确认书')}"
    )
    resolved = assessment.computed["amounts"]
    amounts = with_formulas(amounts_context(case.amounts, resolved), case.amounts, resolved)
    plan_intro, default = promise_terms(case, assessment)
    # a confirmation binds once it shows the debtor agreeing to pay (诉讼时效规定 art. 19):
    # a plan or a day says so; without either, the confirmation says it in words
    agrees = "" if plan_intro else "，并同意向甲方清偿上述债务"
    return {
        "title": "债务确认书",
        "creditor": with_agent(party_context(case.creditor, mask_ids=False), case.creditor_agent),
        "debtor": with_agent(party_context(case.debtor, mask_ids=False), case.debtor_agent),
        "facts": facts,
        "amounts": amounts,
        "no_dispute": f"乙方确认上述债务真实、合法、有效，乙方对上述债务无任何异议{agrees}。",
        "waiver": debtor_waiver() if assessment.computed["time_barred"] else "",
        "reserved": [
            *([original_rights_kept(origin.name, "本确认书")] if case.origin_guarantors else []),
            *([_reservation(case, arranged=bool(plan_intro))] if reserves(case) else []),
        ],
        "calculations": assessment.computed["amounts"].sheets,
        # the sheet printed after the signatures is a term the debtor signs for, not an
        # unsigned page: the text refers to it and makes it part of the confirmation
        "annex_note": annex_note("本确认书", bool(assessment.computed["amounts"].sheets)),
        "document": _whole(assessment),
        "plan_intro": plan_intro,
        "plan": plan_rows(case.repayment_plan),
        **_columns(case, resolved, plan_splits_of(assessment)),
        "plan_total": legal_amount(assessment.computed["amounts"].total),
        "rest_days": rest_day_clause("本确认书", "还款"),
        "account": case.payment_account.model_dump() if case.payment_account else None,
        "default": default,
        "later_interest": later_interest_text(
            case,
            resolved,
            principal_of(case.amounts, resolved),
            assessment.computed[LATER_LPR],
            chosen_later(assessment, case),
            columns=bool(plan_splits_of(assessment)),
        ),
        "late_interest": plan_late_text(case, resolved),
        "jurisdiction": jurisdiction_text(
            case.jurisdiction, case.signing_place, "本确认书", "双方", case.origin.name
        ),
        "services": [
            service_context("甲方", case.creditor, case.creditor_service),
            service_context("乙方", case.debtor, case.debtor_service),
        ],
        "confirm_date": format_cn(case.confirm_date),
        "every_page": _closing(case, _whole(assessment)),
        "signing_place": case.signing_place or "",
        "signers": [
            signed_by_agent(signer_context("甲方（债权人）", case.creditor), case.creditor_agent),
            signed_by_agent(signer_context("乙方（债务人）", case.debtor), case.debtor_agent),
        ],
    }


def _whole(assessment: Assessment) -> str:
    """The confirmation as its copies and pages are counted: with its annex, if any."""
    return with_annex("本确认书", bool(assessment.computed["amounts"].sheets))


def _closing(case: DebtConfirmation, whole: str) -> str:
    """After the copies sentence: signing every page, and the agents' authorisations."""
    agents = (("甲方", case.creditor_agent), ("乙方", case.debtor_agent))
    every_page = every_page_text(case.sign_every_page, "双方", whole)
    return every_page + agents_sentence("本确认书", *agents)


def filename(case: DebtConfirmation) -> str:
    debtor = filename_part(case.debtor.name)
    return f"债务确认书-{debtor}-{case.confirm_date:%Y%m%d}"


DOCUMENT: DocumentType[DebtConfirmation] = DocumentType(
    name="debt_confirmation",
    order=30,
    layouts={"": "docgen.layouts.debt_confirmation:build"},
    title="债务确认书",
    description="债务人确认债务的来源、金额及无异议，可附还款计划；可中断或排除诉讼时效抗辩",
    model=DebtConfirmation,
    assess=assess,
    build_context=build_context,
    filename=filename,
    file_stem="债务确认书",
    recipient_field="debtor",
    bundle_part="complaint",
)
