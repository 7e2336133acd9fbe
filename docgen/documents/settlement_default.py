"""What a settlement's default costs the debtor (和解协议 第三条 违约责任): its rules and words.

A settlement that only lets the rest fall due costs a defaulting debtor nothing: it keeps
the discount and pays no more for paying late. Two optional terms change that.

- Late interest (``late_interest``): the installment agreement's clause under the same
  rules and warnings (:mod:`docgen.documents.late_interest`), in the settlement's words:
  no interest runs before a payment falls due; the rest falls due by itself on the agreed
  default (no declaration), so it bears late interest from the day after the due date of
  the payment that brought the acceleration; one payment has a clause of its own. The cap
  and the reduction warning follow the settled debt's contract (its kind, its date), which
  the settlement must then name. Without a late rate the agreement states the one the law
  gives, as the installment agreement's interest-free plan does
  (``installment_default.agreed_or_by_law``): a loan's one-year LPR (法释〔2020〕17号
  art. 28(2)(一)), a price's or another paid contract's LPR plus 50% (买卖合同解释
  art. 18(4); 民法典 art. 646), the LPR of the first day the debtor can be late; the user
  is told (``late_interest_defaulted``). Only a settlement naming no contract, whose kind
  decides the measure, states none: the user is warned, naming what the agreement does
  give on default, that of its suit mode (``settlement_suit``). The parties may instead
  agree that no late interest is payable (``late_interest_waived``, ``waiver_clause``):
  late interest is owed as agreed (民法典 art. 676) and a creditor may release it
  (art. 575); warned, and refused beside a typed rate (``_check_waiver``).
- The concession lapses (``original_debt``): the creditor's release of part of the debt
  (民法典 art. 575) is made on a resolutive condition, the debtor's default (art. 158:
  附解除条件的民事法律行为，自条件成就时失效), so that on default the original debt less
  what was paid falls due; a mediation statement may carry it as the liability for not
  performing (民事调解工作若干问题的规定, 法释〔2004〕12号, art. 10 of that text). The
  default: a debtor who keeps the discount on default can pay late at no cost. Keeping
  it is an explicit choice (``concession_on_default``), warned of
  (``concession_kept_on_default``); the lapse needs the original debt's figure, its date
  and its principal (``settlement_concession``), refused when missing.
- The restored sum's interest: the sum released falls due only when the concession
  lapses, on the default that brings the acceleration (or the one payment missed), so
  with a late rate its principal bears that rate from the next day, as the accelerated
  rest does — said with its figure, so that the whole balance has a rate and a start (a
  term left unclear is otherwise settled afterwards, 民法典 art. 510). Only its
  principal: late interest is owed on a loan (or price) not paid back (民法典 art. 676;
  法释〔2020〕17号 art. 28: 自逾期还款之日起), and the clause itself says 「逾期利息不计
  复利」 — a release of interest restored and charged the late rate would be interest on
  interest, which the agreement forbids and which, between private lenders, only the
  restatement of art. 27(1) allows, within art. 27(2)'s cap (
  the late rate on a restored 13,249.32 that was all claimed interest). So the release is
  said to take first what is not principal (interest, penalties, fees; the parties may
  agree the order, 民法典 art. 561), and the principal inside the original debt
  (``original_principal``) fixes how much of the restored sum is principal; without it
  the clause says so by a formula and the user is warned. Why the agreed late rate and
  not the settled contract's terms: the settlement states what falls due on default and
  releases the rest, docgen does not know the contract's rates, and the late rate is
  checked against that contract's cap (private lending: 4 × the one-year LPR at its
  formation, 法释〔2020〕17号 arts. 25, 28(1), 29); none typed, the law's rate is stated.
  Without any (no contract named) the user is warned at ``original_debt``. Private
  lending with interest in the original debt is warned of art. 27(2): principal and
  interest together at most the first principal plus 4 × LPR interest on it for the
  whole term.

The creditor's way to the balance follows the suit: enforcing the mediation statement;
after a withdrawal suing again (民诉法解释 art. 214), before it going on with the pending
suit, for the plaintiff withdraws only after the first payment; before any suit, suing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.acceleration import acceleration_trigger, missed_any
from docgen.documents.base import RuleOptions
from docgen.documents.installment_default import (
    agreed_or_by_law,
    law_measure,
    warn_late_rate_by_law,
)
from docgen.documents.late_interest import (
    BREACH_DAY,
    LOC,
    LateWording,
    check_late_interest,
    first_breach,
    late_interest_once,
    late_interest_text,
    warn_missing,
)
from docgen.documents.problems import Assessment
from docgen.documents.settlement_concession import (
    ORIGINAL_LOC,
    PRINCIPAL_LOC,
    allocation,
    bearing,
    check_concession,
    concession_text,
    interest_beyond_principal,
    lapses,
    principal_of,
    principal_word,
    restored,
)
from docgen.domain.cap_rates import INTERPRETATION
from docgen.domain.clauses import ARTICLES
from docgen.domain.money import format_yuan, legal_amount, to_fen
from docgen.domain.rate_words import describe_agreed_rate

if TYPE_CHECKING:
    from docgen.documents.settlement_agreement import SettlementAgreement
    from docgen.domain.schedule import Installment

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
    """The concession lapsing (or kept by choice, warned of) with what it needs; the late
    rate within its contract's limits, or its absence warned about (``count``: the plan's
    payments, None when unknown)."""
    check_concession(result, case)
    if case.concession_on_default == "kept":
        _warn_concession_kept(result, case)
    lapse = lapses(case) and (case.original_debt or 0) > case.amount
    wording = settlement_wording(case.outcome.kind, count != 1)
    late, contract = case.late_interest, case.contract
    breach = result.computed[BREACH_DAY] = _first_breach(result, case)
    if case.late_interest_waived:  # no rate at all, by the parties' choice
        _check_waiver(result, case)
        return
    if late is None and contract is None:
        warn_missing(result, contract, False, wording)
        if lapse:
            _warn_lapse_without_rate(result, case, count != 1)
        return
    if contract is None:
        result.error(
            LOC,
            "late_interest_without_contract",
            "约定逾期利率的，请填写和解所涉合同：逾期利率是否超过上限（民间借贷）或可能被调减"
            "（买卖、服务等），按该合同的类型和签订日期审查",
        )
        return
    if late is None:  # the law's rate, stated as the installment agreement states it
        missed = missed_any(PAYING) if count != 1 else f"乙方未按期足额{PAYING}的"
        warn_late_rate_by_law(result, contract, missed)
    else:
        check_late_interest(result, late, contract, case.agreement_date, options, wording)
    rate = agreed_or_by_law(late, contract, breach)
    if rate is not None:
        result.computed[LATE_RATE_WORDS] = describe_agreed_rate(rate.spec(), options.lpr_table)
    if lapse:
        _warn_cap(result, case)
    elif allocation(case) and case.original_principal is None:
        _warn_recited_principal(result, case)


WAIVED_LOC = ("late_interest_waived",)


def _check_waiver(result: Assessment, case: SettlementAgreement) -> None:
    """No late interest, by agreement (``late_interest_waived``): a late rate typed beside
    it is refused (the agreement would say both); else the choice is warned of, as the
    installment agreement's unconditional waiver is (``installment_default.check_waiver``):
    a late debtor then pays nothing for the delay. Lawful: late interest on a loan is owed
    「按照约定或者国家有关规定」 (民法典 art. 676), the agreement first, and the law's
    measure — a loan's LPR (法释〔2020〕17号 art. 28(2)), a price's loss (买卖合同解释
    art. 18(4)) — is what a creditor may claim, not what it must; a creditor may release
    the debtor from a debt in whole or part (art. 575), and the parties set their terms
    freely (art. 5)."""
    if case.late_interest is not None:
        result.error(
            WAIVED_LOC,
            "waived_with_late_rate",
            "已填写逾期利率，又选择了不计逾期利息：协议只能约定其一",
            hint="不计逾期利息的，请删除逾期利率；约定逾期利率的，请取消勾选「不计逾期利息」",
        )
        return
    contract = case.contract
    by_law = (
        f"；不选择的，本协议按乙方最早可能逾期之日的{law_measure(contract)}约定逾期利息"
        if contract is not None
        else ""
    )
    result.warn(
        WAIVED_LOC,
        "late_interest_waived",
        "已选择不计逾期利息：乙方未按期足额付款的，本协议约定甲方不计收逾期利息，也不主张逾期"
        "期间的利息损失，乙方迟延付款没有利息成本，甲方只能主张未付的款项（借款人逾期还款的，"
        "按照约定或者国家有关规定支付逾期利息，《中华人民共和国民法典》第六百七十六条：本协议的"
        f"约定即排除了按国家有关规定计付的逾期利息）{by_law}",
        hint="如非有意放弃逾期利息，请取消勾选「不计逾期利息」，或填写逾期利率",
    )


def _first_breach(result: Assessment, case: SettlementAgreement) -> date:
    """The first day the debtor can be in breach: the day after the plan's first payment
    falls due (after the signing, when the plan is not known); the loss of a price paid
    late is measured on the LPR of that day (``late_interest``)."""
    rows: list[Installment] | None = result.computed.get("schedule")
    return first_breach(rows[0].due if rows else None, case.agreement_date)


def _warn_concession_kept(result: Assessment, case: SettlementAgreement) -> None:
    """The concession kept on default, by choice: the settlement states what falls due on
    default — the settled amount's balance — and nothing more. A concession the creditor
    made (a release of part of the debt, 民法典 art. 575) is then not undone by the
    default: to claim the original debt the creditor must rescind the settlement for the
    debtor's breach (art. 563) and prove it, a dispute. A release made on a resolutive
    condition, the debtor's default, lapses by itself when the condition is met (art. 158):
    the default choice. Not warned when the settled amount reaches the claim filed: then
    nothing was conceded."""
    claimed = case.suit.claimed
    if claimed is not None and case.amount >= claimed:
        return
    known = ""
    if claimed is not None:
        short = format_yuan(to_fen(claimed - case.amount))
        known = f"（本协议的和解金额比诉讼请求金额少人民币{short}元）"
    result.warn(
        ("concession_on_default",),
        "concession_kept_on_default",
        f"已选择乙方违约时减让仍然有效：和解金额低于原欠款的{known}，乙方违约时本协议只约定甲方"
        "可主张和解款扣除已付款项后的余额，甲方减让的部分不因乙方违约而恢复；甲方要求清偿原欠款"
        "的，须主张因乙方违约解除本协议（《中华人民共和国民法典》第五百六十三条），日后易生争议。"
        "约定减让以乙方违约为解除条件的，条件成就时减让失效（第一百五十八条）",
        "建议改选「减让失效」并填写原欠款金额、截至日和其中的本金：协议将约定乙方违约时甲方的"
        "减让失效，乙方应清偿原欠款扣除已付款项后的余额",
    )


def _warn_cap(result: Assessment, case: SettlementAgreement) -> None:
    """A lapsing concession with a late rate between private lenders: an original debt
    holding interest is held to art. 27(2)'s cap."""
    others = interest_beyond_principal(case)
    if case.contract is None or case.contract.kind != "private_lending" or not others:
        return
    result.warn(
        ORIGINAL_LOC,
        "late_interest_on_original_debt",
        f"原欠款含利息、违约金等人民币{format_yuan(others)}元：民间借贷借款人在借款期间届满后应当"
        "支付的本息之和，超过以最初借款本金与以最初借款本金为基数、以合同成立时一年期贷款市场报价"
        "利率四倍计算的整个借款期间的利息之和的，人民法院不予支持"
        f"（{INTERPRETATION}第二十七条第二款；逾期利息、违约金和其他费用合计亦以四倍为限，第二十九条）",
        "请核对原欠款中的本金和利息，以及和解款、逾期利息合计是否超过上述上限，必要时降低"
        "逾期利率或和解金额",
    )


def _warn_recited_principal(result: Assessment, case: SettlementAgreement) -> None:
    """The settled amount's principal read from the recital, for the late rate's base."""
    word, principal = principal_word(case), format_yuan(principal_of(case) or Decimal(0))
    result.warn(
        PRINCIPAL_LOC,
        "original_principal_from_recital",
        f"未填写原欠款中的{word}：协议按争议经过所述的人民币{principal}元"
        f"写明和解款中{word}以外的部分，逾期利息只就逾期未付款项中的{word}计付",
        hint=f"请核对；原欠款中的{word}不是该金额的，请填写",
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
        f"人民币{format_yuan(restored(case).waived)}元）自何时起、按何利率计付逾期利息，本协议未作"
        "约定，日后易生争议（《中华人民共和国民法典》第五百一十条）",
        f"请填写「逾期利率」：协议将写明该余额（恢复的减让金额只计其中的本金）自{when}的次日起"
        "按逾期利率计付逾期利息（民间借贷不得超过合同成立时一年期贷款市场报价利率的四倍）",
    )


# --- words --------------------------------------------------------------------------


def late_clause(case: SettlementAgreement, count: int, rate: str | None) -> str | None:
    """第三条's late-interest paragraph for a plan in installments (``rate``: the late rate
    as printed), or None: one payment's is part of the default clause. Waived by the
    parties (``late_interest_waived``), the waiver (``waiver_clause``), however paid."""
    if case.late_interest_waived:
        return waiver_clause(case, count)
    if rate is None or count == 1:
        return None
    wording = settlement_wording(case.outcome.kind, True)
    besides = allocation(case) + _restored_interest(case, wording)
    return late_interest_text(rate, NAME, False, wording, besides)


def waiver_clause(case: SettlementAgreement, count: int) -> str:
    """「双方约定不计逾期利息：乙方未按期足额付款的，甲方不就逾期未付的款项（含加速到期的
    款项）计收逾期利息，也不主张逾期期间的利息损失；乙方仍应依本条约定付清应付款项。」: the
    creditor's release of late interest (民法典 arts. 575, 676), stated before what falls due,
    so that neither the law's rate nor a loss for the delay is claimed later; what the
    debtor owes on default is unchanged (the default clause after it)."""
    parties = "各方" if case.guarantor is not None else "双方"
    which = []
    if count != 1:
        which.append("加速到期的款项")
    if lapses(case) and case.original_debt is not None:
        which.append("减让失效后应付的原欠款余额")
    scope = f"（含{'及'.join(which)}）" if which else ""
    return (
        f"{parties}约定不计逾期利息：乙方未按期足额{PAYING}的，甲方不就逾期未付的{NAME}{scope}"
        "计收逾期利息，也不主张逾期期间的利息损失；乙方仍应依本条约定付清应付款项。"
    )


def _restored_interest(case: SettlementAgreement, wording: LateWording) -> str:
    """The sentence on the sum a lapsed concession restores (or ""): it falls due with the
    acceleration that lapses the concession, and bears the late rate from the next day."""
    if not lapses(case):
        return ""
    bears, rest = bearing(restored(case))
    lapsed = f"甲方依本协议{ARTICLES.cite(0)}所作的减让失效的，"
    if not bears:
        return f"{lapsed}{rest}。"
    text = (
        f"{lapsed}乙方并应就{bears}，按逾期利率向甲方支付逾期利息，自{wording.called}的"
        "次日起计算至实际清偿之日止"
    )
    return text + (f"；{rest}。" if rest else "。")


def default_clause(case: SettlementAgreement, count: int, rate: str | None = None) -> str:
    """What falls due on default, stated exactly: the settlement amount — or, the
    concession lapsed, the original debt — less what the debtor has paid under the
    agreement (nothing else is owed but the agreed late interest: for one payment stated
    here, at ``rate``, on the whole balance once the concession has lapsed with the
    payment missed), and the creditor's way to it (``remedy``)."""
    amount = to_fen(case.amount)
    owed, lapse = f"和解款总额{legal_amount(amount)}", ""
    if lapses(case) and case.original_debt is not None:
        owed = f"原欠款{legal_amount(to_fen(case.original_debt))}"
        lapse = f"，甲方依本协议{ARTICLES.cite(0)}所作的减让失效"
    balance = f"{owed}扣除乙方已按本协议实际支付的款项后的余额"
    what = "该余额及逾期利息" if rate else "该余额"
    early = case.outcome.withdraw_after == "first_payment"
    then = remedy(case.outcome.kind, what, case.guarantor is not None, early)
    if count == 1:  # nothing to accelerate
        debtor = "乙方" if lapse else ""
        # the concession lapsed, the payment and the restored principal are late from the
        # day after the payment date; the restored interest bears none (``bearing``)
        base, rest = "", ""
        if lapse:
            bears, rest = bearing(restored(case))
            base = f"逾期未付的{NAME}" + (f"及{bears}" if bears else "")
        late, shared = "", ""
        if rate:
            late = f"，{late_interest_once(rate, NAME, PAYING, base, rest)}"
            shared = allocation(case)
        joined = f"。{shared}" if shared else "；"
        return f"乙方未按期足额付款的{lapse}，{debtor}应向甲方付清{balance}{late}{joined}{then}"
    when = acceleration_trigger(case.acceleration, amount, PAYING)
    return (
        f"{when}，本协议第二条约定的尚未到期的各期款项立即全部到期（加速到期）{lapse}，"
        f"乙方应一次性付清{balance}；{then}"
    )


def remedy(kind: str, what: str, guarantor: bool = False, early: bool = False) -> str:
    """How the creditor gets ``what``. The agreement itself is no title to enforce: only
    the mediation statement made on it is, once both parties have signed for it
    (民事诉讼法 arts. 100, 247) — against a guarantor only when the statement lists it as
    担保人 (``settlement_suit.mediation_head``; 民事调解工作若干问题的规定 arts. 11, 19 of
    the 2008 text: the guarantee of a statement is enforced when its condition is met).
    The plaintiff withdraws once the whole settlement is paid (``settlement_suit``): a
    default finds the suit still pending, and the creditor goes on with it. Withdrawn
    after the first payment (``early``), by choice, a default before that finds the suit
    pending, one after it means suing again (民诉法解释 art. 214: a withdrawn claim may be
    brought anew)."""
    if kind == "mediation":
        against = "对乙方及调解书列明为担保人的丙方" if guarantor else ""
        return (
            f"甲方有权依据人民法院依本协议内容制作的调解书，就{what}申请人民法院{against}强制执行。"
        )
    if kind == "withdraw" and not early:
        return f"甲方有权不再撤诉，在本案中就{what}继续主张权利。"
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
    "principal_word",
    "remedy",
    "settlement_wording",
    "waiver_clause",
]
