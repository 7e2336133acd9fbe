"""An agreement signed when the debt's limitation period may have run (债务确认书,
分期还款协议): what it must say so that the debtor, and a guarantor, cannot plead it.

- Before the period ends, the debtor's agreement to perform interrupts it (民法典 art.
  195(2)); a repayment plan, partial payment or the like is such an agreement
  (诉讼时效规定, 法释〔2008〕11号 as revised 2020: art. 16 of the 2008 text, art. 14 after
  the revision).
- After it ends, the debtor who agrees to perform may no longer plead it (民法典 art.
  192(2)); 诉讼时效规定 art. 19 asks for a declaration of agreeing to perform, and a signature
  under a demand counts only where it shows that agreement; the Supreme People's Court
  has required that declaration of a debt re-confirmed after the period ran ((2020)
  最高法民申6202号). So the confirmation says that the debtor agrees to pay, and an
  agreement signed after the period may have run says that the debtor knows it and still
  agrees to pay and to plead no time bar (a waiver made in advance, before the period
  ends, would be void, art. 197(2): the words are printed only afterwards).
- A guarantor may plead the debtor's defences even where the debtor waived them (民法典
  art. 701), unless it guaranteed knowing the period had run (担保制度解释, 法释〔2020〕28号,
  art. 35): the guarantee clause then says that the guarantor knows.

Whether the period may have run is computed from the contract's due date and the
interruptions the user gives (the same computation as the letters'), on the day of
signing; the user is warned, so that a period kept alive by demands the case does not
state is entered instead of printing the clause.

- Paying part of the debt, interest included, is the debtor agreeing to perform: made
  after the due date and before the period ends, it interrupts the period (民法典 art.
  195(2); 诉讼时效规定 art. 14), which runs again from the payment. The payments the case
  records as interruptions (``partial_payment``) are counted. Where the confirmed amounts
  claim interest only from a day later than the day after the due date (the earlier
  interest paid or not claimed: 「2025年1月10日前的利息乙方已付清」) and no payment is
  recorded, the case does not say when that interest was paid: the warning says so, since
  a payment within the period would mean the clauses should not be printed.
"""

from __future__ import annotations

from datetime import date, timedelta

from docgen.documents.parts import ContractBasis, DebtAmounts, InterruptionInput, limitation_of
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn

CIVIL_CODE = "《中华人民共和国民法典》"
LIMITATION_RULES = "《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》"
GUARANTEE_RULES = "《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》"


def check_time_bar(
    result: Assessment,
    origin: ContractBasis,
    interruptions: list[InterruptionInput],
    signed: date,
    document: str,
    guarantor: bool = False,
) -> bool:
    """True when the period may have run by ``signed``; then a warning at
    ``origin.due_date`` names the day it ended and what ``document`` says about it."""
    status = limitation_of(origin.due_date, interruptions, signed)
    if status.status != "expired":
        return False
    since = "最后一次中断事由" if status.effective_events else "应付款日期"
    guarantee = (
        f"；丙方知悉后仍提供保证的，不得以诉讼时效期间届满为由拒绝承担保证责任（{GUARANTEE_RULES}"
        "第三十五条），本协议的保证条款已写明丙方知悉"
        if guarantor
        else ""
    )
    result.warn(
        ("origin", "due_date"),
        "limitation_may_have_expired",
        f"自{since}（{format_cn(status.started_from)}）起算的三年诉讼时效期间可能已于"
        f"{format_cn(status.expires)}届满。届满后乙方同意履行的，不得再以诉讼时效期间届满为由"
        f"抗辩（{CIVIL_CODE}第一百九十二条第二款；{LIMITATION_RULES}第十九条），{document}已写明"
        f"乙方知悉并仍同意清偿、放弃时效抗辩{guarantee}",
        hint="时效曾因催收送达、还款或确认债务而中断的，请在「此前的时效中断事由」中填写；"
        "时效未届满的，不印出上述条款",
    )
    return True


def check_payment_day(
    result: Assessment,
    origin: ContractBasis,
    interruptions: list[InterruptionInput],
    signed: date,
    debt: DebtAmounts,
    document: str,
) -> None:
    """Where the period may have run by ``signed`` and no payment is recorded, a warning
    at ``prior_interruptions`` if ``debt`` claims interest from a later day than the day
    after the due date: the interest before it was paid or is not claimed, on a day the
    case does not give (module docstring)."""
    status = limitation_of(origin.due_date, interruptions, signed)
    if status.status != "expired" or any(e.kind == "partial_payment" for e in interruptions):
        return
    due, expires = origin.due_date, status.expires
    later = [
        c
        for c in debt.components
        if c.kind == "interest" and c.calculation and c.calculation.start > due + timedelta(1)
    ]
    if not later:
        return
    first = min(later, key=lambda c: c.calculation.start if c.calculation else due)
    start = first.calculation.start if first.calculation else due
    note = f"（{first.note}）" if first.note else ""
    result.warn(
        ("prior_interruptions",),
        "limitation_payment_undated",
        f"欠款明细中的{first.display_label}自{format_cn(start)}起计算{note}，此前的利息未列入，"
        f"案件数据未载明乙方是否、何时支付过该利息。乙方在应付款日期（{format_cn(due)}）之后、"
        f"{format_cn(expires)}之前支付利息的，属于义务人同意履行义务，诉讼时效中断并自还款之日起"
        f"重新计算（{CIVIL_CODE}第一百九十五条第二项），{document}所写「诉讼时效期间可能已经届满」"
        "与事实不符",
        hint="乙方付过利息的，请在「此前的时效中断事由」中填写「部分履行（还款）」及还款日期；"
        "在时效期间内还款的，不再印出时效届满的条款",
    )


def debtor_waiver(how: str = "") -> str:
    """The debtor knows the period may have run and still agrees to pay (``how``: e.g.
    按本协议), pleading no time bar (民法典 art. 192(2))."""
    return (
        f"乙方知悉上述债务的诉讼时效期间可能已经届满，仍同意{how}向甲方清偿上述债务，"
        "并放弃以诉讼时效期间届满为由提出的抗辩。"
    )


GUARANTOR_KNOWS = "丙方知悉乙方上述债务的诉讼时效期间可能已经届满，仍自愿提供本保证。"
"""The guarantor guarantees knowing the period may have run (法释〔2020〕28号 art. 35)."""
