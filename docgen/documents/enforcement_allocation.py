"""How each payment the respondent made was applied to the debt the instrument determined
(已履行款项的抵充), as an application for enforcement states and checks it.

- A payment that does not cover the whole debt goes, unless the parties agreed otherwise,
  first to the costs of realising the claim, then to the interest, then to the principal
  (民法典 art. 561: 「(一)实现债权的有关费用；(二)利息；(三)主债务」). The interest is the
  interest already accrued on the payment day, counted by the instrument's method
  (法释〔2014〕8号 art. 1(2)); a payment goes to the instrument's money debt before the
  doubled part of the delay interest (法释〔2014〕8号 art. 4: 「应当先清偿生效法律文书确定的
  金钱债务，再清偿加倍部分债务利息，但当事人对清偿顺序另有约定的除外」), so none is applied
  to the doubled part here.
- The costs are those the applicant is owed: the share the instrument orders the respondent
  to bear, read from its operative part (``enforcement_costs``: 「案件受理费1,332.49元由被告
  负担」, 「…由原告负担500元，被告负担1,500元」: 1,500), else the costs typed, none for a
  judgment's court fee the court refunds and collects (民诉法解释 art. 207).
- The interest accrued up to a payment day is known only where the case gives the
  instrument's method (``interest_method``, or a note docgen reads: base, rate, first day;
  with neither, the method the operative part states unambiguously:
  ``enforcement_title_interest``)
  on the principal the operative part states; it is then counted with the calculator every
  paper uses (``docgen.domain.interest.compute_interest``: simple interest, the payment
  day counted, the payment applied at its end). Where the instrument awards interest and
  its method is not so given, docgen does not guess it: the facts state the order without
  figures, nothing typed is checked against it, a payment made late is not counted in the
  doubled part (which part of it was principal is not known), and a warning says what to
  give. An instrument awarding no interest needs no method.
- A 违约金 or other money debt is not among the three art. 561 names: payments are applied
  to the three, and a claim to another debt beside payments is warned of.
- The parties may agree another order (``outstanding.agreed_order``): it is applied, and the
  facts say 「双方约定……」.

The principal, costs and interest typed are then checked against what the allocation
leaves unpaid, with the computed figures: a sum above it is refused (the facts would state
the split and the requests claim more — an application contradicting itself and asking more
than the instrument leaves owed); a sum below it is warned of (a smaller claim is the
applicant's choice, and the instrument's words may be read wrong).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.enforcement_costs import respondent_costs
from docgen.documents.enforcement_interest import awards_interest
from docgen.documents.enforcement_interest_figure import claimed, method
from docgen.documents.enforcement_names import names
from docgen.documents.enforcement_operative import awarded
from docgen.documents.enforcement_parts import AGREED_ORDER_LABELS
from docgen.documents.enforcement_several import principal_by_term
from docgen.documents.enforcement_title_interest import read_from_title
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.interest import (
    DEFAULT_ALLOCATION,
    Accrual,
    Allocation,
    LedgerEvent,
    RateSpec,
    compute_interest,
)
from docgen.domain.lpr import LprNotAvailable, LprTable
from docgen.domain.money import format_yuan, read_figure

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

ART_561 = "《中华人民共和国民法典》第五百六十一条"
# the orders the parties may agree, by the field's value
AGREED_ORDERS: dict[str, Allocation] = {
    "principal_interest_costs": ("principal", "interest", "costs"),
    "interest_principal_costs": ("interest", "principal", "costs"),
    "principal_costs_interest": ("principal", "costs", "interest"),
    "costs_principal_interest": ("costs", "principal", "interest"),
    "interest_costs_principal": ("interest", "costs", "principal"),
}
ORDER_LABELS = AGREED_ORDER_LABELS
_ONE_DAY = timedelta(days=1)
_TOLERANCE = Decimal("0.01")


@dataclass(frozen=True)
class Applied:
    """What one payment took off each part of the debt."""

    day: date
    amount: Decimal
    to_costs: Decimal
    to_interest: Decimal
    to_principal: Decimal

    @property
    def off_the_debt(self) -> Decimal:
        """The part other than general interest (法释〔2014〕8号 art. 1(3))."""
        return self.to_costs + self.to_principal


@dataclass(frozen=True)
class Applications:
    """The payments as applied, and what they leave unpaid; ``payments`` empty and
    ``unknown`` set where the interest up to a payment day cannot be known."""

    agreed: str | None
    payments: list[Applied]
    principal: Decimal | None  # left, None where the instrument's principal is not read
    costs: Decimal
    interest: Decimal | None  # left on ``interest_to``
    unknown: str = ""
    interest_to: date | None = None  # the day the interest typed is counted to


def order_words(case: EnforcementApplication) -> str:
    """The order, in the facts' words: 「依…第五百六十一条」 or 「双方约定…」."""
    agreed = case.outstanding.agreed_order
    if agreed:
        return f"双方约定按{ORDER_LABELS[agreed]}的顺序抵充"
    return f"依{ART_561}"


def owed_costs(case: EnforcementApplication) -> Decimal:
    """The costs the applicant is owed before the payments: none for a judgment's court fee
    the court refunds (民诉法解释 art. 207), else the operative part's figures, else the
    costs typed."""
    o, title = case.outstanding, case.title
    if title.kind == "judgment" and not o.court_fee_paid_directly:
        return Decimal(0)
    read = respondent_costs(case)
    return read.amount if read is not None else (o.costs or Decimal(0))


@dataclass(frozen=True)
class _Terms:
    base: Decimal
    rate: RateSpec
    start: date
    end: date | None  # the last day counted, None where it runs to payment


def _terms(case: EnforcementApplication) -> _Terms | str:
    """The instrument's interest method, or why it cannot be had."""
    o = case.outstanding
    if not awards_interest(case):
        return _Terms(Decimal(0), RateSpec("annual", Decimal(0)), case.title.effective_date, None)
    given = o.interest_method or read_from_title(case)
    if given is not None:
        return _Terms(given.base, given.rate.spec(), given.start, given.end)
    how = method(case, names(case).interest)
    if how is None:
        return "method"
    runs = claimed(case, names(case).interest).runs
    return _Terms(how.base, how.rate, how.start, None if runs else how.end)


def allocate(case: EnforcementApplication, table: LprTable) -> Applications | None:
    """The payments applied in order (the module's rule); None where nothing was paid."""
    o = case.outstanding
    paid = sorted(o.performed, key=lambda p: p.day)
    if not paid or case.title.installments:
        return None
    agreed = o.agreed_order
    costs = owed_costs(case)
    terms = _terms(case)
    stated = stated_principal(case)
    if isinstance(terms, str):
        return Applications(agreed, [], stated, costs, None, terms)
    if terms.base and stated is not None and terms.base != stated:
        return Applications(agreed, [], stated, costs, None, "base")
    if terms.end is not None and terms.end < paid[-1].day:
        return Applications(agreed, [], stated, costs, None, "end")
    principal = stated if stated is not None else (terms.base or o.principal + sum_paid(case))
    start = min(terms.start, paid[0].day)
    events = [LedgerEvent(start - _ONE_DAY, "disbursement", principal)]
    if costs:
        events.append(LedgerEvent(start - _ONE_DAY, "cost", costs))
    events += [LedgerEvent(p.day, "repayment", p.amount) for p in paid]
    # the interest stops at the method's own last day, where it has one
    until = _interest_until(case) if terms.end is None else min(_interest_until(case), terms.end)
    end = max(until, paid[-1].day) + _ONE_DAY
    rate = terms.rate if terms.base else RateSpec("annual", Decimal(0))
    order = AGREED_ORDERS[agreed] if agreed else DEFAULT_ALLOCATION
    try:
        ledger = compute_interest(events, rate, terms.start, end, table, Accrual(allocation=order))
    except (ValueError, LprNotAvailable):
        return Applications(agreed, [], stated, costs, None, "method")
    applied = [
        Applied(r.day, r.amount, r.to_costs, r.to_interest, r.to_principal + r.unapplied)
        for r in ledger.repayments
    ]
    left = ledger.principal_outstanding if stated is not None else None
    interest = ledger.interest_outstanding if until >= paid[-1].day else None
    return Applications(agreed, applied, left, ledger.costs_outstanding, interest, "", until)


def sum_paid(case: EnforcementApplication) -> Decimal:
    return sum((p.amount for p in case.outstanding.performed), Decimal(0))


def _interest_until(case: EnforcementApplication) -> date:
    o = case.outstanding
    return o.interest_until or case.calculation_date or case.application_date


def stated_principal(case: EnforcementApplication) -> Decimal | None:
    """The sum the operative part's award terms state for the principal under its name
    (「借款本金100,000元」, 「货款人民币450,000元」); where each respondent's own term states
    his (``enforcement_several.principal_by_term``), those of the respondents added up; None
    where it states none so."""
    by_term = principal_by_term(case)
    if by_term:
        return sum(by_term.values(), Decimal(0))
    label = re.escape(names(case).principal)
    found = re.search(
        label + r"(?:人民币)?\s*([\d,]+(?:\.\d{1,2})?)\s*元", awarded(case.title.operative_part)
    )
    return read_figure(found.group(1)) if found else None


# --- checks -----------------------------------------------------------------------------


def check_allocation(result: Assessment, case: EnforcementApplication, table: LprTable) -> None:
    """The payments applied (kept for the facts and the doubled part), and the sums typed
    against what they leave unpaid."""
    found = allocate(case, table)
    if found is None:
        return
    result.computed["allocation"] = found
    o, n = case.outstanding, names(case)
    if found.unknown:
        _warn_unknown(result, case, found.unknown)
        return
    if o.other:
        result.warn(
            ("outstanding", "other"),
            "allocation_other_not_placed",
            f"{ART_561}规定的抵充顺序为实现债权的有关费用、利息、主债务，未规定{n.other}："
            f"申请书按此写明已履行款项的抵充，{n.other}按所填金额申请执行；如已履行的款项"
            f"曾抵充{n.other}，请核对各项金额",
        )
    how = f"双方约定的顺序（{ORDER_LABELS[o.agreed_order]}）" if o.agreed_order else ART_561
    paid = f"已履行的人民币{format_yuan(sum_paid(case))}元依{how}抵充后"
    _compare(result, ("outstanding", "principal"), paid, n.principal, found.principal, o.principal)
    costs = "仲裁费用" if case.title.kind == "arbitration" else "诉讼费用"
    typed_costs = (o.costs or Decimal(0)) if owed_costs(case) else found.costs
    _compare(result, ("outstanding", "costs"), paid, costs, found.costs, typed_costs)
    if o.interest is not None:
        _compare(
            result,
            ("outstanding", "interest"),
            f"{paid}，截至{format_cn(found.interest_to or _interest_until(case))}",
            n.interest,
            found.interest,
            o.interest,
        )


def _compare(
    result: Assessment,
    at: tuple[str, str],
    paid: str,
    name: str,
    left: Decimal | None,
    typed: Decimal,
) -> None:
    """A sum typed against what the allocation leaves of it, within a fen: above it an
    error — the facts would state the split and the requests claim more than it leaves, an
    application contradicting itself and asking more than is owed (民法典 art. 561;
    民事诉讼法 art. 247: only what the instrument leaves unpaid is enforced), as
    ``principal_above_title`` refuses a principal above the instrument's; below it a
    warning — claiming less is the applicant's choice."""
    if left is None or abs(left - typed) <= _TOLERANCE:
        return
    above = typed > left
    more = "超过" if above else "少于"
    differs = (
        f"尚欠{name}人民币{format_yuan(left)}元，填写的人民币{format_yuan(typed)}元{more}该金额"
        f"人民币{format_yuan(abs(typed - left))}元"
        if left
        else f"{name}已全部清偿，不应再申请执行填写的人民币{format_yuan(typed)}元"
    )
    hint = "双方对抵充顺序另有约定的，请在「约定的抵充顺序」中选择"
    if not above:
        result.warn(
            at, "allocation_disagrees", f"{paid}，{differs}：请核对{name}的金额或已履行款项", hint
        )
        return
    if any(p.loc == at for p in result.errors):
        return  # already refused there (above the instrument's own figure): one refusal
    result.error(
        at,
        "allocation_disagrees",
        f"{paid}，{differs}：申请书在事实与理由中写明抵充，请求事项却申请执行更多的金额，"
        "前后矛盾并超出尚欠的金额（《中华人民共和国民事诉讼法》第二百四十七条）。"
        f"请按抵充后尚欠的金额填写{name}，或核对已履行款项",
        hint=hint,
    )


_UNKNOWN = {
    "method": "未按字段填写法律文书确定的利息计算方式（基数、利率、起算日），也不能从利息计算"
    "方法或法律文书的判项中确定无疑地读出",
    "base": "利息计算方式的基数与法律文书确定的本金不同",
    "end": "法律文书确定的利息计算截至日早于履行日期",
}


def _warn_unknown(result: Assessment, case: EnforcementApplication, why: str) -> None:
    n, agreed = names(case), case.outstanding.agreed_order
    order = (
        f"按双方约定的顺序（{ORDER_LABELS[agreed]}）抵充"
        if agreed
        else f"依{ART_561}在实现债权的费用之后先抵充截至履行之日已产生的{n.interest}，"
        f"再抵充{n.principal}"
    )
    result.warn(
        ("outstanding", "interest_method"),
        "allocation_interest_unknown",
        f"法律文书确定了{n.interest}，已履行的款项{order}；{_UNKNOWN[why]}，无法确定"
        f"截至履行之日的{n.interest}：申请书只写明抵充顺序，不核对尚欠的金额，迟延履行后"
        "履行的款项也不计算至履行之日的加倍部分债务利息",
        hint="请按法律文书填写「利息计算方式」（基数、利率、起算日）",
    )


# --- words ------------------------------------------------------------------------------


def applied_text(case: EnforcementApplication, found: Applications | None) -> str:
    """「，依…第五百六十一条，先抵充诉讼费用人民币…元，再抵充截至当日的利息人民币…元，余人民币…元
    抵充借款本金」, each payment's part opened by its day where there are several; the order
    without figures where the interest up to a payment day is not known; '' where nothing
    was paid."""
    if found is None:
        return ""
    n = names(case)
    costs = "仲裁费用" if case.title.kind == "arbitration" else "诉讼费用"
    if found.unknown and case.outstanding.agreed_order:
        return f"，{order_words(case)}"  # the agreed order, in its own words
    if found.unknown:
        first = f"{costs}、" if found.costs else ""
        each = "各" if len(case.outstanding.performed) > 1 else ""
        accrued = f"截至{each}履行之日已产生的{n.interest}"
        return f"，{order_words(case)}，依次抵充{first}{accrued}和{n.principal}"
    if len(found.payments) == 1:
        return f"，{order_words(case)}，{_split(case, found.payments[0], costs)}"
    each = "；".join(
        f"{format_cn(one.day)}的款项{_split(case, one, costs)}" for one in found.payments
    )
    return f"，{order_words(case)}，{each}"


def _split(case: EnforcementApplication, one: Applied, costs: str) -> str:
    """「先抵充诉讼费用人民币…元，再抵充截至当日的利息人民币…元，余人民币…元抵充借款本金」."""
    n, agreed = names(case), case.outstanding.agreed_order
    order = AGREED_ORDERS[agreed] if agreed else DEFAULT_ALLOCATION
    label = {"costs": costs, "interest": f"截至当日的{n.interest}", "principal": n.principal}
    amount = {"costs": one.to_costs, "interest": one.to_interest, "principal": one.to_principal}
    parts = [bucket for bucket in order if amount[bucket]]
    if len(parts) == 1:
        return f"全部抵充{label[parts[0]]}"
    words = [f"先抵充{label[parts[0]]}人民币{format_yuan(amount[parts[0]])}元"]
    words += [f"再抵充{label[b]}人民币{format_yuan(amount[b])}元" for b in parts[1:-1]]
    words.append(f"余人民币{format_yuan(amount[parts[-1]])}元抵充{label[parts[-1]]}")
    return "，".join(words)
