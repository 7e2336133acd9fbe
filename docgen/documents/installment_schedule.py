"""The schedule of an agreement paid in installments (分期还款协议, 和解协议): given row by
row or generated (equal installments, the rounding remainder on the last; monthly,
bi-weekly or on given dates), adding up exactly to the total on strictly increasing dates
after signing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import Field

from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Money
from docgen.domain.money import format_yuan, to_fen
from docgen.domain.schedule import (
    Installment,
    due_dates,
    equal_installments,
    first_non_increasing,
)


class ScheduleRow(CaseModel):
    """One installment as agreed."""

    due_date: date = Field(title="还款日期")
    amount: Money = Field(title="金额（元）")


class GeneratedSchedule(CaseModel):
    """Equal installments on generated or given dates; the remainder on the last one."""

    count: int = Field(title="期数", ge=1, le=120)
    frequency: Literal["monthly", "biweekly", "custom"] = Field(
        default="monthly",
        title="还款周期",
        json_schema_extra={"enum_titles": ["每月", "每两周", "指定日期"]},
    )
    first_due: date | None = Field(
        default=None,
        title="首期还款日",
        description="每月或每两周还款时必填；每月还款日同首期，当月无该日的为当月最后一日",
    )
    dates: list[date] = Field(
        default_factory=list, max_length=120, title="指定还款日期", description="指定日期时逐期填写"
    )


class ScheduleInput(CaseModel):
    """The schedule: given row by row, or generated."""

    rows: list[ScheduleRow] = Field(default_factory=list, max_length=120, title="逐期填写")
    generate: GeneratedSchedule | None = Field(default=None, title="自动生成")


def plan_schedule(
    result: Assessment, spec: ScheduleInput, signed: date, total: Decimal
) -> list[Installment] | None:
    """The installments of ``spec`` adding up to ``total``, the first after ``signed``
    (errors at ``schedule``); None when no plan can be built."""
    loc: Loc = ("schedule",)
    if bool(spec.rows) == (spec.generate is not None):
        result.error(loc, "schedule_one_way", "请逐期填写还款计划，或选择自动生成，二者选其一")
        return None
    if spec.rows:
        rows = [Installment(i + 1, r.due_date, to_fen(r.amount)) for i, r in enumerate(spec.rows)]
        dates_loc: Loc = (*loc, "rows")
        planned = sum((r.amount for r in rows), Decimal(0))
        if planned != total:
            result.error(
                (*loc, "rows"),
                "plan_total_mismatch",
                f"各期金额合计人民币{format_yuan(planned)}元，应等于确认的欠款总额"
                f"人民币{format_yuan(total)}元（相差{format_yuan(abs(planned - total))}元）",
            )
    else:
        gen = spec.generate
        if gen is None:  # pragma: no cover - excluded above
            return None
        gloc: Loc = (*loc, "generate")
        if gen.frequency == "custom":
            if len(gen.dates) != gen.count:
                result.error(
                    (*gloc, "dates"),
                    "dates_count_mismatch",
                    f"指定日期应逐期填写{gen.count}个，实际填写{len(gen.dates)}个",
                )
                return None
            dates = list(gen.dates)
            dates_loc = (*gloc, "dates")
        else:
            if gen.first_due is None:
                result.error(
                    (*gloc, "first_due"), "missing", "每月或每两周还款时，请填写首期还款日"
                )
                return None
            dates = due_dates(gen.first_due, gen.count, gen.frequency)
            dates_loc = (*gloc, "first_due")
        if total < Decimal(gen.count) / 100:
            result.error((*gloc, "count"), "too_many_installments", "期数过多：每期至少应为0.01元")
            return None
        rows = equal_installments(total, dates)
    _check_dates(result, signed, rows, dates_loc, per_row=bool(spec.rows))
    return rows


def _check_dates(
    result: Assessment,
    signed: date,
    rows: list[Installment],
    loc: Loc,
    *,
    per_row: bool,
) -> None:
    def at(i: int) -> Loc:
        if per_row:
            return (*loc, i, "due_date")
        return loc if loc[-1] == "first_due" else (*loc, i)

    if rows[0].due <= signed:
        result.error(
            at(0),
            "plan_starts_too_early",
            f"首期还款日（{format_cn(rows[0].due)}）应晚于协议签订日期（{format_cn(signed)}）",
        )
    bad = first_non_increasing([r.due for r in rows])
    if bad is not None:
        result.error(
            at(bad),
            "dates_not_increasing",
            f"第{bad + 1}期还款日期应晚于第{bad}期（{format_cn(rows[bad - 1].due)}）",
        )


def row_locs(spec: ScheduleInput, count: int) -> list[Loc]:
    """Where each installment's date was typed: its row, its date of a custom list, or
    (generated from the first date) the first date's field."""
    if spec.rows:
        return [("schedule", "rows", i, "due_date") for i in range(count)]
    if spec.generate is not None and spec.generate.frequency == "custom":
        return [("schedule", "generate", "dates", i) for i in range(count)]
    return [("schedule", "generate", "first_due")] * count
