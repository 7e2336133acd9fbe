"""债务确认书's promise to pay and the original contract's guarantors.

- A day to pay. A confirmation without a plan, a pay-by date or a period after notice
  leaves the time of performance unstated: the debtor may pay at any time and the
  creditor may demand at any time, giving the debtor the time needed to prepare (民法典
  art. 511(4)), so a later default has to be built on a demand first. Warned, with the
  choices; ``pay_on_notice_days`` words the usual one, 「乙方应于收到甲方书面付款通知之日起
  15日内…」.
- The plan's columns. Each installment is printed with its principal, the other confirmed
  amounts, its interest after the cut-off date and its total (``plan_columns``, as the
  installment agreement prints them), so that 足额 can be read from the table. The
  interest needs a figure: an agreed rate, or an LPR docgen's table vouches for; otherwise
  the plan prints its amounts alone and the user is warned.
- The original contract's guarantors (民法典 art. 695): a promise to pay after the
  contract's due date does not extend the guarantee period of a guarantor who has not
  consented in writing. The period is the agreed one, else six months from the main
  debt's due date (art. 692(2)); the warning names its last day, and says that a period
  ended by the signing day has probably freed the guarantor unless the creditor demanded
  payment from it within the period (art. 693(2)).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.acceleration import missed_any
from docgen.documents.agreement_guarantor import warn_unconsented
from docgen.documents.agreement_terms import principal_of
from docgen.documents.base import RuleOptions
from docgen.documents.debt_confirmation_interest import LATER_LPR, chosen_later
from docgen.documents.parts import ResolvedAmounts
from docgen.documents.plan_columns import plan_splits, with_interest
from docgen.documents.problems import Assessment
from docgen.documents.sale_late_charges import is_sale
from docgen.domain.dates import format_cn
from docgen.domain.guarantee import Guarantee, guarantee_period
from docgen.domain.interest import RateSpec
from docgen.domain.lpr import LprNotAvailable
from docgen.domain.schedule import Installment, InstallmentSplit

if TYPE_CHECKING:
    from docgen.documents.debt_confirmation import DebtConfirmation

CIVIL_CODE = "《中华人民共和国民法典》"
SPLITS = "plan_splits"  # key in Assessment.computed: the plan by column, or None


# --- a day to pay -------------------------------------------------------------------


def check_pay_date(result: Assessment, case: DebtConfirmation, time_barred: bool) -> None:
    """One way to say when to pay; none of them warned about (art. 511(4)).

    Signed after the limitation period may have run (``time_barred``), the confirmation is
    the debtor's promise to pay despite it (民法典 art. 192(2)); without a day or a plan that
    promise can be demanded at any time (art. 511(4)) and the start of the new period is
    arguable, so a plan or a pay-by date is required (the account is required with either).
    """
    days = case.pay_on_notice_days
    if time_barred and not case.repayment_plan and case.pay_by is None:
        result.error(
            ("pay_by",),
            "time_barred_without_pay_date",
            "诉讼时效期间可能已届满时签署的确认书，是乙方放弃时效抗辩、同意履行的承诺（"
            f"{CIVIL_CODE}第一百九十二条第二款），须约定一次性清偿日期或还款计划并写明收款账户："
            f"否则清偿期限不明确（{CIVIL_CODE}第五百一十一条第四项），新的诉讼时效期间从何时"
            "起算也会发生争议",
            hint="请填写一次性清偿日期或还款计划，并填写收款账户",
        )
        return
    if days is not None and (case.repayment_plan or case.pay_by is not None):
        result.error(
            ("pay_on_notice_days",),
            "plan_and_pay_by",
            "还款计划、一次性清偿日期与「收到付款通知后的付款期限」只能填写其一",
        )
    if case.repayment_plan or case.pay_by is not None or days is not None:
        return
    result.warn(
        ("pay_by",),
        "pay_date_missing",
        "本确认书未约定清偿期限：履行期限不明确的，债务人可以随时履行，债权人也可以随时请求"
        f"履行，但是应当给对方必要的准备时间（{CIVIL_CODE}第五百一十一条第四项），甲方日后须先"
        "催告并给予准备时间，才能主张乙方逾期",
        hint="请填写一次性清偿日期或还款计划，或填写「收到付款通知后的付款期限」（如15日），"
        "并填写收款账户",
    )


def notice_promise(days: int, besides: str = "") -> str:
    """The promise to pay within ``days`` of a written notice; ``besides``: what else is
    paid with it (「，并同时支付…」)."""
    return f"乙方承诺于收到甲方书面付款通知之日起{days}日内一次性向甲方清偿上述全部债务{besides}。"


def reserves(case: DebtConfirmation) -> bool:
    """A sale whose late-payment penalty before the cut-off date is reserved (买卖合同解释
    art. 18(2), :mod:`docgen.documents.sale_late_charges`)."""
    choice = case.past_late_charges
    return choice in ("reserved", "waived_on_performance") and is_sale(case.origin, case.amounts)


def _with_reserved(case: DebtConfirmation) -> str:
    """A reserved penalty before the cut-off date falls due with the one payment, so that
    the promise says what the debtor pays by that day: its figure is not confirmed, but
    its basis is printed in the reservation clause."""
    if not reserves(case) or case.past_late_charges != "reserved":
        return ""
    return "，并同时支付上述截至日前的逾期付款违约金（按上述原合同约定的标准计算）"


def promise_terms(case: DebtConfirmation, assessment: Assessment) -> tuple[str, str]:
    """The promise to pay (the plan's lead-in, or the one payment with what it includes)
    and what follows a default; both "" without a plan or a day to pay."""
    if case.repayment_plan:
        # 「及其利息」 only where the plan's 利息 column holds interest
        splits = plan_splits_of(assessment)
        plan_intro = f"乙方承诺按以下计划向甲方清偿{with_interest('上述债务', splits)}："
        if plan_intro.endswith("及其利息："):
            plan_intro = plan_intro.removesuffix("：") + "，各期应还金额以「合计」栏为准："
        default = (
            f"{missed_any()}，甲方有权要求乙方立即清偿全部剩余债务，并依本确认书"
            "约定的争议解决方式主张权利。"
        )
    elif case.pay_by is not None or case.pay_on_notice_days is not None:
        plan_intro = (
            f"乙方承诺于{format_cn(case.pay_by)}前（含当日）一次性向甲方清偿上述全部债务"
            f"{_with_reserved(case)}。"
            if case.pay_by is not None
            else notice_promise(case.pay_on_notice_days or 0, _with_reserved(case))
        )
        # one payment: everything is due on that day, so there is nothing to accelerate
        default = "乙方未按期足额清偿的，甲方有权依本确认书约定的争议解决方式主张权利。"
    else:
        plan_intro = default = ""
    return plan_intro, default


# --- the plan's columns -------------------------------------------------------------


def _plan_rate(case: DebtConfirmation, result: Assessment) -> tuple[bool, RateSpec | None]:
    """Whether the interest after the cut-off date can be computed, and its rate."""
    later = chosen_later(result, case)
    if later.basis == "none":
        return True, None
    if later.basis == "agreed":
        return later.rate is not None, later.rate.spec() if later.rate else None
    lpr = result.computed.get(LATER_LPR)
    if lpr is None:
        return False, None
    return True, RateSpec("annual", lpr.rate_percent)


def compute_plan_splits(
    result: Assessment, case: DebtConfirmation, resolved: ResolvedAmounts, options: RuleOptions
) -> None:
    """The plan by column into ``computed[SPLITS]``; None (warned) when its interest has
    no figure docgen can vouch for."""
    result.computed[SPLITS] = None
    if not case.repayment_plan or result.errors:
        return
    known, rate = _plan_rate(case, result)
    if not known:
        result.warn(
            ("later_interest", "basis"),
            "plan_interest_not_shown",
            "截至日之后的利息按一年期LPR计算，但docgen的LPR表未能核实该日适用的LPR，还款计划表"
            "只列各期金额，未列各期利息及合计：乙方按期支付的「足额」须另行计算",
            hint="合同约定了利率的，请选择「按约定利率计算」；或核对LPR后人工补充各期利息",
        )
        return
    rows = [Installment(i + 1, r.due_date, r.amount) for i, r in enumerate(case.repayment_plan)]
    principal = principal_of(case.amounts, resolved)
    try:
        splits = plan_splits(rows, principal, case.amounts.as_of, rate, options.lpr_table)
    except (ValueError, LprNotAvailable) as exc:
        result.error(("later_interest", "rate", "value"), "rate_not_computable", str(exc))
        return
    result.computed[SPLITS] = splits


def plan_splits_of(result: Assessment) -> list[InstallmentSplit] | None:
    splits: list[InstallmentSplit] | None = result.computed.get(SPLITS)
    return splits


# --- the original contract's guarantors ---------------------------------------------


def check_origin_guarantors(result: Assessment, case: DebtConfirmation) -> None:
    """Each guarantor who did not sign a promise past the due date is warned about, with
    the last day of its guarantee period and whether it has passed."""
    days = [r.due_date for r in case.repayment_plan] + ([case.pay_by] if case.pay_by else [])
    if (not days and case.pay_on_notice_days is None) or (
        days and max(days) <= case.origin.due_date
    ):
        return
    agreed = case.origin_guarantee_ends
    terms = Guarantee(
        type="not_stated", period="agreed" if agreed else "not_agreed", period_end=agreed
    )
    period = guarantee_period(terms, case.origin.due_date)
    ended = period.end < case.confirm_date
    for i, name in enumerate(case.origin_guarantors):
        who = (
            f"本确认书约定的还款日期晚于《{case.origin.name}》约定的履行期限，该合同的保证人"
            f"{name}未签署本确认书；{period.basis}"
        )
        if ended:
            who += (
                f"，早于本确认书的签署日期（{format_cn(case.confirm_date)}）：除非甲方已在该期间内"
                f"请求{name}承担保证责任，{name}很可能已不再承担保证责任（{CIVIL_CODE}"
                "第六百九十三条第二款）"
            )
            hint = (
                f"请查找在{format_cn(period.end)}前向{name}主张保证责任的证据（如催告函的送达"
                "记录）；没有的，请勿指望该保证，可请其作为保证人重新签署分期还款协议"
            )
        else:
            hint = (
                f"请在{format_cn(period.end)}前向{name}书面主张保证责任，或请其书面同意该变更、"
                "改用分期还款协议并作为丙方签署"
            )
        warn_unconsented(result, i, who, hint=hint)


__all__ = [
    "check_origin_guarantors",
    "check_pay_date",
    "compute_plan_splits",
    "notice_promise",
    "plan_splits_of",
    "promise_terms",
    "reserves",
]
