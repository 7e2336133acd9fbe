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
whose rows are those of the borrower sued.

A general guarantor may refuse until the main dispute has been tried or arbitrated and
enforcement against the debtor's property has failed (民法典 art. 687(2)); sued alone
before the debtor was sued, the suit is dismissed (法释〔2020〕28号 art. 26(1): 「债权人未就主
合同纠纷提起诉讼或者申请仲裁，仅起诉一般保证人的」). Once the debtor was sued
(``guarantee.debtor_sued_on``) and enforcement ended with a 终结本次执行程序 ruling
(``guarantee.enforcement_ruling``, the defence ending ``guarantee.defence_ended_on``), the
general guarantor too may be sued alone, and the complaint says so. So may one for whom
an exception of art. 687(2)(一)–(四) is given (debtor missing with no property, bankruptcy
accepted, proof the property is insufficient, written waiver:
``guarantee.beneficium_exception``, ``complaint_beneficium``), the complaint stating the
item, its evidence and the article; what the texts leave open of that suit is warned of."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.complaint_beneficium import check_beneficium_exceptions
from docgen.documents.complaint_guarantor_limits import check_limits_alone
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint
    from docgen.documents.complaint_parts import SuedGuarantee as Guarantee

JOINT_ALONE_ARTICLE = "《中华人民共和国民法典》第六百八十八条第二款"
GUARANTEE_RULES = "《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》"


def enforcement_failed(guarantee: Guarantee | None) -> bool:
    """A general guarantee whose defence has ended: enforcement against the debtor ended
    by a 终结本次执行程序 ruling (民法典 art. 687(2)); the day the debtor was sued and the
    day the defence ended are then required (:func:`check_guarantor_sued_alone`)."""
    return (
        guarantee is not None
        and guarantee.resolved_type == "general"
        and bool(guarantee.enforcement_ruling)
    )


def defence_unavailable(guarantee: Guarantee | None) -> bool:
    """A general guarantee whose 先诉抗辩权 cannot be raised: enforcement against the debtor
    has failed (:func:`enforcement_failed`), or an exception of 民法典 art. 687(2) is
    given (``beneficium_exception``)."""
    return enforcement_failed(guarantee) or (
        guarantee is not None
        and guarantee.resolved_type == "general"
        and guarantee.beneficium_exception is not None
    )


def guarantors_alone(case: CivilComplaint) -> bool:
    """No borrower among the defendants, and every defendant a guarantor who may be sued
    without the debtor: a joint one, or a general one whose defence has ended or cannot be
    raised (:func:`defence_unavailable`)."""
    return bool(case.defendants) and all(
        d.role == "guarantor"
        and d.guarantee is not None
        and (d.guarantee.resolved_type == "joint" or defence_unavailable(d.guarantee))
        for d in case.defendants
    )


def sued_alone(case: CivilComplaint) -> bool:
    """The suit the complaint prints against a guarantor alone, the debtor named as no
    party."""
    return guarantors_alone(case) and bool(case.non_party_debtor)


def debtor_words(case: CivilComplaint, sued: str) -> str:
    """How the complaint names the debtor: 「案外人张伟」 in a suit against a joint
    guarantor alone, else ``sued`` (「被告张伟」)."""
    if sued_alone(case) and case.non_party_debtor:
        return f"案外人{case.non_party_debtor.strip()}"
    return sued


def binding_clause(case: CivilComplaint) -> str | None:
    """The jurisdiction clause that binds the defendants: none where a guarantor sued
    alone is told the main contract's (「《借款合同》第十条约定…」, naming no guarantee), as
    the venue must then be found without it (法释〔2020〕28号 art. 21(3))."""
    clause = case.jurisdiction_clause
    main = f"《{case.contract.name}》"
    if clause and sued_alone(case) and main in clause and "保证" not in clause:
        return None
    return clause


def check_guarantor_sued_alone(result: Assessment, case: CivilComplaint, debtor_sued: bool) -> None:
    """The debtor left out of a suit against a guarantor: named, and what the complaint
    cannot print of it refused with the reason; named while sued, an error."""
    debtor = case.non_party_debtor
    _check_enforcement_ended(result, case, debtor_sued)
    check_beneficium_exceptions(result, case, debtor_sued)
    if debtor_sued:
        if debtor:
            result.error(
                ("non_party_debtor",),
                "debtor_is_a_defendant",
                "借款人（债务人）已列为被告，不填写「未列为被告的债务人」",
            )
        return
    if not guarantors_alone(case):
        return
    if not debtor:
        result.error(
            ("non_party_debtor",),
            "missing",
            "被告均为保证人、未将借款人（债务人）列为被告：请填写债务人的姓名或名称，"
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
    """What the complaint against a guarantor alone cannot state, and a forum clause of
    the main contract, which binds no guarantor sued alone."""
    if len(case.defendants) > 1:
        result.error(
            ("defendants",),
            "several_guarantors_without_debtor",
            "起诉状可单独起诉一名保证人；起诉多名保证人而不起诉债务人的，各保证人的责任"
            "（《中华人民共和国民法典》第六百九十九条）起诉状尚不能写明",
            hint="请将借款人（债务人）一并列为被告，或分别起诉各保证人",
        )
    # a maximum or narrower scope, or the property first: complaint_guarantor_limits
    check_limits_alone(result, case)
    if case.rescind_contract:
        result.error(
            ("rescind_contract",),
            "rescission_without_debtor",
            f"《{case.contract.name}》的当事人是原告与案外人{case.non_party_debtor}，保证人不是"
            "合同当事人；请求解除该合同，应将债务人列为被告",
        )
    if case.jurisdiction_clause and binding_clause(case) is None:
        # 法释〔2020〕28号 art. 21(3): 「债权人依法可以单独起诉担保人且仅起诉担保人的，应当
        # 根据担保合同确定管辖法院」; the main contract's clause binds only its parties
        result.error(
            ("jurisdiction_clause",),
            "main_contract_clause_for_guarantor",
            f"仅起诉保证人的，应当根据担保合同确定管辖法院（{GUARANTEE_RULES}第二十一条第三款）；"
            f"《{case.contract.name}》的约定管辖条款不约束保证人",
            hint="保证合同约定了管辖法院的，请填写保证合同的条款；未约定的，请删除，起诉状不写约定"
            "管辖（保证人住所地或者合同履行地人民法院管辖）",
        )
    if case.layout == "elements":
        result.error(
            ("layout",),
            "form_needs_debtor",
            "要素式起诉状的表格按被诉的借款人（债务人）填写，不能表述仅起诉保证人的案件；"
            "请选择文书式",
        )


def _check_enforcement_ended(result: Assessment, case: CivilComplaint, debtor_sued: bool) -> None:
    """The 终结本次执行程序 ruling of a general guarantee: with the day the debtor was sued
    and the day the defence ended, the first before the second; said only of a general
    guarantor sued without the debtor."""
    for i, defendant in enumerate(case.defendants):
        guarantee = defendant.guarantee
        if guarantee is None or not guarantee.enforcement_ruling:
            continue
        loc = ("defendants", i, "guarantee")
        if guarantee.resolved_type == "joint" or debtor_sued:
            result.error(
                (*loc, "enforcement_ruling"),
                "enforcement_ruling_unused",
                "终结本次执行程序的裁定只在单独起诉一般保证人（债务人未列为被告）时填写：连带责任"
                "保证人可以单独起诉，与债务人一并起诉的一般保证人对强制执行后不能履行的部分承担责任",
            )
            continue
        for field, what in (
            ("debtor_sued_on", "对债务人起诉或申请仲裁的日期"),
            ("defence_ended_on", "先诉抗辩权消灭之日（终结本次执行程序裁定送达之日）"),
        ):
            if getattr(guarantee, field) is None:
                result.error(
                    (*loc, field),
                    "missing",
                    f"单独起诉一般保证人的，请填写{what}（{GENERAL_DEFENCE_ARTICLE}）",
                )
        # a day after the filing is refused as a date not yet come (parts)
        ended = guarantee.defence_ended_on
        sued = guarantee.debtor_sued_on
        if sued is not None and ended is not None and sued > ended:
            result.error(
                (*loc, "debtor_sued_on"),
                "debtor_sued_after_enforcement",
                "对债务人起诉或申请仲裁的日期应早于对其财产强制执行终结之日",
            )


def general_alone_fact(name: str, guarantee: Guarantee, debtors: str) -> str:
    """「原告已于2026年1月20日就主合同纠纷对案外人张伟提起诉讼；经对案外人张伟的财产依法
    强制执行，北京市东城区人民法院（2026）京0101执1234号执行裁定终结本次执行程序，案外人张伟
    仍不能履行债务。依照…第六百八十七条第二款，被告李秀英作为一般保证人，应当承担保证责任。」"""
    exception = guarantee.beneficium_exception
    if exception is not None and not guarantee.enforcement_ruling:
        # an exception of art. 687(2)(一)–(四) instead of the failed enforcement
        return exception.fact(name, debtors)
    sued = format_cn(guarantee.debtor_sued_on) if guarantee.debtor_sued_on else ""
    ruling = (guarantee.enforcement_ruling or "").rstrip("。")
    return (
        f"原告已于{sued}就主合同纠纷对{debtors}提起诉讼；经对{debtors}的财产依法强制执行，"
        f"{ruling}终结本次执行程序，{debtors}仍不能履行债务。依照{GENERAL_DEFENCE_ARTICLE}，"
        f"被告{name}作为一般保证人，应当在其保证范围内承担保证责任。"
    )


GENERAL_DEFENCE_ARTICLE = "《中华人民共和国民法典》第六百八十七条第二款"
