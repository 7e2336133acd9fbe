"""A guarantee (保证) of a debt: its type, its 保证期间 and the guarantor's limitation.

One model for every document that names a guarantor (letters and the complaint):
:class:`Guarantee` holds the facts as the guarantee contract states them, and
:func:`guarantee_status` says, on a given day, whether the guarantor is still liable.

The law (民法典, book III, chapter 13):

- art. 686(2): a contract that does not state the type (or states it unclearly) is a
  general guarantee (一般保证) — never a joint one;
- art. 687: a general guarantor may refuse to pay until the debtor has been sued and
  enforcement against the debtor's property has failed (先诉抗辩权); art. 688: a joint
  guarantor (连带责任保证) may be asked to pay as soon as the debt is overdue;
- art. 690: a maximum-amount guarantee (最高额保证) covers the debts arising within a period
  up to a maximum amount;
- art. 692: the 保证期间 is as agreed; an agreed period ending no later than the principal
  debt's due date counts as not agreed; not agreed or unclear: six months from the day the
  principal debt fell due. It is never suspended, interrupted or extended;
- art. 693: a general guarantor is freed unless the creditor sued the debtor (or applied for
  arbitration) within the period; a joint guarantor unless the creditor demanded
  performance from the guarantor within it;
- art. 694: the guarantor's own limitation period runs, for a general guarantee, from the
  day the 先诉抗辩权 ends; for a joint guarantee, from the creditor's demand.

The SPC's interpretation on guarantees (法释〔2020〕28号) adds: art. 30, a maximum-amount
guarantee's period runs from the day the debts are fixed (债权确定之日), or the last debt's
due date when that is later; art. 32, "until the debt is repaid" (直至主债务本息还清时为止)
is an unclear period, so six months.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import Field

from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Money
from docgen.domain.limitation import add_period
from docgen.domain.money import format_yuan

GuaranteeType = Literal["general", "joint", "not_stated"]
ResolvedType = Literal["general", "joint"]
PeriodKind = Literal["agreed", "not_agreed", "until_repaid"]

TYPE_LABELS: dict[str, str] = {
    "general": "一般保证",
    "joint": "连带责任保证",
    "not_stated": "保证合同未约定保证方式（依法按一般保证）",
}
RESOLVED_LABELS: dict[ResolvedType, str] = {"general": "一般保证", "joint": "连带责任保证"}
PERIOD_LABELS: dict[str, str] = {
    "agreed": "约定了保证期间",
    "not_agreed": "未约定保证期间",
    "until_repaid": "约定为直至主债务本息还清时为止",
}
STATUTORY_MONTHS = 6


class MaximumGuarantee(CaseModel):
    """最高额保证: the debts of a period, up to a maximum amount (民法典 art. 690)."""

    amount: Money = Field(title="最高债权额（元）", gt=0)
    period_start: date = Field(title="债权确定期间起始日")
    period_end: date = Field(title="债权确定期间届满日", description="被担保债权的确定之日")


class Guarantee(CaseModel):
    """The guarantee as the guarantee contract states it, and what the creditor has done."""

    type: GuaranteeType = Field(
        title="保证方式",
        description="保证合同未约定或约定不明确的，按一般保证（民法典第六百八十六条第二款）",
        json_schema_extra={"enum_titles": list(TYPE_LABELS.values())},
    )
    contract: Line | None = Field(
        default=None, title="保证合同", description="如 2025年1月10日签订的《保证合同》"
    )
    period: PeriodKind = Field(
        default="not_agreed",
        title="保证期间",
        json_schema_extra={"enum_titles": list(PERIOD_LABELS.values())},
    )
    period_end: date | None = Field(
        default=None, title="约定的保证期间届满日", description="约定了保证期间时必填"
    )
    claimed_on: date | None = Field(
        default=None,
        title="向保证人主张保证责任的日期",
        description="连带责任保证：债权人在保证期间内请求保证人承担保证责任之日（如催告函送达）",
    )
    debtor_sued_on: date | None = Field(
        default=None,
        title="对债务人起诉或申请仲裁的日期",
        description="一般保证：债权人在保证期间内对债务人提起诉讼或申请仲裁之日",
    )
    defence_ended_on: date | None = Field(
        default=None,
        title="先诉抗辩权消灭之日",
        description="一般保证：如对债务人终结本次执行程序裁定送达之日，保证债务的诉讼时效自此起算",
    )
    maximum: MaximumGuarantee | None = Field(default=None, title="最高额保证")
    arbitration_agreed: bool = Field(
        default=False,
        title="保证合同约定仲裁",
        description="保证合同（或保证人签署的其他协议）载有仲裁条款；主合同的仲裁条款不约束保证人",
    )

    @property
    def resolved_type(self) -> ResolvedType:
        """The type the law applies: an unstated type is a general guarantee (art. 686(2))."""
        return "joint" if self.type == "joint" else "general"

    @property
    def label(self) -> str:
        return RESOLVED_LABELS[self.resolved_type]


@dataclass(frozen=True)
class GuaranteePeriod:
    """The 保证期间: the day after ``due`` to ``end``; ``basis`` says why, in Chinese."""

    due: date
    end: date
    statutory: bool
    basis: str


@dataclass(frozen=True)
class GuaranteeStatus:
    """Whether the guarantor is still liable on ``on``.

    ``preserved_on`` is the creditor's act within the period that keeps the guarantor
    liable (art. 693), None if there is none yet; ``lapsed`` is True when the period ended
    without one. ``limitation_from`` / ``limitation_expires`` are the guarantor's own
    limitation period (art. 694; three years, art. 188), when it has started.
    """

    type: ResolvedType
    presumed: bool
    period: GuaranteePeriod
    preserved_on: date | None
    lapsed: bool
    limitation_from: date | None
    limitation_expires: date | None


DUE_WORDS = "主债务履行期限届满之日"


def guarantee_period(
    guarantee: Guarantee, principal_due: date, due_words: str = DUE_WORDS
) -> GuaranteePeriod:
    """The 保证期间 of ``guarantee`` for a principal debt due on ``principal_due``;
    ``due_words`` names that day in the basis (a debt declared due early says so)."""
    due = principal_due
    fixed = ""
    if guarantee.maximum is not None and guarantee.maximum.period_end > due:
        due = guarantee.maximum.period_end
        fixed = (
            f"最高额保证自债权确定之日（{format_cn(due)}）起算"
            "（《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》第三十条）；"
        )
    agreed = guarantee.period_end
    if guarantee.period == "agreed" and agreed is not None and agreed > due:
        return GuaranteePeriod(
            due, agreed, False, f"{fixed}保证合同约定保证期间至{format_cn(agreed)}"
        )
    end = add_period(due, months=STATUTORY_MONTHS).corresponding
    if guarantee.period == "agreed" and agreed is not None:
        why = (
            f"约定的保证期间（至{format_cn(agreed)}）不晚于主债务履行期限届满，视为没有约定"
            "（《民法典》第六百九十二条第二款）"
        )
    elif guarantee.period == "until_repaid":
        why = (
            "约定保证责任直至主债务本息还清时为止，视为约定不明（《最高人民法院关于适用"
            "〈中华人民共和国民法典〉有关担保制度的解释》第三十二条）"
        )
    else:
        why = "保证合同未约定保证期间"
    # a maximum guarantee's period starts on the day its debts were fixed, named above
    start = "自该日起" if fixed else f"为{due_words}（{format_cn(due)}）起"
    basis = (
        f"{fixed}{why}，保证期间{start}六个月，至{format_cn(end)}（《民法典》第六百九十二条第二款）"
    )
    return GuaranteePeriod(due, end, True, basis)


def guarantee_status(
    guarantee: Guarantee,
    principal_due: date,
    on: date,
    *,
    acting_on: date | None = None,
    due_words: str = DUE_WORDS,
) -> GuaranteeStatus:
    """The guarantor's position on ``on``.

    ``acting_on`` is a day the document itself is the creditor's act of art. 693 (a
    complaint suing the debtor and the guarantor; a demand to a joint guarantor), counted
    like a recorded one. ``due_words``: as for :func:`guarantee_period`.
    """
    kind = guarantee.resolved_type
    period = guarantee_period(guarantee, principal_due, due_words)
    recorded = guarantee.claimed_on if kind == "joint" else guarantee.debtor_sued_on
    acts = sorted(d for d in (recorded, acting_on) if d is not None)
    within = [d for d in acts if period.due < d <= period.end]
    preserved = within[0] if within else None
    lapsed = preserved is None and on > period.end
    start: date | None = None
    if preserved is not None:
        start = preserved if kind == "joint" else guarantee.defence_ended_on
    expires = add_period(start, years=3).day if start is not None else None
    return GuaranteeStatus(
        kind, guarantee.type == "not_stated", period, preserved, lapsed, start, expires
    )


def lapse_message(status: GuaranteeStatus, name: str) -> str:
    """Why the guarantor named ``name`` is no longer liable, naming the dates."""
    period = status.period
    if status.type == "joint":
        missing = "债权人未在保证期间内请求保证人承担保证责任"
        article = "第六百九十三条第二款"
    else:
        missing = "债权人未在保证期间内对债务人提起诉讼或者申请仲裁"
        article = "第六百九十三条第一款"
    return (
        f"保证人{name}的保证期间已于{format_cn(period.end)}届满（{period.basis}），"
        f"{missing}，保证人不再承担保证责任（《民法典》{article}）"
    )


def claim_within_maximum(guarantee: Guarantee) -> str:
    """The limit a maximum-amount guarantor's liability is claimed within, or ""."""
    if guarantee.maximum is None:
        return ""
    return f"在最高债权额人民币{format_yuan(guarantee.maximum.amount)}元限度内"
