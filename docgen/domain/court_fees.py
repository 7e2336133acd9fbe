"""Court fees under the 诉讼费用交纳办法 (State Council, 2007; domain brief §4.4).

- Acceptance fee of a property case (案件受理费, art. 13(1)): cumulative bands on the claim
  amount — up to 10,000 yuan a flat 50 yuan, then 2.5%, 2%, 1.5%, 1%, 0.9%, 0.8%, 0.7%,
  0.6% and 0.5% on the parts of the amount within each band.
- Halved for a case heard under the summary procedure (art. 16) and for a case closed by
  mediation or withdrawn (art. 15). The halvings are not cumulative: one case is halved once.
- Preservation fee (申请保全措施, art. 14(2)): 30 yuan up to 1,000, then 1% and 0.5% on the
  parts above, at most 5,000 yuan. The Measures charge it on the property actually
  preserved (根据实际保全的财产数额); an application advances it on the amount applied for,
  the only one known when it is filed. (Art. 14(1) is the enforcement fee.)
- Payment order fee (申请支付令, art. 14(3)): one third of the acceptance fee of a property
  case on the amount claimed, rounded once. The third of the exact sum, rounded, equals
  the third of the acceptance fee as charged (rounded to the same unit), rounded again:
  a whole number of fen (or yuan) divided by three ends in .0, .333… or .666… of the unit,
  never on the half-up boundary, so the half unit the first rounding moved cannot carry
  the third across it (118,249.32 → 2,664.9864, charged 2,664.99; 888.3288 and 888.33 both
  888.33). The printed fee is the court's whichever base it divides; this module divides
  the exact sum (``payment_order_fee``), and tests check the equality.

The Measures say nothing about rounding, and courts differ, so the rule is an explicit
parameter: "fen" rounds half up to 0.01 yuan, "yuan" half up to a whole yuan. Band amounts
are kept exact and the fee is rounded once, at the end. A halved fee (arts. 15, 16: 减半
交纳) is half the fee as charged, rounded half up to the fen (`half_of`), and what is
refunded of a fee paid is the rest: 118,249.32 → 2,664.9864, charged 2,664.99 → half
1,332.495 → 1,332.50 payable, 1,332.49 refunded. The party pays the half fen, as a
court's 「减半收取」 of the fee it charged does; halving the unrounded fee (1,332.4932 →
1,332.49, until 2026-12) refunded it to the party. Every result carries its steps and a
Chinese basis naming the articles and the rounding rule, for the calculation sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from docgen.domain.money import format_yuan, to_fen

Procedure = Literal["ordinary", "summary", "mediation", "withdrawal"]
Rounding = Literal["fen", "yuan"]

_QUANTUM: dict[Rounding, Decimal] = {"fen": Decimal("0.01"), "yuan": Decimal("1")}
_ROUNDING_TEXT: dict[Rounding, str] = {"fen": "四舍五入保留至分", "yuan": "四舍五入保留至元"}
_HALVING_TEXT: dict[Procedure, str] = {
    "ordinary": "",
    "summary": "适用简易程序审理，依第十六条减半交纳",
    "mediation": "以调解方式结案，依第十五条减半交纳",
    "withdrawal": "当事人申请撤诉，依第十五条减半交纳",
}

# (lower, upper, rate): the part of the amount above `lower` and up to `upper` (None: no
# upper limit) is charged at `rate`. Below the first lower bound a flat fee applies.
_Band = tuple[Decimal, Decimal | None, Decimal]

_ACCEPTANCE_FLAT = (Decimal("10000"), Decimal("50"))
_ACCEPTANCE_BANDS: tuple[_Band, ...] = (
    (Decimal("10000"), Decimal("100000"), Decimal("0.025")),
    (Decimal("100000"), Decimal("200000"), Decimal("0.02")),
    (Decimal("200000"), Decimal("500000"), Decimal("0.015")),
    (Decimal("500000"), Decimal("1000000"), Decimal("0.01")),
    (Decimal("1000000"), Decimal("2000000"), Decimal("0.009")),
    (Decimal("2000000"), Decimal("5000000"), Decimal("0.008")),
    (Decimal("5000000"), Decimal("10000000"), Decimal("0.007")),
    (Decimal("10000000"), Decimal("20000000"), Decimal("0.006")),
    (Decimal("20000000"), None, Decimal("0.005")),
)

_PRESERVATION_FLAT = (Decimal("1000"), Decimal("30"))
_PRESERVATION_BANDS: tuple[_Band, ...] = (
    (Decimal("1000"), Decimal("100000"), Decimal("0.01")),
    (Decimal("100000"), None, Decimal("0.005")),
)
PRESERVATION_CAP = Decimal("5000")


@dataclass(frozen=True)
class FeeStep:
    """One band of a cumulative fee.

    `lower` and `upper` bound the part of the amount that falls in this band (so `upper`
    never exceeds the amount); `rate` is the band's rate, or None for the flat fee of the
    first band; `amount` is the exact fee for the band, not rounded; `text` says it in
    Chinese.
    """

    lower: Decimal
    upper: Decimal
    rate: Decimal | None
    amount: Decimal
    text: str


@dataclass(frozen=True)
class FeeResult:
    """A computed fee.

    `fee` is the amount payable, rounded by `rounding`; `steps` the bands that make up the
    full fee; `basis` the Chinese explanation naming the articles, any halving or cap and
    the rounding rule; `halved` whether art. 15 or 16 halved it. `amount` is the claim or
    preserved amount the fee was computed on, `full_fee` the exact sum of the steps before
    any halving, cap or rounding, and `capped` whether the preservation cap applied.
    `note` is the end of `basis` meant for whoever prepares the filing (the Measures are
    silent on rounding; the court's notice is final); `statement` is `basis` without it.
    """

    fee: Decimal
    steps: list[FeeStep]
    basis: str
    rounding: Rounding
    halved: bool
    amount: Decimal
    full_fee: Decimal
    capped: bool = False
    note: str = ""

    @property
    def full_charged(self) -> Decimal:
        """The full fee as the court charges it: ``full_fee`` rounded by ``rounding``
        (118,249.32 → 2,664.9864: 2,664.99 to the fen, 2,665.00 to the yuan), the figure a
        basis prints before any halving, third or cap."""
        return _round(self.full_fee, self.rounding)

    @property
    def statement(self) -> str:
        """The basis as a court filing states it: the amounts and articles, no note to
        the person preparing it (a filing states amounts and their basis only)."""
        return self.basis.removesuffix(self.note)


def acceptance_fee(
    amount: Decimal | int | str,
    *,
    procedure: Procedure = "ordinary",
    rounding: Rounding = "fen",
) -> FeeResult:
    """Return the acceptance fee of a property case claiming `amount` yuan (art. 13(1)).

    The fee is the sum of the cumulative bands, rounded by `rounding`; for the summary
    procedure (art. 16), mediation or withdrawal (art. 15) it is half of the exact sum,
    rounded once. `amount` is taken to the fen (money.to_fen, which refuses floats); it
    must be positive, else ValueError with a Chinese message.
    """
    if procedure not in _HALVING_TEXT:
        raise ValueError(f"未知的审理程序或结案方式：{procedure!r}")
    claim = _positive_amount(amount, "诉讼请求金额")
    steps = _cumulative(claim, _ACCEPTANCE_FLAT, _ACCEPTANCE_BANDS)
    full = sum((step.amount for step in steps), Decimal(0))
    halved = procedure != "ordinary"
    charged = _round(full, rounding)
    fee = half_of(charged) if halved else charged
    basis = (
        f"依据《诉讼费用交纳办法》第十三条第（一）项，财产案件根据诉讼请求金额"
        f"{format_yuan(claim)}元分段累计交纳，合计{_money(full)}元"
        f"{_rounded(full, charged, rounding)}"
    )
    if halved:
        basis += f"；{_HALVING_TEXT[procedure]}，为{format_yuan(fee)}元"
    note = _rounding_note(rounding)
    basis += f"。{note}"
    return FeeResult(
        fee=fee,
        steps=steps,
        basis=basis,
        rounding=rounding,
        halved=halved,
        amount=claim,
        full_fee=full,
        note=note,
    )


def preservation_fee(amount: Decimal | int | str, *, rounding: Rounding = "fen") -> FeeResult:
    """Return the fee for applying to preserve property worth `amount` yuan (art. 14(2)).

    30 yuan up to 1,000; 1% of the part above 1,000 up to 100,000; 0.5% of the part above
    100,000; the total is capped at 5,000 yuan, then rounded by `rounding`. `amount` is taken
    to the fen and must be positive, else ValueError with a Chinese message.
    """
    preserved = _positive_amount(amount, "申请保全的财产数额")
    steps = _cumulative(preserved, _PRESERVATION_FLAT, _PRESERVATION_BANDS)
    full = sum((step.amount for step in steps), Decimal(0))
    capped = full > PRESERVATION_CAP
    fee = _round(min(full, PRESERVATION_CAP), rounding)
    basis = (
        f"依据《诉讼费用交纳办法》第十四条第（二）项，申请保全措施按保全的财产数额"
        f"{format_yuan(preserved)}元分段累计交纳，合计{_money(full)}元"
    )
    if capped:
        basis += f"，超过最高限额{format_yuan(PRESERVATION_CAP)}元，按最高限额交纳"
    note = _rounding_note(rounding)
    basis += f"{_rounded(min(full, PRESERVATION_CAP), fee, rounding)}。{note}"
    return FeeResult(
        fee=fee,
        steps=steps,
        basis=basis,
        rounding=rounding,
        halved=False,
        amount=preserved,
        full_fee=full,
        capped=capped,
        note=note,
    )


def payment_order_fee(amount: Decimal | int | str, *, rounding: Rounding = "fen") -> FeeResult:
    """Return the fee for applying for a payment order on `amount` yuan (art. 14(3)).

    One third of the acceptance fee of a property case (art. 13(1)) on the amount as the
    court charges it (``FeeResult.full_charged``), rounded to the same unit: the same fee
    as a third of the exact sum rounded once (module docstring). The basis prints that
    acceptance fee, so that its third is the fee (a fee charged to the yuan: 「分段累计为
    2,664.99元，四舍五入保留至元为2,665.00元，其1/3四舍五入保留至元为888.00元」, not a
    third of 2,664.99). `amount` must be positive, else ValueError in Chinese.
    """
    claim = _positive_amount(amount, "请求给付的金额")
    steps = _cumulative(claim, _ACCEPTANCE_FLAT, _ACCEPTANCE_BANDS)
    full = sum((step.amount for step in steps), Decimal(0))
    charged = _round(full, rounding)
    fee = _round(charged / 3, rounding)
    basis = (
        f"依据《诉讼费用交纳办法》第十四条第（三）项，申请支付令比照财产案件受理费标准的"
        f"1/3交纳：按请求给付的金额{format_yuan(claim)}元依第十三条第（一）项分段累计为"
        f"{_money(full)}元{_rounded(full, charged, rounding)}，其1/3"
        f"{'' if to_fen(charged / 3) == fee else _rounding_clause(rounding)}"
        f"为{format_yuan(fee)}元。"
        f"{_rounding_note(rounding)}"
    )
    return FeeResult(
        fee=fee,
        steps=steps,
        basis=basis,
        rounding=rounding,
        halved=False,
        amount=claim,
        full_fee=full,
        note=_rounding_note(rounding),
    )


@dataclass(frozen=True)
class Refund:
    """The halved fee a court keeps of what was paid, and the rest it refunds."""

    paid: Decimal
    kept: Decimal
    refund: Decimal
    basis: str
    note: str = ""

    @property
    def statement(self) -> str:
        """The basis without the note to the person preparing the filing."""
        return self.basis.removesuffix(self.note)


def halved_refund(paid: Decimal | int | str, *, reason: Procedure = "withdrawal") -> Refund:
    """Halve an acceptance fee already paid (art. 15: mediation or withdrawal) when the
    claim it was computed on is not known: the court keeps half of ``paid`` (``half_of``)
    and refunds the rest."""
    if reason not in ("mediation", "withdrawal"):
        raise ValueError(f"只有调解结案或撤诉才减半退费：{reason!r}")
    amount = _positive_amount(paid, "已预交的案件受理费")
    kept = half_of(amount)
    refund = amount - kept
    basis = (
        f"依据《诉讼费用交纳办法》第十五条减半交纳案件受理费：已预交{format_yuan(amount)}元，"
        f"减半为{format_yuan(kept)}元，"
        f"应退还{format_yuan(refund)}元。{_REFUND_NOTE}"
    )
    return Refund(amount, kept, refund, basis, _REFUND_NOTE)


def _cumulative(
    amount: Decimal, flat: tuple[Decimal, Decimal], bands: tuple[_Band, ...]
) -> list[FeeStep]:
    """Split `amount` over the flat first band and the rated bands above it."""
    flat_upper, flat_fee = flat
    first_upper = min(amount, flat_upper)
    steps = [
        FeeStep(
            lower=Decimal(0),
            upper=first_upper,
            rate=None,
            amount=flat_fee,
            text=f"不超过{format_yuan(flat_upper)}元的部分，每件交纳{format_yuan(flat_fee)}元",
        )
    ]
    for lower, upper, rate in bands:
        if amount <= lower:
            break
        top = amount if upper is None or amount < upper else upper
        part = top - lower
        band_fee = part * rate
        limit = "" if upper is None else f"至{format_yuan(upper)}元"
        steps.append(
            FeeStep(
                lower=lower,
                upper=top,
                rate=rate,
                amount=band_fee,
                text=(
                    f"超过{format_yuan(lower)}元{limit}的部分{format_yuan(part)}元，"
                    f"按{_percent(rate)}交纳{_money(band_fee)}元"
                ),
            )
        )
    return steps


def _positive_amount(amount: Decimal | int | str, what: str) -> Decimal:
    value = to_fen(amount)
    if value <= 0:
        raise ValueError(f"{what}应大于零，实为{value}元")
    return value


def half_of(fee: Decimal) -> Decimal:
    """The fee payable when a fee as charged is halved (诉讼费用交纳办法 art. 15: a case
    closed by mediation or withdrawn, 减半交纳; art. 16: the summary procedure, 减半交纳):
    half of ``fee``, rounded half up to the fen, so that the half fen is paid, not refunded
    (2,664.99 → 1,332.50); a fee charged to the yuan halves exactly (2,665 → 1,332.50, as
    rulings write 「减半收取…元」 to the jiao). A refund is what was paid less this. The one
    rule for every halving printed: the complaint's fee, the withdrawal's refund, the
    settlement's costs."""
    return _round(to_fen(fee) / 2, "fen")


def _round(value: Decimal, rounding: Rounding) -> Decimal:
    if rounding not in _QUANTUM:
        raise ValueError(f"未知的取整规则：{rounding!r}（可选：fen、yuan）")
    return value.quantize(_QUANTUM[rounding], rounding=ROUND_HALF_UP).quantize(_QUANTUM["fen"])


_REFUND_NOTE = "实际金额以人民法院退费通知为准。"


def _rounding_clause(rounding: Rounding) -> str:
    return _ROUNDING_TEXT[rounding]


def _rounded(exact: Decimal, fee: Decimal, rounding: Rounding) -> str:
    """「，四舍五入保留至元为X元」 where rounding changed the figure as printed; nothing where
    the printed figure (to the fen) already is the fee (「减半为1,150.00元，四舍五入保留至分
    为1,150.00元」 says it twice)."""
    if to_fen(exact) == fee:
        return ""
    return f"，{_rounding_clause(rounding)}为{format_yuan(fee)}元"


def _rounding_note(rounding: Rounding) -> str:
    return (
        f"《诉讼费用交纳办法》未规定尾数处理，本计算按{_ROUNDING_TEXT[rounding]}；"
        "实际金额以人民法院交费通知为准。"
    )


def _money(value: Decimal) -> str:
    """Print an exact intermediate amount to the fen, half up (format_yuan): a filing
    states money in yuan and fen, never 2,516.9864元; the computation itself stays exact
    and only the fee is rounded (once, by ``rounding``)."""
    return format_yuan(value)


def _percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"
