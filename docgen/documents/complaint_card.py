"""The element-based complaint for 信用卡纠纷 (要素式, the Supreme People's Court's model
form 民事起诉状（信用卡纠纷）, 法〔2025〕82号): the issuer sues the cardholder. Its claims
(seven items: 透支本金; 利息、罚息、复利、滞纳金、违约金、手续费等; 担保; 实现债权的费用;
诉讼费用; 其他请求; 标的总额) and its facts (15 items: the card, the agreement's terms,
the notice given of them, what was repaid and what is overdue, the collection, the
security, the basis). The card number is printed masked, only its last four digits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import Field, field_validator

from docgen.documents.complaint_basis import legal_basis
from docgen.documents.complaint_branch_rules import company_claims, company_facts
from docgen.documents.complaint_causes import Answer, Paid
from docgen.documents.complaint_form_parts import (
    BLANK,
    Row,
    box,
    components,
    cost_items,
    fee_row,
    interest_method,
    other_facts,
    val,
    yes_no,
)
from docgen.documents.complaint_form_security import security_rows
from docgen.documents.complaint_parts import Collateral
from docgen.documents.complaint_reasons import guarantor_default_facts
from docgen.documents.complaint_security import form_security_claims
from docgen.documents.complaint_text import borrowers, names, principal, running_claim
from docgen.documents.parts import RateInput, ResolvedAmounts
from docgen.domain.court_fees import FeeResult
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Money, ShortText, Text
from docgen.domain.interest import RateSpec
from docgen.domain.lpr import format_percent
from docgen.domain.money import format_yuan, legal_amount

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

CARD_CHARGE_WORDS = ("手续费", "年费", "分期")
"""A fee component so named is a charge of the card agreement (claim 2), not a cost of
enforcing the claim (claim 4, e.g. 律师费)."""
CHARGES = ("利息", "罚息", "复利", "滞纳金", "违约金", "手续费")
"""The charges the form lists apart, in its order."""


class CardFacts(CaseModel):
    """信用卡: the card, the agreement's terms, the use, the repayment and the collection."""

    card_last4: ShortText = Field(
        title="卡号末四位",
        description="只填卡号末四位数字；起诉状按「**** **** **** 1234」打印，不打印完整卡号",
    )
    holder: Line | None = Field(
        default=None, title="信用卡登记权利人", description="不填则为被告（持卡人）"
    )
    issuing_bank: Line | None = Field(
        default=None, title="办卡行", description="不填则为原告；如 某某银行信用卡中心"
    )
    credit_limit: Money | None = Field(default=None, title="信用额度（元）")
    usage: Text | None = Field(
        default=None, title="透支消费、取现情况", description="如 2025年1月至6月陆续透支消费及取现"
    )
    rate: RateInput | None = Field(
        default=None, title="透支利率", description="日利率万分之五填 日利率 0.05"
    )
    rate_clause: ShortText | None = Field(default=None, title="利率条款", description="如 第五条")
    compound: bool = Field(default=False, title="约定计收复利")
    compound_clause: ShortText | None = Field(default=None, title="复利条款")
    penalty_terms: Text | None = Field(
        default=None, title="违约金约定", description="如 按最低还款额未还部分的5%收取"
    )
    fee_terms: Text | None = Field(
        default=None, title="手续费等约定", description="如 分期手续费、取现手续费的标准"
    )
    liability: Text | None = Field(default=None, title="违约责任")
    termination: Text | None = Field(default=None, title="解除条件")
    notice_given: Answer | None = Field(
        default=None, title="是否就合约主要条款进行提示注意", description="具体方式以及时间地点"
    )
    repaid_overdue: Paid | None = Field(default=None, title="逾期部分已还金额（元）")
    collection: Answer | None = Field(default=None, title="是否向被告进行通知和催收")
    collateral: Collateral | None = Field(default=None, title="抵押、质押等物的担保")
    guarantee_contract: Text | None = Field(default=None, title="保证合同")
    guarantee_signed_on: date | None = Field(default=None, title="保证合同签订时间")
    other_security: Line | None = Field(default=None, title="其他担保方式")
    other_security_on: date | None = Field(default=None, title="其他担保签订时间")

    @field_validator("card_last4", mode="before")
    @classmethod
    def _strip(cls, value: Any) -> Any:
        return value.strip() if isinstance(value, str) else value

    @property
    def masked(self) -> str:
        """The number as printed: never more than its last four digits."""
        return f"**** **** **** {self.card_last4[-4:]}"


def _yuan(value: Decimal | None) -> str:
    return f"{format_yuan(value)}元" if value is not None else f"{BLANK}元"


def charge_of(component: Any) -> str | None:
    """Which of the form's charges a component is (None: principal, a cost, other)."""
    label = component.display_label
    if component.kind == "interest":
        return next((w for w in ("复利", "罚息") if w in label), "利息")
    if component.kind == "penalty":
        return "滞纳金" if "滞纳金" in label else "违约金"
    if component.kind == "fee" and any(w in label for w in CARD_CHARGE_WORDS):
        return "手续费"
    return None


def charges(case: CivilComplaint, resolved: ResolvedAmounts) -> list[tuple[Any, Decimal]]:
    pairs = zip(case.amounts.components, resolved.amounts, strict=True)
    return [(c, v) for c, v in pairs if charge_of(c) is not None]


def _by_charge(pairs: list[tuple[Any, Decimal]]) -> dict[str, Decimal]:
    totals = dict.fromkeys(CHARGES, Decimal(0))
    for component, value in pairs:
        totals[charge_of(component) or "利息"] += value
    return totals


def describe_rate(rate: RateSpec, resolved: ResolvedAmounts) -> str:
    """The rate and, as the card rules ask it disclosed, its annualised equivalent."""
    if rate.kind in ("monthly", "daily"):
        annual = rate.value * (12 if rate.kind == "monthly" else 365)
        return f"{rate.describe()}（折合年化利率{format_percent(annual)}%）"
    return resolved.rate_words(rate)


def _claims(case: CivilComplaint, resolved: ResolvedAmounts, fee: FeeResult) -> list[Row]:
    as_of = format_cn(case.amounts.as_of)
    owed = charges(case, resolved)
    costs = [(c, v) for c, v in components(case, resolved, ("fee",)) if charge_of(c) is None]
    others = components(case, resolved, ("other",))
    # what runs on to the day of payment: the narrative claim's words (not the form's
    # 「利息、罚息、复利、滞纳金、违约金以及手续费等各项费用按照信用卡领用协议」, which would
    # claim charges the case does not)
    running = running_claim(case, resolved)
    until_paid = f"；另请求支付{running}" if running else ""
    secured = form_security_claims(case)
    detail = "；".join(f"{c.display_label}{_yuan(v)}" for c, v in owed) or BLANK
    listed = cost_items(case, costs)
    other = "；".join(
        [
            *(f"{c.display_label}{_yuan(v)}" for c, v in others),
            *company_claims(case),
        ]
    )
    total = sum((v for _, v in owed), Decimal(0))
    method = interest_method(case, resolved, owed)
    return [
        {
            "label": "1. 透支本金",
            "value": f"截至{as_of}止，尚欠本金{_yuan(principal(case))}（人民币，下同）",
        },
        {
            "label": "2. 利息、罚息、复利、滞纳金、违约金、手续费等",
            "value": f"截至{as_of}止，欠利息、罚息、复利、滞纳金、违约金、手续费等共计"
            f"{_yuan(total)}{until_paid}；明细：{detail}；计算方式：{method}",
        },
        {
            "label": "3. 是否主张担保权利",
            "value": yes_no(bool(secured), f"内容：{secured}" if secured else ""),
        },
        {
            "label": "4. 是否主张实现债权的费用",
            "value": yes_no(bool(costs), f"费用明细：{listed}" if costs else ""),
        },
        {"label": "5. 是否主张诉讼费用", "value": yes_no(True, "（由被告承担）")},
        {"label": "6. 其他请求", "value": other or "无"},
        {"label": "7. 标的总额", "value": f"{legal_amount(resolved.total)}（暂计至{as_of}）"},
        fee_row(fee, case.procedure),
    ]


def _terms(card: CardFacts | None, resolved: ResolvedAmounts) -> str:
    if card is None:
        return (
            f"透支金额：{BLANK}；利息、罚息、复利、滞纳金、违约金、手续费等的计算标准：{BLANK}；"
            f"违约责任：{BLANK}；解除条件：{BLANK}"
        )
    limit = f"信用额度{_yuan(card.credit_limit)}" if card.credit_limit else BLANK
    rate = (
        f"透支利率{describe_rate(card.rate.spec(), resolved)}" if card.rate else f"透支利率{BLANK}"
    )
    clause = f"（合约条款：{card.rate_clause}）" if card.rate_clause else ""
    compound = box(card.compound, "复利") + (
        f"（合约条款：{card.compound_clause}）" if card.compound and card.compound_clause else ""
    )
    standards = "　".join(
        (
            rate + clause,
            compound,
            f"违约金：{val(card.penalty_terms)}",
            f"手续费等：{val(card.fee_terms)}",
        )
    )
    return (
        f"透支金额：{limit}；利息、罚息、复利、滞纳金、违约金、手续费等的计算标准：{standards}；"
        f"违约责任：{val(card.liability)}；解除条件：{val(card.termination)}"
    )


def _answer(answer: Answer | None, what: str) -> str:
    value = answer.answer if answer else None
    detail = f"{what}：{answer.detail}" if answer and answer.answer and answer.detail else ""
    return yes_no(value, detail)


def _overdue(case: CivilComplaint, resolved: ResolvedAmounts, overdue_from: date) -> str:
    parts = _by_charge(charges(case, resolved))
    owed = "、".join(f"{name}{_yuan(parts[name])}" for name in CHARGES)
    return (
        f"逾期时间：到期还款日{format_cn(case.contract.due_date)}，自{format_cn(overdue_from)}起"
        f"至今已逾期；截至{format_cn(case.amounts.as_of)}，"
        f"被告欠付信用卡本金{_yuan(principal(case))}、{owed}"
    )


def _facts(case: CivilComplaint, resolved: ResolvedAmounts, overdue_from: date) -> list[Row]:
    card, contract = case.card, case.contract
    holder = (card.holder if card else None) or names(borrowers(case))
    bank = (card.issuing_bank if card else None) or names([p.party for p in case.plaintiffs])
    number = f"（编号：{contract.number}）" if contract.number else ""
    usage = f"；用卡情况：{card.usage}" if card and card.usage else ""
    told = (contract.summary, *company_facts(case), case.facts)
    other = other_facts(told, guarantor_default_facts(case))
    return [
        {
            "label": "1. 信用卡办理情况（信用卡卡号、信用卡登记权利人、办卡时间、办卡行等）",
            "value": f"卡号：{card.masked if card else BLANK}；登记权利人：{holder}；"
            f"办卡时间：{format_cn(contract.signed_on)}；办卡行：{bank}；"
            f"领用合约：《{contract.name}》{number}{usage}",
        },
        {"label": "2. 信用卡合约的主要约定", "value": _terms(card, resolved)},
        {
            "label": "3. 是否就信用卡合约主要条款进行提示注意",
            "value": _answer(card.notice_given if card else None, "提示说明的具体方式以及时间地点"),
        },
        {
            "label": "4. 被告逾期部分已还金额",
            "value": _yuan(card.repaid_overdue if card else None),
        },
        {"label": "5. 被告逾期未还款金额", "value": _overdue(case, resolved, overdue_from)},
        {
            "label": "6. 是否向被告进行通知和催收",
            "value": _answer(card.collection if card else None, "具体情况"),
        },
        *(security_rows(case, card, 7) if card else []),
        {
            "label": "14. 请求承担责任的依据",
            "value": f"合同约定：《{contract.name}》的约定；法律规定："
            + "；".join(legal_basis(case)),
        },
        {"label": "15. 其他需要说明的内容", "value": other},
        {"label": "证据清单", "value": "详见下附证据清单"},
    ]


def card_sections(
    case: CivilComplaint, resolved: ResolvedAmounts, fee: FeeResult, overdue_from: date
) -> tuple[list[Row], list[Row]]:
    """The claims and the facts of the 信用卡纠纷 form."""
    return _claims(case, resolved, fee), _facts(case, resolved, overdue_from)
