"""The civil complaint's rules on the security for the debt: which security answers first,
and a maximum-amount guarantee named without its maximum.

民法典 art. 392: where a claim is secured both by property and by a guarantor, the creditor
enforces them as agreed; without an agreement (or an unclear one), where the debtor itself
gave the property, the creditor first enforces that security; where a third person gave
it, the creditor may choose. A complaint that claims a guarantor's liability in full while
the debtor's own mortgage or pledge stands, and no order was agreed, claims more of the
guarantor than the law gives: the guarantor answers for what the property leaves unpaid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.complaint_parts import SECURITY_LABELS, Collateral
from docgen.documents.problems import Assessment, Loc

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

OWN_SECURITY_FIRST = "《中华人民共和国民法典》第三百九十二条"


def pledged_security(case: CivilComplaint) -> tuple[Loc, Collateral] | None:
    """The mortgage or pledge the case states, with where it is stated."""
    for name, facts in (("loan", case.loan), ("sale", case.sale), ("card", case.card)):
        if facts is not None and facts.collateral is not None:
            return (name, "collateral"), facts.collateral
    return None


def _provided_by_a_debtor(case: CivilComplaint, collateral: Collateral) -> str | None:
    """The debtor-defendant who gave the property, by the name the collateral states."""
    provider = (collateral.provider or "").strip()
    if not provider:
        return None
    for defendant in case.defendants:
        name = defendant.party.name
        if defendant.role == "borrower" and (provider == name or name in provider):
            return name
    return None


def check_own_collateral_first(result: Assessment, case: CivilComplaint) -> None:
    """Warn where a guarantor is claimed against ahead of the debtor's own security."""
    pledged = pledged_security(case)
    if pledged is None:
        return
    where, collateral = pledged
    debtor = _provided_by_a_debtor(case, collateral)
    guarantors = [
        d.party.name for d in case.defendants if d.role == "guarantor" and d.guarantee is not None
    ]
    if debtor is None or not guarantors or collateral.enforcement_order:
        return
    security = SECURITY_LABELS[collateral.kind]
    result.warn(
        (*where, "enforcement_order"),
        "own_collateral_first",
        f"债务人{debtor}以自己的财产（{collateral.property.rstrip('。')}）提供{security}，又请求"
        f"保证人{'、'.join(guarantors)}承担保证责任：未约定实现担保的顺序的，债权人应当先就债务人"
        f"自己提供的物的担保实现债权（{OWN_SECURITY_FIRST}），保证人只对该{security}财产清偿后"
        "仍不足的部分承担责任",
        hint="合同约定了顺序的（如 债权人可直接要求保证人承担责任），请填写「物保与保证的实现"
        "顺序约定」；未约定的，起诉状应请求就该财产优先受偿，并将对保证人的请求限于优先受偿后"
        "不足清偿的部分",
    )


def _guarantee_names(case: CivilComplaint) -> str | None:
    """The guarantee contract the case's facts name, for a guarantor that names none."""
    for facts in (case.loan, case.sale, case.card):
        if facts is not None and facts.guarantee_contract:
            return facts.guarantee_contract
    return None


def check_maximum_named(result: Assessment, case: CivilComplaint) -> None:
    """Warn where a guarantee contract is named 最高额 but its maximum is not given.

    民法典 art. 690: a maximum-amount guarantee covers the debts arising within a period, up
    to the maximum amount; the debts it covers are fixed as for a maximum mortgage (arts.
    420–424 by art. 690(2); art. 423: the agreed period ends, or two years after it was
    made when none was agreed). Without the maximum and the period the complaint claims
    the guarantor without the limit the contract sets, and cannot show the debt is covered.
    """
    stated = _guarantee_names(case)
    for i, defendant in enumerate(case.defendants):
        guarantee = defendant.guarantee
        if defendant.role != "guarantor" or guarantee is None or guarantee.maximum is not None:
            continue
        name = guarantee.contract or stated
        if name is None or "最高额" not in name:
            continue
        result.warn(
            ("defendants", i, "guarantee", "maximum"),
            "maximum_not_stated",
            f"保证人{defendant.party.name}的保证合同为「{name.rstrip('。')}」，但未填写最高债权额"
            "及债权确定期间：最高额保证在最高债权额限度内就一定期间连续发生的债权承担保证责任"
            "（《中华人民共和国民法典》第六百九十条，参照第四百二十条至第四百二十四条），"
            "起诉状对其请求不能写明限额，也不能说明本案债权在确定期间内发生",
            hint="请在该保证人的「最高额保证」中填写最高债权额及债权确定期间；合同并非最高额保证的，"
            "请核对保证合同名称",
        )
