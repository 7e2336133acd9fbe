"""The kinds of evidence a complaint's facts are looked for by, and the words that name
each: one table (:data:`EVIDENCE_KINDS`), read by complaint_evidence_rules.

An evidence item is read as one text (its name, source and purpose; a witness's testimony).
A kind is named in it by one of its words, after the longer names of another kind that
contain such a word are masked (``unless``: 「保证合同」 holds 「合同」 but is no loan
contract, 「担保函」 holds 「函」 but is no demand), and unless the item is about another
matter altogether (``not_with``: a 律师费 transfer slip shows a fee paid, not the loan paid
out; a letter's 签收记录 shows the letter received, not the goods). The words are those
evidence lists use in practice: a loan contract, or the IOU or receipt that stands for it
(借条、借据、欠条、收据: 法释〔2020〕17号 art. 2); a transfer shown by 转账凭证, 银行流水,
交易明细, 回单; a demand made by letter, 短信, 微信聊天记录, 邮件 or a call's 录音.
"""

from __future__ import annotations

from dataclasses import dataclass

MASK = "〇"


@dataclass(frozen=True)
class EvidenceKind:
    """The words that name a kind of evidence, and what keeps them from naming it."""

    words: tuple[str, ...]
    unless: tuple[str, ...] = ()
    """Longer names that hold one of ``words`` but name another kind: masked first."""
    not_with: tuple[str, ...] = ()
    """An item naming one of these is evidence of another matter, whatever else it says."""

    def named_in(self, item: str) -> bool:
        if any(w in item for w in self.not_with):
            return False
        for longer in self.unless:
            item = item.replace(longer, MASK)
        return any(w in item for w in self.words)

    def also(self, *words: str) -> EvidenceKind:
        """The same kind, also named by ``words`` (a contract's own name, a cost's)."""
        return EvidenceKind((*words, *self.words), self.unless, self.not_with)


SECURITY_CONTRACTS = ("保证合同", "担保合同", "抵押合同", "质押合同", "保证书", "担保书")
GUARANTEE_LETTERS = ("担保函", "保证函", "担保承诺书", "保证承诺书", "承诺函")
ENGAGEMENTS = ("委托代理合同", "代理合同", "委托合同", "法律服务合同", "保险合同")
COSTS = ("律师费", "保全费", "诉讼费", "公证费", "鉴定费", "评估费", "保险费", "担保费", "保函")
LETTERS = ("函", "通知书", "EMS", "邮政")

EVIDENCE_KINDS: dict[str, EvidenceKind] = {
    # the contract the debt arises from, or the IOU or receipt that stands for it
    "contract": EvidenceKind(
        ("合同", "合约", "协议", "借条", "借据", "欠条", "收据", "确认书", "确认函", "承诺书"),
        unless=(*SECURITY_CONTRACTS, *GUARANTEE_LETTERS, *ENGAGEMENTS),
    ),
    # the lender paid the loan out (民法典 art. 679): a transfer, a receipt, cash witnessed
    "loan_paid": EvidenceKind(
        (
            "转账",
            "转款",
            "汇款",
            "打款",
            "放款",
            "流水",
            "交易明细",
            "交易记录",
            "回单",
            "到账",
            "入账",
            "收条",
            "收据",
            "借据",
            "付款凭证",
            "支付凭证",
            "交付借款",
            "借款交付",
            "交付现金",
            "现金交付",
            "实际出借",
        ),
        not_with=COSTS,
    ),
    # the seller delivered the goods (民法典 arts. 598, 626)
    "goods": EvidenceKind(
        (
            "送货",
            "交货",
            "发货",
            "收货",
            "签收",
            "验收",
            "提货",
            "入库",
            "出库",
            "物流",
            "运单",
            "快递",
            "对账",
            "交付货物",
            "货物交付",
            "交付标的物",
        ),
        not_with=LETTERS,
    ),
    # what the cardholder drew and owes
    "card": EvidenceKind(("账单", "交易明细", "对账", "流水", "消费明细", "透支明细", "欠款明细")),
    # the guarantee: a contract, a clause of the main one, or a written guarantee (art. 685)
    "guarantee": EvidenceKind(
        (
            "保证合同",
            "保证书",
            "保证条款",
            "保证函",
            "担保函",
            "担保书",
            "担保合同",
            "担保条款",
            "担保承诺",
            "保证人",
            "连带责任保证",
            "一般保证",
            "最高额保证",
            "提供保证",
            "提供担保",
            "保证担保",
        ),
        unless=("抵押担保", "质押担保"),
    ),
    "mortgage": EvidenceKind(("抵押", "他项", "不动产登记", "登记证明")),
    "pledge": EvidenceKind(("质押", "出质", "质权", "质物")),
    # a term agreed is not a term invoked: the acceleration with the notice that declared it
    "acceleration": EvidenceKind(
        ("提前到期", "加速到期", "提前收回", "提前收贷", "提前还款", "宣布到期", "全部到期")
    ),
    "notice": EvidenceKind(("通知", "宣布", "告知", "函", "送达", "公告")),
    # a demand on a guarantor (art. 693(2)), with the guarantor's name; a written guarantee
    # (担保函) or the guarantee contract is no demand
    "demand": EvidenceKind(
        (
            "催",
            "通知",
            "函",
            "请求",
            "要求",
            "主张",
            "送达",
            "追讨",
            "追索",
            "索要",
            "讨要",
            "聊天记录",
            "短信",
            "邮件",
            "录音",
        ),
        unless=(*SECURITY_CONTRACTS, *GUARANTEE_LETTERS),
    ),
    # a cost agreed is not a cost paid: the item also shows the payment
    "paid": EvidenceKind(
        (
            "发票",
            "票据",
            "收据",
            "付款",
            "支付",
            "缴纳",
            "交纳",
            "转账",
            "转款",
            "汇款",
            "回单",
            "流水",
        )
    ),
    # the debtor's agreement to bear the lawyer's fee, as an evidence item names it
    "fee_agreed": EvidenceKind(("约定", "负担", "承担", "条款")),
    # the engagement with the law firm, which agrees the fee with the firm, not the debtor
    "engagement": EvidenceKind(("代理合同", "委托合同", "委托代理", "律师事务所")),
}
"""Each kind of evidence a complaint's facts are looked for by, with its words."""
