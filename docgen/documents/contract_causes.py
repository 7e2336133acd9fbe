"""The cause (案由) of a suit over a contract, by the contract's kind.

The SPC's list of causes (《民事案件案由规定》, 法〔2020〕347号) names a loan between
private persons 民间借贷纠纷 and a licensed lender's 金融借款合同纠纷 (both under 借款合同
纠纷), a card issuer's 信用卡纠纷 (under 银行卡纠纷), a sale's 买卖合同纠纷 and a service
contract's 服务合同纠纷. A contract of another kind has no cause docgen can tell: the user
types it. One table for every document that names a cause from a contract (the form's
carry, the settlement agreement).
"""

from __future__ import annotations

CAUSES = {
    "private_lending": "民间借贷纠纷",
    "financial_loan": "金融借款合同纠纷",
    "credit_card": "信用卡纠纷",
    "sale": "买卖合同纠纷",
    "service": "服务合同纠纷",
}


def cause_of(kind: str | None) -> str | None:
    """The cause of a contract of ``kind``, or None when its kind does not tell it."""
    return CAUSES.get(kind or "")


__all__ = ["CAUSES", "cause_of"]
