"""Which days an interest period counts, and on what basis an overdue rate is claimed.

One rule serves every document that prices a loan (demand and lawyer letters, debt
confirmation, installment agreement, civil complaint): a calculation's ``start`` is the
first day that earns interest and its ``end`` the last. 民法典 art. 201: a period counted
in years, months or days does not count the day it begins, so a loan earns interest from
the day after the money was lent; art. 202: a term of years or months ends on the
corresponding day, so a one-year loan lent on 2025-01-10 runs from 2025-01-11 to its due
date 2026-01-10 — 365 days, one year's interest — and overdue interest from 2026-01-11.
"""

from __future__ import annotations

from datetime import date, timedelta

from docgen.documents.part_models import AmountComponent, ContractBasis, DebtAmounts
from docgen.documents.problems import Assessment, Loc
from docgen.domain.cap_rates import overdue_rate
from docgen.domain.dates import format_cn
from docgen.domain.interest import RateSpec
from docgen.domain.lpr import LprTable
from docgen.domain.rate_words import describe_penalty_rate
from docgen.domain.schedule import add_months

DAY_COUNT_HINT = (
    "出借当日不计息：借期内利息自出借次日起算，计至到期日（含当日）；逾期利息自到期日次日起算"
)


def last_day(component: AmountComponent, amounts: DebtAmounts) -> date:
    """The last day a computed component counts: its ``end``, else its or the amounts' as-of."""
    calc = component.calculation
    end = calc.end if calc is not None else None
    return end or component.as_of or amounts.as_of


def whole_months(start: date, last: date) -> int:
    """The months from ``start`` to ``last`` when ``last`` is their corresponding day, else 0.

    2025-01-10 → 2026-01-10 is 12; 2025-01-31 → 2025-02-28 is 1 (no 31st: the month's
    last day, 民法典 art. 202); 2025-01-10 → 2026-01-11 is 0.
    """
    months = (last.year - start.year) * 12 + last.month - start.month
    return months if months >= 1 and add_months(start, months) == last else 0


def check_term_counted_once(
    assessment: Assessment, amounts: DebtAmounts, contract: ContractBasis, loc: Loc
) -> None:
    """Refuse a period to the due date that also counts the day the term began.

    A term of N months or years begun on day d ends on d's corresponding day (the due
    date, 民法典 art. 202) and does not count d itself (art. 201); a period from d to the
    due date, both counted, is one day longer than the term: 2025-01-10 to 2026-01-10 is
    366 days, 6,016.44 instead of one year's 6,000.00 at 6%.
    """
    for i, component in enumerate(amounts.components):
        calc = component.calculation
        if calc is None or last_day(component, amounts) != contract.due_date:
            continue
        months = whole_months(calc.start, contract.due_date)
        if not months:
            continue
        term = f"{months // 12}年" if months % 12 == 0 else f"{months}个月"
        counted = (contract.due_date - calc.start).days + 1
        assessment.error(
            (*loc, "components", i, "calculation", "start"),
            "term_counted_twice",
            f"{component.display_label}自{format_cn(calc.start)}起计至"
            f"{format_cn(contract.due_date)}共{counted}天，比{term}的借期多计一天：按年、月计算"
            "的期间，开始的当日不计入，自下一日开始计算，到期月的对应日为最后一日（民法典第二百"
            f"零一条、第二百零二条），应自{format_cn(calc.start + timedelta(days=1))}起算",
            hint=DAY_COUNT_HINT,
        )


def check_interest_after_delivery(
    assessment: Assessment, amounts: DebtAmounts, delivered_on: date, loc: Loc
) -> None:
    """Interest on a loan starts the day after the money was delivered (民法典 art. 201).

    For a complaint, which states the delivery day: a period that starts on or before it
    counts a day the borrower did not yet have the money for a full day, or had none.
    A period already refused as counting its term twice is not reported again.
    """
    flagged = {p.loc for p in assessment.errors if p.code == "term_counted_twice"}
    for i, component in enumerate(amounts.components):
        calc = component.calculation
        where = (*loc, "components", i, "calculation", "start")
        if calc is None or calc.start > delivered_on or where in flagged:
            continue
        assessment.error(
            where,
            "interest_before_delivery",
            f"借款于{format_cn(delivered_on)}交付，{component.display_label}自"
            f"{format_cn(calc.start)}起算：出借当日不计入，利息自下一日开始计算（民法典第二百"
            f"零一条），应自{format_cn(delivered_on + timedelta(days=1))}起算",
            hint=DAY_COUNT_HINT,
        )


def _in_term_rates(amounts: DebtAmounts, contract: ContractBasis) -> set[RateSpec]:
    """The rates of the periods that end by the due date: the agreed in-term rates."""
    return {
        c.calculation.rate.spec()
        for c in amounts.components
        if c.calculation is not None and last_day(c, amounts) <= contract.due_date
    }


def _at_the_default_rate(rate: RateSpec, in_term: set[RateSpec]) -> bool:
    """Whether ``rate`` is what art. 28(2) gives without an agreed overdue rate."""
    if in_term:
        return rate in in_term
    return rate.kind == "lpr_multiple" and rate.value == 1


def check_overdue_rate_basis(
    assessment: Assessment, amounts: DebtAmounts, contract: ContractBasis, loc: Loc
) -> None:
    """A private loan's overdue interest at a rate the law does not give names its clause.

    法释〔2020〕17号 art. 28: an agreed overdue rate applies (within the cap); with none
    agreed, overdue interest runs at the agreed in-term rate (art. 28(2)(二)), and with
    neither agreed at the one-year LPR (art. 28(2)(一)). A period that starts after the due
    date at another rate is claimed under the contract, so ``agreed_in`` must name the
    clause, which the calculation sheet prints. Without an in-term calculation docgen does
    not know the in-term rate, so the same finding is only a warning.
    """
    if contract.kind != "private_lending":
        return
    in_term = _in_term_rates(amounts, contract)
    agreed = next(iter(in_term)) if len(in_term) == 1 else None
    report = assessment.error if in_term else assessment.warn
    for i, component in enumerate(amounts.components):
        calc = component.calculation
        if calc is None or calc.start <= contract.due_date or calc.agreed_in:
            continue
        rate = calc.rate.spec()
        if _at_the_default_rate(rate, in_term):
            continue
        if in_term:
            _, why = overdue_rate(None, agreed)
            law = f"未约定逾期利率的，依{why}"
        else:
            law = (
                "未约定逾期利率的，逾期利息按借期内利率计算；借期内利率也未约定的，参照一年期"
                "贷款市场报价利率计算（法释〔2020〕17号第二十八条第二款）"
            )
        report(
            (*loc, "components", i, "calculation", "agreed_in"),
            "overdue_rate_without_basis",
            f"{component.display_label}按{rate.describe()}计算，但未写明约定该利率的合同条款。"
            + law,
            hint="合同约定了逾期利率的，请在“利率的约定依据”中写明条款（如《借款合同》第七条）；"
            "否则逾期利息按借期内利率计算",
        )


def rate_wording(
    component: AmountComponent,
    amounts: DebtAmounts,
    contract: ContractBasis,
    table: LprTable | None = None,
) -> str:
    """The rate as a calculation sheet states it, with its basis where the law needs one.

    「各计息期间适用的一年期贷款市场报价利率（LPR）的1.5倍（随LPR调整浮动），按《借款合同》
    第七条约定」; a private loan's overdue interest at the in-term rate, no overdue rate
    agreed: 「年利率6%，按借期内利率计算」 (法释〔2020〕17号 art. 28(2)(二)). ``table``
    gives a rate fixed on a day its figures.
    """
    calc = component.calculation
    if calc is None:
        return ""
    rate = calc.rate.spec()
    # a penalty's daily rate is 「每日0.05%」, not an interest rate (describe_penalty_rate)
    words = (
        describe_penalty_rate(rate, table) if component.kind == "penalty" else rate.describe(table)
    )
    if calc.agreed_in:
        return f"{words}，按{calc.agreed_in}约定"
    overdue = contract.kind == "private_lending" and calc.start > contract.due_date
    if overdue and rate in _in_term_rates(amounts, contract):
        return f"{words}，按借期内利率计算"
    return words


def chronological(amounts: DebtAmounts) -> list[int]:
    """The components' indexes in the order a document lists them.

    Computed components take the places computed components hold, earliest period first
    (借期内利息 before 逾期利息); every other component keeps its place.
    """
    computed = [i for i, c in enumerate(amounts.components) if c.calculation is not None]
    by_start = sorted(computed, key=lambda i: amounts.components[i].calculation.start)  # type: ignore[union-attr]
    slots = dict(zip(computed, by_start, strict=True))
    return [slots.get(i, i) for i in range(len(amounts.components))]
