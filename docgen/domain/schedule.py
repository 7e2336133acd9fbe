"""Installment schedules: equal installments on monthly, bi-weekly or given dates.

Pure arithmetic on Decimal fen. An equal split puts the rounding remainder on the last
installment, so the installments always add up exactly to the total. Monthly dates keep
the first due date's day of month and fall back to the month's last day when the month
is shorter (31 January + 1 month = 28 or 29 February; the next is 31 March again).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from typing import Literal

Frequency = Literal["monthly", "biweekly", "custom"]
FEN = Decimal("0.01")


@dataclass(frozen=True)
class Installment:
    number: int
    due: date
    amount: Decimal


def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, clamped to the month's last day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_dates(first: date, count: int, frequency: Frequency) -> list[date]:
    """``count`` due dates from ``first``: every month (same day) or every 14 days."""
    if count < 1:
        raise ValueError("count must be at least 1")
    if frequency == "monthly":
        return [add_months(first, i) for i in range(count)]
    if frequency == "biweekly":
        return [first + timedelta(days=14 * i) for i in range(count)]
    raise ValueError("custom dates are given, not generated")


def split_equally(total: Decimal, count: int) -> list[Decimal]:
    """``count`` equal amounts rounded down to the fen; the last takes the remainder."""
    if count < 1:
        raise ValueError("count must be at least 1")
    total = total.quantize(FEN)
    if total <= 0:
        raise ValueError("total must be positive")
    share = (total / count).quantize(FEN, rounding=ROUND_DOWN)
    amounts = [share] * (count - 1)
    amounts.append(total - share * (count - 1))
    return amounts


def equal_installments(total: Decimal, dates: list[date]) -> list[Installment]:
    """One installment per date, equal amounts, the remainder on the last one."""
    amounts = split_equally(total, len(dates))
    return [Installment(i + 1, d, a) for i, (d, a) in enumerate(zip(dates, amounts, strict=True))]


def first_non_increasing(dates: list[date]) -> int | None:
    """Index of the first date not strictly after the one before it, or None."""
    for i in range(1, len(dates)):
        if dates[i] <= dates[i - 1]:
            return i
    return None


@dataclass(frozen=True)
class InstallmentSplit:
    """What one installment pays: principal, the other confirmed amounts, plan interest."""

    number: int
    due: date
    principal: Decimal
    other: Decimal
    interest: Decimal

    @property
    def total(self) -> Decimal:
        return self.principal + self.other + self.interest


def split_installments(
    rows: list[Installment],
    principal: Decimal,
    start: date,
    interest: Callable[[Decimal, date, date], Decimal],
) -> list[InstallmentSplit]:
    """Each installment's share of principal and of the other confirmed amounts, and the
    interest of its period.

    An installment first pays the confirmed amounts other than principal (interest,
    penalty, fees), then principal (民法典 art. 561's order, costs and interest before the
    principal). ``interest(base, start, end)`` is the fen-rounded interest on ``base`` over
    [start, end): a period runs from the previous due date (the first from ``start``) to
    its own due date, on the principal still unpaid, so interest never bears interest.
    The rows' amounts are the schedule of the confirmed total, whose principal part is
    ``principal``; the last installment takes whatever principal is left.
    """
    other_left = sum((r.amount for r in rows), Decimal(0)) - principal
    unpaid = principal
    cursor = start
    splits: list[InstallmentSplit] = []
    for row in rows:
        due_interest = interest(unpaid, cursor, row.due) if unpaid > 0 else Decimal("0.00")
        to_other = min(row.amount, max(other_left, Decimal(0)))
        to_principal = row.amount - to_other
        other_left -= to_other
        unpaid -= to_principal
        splits.append(InstallmentSplit(row.number, row.due, to_principal, to_other, due_interest))
        cursor = row.due
    return splits
