"""Legal calculations exposed as a service: one input model, one output model each.

The API (``/api/v1/calculations/<name>``) and the CLI (``docgen calc <name>``) both call
:func:`run`, so a figure is computed one way everywhere, with its steps, and the input
models give the OpenAPI document its schemas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from docgen.documents.problems import CaseInvalid, Problem, from_validation_error
from docgen.domain.court_fees import acceptance_fee, preservation_fee
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Money
from docgen.domain.limitation import (
    INTERRUPTION_LABELS,
    InterruptionEvent,
    InterruptionKind,
    limitation_status,
)
from docgen.domain.money import format_yuan, legal_amount, rmb_upper, to_fen
from docgen.domain.workdays import (
    CalendarCoverageError,
    calendar_day_deadline,
    working_day_deadline,
)


class DeadlineInput(CaseModel):
    start: date = Field(title="起算日", description="不计入期间（次日起算）")
    workdays: int | None = Field(default=None, ge=1, le=365, title="工作日天数")
    days: int | None = Field(default=None, ge=1, le=3650, title="自然日天数")
    allow_fallback: bool = Field(
        default=True, title="超出官方日历时按周一至周五计算", description="否则报错"
    )

    @model_validator(mode="after")
    def _one_count(self) -> DeadlineInput:
        if (self.workdays is None) == (self.days is None):
            raise PydanticCustomError(
                "count_required", "请填写工作日天数或自然日天数之一（只填一项）"
            )
        return self


class DeadlineOutput(BaseModel):
    date: dt.date
    kind: Literal["working", "calendar"]
    days: int
    start: dt.date
    calendar_fallback: bool
    text: str


def deadline(data: DeadlineInput) -> DeadlineOutput:
    if data.workdays is not None:
        result = working_day_deadline(data.start, data.workdays, allow_fallback=data.allow_fallback)
        unit = "个工作日"
    else:
        days = data.days or 0
        result = calendar_day_deadline(data.start, days, allow_fallback=data.allow_fallback)
        unit = "日"
    return DeadlineOutput(
        date=result.due,
        kind=result.kind,
        days=result.days,
        start=result.start,
        calendar_fallback=result.calendar_fallback,
        text=f"自{format_cn(data.start)}次日起算{result.days}{unit}，截止日为{format_cn(result.due)}",
    )


class AmountWordsInput(CaseModel):
    amount: Money = Field(title="金额（元）")


class AmountWordsOutput(BaseModel):
    amount: Decimal
    figures: str
    words: str
    legal: str


def amount_words(data: AmountWordsInput) -> AmountWordsOutput:
    amount = to_fen(data.amount)
    return AmountWordsOutput(
        amount=amount,
        figures=format_yuan(amount),
        words=rmb_upper(amount),
        legal=legal_amount(amount),
    )


class CourtFeeInput(CaseModel):
    amount: Money = Field(title="诉讼请求金额（元）")
    procedure: Literal["ordinary", "summary", "mediation", "withdrawal"] = Field(
        default="ordinary",
        title="程序",
        json_schema_extra={
            "enum_titles": ["普通程序", "简易程序（减半）", "调解结案（减半）", "撤诉（减半）"]
        },
    )
    rounding: Literal["fen", "yuan"] = Field(default="fen", title="尾数处理")
    preservation: bool = Field(default=False, title="同时计算财产保全费")


class FeeStepOutput(BaseModel):
    lower: Decimal
    upper: Decimal
    rate: Decimal | None
    amount: Decimal
    text: str


class CourtFeeOutput(BaseModel):
    amount: Decimal
    fee: Decimal
    full_fee: Decimal
    halved: bool
    rounding: str
    basis: str
    steps: list[FeeStepOutput]
    preservation_fee: Decimal | None = None
    preservation_basis: str | None = None
    preservation_steps: list[FeeStepOutput] | None = None


def court_fee(data: CourtFeeInput) -> CourtFeeOutput:
    result = acceptance_fee(data.amount, procedure=data.procedure, rounding=data.rounding)
    out = CourtFeeOutput(
        amount=result.amount,
        fee=result.fee,
        full_fee=result.full_fee,
        halved=result.halved,
        rounding=result.rounding,
        basis=result.basis,
        steps=[FeeStepOutput.model_validate(step, from_attributes=True) for step in result.steps],
    )
    if data.preservation:
        kept = preservation_fee(data.amount, rounding=data.rounding)
        out.preservation_fee = kept.fee
        out.preservation_basis = kept.basis
        out.preservation_steps = [
            FeeStepOutput.model_validate(step, from_attributes=True) for step in kept.steps
        ]
    return out


class EventInput(CaseModel):
    kind: InterruptionKind = Field(
        title="中断事由", json_schema_extra={"enum_titles": list(INTERRUPTION_LABELS.values())}
    )
    day: date = Field(title="发生日期")


class LimitationInput(CaseModel):
    due: date = Field(title="应付款日期", description="分期债务为最后一期的到期日（民法典第189条）")
    events: list[EventInput] = Field(default_factory=list, max_length=50, title="中断事由")
    on: date | None = Field(default=None, title="判断日", description="默认今天")
    warn_within_days: int = Field(default=90, ge=0, le=3650, title="提前提醒天数")


class LimitationOutput(BaseModel):
    expires: date
    status: Literal["running", "expiring", "expired"]
    days_left: int
    started_from: date
    waived: bool
    calendar_fallback: bool
    effective_events: list[EventInput]
    ignored_events: list[dict[str, Any]]
    steps: list[str]


def limitation(data: LimitationInput) -> LimitationOutput:
    events = [InterruptionEvent(e.kind, e.day) for e in data.events]
    result = limitation_status(
        data.due, events, on=data.on or date.today(), warn_within_days=data.warn_within_days
    )
    return LimitationOutput(
        expires=result.expires,
        status=result.status,
        days_left=result.days_left,
        started_from=result.started_from,
        waived=result.waived,
        calendar_fallback=result.calendar_fallback,
        effective_events=[EventInput(kind=e.kind, day=e.day) for e in result.effective_events],
        ignored_events=[
            {"kind": e.kind, "day": e.day.isoformat(), "reason": reason}
            for e, reason in result.ignored_events
        ],
        steps=result.steps,
    )


@dataclass(frozen=True)
class Calculation:
    name: str
    title: str
    input_model: type[BaseModel]
    output_model: type[BaseModel]
    compute: Callable[[Any], BaseModel]


CALCULATIONS: dict[str, Calculation] = {
    c.name: c
    for c in (
        Calculation("deadline", "期限截止日", DeadlineInput, DeadlineOutput, deadline),
        Calculation(
            "amount-words", "人民币大写", AmountWordsInput, AmountWordsOutput, amount_words
        ),
        Calculation("court-fee", "诉讼费用", CourtFeeInput, CourtFeeOutput, court_fee),
        Calculation("limitation", "诉讼时效", LimitationInput, LimitationOutput, limitation),
    )
}


def run(name: str, data: Any) -> BaseModel:
    """Validate ``data`` for calculation ``name`` and compute; CaseInvalid on bad input."""
    calc = CALCULATIONS[name]
    try:
        parsed = calc.input_model.model_validate(data)
    except ValidationError as exc:
        raise CaseInvalid(from_validation_error(exc, calc.input_model)) from None
    try:
        return calc.compute(parsed)
    except CalendarCoverageError as exc:
        raise CaseInvalid([Problem((), "calendar_not_covered", str(exc))]) from None
