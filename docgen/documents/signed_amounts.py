"""The amounts a debtor signs for: every interest and penalty line with its formula.

Used by the papers the debtor signs (debt confirmation, installment agreement); the
letters, which the debtor does not sign, keep their own rules in
:mod:`docgen.documents.amount_checks`.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from docgen.documents.amount_checks import ResolvedAmounts
from docgen.documents.interest_periods import chronological, last_day
from docgen.documents.part_models import ContractBasis, DebtAmounts, RateInput
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan
from docgen.domain.rate_words import describe_agreed_rate


def check_signed_components(
    assessment: Assessment, amounts: DebtAmounts, contract: ContractBasis, loc: Loc
) -> None:
    """In a paper the debtor signs, every interest and penalty line carries its formula.

    A debtor who confirms a charge confirms a figure a court must still test: interest
    against four times the LPR (法释〔2020〕17号 art. 25), overdue interest plus 违约金
    against the same cap over the overdue period (art. 29), a penalty against the loss
    (民法典 art. 585(2)). A figure with only a free-text note cannot be tested and invites
    a challenge to the whole confirmation, so interest without its calculation (base,
    rate, period) is refused, and so is a private loan's penalty; a penalty under another
    contract may be a fixed sum (art. 585(1)) and is only warned of. A private loan's
    interest that runs past the due date is split into 借期内 and 逾期 (art. 28): the cap
    of art. 29 applies to the overdue part only.
    """
    for i, component in enumerate(amounts.components):
        where = (*loc, "components", i, "calculation")
        calc = component.calculation
        label = component.display_label
        loan, penalty = contract.kind == "private_lending", component.kind == "penalty"
        if calc is None and formula_required(component.kind, contract.kind):
            assessment.error(where, "formula_missing", _formula_missing(label, loan, penalty))
        elif calc is None and penalty:
            assessment.warn(where, "formula_missing", _formula_missing(label, loan, True))
        elif calc is not None and loan:
            last = last_day(component, amounts)
            if component.kind == "interest" and calc.start <= contract.due_date < last:
                due = contract.due_date
                assessment.error(
                    (*where, "end"),
                    "interest_spans_due_date",
                    f"{label}自{format_cn(calc.start)}计至{format_cn(last)}，跨越借款到期日"
                    f"（{format_cn(due)}）：请分为借期内利息（计至{format_cn(due)}）和逾期利息"
                    f"（自{format_cn(due + timedelta(days=1))}起），逾期利息与违约金等合计不得"
                    "超过合同成立时一年期LPR四倍的限额（法释〔2020〕17号第二十八条、第二十九条）",
                )


def formula_required(component_kind: str, contract_kind: str) -> bool:
    """Whether a signed paper refuses this charge without its formula: any interest, and a
    private loan's penalty (another contract's penalty may be a fixed sum, only warned)."""
    return component_kind == "interest" or (
        component_kind == "penalty" and contract_kind == "private_lending"
    )


def _formula_missing(label: str, loan: bool, penalty: bool) -> str:
    law = (
        "否则无法核对是否超过法定上限（法释〔2020〕17号第二十五条至第二十九条）"
        if loan
        else "否则债务人和法院无法核对其金额"
        if not penalty
        else "否则无法核对违约金是否过分高于损失（民法典第五百八十五条第二款）；约定固定数额"
        "违约金的，请在计算说明中写明合同条款及约定的数额（民法典第五百八十五条第一款）"
    )
    return (
        f"债务人签署的文书中，{label}须填写计算方式（计息基数、利率或违约金标准、起止日期），"
        f"不能仅以计算说明代替：{law}"
    )


def with_formulas(
    table: dict[str, Any], amounts: DebtAmounts, resolved: ResolvedAmounts
) -> dict[str, Any]:
    """The amounts table (``part_context.amounts_context``) whose computed lines state
    their formula in the 说明 column, beside the figure the debtor signs for:
    「以100,000.00元为基数，按年利率6%，自2025年1月11日起至2026年1月10日止」 (the
    calculation sheet after the signatures shows the days and the arithmetic)."""
    rows = []
    for row, i in zip(table["rows"], chronological(amounts), strict=True):
        component = amounts.components[i]
        calc = component.calculation
        if calc is None:
            rows.append(row)
            continue
        base = calc.base or _principal(amounts)
        # a 违约金's daily rate as 「每日0.05%」, not an interest rate (describe_penalty_rate)
        rate = resolved.rate_words(calc.rate.spec(), component.kind == "penalty")
        formula = (
            f"以{format_yuan(base)}元为基数，按{rate}，"
            f"自{format_cn(calc.start)}起至{format_cn(last_day(component, amounts))}止"
        )
        note = f"{component.note}；{formula}" if component.note else formula
        rows.append({**row, "note": note})
    return {**table, "rows": rows}


def _principal(amounts: DebtAmounts) -> Decimal:
    """The principal confirmed: a calculation's base where it names none."""
    principal = (c.amount or Decimal(0) for c in amounts.components if c.kind == "principal")
    return sum(principal, Decimal(0))


def agreed_rate(rate: RateInput | None, resolved: ResolvedAmounts) -> str:
    """A rate an agreement sets, an LPR fixed on a day named by its publication
    (:func:`docgen.domain.rate_words.describe_agreed_rate`); "" for none."""
    return describe_agreed_rate(rate.spec(), resolved.lpr_table) if rate else ""
