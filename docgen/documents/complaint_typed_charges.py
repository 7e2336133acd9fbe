"""A typed overdue charge whose figure the complaint gives no way to trace.

A 违约金 or overdue interest claimed as a typed sum prints only the sum. A judge grants
a penalty or loss only as computed from the agreement (民法典 art. 585(1): 违约金 as agreed,
or a method of computing the loss the parties agreed) and the debtor may ask that an
excessive one be reduced (art. 585(2)); neither can be weighed without the base, the rate
and the dates. ``note_rates`` checks a note that names a rate; here a charge whose note
names none (or that has no note) is warned of, unless the sum is the fixed 违约金 the sale
contract agrees, the facts print the contract's daily penalty rate (with the owed price
and the due date: base, rate and start are then on the page), or the note names a base
sum and a percentage of it (「以最低还款额未还部分12,000.00元的5%计收」). A warning, not
a refusal: the figure may rest on an attached calculation the user files as evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.note_rates import overdue_charge, traced_note
from docgen.documents.problems import Assessment
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint


def check_untraced_charges(assessment: Assessment, case: CivilComplaint) -> None:
    """Warn at each typed overdue charge that names no rate and no agreed sum."""
    sale = case.sale
    agreed = sale.penalty_amount if sale is not None else None
    daily = sale is not None and sale.daily_penalty_percent is not None
    for i, component in enumerate(case.amounts.components):
        if component.calculation is not None or component.amount is None:
            continue
        if not overdue_charge(component) or component.amount == agreed:
            continue
        if traced_note(component.note or "") or (daily and component.kind == "penalty"):
            continue  # a named rate is recomputed by note_rates
        assessment.warn(
            ("amounts", "components", i, "amount"),
            "typed_charge_untraced",
            f"{component.display_label}直接填写为人民币{format_yuan(component.amount)}元，未写明"
            "计算的基数、利率（标准）和起止日期：起诉状不能说明该金额如何得出，法院依约定的违约金"
            "或损失赔偿的计算方法审查，债务人也可请求调整（《中华人民共和国民法典》第五百八十五条）",
            hint="请改用「计算方式」（计息基数、利率、计息首日）由系统计算，或在「计算说明」中"
            "写明利率（如「按每日万分之五计算」）",
        )
