"""How an agreed interest rate reads in a document: one wording for every document type.

A reader (the debtor, the judge) must be able to tell which LPR an LPR-based rate uses: a
floating rate says that each interest period takes the LPR in force in it, a rate fixed on
a day names that day and, where docgen's table vouches for it, the LPR's figure and the
resulting annual rate. The full name 一年期贷款市场报价利率（LPR） is printed with every
such rate, so whichever sentence a document prints first defines the abbreviation that a
calculation sheet's steps then use (「2025年5月20日发布的一年期LPR 3.00%」).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.domain.dates import format_cn
from docgen.domain.lpr import (
    LPR_FULL_NAME,
    LPR_NAME,
    LprEntry,
    LprNotAvailable,
    LprTable,
    format_percent,
)
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.domain.interest import InterestResult, RateSpec

_ONE_DAY = timedelta(days=1)


def describe_rate(
    rate: RateSpec, table: LprTable | None = None, computed: bool = False, published: bool = False
) -> str:
    """The agreed rate: 年利率6%, 月利率0.5%, 日利率0.05%; floating 「各计息期间适用的一年期
    贷款市场报价利率（LPR）的1.5倍（随LPR调整浮动）」; fixed 「2025年1月10日的一年期贷款市场
    报价利率（LPR）3.10%的1.5倍，即年利率4.65%」, the figures only when `table` is given
    and vouches for that day (otherwise the day alone: the figure would be a guess). Where
    an amount was ``computed`` at the rate (a complaint's claim), a day after the table's
    last check names the entry it was computed with instead, so that it can be recomputed
    (「2026年1月1日的一年期贷款市场报价利率（LPR，适用2025年5月20日发布的3.00%）的1.5倍，
    即年利率4.5%」). The
    LPR itself is not 「LPR的1倍」: 「各计息期间适用的一年期贷款市场报价利率（LPR，随LPR调整
    浮动）」, 「2025年1月10日的一年期贷款市场报价利率（LPR）3.10%」."""
    value = format_percent(rate.value)
    if rate.kind == "annual":
        return f"年利率{value}%"
    if rate.kind == "monthly":
        return f"月利率{value}%"
    if rate.kind == "daily":
        return f"日利率{value}%"
    terms = _lpr_terms(rate.kind, rate.value)
    if rate.fixed_on is None and not terms:
        return f"各计息期间适用的{LPR_NAME}（LPR，随LPR调整浮动）"
    if rate.fixed_on is None:
        return f"各计息期间适用的{LPR_FULL_NAME}{terms}（随LPR调整浮动）"
    fixed = f"{format_cn(rate.fixed_on)}的{LPR_FULL_NAME}"
    entry = _verified_entry(rate.fixed_on, table)
    if published:
        return _published(rate, table, entry, terms)
    if computed and table is not None and entry is None:
        return _beyond_table(rate, table, f"{fixed}{terms}")
    if entry is None or table is None:
        return f"{fixed}{terms}"
    if not terms:
        return f"{fixed}{entry.rate_text}%"
    annual, _ = rate.annual_percent_on(rate.fixed_on, table)
    return f"{fixed}{entry.rate_text}%{terms}，即年利率{format_percent(annual)}%"


def describe_penalty_rate(
    rate: RateSpec, table: LprTable | None = None, computed: bool = False
) -> str:
    """A 违约金's rate: one agreed by the day is a share of the sum owed per day, not
    interest, and reads as contracts word it, 「每日0.05%」 (「按每日0.05%计付违约金」), never
    「日利率0.05%」 (民法典 art. 585(1): 违约金 as agreed, or the method of computing it). Every
    other rate as :func:`describe_rate` words it. The one wording of a penalty's rate for
    every document type."""
    if rate.kind == "daily":
        return f"每日{format_percent(rate.value)}%"
    return describe_rate(rate, table, computed=computed)


def describe_agreed_rate(rate: RateSpec, table: LprTable | None = None) -> str:
    """The rate as an agreement words it: an LPR fixed on a day is named by its publication
    — 「全国银行间同业拆借中心截至2026年10月16日最近一次公布的一年期贷款市场报价利率（LPR，
    即2025年5月20日发布的3.00%）的1.5倍，即年利率4.5%」 — for the LPR is published on the
    20th and 「2026年10月16日的LPR」 leaves open which one; the figure only where ``table``
    vouches for it. Every other rate as :func:`describe_rate` words it."""
    return describe_rate(rate, table, published=True)


def _published(rate: RateSpec, table: LprTable | None, entry: LprEntry | None, terms: str) -> str:
    day = format_cn(rate.fixed_on) if rate.fixed_on else ""
    figure = f"，即{format_cn(entry.effective_from)}发布的{entry.rate_text}%" if entry else ""
    lpr = f"全国银行间同业拆借中心截至{day}最近一次公布的{LPR_NAME}（LPR{figure}）"
    if entry is None or table is None or not terms or rate.fixed_on is None:
        return f"{lpr}{terms}"
    annual, _ = rate.annual_percent_on(rate.fixed_on, table)
    return f"{lpr}{terms}，即年利率{format_percent(annual)}%"


def explain_rate(rate: RateSpec, entry: LprEntry | None) -> str:
    """How a step's annual rate was derived, for its basis; empty for an annual rate.

    An LPR-based rate names the LPR used, its figure and its publication date.
    """
    value = format_percent(rate.value)
    if rate.kind == "annual":
        return ""
    if rate.kind == "monthly":
        return f"月利率{value}%×12"
    if rate.kind == "daily":
        return f"日利率{value}%×365"
    if entry is None:
        raise ValueError("an LPR-based rate needs the LPR entry it used")
    terms = _lpr_terms(rate.kind, rate.value)
    if rate.fixed_on is None:
        return f"{entry.describe()}{terms}"
    return (
        f"{format_cn(rate.fixed_on)}的一年期LPR {entry.rate_text}%{terms}，"
        f"该LPR于{format_cn(entry.effective_from)}发布，全程固定适用"
    )


def describe_running_claim(
    base: Decimal,
    rate: RateSpec,
    start: date,
    table: LprTable | None = None,
    penalty: bool = False,
) -> str:
    """Wording of a claim "to the date of actual payment", stating its base, rate and start.

    E.g. "以100,000.00元为基数，自2025年1月10日起按年利率6%计算至实际清偿之日止"; `table`
    gives a fixed LPR its figures (describe_rate). The amount to a given date is computed
    with interest_on_principal. A ``penalty`` states its rate as
    :func:`describe_penalty_rate` does.
    """
    words = describe_penalty_rate(rate, table) if penalty else describe_rate(rate, table)
    return f"以{format_yuan(base)}元为基数，自{format_cn(start)}起按{words}计算至实际清偿之日止"


def describe_lpr_periods(result: InterestResult) -> str:
    """Which LPR a floating rate used over which days, for a document that prints no
    calculation sheet: 「其间适用的LPR：2024年11月1日至2025年5月19日为2024年10月21日发布的
    3.10%，2025年5月20日至2025年10月31日为2025年5月20日发布的3.00%」. Empty for any other
    rate, whose own wording states its figures."""
    if not result.rate.uses_lpr or result.rate.fixed_on is not None:
        return ""
    spans: list[tuple[date, date, LprEntry]] = []
    for step in result.steps:
        if step.lpr_entry is None:
            continue
        last = step.end - _ONE_DAY
        if spans and spans[-1][2] == step.lpr_entry and spans[-1][1] + _ONE_DAY == step.start:
            spans[-1] = (spans[-1][0], last, step.lpr_entry)
        else:
            spans.append((step.start, last, step.lpr_entry))
    if not spans:
        return ""
    return "其间适用的LPR：" + "，".join(
        f"{format_cn(first)}至{format_cn(last)}为{format_cn(entry.effective_from)}发布的"
        f"{entry.rate_text}%"
        for first, last, entry in spans
    )


def _lpr_terms(kind: str, value: Decimal) -> str:
    """What an LPR-based rate does to the LPR: 的1.5倍, 加150个基点, 减20个基点; nothing
    for the LPR itself (once the LPR, or plus 0 points), which is not 「LPR的1倍」."""
    if value == (1 if kind == "lpr_multiple" else 0):
        return ""
    if kind == "lpr_multiple":
        return f"的{format_percent(value)}倍"
    sign = "加" if value >= 0 else "减"
    return f"{sign}{format_percent(abs(value))}个基点"


def _beyond_table(rate: RateSpec, table: LprTable, words: str) -> str:
    """A fixed LPR rate whose day is after the table's last check: ``words`` (the day
    alone) when the table has no entry for it, else the entry used, named beside the LPR
    with its publication date: 「2026年1月1日的一年期贷款市场报价利率（LPR，适用2025年5月
    20日发布的3.00%）的1.5倍，即年利率4.5%」."""
    if rate.fixed_on is None:
        return words
    try:
        annual, entry = rate.annual_percent_on(rate.fixed_on, table)
    except (LprNotAvailable, ValueError):
        return words
    if entry is None:
        return words
    used = f"适用{format_cn(entry.effective_from)}发布的{entry.rate_text}%"
    terms = _lpr_terms(rate.kind, rate.value)
    lpr = f"{format_cn(rate.fixed_on)}的{LPR_NAME}（LPR，{used}）"
    return f"{lpr}{terms}，即年利率{format_percent(annual)}%" if terms else lpr


def _verified_entry(day: date, table: LprTable | None) -> LprEntry | None:
    """The LPR in force on `day` when `table` certainly knows it, else None."""
    if table is None or not table.is_verified(day):
        return None
    try:
        return table.entry_on(day)
    except LprNotAvailable:
        return None
