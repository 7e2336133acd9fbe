"""The doubled part of the delay interest an application for enforcement asks for
(民事诉讼法 art. 264; 法释〔2014〕8号): on the unpaid debt other than general interest, from
the end of the performance period (each installment's own), unless a mediation statement's
own liability for not performing it is enforced instead (调解规定 art. 15(2))."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.enforcement_by_share import split_delay, warn_unsplit
from docgen.documents.enforcement_installments import delay_parts
from docgen.documents.enforcement_operative import default_clause, waived_on_condition
from docgen.documents.enforcement_parts import EnforcementTitle, Outstanding
from docgen.documents.enforcement_performed import with_performed
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.delay_interest import doubled_interest_by_part

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication


def period_start(title: EnforcementTitle) -> date:
    """The day the period to apply runs from (art. 250): the last day of the performance
    period — of the last installment — or the instrument's effect when it sets none."""
    if title.installments:
        return max(i.due for i in title.installments)
    return title.performance_deadline or title.effective_date


def costs_refunded(title: EnforcementTitle, outstanding: Outstanding) -> bool:
    """Whether a judgment's court fee is the court's to refund and collect, not the
    applicant's to enforce: after a judgment takes effect the court refunds the winner's
    prepaid fee that the winner should not bear and the loser pays it to the court, unless
    the winner agreed to be paid by the loser directly (民诉法解释 art. 207). Claimed as
    well, it would be paid twice. An award's arbitration fee is the commission's, never
    refunded so; a mediation statement's fee is as the parties agreed in it."""
    return (
        title.kind == "judgment"
        and bool(outstanding.costs)
        and not (outstanding.court_fee_paid_directly)
    )


def claimed_costs(title: EnforcementTitle, outstanding: Outstanding) -> Decimal:
    """The costs the application asks for (none where the court refunds and collects)."""
    if costs_refunded(title, outstanding):
        return Decimal(0)
    return outstanding.costs or Decimal(0)


def base_debt(title: EnforcementTitle, outstanding: Outstanding) -> Decimal:
    """The money debt claimed other than general interest (法释〔2014〕8号 art. 1(3)): the
    doubled part runs on what the applicant is owed, not on a fee owed to the court."""
    o = outstanding
    return o.principal + claimed_costs(title, o) + (o.other or Decimal(0))


def delay_interest(result: Assessment, case: EnforcementApplication) -> None:
    """The doubled part runs on the unpaid debt other than general interest, each
    installment from the end of its own performance period (法释〔2014〕8号 arts. 1, 2;
    ``enforcement_installments.delay_parts``)."""
    title = case.title
    if _mediated_liability_claimed(result, case):
        return
    until = case.calculation_date or case.application_date
    if case.calculation_date is not None and case.calculation_date > case.application_date:
        result.error(
            ("calculation_date",),
            "after_application",
            "迟延履行利息计算截至日不得晚于申请日期",
        )
        return
    labels: list[str] = []
    split = split_delay(case, base_debt(title, case.outstanding), period_start(title), until)
    if split is not None:  # debtors by shares: each one's on his share
        result.computed["delay"] = split
        result.computed["delay_by_share"] = True
        return
    if title.installments:
        parts, labels = delay_parts(title)
    else:
        parts = [(base_debt(title, case.outstanding), period_start(title))]
    first = min(end for _, end in parts)
    if case.calculation_date is not None and case.calculation_date <= first:
        result.error(
            ("calculation_date",),
            "before_delay",
            f"迟延履行利息自{format_cn(first)}的次日起计算，计算截至日应晚于该日",
        )
        return
    found = result.computed.get("allocation")
    delay = with_performed(doubled_interest_by_part(parts, until, labels), case, first, found)
    if delay.parts:
        result.computed["delay"] = delay
        warn_unsplit(result, case)


ARTICLE_15 = "《最高人民法院关于人民法院民事调解工作若干问题的规定》第十五条第二款"


def _mediated_liability_claimed(result: Assessment, case: EnforcementApplication) -> bool:
    """Whether the liability a mediation statement sets for not performing it is enforced
    instead of the doubled delay interest. Art. 15 of the 调解规定 (法释〔2004〕12号, 2020年
    修正): 「调解书确定的担保条款条件或者承担民事责任的条件成就时，当事人申请执行的，人民法院
    应当依法执行」 (para. 1); once the party bears that liability, a claim to the statutory
    delay liability as well 「人民法院不予支持」 (para. 2). So the application never asks for
    both. The case says whether the sum claimed is that liability (``default_liability``);
    unsaid, it is read from the operative part: a term making the sum payable on default
    (「逾期未付的，…另行支付违约金…」, ``default_clause``) or waiving it on performance
    (「如被告按期足额履行，原告放弃主张违约金」, ``waived_on_condition``: the sum is owed
    exactly when the statement is not performed) makes it that liability, and the doubled
    part is left out. A case that says the sum is not that liability where the statement's
    words make it so asks for both, and is refused."""
    title, o = case.title, case.outstanding
    if title.kind != "mediation":
        return False
    at = ("title", "default_liability")
    if title.default_liability:
        result.warn(
            at,
            "delay_after_mediated_liability",
            f"已申请执行调解书约定的不履行责任，依{ARTICLE_15}，本申请书不请求加倍支付迟延履行"
            "期间的债务利息",
        )
        return True
    if not o.other:
        return False
    name = o.other_label or "其他金钱债务"
    label = o.other_label or "违约金"
    clause = default_clause(title.operative_part, label) or waived_on_condition(
        title.operative_part, label
    )
    if clause is not None and title.default_liability is False:
        result.error(
            at,
            "delay_with_mediated_liability",
            f"调解书确定「{clause}」：申请执行的{name}是调解书约定的不履行责任，依{ARTICLE_15}，"
            "已申请执行该项责任的，不得再请求加倍支付迟延履行期间的债务利息",
            hint=f"请选择「同时申请执行调解书约定的不履行责任」（不请求加倍部分债务利息），"
            f"或删除{name}的金额以请求加倍部分债务利息",
        )
        return True
    if clause is not None:
        result.warn(
            at,
            "mediated_liability_read",
            f"调解书确定「{clause}」：申请执行的{name}为调解书约定的不履行责任，依{ARTICLE_15}，"
            "本申请书不请求加倍支付迟延履行期间的债务利息；如需请求加倍部分债务利息，请勿同时"
            "申请执行该项责任",
        )
        return True
    if title.default_liability is None:
        result.warn(
            at,
            "mediated_liability_unstated",
            f"申请执行的{name}如系调解书约定的不履行责任，依{ARTICLE_15}，人民法院不支持再加倍"
            "支付迟延履行期间的债务利息；属于该情形的，请选择「同时申请执行调解书约定的不履行"
            "责任」为「是」，不属于的选择「否」",
        )
    return False
