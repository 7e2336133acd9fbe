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

from docgen.domain.dates import format_cn
from docgen.domain.interest import InterestResult, InterestStep, RateSpec, step_amount
from docgen.domain.lpr import LprEntry, LprTable, format_percent
from docgen.domain.money import format_yuan, to_fen

CAP_REFORM_DATE = date(2020, 8, 20)
"""法释〔2020〕17号 took effect on this day; contracts formed earlier follow art. 31."""

PRE_REFORM_CAP_PERCENT = Decimal(24)
CAP_LPR_MULTIPLE = Decimal(4)
INTERPRETATION = "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》（法释〔2020〕17号）"
_SHORT_INTERPRETATION = "法释〔2020〕17号"
_ONE_DAY = timedelta(days=1)
_ZERO = Decimal("0.00")
CAP_DAY_COUNT = 365
"""The cap is applied on an actual/365 basis (art. 25 states an annual rate)."""


@dataclass(frozen=True)
class CapResult:
    """The lawful maximum annual rate for one day of a contract.

    `label` is the short form for messages ("一年期LPR 3.45%的4倍，即年利率13.8%"),
    `basis` the full sentence citing the article, `article` the article alone ("第二十五条").
    `lpr_unverified` is True when the LPR used is dated after the table's latest known date.
    """

    annual_percent: Decimal
    label: str
    basis: str
    article: str
    lpr_entry: LprEntry | None
    lpr_unverified: bool = False


def cap_percent(
    contract_date: date, on_day: date, table: LprTable, *, filing_date: date | None = None
) -> CapResult:
    """Return the cap on the annual rate for interest accruing on `on_day`.

    Contracts formed on or after 2020-08-20: four times the one-year LPR in force on
    `contract_date` (art. 25), whatever `on_day`. Formed before: 24% for days up to
    2020-08-19, and four times the one-year LPR in force on `filing_date` (default
    `on_day`, when the claim is not filed yet) for later days (art. 31(2)).
    """
    if contract_date >= CAP_REFORM_DATE:
        entry = table.entry_on(contract_date)
        annual = entry.rate_percent * CAP_LPR_MULTIPLE
        return CapResult(
            annual_percent=annual,
            label=_lpr_label(entry, annual),
            basis=(
                f"{INTERPRETATION}第二十五条：借贷合同成立时（{format_cn(contract_date)}）"
                f"适用的一年期贷款市场报价利率为{entry.rate_text}%"
                f"（{format_cn(entry.effective_from)}发布），"
                f"其四倍即年利率{format_percent(annual)}%为利率上限"
            ),
            article="第二十五条",
            lpr_entry=entry,
            lpr_unverified=not table.is_verified(contract_date),
        )
    if on_day < CAP_REFORM_DATE:
        return CapResult(
            annual_percent=PRE_REFORM_CAP_PERCENT,
            label="年利率24%",
            basis=(
                f"{INTERPRETATION}第三十一条第二款：借贷合同成立于2020年8月20日之前"
                f"（{format_cn(contract_date)}），自合同成立到2020年8月19日的利息适用当时的"
                "司法解释，以年利率24%为限"
            ),
            article="第三十一条第二款",
            lpr_entry=None,
        )
    filed = filing_date is not None
    at = filing_date if filing_date is not None else on_day
    entry = table.entry_on(at)
    annual = entry.rate_percent * CAP_LPR_MULTIPLE
    when = f"起诉时（{format_cn(at)}）" if filed else f"起诉时（尚未起诉，暂按{format_cn(at)}）"
    return CapResult(
        annual_percent=annual,
        label=_lpr_label(entry, annual),
        basis=(
            f"{INTERPRETATION}第三十一条第二款：借贷合同成立于2020年8月20日之前"
            f"（{format_cn(contract_date)}），自2020年8月20日起的利息适用{when}的利率保护"
            f"标准，即一年期贷款市场报价利率{entry.rate_text}%"
            f"（{format_cn(entry.effective_from)}发布）的四倍，年利率{format_percent(annual)}%"
        ),
        article="第三十一条第二款",
        lpr_entry=entry,
        lpr_unverified=not table.is_verified(at),
    )


def effective_annual_percent(annual_percent: Decimal, day_count: int) -> Decimal:
    """The rate a claim charges per 365 days: 12% on a 360-day year is 12 × 365 / 360."""
    if day_count == CAP_DAY_COUNT:
        return annual_percent
    return step_amount(Decimal(100), annual_percent, CAP_DAY_COUNT, day_count)


def _lpr_label(entry: LprEntry, annual: Decimal) -> str:
    return f"一年期LPR {entry.rate_text}%的4倍，即年利率{format_percent(annual)}%"


def overdue_rate(
    agreed_overdue: RateSpec | None,
    agreed_in_term: RateSpec | None,
    *,
    overdue_from: date | None = None,
) -> tuple[RateSpec, str]:
    """Return the rate for overdue interest under art. 28, with a Chinese explanation.

    The agreed overdue rate; else the agreed in-term rate (as interest for the use of the
    money); else the one-year LPR from the overdue date. Art. 28 says the LPR "then"
    (当时): with `overdue_from` the LPR in force on that date is fixed for the whole
    period, without it the rate floats with the LPR. Either way the result is still
    subject to the cap (check_cap).
    """
    if agreed_overdue is not None:
        return agreed_overdue, (
            f"{INTERPRETATION}第二十八条第一款：借贷双方对逾期利率有约定的，从其约定"
            f"（{agreed_overdue.describe()}），但以不超过合同成立时一年期贷款市场报价利率"
            "四倍为限"
        )
    if agreed_in_term is not None:
        return agreed_in_term, (
            f"{INTERPRETATION}第二十八条第二款第（二）项：约定了借期内利率"
            f"（{agreed_in_term.describe()}）但未约定逾期利率，出借人可主张自逾期还款之日起"
            "按借期内利率支付资金占用期间的利息"
        )
    rate = RateSpec(kind="lpr_multiple", value=Decimal(1), fixed_on=overdue_from)
    when = f"（{format_cn(overdue_from)}）" if overdue_from is not None else ""
    return rate, (
        f"{INTERPRETATION}第二十八条第二款第（一）项：既未约定借期内利率，也未约定逾期利率，"
        f"出借人可主张借款人自逾期还款之日{when}起参照当时一年期贷款市场报价利率标准计算的"
        "利息承担逾期还款违约责任"
    )


def in_term_rate(
    agreed: RateSpec | None, *, between_natural_persons: bool, unclear: bool = False
) -> tuple[RateSpec | None, str]:
    """Return the in-term rate under 民法典 art. 680, or None for no interest.

    - No interest agreed (`agreed` None, not `unclear`): no interest, for any parties.
    - Interest agreed clearly: `agreed`, subject to the cap.
    - Interest agreed unclearly (`unclear`): between natural persons, no interest (whatever
      `agreed` says); otherwise the rate set from local or the parties' custom and market
      rates, which docgen cannot derive: pass it as `agreed`, else ValueError.
    Overdue interest is a separate question (overdue_rate): art. 28 allows it even when no
    in-term interest was agreed.
    """
    article = "《中华人民共和国民法典》第六百八十条"
    if unclear and between_natural_persons:
        return None, f"{article}第三款：自然人之间的借款对支付利息约定不明确的，视为没有利息"
    if unclear:
        if agreed is None:
            raise ValueError(
                f"借款合同对支付利息约定不明确：依{article}第三款，应按照当地或者当事人的"
                "交易方式、交易习惯、市场利率等因素确定利息，请输入据此确定的利率"
            )
        return agreed, (
            f"{article}第三款：借款合同对支付利息约定不明确，按照当地或者当事人的交易方式、"
            f"交易习惯、市场利率等因素确定为{agreed.describe()}"
        )
    if agreed is None:
        return None, f"{article}第二款：借款合同对支付利息没有约定的，视为没有利息"
    return agreed, f"借款合同约定借期内利率为{agreed.describe()}"


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


def _pieces(contract_date: date, start: date, end: date) -> list[tuple[date, date]]:
    """Split [start, end) where the cap may change: 2020-08-20, for older contracts."""
    if contract_date < CAP_REFORM_DATE and start < CAP_REFORM_DATE < end:
        return [(start, CAP_REFORM_DATE), (CAP_REFORM_DATE, end)]
    return [(start, end)]


def _cap_step(
    *,
    base: Decimal,
    start: date,
    end: date,
    day_count: int,
    claimed_percent: Decimal | None,
    claimed_amount: Decimal,
    contract_date: date,
    table: LprTable,
    filing_date: date | None,
    stand_in: date,
) -> tuple[CapStep, bool]:
    """Cap one stretch of constant base; return it and whether a claimed rate exceeds it.

    With a claimed rate, the allowed amount is the sum over the pieces of the smaller of
    claimed and cap interest, unrounded, then rounded once like the claim step itself, so
    it never exceeds the claim step or the cap amount. Without one (art. 29), the allowed
    amount is the smaller of the claimed total and the cap amount. Without a filing date,
    `stand_in` replaces it for the post-reform days of an older contract. The claim is
    computed with its own `day_count`, the cap always on actual/365 (CAP_DAY_COUNT), and
    the claimed rate is compared as the rate it charges per 365 days.
    """
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
    for step in steps:
        cap_step, exceeds = _cap_step(
            base=step.base,
            start=step.start,
            end=step.end,
            day_count=step.day_count,
            claimed_percent=step.annual_percent,
            claimed_amount=step.amount,
            contract_date=contract_date,
            table=table,
            filing_date=filing_date,
            stand_in=last_day,
        )
        cap_steps.append(cap_step)
        rate_exceeds = rate_exceeds or exceeds
    claimed = sum((step.amount for step in steps), _ZERO)
    return _conclude(cap_steps, claimed, rate_exceeds, what="利息")


def check_combined_cap(
    overdue_interest: Decimal,
    penalty: Decimal,
    fees: Decimal,
    principal: Decimal,
    start: date,
    end: date,
    contract_date: date,
    table: LprTable,
    filing_date: date | None = None,
    *,
    day_count: int = 365,
) -> CapCheck:
    """Art. 29: overdue interest + 违约金 + other fees ≤ the cap on `principal` over [start, end).

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
    parts = {"逾期利息": overdue_interest, "违约金": penalty, "其他费用": fees, "本金": principal}
    for name, amount in parts.items():
        if to_fen(amount) < 0:
            raise ValueError(f"{name}不得为负数，实为{amount}")
    del parts["本金"]
    claimed = sum((to_fen(amount) for amount in parts.values()), _ZERO)
    cap_step, _ = _cap_step(
        base=to_fen(principal),
        start=start,
        end=end,
        day_count=day_count,
        claimed_percent=None,
        claimed_amount=claimed,
        contract_date=contract_date,
        table=table,
        filing_date=filing_date,
        stand_in=end - _ONE_DAY,
    )
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
