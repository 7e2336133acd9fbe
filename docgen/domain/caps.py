"""Private-lending interest caps and default rates (法释〔2020〕17号; domain brief §4.3).

These rules govern loans between natural persons, legal persons and other organisations
(民间借贷). Banks and licensed local financial organisations are outside them; courts
trim their total financing costs above 24% a year under other rules, which this module
does not model.

- Art. 25: the agreed rate may not exceed four times the one-year LPR in force when the
  contract was formed.
- Art. 31(2): for a contract formed before 2020-08-20, interest up to 2020-08-19 follows
  the interpretation then in force (protected up to 24% a year), and interest from
  2020-08-20 follows the standard at filing (four times the one-year LPR at filing).
- Art. 28: the overdue rate is the agreed overdue rate; failing that the agreed in-term
  rate; failing both, the one-year LPR from the overdue date. All capped as in art. 25.
- Art. 29: overdue interest, penalty (违约金) and other fees together may not exceed the
  art. 25 cap over the same principal and period.
- 民法典 art. 680: no interest agreed means no interest; interest agreed unclearly means
  no interest between natural persons, and a rate set by custom or market otherwise.

A cap is compared with a claim step by step and, inside a step that straddles
2020-08-19/20, day by day, so headroom in one period never offsets an excess in another.

The cap is an annual rate over the calendar year: the money a claim actually charges is
compared with the cap applied on an actual/365 basis (actual days ÷ 365), whatever
day-count convention the contract uses. A 12% rate computed on a 360-day year charges
12 × 365 / 360 = 12.17% a year and exceeds a 12% cap, so a convention cannot lift the cap.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from docgen.domain.cap_rates import (
    CAP_DAY_COUNT,
    CAP_REFORM_DATE,
    CapResult,
    cap_percent,
    effective_annual_percent,
)
from docgen.domain.dates import format_cn
from docgen.domain.interest import InterestResult, InterestStep, step_amount
from docgen.domain.lpr import LprTable, format_percent
from docgen.domain.money import format_yuan, to_fen

_SHORT_INTERPRETATION = "法释〔2020〕17号"
_ONE_DAY = timedelta(days=1)
_ZERO = Decimal("0.00")


@dataclass(frozen=True)
class CapPeriod:
    """A stretch [start, end) of one cap rate inside a CapStep."""

    start: date
    end: date
    days: int
    cap: CapResult


@dataclass(frozen=True)
class CapStep:
    """The cap applied to one claim step (or, for art. 29, to the whole period).

    `cap_amount` is the interest at the cap over [start, end); `allowed_amount` what of the
    claimed amount the cap lets through, compared day by day. `periods` has two entries
    when the step straddles 2020-08-19/20 for a contract formed before then.
    """

    start: date
    end: date
    days: int
    base: Decimal
    day_count: int
    claimed_percent: Decimal | None
    claimed_amount: Decimal
    cap_amount: Decimal
    allowed_amount: Decimal
    periods: tuple[CapPeriod, ...]
    basis: str


@dataclass(frozen=True)
class CapCheck:
    """Whether a claim respects the cap.

    `claimed` is the amount claimed; `lawful_max` the most of it the cap allows (equal to
    `claimed` when ok); `excess` = claimed - lawful_max; `cap_interest` the interest at the
    cap rate over the same steps. `rate_exceeds` is True when a claimed rate is above the
    cap even if the excess rounds to nothing: a rate stated in a document ("计算至实际
    清偿之日") must itself be lawful, so `ok` is False then too. `message` is Chinese and
    states the lawful maximum.
    """

    ok: bool
    lawful_max: Decimal
    claimed: Decimal
    excess: Decimal
    cap_interest: Decimal
    rate_exceeds: bool
    lpr_unverified: bool
    message: str
    steps: tuple[CapStep, ...]


@dataclass(frozen=True)
class CapBasis:
    """What the cap depends on: the contract's date, the LPR table and the filing date
    (None: not filed yet, so the last day claimed stands in for it, art. 31(2))."""

    contract_date: date
    table: LprTable
    filing_date: date | None = None


@dataclass(frozen=True)
class CombinedClaim:
    """Art. 29's claim: overdue interest, 违约金 and other fees over one principal."""

    overdue_interest: Decimal
    penalty: Decimal
    fees: Decimal
    principal: Decimal


@dataclass(frozen=True)
class _Claimed:
    """One stretch of constant base [start, end) and what is claimed over it: at a rate
    (a claim step), or a total without one (art. 29)."""

    base: Decimal
    start: date
    end: date
    day_count: int
    percent: Decimal | None
    amount: Decimal


def _pieces(contract_date: date, start: date, end: date) -> list[tuple[date, date]]:
    """Split [start, end) where the cap may change: 2020-08-20, for older contracts."""
    if contract_date < CAP_REFORM_DATE and start < CAP_REFORM_DATE < end:
        return [(start, CAP_REFORM_DATE), (CAP_REFORM_DATE, end)]
    return [(start, end)]


def _cap_step(claim: _Claimed, context: CapBasis, stand_in: date) -> tuple[CapStep, bool]:
    """Cap one stretch of constant base; return it and whether a claimed rate exceeds it.

    With a claimed rate, the allowed amount is the sum over the pieces of the smaller of
    claimed and cap interest, unrounded, then rounded once like the claim step itself, so
    it never exceeds the claim step or the cap amount. Without one (art. 29), the allowed
    amount is the smaller of the claimed total and the cap amount. Without a filing date,
    `stand_in` replaces it for the post-reform days of an older contract. The claim is
    computed with its own `day_count`, the cap always on actual/365 (CAP_DAY_COUNT), and
    the claimed rate is compared as the rate it charges per 365 days.
    """
    base, start, end, day_count = claim.base, claim.start, claim.end, claim.day_count
    claimed_percent, claimed_amount = claim.percent, claim.amount
    contract_date, table, filing_date = context.contract_date, context.table, context.filing_date
    cap_exact = Decimal(0)
    allowed_exact = Decimal(0)
    periods: list[CapPeriod] = []
    texts: list[str] = []
    formulas: list[str] = []
    rate_exceeds = False
    for piece_start, piece_end in _pieces(contract_date, start, end):
        on_day = piece_start
        if filing_date is None and piece_start >= CAP_REFORM_DATE:
            on_day = max(piece_start, stand_in)  # cap_percent then says "尚未起诉，暂按…"
        cap = cap_percent(contract_date, on_day, table, filing_date=filing_date)
        days = (piece_end - piece_start).days
        cap_piece = step_amount(base, cap.annual_percent, days, CAP_DAY_COUNT)
        cap_exact += cap_piece
        if claimed_percent is not None:
            allowed_exact += min(cap_piece, step_amount(base, claimed_percent, days, day_count))
            charged = effective_annual_percent(claimed_percent, day_count)
            rate_exceeds = rate_exceeds or charged > cap.annual_percent
        periods.append(CapPeriod(start=piece_start, end=piece_end, days=days, cap=cap))
        percent = format_percent(cap.annual_percent)
        texts.append(
            f"自{format_cn(piece_start)}起至{format_cn(piece_end - _ONE_DAY)}止共{days}天，"
            f"上限为{cap.label}"
        )
        formulas.append(f"{format_yuan(base)}元×{percent}%×{days}÷{CAP_DAY_COUNT}")
    cap_amount = to_fen(cap_exact)
    if claimed_percent is None:
        allowed = min(claimed_amount, cap_amount)
    else:
        allowed = min(to_fen(allowed_exact), claimed_amount)
    basis = (
        f"以{format_yuan(base)}元为基数，{'；'.join(texts)}。按上限计算："
        f"{'+'.join(formulas)}={format_yuan(cap_amount)}元"
    )
    step = CapStep(
        start=start,
        end=end,
        days=(end - start).days,
        base=base,
        day_count=day_count,
        claimed_percent=claimed_percent,
        claimed_amount=claimed_amount,
        cap_amount=cap_amount,
        allowed_amount=allowed,
        periods=tuple(periods),
        basis=basis,
    )
    return step, rate_exceeds


def check_cap(
    result: InterestResult | Sequence[InterestStep],
    contract_date: date,
    table: LprTable,
    filing_date: date | None = None,
) -> CapCheck:
    """Compare claimed interest with the cap for `contract_date`, step by step.

    Each claim step is allowed at most the interest at the cap rate over the same days and
    base (split at 2020-08-20 for contracts formed earlier, so pre- and post-reform periods
    never offset each other). For a contract formed before 2020-08-20 and no `filing_date`,
    the LPR in force on the last day claimed stands in for the LPR at filing, and the
    message says so.
    """
    steps = result.steps if isinstance(result, InterestResult) else tuple(result)
    last_day = max((step.end for step in steps), default=contract_date) - _ONE_DAY
    cap_steps: list[CapStep] = []
    rate_exceeds = False
    basis = CapBasis(contract_date, table, filing_date)
    for step in steps:
        stretch = _Claimed(
            step.base, step.start, step.end, step.day_count, step.annual_percent, step.amount
        )
        cap_step, exceeds = _cap_step(stretch, basis, last_day)
        cap_steps.append(cap_step)
        rate_exceeds = rate_exceeds or exceeds
    claimed = sum((step.amount for step in steps), _ZERO)
    return _conclude(cap_steps, claimed, rate_exceeds, what="利息")


def check_combined_cap(
    claim: CombinedClaim, start: date, end: date, basis: CapBasis, *, day_count: int = 365
) -> CapCheck:
    """Art. 29: overdue interest + 违约金 + other fees ≤ the cap on the principal over [start, end).

    The period is the overdue period, days counted as in docgen.domain.interest
    ([start, end), `day_count` 365 or 360). For a contract formed before 2020-08-20 the
    cap is 24% up to 2020-08-19 and four times the LPR at filing after (default: the last
    day of the period). Amounts are rounded to the fen; floats raise TypeError and
    negative amounts ValueError.
    """
    if end < start:
        raise ValueError(f"截止日{format_cn(end)}早于起算日{format_cn(start)}")
    if day_count not in (365, 360):
        raise ValueError(f"计息天数基准应为365或360，实为{day_count}")
    parts = {
        "逾期利息": claim.overdue_interest,
        "违约金": claim.penalty,
        "其他费用": claim.fees,
        "本金": claim.principal,
    }
    for name, amount in parts.items():
        if to_fen(amount) < 0:
            raise ValueError(f"{name}不得为负数，实为{amount}")
    del parts["本金"]
    claimed = sum((to_fen(amount) for amount in parts.values()), _ZERO)
    stretch = _Claimed(to_fen(claim.principal), start, end, day_count, None, claimed)
    cap_step, _ = _cap_step(stretch, basis, end - _ONE_DAY)
    listing = "、".join(f"{name}{format_yuan(amount)}元" for name, amount in parts.items())
    return _conclude([cap_step], claimed, False, what=f"{listing}合计", article="第二十九条")


def _conclude(
    cap_steps: list[CapStep],
    claimed: Decimal,
    rate_exceeds: bool,
    *,
    what: str,
    article: str | None = None,
) -> CapCheck:
    lawful_max = sum((step.allowed_amount for step in cap_steps), _ZERO)
    cap_interest = sum((step.cap_amount for step in cap_steps), _ZERO)
    excess = claimed - lawful_max
    caps = [period.cap for step in cap_steps for period in step.periods]
    unverified = any(cap.lpr_unverified for cap in caps)
    limit = _limit_text(cap_steps)
    articles = list(dict.fromkeys(([article] if article else []) + [cap.article for cap in caps]))
    source = f"（{_SHORT_INTERPRETATION}{'、'.join(articles)}）" if articles else ""
    ok = excess == 0 and not rate_exceeds
    if excess > 0:
        message = (
            f"按法律规定上限（{limit}）计算，{what}最多为人民币{format_yuan(lawful_max)}元，"
            f"主张的{format_yuan(claimed)}元超出{format_yuan(excess)}元{source}"
        )
    elif rate_exceeds:
        message = (
            f"主张的利率超过法律规定上限（{limit}），应调整为不超过上限的利率；按上限计算，"
            f"{what}最多为人民币{format_yuan(lawful_max)}元{source}"
        )
    else:
        message = (
            f"主张的{what}人民币{format_yuan(claimed)}元未超过法律规定上限（{limit}）；"
            f"按上限计算，同期最多为人民币{format_yuan(cap_interest)}元{source}"
        )
    if unverified:
        message += "。所用LPR晚于参考表核实日期，须按实际公布的LPR核实"
    return CapCheck(
        ok=ok,
        lawful_max=lawful_max,
        claimed=claimed,
        excess=excess,
        cap_interest=cap_interest,
        rate_exceeds=rate_exceeds,
        lpr_unverified=unverified,
        message=message,
        steps=tuple(cap_steps),
    )


def _limit_text(cap_steps: list[CapStep]) -> str:
    """The cap wording: one label, or each label with the first and last day it applies to."""
    spans: dict[str, tuple[date, date]] = {}
    for step in cap_steps:
        for period in step.periods:
            first, last = spans.get(period.cap.label, (period.start, period.end))
            spans[period.cap.label] = (min(first, period.start), max(last, period.end))
    if len(spans) <= 1:
        return next(iter(spans), "无计息期间")
    return "；".join(
        f"{format_cn(start)}至{format_cn(end - _ONE_DAY)}为{label}"
        for label, (start, end) in spans.items()
    )
