"""A complaint's term interest against the interest the borrower has paid (还息至,
``loan.interest_paid_until``), in both layouts.

The interest for the term (民法典 art. 674: the borrower pays interest as agreed) runs to
the end of the term, the due date or the day the loan was declared due early. What was
paid up to ``interest_paid_until`` is not owed again: a complaint whose own facts say so
and that still claims it from before the next day asks for it twice, and a party states
its claims in good faith (民事诉讼法 art. 13). The other way round, a bank loan's term
interest neither claimed nor paid would print as 「期内利息人民币0.00元」 beside 「已还利息」
on the bank form, a waiver nobody stated.

The first is an error: the complaint would print 「已支付利息至…」 in its facts and claim the
same days' interest in its claims, contradicting itself on its face (民事诉讼法 art. 122(3):
the claims rest on the facts stated). Interest paid that went to costs instead is told by
correcting 还息至. The second is a warning: the bank may have waived the term interest."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.complaint_form import component_part
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

TERM_INTEREST_ARTICLE = "《中华人民共和国民法典》第六百七十四条"


def term_end(case: CivilComplaint) -> date:
    """The last day of the loan's term: its due date, or the day it was declared due early."""
    end = case.contract.due_date
    if case.acceleration is not None:
        end = min(end, case.acceleration.declared_on)
    return end


def check_interest_paid(result: Assessment, case: CivilComplaint) -> None:
    _check_paid_interest_claimed(result, case)
    _check_term_interest_unclaimed(result, case)


def _check_paid_interest_claimed(result: Assessment, case: CivilComplaint) -> None:
    """Interest computed from a day the borrower has already paid interest for."""
    paid_until = case.loan.interest_paid_until if case.loan else None
    if paid_until is None:
        return
    first_owed = paid_until + timedelta(days=1)
    for i, component in enumerate(case.amounts.components):
        calc = component.calculation
        if component.kind != "interest" or calc is None or calc.start > paid_until:
            continue
        label = component.display_label
        result.error(
            ("amounts", "components", i, "calculation", "start"),
            "interest_already_paid",
            f"「{label}」自{format_cn(calc.start)}起计算，而借款人已支付利息至"
            f"{format_cn(paid_until)}（还息至）：{format_cn(calc.start)}至"
            f"{format_cn(min(paid_until, calc.end or paid_until))}的利息已经支付，"
            f"起诉状的事实部分载明已付息，诉讼请求却重复主张，前后矛盾（借款人按约定支付利息，"
            f"{TERM_INTEREST_ARTICLE}；当事人行使诉讼权利应当遵循诚信原则，"
            "《中华人民共和国民事诉讼法》第十三条）",
            hint=f"请将「{label}」的计息首日改为{format_cn(first_owed)}（还息至的次日），"
            "或核对「还息至」（已付利息抵充费用的，按实际付至的日期填写）",
        )


def _check_term_interest_unclaimed(result: Assessment, case: CivilComplaint) -> None:
    """A bank loan's interest for its term left unclaimed though not shown paid: the bank
    form splits the interest and would print 「期内利息人民币0.00元」 beside 「已还利息」
    that does not cover the term. A private lender's claim is not read this way."""
    loan, terms = case.loan, case.bank_terms
    if case.contract.kind != "financial_loan" or loan is None or terms is None:
        return
    claimed = [
        c
        for c in case.amounts.components
        if c.kind == "interest" and component_part(c, terms) == "interest"
    ]
    if claimed:
        return
    end = term_end(case)
    paid_until = loan.interest_paid_until
    if paid_until is not None and paid_until >= end:
        return
    paid = f"人民币{format_yuan(loan.repaid_interest or Decimal(0))}元"
    until = f"，还息至{format_cn(paid_until)}" if paid_until else "，未填写还息日期"
    result.warn(
        ("amounts", "components"),
        "term_interest_not_claimed",
        f"合同约定借款利率为{terms.rate.spec().describe()}，已还利息{paid}{until}，"
        f"但诉讼请求未主张借款期内（至{format_cn(end)}）的利息：起诉状将载明期内利息"
        f"人民币0.00元（借款人应按约定支付利息，{TERM_INTEREST_ARTICLE}）",
        hint="请增加「期内利息」一项；已结清或放弃的，请填写「还息至」或在补充事实中说明",
    )
