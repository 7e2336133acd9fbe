"""The installment agreement's interest on a late installment (逾期利息): its rules and words.

One rate a day on each yuan of principal: the plan rate while it is not yet due, the late
rate once it is overdue (an installment's from the day after its due date; the rest of the
principal from the day after the creditor declares acceleration), both to the day paid.
Nothing is charged twice on the same amount for the same days, and no interest runs on
interest or penalties (法释〔2020〕17号 art. 27), so the late rate alone is what a cap bounds.

- 民间借贷: the agreed overdue rate holds, within four times the one-year LPR at contract
  formation (法释〔2020〕17号 art. 28(1), art. 25); overdue interest, 违约金 and other fees
  together stay within the same cap (art. 29). Above it: an error, as for the plan rate.
- 买卖, 服务, other debts: a late charge is a 违约金 (or an agreed measure of the loss);
  one excessively above the loss may be reduced on the debtor's request (民法典 art.
  585(2)). Where nothing is agreed, the loss of a price paid late is measured at the
  one-year LPR plus 30–50% (买卖合同解释 art. 18(4); other paid contracts follow the sale
  rules, 民法典 art. 646): a rate above that is a warning, never an error — the court
  weighs it, and only if asked.
- 金融借款, 信用卡: licensed lenders, outside the private-lending caps (as elsewhere in
  docgen, not checked here).
- No late rate: the agreement says nothing of what a late installment costs; a warning.

The debt confirmation's repayment plan carries the same clause under the same rules, in its
own words (:data:`AGREEMENT` and the confirmation's :class:`LateWording`): its interest
before an installment falls due is its interest after the cut-off date, and its creditor
calls in the rest by demanding it at once rather than declaring acceleration. The
settlement agreement's plan too (``settlement_default``): no interest runs before a payment
falls due, its rest falls due by itself on the agreed default, and one payment has a clause
of its own (:func:`late_interest_once`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from docgen.documents.acceleration import missed_any
from docgen.documents.agreement_terms import StatedRate, check_rate_cap
from docgen.documents.base import RuleOptions
from docgen.documents.complaint_cause_rules import LOSS_UPLIFT, SALE_LOSS_BASIS, loss_lpr
from docgen.documents.parts import LPR_UPDATE_HINT, ContractBasis, RateInput
from docgen.documents.problems import Assessment, Loc
from docgen.domain.cap_rates import INTERPRETATION
from docgen.domain.dates import format_cn
from docgen.domain.lpr import format_percent

LOC: Loc = ("late_interest",)
RATE_LOC: Loc = (*LOC, "value")
LATE_RATE = "late_rate"  # key in Assessment.computed: the late rate's annual percent
PLAN_RATE = "plan_rate"  # key in Assessment.computed: the annual rate before an installment is due
BREACH_DAY = "breach_day"  # key in Assessment.computed: the first day the debtor can be late
REDUCIBLE_KINDS = frozenset({"sale", "service", "other"})
"""Debts whose late charge is a 违约金 the court may reduce (art. 585), not a loan's interest."""
REDUCTION_BASIS = (
    "约定的违约金过分高于造成的损失的，人民法院或者仲裁机构可以根据当事人的请求予以适当减少"
    "（《中华人民共和国民法典》第五百八十五条第二款）"
)


@dataclass(frozen=True)
class LateWording:
    """How a document names what the late-interest clause and its warnings refer to."""

    document: str = "本协议"
    interest: str = "分期期间利息"
    """the interest an installment bears until it falls due"""
    rate: str = "分期期间利率"
    """that interest's rate"""
    remedy: str = "加速到期"
    """the remedy the document already gives for a missed installment"""
    call: str = "甲方依本协议宣布加速到期"
    """what calls in the rest, a condition: 「甲方依本协议宣布加速到期的，…」"""
    called: str = "宣布之日"
    """the day of that act, from whose next day the rest bears late interest"""
    paying: str = "还款"
    """what the debtor does on a due date: 还款, 付款 (「未按期足额还款」, 「该期还款日」)"""
    installments: bool = True
    """whether the plan has several installments (「乙方某期逾期未付的」) or one payment"""


AGREEMENT = LateWording()
"""The installment agreement's words."""


def check_late_interest(
    result: Assessment,
    late: RateInput | None,
    origin: ContractBasis,
    signed: date,
    options: RuleOptions,
    wording: LateWording = AGREEMENT,
) -> None:
    """The late rate within the cap (民间借贷), warned about where a court may reduce it or
    where it undercuts the plan rate (``computed["plan_rate"]``, when known); its absence
    warned about (``warn_missing``, interest running before an installment falls due
    where the plan rate is known). A price's loss is measured on the LPR of the first day
    the debtor can be late (``computed["breach_day"]``, 买卖合同解释 art. 18(4): 违约行为
    发生时) when the document knows it, else on the LPR of the day after the signing."""
    plan_rate: Decimal | None = result.computed.get(PLAN_RATE)
    breach: date | None = result.computed.get(BREACH_DAY)
    if late is None:
        warn_missing(result, origin, plan_rate is not None, wording)
        return
    stated = StatedRate(late, RATE_LOC, "逾期利息")
    annual = check_rate_cap(result, stated, origin, signed, options)
    if annual is None:
        return
    result.computed[LATE_RATE] = annual
    if plan_rate is not None and annual < plan_rate:
        result.warn(
            RATE_LOC,
            "late_rate_below_plan_rate",
            f"逾期利率（折合年利率{format_percent(annual)}%）低于{wording.rate}（年利率"
            f"{format_percent(plan_rate)}%）：逾期的本金只计逾期利息，乙方逾期反而少付利息",
        )
    if origin.kind in REDUCIBLE_KINDS:
        _warn_reducible_at_breach(
            result, late, annual, breach or first_breach(None, signed), options
        )


def warn_missing(
    result: Assessment, origin: ContractBasis | None, plan: bool, wording: LateWording
) -> None:
    """No late rate agreed: what a missed installment then costs (``plan``: whether
    interest runs before an installment falls due; ``origin``: the debt's contract, when
    the document names one)."""
    now = f"逾期期间只按{wording.rate}计息" if plan else "逾期期间既不计利息，也无违约金"
    late = "某期逾期未付" if wording.installments else "逾期未付"
    message = f"未约定逾期利息：乙方{late}的，{wording.document}只约定{wording.remedy}，{now}"
    if origin is not None and origin.kind == "private_lending":
        message += (
            "。民间借贷可约定逾期利率，但逾期利息、违约金和其他费用合计不得超过合同成立时"
            f"一年期贷款市场报价利率的四倍（{INTERPRETATION}第二十八条、第二十九条）"
        )
    result.warn(LOC, "late_interest_missing", message, "如需约定，请填写「逾期利率」")


def first_breach(first_due: date | None, signed: date) -> date:
    """The first day the debtor can be in breach: the day after the first payment falls
    due (after the signing, when no payment day is known). The loss of a price paid late
    is measured on the one-year LPR of that day (买卖合同解释 art. 18(4): 违约行为发生时)."""
    return (first_due or signed) + timedelta(days=1)


def _warn_reducible_at_breach(
    result: Assessment, late: RateInput, annual: Decimal, breach: date, options: RuleOptions
) -> None:
    """Above the loss the law presumes for a price paid late, measured as art. 18(4) says:
    on the one-year LPR 「违约行为发生时」, the LPR of ``breach``. A day past the LPR table's
    verified date has no known LPR yet: the last one stands in, the warning says it is an
    estimate, and ``lpr_unverified`` says the table must be checked (as for the caps)."""
    table = options.lpr_table
    lpr = loss_lpr(breach, table)
    if lpr is None or annual <= (ceiling := lpr * LOSS_UPLIFT):
        return
    known = table.is_verified(breach)
    rate = late.spec().describe()
    if late.kind != "annual":
        rate += f"，折合年利率{format_percent(annual)}%"
    if known:
        measure = f"乙方最早于{format_cn(breach)}逾期，当日的一年期LPR为{format_percent(lpr)}%"
    else:
        measure = (
            f"乙方最早于{format_cn(breach)}逾期，届时的一年期LPR尚未公布，按LPR参考表最近一期"
            f"{format_percent(lpr)}%估算"
        )
    result.warn(
        RATE_LOC,
        "late_interest_may_be_reduced",
        f"逾期利率（{rate}）高于逾期付款损失的参照标准：未约定违约金的，以违约行为发生时的一年期"
        f"LPR为基础加计30%—50%计算（{measure}，至多年利率{format_percent(ceiling)}%；"
        f"{SALE_LOSS_BASIS}；其他有偿合同参照适用，《中华人民共和国民法典》第六百四十六条）。"
        f"{REDUCTION_BASIS}",
        "请准备证明实际损失的材料，或降低逾期利率",
    )
    if not known:
        result.warn(
            RATE_LOC,
            "lpr_unverified",
            f"LPR参考表仅核实至{format_cn(table.latest_known_date)}：逾期付款损失的参照标准按最近"
            f"一期LPR（{format_percent(lpr)}%）估算，须按违约行为发生时实际公布的LPR核实",
            hint=LPR_UPDATE_HINT,
        )


# --- the clause ---------------------------------------------------------------------


def late_interest_text(
    rate: str, name: str, plan: bool, wording: LateWording = AGREEMENT, besides: str = ""
) -> str:
    """The late-interest clause: the overdue principal (``name``, as the amounts table names
    it) at the late rate (``rate``, worded as the document words every rate), each
    installment's from the day after its due date and the rest from the day after it is
    called in, to the day paid; with plan interest, that the overdue principal bears no plan
    interest besides. ``besides``: a sentence on a further sum the late rate runs on (the
    settlement's lapsed concession), before 「逾期利息不计复利。」."""
    instead = f"{name}逾期期间只计逾期利息，不再另计{wording.interest}；" if plan else ""
    paying = wording.paying
    return (
        f"{missed_any(paying)}，应就逾期未付的{name}，按{rate}（以下简称“逾期利率”）"
        f"向甲方支付逾期利息：各期逾期未付的{name}自该期{paying}日的次日起计算；"
        f"{wording.call}的，尚未到期的{name}自{wording.called}的次日起一并"
        f"计算；均计至实际清偿之日止。{instead}{besides}逾期利息不计复利。"
    )


def late_interest_once(rate: str, name: str, paying: str, base: str = "", besides: str = "") -> str:
    """For one payment, the words after what the debtor then owes (「乙方未按期足额付款的，
    应向甲方付清…余额，」): the part unpaid on the day (or ``base``: with a lapsed
    concession, that part and the principal the concession restores) bears the late rate
    from the next day to the day paid; ``besides``: what bears none, in parentheses (the
    restored interest, 「逾期利息不计复利」)."""
    owed = base or f"逾期未付的{name}"
    aside = f"（{besides}）" if besides else ""
    return (
        f"并就{owed}，按{rate}向甲方支付逾期利息，自{paying}日的次日起计算至实际"
        f"清偿之日止{aside}，逾期利息不计复利"
    )


def accelerated_interest(plan: str, late: bool) -> str:
    """What the accelerated remainder bears, after 「乙方应一次性清偿全部剩余欠款」: with a
    late rate (defined as 「逾期利率」 in its own article), plan interest up to the
    declaration and late interest after it; with plan interest alone (``plan``: its rate
    as worded, empty for none), that interest until paid (not the later periods' interest
    of the table), its rate stated so that the reader need not go back to the plan; with
    neither, nothing."""
    if late and plan:
        return f"，分期期间利息按{plan}计至甲方宣布之日，此后按逾期利率计付逾期利息至实际清偿之日"
    if late:
        return "，并自甲方宣布之日的次日起按逾期利率计付逾期利息至实际清偿之日"
    if plan:
        return f"，利息按{plan}计至实际清偿之日"
    return ""
