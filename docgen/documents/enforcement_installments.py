"""The installments of an instrument enforced: which are due, and what may be claimed.

Only what is due can be enforced: a party refuses to perform (民事诉讼法 art. 247) only
once an installment's deadline has passed. The installments not yet due are claimed only
where the instrument accelerates them (any installment missed makes the rest due) and the
acceleration has happened (``accelerated_on``): then a warning asks to check the clause.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from docgen.documents.enforcement_parts import EnforcementTitle, TitleInstallment
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan


def check_installments(
    result: Assessment, title: EnforcementTitle, applied_on: date, base: Decimal
) -> None:
    """The installments of the instrument against the application: the last one is the
    performance deadline, one at least is due, and only what is due is claimed."""
    loc = ("title", "installments")
    last = max(i.due for i in title.installments)
    if title.performance_deadline is not None and title.performance_deadline != last:
        result.error(
            ("title", "performance_deadline"),
            "not_the_last_installment",
            f"分期履行的，履行期限届满日应为最后一期的届满日（{format_cn(last)}）",
        )
    if min(i.due for i in title.installments) >= applied_on:
        result.error(loc, "not_yet_due", "尚无一期履行期限届满，尚不能申请强制执行")
        return
    if title.accelerated_on is not None:
        _check_acceleration(result, title, applied_on)
    _check_amount_claimed(result, title, applied_on, base)


def not_yet_due(title: EnforcementTitle, applied_on: date) -> list[TitleInstallment]:
    """The installments whose deadline has not passed on the day of the application."""
    return [i for i in title.installments if i.due >= applied_on]


def _check_amount_claimed(
    result: Assessment, title: EnforcementTitle, applied_on: date, base: Decimal
) -> None:
    """Only what is due can be enforced: a party refuses to perform (民事诉讼法 art. 247)
    only once an installment's deadline has passed, so the installments not yet due are
    claimed only where the instrument accelerates them and that has happened."""
    loc = ("title", "installments")
    planned = sum((i.amount for i in title.installments), Decimal(0))
    later = not_yet_due(title, applied_on)
    if title.accelerated_on is not None or not later:
        if planned != base:
            result.error(
                loc,
                "installments_mismatch",
                f"各期未付金额合计人民币{format_yuan(planned)}元，应等于未付本金、诉讼费用及其他"
                f"金钱债务之和人民币{format_yuan(base)}元（一般债务利息不计入）",
            )
        return
    due = planned - sum((i.amount for i in later), Decimal(0))
    if base == planned and due != planned:
        first = min(later, key=lambda i: i.due)
        result.error(
            loc,
            "installment_not_due",
            f"尚未届满的{len(later)}期（最早一期于{format_cn(first.due)}届满）合计人民币"
            f"{format_yuan(planned - due)}元计入了申请执行的金额：履行期限未届满的，被执行人"
            "尚不存在拒绝履行，不能申请强制执行（《中华人民共和国民事诉讼法》第二百四十七条）；"
            f"申请执行的金额应为已届满各期的未付金额人民币{format_yuan(due)}元",
            hint="法律文书约定一期不履行则其余各期全部到期且该条件已成就的，请填写「加速到期日」；"
            "否则请将未付本金改为已届满各期的合计",
        )
    elif base != due:
        result.error(
            loc,
            "installments_mismatch",
            f"已届满各期的未付金额合计人民币{format_yuan(due)}元，应等于申请执行的未付本金、"
            f"诉讼费用及其他金钱债务之和人民币{format_yuan(base)}元（一般债务利息不计入，"
            "尚未届满的各期不计入）",
        )


def _check_acceleration(result: Assessment, title: EnforcementTitle, applied_on: date) -> None:
    """An acceleration the instrument agreed follows a missed installment, before applying."""
    loc = ("title", "accelerated_on")
    on = title.accelerated_on
    if on is None:
        return
    first = min(i.due for i in title.installments)
    if on > applied_on:
        result.error(loc, "after_application", "加速到期日不得晚于申请日期")
    elif on <= first:
        result.error(
            loc,
            "before_a_missed_installment",
            f"加速到期以某一期未按期履行为条件，加速到期日应晚于第一期的履行期限届满日"
            f"（{format_cn(first)}）",
        )
    elif later := not_yet_due(title, applied_on):
        amount = sum((i.amount for i in later), Decimal(0))
        result.warn(
            loc,
            "installments_accelerated",
            f"尚未届满的{len(later)}期合计人民币{format_yuan(amount)}元按法律文书的加速到期约定"
            f"于{format_cn(on)}到期而申请执行：请核对法律文书确有该约定（如 任何一期未按期足额"
            "履行，即可就全部未付款项申请执行）且条件已成就；没有该约定的，尚未届满的各期不能"
            "申请执行（《中华人民共和国民事诉讼法》第二百四十七条）",
        )
