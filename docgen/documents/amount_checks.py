"""Resolving and checking the amounts claimed: computed interest, totals and the legal caps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

from docgen.documents.combined_cap import CapInputs, check_overdue_charges
from docgen.documents.interest_periods import (
    check_overdue_rate_basis,
    check_term_counted_once,
    chronological,
    rate_wording,
)
from docgen.documents.part_models import AmountComponent, ContractBasis, DebtAmounts, InterestCalc
from docgen.documents.problems import NOT_REPORTED, Assessment, Loc
from docgen.domain.caps import check_cap
from docgen.domain.dates import format_cn
from docgen.domain.interest import InterestResult, RateSpec, interest_on_principal
from docgen.domain.lpr import LprNotAvailable, LprTable, format_percent
from docgen.domain.money import format_yuan, to_fen
from docgen.domain.rate_words import (
    describe_lpr_periods,
    describe_penalty_rate,
    describe_running_claim,
)


@dataclass(frozen=True)
class Latest:
    """The document's date, after which no amount may be stated, and its name in messages;
    ``overdue_from``: the first overdue day where it is not the day after the contract's due
    date (a complaint on a debt accelerated earlier)."""

    day: date
    label: str = "发函日期"
    overdue_from: date | None = None


@dataclass
class ResolvedAmounts:
    """Every component's amount (typed or computed), the total and the calculation sheets.

    Kept for the words, not reported: the LPR table the amounts were computed with, which
    gives a rate fixed on a day its figures (``rate_words``), and per computed component
    (by index) which LPR a floating rate took over which days (``lpr_periods``), for a
    document that prints no calculation sheet.
    """

    amounts: list[Decimal]
    total: Decimal
    sheets: list[dict[str, Any]]
    lpr_table: LprTable | None = field(default=None, metadata=NOT_REPORTED)
    periods: dict[int, str] = field(default_factory=dict, metadata=NOT_REPORTED)
    # per typed overdue charge (by index), what its note's rate gives (note_rates)
    noted: dict[int, Any] = field(default_factory=dict, metadata=NOT_REPORTED)

    def rate_words(self, rate: RateSpec, penalty: bool = False) -> str:
        """The agreed rate as every document words it (docgen.domain.rate_words); a
        ``penalty``'s daily rate as 「每日0.05%」 (describe_penalty_rate)."""
        if penalty:
            return describe_penalty_rate(rate, self.lpr_table)
        return rate.describe(self.lpr_table)

    def running_claim(
        self, base: Decimal, rate: RateSpec, start: date, penalty: bool = False
    ) -> str:
        """A claim to the day of payment: 「以…为基数，自…起按…计算至实际清偿之日止」."""
        return describe_running_claim(base, rate, start, self.lpr_table, penalty)

    def lpr_periods(self, index: int) -> str:
        """「其间适用的LPR：…」 for component ``index`` at a floating LPR rate, else ""."""
        return self.periods.get(index, "")


def check_amounts(
    assessment: Assessment,
    amounts: DebtAmounts,
    loc: Loc,
    limit: Latest,
    contract: ContractBasis,
    table: LprTable,
) -> ResolvedAmounts:
    """Resolve and check the amounts claimed (typed, or computed from their calculation).

    Computed components must agree with typed ones; the total is the exact sum; no amount
    is stated as of a date after ``limit.day`` (the document's date, named ``limit.label``
    in messages); private-lending interest stays within the cap, and the overdue charges
    within it over the overdue period, which starts on ``limit.overdue_from`` (default: the
    day after the contract's due date).
    """
    latest, latest_label = limit.day, limit.label
    resolved: list[Decimal] = []
    sheets: dict[int, dict[str, Any]] = {}
    periods: dict[int, str] = {}
    principal = _principal(amounts)
    for i, component in enumerate(amounts.components):
        where = (*loc, "components", i)
        value = component.amount
        if component.calculation is not None:
            if contract.kind == "private_lending":
                _check_base(assessment, component.calculation, principal, where)
            result = _compute(assessment, component, amounts.as_of, principal, table, where)
            if result is not None:
                value = _agree(assessment, component, result.interest, where)
                rate = rate_wording(component, amounts, contract, table)
                sheets[i] = _sheet(component.display_label, rate, result)
                periods[i] = describe_lpr_periods(result)
                if contract.kind == "private_lending" and component.kind == "interest":
                    _check_rate_cap(assessment, result, contract, table, where)
        if value is None:
            assessment.error((*where, "amount"), "missing", "必填项：请填写金额，或填写计算方式")
            value = Decimal(0)
        resolved.append(to_fen(value))
        if component.as_of is not None and component.as_of > latest:
            assessment.error(
                (*where, "as_of"),
                "as_of_after_letter",
                f"计算截至日（{format_cn(component.as_of)}）不得晚于{latest_label}（{format_cn(latest)}）",
            )
    _check_periods_meet(assessment, amounts, principal, loc)
    check_term_counted_once(assessment, amounts, contract, loc)
    check_overdue_rate_basis(assessment, amounts, contract, loc)
    total = sum(resolved, Decimal(0))
    if amounts.total is not None and to_fen(amounts.total) != total:
        assessment.error(
            (*loc, "total"),
            "total_mismatch",
            f"合计金额应等于各项之和：各项合计为人民币{format_yuan(total)}元，"
            f"填写的合计为人民币{format_yuan(amounts.total)}元",
        )
    if amounts.as_of > latest:
        assessment.error(
            (*loc, "as_of"),
            "as_of_after_letter",
            f"截至日期（{format_cn(amounts.as_of)}）不得晚于{latest_label}（{format_cn(latest)}）",
        )
    if not any(c.kind == "principal" for c in amounts.components):
        assessment.error((*loc, "components"), "principal_missing", "欠款明细中应至少包含一项本金")
    if contract.kind == "private_lending":
        check_contract_lpr(assessment, contract, table)
    rate_capped = any(p.code == "above_legal_cap" for p in assessment.errors)
    if contract.kind == "private_lending" and principal > 0 and not rate_capped:
        first_overdue = limit.overdue_from or contract.due_date + timedelta(days=1)
        inputs = CapInputs(contract, table, principal, first_overdue)
        check_overdue_charges(assessment, amounts, resolved, inputs, loc)
    ordered = [sheets[i] for i in chronological(amounts) if i in sheets]
    return ResolvedAmounts(resolved, total, ordered, table, periods)


def _check_periods_meet(
    assessment: Assessment, amounts: DebtAmounts, principal: Decimal, loc: Loc
) -> None:
    """Warn when interest on one base stops and resumes with days in between.

    Convention: a period's ``end`` is its last day counted, and the loan term's last day
    (the due date) belongs to the term, which starts the day after delivery (民法典
    art. 201), so agreed interest runs to the due date and overdue interest from the next
    day; the day after one period ends is the next one's first.
    """
    periods = sorted(
        (c.calculation.start, c.calculation.end or c.as_of or amounts.as_of, i)
        for i, c in enumerate(amounts.components)
        if c.calculation is not None
    )
    bases = {
        i: c.calculation.base or principal
        for i, c in enumerate(amounts.components)
        if c.calculation
    }
    for (_, last, i), (start, _, j) in pairwise(periods):
        gap = (start - last).days - 1
        if gap > 0 and bases[i] == bases[j]:
            assessment.warn(
                (*loc, "components", j, "calculation", "start"),
                "interest_gap",
                f"{amounts.components[i].display_label}计至{format_cn(last)}，"
                f"{amounts.components[j].display_label}自{format_cn(start)}起算，"
                f"其间{gap}日未计息：借期最后一日计入借期，下一期间应自次日起算",
            )


def _check_base(assessment: Assessment, calc: InterestCalc, principal: Decimal, where: Loc) -> None:
    """Private-lending interest runs on principal only, never on interest or penalties.

    法释〔2020〕17号 art. 27 lets interest become principal only through a new
    instrument after settling accounts, and caps what that can add; a base above the
    principal claimed is interest charged on interest or penalties.
    """
    if calc.base is not None and principal > 0 and calc.base > principal:
        assessment.error(
            (*where, "calculation", "base"),
            "interest_on_interest",
            f"计息基数（人民币{format_yuan(calc.base)}元）超过本金（人民币{format_yuan(principal)}"
            "元）：利息、违约金不得再计利息；前期利息计入后期本金须重新出具债权凭证，且本息之和"
            "不得超过以最初本金按合同成立时一年期LPR四倍计算的限额（法释〔2020〕17号第二十七条）",
        )


LPR_UPDATE_HINT = "公布新的LPR后，请用 docgen reference update --lpr 文件.csv 更新LPR参考表"


def check_contract_lpr(assessment: Assessment, contract: ContractBasis, table: LprTable) -> None:
    """Warn when the cap depends on an LPR the table cannot vouch for.

    The cap is four times the one-year LPR in force when the contract was formed
    (法释〔2020〕17号 art. 25); for a contract formed after the table's last verified day
    that LPR may have changed, so every cap figure needs checking.
    """
    if table.is_verified(contract.signed_on):
        return
    assessment.warn(
        ("contract", "signed_on"),
        "lpr_unverified",
        f"合同成立日（{format_cn(contract.signed_on)}）晚于LPR参考表的核实日期"
        f"（{format_cn(table.latest_known_date)}）：利率上限按最近一期LPR"
        f"（{table.last_entry.rate_text}%）计算，须按实际公布的LPR核实",
        hint=LPR_UPDATE_HINT,
    )


def _compute(
    assessment: Assessment,
    component: AmountComponent,
    as_of: date,
    principal: Decimal,
    table: LprTable,
    where: Loc,
) -> InterestResult | None:
    calc = component.calculation
    if calc is None:
        return None
    last_day = calc.end or component.as_of or as_of
    base = calc.base or principal
    if base <= 0:
        assessment.error(
            (*where, "calculation", "base"), "missing", "请填写计息基数（没有本金可作基数）"
        )
        return None
    if last_day < calc.start:
        assessment.error(
            (*where, "calculation", "end"),
            "end_before_start",
            f"计息截止日（{format_cn(last_day)}）早于计息首日（{format_cn(calc.start)}）",
        )
        return None
    try:
        result = interest_on_principal(
            base, calc.rate.spec(), calc.start, last_day + timedelta(days=1), table, calc.day_count
        )
    except (ValueError, LprNotAvailable) as exc:
        assessment.error((*where, "calculation", "rate"), "rate_not_computable", str(exc))
        return None
    if result.beyond_table:
        # an operator note: a warning in the API, form and batch report, never printed
        assessment.warn(
            (*where, "calculation", "rate"),
            "lpr_unverified",
            f"LPR参考表仅核实至{format_cn(result.table_date)}，此后的计息期间沿用最近一期LPR"
            "计算，须按实际公布的LPR核实",
            hint=LPR_UPDATE_HINT,
        )
    return result


def _agree(
    assessment: Assessment, component: AmountComponent, computed: Decimal, where: Loc
) -> Decimal:
    if component.amount is not None and to_fen(component.amount) != computed:
        assessment.error(
            (*where, "amount"),
            "amount_mismatch",
            f"填写的金额人民币{format_yuan(component.amount)}元与按计算方式计得的"
            f"人民币{format_yuan(computed)}元不符",
            hint="可不填金额，由系统按计算方式计算",
        )
    return computed


def _check_rate_cap(
    assessment: Assessment,
    result: InterestResult,
    contract: ContractBasis,
    table: LprTable,
    where: Loc,
) -> None:
    """An interest rate above the cap (法释〔2020〕17号 arts. 25, 28): in-term and overdue
    interest each on its own. A 违约金 or fee computed at a rate is not interest: art. 29
    pools it with the overdue interest and other fees (check_overdue_charges), so its rate
    alone is not held to art. 25 here, and the refusal names the pooled figures."""
    check = check_cap(result, contract.signed_on, table)
    if not check.ok:
        assessment.error((*where, "calculation", "rate"), "above_legal_cap", check.message)


def _principal(amounts: DebtAmounts) -> Decimal:
    """The principal claimed: the typed amounts of the principal components."""
    return sum(
        (c.amount or Decimal(0) for c in amounts.components if c.kind == "principal"), Decimal(0)
    )


def _sheet(label: str, rate: str, result: InterestResult) -> dict[str, Any]:
    """A calculation sheet (计算明细) for one computed component; ``rate`` as worded."""
    rows = [
        {
            "period": f"{format_cn(step.start)}至{format_cn(step.end - timedelta(days=1))}",
            "days": str(step.days),
            "base": format_yuan(step.base),
            "rate": format_percent(step.annual_percent) + "%",
            "amount": format_yuan(step.amount),
        }
        for step in result.steps
    ]
    notes = [step.basis for step in result.steps]
    return {
        "title": label,
        "rate": rate,
        "day_count": str(result.day_count),
        "rows": rows,
        "total": format_yuan(result.interest),
        "notes": notes,
    }
