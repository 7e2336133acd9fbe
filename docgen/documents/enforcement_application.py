"""强制执行申请书 — the application to enforce an effective legal instrument.

The creditor names the instrument enforced (执行依据: a judgment, a mediation statement, an
arbitral award or a notarised debt instrument), what is still unpaid, the interest for the
delay (民事诉讼法 art. 264, 法释〔2014〕8号: ``docgen.domain.delay_interest``) and the
debtor's property it knows of. The court is the first-instance court or a court of the same
level where the property is, for a court's instrument; the debtor's domicile or the place
of the property for the others (art. 235). The application is due within two years from the
last day of the performance period — of the last installment, or from the instrument's
effect when it sets none (art. 250); interruptions restart the period (执行程序解释,
法释〔2008〕13号 as amended 2020, art. 20: applying, a settlement, a demand, consent to
perform). The application rests on art. 247 (a court's judgment or mediation statement),
art. 248 (an arbitral award; 仲裁法 2017 art. 62 until the revised law's 2026-03-01) or
art. 249 (a notarised debt instrument). It ends with the list of the papers filed with it
(``enforcement_attachments``) and names its parties and their agents as an enforcement does
(``filing_papers``: 申请执行人, 被执行人, 委托代理人). Its words are built in
``enforcement_text``; the interest the instrument awards in ``enforcement_interest``; the
events that interrupted the period in ``enforcement_interruptions``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from docgen.documents import enforcement_performed as performed
from docgen.documents import enforcement_text as text
from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.case_numbers import check_case_number, matches_proceeding
from docgen.documents.court_names import check_filed_court, court_name_by_number, same_court
from docgen.documents.court_parts import (
    block_lines,
    check_court,
    check_representative_position,
    filing_signature,
)
from docgen.documents.enforcement_attachments import attachments
from docgen.documents.enforcement_costs import check_costs
from docgen.documents.enforcement_delay import base_debt, delay_interest, period_start
from docgen.documents.enforcement_installments import check_installments
from docgen.documents.enforcement_interest import INTEREST, check_interest
from docgen.documents.enforcement_interruptions import (
    as_events,
    check_interruptions,
    warn_unproven_demands,
)
from docgen.documents.enforcement_liability import EnforcementRespondent, check_liabilities
from docgen.documents.enforcement_names import check_names
from docgen.documents.enforcement_notarial import (
    certificate_events,
    check_certificate_application,
    check_installment_periods,
)
from docgen.documents.enforcement_operative import TITLE_ONLY, only_denied
from docgen.documents.enforcement_parts import (
    APPLICATION_YEARS,
    APPLY_ARTICLES,
    BASIS_LABELS,
    COURT_TITLES,
    TITLE_LABELS,
    ApplicationInterruption,
    EnforcementApplicant,
    EnforcementTitle,
    Outstanding,
)
from docgen.documents.enforcement_running_interest import check_interest_figures, claimed_running
from docgen.documents.enforcement_title_interest import check_title_method
from docgen.documents.execution_court import court_facts
from docgen.documents.filenames import filename_part
from docgen.documents.filing_papers import AGENT_TITLES, APPLICANT, EXECUTION_RESPONDENT
from docgen.documents.parts import check_party, same_party
from docgen.documents.preservation_application import PropertyLead, lead_row
from docgen.documents.problems import Assessment, Loc
from docgen.documents.standing_papers import check_agent_standing
from docgen.domain import divisions as division_table
from docgen.domain.courts import read_court
from docgen.domain.dates import format_cn
from docgen.domain.delay_interest import DelayTotal
from docgen.domain.fields import CaseModel, Line
from docgen.domain.limitation import InterruptionEvent, limitation_status
from docgen.domain.money import format_yuan

AGENT = AGENT_TITLES["execution"]  # 委托代理人 (执行工作若干问题的规定 art. 20)


class EnforcementApplication(CaseModel):
    """The facts of an application for enforcement."""

    application_date: date = Field(title="申请日期")
    court: Line = Field(title="执行法院")
    court_basis: Literal["first_instance", "property_location", "respondent_domicile"] = Field(
        default="first_instance",
        title="执行法院依据",
        json_schema_extra={"enum_titles": list(BASIS_LABELS.values())},
    )
    title: EnforcementTitle = Field(title="执行依据")
    applicants: list[EnforcementApplicant] = Field(title=APPLICANT, min_length=1, max_length=5)
    respondents: list[EnforcementRespondent] = Field(
        title=EXECUTION_RESPONDENT, min_length=1, max_length=10
    )
    outstanding: Outstanding = Field(title="尚未履行的金钱债务")
    calculation_date: date | None = Field(
        default=None, title="迟延履行利息计算至", description="不填则计至申请日期"
    )
    property_leads: list[PropertyLead] = Field(
        default_factory=list, max_length=30, title="财产线索"
    )
    interruptions: list[ApplicationInterruption] = Field(
        default_factory=list, max_length=10, title="申请执行期间的中断事由"
    )


# --- rules --------------------------------------------------------------------------


def assess(case: EnforcementApplication, options: RuleOptions) -> Assessment:
    """Cross-field rules; computes the total unpaid, the delay interest and the period."""
    result = Assessment()
    check_court(result, case.court)
    result.computed["court"] = check_filed_court(result, case.court, "申请书", *court_facts(case))
    _check_title(result, case)
    _check_certificate(result, case)
    check_names(result, case)
    _check_other_awarded(result, case)
    check_costs(result, case)
    check_interest(result, case)
    check_title_method(result, case)
    # the payments as applied first: a figure typed after them is checked by the allocation
    performed.check_performed(result, case, options.lpr_table)
    check_interest_figures(result, case, options.lpr_table)
    _check_court_basis(result, case)
    _check_parties(result, case)
    _check_leads(result, case)
    check_interruptions(result, case)
    check_certificate_application(result, case)
    # the period's events: the interruptions, a notarised instrument's certificate applied
    # for, the payments made (a partial performance: consent to perform)
    certificate = certificate_events(case.title)
    events = as_events(case.interruptions) + certificate + performed.performance_events(case)
    _check_period(result, case, events)
    performed.check_payment_reach(result, case, certificate, period_start(case.title))
    check_installment_periods(result, case, events)
    warn_unproven_demands(result, case)
    result.computed["unpaid"] = _total(case) + claimed_running(result)
    check_liabilities(result, case)
    delay_interest(result, case)
    return result


def _check_title(result: Assessment, case: EnforcementApplication) -> None:
    title = case.title
    loc: Loc = ("title",)
    expected = {
        "judgment": "人民法院",
        "mediation": "人民法院",
        "arbitration": "仲裁委员会",
        "notarial": "公证处",
    }[title.kind]
    if expected not in title.issuer:
        result.error(
            (*loc, "issuer"),
            "issuer_kind",
            f"{TITLE_LABELS[title.kind]}的作出机关应为{expected}，填写的为「{title.issuer}」",
        )
    if title.kind in COURT_TITLES:
        # an award's or a notarial deed's number is the issuer's own, not a court's case number
        number = check_case_number(result, title.case_number, (*loc, "case_number"), title.issuer)
        if number is not None and matches_proceeding(number, "execution"):
            result.error(
                (*loc, "case_number"),
                "execution_number_as_title",
                f"案号「{title.case_number}」是执行案件的案号（类型代字“{number.kind}”）：执行依据"
                f"应为作出{TITLE_LABELS[title.kind]}的审判案件的案号，如（2025）京0101民初1234号"
                "（《最高人民法院关于人民法院案件案号的若干规定》第三条）",
                hint="请填写判决书、调解书首部所载的案号",
            )
    if title.effective_date > case.application_date:
        result.error(
            (*loc, "effective_date"), "not_yet_effective", "法律文书生效日期不得晚于申请日期"
        )
    deadline = title.performance_deadline
    if deadline is not None and deadline < title.effective_date:
        result.error(
            (*loc, "performance_deadline"),
            "deadline_before_effect",
            "履行期限届满日不得早于法律文书生效日期",
        )
    if deadline is not None and deadline >= case.application_date:
        result.error(
            (*loc, "performance_deadline"),
            "not_yet_due",
            f"履行期限至{format_cn(deadline)}届满，届满前被执行人未拒绝履行，尚不能申请强制执行"
            f"（《中华人民共和国民事诉讼法》{APPLY_ARTICLES[title.kind]}）",
        )
    if title.installments:
        check_installments(result, title, case.application_date, base_debt(title, case.outstanding))
    if title.first_instance_court and title.kind not in COURT_TITLES:
        result.error(
            (*loc, "first_instance_court"),
            "not_a_court_title",
            "仲裁裁决书、公证债权文书没有第一审人民法院，请不要填写",
        )


def _check_certificate(result: Assessment, case: EnforcementApplication) -> None:
    """A notarised debt instrument is enforced on the notary's certificate of the
    performance (执行证书), filed with it (法释〔2018〕18号 art. 3); without it the court
    does not accept the application (art. 5(4): 债权人未提交执行证书的，裁定不予受理). Its
    number and date are required, not left blank: the applicant holds the certificate when
    it files, the paper states it as a fact, and only its date shows it was issued after the
    instrument took effect and before the application."""
    title, at = case.title, ("title",)
    if title.kind != "notarial":
        return
    why = (
        f"申请执行公证债权文书的，应提交{title.issuer}出具的执行证书，未提交的人民法院裁定不予受理"
        "（《最高人民法院关于公证债权文书执行若干问题的规定》第三条、第五条第一款第四项）"
    )
    if not title.certificate_number:
        result.error(
            (*at, "certificate_number"),
            "certificate_missing",
            f"{why}，请填写执行证书编号",
            hint="尚未取得执行证书的，请先向公证机构申请出具",
        )
    day = title.certificate_date
    if day is None:
        result.error(
            (*at, "certificate_date"), "certificate_missing", f"{why}，请填写执行证书出具日期"
        )
    elif day < title.effective_date:
        result.error(
            (*at, "certificate_date"),
            "before_the_instrument",
            "执行证书的出具日期不得早于公证债权文书的生效日期",
        )
    elif day > case.application_date:
        result.error(
            (*at, "certificate_date"), "after_application", "执行证书的出具日期不得晚于申请日期"
        )


def _check_other_awarded(result: Assessment, case: EnforcementApplication) -> None:
    """Another money debt (违约金, 罚息 …) or interest the operative part names only to
    reject or waive it (「驳回原告要求被告支付违约金的诉讼请求」) is no 执行标的 the
    instrument determined, and cannot be enforced: the court accepts an application only on
    an instrument with a 给付内容 and a 执行标的 it states (执行工作若干问题的规定（试行）,
    2020年修正, art. 16(1)(3)), the application asks for that 执行标的 (art. 18), and only
    what the effective instrument orders is enforced (民事诉讼法 art. 247). An error: the
    application would contradict the operative part it quotes. A conditional waiver is
    ``enforcement_delay``'s question, not this one."""
    o = case.outstanding
    claimed = (("other", o.other, o.other_label), ("interest", o.interest, o.interest_label))
    for field, amount, label in claimed:
        if not amount or (field == "other" and not label):
            continue
        name = label or INTEREST
        term = only_denied(case.title.operative_part, name)
        if term is None:
            continue
        result.error(
            ("outstanding", field),
            "other_not_awarded",
            f"法律文书确定「{term}」，没有判令给付{name}：申请执行的只能是生效法律文书确定的"
            f"执行标的，人民币{format_yuan(amount)}元的{name}不能申请执行（{TITLE_ONLY}，"
            f"《中华人民共和国民事诉讼法》{APPLY_ARTICLES[case.title.kind]}）",
            hint=f"请删除{name}的金额；如法律文书另有判令给付的款项，请按法律文书的称谓填写",
        )


def _check_court_basis(result: Assessment, case: EnforcementApplication) -> None:
    """民事诉讼法 art. 235: who enforces which instrument."""
    title, basis = case.title, case.court_basis
    by_court = title.kind in COURT_TITLES
    if by_court and basis == "respondent_domicile":
        result.error(
            ("court_basis",),
            "basis_not_allowed",
            "人民法院的判决书、调解书由第一审人民法院或者与第一审人民法院同级的被执行的财产"
            "所在地人民法院执行（《中华人民共和国民事诉讼法》第二百三十五条第一款）",
        )
    if not by_court and basis == "first_instance":
        result.error(
            ("court_basis",),
            "basis_not_allowed",
            f"{TITLE_LABELS[title.kind]}由被执行人住所地或者被执行的财产所在地人民法院执行"
            "（《中华人民共和国民事诉讼法》第二百三十五条第二款）",
        )
    first = title.first_instance_court or title.issuer
    # each name as the case tells it (朝阳区人民法院 with （2026）京0105…: 北京's), so that a
    # court typed short is the one typed in full (court_names.court_name_by_number)
    told = court_name_by_number(first, title.case_number if by_court else None)
    if by_court and basis == "first_instance" and not same_court(result.computed["court"], told):
        result.error(
            ("court",),
            "not_the_first_instance_court",
            f"按第一审人民法院申请执行的，执行法院应为{told}"
            "（《中华人民共和国民事诉讼法》第二百三十五条第一款）",
        )
    _check_court_level(result, case, first)
    if basis == "property_location" and not case.property_leads:
        result.error(
            ("property_leads",),
            "missing",
            "向被执行的财产所在地人民法院申请执行的，请列明该院辖区内的财产线索",
        )


def _check_court_level(result: Assessment, case: EnforcementApplication, first: str) -> None:
    """The property's court is of the first-instance court's level (art. 235(1)); an award
    goes to an intermediate court (法释〔2018〕5号 art. 2)."""
    title, basis = case.title, case.court_basis
    by_court = title.kind in COURT_TITLES
    named = case.court.endswith("人民法院")
    level = read_court(case.court, division_table.load()).level if named else None
    if by_court and basis == "property_location" and named and first.endswith("人民法院"):
        first_level = read_court(first, division_table.load()).level
        if level != first_level and "special" not in (level, first_level):
            result.error(
                ("court",),
                "not_the_same_level",
                f"向被执行的财产所在地人民法院申请执行的，该院应与第一审人民法院（{first}）同级"
                "（《中华人民共和国民事诉讼法》第二百三十五条第一款）",
            )
    by_a_basic_court = level == "basic"
    if title.kind == "arbitration" and by_a_basic_court:
        result.warn(
            ("court",),
            "award_court_level",
            "仲裁裁决由被执行人住所地或者被执行的财产所在地的中级人民法院管辖，经上级人民法院"
            "批准指定基层人民法院管辖的除外（法释〔2018〕5号第二条），请核实",
        )


def _check_parties(result: Assessment, case: EnforcementApplication) -> None:
    for i, applicant in enumerate(case.applicants):
        check_party(result, applicant.party, ("applicants", i, "party"))
        # the applicant's representative with the position (民事诉讼法 art. 51), as the
        # other filings ask it (``check_representative_position``)
        check_representative_position(
            result, applicant.party, ("applicants", i, "party"), "强制执行申请书"
        )
        # who may act for it (民事诉讼法 art. 61), as on every other filing (standing_papers)
        agents = ("applicants", i, "agents")
        check_agent_standing(result, APPLICANT, applicant.party, applicant.agents, agents, AGENT)
    for i, respondent in enumerate(case.respondents):
        check_party(result, respondent, ("respondents", i))
        if any(same_party(respondent, a.party) for a in case.applicants):
            result.error(("respondents", i), "same_party", "被执行人与申请执行人不能为同一主体")


def _check_leads(result: Assessment, case: EnforcementApplication) -> None:
    names = {r.name for r in case.respondents}
    for i, lead in enumerate(case.property_leads):
        if lead.owner not in names:
            result.error(
                ("property_leads", i, "owner"),
                "not_a_respondent",
                f"只能申请执行被执行人的财产：「{lead.owner}」不是被执行人"
                f"（被执行人：{'、'.join(sorted(names))}）",
            )


def _check_period(
    result: Assessment, case: EnforcementApplication, events: list[InterruptionEvent]
) -> None:
    """The two-year period to apply (民事诉讼法 art. 250), with its interruptions."""
    start = period_start(case.title)
    if start >= case.application_date:
        return  # not yet due: said on the deadline
    status = limitation_status(start, events, on=case.application_date, years=APPLICATION_YEARS)
    result.computed["period"] = status
    if status.status != "expired":
        return
    since = "最后一次中断事由" if status.effective_events else "履行期限届满日"
    if status.waived:
        result.warn(
            ("application_date",),
            "period_expired_consented",
            f"申请执行期间已于{format_cn(status.expires)}届满，但被执行人在届满后同意履行，"
            "不得再以申请执行期间届满为由提出异议",
        )
        return
    result.error(
        ("application_date",),
        "application_period_expired",
        f"申请执行的期间为二年，自{since}（{format_cn(status.started_from)}）的次日起算，"
        f"已于{format_cn(status.expires)}届满（《中华人民共和国民事诉讼法》第二百五十条）；"
        "逾期申请的，被执行人提出异议成立时，人民法院裁定不予执行",
        hint="如期间内曾申请执行、达成和解协议、提出履行要求或被执行人同意履行，请在"
        "「申请执行期间的中断事由」中填写",
    )


def _total(case: EnforcementApplication) -> Decimal:
    o = case.outstanding
    return base_debt(case.title, o) + (o.interest or Decimal(0))


# --- context ------------------------------------------------------------------------


def build_context(case: EnforcementApplication, assessment: Assessment) -> dict[str, Any]:
    """The words of the application, pre-formatted, for the layout."""
    parties: list[str] = []
    for a in case.applicants:
        parties += block_lines(APPLICANT, a.party, a.agents, a.service, AGENT)
    for r in case.respondents:
        parties += block_lines(EXECUTION_RESPONDENT, r)
    delay: DelayTotal | None = assessment.computed.get("delay")
    return {
        "title": "强制执行申请书",
        "parties": parties,
        "basis_line": text.basis_line(case.title),
        "requests": text.requests(case, assessment),
        "facts": text.facts(case, assessment),
        "delay": text.delay_text(case, delay),
        "delay_lines": text.delay_lines(text.delay_text(case, delay)),
        "leads": [lead_row(i, lead) for i, lead in enumerate(case.property_leads)],
        "court_basis": text.court_basis(case),
        "court": assessment.computed["court"],
        "attachments": attachments(case, assessment),
        "signers": filing_signature(APPLICANT, (a.party for a in case.applicants)),
        "application_date": format_cn(case.application_date),
        "unpaid": format_yuan(assessment.computed["unpaid"]),
    }


def filename(case: EnforcementApplication) -> str:
    """``强制执行申请书-张伟-20261120`` — named after the first respondent."""
    respondent = filename_part(case.respondents[0].name)
    return f"强制执行申请书-{respondent}-{case.application_date:%Y%m%d}"


DOCUMENT: DocumentType[EnforcementApplication] = DocumentType(
    name="enforcement_application",
    order=130,
    layouts={"": "docgen.layouts.enforcement_application:build"},
    title="强制执行申请书",
    description="依据生效判决书、调解书、仲裁裁决书或公证债权文书申请强制执行，计算迟延履行利息，"
    "核对二年申请执行期间",
    model=EnforcementApplication,
    assess=assess,
    build_context=build_context,
    filename=filename,
    court_filing=True,
)
