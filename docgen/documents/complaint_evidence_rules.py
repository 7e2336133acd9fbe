"""The civil complaint's evidence against its claims: a fact the complaint relies on that no
listed evidence speaks to is a claim the court may not support.

当事人对自己提出的主张，有责任提供证据 (民事诉讼法 art. 67(1)); a party bears the
consequence of proof that is missing or insufficient at judgment (民诉法解释 art. 90), and
who claims a legal relation proves the facts that create it (art. 91). The complaint lists
its evidence (``evidence``, with the witnesses' testimony); each fact below is looked for
in the words of that list, its names, sources and purposes. The list may prove a fact
under another name, so a fact found nowhere is a warning, never an error: the user is told
what is missing and may name it in the evidence that proves it.

- The contract, or the IOU or receipt (借据、收据、欠条 are the 债权凭证 a lender files with,
  民间借贷规定 法释〔2020〕17号 art. 2).
- The loan paid out (the lender's delivery: a natural persons' loan exists only from it,
  民法典 art. 679), the goods delivered (the seller's claim to the price, arts. 598, 626),
  a card's statements (what was drawn).
- Each guarantor's guarantee (a written contract or a clause of the main one, 民法典
  art. 685), and a mortgage or pledge (written contracts, arts. 400, 427).
- The acceleration declared (a notice takes effect on reaching the debtor, art. 137).
- A joint guarantor's demand within the guarantee period that the complaint states
  (``guarantee.claimed_on``): without it the guarantor is freed when the period ends
  (民法典 art. 693(2)), so the demand and its delivery are proved like the guarantee.
- Each cost of enforcing the claim claimed (律师费, 保全费 …): paid, not merely agreed.

The words each kind of evidence is named by, and the names that are of another kind, are
one table: complaint_evidence_kinds.EVIDENCE_KINDS.

Two rules on what the claims print beside the evidence:

- A lawyer's fee (律师费) is recovered when the debtor agreed to bear it: courts support
  it where the contract puts it on the party in breach and it was actually and reasonably
  paid, and mostly refuse it without such a clause (practice; e.g. 綦江法院 and the cases
  collected on hzjlaw.com, searched 2026-12; the SPC allowed it once as a loss without a
  clause, (2018)最高法民终1214号). For private lending, 法释〔2020〕17号 art. 29 lets the
  lender claim the 「其他费用」 agreed (约定了…其他费用) with overdue interest and 违约金,
  within the cap. So a 律师费 claimed needs its agreement, stated (``cost_clause``) or
  named in the evidence (律师费 with 约定/负担/承担/条款, never in the engagement with
  the law firm alone), besides its payment: a warning where it has none.
- A claim's note (「已实际支付，见律师费发票」) may not cite evidence the list does not
  hold: a citation (见/详见/参见 …) naming no listed item is left out of the print, and
  the user is told.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.documents.combined_cap import ENFORCEMENT_COST_WORDS, is_enforcement_cost
from docgen.documents.complaint_evidence_kinds import EVIDENCE_KINDS, EvidenceKind
from docgen.documents.problems import Assessment
from docgen.domain.cap_rates import INTERPRETATION
from docgen.domain.dates import format_cn

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

BURDEN = "《中华人民共和国民事诉讼法》第六十七条第一款、民诉法解释第九十条"

COST_PROOF = {"律师": ("代理合同", "委托合同"), "保全": ("保险", "保函")}
"""The engagement or policy that, with its payment, shows a cost paid."""
FEE_PRACTICE = (
    "律师费不是违约必然发生的费用，人民法院通常在合同约定由违约方负担、且已实际支付并属合理时"
    "予以支持，合同未约定的，多不予支持（裁判观点不一）；民间借贷中，约定的「其他费用」可与逾期"
    f"利息、违约金一并主张（{INTERPRETATION}第二十九条）"
)
# 「见律师费发票」, 「详见证据3」: a citation in a claim's note, after a separator or at its start
SEPARATORS = re.compile(r"([，,；;])")
CITATION = re.compile(r"^\s*(?:另|并|可)?(?:详见|参见|见)(.+)$")
BRACKETED = re.compile(r"[（(]\s*(?:详见|参见|见)([^（）()]+)[）)]")


@dataclass(frozen=True)
class _Fact:
    """A fact the complaint relies on, the kind of evidence that shows it, and what to add."""

    fact: str
    kind: EvidenceKind
    example: str
    also: EvidenceKind | None = None  # the same item must also show this (a payment …)

    def shown_by(self, item: str) -> bool:
        return self.kind.named_in(item) and (self.also is None or self.also.named_in(item))


def _facts(case: CivilComplaint) -> Iterator[_Fact]:
    kinds = EVIDENCE_KINDS
    contract = case.contract.name.strip("《》")
    yield _Fact(f"《{contract}》", kinds["contract"].also(contract), f"《{contract}》或借据、欠条")
    if case.loan is not None and case.card is None:
        yield _Fact("原告已实际出借款项", kinds["loan_paid"], "银行转账凭证、收条")
    if case.sale is not None:
        yield _Fact("原告已交付货物", kinds["goods"], "送货单、签收单、验收单")
    if case.card is not None:
        yield _Fact("被告透支用卡及欠款数额", kinds["card"], "信用卡账单及交易明细")
    for defendant in case.defendants:
        if defendant.role == "guarantor":
            name = defendant.party.name
            yield _Fact(f"被告{name}提供保证", kinds["guarantee"], "保证合同或载有保证条款的合同")
            guarantee = defendant.guarantee
            if guarantee and guarantee.resolved_type == "joint" and guarantee.claimed_on:
                yield _Fact(
                    f"原告于{format_cn(guarantee.claimed_on)}请求被告{name}承担保证责任",
                    EvidenceKind((name,)),
                    f"致被告{name}的催告函及送达凭证",
                    kinds["demand"],
                )
    for facts in (case.loan, case.sale, case.card):
        collateral = facts.collateral if facts is not None else None
        if collateral is not None:
            label = "抵押" if collateral.kind == "mortgage" else "质押"
            yield _Fact(
                f"{label}（{collateral.property.rstrip('。')}）",
                kinds[collateral.kind],
                f"{label}合同及{'抵押登记证明' if label == '抵押' else '出质凭证'}",
            )
    if case.acceleration is not None:
        yield _Fact(
            "已宣布借款提前到期", kinds["acceleration"], "提前到期通知书及送达凭证", kinds["notice"]
        )
    for component in case.amounts.components:
        if is_enforcement_cost(component):
            label = component.display_label
            named = tuple(w for w in ENFORCEMENT_COST_WORDS if w in label)
            engaged = tuple(p for w in named for p in COST_PROOF.get(w, ()))
            yield _Fact(
                f"原告已支付{label}",
                EvidenceKind((*named, *engaged)),
                f"{label}的合同、发票及付款凭证",
                kinds["paid"],
            )


def _listed(case: CivilComplaint) -> list[str]:
    items = [f"{e.name} {e.source} {e.purpose}" for e in case.evidence]
    return items + [w.testimony for w in case.witnesses]


def check_evidence_covers_claims(result: Assessment, case: CivilComplaint) -> None:
    """Warn, once for all, of each relied-on fact no listed evidence speaks to."""
    listed = _listed(case)
    missing = [f for f in _facts(case) if not any(f.shown_by(item) for item in listed)]
    if not missing:
        return
    facts = "；".join(f.fact for f in missing)
    examples = "、".join(f.example for f in missing)
    result.warn(
        ("evidence",),
        "evidence_not_listed",
        f"起诉状主张的以下事实在证据清单中没有相应证据：{facts}。当事人对自己提出的主张，"
        f"有责任提供证据，证据不足的由其承担不利后果（{BURDEN}）",
        hint=f"请在「证据」中列明{examples}；已由其他证据一并证明的，请在该证据的名称或"
        "证明目的中写明",
    )


def _agreed_in_evidence(case: CivilComplaint) -> str | None:
    """The evidence item that names the lawyer's fee as agreed (律师费负担的约定), other than
    the engagement with the law firm, as the complaint numbers it (「证据清单第1项「借款合同」」),
    or the witness whose testimony names it; None if none does."""
    agreed, engagement = EVIDENCE_KINDS["fee_agreed"], EVIDENCE_KINDS["engagement"]

    def claims(item: str) -> bool:
        return "律师费" in item and agreed.named_in(item) and not engagement.named_in(item)

    for k, e in enumerate(case.evidence, start=1):
        if claims(f"{e.name} {e.source} {e.purpose}"):
            return f"证据清单第{k}项「{e.name}」（证明目的：{e.purpose.rstrip('。')}）"
    for w in case.witnesses:
        if claims(w.testimony):
            return f"证人{w.name}的证明内容"
    return None


def check_fee_agreed(result: Assessment, case: CivilComplaint) -> None:
    """Warn at ``cost_clause`` of each 律师费 claimed without the clause that puts it on
    the debtor: the facts then state only the payment, never an agreement. An evidence
    purpose naming 律师费负担的约定 is told apart, and named: the complaint then says the
    agreement exists (in that item) but does not state it. Still a warning, not an error:
    the clause is what the facts lack, and courts are split on a lawyer's fee claimed
    without one (FEE_PRACTICE), so the claim is not refused for it."""
    if case.cost_clause:
        return
    in_evidence = _agreed_in_evidence(case)  # the item that says the agreement exists
    for component in case.amounts.components:
        if not (is_enforcement_cost(component) and "律师" in component.display_label):
            continue
        label = component.display_label
        if in_evidence:
            result.warn(
                ("cost_clause",),
                "lawyer_fee_clause_missing",
                f"主张{label}，{in_evidence}载明律师费负担的约定，但起诉状未写明该约定的合同"
                "条款：事实与理由只能写明原告支付了律师费，不能写明被告同意负担，与该证据所要"
                f"证明的约定不相一致（{FEE_PRACTICE}）",
                hint="请在「律师费等实现债权费用的约定」中写明条款，如 《借款合同》第十一条约定"
                "借款人承担出借人为实现债权支付的律师费；起诉状将在事实与理由中写明",
            )
        else:
            result.warn(
                ("cost_clause",),
                "lawyer_fee_not_agreed",
                f"主张{label}，但未写明由被告负担律师费的约定：{FEE_PRACTICE}",
                hint="合同约定了律师费由违约方负担的，请在「律师费等实现债权费用的约定」中写明"
                "条款，起诉状将在事实与理由中写明",
            )
        return  # one warning on the one field


def _cited_listed(cited: str, case: CivilComplaint) -> bool:
    """Whether the evidence a note cites (「律师费发票」, 「证据3」) is in the list."""
    cited = cited.strip().rstrip("。）)")
    number = re.fullmatch(r"证据\s*(\d+)", cited)
    if number is not None:
        return 1 <= int(number[1]) <= len(case.evidence)
    return any(cited in item for item in _listed(case)) or any(
        e.name in cited for e in case.evidence
    )


def _split_note(note: str, case: CivilComplaint) -> tuple[str, list[str]]:
    """The note without its citations of unlisted evidence, and those citations: a
    bracketed one (「…（见律师费发票）」) or a clause of its own (「…，见律师费发票」)."""
    unlisted: list[str] = []

    def bracketed(match: re.Match[str]) -> str:
        if _cited_listed(match[1], case):
            return match[0]
        unlisted.append(match[1].strip())
        return ""

    parts = SEPARATORS.split(BRACKETED.sub(bracketed, note))
    kept: list[str] = []
    for k in range(0, len(parts), 2):
        segment = parts[k]
        cited = CITATION.match(segment)
        if cited is not None and not _cited_listed(cited[1], case):
            unlisted.append(cited[1].strip())
            continue
        if kept and k > 0:
            kept.append(parts[k - 1])
        kept.append(segment)
    return "".join(kept).strip("，,；; "), unlisted


def printed_note(note: str | None, case: CivilComplaint) -> str | None:
    """A claim's note as printed: without a citation of evidence not listed."""
    if not note:
        return None
    return _split_note(note, case)[0] or None


def check_note_citations(result: Assessment, case: CivilComplaint) -> None:
    """Warn of each claim's note that cites evidence not in the list (left unprinted)."""
    for i, component in enumerate(case.amounts.components):
        if not component.note:
            continue
        kept, unlisted = _split_note(component.note, case)
        if not unlisted:
            continue
        cited = "、".join(f"「{c}」" for c in unlisted)
        result.warn(
            ("amounts", "components", i, "note"),
            "note_cites_unlisted_evidence",
            f"「{component.display_label}」的说明「{component.note}」所引用的{cited}不在证据清单中："
            "起诉状不能援引未提交的证据，已删去该引用" + (f"，只写明「{kept}」" if kept else ""),
            hint=f"请在「证据」中列明{cited}，或修改该项说明",
        )


def check_claims_evidence(result: Assessment, case: CivilComplaint) -> None:
    """The evidence rules of the complaint: each fact relied on proved, each 律师费 agreed,
    no note citing evidence not listed."""
    check_evidence_covers_claims(result, case)
    check_fee_agreed(result, case)
    check_note_citations(result, case)
