"""Interest the instrument lets run to the day paid (「…计算至实际清偿之日止」) that the case
does not claim as a figure, though it gives the instrument's method (base, rate, first day:
``interest_method``, or the operative part's own words, ``enforcement_title_interest``).

An application that asks for the principal alone gives up, without saying so, interest the
instrument awards, and its request for the delay interest then points to 「迟延履行期间的一般
债务利息按法律文书确定的方法计算」 that nothing claims (法释〔2014〕8号 art. 1(2)). Where the
method is known, the interest is claimed as the instrument awards it, its sum counted to a
day (``enforcement_interest.interest_until``) with the calculator every paper uses (simple
interest, both days counted, base × rate × days / 365, rounded once to the fen:
``docgen.domain.interest``):

- nothing paid: on the method's base (the principal claimed) from its first day;
- paid in part, the default order of 民法典 art. 561 (costs, interest, principal): where the
  last payment reached the principal, every interest accrued to its day was paid, so the
  interest runs on the principal left (the principal claimed) from the next day, and the sum
  must be what the allocation leaves (``enforcement_allocation``).

Otherwise (an agreed order, interest still owed after the last payment, a method with its
own end, installments, a base that is not the principal claimed) it is not computed: the
warning ``awarded_interest_unclaimed`` stands, and the request no longer names the general
interest during the delay (nothing claims it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.enforcement_interest import (
    TO_PAYMENT_WORDS,
    interest_until,
    warn_awarded_unclaimed,
)
from docgen.documents.enforcement_interest_figure import check_interest_figure
from docgen.documents.enforcement_names import names
from docgen.documents.enforcement_operative import segments
from docgen.documents.enforcement_title_interest import read_from_title
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.interest import RateSpec, interest_on_principal
from docgen.domain.lpr import LprNotAvailable, LprTable
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

_TO_PAYMENT = ("至实际清偿之日", "至实际给付之日", "至实际支付之日", "至实际履行之日", "至付清之日")


@dataclass(frozen=True)
class Running:
    """The interest claimed as running to payment: its base, rate, first day, the day its
    sum is counted to, the days and the sum."""

    base: Decimal
    rate: RateSpec
    start: date
    until: date
    amount: Decimal

    @property
    def days(self) -> int:
        return (self.until - self.start).days + 1

    @property
    def note(self) -> str:
        """「以81,342.19元为基数，按年利率3.45%自2025年6月2日起计至实际清偿之日止，暂计至
        2026年11月20日，共537日」."""
        return (
            f"以{format_yuan(self.base)}元为基数，按{self.rate.describe()}自{format_cn(self.start)}"
            f"起{TO_PAYMENT_WORDS}，暂计至{format_cn(self.until)}，共{self.days}日"
        )


def _runs_to_payment(case: EnforcementApplication) -> bool:
    """Whether an award term names the interest and lets it run to payment."""
    label = names(case).interest
    return any(
        not s.denied and label in s.text and any(w in s.text for w in _TO_PAYMENT)
        for s in segments(case.title.operative_part)
    )


def running_interest(
    case: EnforcementApplication, result: Assessment, table: LprTable
) -> Running | None:
    """The interest to claim (the module's rule); None where it is not computed."""
    o = case.outstanding
    if o.interest or o.interest_to_payment or case.title.installments:
        return None
    given = o.interest_method or (None if o.interest_note else read_from_title(case))
    if given is None or given.end is not None or not _runs_to_payment(case):
        return None
    rate, until = given.rate.spec(), interest_until(case)
    start = given.start
    if o.performed:
        found = result.computed.get("allocation")
        if found is None or found.unknown or not found.payments or o.agreed_order:
            return None
        last = found.payments[-1]
        if not last.to_principal or found.principal != o.principal or found.interest is None:
            return None
        start = last.day + timedelta(days=1)
    elif given.base != o.principal:
        return None
    if until < start:
        return None
    try:
        counted = interest_on_principal(o.principal, rate, start, until + timedelta(days=1), table)
    except (ValueError, LprNotAvailable):
        return None
    found = result.computed.get("allocation")
    if o.performed and found is not None and found.interest != counted.interest:
        return None  # interest still owed before the last payment: not this method alone
    return Running(o.principal, rate, start, until, counted.interest)


def check_interest_figures(
    result: Assessment, case: EnforcementApplication, table: LprTable
) -> None:
    """The interest typed against its method (``enforcement_interest_figure``), then the
    interest computed where none is typed (the module's rule)."""
    check_interest_figure(result, case, table)
    check_running_interest(result, case, table)


def check_running_interest(
    result: Assessment, case: EnforcementApplication, table: LprTable
) -> None:
    """The interest computed and kept for the requests (``computed["running_interest"]``),
    told of; where the instrument awards interest the case neither claims nor lets compute,
    the warning that it is not claimed."""
    o = case.outstanding
    if o.interest or o.interest_to_payment:  # typed, or its sum missing (an error)
        return
    running = running_interest(case, result, table)
    if running is None:
        warn_awarded_unclaimed(result, case)
        return
    result.computed["running_interest"] = running
    label = names(case).interest
    result.warn(
        ("outstanding", "interest"),
        "awarded_interest_computed",
        f"法律文书确定{label}计至实际清偿之日止，未填写{label}金额：申请事项按法律文书确定的"
        f"计算方法列明{label}，{running.note}，计算为人民币{format_yuan(running.amount)}元"
        "（起止日均计入，按365日计）（法释〔2014〕8号第一条第二款）",
        hint=f"如{label}金额不同，请填写「{label}」金额并选择「利息计至实际清偿之日止」",
    )


def claimed_running(result: Assessment) -> Decimal:
    """The computed interest's sum, to add to the total unpaid; 0 where none."""
    running: Running | None = result.computed.get("running_interest")
    return running.amount if running is not None else Decimal(0)
