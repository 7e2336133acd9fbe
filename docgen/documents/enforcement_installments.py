"""The installments of an instrument enforced: which are due, and what may be claimed.

Only what is due can be enforced: a party refuses to perform (民事诉讼法 art. 247; an award
or a notarised instrument, arts. 248, 249: 不履行) only once an installment's deadline has
passed. The installments not yet due are claimed only where the instrument accelerates them
(any installment missed makes the rest due) and the acceleration has happened
(``accelerated_on``): then a warning asks to check the clause.

The doubled part of the delay interest runs on each installment from the end of its own
performance period (法释〔2014〕8号 art. 2: 生效法律文书确定分期履行的，自每次履行期间届满之日
起计算), an accelerated one included: a clause that lets the creditor enforce the whole does
not by itself end the later periods. Only where the case says the instrument makes the rest
due on default (``delay_from_acceleration``) do they run from the acceleration, the clause
printed as the basis and a warning given to check it.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from docgen.documents.enforcement_parts import (
    APPLY_ARTICLES,
    TITLE_LABELS,
    EnforcementTitle,
    TitleInstallment,
)
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
    _check_delay_from_acceleration(result, title)
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
            "尚不存在拒绝履行，不能申请强制执行"
            f"（《中华人民共和国民事诉讼法》{APPLY_ARTICLES[title.kind]}）；"
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
            f"（条件于{format_cn(on)}成就）一并申请执行：请核对法律文书确有该约定（如 任何一期"
            "未按期足额履行，即可就全部未付款项申请执行）且条件已成就；没有该约定的，尚未届满的各期不能"
            f"申请执行（《中华人民共和国民事诉讼法》{APPLY_ARTICLES[title.kind]}）",
        )


def _check_delay_from_acceleration(result: Assessment, title: EnforcementTitle) -> None:
    """The doubled part runs from the acceleration only on the instrument's own words that
    the rest fell due then (法释〔2014〕8号 art. 2 counts from each installment's period)."""
    if not title.delay_from_acceleration:
        return
    loc = ("title", "delay_from_acceleration")
    if title.accelerated_on is None:
        result.error(
            loc, "no_acceleration", "未填写加速到期日，加倍部分债务利息不能自加速到期日起算"
        )
        return
    if not title.acceleration_clause:
        result.error(
            ("title", "acceleration_clause"),
            "missing",
            "加倍部分债务利息自加速到期日起算的，请填写法律文书中加速到期约定的原文，申请书援引该约定",
        )
        return
    result.warn(
        loc,
        "delay_from_acceleration",
        f"加速到期的各期的加倍部分债务利息自{format_cn(title.accelerated_on)}的次日起计算：法释〔2014〕8号"
        "第二条规定分期履行的，自每次履行期间届满之日起计算；提前起算须以法律文书明确约定其余各期于"
        "违约时即行到期为前提。仅约定可就全部未付款项申请执行的，请不要选择此项",
    )


def delay_parts(title: EnforcementTitle) -> tuple[list[tuple[Decimal, date]], list[str]]:
    """Each installment's amount and the day its performance period ended, with the words
    naming it: its own deadline, or the acceleration where the instrument makes the rest
    due then and the case says so (法释〔2014〕8号 art. 2)."""
    on = title.accelerated_on if title.delay_from_acceleration else None
    parts: list[tuple[Decimal, date]] = []
    labels: list[str] = []
    for installment in sorted(title.installments, key=lambda i: i.due):
        own = f"{format_cn(installment.due)}届满"
        if on is not None and on < installment.due:
            parts.append((installment.amount, on))
            labels.append(f"{own}，依约定于{format_cn(on)}到期")
        else:
            parts.append((installment.amount, installment.due))
            labels.append(own)
    return parts, labels


def _clause(title: EnforcementTitle) -> str:
    """The instrument's acceleration clause as the basis the application cites."""
    words = (title.acceleration_clause or "").strip().rstrip("。；;")
    quoted = f"关于“{words}”的约定" if words else "的约定"
    return f"该{TITLE_LABELS[title.kind]}{quoted}"


def installments_text(title: EnforcementTitle, applied_on: date) -> str:
    """How many installments are past their own deadlines on the day of the application,
    and how the rest are claimed or that they are left out. The words follow what the
    doubled part is counted from (``delay_parts``): the rest fell due on the acceleration
    only where the instrument makes them due on default (``delay_from_acceleration``); a
    clause that lets the creditor enforce the whole leaves each its own deadline, so they
    are claimed with it and said to end when they do (法释〔2014〕8号 art. 2)."""
    later = not_yet_due(title, applied_on)
    due = len(title.installments) - len(later)
    text = f"该法律文书确定分期履行，其中{due}期的履行期限已经届满"
    if later and title.accelerated_on is not None and title.delay_from_acceleration:
        return text + (
            f"；尚未届满的{len(later)}期，因被执行人未按期履行，依{_clause(title)}，已于"
            f"{format_cn(title.accelerated_on)}到期"
        )
    if later and title.accelerated_on is not None:
        ends = "、".join(format_cn(i.due) for i in sorted(later, key=lambda i: i.due))
        each = "分别于" if len(later) > 1 else ""
        return text + (
            f"；尚未届满的{len(later)}期（{each}{ends}届满），因被执行人未按期履行，"
            f"依{_clause(title)}，申请执行人有权一并申请执行"
        )
    if later:
        return text + f"，其余{len(later)}期尚未届满，不在本次申请执行之列"
    return text


def delay_notes(title: EnforcementTitle, until: date) -> str:
    """What the doubled part's calculation leaves to be said: the acceleration it counts
    from, with its basis; the accelerated installments not yet late, from when they are."""
    on = title.accelerated_on
    if on is None:
        return ""
    if title.delay_from_acceleration:
        return (
            f"依{_clause(title)}，其余各期于{format_cn(on)}到期，其加倍部分债务利息自"
            f"{format_cn(on + timedelta(days=1))}起计算（法释〔2014〕8号第二条）。"
        )
    return "".join(
        f"{format_cn(i.due)}届满的一期人民币{format_yuan(i.amount)}元，其加倍部分债务利息自"
        f"{format_cn(i.due + timedelta(days=1))}起计算（法释〔2014〕8号第二条）。"
        for i in sorted(title.installments, key=lambda i: i.due)
        if i.due >= until
    )
