"""What a settlement's default costs the debtor (和解协议 第三条 违约责任): its rules and words.

A settlement that only lets the rest fall due costs a defaulting debtor nothing: it keeps
the discount and pays no more for paying late. Two optional terms change that.

- Late interest (``late_interest``): the installment agreement's clause under the same
  rules and warnings (:mod:`docgen.documents.late_interest`), in the settlement's words:
  no interest runs before a payment falls due; the rest falls due by itself on the agreed
  default (no declaration), so it bears late interest from the day after the due date of
  the payment that brought the acceleration; one payment has a clause of its own. The cap
  and the reduction warning follow the settled debt's contract (its kind, its date), which
  the settlement must then name. Without a late rate the user is warned, naming what the
  agreement does give on default: that of its suit mode (``settlement_suit``).
- The concession lapses (``original_debt``): the creditor's release of part of the debt
  (民法典 art. 575) is made on a resolutive condition, the debtor's default (art. 158:
  附解除条件的民事法律行为，自条件成就时失效), so that on default the original debt less
  what was paid falls due. A drafting option, printed only when chosen; a mediation
  statement may carry it as the liability for not performing (民事调解工作若干问题的规定,
  法释〔2004〕12号, art. 10 of that text).
- The restored sum's interest: the sum released falls due only when the concession
  lapses, on the default that brings the acceleration (or the one payment missed), so
  with a late rate it bears that rate from the next day, as the accelerated rest does —
  said with its figure, so that the whole balance has a rate and a start (a term left
  unclear is otherwise settled afterwards, 民法典 art. 510). Why the agreed late rate and
  not the settled contract's terms: the settlement states what falls due on default and
  releases the rest, docgen does not know the contract's rates, and the late rate is
  checked against that contract's cap (private lending: 4 × the one-year LPR at its
  formation, 法释〔2020〕17号 arts. 25, 28(1), 29). Without a late rate the user is
  warned at ``original_debt``. Private lending is warned that an original debt holding
  interest then bears interest on interest, which the court allows only within art.
  27(2): principal and interest together at most the first principal plus 4 × LPR
  interest on it for the whole term (docgen does not know the principal inside it).

The creditor's way to the balance follows the suit: enforcing the mediation statement;
after a withdrawal suing again (民诉法解释 art. 214), before it going on with the pending
suit, for the plaintiff withdraws only after the first payment; before any suit, suing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.acceleration import acceleration_trigger
from docgen.documents.base import RuleOptions
from docgen.documents.late_interest import (
    LOC,
    LateWording,
    check_late_interest,
    late_interest_once,
    late_interest_text,
    warn_missing,
)
from docgen.documents.problems import Assessment, Loc
from docgen.domain.cap_rates import INTERPRETATION
from docgen.domain.money import format_yuan, legal_amount, to_fen

if TYPE_CHECKING:
    from docgen.documents.settlement_agreement import SettlementAgreement

ORIGINAL_LOC: Loc = ("original_debt",)
LATE_RATE_WORDS = "late_rate_words"  # key in Assessment.computed: the late rate as printed
NAME = "款项"  # what the plan pays, as its articles name it
PAYING = "付款"
REMEDIES = {
    "mediation": "甲方可依据调解书申请强制执行",
    "withdraw": "甲方可继续诉讼或另行提起诉讼",
    "not_filed": "甲方可提起诉讼",
}
"""What the agreement gives on default by suit mode, as a warning names it."""


def settlement_wording(kind: str, installments: bool) -> LateWording:
    """The settlement's names in the late-interest clause and its warning: its remedy is
    the suit mode's, after the acceleration of a plan in installments."""
    accelerated = "尚未到期的款项加速到期、" if installments else ""
    return LateWording(
        remedy=accelerated + REMEDIES[kind],
        call="依本协议加速到期",
        called="引起加速到期的该期付款日",
        paying=PAYING,
        installments=installments,
    )


# --- rules --------------------------------------------------------------------------


def check_default_terms(
    result: Assessment, case: SettlementAgreement, options: RuleOptions, count: int | None
) -> None:
    """The concession that lapses is one; the late rate within its contract's limits, or
    its absence warned about (``count``: the plan's payments, None when unknown)."""
    original = case.original_debt
    lapse = original is not None and original > case.amount
    if original is not None and not lapse:
        result.error(
            ("original_debt",),
            "no_concession",
            f"原欠款金额（人民币{format_yuan(original)}元）应高于和解金额（人民币"
            f"{format_yuan(case.amount)}元）：和解款不少于原欠款的，没有减让可以失效",
        )
    wording = settlement_wording(case.outcome.kind, count != 1)
    late = case.late_interest
    if late is None:
        warn_missing(result, case.contract, False, wording)
        if lapse:
            _warn_lapse_without_rate(result, case, count != 1)
        return
    if case.contract is None:
        result.error(
            LOC,
            "late_interest_without_contract",
            "约定逾期利率的，请填写和解所涉合同：逾期利率是否超过上限（民间借贷）或可能被调减"
            "（买卖、服务等），按该合同的类型和签订日期审查",
        )
        return
    check_late_interest(result, late, case.contract, case.agreement_date, options, wording)
    result.computed[LATE_RATE_WORDS] = late.spec().describe(options.lpr_table)
    if lapse and case.contract.kind == "private_lending":
        result.warn(
            ORIGINAL_LOC,
            "late_interest_on_original_debt",
            "减让失效后，原欠款余额按逾期利率计付逾期利息：原欠款含利息、违约金的，即对其再计"
            "利息。民间借贷借款人应付的本息之和，不得超过最初借款本金与以最初借款本金为基数、"
            "按合同成立时一年期贷款市场报价利率四倍计算的整个借款期间的利息之和，超过部分人民"
            f"法院不予支持（{INTERPRETATION}第二十七条第二款、第二十九条）",
            "请核对原欠款中的本金和利息，原欠款含利息的，必要时降低逾期利率",
        )


def _warn_lapse_without_rate(
    result: Assessment, case: SettlementAgreement, installments: bool
) -> None:
    """A concession that lapses without a late rate: the balance it restores has no stated
    rate or start (民法典 art. 510: settled afterwards by agreement or custom)."""
    when = "引起加速到期的该期付款日" if installments else "付款日"
    result.warn(
        ORIGINAL_LOC,
        "lapse_without_late_interest",
        f"约定了减让失效，但未约定逾期利率：乙方违约、减让失效后应付的原欠款余额（其中恢复的减让"
        f"人民币{format_yuan(_waived(case))}元）自何时起、按何利率计付逾期利息，本协议未作约定，"
        "日后易生争议（《中华人民共和国民法典》第五百一十条）",
        f"请填写「逾期利率」：协议将写明该余额自{when}的次日起按逾期利率计付逾期利息"
        "（民间借贷不得超过合同成立时一年期贷款市场报价利率的四倍）",
    )


def _waived(case: SettlementAgreement) -> Decimal:
    """The sum the creditor releases, and that falls due again when the release lapses
    (nothing without an original debt)."""
    original = case.amount if case.original_debt is None else case.original_debt
    return to_fen(original) - to_fen(case.amount)


# --- words --------------------------------------------------------------------------


def late_clause(case: SettlementAgreement, count: int, rate: str | None) -> str | None:
    """第三条's late-interest paragraph for a plan in installments (``rate``: the late rate
    as printed), or None: one payment's is part of the default clause."""
    if case.late_interest is None or rate is None or count == 1:
        return None
    wording = settlement_wording(case.outcome.kind, True)
    return late_interest_text(rate, NAME, False, wording, _restored_interest(case, wording))


def _restored_interest(case: SettlementAgreement, wording: LateWording) -> str:
    """The sentence on the sum a lapsed concession restores (or ""): it falls due with the
    acceleration that lapses the concession, and bears the late rate from the next day."""
    if case.original_debt is None:
        return ""
    return (
        f"甲方依本协议第一条所作的减让失效的，乙方并应就失效的减让金额人民币"
        f"{format_yuan(_waived(case))}元，按逾期利率向甲方支付逾期利息，自{wording.called}的"
        "次日起计算至实际清偿之日止。"
    )


def concession_text(case: SettlementAgreement) -> str:
    """第一条's sentence on the concession that lapses on default, or ""."""
    if case.original_debt is None:
        return ""
    original = to_fen(case.original_debt)
    return (
        f"乙方确认和解前尚欠甲方的款项（以下简称“原欠款”）为{legal_amount(original)}；甲方"
        f"同意减让其中的人民币{format_yuan(_waived(case))}元，乙方违约的，该减让依本协议第三条"
        "失效。"
    )


def default_clause(case: SettlementAgreement, count: int, rate: str | None = None) -> str:
    """What falls due on default, stated exactly: the settlement amount — or, the
    concession lapsed, the original debt — less what the debtor has paid under the
    agreement (nothing else is owed but the agreed late interest: for one payment stated
    here, at ``rate``, on the whole balance once the concession has lapsed with the
    payment missed), and the creditor's way to it (``remedy``)."""
    amount = to_fen(case.amount)
    owed, lapse = f"和解款总额{legal_amount(amount)}", ""
    if case.original_debt is not None:
        owed = f"原欠款{legal_amount(to_fen(case.original_debt))}"
        lapse = "，甲方依本协议第一条所作的减让失效"
    balance = f"{owed}扣除乙方已按本协议实际支付的款项后的余额"
    what = "该余额及逾期利息" if case.late_interest is not None else "该余额"
    then = remedy(case.outcome.kind, what)
    if count == 1:  # nothing to accelerate
        debtor = "乙方" if lapse else ""
        # the concession lapsed, the whole balance is late from the day after the payment date
        base = "该余额" if lapse else ""
        late = ""
        if rate and case.late_interest:
            late = f"，{late_interest_once(rate, NAME, PAYING, base)}"
        return f"乙方未按期足额付款的{lapse}，{debtor}应向甲方付清{balance}{late}；{then}"
    when = acceleration_trigger(case.acceleration, amount, PAYING)
    return (
        f"{when}，本协议第二条约定的尚未到期的各期款项立即全部到期（加速到期）{lapse}，"
        f"乙方应一次性付清{balance}；{then}"
    )


def remedy(kind: str, what: str) -> str:
    """How the creditor gets ``what``. The agreement itself is no title to enforce: only
    the mediation statement made on it is, once both parties have signed for it
    (民事诉讼法 arts. 100, 247). The plaintiff withdraws only once the first payment is in
    (``settlement_suit``): a default before that finds the suit still pending, and the
    creditor goes on with it rather than suing again; after the withdrawal it sues again
    (民诉法解释 art. 214: a withdrawn claim may be brought anew)."""
    if kind == "mediation":
        return f"甲方有权依据人民法院依本协议内容制作的调解书，就{what}申请人民法院强制执行。"
    if kind == "withdraw":
        return (
            f"甲方尚未依本协议撤回起诉的，有权不再撤诉，在本案中就{what}继续主张权利；"
            f"已撤回起诉的，有权就{what}另行提起诉讼（撤诉后可以再行起诉）。"
        )
    return f"甲方有权就{what}提起诉讼。"


__all__ = [
    "LATE_RATE_WORDS",
    "NAME",
    "PAYING",
    "check_default_terms",
    "concession_text",
    "default_clause",
    "late_clause",
    "remedy",
    "settlement_wording",
]
