"""An interest or penalty item of a payment order computed from its calculation, with the
complaint's own checks (``amount_checks.check_amounts``): the figure typed must be the one
its base, rate and period give, so that the amount is 数额确定 (民诉法解释 art. 427(2),
art. 428(4)); a private loan's rate is capped at four times the one-year LPR at the
contract's formation (法释〔2020〕17号 art. 25), interest above it not protected and
possibly 违法所得 (民诉法解释 art. 428(3)). An item given only by its written basis is
checked the same way, by the calculation its words state (``payment_order_basis``); its
problems are reported at the basis, the field it was read from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.amount_checks import Latest, check_amounts
from docgen.documents.part_models import (
    AmountComponent,
    ContractBasis,
    DebtAmounts,
    InterestCalc,
)
from docgen.documents.payment_order_basis import check_stated_days, read_basis
from docgen.documents.problems import NOT_REPORTED, Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.interest import RateSpec
from docgen.domain.lpr import LprTable
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.payment_order import ClaimItem, PaymentOrderApplication

TOLERANCE = Decimal("0.01")
"""A typed figure this far from the computed one is a rounding, not another amount."""

# what check_amounts reports of a calculation; its other rules (a principal item, the
# total, the periods meeting) are a complaint's, the application stating none of them
_KEPT = {
    "amount_mismatch",
    "above_legal_cap",
    "interest_on_interest",
    "enforcement_costs_above_cap",
    "rate_not_computable",
    "end_before_start",
    "lpr_unverified",
    "missing",
}


@dataclass(frozen=True)
class Computed:
    """Each computed item's figure and how the application words its calculation."""

    amounts: dict[int, Decimal]
    words: dict[int, str] = field(metadata=NOT_REPORTED)


def check_calculations(
    result: Assessment, case: PaymentOrderApplication, table: LprTable
) -> Computed:
    """Each item with a calculation, or with a basis stating one, computed as a complaint
    computes it, its problems reported at the item (``items[i]…``; a basis's at
    ``items[i].basis``)."""
    calcs = _calculations(result, case)
    if not calcs:
        return Computed({}, {})
    lending = case.contract_kind == "private_lending"
    if lending and case.signed_on is None:
        result.error(
            ("signed_on",),
            "missing",
            "民间借贷的利息按合同成立时一年期贷款市场报价利率的四倍核对上限，请填写合同成立日期"
            "（《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条）",
        )
    contract = ContractBasis.model_construct(
        kind=case.contract_kind or "other",
        name=case.basis,
        signed_on=case.signed_on or case.due_date,
        due_date=case.due_date,
    )
    amounts = DebtAmounts.model_construct(
        as_of=case.application_date,
        components=[_component(item, calcs.get(i)) for i, item in enumerate(case.items)],
        total=None,
    )
    scratch = Assessment()
    latest = Latest(case.application_date, "申请日期")
    resolved = check_amounts(scratch, amounts, ("items",), latest, contract, table)
    for problem in scratch.problems:
        if problem.code not in _KEPT or problem.loc[:2] != ("items", "components"):
            continue
        at = ("items", *problem.loc[2:])
        index = at[1] if len(at) > 1 and isinstance(at[1], int) else None
        if problem.code == "amount_mismatch" and index is not None:
            _mismatch(result, case.items[index], index, resolved.amounts[index])
        elif index is None or index in calcs:
            result.problems.append(replace(problem, loc=_field(case, at)))
    principal = sum((i.amount for i in case.items if i.kind == "principal"), Decimal(0))
    words = {
        i: _words(calc, resolved.rate_words, principal, case.application_date)
        for i, item in enumerate(case.items)
        if (calc := item.calculation) is not None
    }
    return Computed({i: resolved.amounts[i] for i in calcs}, words)


def _calculations(result: Assessment, case: PaymentOrderApplication) -> dict[int, InterestCalc]:
    """Each item's calculation: the one typed, else an interest's or a penalty's basis
    read as one (its stated day count checked against its dates)."""
    calcs: dict[int, InterestCalc] = {}
    for i, item in enumerate(case.items):
        if item.calculation is not None:
            calcs[i] = item.calculation
        elif item.kind in ("interest", "penalty") and (read := read_basis(item.basis)):
            check_stated_days(result, item.basis or "", read, ("items", i, "basis"))
            calcs[i] = read
    return calcs


def _field(case: PaymentOrderApplication, at: Loc) -> Loc:
    """A calculation's field, or the basis of an item whose calculation was read from it."""
    index = at[1] if len(at) > 2 and isinstance(at[1], int) else None
    if index is not None and at[2] == "calculation" and case.items[index].calculation is None:
        return ("items", index, "basis")
    return at


def _component(item: ClaimItem, calc: InterestCalc | None) -> AmountComponent:
    return AmountComponent.model_construct(
        kind=item.kind,
        label=item.label,
        amount=item.amount,
        as_of=None,
        note=None,
        calculation=calc,
    )


def _mismatch(result: Assessment, item: ClaimItem, index: int, computed: Decimal) -> None:
    """More than a fen from the figure its calculation (or its basis) gives: two amounts,
    not one."""
    if abs(item.amount - computed) <= TOLERANCE:
        return
    name = item.label or "该项"
    how = f"计算方式（{item.basis}）" if item.calculation is None else "计算方式"
    result.error(
        ("items", index, "amount"),
        "amount_mismatch",
        f"{name}填写的金额人民币{format_yuan(item.amount)}元与按{how}计得的人民币"
        f"{format_yuan(computed)}元不符：请求给付的金钱须数额确定（《最高人民法院关于适用"
        "〈中华人民共和国民事诉讼法〉的解释》第四百二十七条第二项、第四百二十八条第四项）",
        hint=f"应为人民币{format_yuan(computed)}元",
    )


def _words(
    calc: InterestCalc, rate_words: Callable[[RateSpec], str], principal: Decimal, last: date
) -> str:
    """「以人民币100,000.00元为基数，按《借款合同》第三条约定的年利率6%，自2025年1月11日起至
    2026年1月10日止，共365日」:
    the calculation as check_amounts computed it (the base the principal, the end the
    application date, where not given)."""
    end = calc.end or last
    days = (end - calc.start).days + 1
    base = format_yuan(calc.base or principal)
    rate = rate_words(calc.rate.spec())
    agreed = f"{calc.agreed_in}约定的{rate}" if calc.agreed_in else rate
    return (
        f"以人民币{base}元为基数，按{agreed}，"
        f"自{format_cn(calc.start)}起至{format_cn(end)}止，共{days}日"
    )
