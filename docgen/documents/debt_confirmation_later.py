"""债务确认书: which rate runs after the cut-off date when the case does not choose one.

A confirmation whose case leaves ``later_interest`` unstated must not replace the
contract's own rate with a lower one: signed, the clause would be the creditor's
agreement to the lower rate. So the default follows the contract, as far as the case
shows it, and the law's rate only where nothing is agreed:

- a sale paid at once (or on notice) whose late-payment penalty before the cut-off date
  is reserved with its basis (``past_late_basis``): the same penalty runs on, under the
  same clause, at the same rate, worded as a penalty (the contract's 违约金, 民法典 art.
  585; 买卖合同解释 art. 18);
- a confirmed amount computed after the due date at a rate whose clause is named
  (``calculation.agreed_in``): that agreed overdue rate (a private loan: the overdue
  interest only, 法释〔2020〕17号 art. 28(1)). A penalty only without a plan: a plan
  gives new days to pay, and until they pass nothing is overdue;
- a private loan without an agreed overdue rate but with one in-term rate confirmed: the
  in-term rate (art. 28(2)(二));
- otherwise the one-year LPR, the measure of the loss for money paid late (art.
  28(2)(一) for a loan; the existing default for the rest).

A private loan's agreed rate is held to the cap the rest of docgen applies (art. 25, art.
31 for contracts before 2020-08-20, :func:`docgen.domain.cap_rates.cap_percent`): above
it, the cap is printed instead. After the cut-off date only this one rate runs on the
principal, so the overdue interest, penalties and fees pooled by art. 29 stay within it.
The choice is always named in the ``later_interest_defaulted`` warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from docgen.documents.base import RuleOptions
from docgen.documents.interest_periods import last_day
from docgen.documents.parts import RateInput
from docgen.domain.cap_rates import INTERPRETATION, cap_percent
from docgen.domain.lpr import LprNotAvailable
from docgen.domain.rate_words import describe_agreed_rate, describe_penalty_rate

if TYPE_CHECKING:
    from docgen.documents.debt_confirmation import DebtConfirmation

Basis = Literal["lpr", "agreed", "none"]
LATER_RATE = "later_rate"  # key in Assessment.computed: the LaterRate the clause prints


@dataclass(frozen=True)
class LaterRate:
    """The rate after the cut-off date as the clause prints it.

    ``penalty``: the clause of the contract whose 违约金 runs on (printed as a penalty,
    not as interest), else None; ``source``: why this rate, for the warning; ``capped``:
    the agreed rate was above the private-lending cap and the cap is printed."""

    basis: Basis
    rate: RateInput | None = None
    penalty: str | None = None
    penalty_name: str = "违约金"
    source: str = ""
    capped: bool = False


def stated(case: DebtConfirmation) -> bool:
    """Whether the case chose the rate after the cut-off date (the form leaves an untouched
    group out; an integrator may send the object without its basis)."""
    return "later_interest" in case.model_fields_set and (
        "basis" in case.later_interest.model_fields_set
    )


def later_rate(case: DebtConfirmation, options: RuleOptions) -> LaterRate:
    """The case's own choice, or the default the module docstring describes."""
    if stated(case):
        return LaterRate(case.later_interest.basis, case.later_interest.rate)
    found = _contract_rate(case)
    if found is None:
        return LaterRate("lpr", source=_lpr_source(case))
    return _capped(case, found, options)


def _contract_rate(case: DebtConfirmation) -> LaterRate | None:
    basis = case.past_late_basis
    # a plan gives the debtor new days to pay: until they pass nothing is overdue, so the
    # contract's penalty for late payment is no measure of the plan's interest
    plan = bool(case.repayment_plan)
    if case.past_late_charges == "reserved" and basis is not None and not plan:
        return LaterRate(
            "agreed",
            basis.rate,
            penalty=basis.clause,
            penalty_name="逾期付款违约金",
            source=f"原合同{basis.clause}约定的逾期付款违约金标准",
        )
    loan = case.origin.kind == "private_lending"
    due = case.origin.due_date
    overdue = [
        c
        for c in case.amounts.components
        if c.calculation is not None
        and c.calculation.agreed_in
        and c.calculation.start > due
        and (c.kind == "interest" if loan or plan else c.kind in ("interest", "penalty"))
    ]
    rates = {c.calculation.rate.spec() for c in overdue if c.calculation}
    first = overdue[0] if len(rates) == 1 else None
    calc = first.calculation if first else None
    if first is not None and calc is not None:
        penalty = calc.agreed_in if first.kind == "penalty" else None
        why = f"{calc.agreed_in}约定的{first.display_label}标准"
        if loan:
            why += f"（{INTERPRETATION}第二十八条第一款）"
        return LaterRate("agreed", calc.rate, penalty=penalty, source=why)
    if not loan:
        return None
    in_term = {
        c.calculation.rate.spec()
        for c in case.amounts.components
        if c.kind == "interest" and c.calculation is not None and last_day(c, case.amounts) <= due
    }
    if len(in_term) != 1:
        return None
    spec = in_term.pop()
    rate = RateInput(kind=spec.kind, value=spec.value, fixed_on=spec.fixed_on)
    why = f"借期内利率（未约定逾期利率，{INTERPRETATION}第二十八条第二款第二项）"
    return LaterRate("agreed", rate, source=why)


def _capped(case: DebtConfirmation, found: LaterRate, options: RuleOptions) -> LaterRate:
    """A private loan's agreed rate, held to the cap (art. 25 / art. 31(2))."""
    if case.origin.kind != "private_lending" or found.rate is None:
        return found
    # as a rate the case states is checked (``agreement_terms.check_rate_cap``): on the
    # signing day, which for a contract before 2020-08-20 stands for the filing (art. 31(2))
    on = case.confirm_date
    try:
        annual, _ = found.rate.spec().annual_percent_on(on, options.lpr_table)
        cap = cap_percent(case.origin.signed_on, on, options.lpr_table)
    except (ValueError, LprNotAvailable):
        return LaterRate("lpr", source=_lpr_source(case))
    if annual <= cap.annual_percent:
        return found
    rate = RateInput(kind="annual", value=cap.annual_percent)
    agreed = describe_agreed_rate(found.rate.spec())
    source = f"民间借贷利率上限（约定的{agreed}超过上限；{cap.basis}）"
    return LaterRate("agreed", rate, penalty=None, source=source, capped=True)


def _lpr_source(case: DebtConfirmation) -> str:
    if case.origin.kind == "private_lending":
        return (
            f"一年期贷款市场报价利率（LPR）（借期内利率和逾期利率均未在欠款明细中写明，"
            f"{INTERPRETATION}第二十八条第二款第一项）"
        )
    return "一年期贷款市场报价利率（LPR）（欠款明细未写明合同约定的逾期利率或违约金标准）"


def defaulted_message(start: str, chosen: LaterRate) -> str:
    """The ``later_interest_defaulted`` warning: what the clause now prints, and why."""
    what = chosen.penalty_name if chosen.penalty else "利息"
    if chosen.rate is None:
        return f"未填写截至日之后的利息，本确认书约定自{start}起按{chosen.source}计算利息"
    spec = chosen.rate.spec()
    words = describe_penalty_rate(spec) if chosen.penalty else describe_agreed_rate(spec)
    return f"未填写截至日之后的利息，本确认书约定自{start}起按{words}计付{what}，即{chosen.source}"


__all__ = ["LATER_RATE", "LaterRate", "defaulted_message", "later_rate", "stated"]
