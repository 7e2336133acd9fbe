"""A joint guarantor sued without the debtor (连带责任保证人单独被诉).

民法典 art. 688(2): 「连带责任保证的债务人不履行到期债务或者发生当事人约定的情形时，债权人
可以请求债务人履行债务，也可以请求保证人在其保证范围内承担保证责任」, so the creditor may sue
the joint guarantor alone. No paragraph of 法释〔2020〕28号 says so in words: its art. 26
governs the general guarantee only (sued alone, the suit is dismissed: art. 26(1)); for a
private loan 法释〔2020〕17号 art. 4(1) says 「出借人仅起诉保证人的，人民法院可以追加借款人为
共同被告」 — may, not must (民诉法解释 art. 66 makes the debtor a co-defendant only where a
general guarantor is sued alone). Texts as quoted on shandonghsjx.com and jusspace.com,
searched 2026-12.

The complaint then names the debtor, who is no party, 「案外人张伟」 (``non_party_debtor``),
tells the main contract, the guarantee and both defaults, and claims from the guarantor
what the debtor owes. What docgen cannot yet print of such a suit is refused with its
reason rather than printed wrong: several guarantors sued alone, a maximum guarantee or
a narrower agreed scope (their limits are worded as the guarantor's share of the debtor's
claims), rescission of a contract the guarantor is no party to, and the element forms,
whose rows are those of the borrower sued."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.complaint_guarantee_scope import guaranteed_scope
from docgen.documents.problems import Assessment

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

JOINT_ALONE_ARTICLE = "《中华人民共和国民法典》第六百八十八条第二款"


def joint_guarantors_alone(case: CivilComplaint) -> bool:
    """No borrower among the defendants, and every defendant a joint guarantor."""
    return bool(case.defendants) and all(
        d.role == "guarantor" and d.guarantee is not None and d.guarantee.resolved_type == "joint"
        for d in case.defendants
    )


def sued_alone(case: CivilComplaint) -> bool:
    """The suit the complaint prints against a joint guarantor alone: one such defendant,
    the debtor named as no party."""
    return joint_guarantors_alone(case) and bool(case.non_party_debtor)


def debtor_words(case: CivilComplaint, sued: str) -> str:
    """How the complaint names the debtor: 「案外人张伟」 in a suit against a joint
    guarantor alone, else ``sued`` (「被告张伟」)."""
    if sued_alone(case) and case.non_party_debtor:
        return f"案外人{case.non_party_debtor.strip()}"
    return sued


def check_guarantor_sued_alone(result: Assessment, case: CivilComplaint, debtor_sued: bool) -> None:
    """The debtor left out of a suit against a joint guarantor: named, and what the
    complaint cannot print of it refused with the reason; named while sued, an error."""
    debtor = case.non_party_debtor
    if debtor_sued:
        if debtor:
            result.error(
                ("non_party_debtor",),
                "debtor_is_a_defendant",
                "借款人（债务人）已列为被告，不填写「未列为被告的债务人」",
            )
        return
    if not joint_guarantors_alone(case):
        return
    if not debtor:
        result.error(
            ("non_party_debtor",),
            "missing",
            "被告均为连带责任保证人、未将借款人（债务人）列为被告：请填写债务人的姓名或名称，"
            "起诉状称其为「案外人」，写明其与原告订立的主合同及其不履行到期债务的事实"
            f"（{JOINT_ALONE_ARTICLE}）",
        )
        return
    if any(debtor.strip() == d.party.name for d in case.defendants):
        result.error(
            ("non_party_debtor",),
            "same_party",
            f"「{debtor.strip()}」已列为被告；未列为被告的债务人不能同时为被告",
        )
    _check_printable(result, case)


def _check_printable(result: Assessment, case: CivilComplaint) -> None:
    """What the complaint against a joint guarantor alone cannot state."""
    if len(case.defendants) > 1:
        result.error(
            ("defendants",),
            "several_guarantors_without_debtor",
            "起诉状可单独起诉一名连带责任保证人；起诉多名保证人而不起诉债务人的，各保证人之间"
            "的责任（民法典第六百九十九条）起诉状尚不能写明",
            hint="请将借款人（债务人）一并列为被告，或分别起诉各保证人",
        )
    for i, defendant in enumerate(case.defendants):
        guarantee = defendant.guarantee
        if guarantee is None:
            continue
        if guarantee.maximum is not None or guaranteed_scope(case, defendant) is not None:
            result.error(
                ("defendants", i, "guarantee"),
                "guarantor_alone_limited",
                f"被告{defendant.party.name}的保证以最高债权额或约定的保证范围为限；单独起诉"
                "保证人时，起诉状尚不能按该限度写明诉讼请求",
                hint="请将借款人（债务人）一并列为被告，起诉状将请求保证人在该限度内承担连带"
                "清偿责任",
            )
    if case.rescind_contract:
        result.error(
            ("rescind_contract",),
            "rescission_without_debtor",
            f"《{case.contract.name}》的当事人是原告与案外人{case.non_party_debtor}，保证人不是"
            "合同当事人；请求解除该合同，应将债务人列为被告",
        )
    if case.layout == "elements":
        result.error(
            ("layout",),
            "form_needs_debtor",
            "要素式起诉状的表格按被诉的借款人（债务人）填写，不能表述仅起诉连带责任保证人的"
            "案件；请选择文书式",
        )
