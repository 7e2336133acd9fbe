"""The claims of a maximum-amount security fixed before the complaint claims on it.

A maximum mortgage (最高额抵押) secures the claims of a period up to a maximum amount; the
creditor is paid first only on the claims fixed (确定) within that amount (民法典 art. 420).
民法典 art. 423 (text checked on public copies: evps.top's transcript of the code, and the
commentary of 武亦文 in 《法学家》2023年第3期 as reproduced on 360doc.com) fixes them when:
(一) the agreed period ends; (二) with no period agreed (or an unclear one), the mortgagee
or the mortgagor asks for it two years after the mortgage was created; (三) no new claim
can arise; (四) the mortgagee knows or should know the property was sealed up or seized
(查封、扣押); (五) the debtor or the mortgagor is declared bankrupt or dissolved; (六) other
cases the law provides. Art. 439(2) applies the same to a maximum pledge, art. 690(2) to a
maximum guarantee (最高额保证), whose guarantee period then runs from the day the claims
were fixed (担保制度解释 art. 30).

A complaint filed before the agreed period ends claims on claims not yet fixed unless one
of items (二)–(六) happened: the user states it (``fixing``), the form and the facts print
it, and without it the user is warned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.complaint_parts import DebtFixing
from docgen.documents.complaint_security import stated_security
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

CIVIL_CODE = "《中华人民共和国民法典》"
EVENTS = (
    "如满二年后请求确定、新的债权不可能发生、债权人知道或者应当知道担保财产被查封或者扣押、"
    "债务人或者担保人被宣告破产或者解散"
)


def check_maximum_fixed(result: Assessment, case: CivilComplaint) -> None:
    """A maximum security claimed on before its agreed period ends states what fixed its
    claims (art. 423 (二)–(六)); the event stated is one of a maximum security, happened by
    the filing date, and after the debt arose (a claim arising later is not secured)."""
    _check_collateral(result, case)
    for i, defendant in enumerate(case.defendants):
        guarantee, fixing = defendant.guarantee, defendant.maximum_fixing
        maximum = guarantee.maximum if guarantee is not None else None
        if fixing is not None:
            _check_event(result, case, fixing, ("defendants", i, "maximum_fixing"), maximum)
            continue
        if defendant.role != "guarantor" or maximum is None:
            continue
        if maximum.period_end <= case.filing_date:
            continue
        result.warn(
            ("defendants", i, "guarantee", "maximum", "period_end"),
            "maximum_not_fixed",
            f"保证人{defendant.party.name}的最高额保证约定的债权确定期间至"
            f"{format_cn(maximum.period_end)}届满，晚于起诉日期（{format_cn(case.filing_date)}），"
            "起诉状却请求其承担保证责任：最高额保证参照最高额抵押权的规定，保证人就确定的债权在"
            "最高债权额限度内承担责任，约定期间届满前，债权因法定事由确定"
            f"（{EVENTS}；{CIVIL_CODE}第六百九十条第二款、第四百二十三条），起诉状未写明该事由",
            hint="请在该被告的「最高额保证债权提前确定的事由」中选择事由、填写确定之日，"
            "起诉状将写明；保证期间自债权确定之日起计算",
        )


def _check_collateral(result: Assessment, case: CivilComplaint) -> None:
    security = stated_security(case)
    if security is None:
        return
    held = security.collateral
    if held.fixing is not None:
        maximum = held.maximum_amount
        _check_event(result, case, held.fixing, (*security.where, "fixing"), maximum)
        return
    fixed_on = held.fixed_on
    if held.maximum_amount is None or fixed_on is None or fixed_on <= case.filing_date:
        return
    if not security.claimable:
        return  # no claim on the property is printed
    kind = "抵押" if held.kind == "mortgage" else "质押"
    pledge = "第四百三十九条第二款、" if held.kind == "pledge" else ""
    result.warn(
        (*security.where, "fixed_on"),
        "maximum_not_fixed",
        f"最高额{kind}约定的担保债权确定时间（{format_cn(fixed_on)}）晚于起诉日期"
        f"（{format_cn(case.filing_date)}），起诉状却请求就{security.property_word}优先受偿："
        f"最高额{kind}权人就确定的债权在最高债权额限度内优先受偿，约定的确定时间届满前，"
        f"债权因法定事由确定（{EVENTS}；{CIVIL_CODE}{pledge}第四百二十三条），"
        "起诉状未写明该事由",
        hint="请在「债权提前确定的事由」中选择事由、填写确定之日，要素式的最高额担保一项和"
        "事实与理由将写明；尚未发生任何确定事由的，请核对能否就该财产主张优先受偿",
    )


def _check_event(
    result: Assessment,
    case: CivilComplaint,
    fixing: DebtFixing,
    loc: tuple[str | int, ...],
    maximum: object,
) -> None:
    if maximum is None:
        result.error(
            loc,
            "not_a_maximum",
            "只有最高额抵押、质押或者最高额保证才需写明担保债权的确定事由"
            f"（{CIVIL_CODE}第四百二十三条）；请先填写最高额担保的额度，或删除该事由",
        )
        return
    if fixing.on > case.filing_date:
        result.error(
            (*loc, "on"),
            "after_filing",
            f"债权确定之日（{format_cn(fixing.on)}）晚于起诉日期（{format_cn(case.filing_date)}），"
            "起诉时担保的债权尚未确定",
        )
    elif fixing.on < case.contract.signed_on:
        result.error(
            (*loc, "on"),
            "fixed_before_debt",
            f"债权确定之日（{format_cn(fixing.on)}）早于合同签订日期"
            f"（{format_cn(case.contract.signed_on)}）：确定之后发生的债权不属于最高额担保的范围"
            f"（{CIVIL_CODE}第四百二十条、第四百二十三条）",
        )
