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
- Each cost of enforcing the claim claimed (律师费, 保全费 …): paid, not merely agreed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.documents.combined_cap import ENFORCEMENT_COST_WORDS, is_enforcement_cost
from docgen.documents.problems import Assessment

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

BURDEN = "《中华人民共和国民事诉讼法》第六十七条第一款、民诉法解释第九十条"

CONTRACT_WORDS = ("合同", "合约", "协议", "借条", "借据", "欠条", "收据", "确认书", "承诺书")
LOAN_PAID_WORDS = ("转账", "流水", "回单", "汇款", "放款", "借据", "收据", "收条", "交付")
GOODS_WORDS = ("送货", "交货", "发货", "收货", "签收", "验收", "提货", "入库", "物流", "交付")
CARD_WORDS = ("账单", "交易明细", "对账", "流水")
GUARANTEE_WORDS = ("保证", "担保")
SECURITY_WORDS = {
    "mortgage": ("抵押", "他项", "不动产登记", "登记证明"),
    "pledge": ("质押", "出质", "质权", "质物"),
}
ACCELERATION_WORDS = ("提前到期", "加速到期")
# a term agreed is not a term invoked: the item shows the notice that declared it
NOTICE_WORDS = ("通知", "宣布", "告知", "函", "送达")
# a cost agreed is not a cost paid: the item that names the cost, or its engagement or
# policy, also shows the payment
PAID_WORDS = ("发票", "票据", "收据", "付款", "支付", "缴纳", "交纳", "转账")
COST_PROOF = {"律师": ("代理合同", "委托合同"), "保全": ("保险", "保函")}


@dataclass(frozen=True)
class _Fact:
    """A fact the complaint relies on, the words evidence of it would use, and what to add."""

    fact: str
    words: tuple[str, ...]
    example: str
    also: tuple[str, ...] = ()  # the same item must also say one of these (a payment …)

    def shown_by(self, item: str) -> bool:
        named = any(w in item for w in self.words)
        return named and (not self.also or any(w in item for w in self.also))


def _facts(case: CivilComplaint) -> Iterator[_Fact]:
    contract = case.contract.name.strip("《》")
    yield _Fact(f"《{contract}》", (contract, *CONTRACT_WORDS), f"《{contract}》或借据、欠条")
    if case.loan is not None and case.card is None:
        yield _Fact("原告已实际出借款项", LOAN_PAID_WORDS, "银行转账凭证、收条")
    if case.sale is not None:
        yield _Fact("原告已交付货物", GOODS_WORDS, "送货单、签收单、验收单")
    if case.card is not None:
        yield _Fact("被告透支用卡及欠款数额", CARD_WORDS, "信用卡账单及交易明细")
    for defendant in case.defendants:
        if defendant.role == "guarantor":
            name = defendant.party.name
            yield _Fact(f"被告{name}提供保证", GUARANTEE_WORDS, "保证合同或载有保证条款的合同")
    for facts in (case.loan, case.sale, case.card):
        collateral = facts.collateral if facts is not None else None
        if collateral is not None:
            label = "抵押" if collateral.kind == "mortgage" else "质押"
            yield _Fact(
                f"{label}（{collateral.property.rstrip('。')}）",
                SECURITY_WORDS[collateral.kind],
                f"{label}合同及{'抵押登记证明' if label == '抵押' else '出质凭证'}",
            )
    if case.acceleration is not None:
        yield _Fact(
            "已宣布借款提前到期", ACCELERATION_WORDS, "提前到期通知书及送达凭证", NOTICE_WORDS
        )
    for component in case.amounts.components:
        if is_enforcement_cost(component):
            label = component.display_label
            named = tuple(w for w in ENFORCEMENT_COST_WORDS if w in label)
            engaged = tuple(p for w in named for p in COST_PROOF.get(w, ()))
            yield _Fact(
                f"原告已支付{label}",
                (*named, *engaged),
                f"{label}的合同、发票及付款凭证",
                PAID_WORDS,
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
