"""A payment date of an agreement that falls on a rest day: the agreement says it stands.

民法典 art. 203 moves the last day of a period that is a 法定休假日 to the day after the
holiday, and art. 204 lets the parties agree otherwise. Whether a payment date fixed as a
date in an agreement is such a last day is arguable, and the acceleration clause counts
installments not paid on time: is a Sunday installment paid on the Monday late? The
agreement answers it in one sentence, the creditor's way: the date does not move. Transfers
run every day and the debtor may pay early, so the date costs the debtor nothing it cannot
plan for; moving it would defer every installment that falls on a weekend, and a date in a
year whose 调休 notice is not out yet could not be known to move until that notice.

The sentence is printed for every plan (the settlement's, the installment agreement's, the
debt confirmation's plan or pay-by date, each in its own words), whether or not one of its
dates is a rest day today: the holiday calendar of the later years of a plan is not
published when it is signed (``docgen.domain.workdays``).
"""

from __future__ import annotations


def rest_day_clause(document: str = "本协议", paying: str = "付款") -> str:
    """The agreed exception to 民法典 art. 203 (art. 204), in the document's words: 乙方
    pays (``paying``: 付款, 还款) on or before the day; ``document``: 本协议, 本确认书.

    It names the day as art. 203 does, 法定休假日 (「期间的最后一日是法定休假日的，以法定
    休假日结束的次日为期间的最后一日」), so that the exception plainly reaches the rule it
    sets aside, and says what that covers — the weekly rest days and the public holidays
    (全国年节及纪念日放假办法) — rather than a word of its own (「法定节假日或休息日」)."""
    return (
        f"{document}约定的{paying}日期为法定休假日（包括休息日和法定节假日）的，不予顺延，"
        f"乙方应于该日或之前{paying}。"
    )


__all__ = ["rest_day_clause"]
