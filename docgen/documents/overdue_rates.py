"""Art. 29 as a rate: the overdue charges of a private loan, day by day, at no more than
four times the one-year LPR a year on the principal (法释〔2020〕17号 art. 29, with
arts. 25 and 31 for the cap itself).

Art. 29 caps what the overdue interest, the 违约金 and the other fees 「总计超过合同成立时
一年期贷款市场报价利率四倍的部分」: a rate a year, on every day the charges run. Compared
only as sums over the whole overdue period (``combined_cap``), a 违约金 charged per day
over a few of those days passed when, on those days, it and the overdue interest
together charged more than the cap a year (the days with less paid for it), and a 违约金
that ran from an earlier day than the first overdue day of the whole debt (a missed
installment) was measured against fewer days than it ran. Here:

- A charge computed at a rate (a 违约金 or fee with its ``calculation``, the overdue days
  of a computed interest) charges, on each of its days, its base × its rate a year, the
  rate as it charges per 365 days (``cap_rates.effective_annual_percent``).
- A charge typed as a sum has no rate of its own: it is annualised over the overdue
  period (the sum a year it would be, spread evenly over those days), the only days it
  can be referred to.
- On every stretch where the charges running and the cap do not change, what they charge
  a year is compared with the cap a year on the principal. The first stretch above it is
  reported: its days, each charge's rate and the rate they total on the principal.

The costs of enforcing the claim (律师费 …) are left out, as ``combined_cap`` leaves them
out of the refusal; in-term interest is capped on its own (arts. 25, 28).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from docgen.documents.interest_periods import last_day
from docgen.documents.part_models import AmountComponent, DebtAmounts
from docgen.documents.problems import Assessment, Loc
from docgen.domain.cap_rates import (
    CAP_DAY_COUNT,
    CAP_REFORM_DATE,
    CapResult,
    cap_percent,
    effective_annual_percent,
)
from docgen.domain.dates import format_cn
from docgen.domain.interest import interest_on_principal
from docgen.domain.lpr import LprNotAvailable, LprTable, format_percent
from docgen.domain.money import format_yuan

_ONE_DAY = timedelta(days=1)
_HUNDRED = Decimal(100)
_HALF_FEN = Decimal("0.005")
INTERPRETATION = "法释〔2020〕17号"


@dataclass(frozen=True)
class Running:
    """One pooled charge over [start, end): what it charges a year (``per_year``, yuan),
    how it is worded in a message, and the rounding a typed sum carries (``slack``)."""

    start: date
    end: date
    per_year: Decimal
    words: str
    slack: Decimal = Decimal(0)


@dataclass(frozen=True)
class Loan:
    """What the cap is measured on: the principal, the contract's date, the LPR table and
    the last day claimed (standing in for the filing date of an older contract, art. 31)."""

    principal: Decimal
    signed_on: date
    table: LprTable
    last: date


def computed_charge(
    component: AmountComponent, amounts: DebtAmounts, loan: Loan, first: date
) -> list[Running]:
    """The steps of a computed charge from ``first`` (its own first day, or the first
    overdue day for an interest that began in the term) to its last day."""
    calc = component.calculation
    if calc is None:
        return []
    start, end = max(calc.start, first), last_day(component, amounts) + _ONE_DAY
    if start >= end:
        return []
    base = calc.base or loan.principal
    try:
        result = interest_on_principal(
            base, calc.rate.spec(), start, end, loan.table, calc.day_count
        )
    except (ValueError, LprNotAvailable):
        return []  # the component's own check reported it
    of_base = "" if base == loan.principal else f"以{format_yuan(base)}元为基数"
    label = component.display_label
    running = []
    for step in result.steps:
        annual = effective_annual_percent(step.annual_percent, step.day_count)
        words = f"{label}{of_base}年利率{format_percent(annual)}%"
        per_year = step.base * annual / _HUNDRED
        running.append(Running(step.start, step.end, per_year, words))
    return running


def typed_charge(label: str, amount: Decimal, period: tuple[date, date]) -> Running:
    """A sum without a rate, annualised over the overdue ``period``."""
    start, end = period
    days = (end - start).days
    per_year = amount * CAP_DAY_COUNT / days
    words = (
        f"{label}人民币{format_yuan(amount)}元（按{days}天折合每年人民币{format_yuan(per_year)}元）"
    )
    return Running(start, end, per_year, words, _HALF_FEN * CAP_DAY_COUNT / days)


def check_overdue_rates(
    assessment: Assessment, charges: list[Running], loan: Loan, loc: Loc
) -> bool:
    """Refuse (False) when on some stretch the charges running exceed the cap a year."""
    if not charges or loan.principal <= 0:
        return True
    days = sorted(
        {c.start for c in charges}
        | {c.end for c in charges}
        | {d for d in (CAP_REFORM_DATE,) if min(c.start for c in charges) < d}
    )
    above: list[tuple[date, date, list[Running], Decimal, CapResult]] = []
    for start, end in pairwise(days):
        on = [c for c in charges if c.start <= start < c.end]
        if not on:
            continue
        try:
            cap = _cap_on(start, loan)
        except LprNotAvailable:
            return True  # the contract's LPR is checked and reported elsewhere
        allowed = loan.principal * cap.annual_percent / _HUNDRED
        charged = sum((c.per_year for c in on), Decimal(0))
        if charged > allowed + sum((c.slack for c in on), Decimal(0)):
            above.append((start, end, on, charged, cap))
    if not above:
        return True
    first, end, on, charged, cap = above[0]
    for start, later, running, _, _ in above[1:]:  # the same charges on the next days
        if start != end or running != on:
            break
        end = later
    total = format_percent(charged * _HUNDRED / loan.principal)
    articles = "、".join(dict.fromkeys(["第二十九条", cap.article]))
    assessment.error(
        loc,
        "above_legal_cap",
        f"逾期利息、违约金及其他费用合计超过民间借贷利率上限（自{format_cn(first)}起至"
        f"{format_cn(end - _ONE_DAY)}止）：其间{'、'.join(c.words for c in on)}，合计每年"
        f"人民币{format_yuan(charged)}元，以本金人民币{format_yuan(loan.principal)}元为基数"
        f"折合年利率{total}%，超过{cap.label}（{INTERPRETATION}{articles}）",
        hint="逾期利息、违约金和其他费用可以一并主张，但合计不得超过上限（按年计算）；"
        "按日计算的违约金请折合为年利率核对",
    )
    return False


def _cap_on(day: date, loan: Loan) -> CapResult:
    """The cap a year on ``day``: for an older contract after the reform, at the LPR of
    the last day claimed (not filed yet), as ``domain.caps`` takes it."""
    on_day = day
    if loan.signed_on < CAP_REFORM_DATE <= day:
        on_day = max(day, loan.last)
    return cap_percent(loan.signed_on, on_day, loan.table)
