"""支付令申请书 — the creditor asks the court to order the debtor to pay (督促程序).

A creditor owed money may apply to the competent basic-level court for a payment order
when it has no other debt dispute with the debtor and the order can be served on the
debtor (民事诉讼法 art. 225); the court answers within five days (art. 226) and, the debt
being clear and lawful, orders the debtor to pay or object in writing within fifteen days
(art. 227); a written objection ends the procedure and the case goes on as a suit unless
the creditor declines (art. 228). The application is accepted only when the money is due
and its amount fixed, the creditor owes no counter-performance, the debtor is in China
and can be found, the order can be served, and no pre-suit preservation was applied for
(民诉法解释 art. 427); interest, penalty or damages not agreed in writing are refused
(art. 428). The court is the basic-level court of the debtor's domicile (民诉法解释
art. 23). The fee is a third of the acceptance fee of a property case (诉讼费用交纳办法
art. 14(3)).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import ConfigDict, Field, field_validator

from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.court_names import check_filed_court, domicile_places
from docgen.documents.court_parts import (
    TRIAL_AGENT,
    Agent,
    agent_line,
    block_lines,
    check_court,
    check_representative_position,
    filing_signature,
)
from docgen.documents.filed_exhibits import (
    FiledExhibit,
    check_exhibits,
    exhibit_rows,
    exhibits_filed,
    named_only,
)
from docgen.documents.filenames import filename_part
from docgen.documents.part_models import InterestCalc
from docgen.documents.parts import check_party, same_party
from docgen.documents.payment_order_amounts import Computed, check_calculations
from docgen.documents.payment_order_debtor import check_court_of_debtor, check_debtor_address
from docgen.documents.payment_order_rules import (
    CONDITIONS,
    ITEM_LABELS,
    check_conditions,
    check_item,
    confirmed_sentence,
)
from docgen.documents.problems import Assessment
from docgen.documents.standing_papers import check_agent_standing, standing_papers
from docgen.domain.court_fees import FeeResult, payment_order_fee
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import shown_when
from docgen.domain.fields import CaseModel, Line, Money, Paragraph, ShortText
from docgen.domain.money import format_yuan, legal_amount, to_fen
from docgen.domain.parties import Party

APPLICANT = "申请人"
_CPL = "《中华人民共和国民事诉讼法》"
_SPI = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"


ANSWERS = tuple(condition.field for condition in CONDITIONS)


def _asked(schema: dict[str, Any], hints: dict[str, Any] | None = None) -> None:
    """An answer the form requires, as a yes/no with no default: ``None`` in the model
    only so that the rules, not the parser, ask it with its article
    (payment_order_rules.check_conditions, check_item)."""
    schema.pop("anyOf", None)
    schema.pop("default", None)
    schema["type"] = "boolean"
    schema.update(hints or {})


ASKED_KINDS = ("interest", "penalty", "other")
"""The items asked whether the documents agree them (民诉法解释 art. 428(2))."""


def _required(*names: str) -> Any:
    def add(schema: dict[str, Any]) -> None:
        schema["required"] = [*schema.get("required", []), *names]

    return add


class ClaimItem(CaseModel):
    kind: Literal["principal", "interest", "penalty", "other"] = Field(
        title="款项", json_schema_extra={"enum_titles": list(ITEM_LABELS.values())}
    )
    label: ShortText | None = Field(default=None, title="说明", description="如 借款本金")
    amount: Money = Field(title="金额（元）", description="已到期且数额确定")
    basis: Line | None = Field(
        default=None,
        title="计算方式",
        description="利息、违约金写明基数、利率及起止日期，如 以100,000元为基数，按年利率6%"
        "自2025年1月10日计至2026年10月31日",
    )
    calculation: InterestCalc | None = Field(
        default=None,
        title="计算方式（基数、利率、起止日期）",
        description="填写后按此核对金额，相差超过0.01元的不予通过；民间借贷按合同成立时一年期"
        "贷款市场报价利率的四倍核对利率上限（法释〔2020〕17号第二十五条）",
        json_schema_extra=shown_when("kind", "interest", "penalty"),
    )
    agreed: bool | None = Field(
        default=None,
        title="有书面约定",
        description="本金以外的利息、违约金、律师费等须在合同、借条等证明文件中约定（《最高人民法院"
        "关于适用〈中华人民共和国民事诉讼法〉的解释》第四百二十八条第二项）",
        json_schema_extra=lambda schema: _asked(schema, shown_when("kind", *ASKED_KINDS)),
    )

    model_config = ConfigDict(json_schema_extra=_required("agreed"))


class PaymentOrderAgent(Agent):
    """An agent of the applicant; a relative's kinship is printed in the agent line."""

    relation: ShortText | None = Field(
        default=None,
        title="与申请人的关系",
        description="代理资格为近亲属时填写，如 配偶、父母、子女、兄弟姐妹",
        json_schema_extra=shown_when("standing", "relative"),
    )


class PaymentOrderApplication(CaseModel):
    """The facts of an application for a payment order."""

    application_date: date = Field(title="申请日期")
    court: Line = Field(title="受理法院", description="债务人住所地的基层人民法院")
    applicant: Party = Field(title="申请人（债权人）")
    agents: list[PaymentOrderAgent] = Field(default_factory=list, max_length=2, title="委托代理人")
    respondent: Party = Field(title="被申请人（债务人）")
    items: list[ClaimItem] = Field(title="请求给付的金钱", min_length=1, max_length=10)
    due_date: date = Field(title="债务到期日")
    basis: Line = Field(title="债权依据", description="如 2025年1月10日签订的《借款合同》")
    contract_kind: (
        Literal["private_lending", "financial_loan", "credit_card", "sale", "service", "other"]
        | None
    ) = Field(
        default=None,
        title="合同类型",
        description="民间借贷的利息按法释〔2020〕17号第二十五条核对利率上限",
        json_schema_extra={
            "enum_titles": ["民间借贷", "金融借款", "信用卡", "买卖合同", "服务合同", "其他"]
        },
    )
    signed_on: date | None = Field(
        default=None,
        title="合同成立日期",
        description="民间借贷按合同成立时的一年期贷款市场报价利率核对利率上限",
    )
    facts: Paragraph = Field(title="事实与理由")
    evidence: list[FiledExhibit] = Field(title="证据", min_length=1, max_length=30)
    # each condition of acceptance is the applicant's answer, never assumed: unanswered
    # (None) it is asked (payment_order_rules.check_conditions)
    counter_performance: bool | None = Field(
        default=None,
        title="申请人负有对待给付义务",
        description=f"如申请人尚未交货、尚未提供服务；负有对待给付义务的不予受理（{_SPI}"
        "第四百二十七条第三项）",
        json_schema_extra=_asked,
    )
    respondent_in_mainland: bool | None = Field(
        default=None,
        title="被申请人在我国境内",
        description=f"被申请人不在我国境内的不予受理（{_SPI}第四百二十七条第四项）",
        json_schema_extra=_asked,
    )
    respondent_reachable: bool | None = Field(
        default=None,
        title="被申请人下落明确",
        description=f"支付令能够送达被申请人；下落不明的不予受理，支付令不适用公告送达（{_SPI}"
        "第四百二十七条第四项、第五项）",
        json_schema_extra=_asked,
    )
    preservation_applied: bool | None = Field(
        default=None,
        title="已申请诉前财产保全",
        description=f"已就本债务申请诉前保全的不予受理（{_SPI}第四百二十七条第七项）",
        json_schema_extra=_asked,
    )

    model_config = ConfigDict(json_schema_extra=_required(*ANSWERS))

    @field_validator("evidence", mode="before")
    @classmethod
    def _named_only(cls, value: Any) -> Any:
        return named_only(value)


# --- rules --------------------------------------------------------------------------


def _agent_lines(case: PaymentOrderApplication) -> list[str]:
    """The relative agent's standing, in the words of 民事诉讼法 art. 61 (当事人的近亲属),
    before the 工作单位: the 工作单位 alone does not show why they may act."""
    lines = []
    for agent in case.agents:
        line = agent_line(agent)
        if agent.standing == "relative":
            kin = f"（{agent.relation}）" if agent.relation else ""
            who = f"系{APPLICANT}{case.applicant.name}的近亲属{kin}，"
            line = line.replace(f"：{agent.name}，", f"：{agent.name}，{who}", 1)
        lines.append(line)
    return lines


def _check_relations(result: Assessment, case: PaymentOrderApplication) -> None:
    for i, agent in enumerate(case.agents):
        if agent.standing == "relative" and not agent.relation:
            result.warn(
                ("agents", i, "relation"),
                "relation_missing",
                f"请写明委托诉讼代理人{agent.name}与{APPLICANT}{case.applicant.name}的近亲属关系"
                f"（如配偶、子女）：近亲属可以被委托为诉讼代理人（{_CPL}第六十一条第二款第二项）",
            )


def total(case: PaymentOrderApplication) -> Decimal:
    return sum((item.amount for item in case.items), Decimal(0))


def assess(case: PaymentOrderApplication, options: RuleOptions) -> Assessment:
    result = Assessment()
    check_court(result, case.court)
    # the debtor's domicile court (民诉法解释 art. 23) tells which of several namesakes
    places = domicile_places("被申请人", [case.respondent])
    court = check_filed_court(result, case.court, "申请书", places=places)
    result.computed["court"] = court
    judged = check_debtor_address(result, case)
    check_court_of_debtor(result, case, court, judged)
    check_party(result, case.applicant, ("applicant",))
    check_representative_position(result, case.applicant, ("applicant",), "支付令申请书")
    check_agent_standing(result, APPLICANT, case.applicant, case.agents, ("agents",), TRIAL_AGENT)
    check_party(result, case.respondent, ("respondent",))
    if same_party(case.applicant, case.respondent):
        result.error(("respondent",), "same_party", "被申请人与申请人不能为同一主体")
    check_conditions(result, case)
    result.computed["calculations"] = check_calculations(result, case, options.lpr_table)
    _check_relations(result, case)
    for i, item in enumerate(case.items):
        check_item(result, item, ("items", i))
    _check_interest_end(result, case)
    check_exhibits(result, case.evidence)  # each source and purpose (民事证据规定 art. 19)
    if case.due_date > case.application_date:
        result.error(
            ("due_date",),
            "not_due",
            f"债务到期日（{format_cn(case.due_date)}）晚于申请日期：支付令只适用于已到期且"
            f"数额确定的金钱债务（{_SPI}第四百二十七条）",
        )
    if case.application_date > options.current_date():
        result.warn(("application_date",), "date_in_future", "申请日期晚于今天，请确认")
    result.computed["total"] = total(case)
    result.computed["fee"] = payment_order_fee(total(case))
    return result


# 「自2026年1月11日起至2026年10月31日止」, 「计至2026年10月31日」: the day a period ends
_PERIOD_END = re.compile(r"至\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def period_end(basis: str | None) -> date | None:
    """The last day named after 至 in an item's basis, or None."""
    found = None
    for match in _PERIOD_END.finditer(basis or ""):
        try:
            found = date(*(int(g) for g in match.groups()))
        except ValueError:
            continue  # no such day: not a period's end
    return found


def _item_end(item: ClaimItem, application_date: date) -> date | None:
    """The last day an item's interest is counted to: its calculation's end (the
    application date where none is given), else the day its basis names."""
    if item.calculation is not None:
        return item.calculation.end or application_date
    return period_end(item.basis)


def _check_interest_end(result: Assessment, case: PaymentOrderApplication) -> None:
    """Interest or a penalty running after the due date and counted to a day before the
    application: the order is made for the fixed sum the application asks
    (民诉法解释 art. 427(2): 请求给付的金钱…数额确定), so what runs from that day to the
    application is not asked for. Only the latest period ending after the due date is
    read (an earlier rate's period, the term's interest ending on the due date, is
    complete); warned on its basis, the user choosing to count on."""
    running = [
        (end, i)
        for i, item in enumerate(case.items)
        if item.kind in ("interest", "penalty")
        and (end := _item_end(item, case.application_date)) is not None
        and end > case.due_date
    ]
    if not running:
        return
    end, i = max(running)
    if end >= case.application_date:
        return
    item = case.items[i]
    name = item.label or ITEM_LABELS[item.kind]
    days = (case.application_date - end).days
    result.warn(
        ("items", i, "basis"),
        "interest_ends_before_application",
        f"{name}计算至{format_cn(end)}，早于申请日期{format_cn(case.application_date)}：支付令只就"
        f"申请书请求给付的确定数额发出（{_SPI}第四百二十七条第二项），此后{days}日的{name}"
        "不在请求之内",
        hint=f"如需一并请求，请将{name}计算至申请日期（{format_cn(case.application_date)}）"
        "并相应修改金额",
    )


# --- context ------------------------------------------------------------------------


def _request(case: PaymentOrderApplication, computed: Computed) -> tuple[str, list[str], str]:
    """The request, what it is made of and its total, so that the clerk can match each
    figure with the facts (民事诉讼法 art. 225). One item is named before its amount in
    one sentence; several are numbered items (「1. 借款本金人民币…元（大写：…）；」), each
    with how it was reached after its amount, then their total: no bracket inside
    another's. How an item was reached is its basis as typed, else its calculation's
    words (payment_order_amounts)."""
    to = f"请求贵院向被申请人{case.respondent.name}发出支付令，督促被申请人向申请人给付"
    hows = [
        f"（{how}）" if (how := item.basis or computed.words.get(i)) else ""
        for i, item in enumerate(case.items)
    ]
    pieces = [
        (item.label or ITEM_LABELS[item.kind]) + legal_amount(item.amount) + how
        for item, how in zip(case.items, hows, strict=True)
    ]
    if len(case.items) == 1:
        item = case.items[0]
        named = (item.label or ITEM_LABELS[item.kind]) + hows[0] + legal_amount(item.amount)
        return f"{to}{named}。", [], ""
    last = len(pieces) - 1
    claims = [piece + ("。" if i == last else "；") for i, piece in enumerate(pieces)]
    return f"{to}下列款项：", claims, f"以上合计{legal_amount(total(case))}。"


def fee_text(fee: FeeResult) -> str:
    """The fee, what it was computed on and the articles, in the application's words: the
    acceptance fee of the amount (诉讼费用交纳办法 art. 13(1)), a third of it (art. 14(3));
    advanced by the applicant, borne by a debtor who raises no objection (art. 36). The
    acceptance fee printed is the one the court charges (``FeeResult.full_charged``), so
    that its third is the fee; charged to the yuan, a third that is not whole says so."""
    rounded = "，四舍五入保留至元" if to_fen(fee.full_charged / 3) != fee.fee else ""
    return (
        f"申请费{legal_amount(fee.fee)}：按请求给付的金额人民币{format_yuan(fee.amount)}元，"
        f"依《诉讼费用交纳办法》第十三条第（一）项分段累计为人民币{format_yuan(fee.full_charged)}元，"
        f"依第十四条第（三）项按其三分之一计算{rounded}。申请费由申请人预交；被申请人对支付令"
        "未提出异议的，由被申请人负担（同办法第三十六条）。"
    )


def _reasons(case: PaymentOrderApplication) -> list[str]:
    return [
        case.facts,
        f"上述债务已于{format_cn(case.due_date)}到期，数额确定，债权依据为{case.basis}。"
        + confirmed_sentence(case),
        f"为此，根据{_CPL}第二百二十五条的规定，特向贵院申请支付令。",
    ]


def attachments(case: PaymentOrderApplication) -> list[str]:
    """The papers filed with the application: a copy of it for the one respondent (as a
    complaint's, 民事诉讼法 art. 123: 按照被告人数提出副本), the evidence the table lists,
    counted by its items (art. 225: 所根据的事实、证据), not by the copies; then the
    applicant's standing and agent papers, as the enforcement application lists them
    (``standing_papers``: 法释〔2015〕8号 art. 6 by analogy; 民诉法解释 art. 88)."""
    return [
        "本申请书副本1份",
        exhibits_filed(case.evidence),
        *standing_papers(APPLICANT, case.applicant, case.agents, TRIAL_AGENT),
    ]


def build_context(case: PaymentOrderApplication, assessment: Assessment) -> dict[str, Any]:
    fee: FeeResult = assessment.computed["fee"]
    # an address written 住… is not printed 住住…
    applicant, respondent = (
        [line.replace("，住住", "，住") for line in block_lines(label, party)]
        for label, party in (("申请人", case.applicant), ("被申请人", case.respondent))
    )
    parties = applicant + _agent_lines(case) + respondent
    request, claims, request_total = _request(case, assessment.computed["calculations"])
    return {
        "title": "支付令申请书",
        "parties": parties,
        "request": request,
        "claims": claims,
        "request_total": request_total,
        "reasons": _reasons(case),
        "evidence": exhibit_rows(case.evidence),
        "fee": fee_text(fee),
        "court": assessment.computed["court"],
        "attachments": attachments(case),
        "signers": filing_signature("申请人", [case.applicant]),
        "application_date": format_cn(case.application_date),
        "total": format_yuan(total(case)),
    }


def filename(case: PaymentOrderApplication) -> str:
    respondent = filename_part(case.respondent.name)
    return f"支付令申请书-{respondent}-{case.application_date:%Y%m%d}"


DOCUMENT: DocumentType[PaymentOrderApplication] = DocumentType(
    name="payment_order",
    order=120,
    layouts={"": "docgen.layouts.payment_order:build"},
    title="支付令申请书",
    model=PaymentOrderApplication,
    assess=assess,
    build_context=build_context,
    filename=filename,
    description="申请债务人住所地基层人民法院发出支付令，督促债务人给付到期且数额确定的金钱",
    court_filing=True,
)
