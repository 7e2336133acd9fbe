"""The cap on what a private loan charges for being overdue (法释〔2020〕17号 art. 29).

Art. 29: where the parties agreed an overdue rate and a 违约金 or other fees, the lender
may claim them separately or together, but what they total above four times the one-year
LPR at the contract's formation is not supported. The charges it pools are those of the
overdue period, so they are compared with the cap over that period: from the first
overdue day (the day after the due date, or after an accelerated one) to the last day
claimed. In-term interest is not among them; its rate is capped on its own (arts. 25, 28),
and pooling it would let the term's unused headroom pay for overdue charges.

- Overdue interest: the days of each computed interest period from the first overdue day
  on; a typed interest named as overdue (逾期…, 罚息).
- 违约金 and other fees (服务费、管理费 and the like): all of them.
  One computed at a rate is held to this cap only, not to art. 25 at its rate
  (amount_checks): a 违约金 alone above the cap is refused here, with the pooled figures.
- Costs of enforcing the claim (律师费, 保全费, 诉讼保全责任保险费 …, read from the
  component's name): courts split on whether they are 「其他费用」. The Supreme People's
  Court's Second Circuit (2021年第19次法官会议纪要) held 律师费 and the preservation
  insurance premium are costs of the suit, not of the financing, and outside the cap;
  other courts count them in. Counting them in breaks the cap only as a warning.
- A typed interest not named as overdue may mix in-term and overdue days: it cannot be
  split, so it is checked with the other charges against the cap over the whole loan, a
  bound any lawful claim meets (art. 25 over the term plus art. 29 over the overdue days).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from docgen.documents.interest_periods import last_day
from docgen.documents.overdue_rates import (
    Loan,
    Running,
    check_overdue_rates,
    computed_charge,
    typed_charge,
)
from docgen.documents.part_models import (
    AmountComponent,
    ContractBasis,
    DebtAmounts,
    InterestCalc,
)
from docgen.documents.problems import Assessment, Loc
from docgen.domain.caps import CapBasis, CapCheck, CombinedClaim, check_combined_cap
from docgen.domain.dates import format_cn
from docgen.domain.interest import interest_on_principal
from docgen.domain.lpr import LprNotAvailable, LprTable
from docgen.domain.money import format_yuan

ENFORCEMENT_COST_WORDS = (
    "律师",
    "诉讼",
    "保全",
    "公告",
    "鉴定",
    "评估",
    "执行",
    "公证",
    "差旅",
    "实现债权",
)
"""A fee so named is a cost of enforcing the claim, not a charge of the loan."""
OVERDUE_WORDS = ("逾期", "罚息")
"""A typed interest so named is overdue interest."""
_HINT = (
    "借期内利息按约定利率单独受上限限制，不计入逾期期间的合计；律师费、保全费等为实现债权"
    "支出的费用，请在项目名称中写明"
)
_ONE_DAY = timedelta(days=1)
_ZERO = Decimal(0)


@dataclass
class _Charges:
    """What the claim charges, sorted as art. 29 needs it."""

    overdue_interest: Decimal = _ZERO
    penalty: Decimal = _ZERO
    fees: Decimal = _ZERO
    all_interest: Decimal = _ZERO
    unsplit: bool = False
    costs: list[tuple[int, AmountComponent, Decimal]] = field(default_factory=list)

    def pooled(self, principal: Decimal) -> CombinedClaim:
        return CombinedClaim(self.overdue_interest, self.penalty, self.fees, principal)


@dataclass(frozen=True)
class CapInputs:
    """The loan the charges are measured against."""

    contract: ContractBasis
    table: LprTable
    principal: Decimal
    overdue_from: date


def is_enforcement_cost(component: AmountComponent) -> bool:
    return component.kind == "fee" and any(
        w in component.display_label for w in ENFORCEMENT_COST_WORDS
    )


def check_overdue_charges(
    assessment: Assessment,
    amounts: DebtAmounts,
    resolved: list[Decimal],
    inputs: CapInputs,
    loc: Loc,
) -> None:
    """Art. 29 on a private loan's claim: see the module's docstring."""
    charges = _charges(amounts, resolved, inputs)
    last = max(
        [amounts.as_of]
        + [last_day(c, amounts) for c in amounts.components if c.calculation is not None]
    )
    end = last + _ONE_DAY
    basis = CapBasis(inputs.contract.signed_on, inputs.table)
    # the overdue period: from the first overdue day, or the first day a 违约金 or fee
    # computed at a rate runs when it runs earlier (a missed installment's)
    start = min([inputs.overdue_from, *_own_starts(amounts)])
    period = (start, end)
    refused = start < end and not _check_overdue_period(
        assessment, charges, inputs, period, basis, loc
    )
    if start < end and not refused:  # and on each day, as a rate a year (art. 29)
        loan = Loan(inputs.principal, inputs.contract.signed_on, inputs.table, last)
        running = _running(amounts, resolved, loan, inputs.overdue_from, period)
        refused = not check_overdue_rates(assessment, running, loan, (*loc, "components"))
    if charges.unsplit and not refused:
        whole = CombinedClaim(charges.all_interest, charges.penalty, charges.fees, inputs.principal)
        check = _combined(whole, inputs.contract.signed_on, end, basis)
        if check is not None and not check.ok:
            assessment.error(
                (*loc, "components"),
                "above_legal_cap",
                "利息未分借期内与逾期期间列明，按整个借款期间核对：利息、违约金及其他费用合计"
                "超过民间借贷利率上限：" + check.message.replace("逾期利息", "利息"),
            )


def _check_overdue_period(
    assessment: Assessment,
    charges: _Charges,
    inputs: CapInputs,
    period: tuple[date, date],
    basis: CapBasis,
    loc: Loc,
) -> bool:
    """Refuse overdue charges above the cap over the overdue period (False), and warn when
    only the costs of enforcing the claim take them above it."""
    start, end = period
    span = f"逾期期间自{format_cn(start)}起至{format_cn(end - _ONE_DAY)}止"
    pooled = charges.pooled(inputs.principal)
    check = _combined(pooled, start, end, basis) if _any(pooled) else None
    if check is not None and not check.ok:
        assessment.error(
            (*loc, "components"),
            "above_legal_cap",
            f"逾期利息、违约金及其他费用合计超过民间借贷利率上限（{span}）：{check.message}",
            hint=_HINT,
        )
        return False
    if not charges.costs:
        return True
    costs = sum((value for _, _, value in charges.costs), _ZERO)
    with_costs = CombinedClaim(
        pooled.overdue_interest, pooled.penalty, pooled.fees + costs, pooled.principal
    )
    check = _combined(with_costs, start, end, basis)
    if check is None or check.ok:
        return True
    i = charges.costs[0][0]
    names = "、".join(dict.fromkeys(c.display_label for _, c, _ in charges.costs))
    assessment.warn(
        (*loc, "components", i),
        "enforcement_costs_above_cap",
        f"逾期期间的利息、违约金、其他费用与{names}合计人民币{format_yuan(check.claimed)}元，"
        f"超过{span}按利率上限计算的人民币{format_yuan(check.lawful_max)}元。{names}等"
        "实现债权的费用是否属于法释〔2020〕17号第二十九条的「其他费用」、应否一并受一年期"
        "LPR四倍的限制，裁判观点不一（最高人民法院第二巡回法庭2021年第19次法官会议纪要认为"
        "不属于，亦有法院计入上限），请按受诉法院的裁判尺度核对",
    )
    return True


def _charges(amounts: DebtAmounts, resolved: list[Decimal], inputs: CapInputs) -> _Charges:
    charges = _Charges()
    for i, (component, value) in enumerate(zip(amounts.components, resolved, strict=True)):
        if component.kind == "penalty":
            charges.penalty += value
        elif is_enforcement_cost(component):
            charges.costs.append((i, component, value))
        elif component.kind == "fee":
            charges.fees += value
        elif component.kind == "interest":
            charges.all_interest += value
            if component.calculation is not None:
                last = last_day(component, amounts)
                charges.overdue_interest += _overdue_share(
                    component.calculation, last, value, inputs
                )
            elif any(w in component.display_label for w in OVERDUE_WORDS):
                charges.overdue_interest += value
            else:
                charges.unsplit = True
    return charges


def _overdue_share(calc: InterestCalc, last: date, value: Decimal, inputs: CapInputs) -> Decimal:
    """What a computed period (``value`` to its ``last`` day) earns from the first overdue day."""
    if calc.start >= inputs.overdue_from:
        return value
    if last < inputs.overdue_from:
        return _ZERO
    try:
        part = interest_on_principal(
            calc.base or inputs.principal,
            calc.rate.spec(),
            inputs.overdue_from,
            last + _ONE_DAY,
            inputs.table,
            calc.day_count,
        )
    except (ValueError, LprNotAvailable):
        return _ZERO  # the component's own check already reported it
    return part.interest


def _own_starts(amounts: DebtAmounts) -> list[date]:
    """The first days of the 违约金 and fees computed at a rate (not costs of the suit)."""
    return [
        c.calculation.start
        for c in amounts.components
        if c.calculation is not None and c.kind in ("penalty", "fee") and not is_enforcement_cost(c)
    ]


def _running(
    amounts: DebtAmounts,
    resolved: list[Decimal],
    loan: Loan,
    overdue_from: date,
    period: tuple[date, date],
) -> list[Running]:
    """The pooled charges as rates a year (``overdue_rates``): a computed 违约金 or fee
    over its own days, a computed interest over its overdue days, a typed 违约金, fee or
    overdue interest annualised over the overdue ``period``."""
    running: list[Running] = []
    for component, value in zip(amounts.components, resolved, strict=True):
        pooled = component.kind in ("penalty", "fee") and not is_enforcement_cost(component)
        overdue = component.kind == "interest"
        if not (pooled or overdue):
            continue
        if component.calculation is not None:
            first = overdue_from if overdue else component.calculation.start
            running += computed_charge(component, amounts, loan, first)
        elif value > 0 and (pooled or any(w in component.display_label for w in OVERDUE_WORDS)):
            running.append(typed_charge(component.display_label, value, period))
    return running


def _any(claim: CombinedClaim) -> bool:
    return any((claim.overdue_interest, claim.penalty, claim.fees))


def _combined(claim: CombinedClaim, start: date, end: date, basis: CapBasis) -> CapCheck | None:
    try:
        return check_combined_cap(claim, start, end, basis)
    except (ValueError, LprNotAvailable):
        return None
