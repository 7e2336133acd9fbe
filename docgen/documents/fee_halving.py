"""The acceptance fee a suit pays when it ends by withdrawal or mediation: half
(诉讼费用交纳办法 art. 15), computed by the fee code (``docgen.domain.court_fees``) from
the claim when the fee paid is the fee the claim costs (rounded to the fen or to the
yuan, as the court charged it), else from the amount paid, rounded half up to the fen. A
case heard under the summary procedure paid half already (art. 16): the halvings are not
cumulative, so the fee stays what was paid and nothing is refunded (the operator is told
to confirm with the court). The withdrawal application asks for the refund; the
settlement agreement says who bears the fee kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from docgen.documents.problems import Assessment, Loc
from docgen.domain.court_fees import Rounding, acceptance_fee, halved_refund
from docgen.domain.money import format_yuan, legal_amount, to_fen

HearingProcedure = Literal["ordinary", "summary"]
Ending = Literal["withdrawal", "mediation"]


@dataclass(frozen=True)
class Refund:
    """The fee after the halving, the refund asked for and how they were computed;
    ``claim`` the claim the halved fee was computed on (None: halved as paid)."""

    due: Decimal
    refund: Decimal
    basis: str
    claim: Decimal | None = None


@dataclass(frozen=True)
class PrepaidFee:
    """What was paid, on which claim (None: not known), under which procedure."""

    paid: Decimal
    claim: Decimal | None
    procedure: HearingProcedure


def halved_fee(result: Assessment, fee: PrepaidFee, ending: Ending, at: Loc) -> Refund:
    """The fee kept after ``ending`` and the refund; warnings at ``at`` + the fee's field
    (``paid``, ``procedure``)."""
    paid = to_fen(fee.paid)
    rounding = _rounding_charged(fee)
    if fee.claim is not None and rounding is None:
        expected = acceptance_fee(fee.claim, procedure=fee.procedure)
        result.warn(
            (*at, "paid"),
            "fee_differs",
            f"已预交的受理费（人民币{format_yuan(paid)}元）与按诉讼请求金额计算的受理费"
            f"（人民币{format_yuan(expected.fee)}元）不符；减半按实际预交金额计算，请核对交费凭证",
        )
    if fee.procedure == "summary":
        # the Measures do not say whether a halved fee is halved again; the fee code
        # halves a case once, so no figure is asked for and the operator is told
        result.warn(
            (*at, "procedure"),
            "summary_halving_unsettled",
            "《诉讼费用交纳办法》未规定适用简易程序的案件撤诉或调解结案时是否再次减半；"
            "本文书按减半一次计算，不列明退费金额，请向受理法院确认",
        )
        return Refund(
            paid,
            Decimal(0),
            f"本案适用简易程序审理，申请人已依《诉讼费用交纳办法》第十六条减半预交案件受理费"
            f"{legal_amount(paid)}；如依法应予退还，请予退还。",
        )
    if rounding is not None and fee.claim is not None:
        halved = acceptance_fee(fee.claim, procedure=ending, rounding=rounding)
        refund = paid - halved.fee
        return Refund(
            halved.fee,
            refund,
            f"{halved.statement}申请人已预交{format_yuan(paid)}元，应退还{format_yuan(refund)}元。",
            halved.amount,
        )
    as_paid = halved_refund(paid, reason=ending)
    return Refund(as_paid.kept, as_paid.refund, as_paid.statement)


def _rounding_charged(fee: PrepaidFee) -> Rounding | None:
    """The rounding by which the court charged the fee of the claim (None: neither)."""
    if fee.claim is None or fee.claim <= 0:
        return None
    roundings: tuple[Rounding, ...] = ("fen", "yuan")
    for rounding in roundings:
        charged = acceptance_fee(fee.claim, procedure=fee.procedure, rounding=rounding)
        if charged.fee == fee.paid:
            return rounding
    return None


__all__ = ["Ending", "HearingProcedure", "PrepaidFee", "Refund", "halved_fee"]
