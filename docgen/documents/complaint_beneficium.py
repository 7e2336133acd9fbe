"""The exceptions to a general guarantor's 先诉抗辩权 (民法典 art. 687(2)(一)–(四)).

民法典 art. 687(2): 「一般保证的保证人在主合同纠纷未经审判或者仲裁，并就债务人财产依法强制
执行仍不能履行债务前，有权拒绝向债权人承担保证责任，但是有下列情形之一的除外：（一）债务人
下落不明，且无财产可供执行；（二）人民法院已经受理债务人破产案件；（三）债权人有证据证明债务人
的财产不足以履行全部债务或者丧失履行债务能力；（四）保证人书面表示放弃本款规定的权利。」
(text as reproduced with the official commentary on novel.qq.com and ahdhf.com, searched
2026-12). Where one of them is given (``guarantee.beneficium_exception``: the item and the
facts with their evidence) a general guarantor may be sued without the debtor, as once
enforcement against the debtor has failed (``enforcement_ruling``), and the complaint's
事实与理由 states the item and the article.

Sued together with the debtor, the general guarantor answers for what enforcement leaves
unpaid unless such an exception is given: 法释〔2020〕28号 art. 26(2) 「一般保证中，债权人
一并起诉债务人和保证人的，人民法院可以受理，但是在作出判决时，除有民法典第六百八十七条
第二款但书规定的情形外，应当在判决书主文中明确，保证人仅对债务人财产依法强制执行后仍不能
履行的部分承担保证责任」 (as quoted on 0543168.com and fx361.cc, searched 2026-12). With one
given, the complaint claims that the guarantor 承担保证责任 for the debt without that
limit, and its 事实与理由 state the item, its evidence and both articles
(:meth:`BeneficiumException.joint_suit_fact`). None of the doubts below concerns that
suit: the debtor is a party and sued within the filing.

What the texts leave open is warned of, never silently assumed:

- 民诉法解释 art. 66: 「保证合同约定为一般保证，债权人仅起诉保证人的，人民法院应当通知
  被保证人作为共同被告参加诉讼」 (as quoted on shandonghsjx.com), and for a private loan
  法释〔2020〕17号 art. 4(2) likewise (「应当追加借款人为共同被告」, jusspace.com): the court
  may join the debtor whatever the exception;

- 法释〔2020〕28号 art. 26(1) reads without exception: 「债权人未就主合同纠纷提起诉讼或者
  申请仲裁，仅起诉一般保证人的，人民法院应当驳回起诉」 (as quoted on fx361.cc). For item
  (二) art. 23(1) of the same interpretation supports the suit against the guarantor once
  the claim is declared in the debtor's bankruptcy (「债权人在破产程序中申报债权后又向人民
  法院提起诉讼，请求担保人承担担保责任的，人民法院依法予以支持」, as quoted on 163.com); for
  items (一), (三) and (四) no text was found that lifts art. 26(1), and courts are reported
  to ask the creditor to join the debtor first (fx361.cc, 2023);
- 民法典 art. 693(1): a general guarantor is freed unless the creditor sued the debtor (or
  applied for arbitration) within the 保证期间; whether suing the guarantor alone under an
  exception keeps it was not found settled, so where no suit against the debtor is
  recorded (``debtor_sued_on``) that too is warned of.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from docgen.documents.problems import Assessment
from docgen.domain.fields import CaseModel, Text

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint
    from docgen.documents.complaint_parts import SuedGuarantee

Ground = Literal["debtor_missing", "bankruptcy", "insufficient_property", "waived"]

GROUND_LABELS: dict[str, str] = {
    "debtor_missing": "（一）债务人下落不明，且无财产可供执行",
    "bankruptcy": "（二）人民法院已经受理债务人破产案件",
    "insufficient_property": "（三）债权人有证据证明债务人的财产不足以履行全部债务或者丧失履行"
    "债务能力",
    "waived": "（四）保证人书面表示放弃先诉抗辩权",
}
ITEMS: dict[str, str] = {
    "debtor_missing": "第（一）项",
    "bankruptcy": "第（二）项",
    "insufficient_property": "第（三）项",
    "waived": "第（四）项",
}
GENERAL_DEFENCE_ARTICLE = "《中华人民共和国民法典》第六百八十七条第二款"
GUARANTEE_RULES = "《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》"
CIVIL_PROCEDURE_RULES = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"


class BeneficiumException(CaseModel):
    """Why the general guarantor may not refuse until enforcement against the debtor has
    failed: the item of 民法典 art. 687(2) and the facts and evidence showing it."""

    ground: Ground = Field(
        title="除外情形",
        description="民法典第六百八十七条第二款所列一般保证人不得行使先诉抗辩权的情形",
        json_schema_extra={"enum_titles": list(GROUND_LABELS.values())},
    )
    evidence: Text = Field(
        title="事实及证据",
        description="写明该情形的事实及证明它的证据，起诉状照录，如 《保证合同》第五条约定保证人"
        "放弃先诉抗辩权；北京市东城区人民法院（2026）京0101破申12号民事裁定受理案外人"
        "某公司破产清算申请，原告已申报债权",
    )

    def told(self, name: str, debtor: str) -> str:
        """「被告李秀英已书面表示放弃先诉抗辩权（《保证合同》第五条…）」: the item as a fact
        of this case with its evidence, no stop after it."""
        told = {
            "debtor_missing": f"{debtor}下落不明，且无财产可供执行",
            "bankruptcy": f"人民法院已经受理{debtor}破产案件",
            "insufficient_property": f"原告有证据证明{debtor}的财产不足以履行全部债务或者丧失"
            "履行债务能力",
            "waived": f"被告{name}已书面表示放弃先诉抗辩权",
        }[self.ground]
        return f"{told}（{self.evidence.strip().rstrip('。')}）"

    def fact(self, name: str, debtor: str) -> str:
        """「被告李秀英已书面表示放弃先诉抗辩权（《保证合同》第五条…）。依照…第六百八十七条
        第二款第（四）项，…」: the item as a fact of this case, its evidence, the article
        and what follows; ``debtor`` as the complaint names the debtor (「案外人张伟」)."""
        return (
            f"{self.told(name, debtor)}。依照{GENERAL_DEFENCE_ARTICLE}"
            f"{ITEMS[self.ground]}，被告{name}作为一般保证人，不得以主合同纠纷未经审判或者仲裁、"
            f"未就{debtor}的财产依法强制执行为由拒绝承担保证责任，原告有权请求被告{name}在其"
            "保证范围内承担保证责任。"
        )

    def joint_suit_fact(self, name: str, debtor: str, stop: bool = True) -> str:
        """The general guarantor sued together with the debtor (``debtor``: 「被告张伟」)
        under this exception: the item with its evidence, then 民法典 art. 687(2) with its
        item (the defence cannot be raised), then 担保制度解释 art. 26(2) (its limit to
        what enforcement leaves unpaid does not apply). ``stop``: one paragraph of 事实与理由
        ending 「。」; else one sentence, 「；」 for its inner stop and none at its end, as the
        element forms' 「其他需要说明的内容」 list it."""
        first, then = ("。", "。") if stop else ("，", "；")
        text = (
            f"{self.told(name, debtor)}{first}依照{GENERAL_DEFENCE_ARTICLE}{ITEMS[self.ground]}，"
            f"被告{name}作为一般保证人，不得以未就{debtor}的财产依法强制执行为由拒绝承担保证责任"
            f"{then}原告一并起诉{debtor}与被告{name}，依照{GUARANTEE_RULES}第二十六条第二款，"
            f"被告{name}的保证责任不限于{debtor}的财产依法强制执行后仍不能履行的部分，原告有权"
            f"请求被告{name}在其保证范围内承担保证责任"
        )
        return text + ("。" if stop else "")

    def doubts(self, name: str, debtor_sued: bool) -> str:
        """What the texts leave open of suing this guarantor alone (the module's notes), as
        one warning."""
        parts = [
            "保证合同约定为一般保证，债权人仅起诉保证人的，人民法院应当通知被保证人作为共同被告"
            f"参加诉讼（{CIVIL_PROCEDURE_RULES}第六十六条）"
        ]
        if self.ground != "bankruptcy":
            parts.append(
                f"{GUARANTEE_RULES}第二十六条第一款规定，债权人未就主合同纠纷提起诉讼或者申请"
                "仲裁，仅起诉一般保证人的，人民法院应当驳回起诉，该款未列除外情形"
            )
        if not debtor_sued:
            parts.append(
                "一般保证的债权人未在保证期间对债务人提起诉讼或者申请仲裁的，保证人不再承担"
                f"保证责任（《中华人民共和国民法典》第六百九十三条第一款），被告{name}可能据此抗辩"
            )
        return f"以{GROUND_LABELS[self.ground][3:]}为由单独起诉一般保证人{name}：" + "；".join(
            parts
        )


def direct_exception(guarantee: SuedGuarantee | None) -> BeneficiumException | None:
    """The exception of 民法典 art. 687(2) that lets a general guarantor sued together
    with the debtor be claimed against without the limit of 担保制度解释 art. 26(2)
    (:meth:`BeneficiumException.joint_suit_fact`): given of a general guarantee, with no
    enforcement ruling beside it (refused: :func:`check_beneficium_exceptions`)."""
    if guarantee is None or guarantee.resolved_type != "general" or guarantee.enforcement_ruling:
        return None
    return guarantee.beneficium_exception


def answers_at_once(guarantee: SuedGuarantee | None) -> bool:
    """A sued guarantor claimed against for the debt itself, not for what enforcement
    against the debtor leaves unpaid: a joint one (民法典 art. 688(2)), or a general one
    under an exception of art. 687(2) (:func:`direct_exception`)."""
    if guarantee is None:
        return False
    return guarantee.resolved_type == "joint" or direct_exception(guarantee) is not None


def check_beneficium_exceptions(
    result: Assessment, case: CivilComplaint, debtor_sued: bool
) -> None:
    """An exception of art. 687(2) is given only of a general guarantor not already sued
    after enforcement failed: a joint guarantor has no 先诉抗辩权 (art. 688(2)); beside the
    enforcement ruling the defence has ended already (with the debtor sued the ruling
    itself is refused: ``enforcement_ruling_unused``). Sued with the debtor, the complaint
    claims from the guarantor the debt without the limit of 担保制度解释 art. 26(2); sued
    alone, what the texts leave open is warned of (the module's notes)."""
    for i, defendant in enumerate(case.defendants):
        guarantee = defendant.guarantee
        exception = guarantee.beneficium_exception if guarantee is not None else None
        if guarantee is None or exception is None:
            continue
        loc = ("defendants", i, "guarantee", "beneficium_exception")
        name = defendant.party.name
        if guarantee.resolved_type == "joint":
            result.error(
                loc,
                "beneficium_exception_unused",
                f"被告{name}是连带责任保证人，没有先诉抗辩权（《中华人民共和国民法典》第六百八十八条"
                "第二款），不填写先诉抗辩权的除外情形",
            )
        elif debtor_sued:
            continue  # 担保制度解释 art. 26(2): claimed without the limit
        elif guarantee.enforcement_ruling:
            result.error(
                loc,
                "exception_and_enforcement_ruling",
                "已填写对债务人终结本次执行程序的裁定的，先诉抗辩权已因强制执行不能而消灭，"
                f"不再填写除外情形（{GENERAL_DEFENCE_ARTICLE}）；请只填其一",
            )
        else:
            doubt = exception.doubts(name, guarantee.debtor_sued_on is not None)
            result.warn(
                loc,
                "general_guarantor_alone_doubt",
                doubt,
                hint="将债务人一并列为被告的，起诉状写明该情形，请求一般保证人承担保证责任"
                f"（{GUARANTEE_RULES}第二十六条第二款），上述提醒不再适用",
            )
