"""What each installment of a plan pays, by column: its principal, the other confirmed
amounts, its interest and its total (本金／其他欠款／利息／合计), for the installment
agreement's schedule and the debt confirmation's plan alike.

Each installment pays first the confirmed amounts other than principal, then principal
(民法典 art. 561), and the interest of its period on the principal still unpaid
(``docgen.domain.schedule.split_installments``). Printed per installment, the sum a debtor
must pay to pay an installment 足额 can be read from the document, not computed from a
clause (a doubtful term is read against its drafter, 民法典 art. 498).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from docgen.domain.dates import format_cn
from docgen.domain.interest import RateSpec, interest_on_principal
from docgen.domain.lpr import LprTable
from docgen.domain.money import format_yuan, legal_amount, to_fen
from docgen.domain.schedule import Installment, InstallmentSplit, split_installments


def plan_splits(
    rows: list[Installment],
    principal: Decimal,
    as_of: date,
    rate: RateSpec | None,
    table: LprTable,
) -> list[InstallmentSplit]:
    """Each installment's principal, other confirmed amounts and interest at ``rate`` (none
    without one); the interest runs from the day after the amounts' cut-off date ``as_of``.
    Raises LprNotAvailable for an LPR rate the table cannot give."""

    def interest(base: Decimal, start: date, end: date) -> Decimal:
        if rate is None:
            return Decimal("0.00")
        return to_fen(interest_on_principal(base, rate, start, end, table).interest)

    return split_installments(rows, principal, as_of, interest)


def columns_context(
    splits: list[InstallmentSplit], principal: Decimal, total: Decimal, label: str
) -> dict[str, Any]:
    """The schedule table's rows and column totals (``layouts.installment_agreement.
    schedule_table`` prints them); ``total`` is the confirmed total, ``label`` the
    principal as the amounts table names it (货款 for a sale)."""
    interest_total = sum((s.interest for s in splits), Decimal(0))
    rows = [
        {
            "no": str(s.number),
            "due": format_cn(s.due),
            "principal": format_yuan(s.principal),
            "other": format_yuan(s.other),
            "interest": format_yuan(s.interest),
            "total": format_yuan(s.total),
        }
        for s in splits
    ]
    totals = {
        "principal": format_yuan(principal),
        "other": format_yuan(total - principal),
        "interest": format_yuan(interest_total),
        "total": format_yuan(total + interest_total),
        "legal": legal_amount(total + interest_total),
    }
    return {
        "schedule": rows,
        "schedule_totals": totals,
        "has_other": total != principal,
        "principal_label": label,
    }


def with_interest(debt: str, splits: list[InstallmentSplit] | None) -> str:
    """What a plan's lead-in says it pays: 「上述债务及其利息」 where the plan's 利息 column
    holds interest, else ``debt`` alone (no interest runs, or the column is not shown)."""
    if splits and any(s.interest for s in splits):
        return f"{debt}及其利息"
    return debt


__all__ = ["columns_context", "plan_splits", "with_interest"]
