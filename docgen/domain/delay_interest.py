"""Interest for delayed performance of a judgment (迟延履行期间的债务利息).

民事诉讼法 (2023) art. 264: a debtor who does not pay within the period a judgment, ruling
or other legal instrument sets pays double interest for the delay. 法释〔2014〕8号 splits it:

- the general interest (一般债务利息) follows the instrument's own method (art. 1(2)) — it
  is the creditor's figure, not computed here;
- the doubled part (加倍部分债务利息, art. 1(3)) = the unpaid money debt fixed by the
  instrument other than general interest × 0.0175% a day × the days of delay;
- it runs from the end of the performance period, or from the instrument's effect when it
  sets none (art. 2), to the day of performance (art. 3).

Days are counted as 民法典 art. 201 counts a period: the day the performance period ends is
not counted, so the first day of delay is the next day; both ends of the delay are counted.
The amount is rounded half up to the fen once, at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan, to_fen

DAILY_RATE = Decimal("0.000175")
DAILY_RATE_TEXT = "日万分之一点七五"
BASIS = "《中华人民共和国民事诉讼法》第二百六十四条、法释〔2014〕8号第一条至第三条"


@dataclass(frozen=True)
class DelayInterest:
    """The doubled part of the interest for a delay: its base, days, amount and the
    calculation in words."""

    base: Decimal
    first_day: date
    last_day: date
    days: int
    amount: Decimal
    text: str


def doubled_interest(base: Decimal, period_end: date, until: date) -> DelayInterest:
    """The doubled part on ``base`` unpaid after the performance period ending on
    ``period_end``, counted up to and including ``until``.

    Raises ValueError when ``base`` is negative or ``until`` is not after ``period_end``
    (no day of delay yet).
    """
    base = to_fen(base)
    if base < 0:
        raise ValueError(f"计息基数不能为负数，实为{base}元")
    first_day = period_end + timedelta(days=1)
    if until < first_day:
        raise ValueError(
            f"计算截至日（{format_cn(until)}）应晚于履行期限届满日（{format_cn(period_end)}）"
        )
    days = (until - first_day).days + 1
    amount = to_fen(base * DAILY_RATE * days)
    text = (
        f"以尚未清偿的除一般债务利息之外的金钱债务人民币{format_yuan(base)}元为基数，"
        f"自{format_cn(first_day)}起至{format_cn(until)}止共{days}日，按{DAILY_RATE_TEXT}计算："
        f"{format_yuan(base)}元×0.0175%×{days}日＝{format_yuan(amount)}元"
    )
    return DelayInterest(base, first_day, until, days, amount, text)


@dataclass(frozen=True)
class DelayTotal:
    """The doubled part over the debt's parts, each from its own deadline."""

    parts: list[DelayInterest]
    amount: Decimal
    until: date
    text: str


def doubled_interest_by_part(
    parts: Sequence[tuple[Decimal, date]], until: date, labels: Sequence[str] = ()
) -> DelayTotal:
    """The doubled part of ``(amount, period_end)`` parts up to ``until``: an instrument
    payable in installments runs each from its own deadline (法释〔2014〕8号 art. 2); a part
    whose period has not ended by ``until`` is not late yet and is left out. None late:
    an empty total. ``labels`` name the parts (by default the day each period ended)."""
    late = [
        (labels[k] if k < len(labels) else "", doubled_interest(amount, end, until))
        for k, (amount, end) in enumerate(parts)
        if end < until
    ]
    amount = sum((part.amount for _, part in late), Decimal(0))
    if len(late) > 1:
        lines = "；".join(
            f"第{i}部分（"
            f"{label or format_cn(part.first_day - timedelta(days=1)) + '届满'}）：{part.text}"
            for i, (label, part) in enumerate(late, start=1)
        )
        text = f"{lines}；合计{format_yuan(amount)}元（{BASIS}）"
    else:
        text = "".join(f"{part.text}（{BASIS}）" for _, part in late)
    return DelayTotal([part for _, part in late], amount, until, text)
