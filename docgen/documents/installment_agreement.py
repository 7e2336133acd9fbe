"""分期还款协议 — the installment agreement.

The parties confirm the total owed and agree a schedule, given row by row or generated
(equal installments, the rounding remainder on the last; monthly, bi-weekly or on given
dates). The installments add up exactly to the total on strictly increasing dates;
interest during the plan stays within the legal cap; the acceleration clause names its
trigger (any missed installment, N missed, or unpaid ≥ one fifth of the total, 民法典
art. 634); an optional guarantor takes joint liability; jurisdiction and service
addresses are agreed; every party signs. The limitation period of an installment debt
runs from the last installment's due date (民法典 art. 189).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import Field

from docgen.documents.acceleration import (
    Acceleration,
    acceleration_text,
    check_acceleration,
)
from docgen.documents.agreement_agents import (
    AuthorisedAgent,
    agent_field,
    agents_sentence,
    check_agent,
    signed_by_agent,
    with_agent,
)
from docgen.documents.agreement_guarantor import (
    Resolution,
    check_guarantor_kind,
    check_resolution,
    guarantor_consents,
    original_guarantors_signing,
    original_rights_kept,
    resolution_confirmed,
    takes_resolution,
)
from docgen.documents.agreement_recital import (
    CapacityFinding,
    capacity_finding_field,
    check_capacity_finding,
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
    StatedRate,
    check_jurisdiction,
    check_rate_cap,
    jurisdiction_text,
    principal_of,
    service_context,
)
from docgen.documents.agreement_time_bar import (
    GUARANTOR_KNOWS,
    check_payment_day,
    check_time_bar,
    debtor_waiver,
)
from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.filenames import filename_part
from docgen.documents.guardian_rules import check_agreement_parties
from docgen.documents.installment_default import (
    Waiver,
    check_costs,
    check_waiver,
    costs_clause,
    stated_late_rate,
    waiver_field,
)

# the settlement agreement takes its schedule from here
from docgen.documents.installment_schedule import ScheduleInput as ScheduleInput
from docgen.documents.installment_schedule import plan_schedule as plan_schedule
from docgen.documents.installment_terms import facts, schedule_context
from docgen.documents.late_interest import (
    BREACH_DAY,
    accelerated_interest,
    check_late_interest,
    first_breach,
    late_interest_text,
)
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
from docgen.documents.plan_columns import plan_splits
from docgen.documents.problems import Assessment
from docgen.documents.rest_day_dates import check_schedule_days
from docgen.documents.rest_days import rest_day_clause
from docgen.documents.sale_late_charges import (
    PastLateBasis,
    PastLateCharges,
    check_past_late_charges,
    past_late_basis_field,
    past_late_charges_field,
    reservation,
)
from docgen.documents.signed_amounts import agreed_rate, check_signed_components, with_formulas
from docgen.domain.counting import copies
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line
from docgen.domain.lpr import LprNotAvailable
from docgen.domain.parties import Party
from docgen.domain.schedule import Installment, InstallmentSplit


class InstallmentAgreement(CaseModel):
    """The facts of an installment agreement; every one is required unless marked optional."""

    agreement_date: date = Field(title="签订日期")
    signing_place: Line | None = Field(default=None, title="签订地点")
    creditor: Party = Field(title="甲方（债权人）")
    debtor: Party = Field(title="乙方（债务人）")
    guarantor: Party | None = Field(default=None, title="丙方（连带责任保证人）")
    origin: ContractBasis = Field(title="原债权依据")
    origin_guarantors: list[Line] = Field(
        default_factory=list,
        max_length=20,
        title="原合同的保证人",
        description="原合同有保证人的，逐一填写其姓名或名称（丙方即原保证人的也填写）；"
        "未签署本协议的保证人，其保证期间不因本协议延长",
    )
    prior_interruptions: list[InterruptionInput] = interruptions_field(
        "此前的催收送达、还款、债务确认等，用于判断签订时诉讼时效是否可能已届满"
    )
    debt: DebtAmounts = Field(title="确认的欠款")
    schedule: ScheduleInput = Field(title="分期还款计划")
    plan_interest: RateInput | None = Field(
        default=None, title="分期期间利率", description="不填则分期期间不计利息"
    )
    interest_waiver: Waiver = waiver_field()
    late_interest: RateInput | None = Field(
        default=None,
        title="逾期利率",
        description="任何一期逾期未付的，逾期未付的本金按此利率计付逾期利息至实际清偿之日；"
        "不填则不约定逾期利息；民间借贷不得超过合同成立时一年期LPR的四倍",
    )
    past_late_charges: PastLateCharges = past_late_charges_field()
    past_late_basis: PastLateBasis | None = past_late_basis_field()
    payment_account: BankAccount = Field(title="收款账户")
    acceleration: Acceleration = Field(default_factory=Acceleration, title="加速到期")
    jurisdiction: Jurisdiction = Field(default_factory=Jurisdiction, title="争议解决")
    creditor_service: ServiceAddress | None = Field(default=None, title="甲方送达地址")
    debtor_service: ServiceAddress | None = Field(default=None, title="乙方送达地址")
    guarantor_service: ServiceAddress | None = Field(default=None, title="丙方送达地址")
    creditor_agent: AuthorisedAgent | None = agent_field("甲方")
    debtor_agent: AuthorisedAgent | None = agent_field("乙方")
    debtor_capacity_finding: CapacityFinding | None = capacity_finding_field()
    guarantor_agent: AuthorisedAgent | None = agent_field("丙方")
    guarantor_resolution: Line | None = Field(
        default=None,
        title="丙方的担保决议",
        description="丙方为公司的，填写其董事会或股东会决议的日期、编号，如 2026年9月15日股东会决议"
        "（GD-2026-07）；协议写明并附后",
    )
    sign_every_page: bool = sign_every_page_field()


# --- rules --------------------------------------------------------------------------


def assess(case: InstallmentAgreement, options: RuleOptions) -> Assessment:
    """Cross-field rules; computes the schedule and the acceleration threshold."""
    result = Assessment()
    check_party(result, case.creditor, ("creditor",))
    check_party(result, case.debtor, ("debtor",))
    signing = (case.creditor, case.debtor, case.guarantor, case.origin.signed_on)
    check_agreement_parties(result, case.agreement_date, *signing)
    check_capacity_finding(result, case.debtor, case.debtor_capacity_finding, case.agreement_date)
    check_payment_account(result, case.payment_account.account_name, case.creditor)
    if same_party(case.creditor, case.debtor):
        result.error(("debtor",), "same_party", "债务人与债权人不能为同一主体")
    _check_guarantors(result, case)
    resolved = check_amounts(
        result, case.debt, ("debt",), Latest(case.agreement_date), case.origin, options.lpr_table
    )
    result.computed["amounts"] = resolved
    check_signed_components(result, case.debt, case.origin, ("debt",))
    rows = _schedule(result, case, resolved.total)
    check_schedule_days(result, case.schedule, rows, "本协议", "还款")
    if rows is not None:
        result.computed["schedule"] = rows
        result.computed["last_due"] = rows[-1].due
    _check_acceleration(result, case, len(rows) if rows else None)
    parties = [case.creditor, case.debtor, *([case.guarantor] if case.guarantor else [])]
    scope = ("本协议", case.origin.name)
    check_jurisdiction(
        result, case.jurisdiction, case.signing_place, parties, resolved.total, scope
    )
    if case.plan_interest is not None:
        annual = check_rate_cap(
            result,
            StatedRate(case.plan_interest, ("plan_interest", "value"), "分期期间"),
            case.origin,
            case.agreement_date,
            options,
        )
        if annual is not None:
            result.computed["plan_rate"] = annual
    result.computed[BREACH_DAY] = first_breach(rows[0].due if rows else None, case.agreement_date)
    _check_default(result, case, options)
    if rows is not None and not result.errors:
        try:
            result.computed["splits"] = _splits(case, rows, resolved, options)
        except (ValueError, LprNotAvailable) as exc:  # an LPR before the table's first entry
            result.error(("plan_interest", "value"), "rate_not_computable", str(exc))
    return result


def _check_default(result: Assessment, case: InstallmentAgreement, options: RuleOptions) -> None:
    """What a late installment costs; the costs of enforcement; a sale's past penalty."""
    plan, late = case.plan_interest is not None, case.late_interest is not None
    check_waiver(result, case.interest_waiver, plan, late, case.origin)
    if late or plan or case.interest_waiver == "unconditional":
        check_late_interest(result, case.late_interest, case.origin, case.agreement_date, options)
    check_costs(result, case.origin)
    check_past_late_charges(
        result, case.past_late_charges, case.origin, case.debt, case.past_late_basis
    )


def _check_guarantors(result: Assessment, case: InstallmentAgreement) -> None:
    """丙方 differs from the others and may guarantee; the original contract's guarantors
    sign or are warned about; the limitation period on the day of signing."""
    if case.guarantor is not None:
        check_party(result, case.guarantor, ("guarantor",))
        if any(same_party(case.guarantor, p) for p in (case.creditor, case.debtor)):
            result.error(("guarantor",), "same_party", "保证人不能与债权人或债务人为同一主体")
        resolution = Resolution(("guarantor_resolution",), case.guarantor_resolution)
        check_guarantor_kind(result, case.guarantor, ("guarantor",), resolution)
    elif case.guarantor_service is not None:
        result.error(("guarantor_service",), "no_guarantor", "没有保证人，无需填写丙方送达地址")
    given = Resolution(("guarantor_resolution",), case.guarantor_resolution)
    check_resolution(result, case.guarantor, given)
    check_agent(result, "creditor_agent", "甲方", case.creditor, case.creditor_agent, "本协议")
    check_agent(result, "debtor_agent", "乙方", case.debtor, case.debtor_agent, "本协议")
    if case.guarantor is not None:
        check_agent(
            result, "guarantor_agent", "丙方", case.guarantor, case.guarantor_agent, "本协议"
        )
    elif case.guarantor_agent is not None:
        result.error(("guarantor_agent",), "no_guarantor", "没有保证人，无需填写丙方委托代理人")
    names, contract = case.origin_guarantors, case.origin.name
    signing = original_guarantors_signing(result, names, case.guarantor, contract)
    result.computed["consents"] = signing
    result.computed["time_barred"] = check_time_bar(
        result,
        case.origin,
        case.prior_interruptions,
        case.agreement_date,
        "本协议",
        guarantor=case.guarantor is not None,
    )
    check_payment_day(
        result, case.origin, case.prior_interruptions, case.agreement_date, case.debt, "本协议"
    )


def _splits(
    case: InstallmentAgreement,
    rows: list[Installment],
    resolved: ResolvedAmounts,
    options: RuleOptions,
) -> list[InstallmentSplit]:
    """Each installment's principal, other confirmed amounts and plan interest; the
    interest runs from the day after the amounts' cut-off date."""
    rate = case.plan_interest.spec() if case.plan_interest is not None else None
    principal = principal_of(case.debt, resolved)
    return plan_splits(rows, principal, case.debt.as_of, rate, options.lpr_table)


def _schedule(
    result: Assessment, case: InstallmentAgreement, total: Decimal
) -> list[Installment] | None:
    return plan_schedule(result, case.schedule, case.agreement_date, total)


def _check_acceleration(result: Assessment, case: InstallmentAgreement, count: int | None) -> None:
    check_acceleration(result, case.acceleration, count)


# --- context ------------------------------------------------------------------------


def _acceleration_text(case: InstallmentAgreement, resolved: ResolvedAmounts, late: bool) -> str:
    text = acceleration_text(case.acceleration, resolved.total)
    plan = agreed_rate(case.plan_interest, resolved)
    then = accelerated_interest(plan, late)
    return text.removesuffix("（加速到期）。") + then + "（加速到期）。"


def build_context(case: InstallmentAgreement, assessment: Assessment) -> dict[str, Any]:
    origin = case.origin
    resolved = assessment.computed["amounts"]
    rows: list[Installment] = assessment.computed["schedule"]
    splits: list[InstallmentSplit] = assessment.computed["splits"]
    services = [service_context("甲方", case.creditor, case.creditor_service)]
    services.append(service_context("乙方", case.debtor, case.debtor_service))
    signers = [
        signed_by_agent(signer_context("甲方", case.creditor), case.creditor_agent),
        signed_by_agent(signer_context("乙方", case.debtor), case.debtor_agent),
    ]
    guarantor = None
    if case.guarantor is not None:
        guarantor = with_agent(party_context(case.guarantor, mask_ids=False), case.guarantor_agent)
        services.append(service_context("丙方", case.guarantor, case.guarantor_service))
        signers.append(
            signed_by_agent(signer_context("丙方", case.guarantor), case.guarantor_agent)
        )
    # two parties are 双方, three 各方: one word for the parties throughout
    parties = "各方" if case.guarantor else "双方"
    time_barred = assessment.computed["time_barred"]
    late = stated_late_rate(case, assessment.computed[BREACH_DAY])
    resolution = resolution_confirmed(case.guarantor_resolution)
    reserved = reservation(
        case.past_late_charges, origin, case.debt, case.past_late_basis, resolved.lpr_table
    )
    return {
        "title": "分期还款协议",
        "creditor": with_agent(party_context(case.creditor, mask_ids=False), case.creditor_agent),
        "debtor": with_agent(party_context(case.debtor, mask_ids=False), case.debtor_agent),
        "guarantor": guarantor,
        "facts": facts(case, parties),
        "amounts": with_formulas(amounts_context(case.debt, resolved), case.debt, resolved),
        "after_amounts": [
            *([original_rights_kept(origin.name)] if case.origin_guarantors else []),
            *([debtor_waiver("按本协议")] if time_barred else []),
            *([reserved] if reserved else []),
        ],
        "guarantee_before": (
            guarantor_consents(origin.name) if assessment.computed["consents"] else ""
        ),
        "guarantee_after": (resolution if takes_resolution(case.guarantor) else "")
        + (GUARANTOR_KNOWS if time_barred and guarantor else ""),
        "calculations": resolved.sheets,
        # the sheet after the signatures is the agreement's annex, signed by every party
        "annex_note": annex_note("本协议", bool(resolved.sheets)),
        "document": with_annex("本协议", bool(resolved.sheets)),
        **schedule_context(case, resolved, splits),
        "count": str(len(rows)),
        "rest_days": rest_day_clause(paying="还款"),
        "account": case.payment_account.model_dump(),
        "late_interest": (
            late_interest_text(
                agreed_rate(late, resolved),
                case.debt.principal_label,
                case.plan_interest is not None,
            )
            if late is not None
            else None
        ),
        "acceleration": _acceleration_text(case, resolved, late is not None),
        "costs": costs_clause(case.jurisdiction.kind == "arbitration"),
        "jurisdiction": jurisdiction_text(
            case.jurisdiction, case.signing_place, parties=parties, contract=case.origin.name
        ),
        "parties": parties,
        "services": services,
        "agreement_date": format_cn(case.agreement_date),
        "signing_place": case.signing_place or "",
        "signers": signers,
        "copies": copies(3 if guarantor else 2),
        "every_page": every_page_text(
            case.sign_every_page, parties, with_annex("本协议", bool(resolved.sheets))
        )
        + _agents(case),
    }


def _agents(case: InstallmentAgreement) -> str:
    agents = (("甲方", case.creditor_agent), ("乙方", case.debtor_agent))
    return agents_sentence("本协议", *agents, ("丙方", case.guarantor_agent))


def filename(case: InstallmentAgreement) -> str:
    debtor = filename_part(case.debtor.name)
    return f"分期还款协议-{debtor}-{case.agreement_date:%Y%m%d}"


DOCUMENT: DocumentType[InstallmentAgreement] = DocumentType(
    name="installment_agreement",
    order=40,
    layouts={"": "docgen.layouts.installment_agreement:build"},
    title="分期还款协议",
    description="债权人与债务人（及保证人）约定分期清偿欠款，含还款计划、加速到期与管辖条款",
    model=InstallmentAgreement,
    assess=assess,
    build_context=build_context,
    filename=filename,
    file_stem="分期还款协议",
    recipient_field="debtor",
    bundle_part="complaint",
)
