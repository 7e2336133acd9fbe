"""Legal calculations exposed as a service: one input model, one output model each.

The API (``/api/v1/calculations/<name>``) and the CLI (``docgen calc <name>``) both call
:func:`run`, so a figure is computed one way everywhere, with its steps, and the input
models give the OpenAPI document its schemas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from docgen.documents.parts import InterruptionInput, RateInput
from docgen.documents.problems import CaseInvalid, Problem, from_validation_error
from docgen.domain.caps import check_cap
from docgen.domain.court_fees import FeeResult, acceptance_fee, preservation_fee
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Money
from docgen.domain.interest import (
    DEFAULT_ALLOCATION,
    Accrual,
    LedgerEvent,
    compute_interest,
)
from docgen.domain.limitation import (
    InterruptionEvent,
    limitation_status,
)
from docgen.domain.lpr import LprNotAvailable, LprTable
from docgen.domain.money import format_yuan, legal_amount, rmb_upper, to_fen
from docgen.domain.rate_words import describe_running_claim
from docgen.domain.workdays import (
    CalendarCoverageError,
    calendar_day_deadline,
    working_day_deadline,
)
from docgen.reference_data import default_lpr_table


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


def _fee_steps(result: FeeResult) -> list[FeeStepOutput]:
    return [FeeStepOutput.model_validate(step, from_attributes=True) for step in result.steps]


def court_fee(data: CourtFeeInput) -> CourtFeeOutput:
    result = acceptance_fee(data.amount, procedure=data.procedure, rounding=data.rounding)
    out = CourtFeeOutput(
        amount=result.amount,
        fee=result.fee,
        full_fee=result.full_fee,
        halved=result.halved,
        rounding=result.rounding,
        basis=result.basis,
        steps=_fee_steps(result),
    )
    if data.preservation:
        kept = preservation_fee(data.amount, rounding=data.rounding)
        out.preservation_fee = kept.fee
        out.preservation_basis = kept.basis
        out.preservation_steps = _fee_steps(kept)
    return out


class LimitationInput(CaseModel):
    due: date = Field(title="应付款日期", description="分期债务为最后一期的到期日（民法典第189条）")
    events: list[InterruptionInput] = Field(default_factory=list, max_length=50, title="中断事由")
    on: date | None = Field(default=None, title="判断日", description="默认今天")
    warn_within_days: int = Field(default=90, ge=0, le=3650, title="提前提醒天数")


class LimitationOutput(BaseModel):
    expires: date
    status: Literal["running", "expiring", "expired"]
    days_left: int
    started_from: date
    waived: bool
    calendar_fallback: bool
    effective_events: list[InterruptionInput]
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
        effective_events=[
            InterruptionInput(kind=e.kind, day=e.day) for e in result.effective_events
        ],
        ignored_events=[
            {"kind": e.kind, "day": e.day.isoformat(), "reason": reason}
            for e, reason in result.ignored_events
        ],
        steps=result.steps,
    )


class LedgerInterruptionInput(CaseModel):
    day: date = Field(title="日期")
    kind: Literal["disbursement", "repayment", "cost"] = Field(
        title="类型", json_schema_extra={"enum_titles": ["出借（放款）", "还款", "费用"]}
    )
    amount: Money = Field(title="金额（元）")


class CapInput(CaseModel):
    contract_date: date = Field(
        title="合同成立日", description="决定适用的利率上限（法释〔2020〕17号）"
    )
    filing_date: date | None = Field(
        default=None, title="起诉日", description="2020年8月20日前的合同需要"
    )


class InterestInput(CaseModel):
    principal: Money | None = Field(
        default=None, title="本金（元）", description="于起算日一次出借"
    )
    events: list[LedgerInterruptionInput] = Field(
        default_factory=list, max_length=1000, title="出借、还款与费用流水"
    )
    rate: RateInput = Field(title="利率")
    start: date = Field(
        title="起算日",
        description="如出借日：当日不计息，自次日起计算（民法典第二百零一条）",
    )
    end: date = Field(title="计至（含当日）")
    day_count: Literal[365, 360] = Field(default=365, title="年计息天数")
    allocation: tuple[Literal["costs", "interest", "principal"], ...] = Field(
        default=DEFAULT_ALLOCATION,
        min_length=3,
        max_length=3,
        title="还款抵充顺序",
        description="默认：费用、利息、本金",
    )
    private_lending_cap: CapInput | None = Field(default=None, title="按民间借贷利率上限检查")

    @model_validator(mode="after")
    def _principal_or_events(self) -> InterestInput:
        lent = any(e.kind == "disbursement" for e in self.events)
        if self.principal is None and not lent:
            raise PydanticCustomError("principal_or_events", "请填写本金，或在流水中填写出借记录")
        if self.end < self.start:
            raise PydanticCustomError("end_before_start", "计息截止日不得早于起算日")
        if len(set(self.allocation)) != 3:
            raise PydanticCustomError("allocation", "还款抵充顺序应包含费用、利息、本金各一次")
        return self


class InterestStepOutput(BaseModel):
    start: dt.date
    last_day: dt.date
    days: int
    base: Decimal
    annual_percent: Decimal
    amount: Decimal
    basis: str


class CapOutput(BaseModel):
    ok: bool
    lawful_max: Decimal
    claimed: Decimal
    excess: Decimal
    message: str


class InterestOutput(BaseModel):
    interest: Decimal
    interest_outstanding: Decimal
    principal_outstanding: Decimal
    costs_outstanding: Decimal
    overpaid: Decimal
    rate: str
    steps: list[InterestStepOutput]
    lpr_entries_used: list[dict[str, str]]
    table_date: dt.date
    beyond_table: bool
    running_claim: str
    cap: CapOutput | None = None


def interest(data: InterestInput, table: LprTable | None = None) -> InterestOutput:
    table = table or default_lpr_table()
    events = [LedgerEvent(e.day, e.kind, e.amount) for e in data.events]
    if data.principal is not None:
        events.insert(0, LedgerEvent(data.start, "disbursement", data.principal))
    spec = data.rate.spec()
    # the start day is not counted (民法典 art. 201): lent on 2025-01-10 and counted to
    # 2026-01-10, a loan earns 365 days, as every document prices it
    first = data.start + timedelta(days=1)
    end = data.end + timedelta(days=1)
    accrual = Accrual(data.day_count, data.allocation)
    result = compute_interest(events, spec, first, end, table, accrual)
    cap = None
    if data.private_lending_cap is not None:
        check = check_cap(
            result,
            data.private_lending_cap.contract_date,
            table,
            data.private_lending_cap.filing_date,
        )
        cap = CapOutput(
            ok=check.ok,
            lawful_max=check.lawful_max,
            claimed=check.claimed,
            excess=check.excess,
            message=check.message,
        )
    return InterestOutput(
        interest=result.interest,
        interest_outstanding=result.interest_outstanding,
        principal_outstanding=result.principal_outstanding,
        costs_outstanding=result.costs_outstanding,
        overpaid=result.overpaid,
        rate=spec.describe(table),
        steps=[
            InterestStepOutput(
                start=step.start,
                last_day=step.end - timedelta(days=1),
                days=step.days,
                base=step.base,
                annual_percent=step.annual_percent,
                amount=step.amount,
                basis=step.basis,
            )
            for step in result.steps
        ],
        lpr_entries_used=[
            {"effective_from": e.effective_from.isoformat(), "rate_percent": str(e.rate_percent)}
            for e in result.lpr_entries_used
        ],
        table_date=result.table_date,
        beyond_table=result.beyond_table,
        running_claim=describe_running_claim(result.principal_outstanding, spec, end, table),
        cap=cap,
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
        Calculation("interest", "利息", InterestInput, InterestOutput, interest),
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
    except LprNotAvailable as exc:
        raise CaseInvalid([Problem(("rate",), "lpr_not_available", str(exc))]) from None
