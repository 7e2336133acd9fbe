"""The concession a settlement makes and what it holds (和解协议 第一条, and 第三条's sums).

By default the creditor's release of part of the debt (民法典 art. 575) is made on a
resolutive condition, the debtor's default (art. 158), so that on default the original
debt less what was paid falls due (``settlement_default``). Keeping the release on default
is an explicit choice (``concession_on_default = kept``), warned of; the lapse, not chosen
away, needs the original debt's figure, so without it the agreement is refused unless
nothing was conceded (the settled amount reaches the claim filed).

The original debt is stated as the debtor confirms it, with its date and its parts
(「乙方确认，截至2026年11月20日，其和解前尚欠甲方的款项（以下简称“原欠款”）为人民币
118,249.32元（大写：…），其中本金人民币100,000.00元、利息、违约金等人民币18,249.32元」):
a sum without its date leaves open whether interest after it is in it, and without its
principal nobody can say what of the sum restored on a lapse bears the late rate
(民法典 art. 510: an unclear term is settled afterwards). The principal is the one typed
(``original_principal``), else the one the recital states (``recited_principal``: a
single figure, typed beside words of a loan or a price and none of interest), which the
user is told of; with neither the agreement is refused.

Late interest runs on principal only: the clause says 「逾期利息不计复利」, and late interest
is owed on a loan (or price) not paid back (民法典 art. 676; 法释〔2020〕17号 art. 28). So the
release takes first what is not principal (the parties may agree the order, 民法典 art. 561),
and where the settled amount itself still holds interest (105,000.00 of which 5,000.00
beyond the principal), the payments go first to that part (the order of art. 561(1):
利息 before 主债务) and the overdue rest bears the late rate only on its principal
(``allocation``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from docgen.documents.problems import Assessment, Loc
from docgen.documents.settlement_recital import amounts_in
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan, legal_amount, to_fen

if TYPE_CHECKING:
    from docgen.documents.settlement_agreement import SettlementAgreement

Concession = Literal["lapses", "kept"]
CONCESSION_LABELS = {
    "lapses": "减让失效，乙方应清偿原欠款扣除已付款项后的余额",
    "kept": "减让仍然有效，乙方只应清偿和解款扣除已付款项后的余额",
}
ORIGINAL_LOC: Loc = ("original_debt",)
PRINCIPAL_LOC: Loc = ("original_principal",)
DATE_LOC: Loc = ("original_debt_date",)
# a figure stated as a loan or a price, none of interest beside it
_PRINCIPAL_WORDS = re.compile(r"出借|借款|借给|本金|货款|价款")
_INTEREST_WORDS = re.compile(r"利息|本息|违约金|罚息|合计|共计|费用")


def principal_word(case: SettlementAgreement) -> str:
    """The original debt's principal as the settled contract names it: a sale's is its
    price (货款), any other debt's 本金; without a contract, as the typed cause names the
    dispute (a 买卖合同纠纷's is 货款), so that a recital of 「尚欠货款」 is not settled
    as 「均为本金」."""
    if case.contract is not None:
        return "货款" if case.contract.kind == "sale" else "本金"
    return "货款" if "买卖合同" in (case.suit.dispute or "") else "本金"


def recited_principal(case: SettlementAgreement) -> Decimal | None:
    """The principal the recital states: one figure in the facts and the contract's
    summary, told as a loan or a price and with nothing said of interest; else None."""
    texts = [case.facts, case.contract.summary if case.contract else None]
    told = "".join(t for t in texts if t)
    values = set(amounts_in(told))
    if len(values) != 1 or not _PRINCIPAL_WORDS.search(told) or _INTEREST_WORDS.search(told):
        return None
    (value,) = values
    return value


def principal_of(case: SettlementAgreement) -> Decimal | None:
    """The principal of the original debt: typed, else the recital's."""
    if case.original_principal is not None:
        return to_fen(case.original_principal)
    return recited_principal(case)


def lapses(case: SettlementAgreement) -> bool:
    """Whether the agreement prints a concession lapsing on default."""
    return case.concession_on_default == "lapses" and case.original_debt is not None


# --- rules --------------------------------------------------------------------------


def check_concession(result: Assessment, case: SettlementAgreement) -> None:
    """The concession chosen can be printed: kept (warned, no original debt), or lapsing
    with the original debt's figure, date and principal."""
    original = case.original_debt
    if case.concession_on_default == "kept":
        if original is not None:
            result.error(
                ORIGINAL_LOC,
                "original_debt_with_concession_kept",
                "已选择乙方违约时减让仍然有效，协议不写原欠款：请删除原欠款金额，或改选"
                "「减让失效，乙方应清偿原欠款扣除已付款项后的余额」",
            )
        return
    if original is None:
        claimed = case.suit.claimed
        if claimed is None or case.amount < claimed:
            result.error(
                ORIGINAL_LOC,
                "original_debt_missing",
                "请填写原欠款金额：协议约定乙方违约时甲方的减让失效、乙方应清偿原欠款扣除已付"
                "款项后的余额，须写明原欠款（附解除条件的民事法律行为，自条件成就时失效，《中华"
                "人民共和国民法典》第一百五十八条）",
                hint="确需约定乙方违约时减让仍然有效的，请在「乙方违约时的减让」中选择「减让仍然"
                "有效」（甲方减让的部分不因乙方违约而恢复）",
            )
        return
    if original <= case.amount:
        result.error(
            ORIGINAL_LOC,
            "no_concession",
            f"原欠款金额（人民币{format_yuan(original)}元）应高于和解金额（人民币"
            f"{format_yuan(case.amount)}元）：和解款不少于原欠款的，没有减让可以失效",
        )
        return
    _check_date(result, case)
    _check_principal(result, case)


def _check_date(result: Assessment, case: SettlementAgreement) -> None:
    on = case.original_debt_date
    if on is None:
        result.error(
            DATE_LOC,
            "original_debt_date_missing",
            "请填写原欠款的计算截至日：原欠款不写明截至哪一日，减让失效后无法确定其中是否已含"
            "该日以后的利息，日后易生争议（《中华人民共和国民法典》第五百一十条）",
            hint="已起诉的，通常为诉讼请求中利息计算的截至日",
        )
    elif on > case.agreement_date:
        result.error(
            DATE_LOC,
            "original_debt_date_after_agreement",
            f"原欠款的计算截至日（{format_cn(on)}）不得晚于协议签订日期"
            f"（{format_cn(case.agreement_date)}）",
        )


def _check_principal(result: Assessment, case: SettlementAgreement) -> None:
    word, original, typed = principal_word(case), case.original_debt, case.original_principal
    if typed is not None:
        if original is not None and typed > original:
            result.error(
                PRINCIPAL_LOC,
                "principal_above_original_debt",
                f"原欠款中的{word}（人民币{format_yuan(typed)}元）不能高于原欠款金额（人民币"
                f"{format_yuan(original)}元）",
                hint="原欠款为本金与利息、违约金等之和，请核对两项金额",
            )
        return
    recited = recited_principal(case)
    if recited is not None and original is not None and recited <= original:
        result.warn(
            PRINCIPAL_LOC,
            "original_principal_from_recital",
            f"未填写原欠款中的{word}：协议按争议经过所述的人民币{format_yuan(recited)}元写明"
            f"原欠款中的{word}，并据此确定减让失效后计付逾期利息的部分",
            hint=f"请核对；原欠款中的{word}不是该金额的，请填写",
        )
        return
    result.error(
        PRINCIPAL_LOC,
        "original_principal_missing",
        f"请填写原欠款中的{word}（不含利息、违约金和费用）：协议须写明原欠款的构成，减让失效后"
        f"只有其中的{word}计付逾期利息，利息、违约金等不再计息（逾期利息不计复利；《中华人民"
        "共和国民法典》第五百一十条、第六百七十六条）",
    )


# --- sums ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    """The sum a lapsed concession restores, and the principal inside it: the release
    takes what is not principal first (as 第一条 says), so its principal is what it
    releases beyond the original debt's interest, penalties and fees."""

    waived: Decimal
    principal: Decimal
    word: str

    @property
    def others(self) -> str:
        """What is not principal, as the articles name it."""
        return f"{self.word}以外的利息、违约金等款项"


def _others(case: SettlementAgreement) -> Decimal | None:
    """What the original debt holds besides its principal (None: either unknown)."""
    principal = principal_of(case)
    if case.original_debt is None or principal is None:
        return None
    return max(Decimal(0), to_fen(case.original_debt) - principal)


def restored(case: SettlementAgreement) -> Restored:
    """The concession's sum and its principal (the rules have made both known)."""
    original = case.amount if case.original_debt is None else case.original_debt
    waived = to_fen(original) - to_fen(case.amount)
    others = _others(case) or Decimal(0)
    return Restored(waived, max(Decimal(0), waived - others), principal_word(case))


def interest_beyond_principal(case: SettlementAgreement) -> Decimal | None:
    """What the original debt holds besides its principal, for the cap's warning."""
    return _others(case)


# --- words --------------------------------------------------------------------------


def concession_text(case: SettlementAgreement) -> str:
    """第一条's sentence on the original debt and the concession that lapses, or ""."""
    if not lapses(case) or case.original_debt is None or case.original_debt_date is None:
        return ""
    original, r = to_fen(case.original_debt), restored(case)
    principal = principal_of(case) or original
    parts = f"，均为{r.word}"
    if principal < original:
        parts = (
            f"，其中{r.word}人民币{format_yuan(principal)}元，利息、违约金等人民币"
            f"{format_yuan(original - principal)}元"
        )
    return (
        f"乙方确认，截至{format_cn(case.original_debt_date)}，其和解前尚欠甲方的款项（以下简称"
        f"“原欠款”）为{legal_amount(original)}{parts}；甲方同意减让{_released(r)}，乙方违约的，"
        "该减让依本协议第三条失效。"
    )


def _released(r: Restored) -> str:
    """What the creditor releases, after 「甲方同意减让」: what is not principal first."""
    waived = format_yuan(r.waived)
    if r.principal == 0:
        return f"其中{r.others}人民币{waived}元"
    if r.principal == r.waived:
        return f"其中的{r.word}人民币{waived}元"
    others = format_yuan(r.waived - r.principal)
    return (
        f"其中的人民币{waived}元（含{r.others}人民币{others}元、{r.word}人民币"
        f"{format_yuan(r.principal)}元）"
    )


def bearing(r: Restored) -> tuple[str, str]:
    """What of the restored sum bears the late rate (or "") and what does not (or ""):
    its principal only — 「逾期利息不计复利」 (民法典 art. 676; 法释〔2020〕17号 arts. 27,
    28)."""
    waived = format_yuan(r.waived)
    if r.principal == 0:
        return "", f"失效的减让金额人民币{waived}元为{r.others}，不计逾期利息"
    if r.principal == r.waived:
        return f"失效的减让金额人民币{waived}元", ""
    rest = format_yuan(r.waived - r.principal)
    return (
        f"失效的减让金额中的{r.word}人民币{format_yuan(r.principal)}元",
        f"其余人民币{rest}元为{r.others}，不计逾期利息",
    )


def allocation(case: SettlementAgreement) -> str:
    """Where the settled amount holds more than the principal, the sentence that keeps
    late interest off its interest (or ""): payments go to that part first, and the
    overdue rest bears the late rate on its principal only."""
    principal = principal_of(case)
    if principal is None or to_fen(case.amount) <= principal:
        return ""
    word = principal_word(case)
    beyond = format_yuan(to_fen(case.amount) - principal)
    return (
        f"和解款中含{word}以外的利息、违约金等款项人民币{beyond}元，乙方按本协议支付的款项先行"
        f"抵充该部分，再抵充{word}；逾期未付的款项中属于该部分的，不计逾期利息。"
    )


__all__ = [
    "CONCESSION_LABELS",
    "Concession",
    "Restored",
    "allocation",
    "bearing",
    "check_concession",
    "concession_text",
    "interest_beyond_principal",
    "lapses",
    "principal_of",
    "principal_word",
    "recited_principal",
    "restored",
]
