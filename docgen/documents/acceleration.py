"""When an agreement's remainder falls due at once (加速到期): the choice, its check, its words.

Shared by the installment agreement and the settlement agreement, whose debtor pays in
parts: the creditor may declare the rest due when the debtor misses an agreed share
(民法典 art. 634 for a sale by instalments, one fifth of the price; otherwise as agreed).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from typing import Literal

from pydantic import Field

from docgen.documents.problems import Assessment, Loc
from docgen.domain.fields import CaseModel
from docgen.domain.money import format_yuan


class Acceleration(CaseModel):
    """When the whole remainder falls due at once (加速到期)."""

    trigger: Literal["any_missed", "n_missed", "one_fifth"] = Field(
        default="any_missed",
        title="加速到期条件",
        json_schema_extra={
            "enum_titles": [
                "任何一期未按期足额还款",
                "累计N期未按期足额还款",
                "未付金额达到总额五分之一",
            ]
        },
    )
    missed: int | None = Field(default=None, title="期数N", ge=2, le=120)


def check_acceleration(result: Assessment, acc: Acceleration, count: int | None) -> None:
    """N missed installments names its N, at most the number of installments."""
    loc: Loc = ("acceleration", "missed")
    if acc.trigger == "n_missed":
        if acc.missed is None:
            result.error(loc, "missing", "选择累计N期未还款时，请填写期数N")
        elif count is not None and acc.missed > count:
            result.error(
                loc, "missed_above_count", f"期数N（{acc.missed}）不能超过总期数（{count}）"
            )
    elif acc.missed is not None:
        result.error(loc, "missed_unused", "只有选择“累计N期未按期足额还款”时才填写期数N")


def missed_any(paying: str = "还款") -> str:
    """「乙方任何一期未按期足额还款的」: one installment missed, as every agreement words it —
    its acceleration, its late interest, the debt confirmation's default — so that the
    clauses meet (``paying``: 还款, 付款)."""
    return f"乙方任何一期未按期足额{paying}的"


def acceleration_trigger(acc: Acceleration, total: Decimal, paying: str = "还款") -> str:
    """When the rest falls due: 「乙方任何一期未按期足额还款的」…"""
    if acc.trigger == "any_missed":
        return missed_any(paying)
    if acc.trigger == "n_missed":
        return f"乙方累计{acc.missed}期未按期足额{paying}的"
    # rounded up to the fen: a figure rounded down would let the rest fall due below one
    # fifth, which the clause and art. 634 do not allow
    fifth = (total / 5).quantize(Decimal("0.01"), rounding=ROUND_CEILING)
    return f"乙方到期未付金额达到欠款总额的五分之一（即人民币{format_yuan(fifth)}元）的"


def acceleration_text(acc: Acceleration, total: Decimal) -> str:
    """The acceleration clause (甲方 the creditor, 乙方 the debtor)."""
    when = acceleration_trigger(acc, total)
    return (
        f"{when}，甲方有权宣布剩余全部未付款项立即到期，乙方应一次性清偿全部剩余欠款（加速到期）。"
    )


__all__ = [
    "Acceleration",
    "acceleration_text",
    "acceleration_trigger",
    "check_acceleration",
    "missed_any",
]
