"""A letter issued after its own dates have gone by: a payment deadline already over on
the day of issue, or a letter date well in the past.

A drafting rule, not a statute's: a letter is dated the day it goes out (see
``letter_rules.check_not_in_future``), and the time it gives to pay must still be ahead
of the debtor when it arrives. Where the debt has no fixed time of performance, the
creditor may demand it at any time but must allow the debtor the time needed to prepare
(《中华人民共和国民法典》第五百一十一条第四项); a deadline that ended before the letter
was sent allows none, and a letter demanding payment by a date already past misstates
what it demands. Both are warnings, judged against the rules' today (``RuleOptions``):
the letter is still the creditor's to send, and the date is the user's to correct.
"""

from __future__ import annotations

from datetime import date

from docgen.documents.part_models import PaymentDeadline
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn

STALE_AFTER_DAYS = 7  # a week covers signing, printing and posting a dated letter
LOC = ("letter_date",)


def check_letter_dates(
    result: Assessment, letter_date: date, payment: PaymentDeadline, today: date
) -> None:
    """Warn when the computed deadline is before ``today``, or else when ``letter_date``
    is more than :data:`STALE_AFTER_DAYS` before it."""
    deadline = result.computed.get("deadline")
    if payment.counted_from == "letter_date" and deadline is not None and deadline.due < today:
        unit = "个工作日" if payment.kind == "working" else "日"
        result.warn(
            LOC,
            "deadline_passed",
            f"付款期限已于{format_cn(deadline.due)}届满（发函日期{format_cn(letter_date)}起"
            f"{payment.days}{unit}），早于今天（{format_cn(today)}）：函件要求在已经过去的"
            "日期前付款，对方无从履行，函件所述也与实际不符（《中华人民共和国民法典》"
            "第五百一十一条第四项：请求履行应当给对方必要的准备时间）",
            hint="请将发函日期改为实际出具之日，或将付款期限改为自收到本函之日起算",
        )
        return
    age = (today - letter_date).days
    if age > STALE_AFTER_DAYS:
        result.warn(
            LOC,
            "letter_date_stale",
            f"发函日期（{format_cn(letter_date)}）已是{age}天前：函件应填写实际出具之日；"
            "倒签的日期与实际发出、送达的时间不符，金额的计算截止日也随之陈旧",
            hint="如函件今天发出，请将发函日期改为今天，并核对金额的计算截止日",
        )
