"""撤诉申请书 — the plaintiff's application to withdraw its suit at first instance, before
judgment; with a second-instance case number (民终) the appellant's 撤回上诉申请书
(``withdrawal_application_appeal``); with the ``suit_withdrawal`` facts as well, the
原审原告's 撤回起诉申请书 at second instance (``withdrawal_application_suit``: the other
parties' consent, the first-instance judgment set aside, no fee request). An
enforcement's or another proceeding's number is refused (``withdrawal_application_stage``).

Whether to allow it is the court's ruling. A suit or an appeal withdrawn pays half the
acceptance fee of its instance (诉讼费用交纳办法 art. 15), borne by the plaintiff or the
appellant (art. 34), so it asks for the rest of what it paid back, in one statement with
the fee it halves to (the halving: ``docgen.documents.fee_halving``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.case_numbers import CaseNumberText, check_case_number
from docgen.documents.court_names import check_filed_court, domicile_places
from docgen.documents.court_parts import (
    TRIAL_AGENT,
    block_lines,
    check_court,
    check_representative_position,
    filing_signature,
)
from docgen.documents.fee_halving import PrepaidFee, Refund, halved_fee
from docgen.documents.filenames import filename_part
from docgen.documents.loan_cause import check_loan_cause
from docgen.documents.parts import check_party, same_party
from docgen.documents.preservation_application import Applicant
from docgen.documents.problems import Assessment
from docgen.documents.standing_papers import check_agent_standing
from docgen.documents.withdrawal_application_appeal import (
    FIRST,
    Appeal,
    Words,
    appeal_facts,
    appeal_words,
    check_appeal,
    check_appeal_procedure,
    check_third_parties,
    third_party_lines,
)
from docgen.documents.withdrawal_application_stage import (
    LAW,
    check_withdrawal_stage,
    withdrawal_stage,
)
from docgen.documents.withdrawal_application_suit import (
    SuitWithdrawal,
    check_suit_withdrawal,
    suit_acknowledgment,
    suit_attachments,
    suit_facts,
    suit_request,
    suit_words,
)
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Money, Paragraph
from docgen.domain.money import format_yuan, legal_amount, to_fen
from docgen.domain.parties import Party

APPEAL_WITHDRAWAL = f"{LAW}第一百八十条"
"""The article the appellant's request rests on (民事诉讼法 art. 180: 「第二审人民法院判决宣告
前，上诉人申请撤回上诉的，是否准许，由第二审人民法院裁定。」)."""

REASON_LABELS = {
    "settled": "双方已达成和解",
    "performed": "被告已履行付款义务",  # the batch sheets' word: kept for an appeal too
    "other": "其他",
}
REASON_TEXTS = {
    "settled": "{who}与{them}已自行达成和解",
    "performed": "{them}已向{who}履行了付款义务",
}


class FeePaid(CaseModel):
    """The acceptance fee the plaintiff paid in advance."""

    paid: Money = Field(title="已预交案件受理费（元）")
    claim_amount: Money | None = Field(
        default=None,
        title="诉讼请求金额（元）",
        description="填写后按诉讼费用交纳办法核对已交金额；撤回上诉的，填写上诉请求金额",
    )
    procedure: Literal["ordinary", "summary"] = Field(
        default="ordinary",
        title="审理程序",
        description="第二审程序不适用简易程序",
        json_schema_extra={"enum_titles": ["普通程序", "简易程序（含小额诉讼程序）"]},
    )


class WithdrawalApplication(CaseModel):
    """The facts of an application to withdraw a suit."""

    application_date: date = Field(title="申请日期")
    court: Line = Field(title="受理法院")
    case_number: CaseNumberText = Field(
        title="案号",
        description="第一审案件的案号，如 （2026）京0105民初1234号；第二审程序中撤回上诉或撤回"
        "起诉的，填写第二审案件的案号，如 （2026）京02民终1234号",
    )
    dispute: Line = Field(
        title="案由", description="按起诉状或受理通知书所载，如 民间借贷纠纷、买卖合同纠纷"
    )
    # titled as before (the batch sheets' headers); the description names the appeal's role
    applicants: list[Applicant] = Field(
        title="申请人（原告）",
        description="撤回上诉的，为上诉人；二审中撤回起诉的，为原审原告（上诉人或被上诉人）",
        min_length=1,
        max_length=5,
    )
    defendants: list[Party] = Field(
        title="被告",
        description="撤回上诉的，为被上诉人；二审中撤回起诉的，为原审被告",
        min_length=1,
        max_length=10,
    )
    reason: Literal["settled", "performed", "other"] = Field(
        title="撤诉理由", json_schema_extra={"enum_titles": list(REASON_LABELS.values())}
    )
    reason_detail: Paragraph | None = Field(
        default=None, title="具体情况", description="选择“其他”时必填"
    )
    fee: FeePaid = Field(
        title="案件受理费",
        description="撤回上诉的，填写第二审案件受理费；二审中撤回起诉的，不据此列退费请求",
    )
    # retitled: the group serves the suit's withdrawal at second instance too; a sheet
    # saved with the former headers is still read
    appeal: Appeal | None = Field(
        default=None,
        title="上诉信息（二审中撤回上诉或撤回起诉时填写）",
        description="案号为第二审案件的案号（民终）时必填，撤回上诉和二审中撤回起诉均须填写："
        "被上诉的一审裁判及上诉人的原审诉讼地位",
        json_schema_extra={"former_titles": ["上诉信息（撤回上诉时填写）"]},
    )
    suit_withdrawal: SuitWithdrawal | None = Field(
        default=None,
        title="二审中撤回起诉（原审原告填写）",
        description="第二审程序中原审原告撤回起诉（而非撤回上诉）时填写，并填写上诉信息：须经其他"
        "当事人同意；准许后一并撤销一审裁判，且不得再就本案诉讼请求起诉（民诉法解释第三百三十六条）",
    )


# --- rules --------------------------------------------------------------------------


def assess(case: WithdrawalApplication, options: RuleOptions) -> Assessment:
    """Cross-field rules; computes the fee due after withdrawal and the refund."""
    result = Assessment()
    check_court(result, case.court)
    # the suit's number tells which of several namesakes the court is (案号 rules arts.
    # 4–5), else the parties' domiciles (民事诉讼法 arts. 22, 24; 民诉法解释 art. 18(2))
    places = domicile_places("原告", (a.party for a in case.applicants))
    places += domicile_places("被告", case.defendants)
    court = check_filed_court(result, case.court, "申请书", case.case_number, places)
    result.computed["court"] = court
    check_case_number(result, case.case_number, ("case_number",), case.court, court_loc=("court",))
    # a first-instance suit's number or an appeal's, not an enforcement's (民事诉讼法
    # arts. 148, 180, 268(1)), of the court's level
    check_withdrawal_stage(result, case.case_number, case.court)
    stage = withdrawal_stage(case.case_number)
    suit = case.suit_withdrawal
    if suit is not None:
        # the 原审原告's withdrawal of the suit at second instance (民诉法解释 art. 336); a
        # number already refused (an enforcement's …) is not refused again
        refused = any(e.loc == ("case_number",) for e in result.errors)
        suit_stage = None if refused else stage
        third = [t.name for t in case.appeal.third_parties] if case.appeal else []
        check_suit_withdrawal(
            result, suit, suit_stage, case.defendants, third, case.application_date
        )
    if suit is None or stage != "first":  # a 民初 number: refused once, at the number
        check_appeal(result, case.appeal, stage, case.court, suit is not None)
    procedure = case.fee.procedure
    if suit is None and stage == "appeal" and check_appeal_procedure(result, procedure):
        procedure = "ordinary"  # refused: its halving not warned of besides
    plaintiffs = [a.party.name for a in case.applicants]
    check_loan_cause(result, case.dispute, plaintiffs, ("dispute",))  # 案由规定's 4th level
    for i, applicant in enumerate(case.applicants):
        check_party(result, applicant.party, ("applicants", i, "party"))
        agents = ("applicants", i, "agents")  # who may act (民事诉讼法 art. 61)
        check_agent_standing(
            result, "申请人", applicant.party, applicant.agents, agents, TRIAL_AGENT
        )
        # the plaintiff's representative with the position (民事诉讼法 arts. 51, 124(1))
        check_representative_position(
            result, applicant.party, ("applicants", i, "party"), "撤诉申请书"
        )
    for i, defendant in enumerate(case.defendants):
        check_party(result, defendant, ("defendants", i))
        if any(same_party(defendant, a.party) for a in case.applicants):
            message = "被上诉人与上诉人" if stage == "appeal" else "被告与原告"
            result.error(("defendants", i), "same_party", f"{message}不能为同一主体")
    if case.appeal is not None and stage != "first":  # refused at `appeal` with a 民初 number
        mine = [a.party for a in case.applicants]
        check_third_parties(result, case.appeal, (mine, case.defendants), words_of(case))
    if case.reason == "other" and not case.reason_detail:
        result.error(("reason_detail",), "missing", "撤诉理由为“其他”时，请写明具体情况")
    if suit is None:
        fee = PrepaidFee(case.fee.paid, case.fee.claim_amount, procedure)
        result.computed["refund"] = halved_fee(result, fee, "withdrawal", ("fee",))
    return result


# --- context ------------------------------------------------------------------------


def words_of(case: WithdrawalApplication) -> Words:
    """The first instance's words, or the appeal's for a case with its appeal facts (the
    rules refuse a 民终 number without them and them with a 民初 number), or the suit's
    withdrawal at second instance."""
    if case.appeal is None:
        return FIRST
    return suit_words(case.appeal) if case.suit_withdrawal else appeal_words(case.appeal)


def _facts(case: WithdrawalApplication, words: Words) -> str:
    applicants = "、".join(a.party.name for a in case.applicants)
    defendants = "、".join(d.name for d in case.defendants)
    if case.reason == "other":
        why = case.reason_detail or ""
    else:
        why = REASON_TEXTS[case.reason].format(who=words.who, them=words.them)
        if case.reason == "performed" and _applicant_pays(case):
            why = REASON_TEXTS["performed"].format(who=words.them, them=words.who)
        if case.reason_detail:
            why += f"（{case.reason_detail.rstrip('。')}）"
    why = why.rstrip("。")
    if case.appeal is not None and case.suit_withdrawal is not None:
        suit_case = (case.dispute, case.case_number)
        return suit_facts(
            case.appeal, case.suit_withdrawal, (applicants, defendants), why, suit_case
        )
    if case.appeal is not None:
        filed = appeal_facts(case.appeal, (applicants, defendants), case.dispute, case.case_number)
        # the article the court's ruling rests on, as lawyers' samples cite it
        return (
            f"{filed}现{why}，上诉人经慎重考虑，决定撤回上诉。根据{APPEAL_WITHDRAWAL}的规定，"
            "特向贵院申请撤回上诉，请予准许。"
        )
    return (
        f"申请人{applicants}诉被告{defendants}{case.dispute}一案，贵院已立案受理，案号为"
        f"{case.case_number}。现{why}，申请人经慎重考虑，决定撤回对被告{defendants}的起诉，"
        "特向贵院申请撤诉，请予准许。"
    )


def _applicant_pays(case: WithdrawalApplication) -> bool:
    """Whether the payer is the applicant: the 原审被告 owes the sum sued for, so where the
    appellant withdrawing its appeal was the 原审被告 it is the appellant who paid the
    appellee (「上诉人已向被上诉人履行了付款义务」), not the other way round. At first
    instance and at the 原审原告's withdrawal of the suit the applicant is the plaintiff,
    paid by the other side."""
    appeal = case.appeal
    return (
        appeal is not None and case.suit_withdrawal is None and appeal.applicant_role == "defendant"
    )


def _refund_request(paid: Decimal, refund: Refund, words: Words) -> str:
    """The refund asked for, in one statement whose figures add up on the page: what was
    paid, the fee the withdrawal halves it to (诉讼费用交纳办法 art. 15), and the
    difference — 「…中的人民币1,332.49元…（已预交人民币2,664.99元；按诉讼请求金额
    118,249.32元，依…第十三条第（一）项、第十五条减半后应交人民币1,332.50元）」. The fee
    payable is half the fee charged, rounded half up (``court_fees.half_of``: the half fen
    is paid), and the refund is the rest. An appeal's fee is computed on the appeal's
    claims (art. 17) and named 第二审案件受理费."""
    if refund.claim is not None:
        basis = (
            f"按{words.claim}{format_yuan(refund.claim)}元，依《诉讼费用交纳办法》{words.articles}"
        )
    else:
        basis = "依《诉讼费用交纳办法》第十五条"
    return (
        f"依法退还{words.who}已预交{words.fee}中的{legal_amount(refund.refund)}（已预交人民币"
        f"{format_yuan(paid)}元；{basis}减半后应交人民币{format_yuan(refund.due)}元）。"
    )


def build_context(case: WithdrawalApplication, assessment: Assessment) -> dict[str, Any]:
    """The words of the application, pre-formatted, for the layout."""
    words = words_of(case)
    if case.appeal is not None and case.suit_withdrawal is not None:
        return _suit_context(case, assessment, words, case.appeal, case.suit_withdrawal)
    refund: Refund = assessment.computed["refund"]
    parties = _parties(case, words)
    defendants = "、".join(d.name for d in case.defendants)
    if case.appeal is not None:
        applicants = "、".join(a.party.name for a in case.applicants)
        requests = [f"准许上诉人{applicants}撤回上诉。"]
    else:
        requests = [f"准许申请人撤回对被告{defendants}的起诉。"]
    if refund.refund > 0:
        requests.append(_refund_request(to_fen(case.fee.paid), refund, words))
    elif case.fee.procedure == "summary":
        # the applicant's own request, as the refund is in the other withdrawals: the fee
        # paid halved already (第十六条), refunded if the court finds it due — a request
        # item in the body's type, not a note beneath the reasons
        requests.append(refund.basis)
    return {
        "title": words.title,
        "parties": parties,
        "case_line": f"案由：{case.dispute}　案号：{case.case_number}",
        "requests": requests,
        "facts": _facts(case, words),
        "court": assessment.computed["court"],
        "signers": filing_signature(words.signer, (a.party for a in case.applicants)),
        "application_date": format_cn(case.application_date),
    }


def _parties(case: WithdrawalApplication, words: Words) -> list[str]:
    parties: list[str] = []
    for a in case.applicants:
        parties += block_lines(words.applicant, a.party, a.agents, a.service)
    for d in case.defendants:
        parties += block_lines(words.other, d)
    # after the appellants and the appellees, as the appeal lists the parties
    third = case.appeal.third_parties if case.appeal is not None else []
    return parties + [line for t in third for line in third_party_lines(t)]


def _suit_context(
    case: WithdrawalApplication,
    assessment: Assessment,
    words: Words,
    appeal: Appeal,
    suit: SuitWithdrawal,
) -> dict[str, Any]:
    """The 原审原告's withdrawal of the suit at second instance: no fee request (the
    rules warn), its acknowledgment of the bar on suing again, the consents attached."""
    applicants = "、".join(a.party.name for a in case.applicants)
    return {
        "title": words.title,
        "parties": _parties(case, words),
        "case_line": f"案由：{case.dispute}　案号：{case.case_number}",
        "requests": [suit_request(appeal, applicants, words)],
        "facts": _facts(case, words),
        "statements": [suit_acknowledgment(words)],
        "attachments": suit_attachments(suit),
        "court": assessment.computed["court"],
        "signers": filing_signature(words.signer, (a.party for a in case.applicants)),
        "application_date": format_cn(case.application_date),
    }


def filename(case: WithdrawalApplication) -> str:
    """``撤诉申请书-张伟-20261120`` (``撤回上诉申请书-…``, ``撤回起诉申请书-…``) — named
    after the first defendant (appellee)."""
    defendant = filename_part(case.defendants[0].name)
    return f"{words_of(case).title}-{defendant}-{case.application_date:%Y%m%d}"


DOCUMENT: DocumentType[WithdrawalApplication] = DocumentType(
    name="withdrawal_application",
    order=140,
    layouts={"": "docgen.layouts.withdrawal_application:build"},
    title="撤诉申请书",
    description="第一审程序中原告申请撤回起诉，或第二审程序中上诉人申请撤回上诉（撤回上诉申请书），"
    "并按《诉讼费用交纳办法》第十五条申请退还一半案件受理费；或第二审程序中原审原告经其他当事人"
    "同意撤回起诉（撤回起诉申请书）",
    model=WithdrawalApplication,
    assess=assess,
    build_context=build_context,
    filename=filename,
    bundle_part=None,
    court_filing=True,
)
