"""A letter's 违约金 row: the rate, base and period beside the figure, so that the debtor
can check it.

A 违约金 is owed as the parties agreed it, a sum or a method of computing it (民法典 art.
585(1)); a row that prints 「1,409.50  按合同第八条约定计算」 gives the debtor nothing to
check the figure against. So:

- a computed 违约金 (``calculation``) prints its base, rate and period in its row
  (「按《借款合同》第八条约定，以100,000.00元为基数，按每日0.005%自2026年1月11日起至
  2026年10月31日止计算」), not
  only 「见计算明细」;
- a typed one whose note states a rate is read against that rate exactly as a complaint
  reads it (``note_rates``: one check for both): the same figure prints its base and
  period, a smaller one what the rate gives and that part of it is demanded, a larger
  one is refused;
- a typed one whose note states neither a rate nor a sum is warned of
  (``penalty_basis_missing``): the letter prints a 违约金 without its basis.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from docgen.documents.agreement_terms import principal_of
from docgen.documents.amount_checks import ResolvedAmounts
from docgen.documents.interest_periods import chronological, last_day
from docgen.documents.letter_amounts import CLAUSE
from docgen.documents.note_rates import check_noted_rates, names_a_sum, noted_charges, traced_note
from docgen.documents.part_models import DebtAmounts
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.lpr import LprTable
from docgen.domain.money import format_yuan
from docgen.domain.rate_words import describe_penalty_rate


def check_letter_penalties(
    result: Assessment, case: Any, computed: ResolvedAmounts, table: LprTable
) -> None:
    """A typed overdue charge's noted rate against its figure (``note_rates``); a typed
    违约金 whose note states no rate and no sum is warned of."""
    amounts = case.amounts
    base = principal_of(amounts, computed)
    overdue_from = case.contract.due_date + timedelta(days=1)
    check_noted_rates(result, amounts, base, overdue_from, table, document="函件")
    for i, component in enumerate(amounts.components):
        if component.kind != "penalty" or component.calculation is not None:
            continue
        note = component.note or ""
        if component.amount is None or traced_note(note) or names_a_sum(note):
            continue
        if not CLAUSE.search(f"{note}{component.label or ''}"):
            continue  # penalty_clause_missing asks for the clause and the method at once
        result.warn(
            ("amounts", "components", i, "note"),
            "penalty_basis_missing",
            f"函件印出{component.display_label}人民币{format_yuan(component.amount)}元，未写明其"
            "计算标准、基数和起止日期：债务人无从核对该金额；违约金依当事人约定的数额或计算方法"
            "确定（《中华人民共和国民法典》第五百八十五条第一款）",
            hint="请改用「计算方式」（基数、标准、起算日和约定条款）由系统计算，或在计算说明中"
            f"写明标准，如「按《{case.contract.name}》第八条每日万分之零点五计算」",
        )


def penalty_notes(
    case: Any, amounts: DebtAmounts, computed: ResolvedAmounts, claimant: str
) -> dict[int, str]:
    """By component index of the ``amounts`` as printed, the 说明 of each 违约金 row whose
    basis is known: a computed one's base, rate and period; a typed one's note with the
    base and period its rate was read on (:meth:`NotedCharge.printed`); ``claimant`` is who
    demands part of a larger figure (我方现, 委托人现)."""
    notes: dict[int, str] = {}
    base = principal_of(amounts, computed)
    overdue_from = case.contract.due_date + timedelta(days=1)
    if computed.lpr_table is not None:
        noted = noted_charges(amounts, base, overdue_from, computed.lpr_table)
        notes |= {
            i: c.printed(amounts.components[i].note or "", claimant) for i, c in noted.items()
        }
    for i, component in enumerate(amounts.components):
        calc = component.calculation
        if component.kind != "penalty" or calc is None:
            continue
        rate = describe_penalty_rate(calc.rate.spec(), computed.lpr_table)
        agreed = f"按{calc.agreed_in}约定，" if calc.agreed_in else ""
        notes[i] = (
            f"{agreed}以{format_yuan(calc.base or base)}元为基数，按{rate}自"
            f"{format_cn(calc.start)}起至{format_cn(last_day(component, amounts))}止计算"
        )
    return notes


def with_penalty_notes(
    case: Any, amounts: DebtAmounts, computed: ResolvedAmounts, table: dict[str, Any], who: str
) -> dict[str, Any]:
    """The amounts table (``amounts_context``) with each 违约金 row's basis in its 说明."""
    notes = penalty_notes(case, amounts, computed, f"{who}现")
    rows = [
        {**row, "note": notes[i]} if i in notes else row
        for row, i in zip(table["rows"], chronological(amounts), strict=True)
    ]
    return {**table, "rows": rows}
