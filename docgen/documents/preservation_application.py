"""财产保全申请书 — the application to preserve (freeze, seal up, seize) the debtor's property.

Filed with a complaint or during the suit (诉讼保全, 民事诉讼法 art. 103) or, when the matter
is urgent, before suing (诉前保全, art. 104). The application names the property or leads
to it (bank accounts, real estate, vehicles, equity), asks for an amount no larger than the
claim, offers security — before suit equal to the amount, during the suit at most 30% of it
when the court asks — or says why none is needed (``preservation_security``), and the
preservation fee follows 诉讼费用交纳办法 art. 14(2). The parties, and how to reach each
of them, are in ``preservation_parties``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.case_numbers import CaseNumberText, check_case_number
from docgen.documents.court_names import Place, check_filed_court, domicile_places
from docgen.documents.court_parts import (
    TRIAL_AGENT,
    Agent,
    ServiceAddress,
    check_court,
    filing_signature,
)
from docgen.documents.court_venue import Venue, check_venue
from docgen.documents.filed_exhibits import (
    FiledExhibit,
    check_exhibits,
    exhibit_rows,
    exhibits_filed,
    named_only,
)
from docgen.documents.filenames import filename_part
from docgen.documents.loan_cause import check_loan_cause
from docgen.documents.preservation_court import check_pre_suit_court
from docgen.documents.preservation_parties import RespondentContact, check_parties, party_blocks
from docgen.documents.preservation_security import (
    Security,
    check_security,
    security_papers,
    security_text,
)
from docgen.documents.problems import Assessment
from docgen.documents.standing_papers import check_agent_standing
from docgen.domain.court_fees import PRESERVATION_CAP, FeeResult, preservation_fee
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Money, Paragraph, ShortText, Text
from docgen.domain.money import format_yuan, legal_amount
from docgen.domain.parties import Party

MEASURE_LABELS = {"seal": "查封", "seize": "扣押", "freeze": "冻结"}
STAGE_LABELS = {"in_suit": "诉讼中", "pre_suit": "诉前"}
LEAD_LABELS = {
    "bank_account": "银行存款",
    "real_estate": "不动产",
    "vehicle": "机动车",
    "equity": "股权",
}
# the measures by which each kind of property is preserved
LEAD_MEASURES: dict[str, tuple[str, ...]] = {
    "bank_account": ("freeze",),
    "equity": ("freeze",),
    "real_estate": ("seal",),
    "vehicle": ("seal", "seize"),
}


Measure = Annotated[
    Literal["seal", "seize", "freeze"],
    Field(json_schema_extra={"enum_titles": list(MEASURE_LABELS.values())}),
]


class _Lead(CaseModel):
    owner: ShortText = Field(title="权利人", description="应为被申请人之一的姓名或名称")
    value: Money | None = Field(default=None, title="估值（元）")


class BankAccountLead(_Lead):
    kind: Literal["bank_account"] = Field(
        title="财产类型", json_schema_extra={"enum_titles": ["银行账户"]}
    )
    bank: Line = Field(title="开户行")
    account_number: ShortText = Field(title="账号", pattern=r"^[0-9][0-9 \-]{5,38}[0-9]$")


class RealEstateLead(_Lead):
    kind: Literal["real_estate"] = Field(
        title="财产类型", json_schema_extra={"enum_titles": ["不动产"]}
    )
    location: Text = Field(title="坐落")
    certificate_number: ShortText | None = Field(default=None, title="不动产权证号")


class VehicleLead(_Lead):
    kind: Literal["vehicle"] = Field(title="财产类型", json_schema_extra={"enum_titles": ["车辆"]})
    plate_number: ShortText = Field(title="号牌号码")
    model: ShortText | None = Field(default=None, title="品牌型号")


class EquityLead(_Lead):
    kind: Literal["equity"] = Field(title="财产类型", json_schema_extra={"enum_titles": ["股权"]})
    company: Line = Field(title="公司名称")
    share: ShortText = Field(
        title="出资额或持股比例", description="如 出资额人民币3,000,000.00元（占30%）"
    )


PropertyLead = Annotated[
    BankAccountLead | RealEstateLead | VehicleLead | EquityLead, Field(discriminator="kind")
]


class Applicant(CaseModel):
    party: Party = Field(title="申请人")
    agents: list[Agent] = Field(default_factory=list, max_length=2, title="委托诉讼代理人")
    service: ServiceAddress | None = Field(default=None, title="送达地址")


class PreservationApplication(CaseModel):
    """The facts of a property preservation application."""

    application_date: date = Field(title="申请日期")
    court: Line = Field(title="受理法院")
    stage: Literal["in_suit", "pre_suit"] = Field(
        default="in_suit",
        title="保全阶段",
        json_schema_extra={"enum_titles": ["诉讼中（含起诉同时申请）", "诉前"]},
    )
    case_number: CaseNumberText | None = Field(
        default=None, title="案号", description="已立案的填写"
    )
    dispute: Line = Field(
        title="案由",
        description="如 民间借贷纠纷、买卖合同纠纷（《民事案件案由规定》）；申请书按此写明案由",
    )
    applicants: list[Applicant] = Field(title="申请人", min_length=1, max_length=5)
    respondents: list[Party] = Field(title="被申请人", min_length=1, max_length=10)
    respondent_contacts: list[RespondentContact] = Field(
        default_factory=list,
        max_length=10,
        title="被申请人的送达地址和联系方式",
        description="被申请人住所地以外的送达地址或联系电话，按姓名或名称对应被申请人",
    )
    claim_amount: Money = Field(
        title="诉讼请求金额（元）", description="请求保全的数额不得超过此数"
    )
    amount: Money = Field(title="请求保全数额（元）")
    measures: list[Measure] = Field(title="保全措施", min_length=1, max_length=3)
    property_leads: list[PropertyLead] = Field(title="财产线索", min_length=1, max_length=30)
    facts: Paragraph = Field(title="事实与理由")
    urgency: Paragraph | None = Field(
        default=None, title="情况紧急的理由", description="诉前保全必填"
    )
    evidence: list[FiledExhibit] = Field(
        default_factory=list,
        max_length=30,
        title="证据",
        description="申请所依据的证据，逐项写明来源和证明目的；填写的，申请书列出证据表，"
        "附项写明证据材料的份数",
    )
    security: Security = Field(title="担保")

    @field_validator("evidence", mode="before")
    @classmethod
    def _named_only(cls, value: Any) -> Any:
        return named_only(value)


# --- rules --------------------------------------------------------------------------


def assess(case: PreservationApplication, options: RuleOptions) -> Assessment:
    """Cross-field rules; computes the security figure and the preservation fee."""
    result = Assessment()
    check_court(result, case.court)
    court = check_filed_court(result, case.court, "申请书", _number(case), court_places(case))
    result.computed["court"] = court
    # the name and the level (a claim for a basic or an intermediate court); the place
    # follows other rules here (财产所在地 before suit, art. 104), so it is not compared
    check_venue(result, court, Venue(claim=case.claim_amount))
    check_parties(result, case)
    for i, applicant in enumerate(case.applicants):  # who may act (民事诉讼法 art. 61)
        loc = ("applicants", i, "agents")
        check_agent_standing(result, "申请人", applicant.party, applicant.agents, loc, TRIAL_AGENT)
    # the cause is typed, never assumed; a loan's at its fourth level (案由规定)
    check_loan_cause(result, case.dispute, [a.party.name for a in case.applicants], ("dispute",))
    check_pre_suit_court(result, case)
    if case.amount > case.claim_amount:
        result.error(
            ("amount",),
            "above_claim",
            f"请求保全的数额（人民币{format_yuan(case.amount)}元）不得超过诉讼请求金额"
            f"（人民币{format_yuan(case.claim_amount)}元）",
        )
    _check_leads(result, case)
    check_exhibits(result, case.evidence)  # each source and purpose (民事证据规定 art. 19)
    if len(set(case.measures)) != len(case.measures):
        result.error(("measures",), "duplicate", "保全措施不能重复选择")
    if case.stage == "pre_suit" and not case.urgency:
        result.error(
            ("urgency",),
            "missing",
            "诉前保全须说明情况紧急、不立即申请将使合法权益受到难以弥补的损害的理由"
            "（民事诉讼法第一百零四条）",
        )
    if case.stage == "pre_suit" and case.case_number:
        result.error(("case_number",), "pre_suit_with_case", "诉前保全尚未立案，不应填写案号")
    elif case.case_number:
        check_case_number(
            result, case.case_number, ("case_number",), case.court, court_loc=("court",)
        )
    result.computed["security"] = check_security(result, case)
    result.computed["fee"] = preservation_fee(case.amount)
    return result


def _number(case: PreservationApplication) -> str | None:
    """The case number that tells the court: the suit's, during it (a number before suit
    is refused)."""
    return case.case_number if case.stage == "in_suit" else None


def court_places(case: PreservationApplication) -> list[Place]:
    """The places that may ground the court (民事诉讼法 arts. 103–104; 民诉法解释 art.
    18(2)): each party's domicile (the applicant's, for money, the place of performance)
    and the real estate's location; where one of several namesakes lies among them, the
    court's name is that one's (``court_names.settle_court``)."""
    places = domicile_places("申请人", (a.party for a in case.applicants))
    places += domicile_places("被申请人", case.respondents)
    estates = (lead for lead in case.property_leads if isinstance(lead, RealEstateLead))
    return places + [("不动产所在地", lead.location) for lead in estates]


def _check_leads(result: Assessment, case: PreservationApplication) -> None:
    names = {r.name for r in case.respondents}
    needed: dict[str, list[str]] = {}
    for i, lead in enumerate(case.property_leads):
        if lead.owner not in names:
            result.error(
                ("property_leads", i, "owner"),
                "not_a_respondent",
                f"只能申请保全被申请人的财产：「{lead.owner}」不是被申请人"
                f"（被申请人：{'、'.join(sorted(names))}）",
            )
        if not set(LEAD_MEASURES[lead.kind]) & set(case.measures):
            options = "或".join(MEASURE_LABELS[m] for m in LEAD_MEASURES[lead.kind])
            needed.setdefault(options, []).append(LEAD_LABELS[lead.kind])
    for options, kinds in needed.items():
        result.error(
            ("measures",),
            "measure_missing",
            f"财产线索中的{'、'.join(dict.fromkeys(kinds))}应采取{options}措施，请在保全措施中选择",
        )


# --- context ------------------------------------------------------------------------


def lead_row(i: int, lead: PropertyLead) -> dict[str, Any]:
    if isinstance(lead, BankAccountLead):
        detail = f"开户行：{lead.bank}；账号：{lead.account_number}"
    elif isinstance(lead, RealEstateLead):
        detail = f"坐落：{lead.location}" + (
            f"；不动产权证号：{lead.certificate_number}" if lead.certificate_number else ""
        )
    elif isinstance(lead, VehicleLead):
        detail = f"号牌号码：{lead.plate_number}" + (
            f"；品牌型号：{lead.model}" if lead.model else ""
        )
    else:
        detail = f"公司名称：{lead.company}；股权份额：{lead.share}"
    if lead.value is not None:
        detail += f"；估值：人民币{format_yuan(lead.value)}元"
    return {"no": i + 1, "kind": LEAD_LABELS[lead.kind], "owner": lead.owner, "detail": detail}


def _request(case: PreservationApplication) -> str:
    measures = "、".join(MEASURE_LABELS[m] for m in MEASURE_LABELS if m in case.measures)
    names = "、".join(r.name for r in case.respondents)
    when = "在申请人起诉前，" if case.stage == "pre_suit" else ""
    return (
        f"请求贵院{when}依法{measures}被申请人{names}名下价值{legal_amount(case.amount)}的财产"
        "（财产线索见下表）。"
    )


def _reasons(case: PreservationApplication) -> list[str]:
    applicants = "、".join(a.party.name for a in case.applicants)
    names = "、".join(r.name for r in case.respondents)
    # 「贵院受理的（2026）粤0304民初12345号…一案」: the number carries its own brackets
    received = f"贵院受理的{case.case_number}" if case.case_number else ""
    paragraphs = [case.facts]
    if case.stage == "pre_suit":
        paragraphs.append(case.urgency or "")
        paragraphs.append(
            f"申请人{applicants}拟就与被申请人{names}之间的{case.dispute}提起诉讼，诉讼请求金额为"
            f"{legal_amount(case.claim_amount)}。情况紧急，不立即申请保全将会使申请人的合法权益"
            "受到难以弥补的损害，根据《中华人民共和国民事诉讼法》第一百零四条的规定，特申请诉前"
            "财产保全。申请人将在贵院采取保全措施后三十日内依法提起诉讼。"
        )
    else:
        paragraphs.append(
            f"{received}申请人{applicants}与被申请人{names}{case.dispute}一案，申请人的诉讼请求金额为"
            f"{legal_amount(case.claim_amount)}。为防止被申请人转移、隐匿财产，保证将来生效判决"
            "得以执行，根据《中华人民共和国民事诉讼法》第一百零三条的规定，特申请财产保全。"
        )
    return paragraphs


def fee_text(case: PreservationApplication, fee: FeeResult) -> str:
    """The fee as the application states it: its figure, the amount it was computed on and
    the article. 诉讼费用交纳办法 art. 14(2) charges it on the property actually preserved
    (根据实际保全的财产数额); at filing only the amount applied for is known, so the fee
    advanced is computed on that, and the text says so, and that it is settled on what the
    court actually preserves (「（按实际保全的财产数额结算）」)."""
    capped = (
        f"为人民币{format_yuan(fee.full_fee)}元，超过人民币{format_yuan(PRESERVATION_CAP)}元的"
        "最高限额，按最高限额交纳"
        if fee.capped
        else ""
    )
    return (
        f"申请保全费{legal_amount(fee.fee)}，按请求保全数额人民币{format_yuan(case.amount)}元，"
        f"依《诉讼费用交纳办法》第十四条第（二）项规定的标准分段累计计算{capped}，由申请人预交"
        "（按实际保全的财产数额结算）。"
    )


def attachments(case: PreservationApplication) -> list[str]:
    """The papers filed with the application: a copy for each respondent, the evidence
    (规定 art. 1: 并提供相关证据材料) and what proves the security (``security_papers``).
    The evidence listed is counted as the payment order's is (``exhibits_filed``:
    「证据材料3份」); unlisted it goes uncounted (「相关证据材料」), since the number of
    respondents (the copies') is no count of it. The 样式 (法〔2016〕221号, 申请诉讼财产保全用)
    lists no 附 at all."""
    copies = len(case.respondents)
    evidence = exhibits_filed(case.evidence) if case.evidence else "相关证据材料"
    return [f"本申请书副本{copies}份", evidence, *security_papers(case.security)]


def build_context(case: PreservationApplication, assessment: Assessment) -> dict[str, Any]:
    """The words of the application, pre-formatted, for both templates."""
    fee: FeeResult = assessment.computed["fee"]
    figure: Decimal = assessment.computed["security"]
    case_line = f"案由：{case.dispute}" + (
        f"　案号：{case.case_number}" if case.case_number else ""
    )
    applicants = (a.party for a in case.applicants)
    return {
        "title": "财产保全申请书",
        "stage": STAGE_LABELS[case.stage],
        "parties": party_blocks(case),
        "case_line": case_line,
        "request": _request(case),
        "leads": [lead_row(i, lead) for i, lead in enumerate(case.property_leads)],
        "reasons": _reasons(case),
        "evidence": exhibit_rows(case.evidence),
        "security": security_text(case, figure),
        "fee": fee_text(case, fee),
        "court": assessment.computed["court"],
        "attachments": attachments(case),
        "signers": filing_signature("申请人", applicants),
        "application_date": format_cn(case.application_date),
    }


def filename(case: PreservationApplication) -> str:
    """``财产保全申请书-张伟-20261120`` — named after the first respondent."""
    respondent = filename_part(case.respondents[0].name)
    return f"财产保全申请书-{respondent}-{case.application_date:%Y%m%d}"


DOCUMENT: DocumentType[PreservationApplication] = DocumentType(
    name="preservation_application",
    order=60,
    layouts={"": "docgen.layouts.preservation_application:build"},
    title="财产保全申请书",
    description="申请人民法院查封、扣押、冻结被申请人财产，列明财产线索、担保及申请费",
    model=PreservationApplication,
    assess=assess,
    build_context=build_context,
    filename=filename,
    file_stem="财产保全申请书",
    bundle_part="complaint",
    court_filing=True,
)
