"""What limits a guarantor sued alone answers for, which the complaint cannot yet print
without the debtor, each refused with its own reason and article.

- a maximum guarantee (最高额保证): the guarantor answers within the maximum amount
  (民法典 art. 690(1): 「约定在最高债权额限度内就一定期间连续发生的债权提供保证」);
- an agreed scope narrower than the claims (民法典 art. 691: 「保证的范围包括主债权及其利息、
  违约金、损害赔偿金和实现债权的费用。当事人另有约定的，按照其约定」);
- the debtor's own collateral with no agreed order, or an agreed order putting the property
  first (民法典 art. 392: 「…债权人应当按照约定实现债权；没有约定或者约定不明确，债务人自己
  提供物的担保的，债权人应当先就该物的担保实现债权」, text as on ldbj.com, searched 2026-12):
  the guarantor answers only for what the property leaves unpaid.

The complaint against the guarantor alone words each claim as what the debtor owes; a
limit would have to be worded as the guarantor's share of it, which it does not yet do.
The law does not bar such a suit, so each message says the refusal is the document's
limit, names the limit and its article, and the hint how to file (the debtor joined, the
complaint then states the limit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.complaint_guarantee_scope import guaranteed_scope
from docgen.documents.complaint_security import left_unpaid, stated_security
from docgen.documents.problems import Assessment
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

CIVIL_CODE = "《中华人民共和国民法典》"
NOT_YET = (
    "法律并不禁止仅起诉该保证人，但本系统在不列债务人为被告时，尚不能按该限度写明对保证人的诉讼请求"
)
JOIN_DEBTOR = "请将借款人（债务人）一并列为被告"


def check_limits_alone(result: Assessment, case: CivilComplaint) -> None:
    """Each guarantor's maximum or narrower scope, and the property first (the module's
    notes), refused where the guarantor is sued alone."""
    for i, defendant in enumerate(case.defendants):
        guarantee = defendant.guarantee
        if guarantee is None:
            continue
        loc = ("defendants", i, "guarantee")
        name = defendant.party.name
        if guarantee.maximum is not None:
            amount = format_yuan(guarantee.maximum.amount)
            result.error(
                loc,
                "guarantor_alone_limited",
                f"被告{name}提供的是最高额保证，只在最高债权额人民币{amount}元限度内承担保证责任"
                f"（{CIVIL_CODE}第六百九十条第一款）。{NOT_YET}",
                hint=f"{JOIN_DEBTOR}，起诉状将请求保证人在最高债权额限度内承担保证责任",
            )
            continue
        scope = guaranteed_scope(case, defendant)
        if scope is not None:
            left = scope.narrowed + scope.left_out
            outside = "、".join(dict.fromkeys(label for _, label in left))
            agreed = (defendant.guarantee_scope or "").rstrip("。")
            result.error(
                loc,
                "guarantor_alone_limited",
                f"被告{name}的保证范围按保证合同约定为「{agreed}」，"
                f"不包括本案请求的{outside}；当事人对保证范围另有约定的，按照其约定"
                f"（{CIVIL_CODE}第六百九十一条）。{NOT_YET}",
                hint=f"{JOIN_DEBTOR}，起诉状将请求保证人在约定的保证范围内承担保证责任",
            )
    _check_property_first(result, case)


def _check_property_first(result: Assessment, case: CivilComplaint) -> None:
    unpaid = left_unpaid(case)
    security = stated_security(case)
    if not unpaid or security is None:
        return
    held = security.collateral
    word = security.property_word
    if held.agreed_order == "security_first":
        clause = f"（{held.enforcement_order.rstrip('。')}）" if held.enforcement_order else ""
        why = f"合同约定债权人应先就物的担保实现债权{clause}，债权人应当按照约定实现债权"
    else:
        debtor = (case.non_party_debtor or "").strip() or "债务人"
        why = (
            f"案外人{debtor}作为债务人以自己的财产提供了担保（{held.property.rstrip('。')}），"
            "合同未约定实现担保的顺序，债权人应当先就该物的担保实现债权"
        )
    result.error(
        ("defendants",),
        "guarantor_after_security_alone",
        f"{why}（{CIVIL_CODE}第三百九十二条），保证人仅对{unpaid}承担保证责任。"
        "法律并不禁止仅起诉保证人，但本系统在不列债务人为被告时，尚不能写明保证人仅就该部分"
        "承担责任的诉讼请求",
        hint=f"{JOIN_DEBTOR}{'' if security.debtor_owned else f'，并将提供{word}的人列为被告'}，"
        f"起诉状将请求就{word}优先受偿，并请求保证人对不足清偿的部分承担保证责任",
    )
