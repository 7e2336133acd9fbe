"""Simple interest on a ledger of disbursements, repayments and costs (domain brief §4.3).

Every figure comes with the steps that produced it, so a calculation sheet (计算明细) can
print period, days, base, rate, amount and the reason for each.

Conventions, chosen once here and stated in every step's `basis`:

- Days: a period runs from `start` inclusive to `end` exclusive ((end - start).days days;
  the basis names the last day counted, 至…止). A ledger event on day d changes the base
  from d + 1 (民法典 art. 201: the day money is lent is not counted; the old base still
  bears interest on d): lent 2025-01-10 and repaid 2026-01-10 is 365 days.
- Day count: interest for a step is base × annual rate × days / day_count, with day_count
  365 (default) or 360, whatever the calendar year's length.
- Rates: annual = monthly × 12 = daily × 365. Courts annualise a daily rate over the
  calendar year when they compare it with the cap (日利率0.0333% is 12.15% a year, above a
  12% cap; × 360 would hide that), so a contract stating 日利率0.05% means 18.25% a year
  and with day_count 365 one day costs exactly 0.05% of the base.
- LPR-based rates float: each day uses the one-year LPR in force on that day, and a step
  ends wherever that LPR changes, unless the rate is fixed on a date (`fixed_on`).
- Simple interest only: interest never bears interest, costs never bear interest.
- Money: Decimal only; each step's amount is rounded half up to the fen once, from the
  unrounded product; totals are sums of rounded steps, so a period split in two differs
  from the whole by at most 0.01 per split.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, localcontext
from itertools import pairwise
from typing import Literal, get_args

from docgen.domain.dates import format_cn
from docgen.domain.lpr import LprEntry, LprTable, format_percent
from docgen.domain.money import format_yuan, to_fen
from docgen.domain.rate_words import describe_rate, explain_rate

RateKind = Literal["annual", "monthly", "daily", "lpr_multiple", "lpr_plus_bp"]
LedgerKind = Literal["disbursement", "repayment", "cost"]
Bucket = Literal["costs", "interest", "principal"]
Allocation = tuple[Bucket, ...]

DEFAULT_ALLOCATION: Allocation = ("costs", "interest", "principal")
"""民法典 art. 561: a payment is applied to the costs of enforcing the debt, then to
interest, then to principal, unless the parties agreed otherwise."""

_HUNDRED = Decimal(100)
_MONTHS_PER_YEAR = Decimal(12)
_DAYS_PER_YEAR_FOR_DAILY_RATES = Decimal(365)
_LPR_KINDS: frozenset[str] = frozenset({"lpr_multiple", "lpr_plus_bp"})
_SAME_DAY_ORDER: dict[str, int] = {"disbursement": 0, "cost": 1, "repayment": 2}
_ONE_DAY = timedelta(days=1)
_PRECISION = 50


def _as_decimal(value: object, what: str) -> Decimal:
    """Accept a finite Decimal or an int (both exact); refuse floats, which are not."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if not isinstance(value, Decimal) or not value.is_finite():
        raise TypeError(f"{what} must be a finite Decimal or int, got {value!r}")
    return value


@dataclass(frozen=True)
class RateSpec:
    """An interest rate as the contract states it.

    `value` is a percentage for annual, monthly and daily rates (6 = 6% a year, 0.5 = 0.5%
    a month, 0.05 = 0.05% a day), a multiplier for lpr_multiple (4 = four times the one-year
    LPR) and basis points for lpr_plus_bp (150 = LPR + 1.5 points; negative for LPR minus).
    Converted to an annual percentage with annual = monthly × 12 = daily × 365. An int
    value is accepted and stored as a Decimal; a float is refused (TypeError).

    LPR-based rates float with the LPR in force on each day, unless `fixed_on` is set: then
    the LPR in force on that date applies throughout (e.g. the LPR at contract formation).
    """

    kind: RateKind
    value: Decimal
    fixed_on: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", _as_decimal(self.value, "rate value"))
        if self.kind not in get_args(RateKind):
            raise ValueError(f"unknown rate kind {self.kind!r}")
        if self.kind != "lpr_plus_bp" and self.value < 0:
            raise ValueError(f"利率不得为负数，实为{self.describe()}")
        if self.fixed_on is not None and not self.uses_lpr:
            raise ValueError("只有以LPR为基准的利率才能指定LPR的固定日期")

    @property
    def uses_lpr(self) -> bool:
        """True when the rate is derived from the one-year LPR."""
        return self.kind in _LPR_KINDS

    def annual_percent_on(self, day: date, table: LprTable) -> tuple[Decimal, LprEntry | None]:
        """Return the annual percentage in force on `day` and the LPR entry it used, if any.

        Raises LprNotAvailable for an LPR-based rate on a day (or `fixed_on`) before the
        table's first entry, and ValueError if LPR minus basis points would be negative.
        """
        if self.kind == "annual":
            return self.value, None
        if self.kind == "monthly":
            return self.value * _MONTHS_PER_YEAR, None
        if self.kind == "daily":
            return self.value * _DAYS_PER_YEAR_FOR_DAILY_RATES, None
        entry = table.entry_on(self.fixed_on if self.fixed_on is not None else day)
        if self.kind == "lpr_multiple":
            return entry.rate_percent * self.value, entry
        annual = entry.rate_percent + self.value / _HUNDRED
        if annual < 0:
            raise ValueError(f"{self.describe()}在{format_cn(day)}为负数（{annual}%）")
        return annual, entry

    def describe(self, table: LprTable | None = None) -> str:
        """Chinese wording of the agreed rate, naming which LPR an LPR-based rate uses;
        `table` gives a fixed LPR its figures (docgen.domain.rate_words.describe_rate)."""
        return describe_rate(self, table)

    def explain(self, entry: LprEntry | None) -> str:
        """How the annual rate was derived, for a step's basis; empty for an annual rate."""
        return explain_rate(self, entry)


@dataclass(frozen=True)
class LedgerEvent:
    """A dated movement: money lent, money repaid, or a cost the debtor must bear.

    `amount` is a positive Decimal (or int) with at most two decimals (fen); anything else
    raises, since silently rounding a ledger would change the debt. A disbursement adds to
    the principal from `day` on; a cost (e.g. a creditor's enforcement cost the debtor owes)
    adds to costs, which bear no interest; a repayment is applied in the allocation order.
    """

    day: date
    kind: LedgerKind
    amount: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", _as_decimal(self.amount, "ledger amount"))
        if self.kind not in get_args(LedgerKind):
            raise ValueError(f"unknown ledger event kind {self.kind!r}")
        if self.amount <= 0:
            raise ValueError(f"{format_cn(self.day)}的金额应大于0，实为{self.amount}")
        if to_fen(self.amount) != self.amount:
            raise ValueError(f"{format_cn(self.day)}的金额{self.amount}应精确到分")


@dataclass(frozen=True)
class InterestStep:
    """One stretch of constant base and rate: [start, end), `days` = (end - start).days.

    `amount` = base × annual_percent% × days / day_count, rounded half up to the fen.
    `lpr_unverified` is True when the step used the LPR on a day after the table's
    latest known date. `basis` is printed for the debtor, so it never carries that
    operator note: callers turn `lpr_unverified` into a warning.
    """

    start: date
    end: date
    days: int
    base: Decimal
    annual_percent: Decimal
    amount: Decimal
    basis: str
    lpr_entry: LprEntry | None
    day_count: int
    lpr_unverified: bool = False


@dataclass(frozen=True)
class RepaymentApplication:
    """How one repayment was applied; `unapplied` is what exceeded everything owed."""

    day: date
    amount: Decimal
    to_costs: Decimal
    to_interest: Decimal
    to_principal: Decimal
    unapplied: Decimal


@dataclass(frozen=True)
class InterestResult:
    """Interest accrued over [start, end) and the balances after every event up to `end`.

    `interest` is everything accrued in the period (the sum of the steps), whether or not
    it was later repaid; `interest_outstanding` is what remains after repayments.
    `overpaid` is the part of repayments that exceeded everything owed: it is reported,
    never netted against later disbursements or costs, since whether it is a credit is a
    question for the user. `table_date` is the table's latest known date and
    `beyond_table` is True when some step used the LPR on a later day (see
    LprTable.latest_known_date), so the figure must be checked against the published LPR.
    """

    rate: RateSpec
    start: date
    end: date
    day_count: int
    interest: Decimal
    interest_outstanding: Decimal
    principal_outstanding: Decimal
    costs_outstanding: Decimal
    overpaid: Decimal
    steps: tuple[InterestStep, ...]
    repayments: tuple[RepaymentApplication, ...]
    lpr_entries_used: tuple[LprEntry, ...]
    table_date: date
    beyond_table: bool

    @property
    def total_outstanding(self) -> Decimal:
        """Principal, interest and costs still owed at `end`."""
        return self.principal_outstanding + self.interest_outstanding + self.costs_outstanding


@dataclass(frozen=True)
class Accrual:
    """How interest accrues and repayments apply: day count 365 or 360, and the order a
    repayment goes to costs, interest and principal (default: 民法典 art. 561)."""

    day_count: Literal[365, 360] = 365
    allocation: Allocation = DEFAULT_ALLOCATION


class _Ledger:
    """Running balances while walking the events in date order."""

    def __init__(self, allocation: Allocation) -> None:
        self.allocation = allocation
        self.balances: dict[Bucket, Decimal] = dict.fromkeys(DEFAULT_ALLOCATION, Decimal("0.00"))
        self.overpaid = Decimal("0.00")
        self.applications: list[RepaymentApplication] = []

    def apply(self, event: LedgerEvent) -> None:
        if event.kind == "disbursement":
            self.balances["principal"] += event.amount
        elif event.kind == "cost":
            self.balances["costs"] += event.amount
        else:
            self._repay(event)

    def _repay(self, event: LedgerEvent) -> None:
        remaining = event.amount
        paid: dict[Bucket, Decimal] = {}
        for bucket in self.allocation:
            paid[bucket] = min(remaining, self.balances[bucket])
            self.balances[bucket] -= paid[bucket]
            remaining -= paid[bucket]
        self.overpaid += remaining
        self.applications.append(
            RepaymentApplication(
                day=event.day,
                amount=event.amount,
                to_costs=paid["costs"],
                to_interest=paid["interest"],
                to_principal=paid["principal"],
                unapplied=remaining,
            )
        )


def compute_interest(
    events: Iterable[LedgerEvent],
    rate: RateSpec,
    start: date,
    end: date,
    table: LprTable,
    accrual: Accrual = Accrual(),
) -> InterestResult:
    """Compute simple interest on the outstanding principal over [start, end).

    Events before `start` set the opening balances (a repayment then goes to costs and
    principal); later ones apply at the end of their day, after its interest (民法典
    art. 201), disbursements and costs before repayments. ValueError for events after
    `end`, end < start, a day count other than 365 or 360, or an allocation that is not
    an ordering of the three buckets; LprNotAvailable for an LPR before 2019-08-20.
    """
    day_count, allocation = accrual.day_count, accrual.allocation
    if end < start:
        raise ValueError(f"计息截止日{format_cn(end)}早于起算日{format_cn(start)}")
    if day_count not in (365, 360):
        raise ValueError(f"计息天数基准应为365或360，实为{day_count}")
    if sorted(allocation) != sorted(DEFAULT_ALLOCATION):
        raise ValueError(f"还款抵充顺序应为费用、利息、本金三者的一种排列，实为{allocation}")
    ordered = sorted(events, key=lambda event: (event.day, _SAME_DAY_ORDER[event.kind]))
    late = [event for event in ordered if event.day > end]
    if late:
        raise ValueError(
            f"{format_cn(late[0].day)}的款项晚于计息截止日{format_cn(end)}，不能计入本次计算"
        )

    ledger = _Ledger(allocation)
    pending = iter(ordered)
    upcoming = next(pending, None)
    while upcoming is not None and upcoming.day < start:
        ledger.apply(upcoming)
        upcoming = next(pending, None)

    # an event on day d changes the base from d + 1 (民法典 art. 201)
    breakpoints = {event.day + _ONE_DAY for event in ordered if start <= event.day < end - _ONE_DAY}
    breakpoints |= _rate_changes(rate, table, start, end)
    breakpoints.add(end)
    steps: list[InterestStep] = []
    cursor = start
    for point in sorted(breakpoints):
        base = ledger.balances["principal"]
        if point > cursor and base > 0:
            step = _step(base, rate, cursor, point, table, day_count)
            steps.append(step)
            ledger.balances["interest"] += step.amount
        while upcoming is not None and upcoming.day < point:
            ledger.apply(upcoming)
            upcoming = next(pending, None)
        cursor = max(cursor, point)
    for event in [upcoming, *pending] if upcoming is not None else []:
        ledger.apply(event)  # on `end` itself: no interest left to bear, balances only

    used = dict.fromkeys(step.lpr_entry for step in steps if step.lpr_entry is not None)
    return InterestResult(
        rate=rate,
        start=start,
        end=end,
        day_count=day_count,
        interest=sum_steps(steps),
        interest_outstanding=ledger.balances["interest"],
        principal_outstanding=ledger.balances["principal"],
        costs_outstanding=ledger.balances["costs"],
        overpaid=ledger.overpaid,
        steps=tuple(steps),
        repayments=tuple(ledger.applications),
        lpr_entries_used=tuple(used),
        table_date=table.latest_known_date,
        beyond_table=any(step.lpr_unverified for step in steps),
    )


def interest_on_principal(
    principal: Decimal,
    rate: RateSpec,
    start: date,
    end: date,
    table: LprTable,
    day_count: Literal[365, 360] = 365,
) -> InterestResult:
    """Interest on a fixed principal over [start, end): `start` is the first day counted,
    so the principal is lent the day before (民法典 art. 201)."""
    events = [LedgerEvent(day=start - _ONE_DAY, kind="disbursement", amount=principal)]
    return compute_interest(events, rate, start, end, table, Accrual(day_count))


def step_amount(base: Decimal, annual_percent: Decimal, days: int, day_count: int) -> Decimal:
    """Unrounded base × annual_percent% × days / day_count, at 50 significant digits."""
    with localcontext() as context:
        context.prec = _PRECISION
        return base * annual_percent * days / (_HUNDRED * day_count)


def _rate_changes(rate: RateSpec, table: LprTable, start: date, end: date) -> set[date]:
    """Days in (start, end) on which a floating LPR-based rate changes value.

    A table row that repeats the previous rate (an operator's confirmation that a
    publication left it unchanged) does not split a step.
    """
    if not rate.uses_lpr or rate.fixed_on is not None:
        return set()
    entries = table.entries_between(start, end)
    return {
        later.effective_from
        for earlier, later in pairwise(entries)
        if later.rate_percent != earlier.rate_percent and start < later.effective_from
    }


def _step(
    base: Decimal, rate: RateSpec, start: date, end: date, table: LprTable, day_count: int
) -> InterestStep:
    annual, entry = rate.annual_percent_on(start, table)
    days = (end - start).days
    amount = to_fen(step_amount(base, annual, days, day_count))
    last_day = end - _ONE_DAY
    lpr_day = rate.fixed_on if rate.fixed_on is not None else last_day
    unverified = entry is not None and not table.is_verified(lpr_day)
    explanation = rate.explain(entry)
    percent = format_percent(annual)
    basis = (
        f"以{format_yuan(base)}元为基数，按年利率{percent}%"
        f"{f'（{explanation}）' if explanation else ''}，"
        f"自{format_cn(start)}起至{format_cn(last_day)}止，共{days}天："
        f"{format_yuan(base)}元×{percent}%×{days}÷{day_count}={format_yuan(amount)}元"
    )
    return InterestStep(
        start=start,
        end=end,
        days=days,
        base=base,
        annual_percent=annual,
        amount=amount,
        basis=basis,
        lpr_entry=entry,
        day_count=day_count,
        lpr_unverified=unverified,
    )


def sum_steps(steps: Sequence[InterestStep]) -> Decimal:
    """Total of the steps' rounded amounts."""
    return sum((step.amount for step in steps), Decimal("0.00"))
