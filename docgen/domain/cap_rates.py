"""The lawful maximum rate and the default rates of a private loan (法释〔2020〕17号).

- Art. 25: the agreed rate may not exceed four times the one-year LPR in force when the
  contract was formed.
- Art. 31(2): for a contract formed before 2020-08-20, interest up to 2020-08-19 follows
  the interpretation then in force (protected up to 24% a year), and interest from
  2020-08-20 follows the standard at filing (four times the one-year LPR at filing).
- Art. 28: the overdue rate is the agreed overdue rate; failing that the agreed in-term
  rate; failing both, the one-year LPR from the overdue date.
- 民法典 art. 680: no interest agreed means no interest; interest agreed unclearly means
  no interest between natural persons, and a rate set by custom or market otherwise.

Comparing a claim with the cap is in :mod:`docgen.domain.caps`.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from docgen.domain.dates import format_cn
from docgen.domain.interest import RateSpec, step_amount
from docgen.domain.lpr import LprEntry, LprTable, format_percent

CAP_REFORM_DATE = date(2020, 8, 20)
"""法释〔2020〕17号 took effect on this day; contracts formed earlier follow art. 31."""

PRE_REFORM_CAP_PERCENT = Decimal(24)
CAP_LPR_MULTIPLE = Decimal(4)
INTERPRETATION = "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》（法释〔2020〕17号）"
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
