"""债务确认书's interest after the cut-off date: the model, its rules and its clause.

By default the interest runs at the one-year LPR, the floor for overdue money; for a
private loan the lender may claim the agreed overdue rate, else the agreed in-term rate,
and the LPR only where neither was agreed (法释〔2020〕17号 art. 28). A case that leaves
the choice unstated gets the LPR with a warning naming the alternative, never silently.

The LPR is fixed: the one in force on the day the later interest starts (the last one
published on or before it), not the LPR of each later period. Art. 28(2)(一) speaks of
「自逾期还款之日起参照当时一年期贷款市场报价利率」, the LPR at the start, and a fixed
rate lets either party compute the sum from the confirmation alone. Its figure is printed
only when docgen's LPR table vouches for that day; otherwise the clause names the
publication it means without a figure.

A repayment plan may add what a late installment costs (``late_interest``), in the words
and under the rules of :mod:`docgen.documents.late_interest`: an installment bears the
later interest up to its due date (含当日) and the late rate alone from the next day, the
rest of the principal likewise up to and after the day the creditor demands it at once, so
no amount bears two rates on the same days. Without a late rate the plan is warned about,
as the installment agreement is.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from docgen.documents.agreement_terms import (
    StatedRate,
    allocation_clause,
    check_rate_cap,
    day_after,
    installment_interest,
)
from docgen.documents.base import RuleOptions
from docgen.documents.debt_confirmation_later import (
    LATER_RATE,
    LaterRate,
    defaulted_message,
    later_rate,
    stated,
)
from docgen.documents.late_interest import (
    BREACH_DAY,
    PLAN_RATE,
    LateWording,
    check_late_interest,
    first_breach,
    late_interest_text,
    warn_missing,
)
from docgen.documents.late_interest import (
    LOC as LATE_LOC,
)
from docgen.documents.parts import RateInput, ResolvedAmounts
from docgen.documents.problems import Assessment
from docgen.domain.clauses import AMOUNTS_CLAUSE, CONFIRMATION_ITEMS
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import shown_when
from docgen.domain.fields import CaseModel
from docgen.domain.lpr import LprEntry, LprNotAvailable, LprTable
from docgen.domain.money import format_yuan
from docgen.domain.rate_words import describe_penalty_rate

if TYPE_CHECKING:
    from docgen.documents.debt_confirmation import DebtConfirmation

LATER_LPR = "later_lpr"  # key in Assessment.computed: the LPR entry printed, or None
LATE_WORDING = LateWording(
    document="本确认书",
    interest="截至日之后的利息",
    rate="截至日之后的利率",
    remedy="甲方可要求乙方立即清偿全部剩余债务",
    call="甲方依本确认书要求乙方立即清偿全部剩余债务",
    called="提出要求之日",
)
"""The confirmation's names in the late-interest clause: its default clause lets the creditor
demand the rest at once (「甲方有权要求乙方立即清偿全部剩余债务」)."""


class LaterInterest(CaseModel):
    """Interest after the cut-off date of the confirmed amounts, on the unpaid principal."""

    basis: Literal["lpr", "agreed", "none"] = Field(
        default="lpr",
        title="截至日之后的利息",
        json_schema_extra={
            "enum_titles": ["按一年期贷款市场报价利率（LPR）计算", "按约定利率计算", "不再计息"]
        },
    )
    rate: RateInput | None = Field(
        default=None,
        title="约定利率",
        description="选择按约定利率计算时必填；民间借贷不得超过合同成立时一年期LPR的四倍",
        json_schema_extra=shown_when("basis", "agreed"),
    )


# --- rules --------------------------------------------------------------------------

_CHOOSE_AGREED = (
    "合同约定了利率的，请在「截至日之后的利息」中选择「按约定利率计算」并填写该利率；"
    "确按LPR计算的，请明确选择「按一年期贷款市场报价利率（LPR）计算」"
)


def check_later_interest(result: Assessment, case: DebtConfirmation, options: RuleOptions) -> None:
    """The rate given only with an agreed basis and within the cap; a basis left unstated
    takes the contract's rate where the case shows one (:mod:`.debt_confirmation_later`)
    and is warned about; the LPR the clause prints is looked up."""
    later = case.later_interest
    chosen = later_rate(case, options)
    result.computed[LATER_RATE] = chosen
    if not stated(case):
        start = day_after(case.amounts.as_of)
        result.warn(
            ("later_interest", "basis"),
            "later_interest_defaulted",
            defaulted_message(start, chosen),
            _CHOOSE_AGREED,
        )
    lpr = _verified_lpr(case.amounts.as_of, options.lpr_table) if chosen.basis == "lpr" else None
    result.computed[LATER_LPR] = lpr
    if lpr is not None:
        result.computed[PLAN_RATE] = lpr.rate_percent
    if not stated(case) and chosen.rate is not None:
        with suppress(ValueError, LprNotAvailable):
            day = case.amounts.as_of
            result.computed[PLAN_RATE] = chosen.rate.spec().annual_percent_on(
                day, options.lpr_table
            )[0]
    if later.basis != "agreed":
        if later.rate is not None:
            result.error(
                ("later_interest", "rate"), "rate_unused", "只有选择按约定利率计算时才填写约定利率"
            )
    elif later.rate is None:
        result.error(("later_interest", "rate"), "missing", "选择按约定利率计算时，请填写约定利率")
    else:
        stated_rate = StatedRate(
            later.rate, ("later_interest", "rate", "value"), "截至日之后的利息"
        )
        annual = check_rate_cap(result, stated_rate, case.origin, case.confirm_date, options)
        if annual is not None:
            result.computed[PLAN_RATE] = annual


def chosen_later(result: Assessment, case: DebtConfirmation) -> LaterRate:
    """The rate after the cut-off date that ``check_later_interest`` settled on."""
    chosen: LaterRate | None = result.computed.get(LATER_RATE)
    return chosen or LaterRate(case.later_interest.basis, case.later_interest.rate)


def check_plan_late_interest(
    result: Assessment, case: DebtConfirmation, options: RuleOptions
) -> None:
    """The plan's late rate, checked as the installment agreement's (the cap per debt kind,
    the warnings); a plan without one is warned about; a late rate without a plan refused."""
    if not case.repayment_plan:
        if case.late_interest is not None:
            result.error(
                LATE_LOC,
                "late_interest_without_plan",
                "逾期利率只适用于分期还款：请填写还款计划，或删除逾期利率",
            )
        return
    if case.late_interest is None:
        later_runs = case.later_interest.basis != "none"
        warn_missing(result, case.origin, later_runs, LATE_WORDING)
        return
    late, origin, signed = case.late_interest, case.origin, case.confirm_date
    first_due = min(row.due_date for row in case.repayment_plan)
    result.computed[BREACH_DAY] = first_breach(first_due, signed)
    check_late_interest(result, late, origin, signed, options, LATE_WORDING)


def _verified_lpr(as_of: date, table: LprTable) -> LprEntry | None:
    """The LPR in force on the day after ``as_of``, if the table certainly knows it."""
    start = as_of + timedelta(days=1)
    if not table.is_verified(start):
        return None
    try:
        return table.entry_on(start)
    except LprNotAvailable:
        return None


# --- the clause ---------------------------------------------------------------------


def later_interest_text(
    case: DebtConfirmation,
    resolved: ResolvedAmounts,
    principal: Decimal,
    lpr: LprEntry | None,
    chosen: LaterRate,
    columns: bool = False,
) -> str:
    """截至日之后的利息: its base, start, rate and end, or that none runs; with a promise
    to pay, also that the promised sums do not include it, when it is paid, and what a
    payment settles first. A debtor who paid every promised sum could otherwise read the
    promise as the whole debt (a doubtful term is read against its drafter, 民法典
    art. 498). ``columns``: the plan's table prints each installment's interest."""
    cut_off = format_cn(case.amounts.as_of)
    if chosen.basis == "none":
        # a late installment's interest is agreed in the clause after this one
        besides = "除本确认书约定的逾期利息外，" if _late_clause(case) else ""
        return f"{besides}甲方对上述债务自{cut_off}之后不再计收利息。"
    base = case.amounts.principal_label
    noun = chosen.penalty_name if chosen.penalty else "利息"
    terms = _interest_timing(case, columns, noun)
    if terms and resolved.total != principal:
        cited = CONFIRMATION_ITEMS.cite(AMOUNTS_CLAUSE)
        each = bool(case.repayment_plan)
        terms += allocation_clause(base, cited, each=each, later=f"本项约定的{noun}")
    if chosen.penalty and chosen.rate is not None:
        return _penalty_runs_on(case, principal, chosen, resolved) + terms
    return _interest_base(case, resolved, principal, lpr, chosen) + terms


def _late_clause(case: DebtConfirmation) -> bool:
    return case.late_interest is not None and bool(case.repayment_plan)


def plan_late_text(case: DebtConfirmation, resolved: ResolvedAmounts) -> str | None:
    """The plan's late-interest clause, or None without a plan or a late rate; with later
    interest, that an overdue sum bears the late rate instead of it, not besides."""
    if case.late_interest is None or not _late_clause(case):
        return None
    later_runs = case.later_interest.basis != "none"
    name = case.amounts.principal_label
    rate = resolved.rate_words(case.late_interest.spec())
    return late_interest_text(rate, name, later_runs, LATE_WORDING)


def _interest_timing(case: DebtConfirmation, columns: bool, noun: str = "利息") -> str:
    """When the later interest (``noun``: 利息, or the penalty that runs on) is paid,
    beside the promised sums; with the plan's columns, where each installment's is
    printed."""
    if case.repayment_plan:
        first = day_after(case.amounts.as_of)
        if columns:
            return (
                f"该{noun}按期支付：{installment_interest(first)}，各期利息金额见上述还款计划表的「利息」栏"
                "（上表利息按各期按期足额还款计算）。"
            )
        return f"该{noun}不包括在上述还款计划的金额内：{installment_interest(first)}。"
    if case.pay_by is not None or case.pay_on_notice_days is not None:
        return f"该{noun}不包括在上述清偿金额内，计至实际清偿之日，随该款项一并支付。"
    return ""


def lpr_rate_text(start: str, lpr: LprEntry | None) -> str:
    """The LPR as of ``start``, one figure for the whole period: named by its publication,
    with the figure only when docgen's table vouches for it."""
    figure = f"，即年利率{lpr.rate_text}%" if lpr is not None else ""
    return (
        f"全国银行间同业拆借中心截至{start}最近一次公布的一年期贷款市场报价利率"
        f"（LPR{figure}；计息期间不随此后LPR的调整而变动）"
    )


def _penalty_runs_on(
    case: DebtConfirmation, principal: Decimal, chosen: LaterRate, resolved: ResolvedAmounts
) -> str:
    """「截至日（…）之后，乙方仍应依原合同第九条的约定，以尚未清偿的货款（…）为基数，自…起
    按每日0.05%向甲方计付逾期付款违约金至实际清偿之日止。」: the contract's penalty runs on,
    worded as a penalty, not as interest (民法典 art. 585)."""
    base = case.amounts.principal_label
    spec = chosen.rate.spec() if chosen.rate else None
    rate = describe_penalty_rate(spec, resolved.lpr_table) if spec else ""
    clause = chosen.penalty or ""
    where = f"原合同{clause}" if not clause.startswith("《") else clause
    return (
        f"截至日（{format_cn(case.amounts.as_of)}）之后，乙方仍应依{where}的约定，以尚未清偿的"
        f"{base}（本确认书确认的{base}为人民币{format_yuan(principal)}元）为基数，自"
        f"{day_after(case.amounts.as_of)}起按{rate}向甲方计付{chosen.penalty_name}至实际清偿"
        "之日止。"
    )


def _interest_base(
    case: DebtConfirmation,
    resolved: ResolvedAmounts,
    principal: Decimal,
    lpr: LprEntry | None,
    chosen: LaterRate,
) -> str:
    cut_off = format_cn(case.amounts.as_of)
    start = day_after(case.amounts.as_of)
    if chosen.basis == "agreed" and chosen.rate is not None:
        rate = resolved.rate_words(chosen.rate.spec())
    else:
        rate = lpr_rate_text(start, lpr)
    # the unpaid principal only: interest and penalties bear no interest; named as the
    # table names it (货款 for a sale, 本金 for a loan)
    base = case.amounts.principal_label
    # said only where something besides the principal was confirmed
    others = any(c.kind != "principal" for c in case.amounts.components)
    excluded = "；上述已确认的利息、违约金等不计入计息基数" if others else ""
    return (
        f"截至日（{cut_off}）之后的利息，以尚未清偿的{base}（本确认书确认的{base}为人民币"
        f"{format_yuan(principal)}元）为基数，自{start}起按{rate}"
        f"计算至实际清偿之日止{excluded}。"
    )
