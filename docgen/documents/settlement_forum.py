"""Where a settlement's disputes go (和解协议 第…条 争议解决).

A settlement that names no court leaves the creditor, suing for the balance on default, to
the statutory courts (the defendant's domicile, the place of performance: 民事诉讼法 arts.
22, 24) and to an argument over which. The parties may agree one in writing (民事诉讼法
art. 35, 2023 text: 合同或者其他财产权益纠纷的当事人可以书面协议选择被告住所地、合同履行地、
合同签订地、原告住所地、标的物所在地等与争议有实际联系的地点的人民法院管辖，但不得违反本法对
级别管辖和专属管辖的规定), and a clause that lets the court be known when suit is brought is
followed (民诉法解释 art. 30(1)). The choices:

- 甲方住所地 / 乙方住所地: the plaintiff's and the defendant's domicile of art. 35, named
  by the party rather than by 「原告」「被告」, so that the clause names one court whoever
  sues and the court is known from the agreement's own party blocks (art. 30(1)). The
  creditor's domicile is also the place of performance of the settlement: its subject is
  money, and the receiving party's place is the place of performance (民诉法解释 art.
  18(2)), so no separate 「履行地」 choice is offered.
- 本协议签订地: the place stated above the signatures (民法典 art. 493), which must be given.
- a named court, checked as the other agreements check theirs
  (``agreement_terms.check_agreed_court``: a real court, of a level that may hear the
  debt at first instance, at a party's domicile or the signing place).
- once a suit is filed, the court that took it: it sits at a connecting point of the same
  debt (the one the complaint chose), the default clause sends the creditor back to that
  suit (continued, or brought again after a withdrawal), and a mediation statement made
  there is enforced by it (民事诉讼法 art. 235(1)).

Not chosen: the suit's court once a suit is filed, else the creditor's domicile — the
court the creditor, who is the one to sue on default, can reach. A court is printed by its
full name, as every paper names it; one the agreement cannot tell is refused, since a
clause naming no determinable court is not followed (``court_names.check_agreement_court``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from docgen.documents.agreement_terms import check_agreed_court
from docgen.documents.court_names import check_agreement_court, court_name_by_number
from docgen.documents.forum_scope import check_forum_scope, dispute_scope, prevails
from docgen.documents.problems import Assessment, Loc
from docgen.domain.disclosure import shown_when
from docgen.domain.fields import CaseModel, Line

if TYPE_CHECKING:
    from docgen.documents.settlement_agreement import SettlementAgreement

FORUM_LABELS = {
    "suit_court": "受理本案的人民法院",
    "creditor_domicile": "甲方住所地人民法院",
    "debtor_domicile": "乙方住所地人民法院",
    "signing_place": "本协议签订地人民法院",
    "court": "指定人民法院",
}
KIND_LOC: Loc = ("jurisdiction", "kind")

Forum = Literal["suit_court", "creditor_domicile", "debtor_domicile", "signing_place", "court"]


class SettlementForum(CaseModel):
    """The court the parties agree for disputes over the settlement."""

    kind: Forum | None = Field(
        default=None,
        title="约定管辖法院",
        description="不选的：已起诉的，由受理本案的人民法院管辖；尚未起诉的，由甲方住所地人民法院"
        "管辖（甲方住所地也是乙方付款的履行地）",
        json_schema_extra={"enum_titles": list(FORUM_LABELS.values())},
    )
    court: Line | None = Field(
        default=None,
        title="人民法院名称",
        description="须为与争议有实际联系的地点的法院，如一方住所地、签订地的基层人民法院",
        json_schema_extra=shown_when("kind", "court"),
    )


def chosen(case: SettlementAgreement) -> Forum:
    """The forum chosen, or the default by the suit's state."""
    if case.jurisdiction.kind is not None:
        return case.jurisdiction.kind
    return "creditor_domicile" if case.outcome.kind == "not_filed" else "suit_court"


def check_forum(result: Assessment, case: SettlementAgreement) -> None:
    """The chosen forum can be named: a suit to take it back to, a signing place, a court
    the parties may agree on (its own errors at ``jurisdiction.court``)."""
    forum, filed = chosen(case), case.outcome.kind != "not_filed"
    contract = case.contract.name if case.contract else None
    check_forum_scope(result, KIND_LOC, forum == "signing_place", contract, "本协议")
    if forum == "suit_court" and not filed:
        result.error(
            KIND_LOC,
            "no_suit",
            "尚未起诉的，没有受理本案的人民法院：请选择甲方住所地、乙方住所地、本协议签订地或"
            "指定的人民法院",
        )
    if forum == "signing_place" and not case.signing_place:
        result.error(
            ("signing_place",), "missing", "约定由本协议签订地人民法院管辖的，请填写签订地点"
        )
    if forum != "court":
        return
    name = case.jurisdiction.court
    if not name:
        result.error(("jurisdiction", "court"), "missing", "请填写约定管辖的人民法院名称")
        return
    parties = [case.creditor, case.debtor, *([case.guarantor] if case.guarantor else [])]
    places = [(f"{p.name}住所地", p.address) for p in parties]
    if case.signing_place:
        places.append(("签订地", case.signing_place))
    before = len(result.errors)
    check_agreed_court(result, name, places, _at_stake(case))
    if len(result.errors) == before:  # an ambiguous place is ``court_unknown`` there
        check_agreement_court(result, name, ("jurisdiction", "court"))


def _at_stake(case: SettlementAgreement) -> Decimal:
    """What a suit on the settlement may claim, for the court's level: the original debt
    when the concession may lapse, else the settled amount."""
    return max(case.amount, case.original_debt or Decimal(0))


def forum_clause(case: SettlementAgreement, parties: str) -> str:
    """The dispute clause: 「因本协议及《借款合同》引起的或与之有关的争议，双方协商不成的，任何
    一方均可向…提起诉讼；《借款合同》约定的争议解决方式与本协议的约定不一致的，以本协议的约定
    为准。」 (``forum_scope``); 「因本协议引起的争议」 where no contract is named or the
    court is the signing place's."""
    forum = chosen(case)
    named = case.contract.name if case.contract else None
    contract = None if forum == "signing_place" else named
    court = {
        "suit_court": court_name_by_number(case.suit.court or "", case.suit.case_number),
        "creditor_domicile": "甲方住所地人民法院",
        "debtor_domicile": "乙方住所地人民法院",
        "signing_place": f"本协议签订地（{case.signing_place}）人民法院",
        "court": court_name_by_number(case.jurisdiction.court or "", None),
    }[forum]
    scope, last = dispute_scope("本协议", contract), prevails("本协议", contract)
    return f"{scope}，{parties}协商不成的，任何一方均可向{court}提起诉讼{last}。"


__all__ = ["FORUM_LABELS", "SettlementForum", "check_forum", "chosen", "forum_clause"]
