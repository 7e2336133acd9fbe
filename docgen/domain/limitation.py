"""The limitation period (诉讼时效) of a money claim under the Civil Code (domain brief §4.1).

Rules applied, and the reason each one is here:

- The general period is three years from when the creditor knew or should have known that
  its right was harmed (民法典 art. 188). For a debt with a due date this module assumes the
  creditor knew of the non-payment on the due date itself; a caller with other facts
  (e.g. a later discovery) passes that date as `due`.
- For a debt payable in installments the period runs from the last installment's due date
  (art. 189): callers pass that date as `due` (see `installment_due`).
- Date arithmetic follows arts. 201–203: the start day is not counted; a period in years or
  months ends on the corresponding date of the last month, or on that month's last day if
  it has none; a last day that is a statutory holiday moves to the day after the holiday.
  Courts treat ordinary rest days the same way, so any non-workday of the official calendar
  moves the end to the next workday; an adjusted weekend workday (调休) ends the period.
- A demand reaching the debtor, the debtor's agreement to perform (acknowledgment, partial
  payment, installment agreement) and filing suit or arbitration interrupt the period, which
  then restarts in full from the interruption (art. 195). Only an event inside the running
  period interrupts it: after expiry there is nothing left to interrupt.
- Expiry is a defence the debtor must raise (art. 193). A debtor who agrees to perform after
  expiry can no longer raise it (art. 192(2)); that is reported as `waived`, while the status
  stays "expired" because the period itself did not restart.

Everything a user reads (labels, reasons, steps) is Chinese; each step names its article.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, get_args

from docgen.domain.dates import format_cn
from docgen.domain.workdays import is_workday

InterruptionKind = Literal[
    "demand_delivered",
    "acknowledgment",
    "partial_payment",
    "installment_agreement",
    "filing",
]

INTERRUPTION_KINDS: tuple[InterruptionKind, ...] = get_args(InterruptionKind)

INTERRUPTION_LABELS: dict[InterruptionKind, str] = {
    "demand_delivered": "催收函件送达",
    "acknowledgment": "债务人确认债务",
    "partial_payment": "部分履行（还款）",
    "installment_agreement": "达成还款协议",
    "filing": "提起诉讼或申请仲裁",
}

# The debtor's own agreement to perform: after expiry it bars the time-bar defence
# (民法典 art. 192(2)). A creditor's demand or filing after expiry does not.
WAIVING_KINDS: frozenset[InterruptionKind] = frozenset(
    {"acknowledgment", "partial_payment", "installment_agreement"}
)

LimitationStatus = Literal["running", "expiring", "expired"]

_ONE_DAY = timedelta(days=1)
_CN_DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class InterruptionEvent:
    """Something that happened on `day` and may interrupt the period (民法典 art. 195).

    Raises ValueError for an unknown `kind`, so a typo never silently fails to interrupt.
    """

    kind: InterruptionKind
    day: date

    def __post_init__(self) -> None:
        if self.kind not in INTERRUPTION_LABELS:
            known = "、".join(INTERRUPTION_KINDS)
            raise ValueError(f"未知的诉讼时效中断事由：{self.kind!r}（可选：{known}）")

    @property
    def label(self) -> str:
        """The Chinese name of the event, as printed in documents and calculation sheets."""
        return INTERRUPTION_LABELS[self.kind]


@dataclass(frozen=True)
class PeriodEnd:
    """The last day of a period counted in years and months.

    `day` is the last day after any holiday extension; `corresponding` is the plain
    corresponding date (or month end) before the extension, so `day >= corresponding`.
    `holiday_extended` says the end moved off a non-workday (art. 203). `calendar_fallback`
    says the official calendar did not cover a date consulted and Monday–Friday was used,
    so the date must be checked by hand.
    """

    day: date
    holiday_extended: bool
    calendar_fallback: bool
    corresponding: date


@dataclass(frozen=True)
class LimitationResult:
    """The state of the limitation period on the date `on` of the calculation.

    `expires` is the last day of the (possibly restarted) period; `days_left` counts the
    days from `on` to `expires` (0 on the last day and once expired). `started_from` is the
    due date or the last effective interruption. `effective_events` restarted the period;
    `ignored_events` did not, each with a Chinese reason. `waived` is True when the debtor
    agreed to perform after expiry (art. 192(2)). `steps` explain the calculation in
    Chinese, one sentence each. `calendar_fallback` as in `PeriodEnd`.
    """

    expires: date
    status: LimitationStatus
    days_left: int
    started_from: date
    effective_events: list[InterruptionEvent]
    ignored_events: list[tuple[InterruptionEvent, str]]
    waived: bool
    steps: list[str]
    calendar_fallback: bool


def installment_due(last_installment_due: date) -> date:
    """Return the date the period of an installment debt runs from (民法典 art. 189).

    The period of a debt payable in installments runs from the due date of the last
    installment, so callers pass that date as `due` to `limitation_status`. This function
    exists to name that rule at the call site; it returns its argument unchanged.
    """
    return last_installment_due


def add_period(
    start: date, years: int = 0, months: int = 0, *, allow_fallback: bool = True
) -> PeriodEnd:
    """Return the last day of a period of `years` years and `months` months from `start`.

    民法典 arts. 201–203: `start` is not counted, so the period begins the next day and ends
    on the corresponding date of the last month, or that month's last day when there is no
    corresponding date (2024-02-29 + 3 years → 2027-02-28; 2023-08-31 + 6 months →
    2024-02-29). A last day that is not a workday of the official calendar (statutory holiday
    or rest day) moves to the next workday, i.e. the day after the holiday ends.

    For years the official calendar does not cover, `allow_fallback` is passed to
    `is_workday`: True uses Monday–Friday and reports `calendar_fallback`, False raises
    CalendarCoverageError. Raises ValueError when the period is not positive.
    """
    if years < 0 or months < 0 or years * 12 + months < 1:
        raise ValueError(f"期间应为正数，实为{years}年{months}个月")
    month_index = start.month - 1 + years * 12 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last_of_month = calendar.monthrange(year, month)[1]
    corresponding = date(year, month, min(start.day, last_of_month))
    day = corresponding
    workday, fallback = is_workday(day, allow_fallback=allow_fallback)
    while not workday:
        day += _ONE_DAY
        workday, used_fallback = is_workday(day, allow_fallback=allow_fallback)
        fallback = fallback or used_fallback
    return PeriodEnd(
        day=day,
        holiday_extended=day != corresponding,
        calendar_fallback=fallback,
        corresponding=corresponding,
    )


def limitation_status(
    due: date,
    events: Sequence[InterruptionEvent] = (),
    *,
    on: date,
    years: int = 3,
    warn_within_days: int = 90,
    allow_fallback: bool = True,
) -> LimitationResult:
    """Return the limitation period of a debt due on `due`, as it stands on `on`.

    The period starts the day after `due`: the creditor is taken to know of the non-payment
    on the due date (民法典 art. 188); for an installment debt `due` is the last
    installment's due date (art. 189). Events are taken in date order. An event restarts the
    period in full from its day (art. 195) when it falls on or after `due`, on or before the
    then-current expiry date and not after `on`; otherwise it is ignored with a Chinese
    reason. An acknowledgment, partial payment or installment agreement after expiry sets
    `waived` (art. 192(2)) without restarting the period.

    Status on `on`: "expired" after the last day, "expiring" when at most `warn_within_days`
    days are left, else "running". Raises ValueError for years < 1 or a negative warning
    window; CalendarCoverageError as in `add_period` when `allow_fallback` is False.
    """
    if years < 1:
        raise ValueError(f"诉讼时效期间应至少为一年，实为{years}年")
    if warn_within_days < 0:
        raise ValueError(f"提前预警天数不能为负数，实为{warn_within_days}")
    period_text = f"{_cn_number(years)}年"
    steps = [
        f"假定债权人于应付款日期当日知道或者应当知道权利受到损害，诉讼时效期间为{period_text}"
        "（《民法典》第一百八十八条）；分期履行的债务，自最后一期履行期限届满之日起计算"
        "（第一百八十九条）。"
    ]
    end = add_period(due, years, allow_fallback=allow_fallback)
    fallback = end.calendar_fallback
    steps.append(
        f"应付款日期{format_cn(due)}，次日起算{period_text}，"
        f"{_end_text(due, end)}（《民法典》{_articles('第二百零一条、第二百零二条', end)}）。"
    )
    started_from = due
    effective: list[InterruptionEvent] = []
    ignored: list[tuple[InterruptionEvent, str]] = []
    waived = False
    for event in sorted(events, key=lambda e: e.day):
        when = f"{format_cn(event.day)}{event.label}"
        reason, waives = _not_interrupting(event, due, on, end.day)
        waived = waived or waives
        if reason is None:
            end = add_period(event.day, years, allow_fallback=allow_fallback)
            fallback = fallback or end.calendar_fallback
            started_from = event.day
            effective.append(event)
            steps.append(
                f"{when}，诉讼时效中断，自次日起重新计算{period_text}，"
                f"{_end_text(event.day, end)}（《民法典》{_articles('第一百九十五条', end)}）。"
            )
            continue
        ignored.append((event, reason))
        steps.append(f"{when}：{reason}。")

    status, days_left, conclusion = _conclusion(on, end.day, waived, warn_within_days)
    steps.append(conclusion + "。")
    if fallback:
        steps.append(
            "注意：计算涉及的部分年份超出已安装的法定节假日日历范围，"
            "已按周一至周五为工作日推算，届满日期请人工核对。"
        )
    return LimitationResult(
        expires=end.day,
        status=status,
        days_left=days_left,
        started_from=started_from,
        effective_events=effective,
        ignored_events=ignored,
        waived=waived,
        steps=steps,
        calendar_fallback=fallback,
    )


def _not_interrupting(
    event: InterruptionEvent, due: date, on: date, expires: date
) -> tuple[str | None, bool]:
    """Why ``event`` does not interrupt a period ending on ``expires`` (None when it does),
    and whether it waives the expiry defence (an agreement to perform after expiry,
    art. 192(2))."""
    if event.day > on:
        return f"发生在计算日{format_cn(on)}之后，尚未发生，不予计入", False
    if event.day < due:
        return f"早于应付款日期{format_cn(due)}，诉讼时效尚未起算，不发生中断", False
    if event.day > expires:
        reason = f"发生在诉讼时效期间届满（{format_cn(expires)}）之后，不能中断诉讼时效"
        if event.kind not in WAIVING_KINDS:
            return reason, False
        reason += (
            "；但义务人在期间届满后同意履行，不得再以诉讼时效期间届满为由抗辩"
            "（《民法典》第一百九十二条第二款）"
        )
        return reason, True
    return None, False


def _conclusion(
    on: date, expires: date, waived: bool, warn_within_days: int
) -> tuple[LimitationStatus, int, str]:
    """The status on ``on``, the days left and the sentence that says so."""
    if on > expires:
        conclusion = f"截至{format_cn(on)}，诉讼时效期间已于{format_cn(expires)}届满"
        if waived:
            conclusion += "，但债务人已在届满后同意履行，不得以时效届满为由抗辩"
        else:
            conclusion += "，债务人可以提出不履行义务的抗辩（《民法典》第一百九十二条）"
        return "expired", 0, conclusion
    days_left = (expires - on).days
    status: LimitationStatus = "expiring" if days_left <= warn_within_days else "running"
    conclusion = (
        f"截至{format_cn(on)}，诉讼时效期间尚未届满，距{format_cn(expires)}届满还有{days_left}日"
    )
    if status == "expiring":
        conclusion += f"，已进入届满前{warn_within_days}日的预警期，请及时采取中断措施"
    return status, days_left, conclusion


def _end_text(start: date, end: PeriodEnd) -> str:
    """Say where a period that began after `start` ends: on the month end when the last
    month has no corresponding date (art. 202), moved off a holiday or rest day (art. 203)."""
    month_end = end.corresponding.day != start.day
    if not end.holiday_extended:
        prefix = "到期月没有对应日，至月末日" if month_end else "至"
        return f"{prefix}{format_cn(end.day)}届满"
    last_day = "到期月没有对应日，月末日" if month_end else "对应日"
    return (
        f"{last_day}{format_cn(end.corresponding)}为法定节假日或休息日，"
        f"顺延至{format_cn(end.day)}届满"
    )


def _articles(base: str, end: PeriodEnd) -> str:
    """Cite `base`, plus art. 203 when the end was moved off a holiday or rest day."""
    return f"{base}、第二百零三条" if end.holiday_extended else base


def _cn_number(n: int) -> str:
    """Read a small positive count in Chinese: 3 → 三, 10 → 十, 20 → 二十; Arabic beyond 99."""
    if n > 99:
        return str(n)
    tens, ones = divmod(n, 10)
    tens_text = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return tens_text + (_CN_DIGITS[ones] if ones else "")
