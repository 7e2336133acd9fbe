"""A loan repaid in installments (``loan.installments``) against its term, and the day
interest was paid to as the element form prints it (还息至).

- The schedule fits the term: the last installment, the first plus (count − 1) periods,
  falls on or before the term's end (``contract.due_date``). A schedule that runs past
  it contradicts the term the form prints (「约定期限：…起至…止」), and the borrower can
  use the mismatch to dispute the schedule and with it the acceleration (民法典 art. 673
  reads the term the contract agrees). The contract itself may be so drafted, and the
  complaint must plead what it says: a warning at ``loan.installments.count``.
- The installments paid match the day they were paid to: the ``paid``-th installment
  falls on ``paid_through``. Both are the plaintiff's own statement; apart, they
  contradict each other on the page (民事诉讼法 art. 122(3): the claims rest on the facts
  stated): an error at ``loan.installments.paid_through``. More installments paid than
  the schedule has is an error too.
- 还息至: the day the case gives (``loan.interest_paid_until``); else, where interest was
  repaid (``loan.repaid_interest``), the day before the earliest interest the complaint
  claims, the day its own claims say interest was paid to; else a blank, as every unknown
  item of the form."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel
from docgen.domain.schedule import add_months

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

PERIOD_MONTHS = {"monthly": 1, "quarterly": 3}
PERIOD_LABELS = {"monthly": "每月", "quarterly": "每季度"}


class InstallmentPlan(CaseModel):
    """The loan's installments as the contract schedules them."""

    count: int = Field(ge=2, le=600, title="分期期数")
    first_due: date = Field(title="第一期还款日")
    period: Literal["monthly", "quarterly"] = Field(
        default="monthly",
        title="还款周期",
        json_schema_extra={"enum_titles": list(PERIOD_LABELS.values())},
    )
    paid: int | None = Field(
        default=None, ge=0, title="已按期偿还期数", description="借款人已按期偿还的期数，如 9"
    )
    paid_through: date | None = Field(
        default=None,
        title="已还至",
        description="已偿还的最后一期的还款日：应为第一期还款日之后第（已还期数−1）个周期之日",
    )

    def due(self, number: int) -> date:
        """The day installment ``number`` (from 1) falls due."""
        return add_months(self.first_due, (number - 1) * PERIOD_MONTHS[self.period])


def check_installments(result: Assessment, case: CivilComplaint) -> None:
    """The last installment within the term (warning); the installments paid matching the
    day paid to, and no more than scheduled (errors)."""
    plan = case.loan.installments if case.loan else None
    if plan is None:
        return
    at = ("loan", "installments")
    last, end = plan.due(plan.count), case.contract.due_date
    if last > end:
        result.warn(
            (*at, "count"),
            "installments_beyond_term",
            f"借款分{plan.count}期，第一期还款日{format_cn(plan.first_due)}，{PERIOD_LABELS[plan.period]}"
            f"还款，最后一期应于{format_cn(last)}偿还，晚于约定的借款期限届满日（{format_cn(end)}）："
            "还款计划与借款期限互相矛盾，被告可据此对还款计划及提前到期提出异议",
            hint="请按合同核对期数、第一期还款日和借款到期日；合同本身如此约定的，请在事实中说明",
        )
    if plan.paid is None:
        return
    if plan.paid > plan.count:
        result.error(
            (*at, "paid"),
            "installments_paid_above_count",
            f"已按期偿还{plan.paid}期，多于分期期数（{plan.count}期）",
            hint="请核对已还期数",
        )
        return
    if plan.paid_through is None or plan.paid == 0:
        return
    expected = plan.due(plan.paid)
    if plan.paid_through != expected:
        result.error(
            (*at, "paid_through"),
            "installments_paid_mismatch",
            f"已按期偿还{plan.paid}期，第{plan.paid}期的还款日为{format_cn(expected)}，与所填「已还至」"
            f"（{format_cn(plan.paid_through)}）不符：起诉状对还款情况的陈述前后矛盾",
            hint="请核对已还期数、已还至日期和第一期还款日",
        )


def interest_paid_to(case: CivilComplaint) -> date | None:
    """还息至: ``loan.interest_paid_until``, else — interest having been repaid — the day
    before the earliest interest claimed; None when neither tells it."""
    loan = case.loan
    if loan is None:
        return None
    if loan.interest_paid_until is not None:
        return loan.interest_paid_until
    if not loan.repaid_interest:
        return None
    starts = [
        c.calculation.start
        for c in case.amounts.components
        if c.kind == "interest" and c.calculation is not None
    ]
    if not starts:
        return None
    day = min(starts) - timedelta(days=1)
    return day if day > loan.delivered_on else None
