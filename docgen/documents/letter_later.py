"""What a letter reserves after its amounts: the overdue interest (or the loss from late
payment) and any 违约金 that run until payment, each with its base, rate, start and source,
and what the signed receipt leaves out of the total it confirms.

- Overdue interest runs from the day after the due date (民法典 art. 676; for a private
  loan at the rate 法释〔2020〕17号 art. 28 gives). Where no interest row of the amounts
  covers a span after the due date, the letter does not pass over it: it says the table
  leaves the overdue interest out and reserves it from the first uncovered day, at the
  overdue rate the amounts compute with, else at the loan term's agreed rate (art.
  28(2)(2): 约定了借期内利率但是未约定逾期利率的，按照借期内利率), else, for a private
  loan with no interest at all, at the one-year LPR (art. 28(2)(1)). The operator is
  warned that the span is reserved, not claimed.
- A 违约金 that runs on is owed as the parties agreed it (民法典 art. 585), not as
  overdue interest: it cites its own article; a private loan's overdue interest and
  违约金 together stay within four times the one-year LPR (法释〔2020〕17号 art. 29).
- The receipt confirms the total only: it leaves out every running item the letter
  reserves, so that the signed slip never reads as the whole debt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from docgen.documents.agreement_terms import principal_of
from docgen.documents.amount_checks import ResolvedAmounts
from docgen.documents.guardian_rules import CIVIL_CODE
from docgen.documents.interest_periods import chronological, last_day
from docgen.documents.letter_amounts import no_rate_overdue, rate_only_in_summary
from docgen.documents.letter_capacity import contract_status
from docgen.documents.note_rates import rate_in_note
from docgen.documents.part_models import DebtAmounts
from docgen.documents.problems import Assessment
from docgen.domain.cap_rates import INTERPRETATION
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan

_LATER_NAMES = {
    "private_lending": "逾期利息",
    "financial_loan": "逾期利息",
    "credit_card": "逾期利息",
}
"""What runs on an unpaid debt after the cut-off: a loan's overdue interest (民法典
art. 676), for any other debt the loss from late payment (art. 577)."""

_LATER_SOURCES = {
    "private_lending": f"{CIVIL_CODE}第六百七十六条；{INTERPRETATION}第二十八条",
    "financial_loan": f"{CIVIL_CODE}第六百七十六条",
}
_TERM_RATE_SOURCE = f"{CIVIL_CODE}第六百七十六条；{INTERPRETATION}第二十八条第二款第二项"
_LPR_SOURCE = f"{CIVIL_CODE}第六百七十六条；{INTERPRETATION}第二十八条第二款第一项"
PENALTY_SOURCE = f"{CIVIL_CODE}第五百八十五条"
"""A 违约金 runs as the parties agreed it (民法典 art. 585(1)), not as overdue interest."""


@dataclass(frozen=True)
class Reservation:
    """The sentence under the amounts, what the receipt leaves out (「，不含…」 or ""),
    and, where overdue interest is reserved over a span the amounts do not claim, that
    span's first day and whether its rate was known (for the operator's warning)."""

    text: str
    excludes: str
    gap_from: date | None = None
    rate_known: bool = True


def later_terms(case: Any) -> tuple[str, str]:
    """What runs after the cut-off date, and its source; nothing under a contract void
    from the start. No overdue interest was agreed there, and the loss of the money's
    use is owed only by the party at fault (民法典 art. 157: 有过错的一方应当赔偿对方由此
    所受到的损失): the debtor was a person without capacity (arts. 20, 21) and the case
    states no fault of the debtor's, while a lender who hands money to such a person is
    the party the fault points to. So no loss is reserved; a loss the user can ground is
    claimed as an amount of its own (项目类型「其他」 with its basis)."""
    if contract_status(case) == "void":
        return "", ""
    kind = case.contract.kind
    source = _LATER_SOURCES.get(kind, f"{CIVIL_CODE}第五百七十七条")
    return _LATER_NAMES.get(kind, "逾期付款损失"), source


def reservation(case: Any, resolved: tuple[DebtAmounts, ResolvedAmounts], we: str) -> Reservation:
    """The amounts stop at their cut-off date; what runs on does not, until paid.

    Said under the table, so that neither the debtor nor a court reads the total as all
    that is owed. ``resolved``: the amounts as the letter prints them (``letter_amounts``).
    """
    amounts, computed = resolved
    cut_off = format_cn(amounts.as_of)
    name, source = later_terms(case)
    if not name:
        return Reservation(f"上述金额计算至{cut_off}。", "")
    running = _running(case, amounts, computed, source)
    interest = [claim for kind, claim, _ in running if kind == "interest"]
    others = [(claim, src) for kind, claim, src in running if kind != "interest"]
    cap = combined_cap(case)
    if name == "逾期利息" and not interest:
        return _with_gap(case, (amounts, computed), others, we, cap)
    if interest or others:
        sources = {src for _, _, src in running}
        parts = [claim for _, claim, _ in running]
        if len(sources) > 1:  # each item with its own article
            parts = [f"{claim}（{src}）" for _, claim, src in running]
        tail = f"（{sources.pop()}）" if len(sources) == 1 else ""
        later = f"此后的{name}，" + "；".join(parts)
        excludes = f"，不含{cut_off}之后按本函所述方法继续计算的款项"
        text = f"上述金额计算至{cut_off}；{later}，{we}依法保留主张的权利{tail}。{cap}"
        return Reservation(text, excludes)
    later = f"此后至实际清偿之日止的{name}"
    text = f"上述金额计算至{cut_off}；{later}，{we}依法保留主张的权利（{source}）。{cap}"
    return Reservation(text, f"，不含{cut_off}之后的{name}")


def _running(
    case: Any, amounts: DebtAmounts, computed: ResolvedAmounts, source: str
) -> list[tuple[str, str, str]]:
    """(kind, claim, source) of every computed overdue row that runs to the cut-off and on
    from the next day with its base and rate; a 违约金 (or other row) is named, with its
    own article."""
    principal, start = principal_of(amounts, computed), amounts.as_of + timedelta(days=1)
    running = []
    for component in (amounts.components[i] for i in chronological(amounts)):
        calc = component.calculation
        if calc is None or calc.start <= case.contract.due_date:
            continue  # not overdue interest
        if last_day(component, amounts) != amounts.as_of:
            continue
        penalty = component.kind == "penalty"
        claim = computed.running_claim(calc.base or principal, calc.rate.spec(), start, penalty)
        if component.kind == "interest":
            running.append(("interest", claim, source))
            continue
        own = PENALTY_SOURCE if component.kind == "penalty" else source
        running.append((component.kind, f"{component.display_label}，{claim}", own))
    return running


def _with_gap(
    case: Any,
    resolved: tuple[DebtAmounts, ResolvedAmounts],
    others: list[tuple[str, str]],
    we: str,
    cap: str,
) -> Reservation:
    """A loan's overdue interest no row runs to the cut-off: reserved from the first day
    no interest row covers after the due date, with its base, start and rate."""
    amounts = resolved[0]
    cut_off = format_cn(amounts.as_of)
    first = first_uncovered_day(case, amounts)
    claim, source, known = _gap_claim(case, resolved, first)
    if first > amounts.as_of:
        lead, name = f"上述金额计算至{cut_off}；", "此后的逾期利息"
    elif not any(c.kind == "interest" for c in amounts.components):
        # a table with no interest row: its start date before the cut-off says it all
        lead, name = f"上述金额计算至{cut_off}；", "逾期利息"
    elif first == case.contract.due_date + timedelta(days=1):
        lead, name = f"上述金额计算至{cut_off}，未含逾期利息；", "逾期利息"
    else:
        covered = format_cn(first - timedelta(days=1))
        lead, name = f"上述金额计算至{cut_off}，其中逾期利息计至{covered}；", "此后的逾期利息"
    named = name + ("" if name == "逾期利息" else "，")  # 「逾期利息以…」, 「此后的逾期利息，以…」
    if others:  # each item with its own article
        parts = [f"{named}{claim}（{source}）", *(f"{c}（{s}）" for c, s in others)]
        text = lead + "；".join(parts) + f"，{we}依法保留主张的权利。{cap}"
    else:
        text = f"{lead}{named}{claim}，{we}依法保留主张的权利（{source}）。{cap}"
    if first > amounts.as_of:
        excludes = f"，不含{cut_off}之后按本函所述方法继续计算的款项"
    else:
        excludes = f"，不含本函所述自{format_cn(first)}起计算的逾期利息"
        if others:
            excludes += f"及{cut_off}之后按本函所述方法继续计算的其他款项"
    gap = first if first <= amounts.as_of else None
    return Reservation(text, excludes, gap, known)


def first_uncovered_day(case: Any, amounts: DebtAmounts) -> date:
    """The first day after the due date that no interest row of the amounts counts."""
    covered: date = case.contract.due_date
    for component in amounts.components:
        if component.kind == "interest":
            covered = max(covered, last_day(component, amounts))
    return covered + timedelta(days=1)


def _gap_claim(
    case: Any, resolved: tuple[DebtAmounts, ResolvedAmounts], first: date
) -> tuple[str, str, bool]:
    """The reserved overdue interest's base, start and rate, its source, and whether the
    rate comes from the data: an overdue rate the amounts compute with, else the loan
    term's agreed rate (法释〔2020〕17号 art. 28(2)(2)), else for a private loan with no
    interest the one-year LPR (art. 28(2)(1)); else the contract's rate, by reference. A
    typed interest row's rate is read from its note (「按年利率6%…」, ``rate_in_note``)."""
    amounts, computed = resolved
    principal = principal_of(amounts, computed)
    _, source = later_terms(case)
    rates = [
        c.calculation
        for c in amounts.components
        if c.kind == "interest" and c.calculation is not None
    ]
    overdue = [c for c in rates if c.start > case.contract.due_date]
    term = [c for c in rates if c.start <= case.contract.due_date]
    noted = [
        rate
        for c in amounts.components
        if c.kind == "interest" and c.calculation is None
        for rate in [rate_in_note(c.note or "")]
        if rate is not None
    ]
    if overdue or noted:  # the rate the amounts run past the due date with
        rate = overdue[-1].rate.spec() if overdue else noted[-1]
        return computed.running_claim(principal, rate, first), source, True
    if term:  # the loan term's agreed rate
        if case.contract.kind == "private_lending":
            source = _TERM_RATE_SOURCE
        return computed.running_claim(principal, term[-1].rate.spec(), first), source, True
    lpr = no_rate_overdue(case, computed)
    if lpr and first == case.contract.due_date + timedelta(days=1):
        return lpr.removeprefix("逾期利息"), _LPR_SOURCE, True
    # a private loan's agreed overdue rate counts only up to four times the one-year LPR
    # when the contract was formed (法释〔2020〕17号 art. 28(1)): a rate by reference says so
    capped = (
        "（以不超过合同成立时一年期贷款市场报价利率的四倍为限）"
        if case.contract.kind == "private_lending"
        else ""
    )
    claim = (
        f"以{format_yuan(principal)}元为基数，自{format_cn(first)}起按《{case.contract.name}》"
        f"约定的利率{capped}计算至实际清偿之日止"
    )
    return claim, source, False


def check_reservation(result: Assessment, case: Any) -> None:
    """Warn where the letter reserves overdue interest over a span its amounts do not
    claim, and where it cannot state the reserved interest's rate."""
    computed = result.computed.get("amounts")
    if computed is None or result.errors:
        return
    from docgen.documents.letter_amounts import letter_amounts

    held = reservation(case, letter_amounts(case, computed), "我方")
    if held.gap_from is not None:
        cut_off = format_cn(case.amounts.as_of)
        result.warn(
            ("amounts", "components"),
            "overdue_interest_not_claimed",
            f"自{format_cn(held.gap_from)}起至{cut_off}的逾期利息未计入欠款金额：函件写明"
            "「未含逾期利息」并自该日起保留主张（基数、利率、起算日），回执不确认该部分；"
            "如需一并催收，请添加逾期利息项目（按计算方式填写，自该日起算）（《中华人民共和国"
            "民法典》第六百七十六条；法释〔2020〕17号第二十八条第二款）",
        )
    stated = rate_only_in_summary(case)
    if not held.rate_known and stated:
        _warn_rate_only_in_summary(result, case, stated)
    elif not held.rate_known:
        result.warn(
            ("amounts", "components"),
            "later_interest_rate_unstated",
            "利息未按计算方式填写，函件无法写明此后逾期利息的利率，只写「按合同约定的利率」：建议"
            "以计算方式填写利息（利率、起止日期及约定条款）",
        )


def _warn_rate_only_in_summary(result: Assessment, case: Any, stated: str) -> None:
    """The rate the contract agreed is written in the summary only (``rate_only_in_summary``):
    the letter reserves the overdue interest at the contract's agreed rate by reference, not
    at the one-year LPR that applies only where no rate was agreed (法释〔2020〕17号 art.
    28(2)(1)); the operator is told to type the rate where the letter can state it."""
    name = case.contract.name
    result.warn(
        ("contract", "summary"),
        "agreed_rate_only_in_summary",
        f"债务形成经过写有「{stated}」，但欠款明细中没有按计算方式填写的利息：函件无法写明"
        f"逾期利息的利率，只写按《{name}》约定的利率计算，不按未约定利率的情形参照一年期"
        f"贷款市场报价利率计算（{INTERPRETATION}第二十八条第二款第一项）。借贷双方约定了逾期"
        "利率的，从其约定，但以不超过合同成立时一年期贷款市场报价利率四倍为限（第二十八条"
        "第一款）；只约定了借期内利率的，自逾期还款之日起按借期内利率计算（第二十八条第二款"
        "第二项）",
        hint="请在「欠款明细」中添加利息项目，在「计算方式」中填写约定的「利率」、「计息首日」和"
        f"「利率的约定依据」（如 《{name}》第五条），函件即写明利率及其依据；合同并未约定利率的，"
        "请从债务形成经过中删去该利率",
    )


def combined_cap(case: Any) -> str:
    """「逾期利息与违约金合计不超过…四倍」 for a private loan's letter that claims a 违约金
    (法释〔2020〕17号 art. 29), else nothing."""
    if case.contract.kind != "private_lending":
        return ""
    if not any(c.kind == "penalty" for c in case.amounts.components):
        return ""
    return (
        "逾期利息与违约金合计以合同成立时一年期贷款市场报价利率的四倍为限"
        f"（{INTERPRETATION}第二十九条）。"
    )


__all__ = ["Reservation", "check_reservation", "combined_cap", "later_terms", "reservation"]
