"""How far a sued guarantor is claimed against: the guarantee's scope (保证范围).

民法典 art. 691: a guarantee secures 主债权及其利息、违约金、损害赔偿金和实现债权的费用,
unless the parties agreed otherwise (当事人另有约定的，按照其约定). A guarantee contract that
lists fewer claims (``defendants[i].guarantee_scope``: 「主债权本金（《保证合同》第三条）」)
binds the guarantor to those only, so the complaint claims from the guarantor only the
numbered claims the list covers and says what they are (「对上述第1项债务（主债权本金）承担连带
清偿责任」); the claims it leaves out are warned. A list always covers the principal, which
every complaint claims, so the claim is never empty. A scope that lists nothing docgen can
read is the statute's (agreed_scope). A maximum guarantee's limit
is the claim's own (「在最高债权额…限度内」, art. 690).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.complaint_security_scope import SecuredScope, covered_claims
from docgen.documents.problems import Assessment

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint
    from docgen.documents.complaint_parts import Defendant

GUARANTEE_SCOPE_ARTICLE = "《中华人民共和国民法典》第六百九十一条"
STATUTORY_GUARANTEE_SCOPE = "主债权及其利息、违约金、损害赔偿金和实现债权的费用"


def guaranteed_scope(case: CivilComplaint, defendant: Defendant) -> SecuredScope | None:
    """The numbered claims a guarantor's agreed scope covers, None where it leaves none
    of the claims out (the guarantor answers for all of them, as the statute has it)."""
    if not defendant.guarantee_scope:
        return None
    scope = covered_claims(case, defendant.guarantee_scope, costs=True)
    return scope if scope.left_out or scope.narrowed else None


def guaranteed_claims(case: CivilComplaint, defendant: Defendant, covered: str) -> str:
    """「上述第1至5项债务」, or where the agreed scope is narrower
    「上述第1项债务（主债权本金）」."""
    scope = guaranteed_scope(case, defendant)
    if scope is None:
        return f"上述{covered}债务"
    return f"上述{scope.items}债务（{scope.what}）"


def guaranteed_words(case: CivilComplaint, defendant: Defendant) -> str:
    """「在主债权范围内」 for the element form's claim, "" where the scope is the statute's."""
    scope = guaranteed_scope(case, defendant)
    return f"在{scope.what}范围内" if scope is not None else ""


def guarantee_scope_sentence(defendant: Defendant) -> str:
    """「约定的保证范围为主债权本金（《保证合同》第三条）。」 as 事实与理由 tells it."""
    if not defendant.guarantee_scope:
        return ""
    return f"约定的保证范围为{defendant.guarantee_scope.rstrip('。')}。"


def check_guarantee_scope(result: Assessment, case: CivilComplaint) -> None:
    """Each guarantor's agreed scope against the claims: those it leaves out warned; a
    scope typed for a defendant who is no guarantor, an error."""
    for i, defendant in enumerate(case.defendants):
        if not defendant.guarantee_scope:
            continue
        loc = ("defendants", i, "guarantee_scope")
        if defendant.role != "guarantor":
            result.error(
                loc,
                "not_a_guarantor",
                "只有保证人才有约定的保证范围；请将诉讼地位改为保证人，或删除约定的保证范围",
            )
            continue
        scope = guaranteed_scope(case, defendant)
        if scope is None:
            continue
        name, agreed = defendant.party.name, defendant.guarantee_scope.rstrip("。")
        left = "、".join(f"第{n}项{label}" for n, label in (*scope.narrowed, *scope.left_out))
        law = (
            f"保证的范围包括{STATUTORY_GUARANTEE_SCOPE}，当事人另有约定的，按照其约定"
            f"（{GUARANTEE_SCOPE_ARTICLE}）"
        )
        result.warn(
            loc,
            "claims_outside_guarantee_scope",
            f"保证人{name}约定的保证范围（{agreed}）不包括{left}：{law}。起诉状对其请求因此"
            f"限于上述{scope.items}债务（{scope.what}）",
            hint="约定的保证范围写得不全的，请按保证合同的条款完整填写，如 主债权本金、利息、"
            "违约金、损害赔偿金及实现债权的费用（《保证合同》第三条）",
        )
