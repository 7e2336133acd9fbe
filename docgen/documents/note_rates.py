"""A typed overdue charge whose note names a rate: the figure read against that rate.

A complaint or a letter may claim a 违约金 or overdue interest as a typed sum with a note
such as 「按合同第六条每日万分之五计算」. The note is read for its rate and the amount
recomputed on the principal from the first overdue day to the amount's as-of date
(380,000 × 0.05% × 161 days = 30,590.00), so that a printed rate never stands beside a
figure it does not give:

- the same figure: the document prints the note with its base and period (「…：以
  380,000.00元为基数，自2026年1月1日起至2026年6月10日止共161天」);
- a typed sum below it: a creditor may claim less than the contract gives (民事诉讼法
  art. 13(2): a party disposes of its civil rights within the law), so the document
  prints what the stated basis gives and that part of it is claimed (「…计为人民币
  30,590.00元，原告主张其中人民币9,500.00元」), and the user is warned, for a sum computed
  on another base or from another day is then better typed as a ``calculation``;
- a typed sum above it: refused (``noted_rate_exceeded``): a claim above its own stated
  basis contradicts itself, and a 违约金 is owed only as agreed (民法典 art. 585(1)).

A claim with a ``calculation`` prints its base, period and rate and is checked exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Literal

from docgen.documents.combined_cap import OVERDUE_WORDS
from docgen.documents.part_models import AmountComponent, DebtAmounts
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.interest import RateSpec, interest_on_principal
from docgen.domain.lpr import LprNotAvailable, LprTable
from docgen.domain.money import format_yuan, to_fen
from docgen.domain.rate_words import describe_penalty_rate

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2, "〇": 0}
_NUMBER = r"([\d.]+|[零〇一二两三四五六七八九十点]+)"
_FRACTION = re.compile(r"(?:每日|日)(?:利率)?(?:为|按)?(万分之|千分之)" + _NUMBER)
_PERCENT = re.compile(
    r"(每日|日利率|日|月利率|每月|年利率|年化利率|每年)(?:为|按)?([\d.]+)\s*[%％]"
)
_KINDS: dict[str, Literal["daily", "monthly"]] = {
    "每日": "daily",
    "日利率": "daily",
    "日": "daily",
    "月利率": "monthly",
    "每月": "monthly",
}


def _number(text: str) -> Decimal | None:
    """``5`` / ``0.5`` / ``五`` / ``十五`` / ``一点七五`` as a Decimal."""
    try:
        return Decimal(text)
    except InvalidOperation:
        pass
    whole, _, fraction = text.partition("点")
    if "十" in whole:
        tens, _, ones = whole.partition("十")
        value = (_DIGITS.get(tens, 1) if tens else 1) * 10 + (_DIGITS.get(ones, 0) if ones else 0)
    elif whole and all(c in _DIGITS for c in whole):
        value = int("".join(str(_DIGITS[c]) for c in whole))
    else:
        return None
    if fraction and not all(c in _DIGITS for c in fraction):
        return None
    digits = "".join(str(_DIGITS[c]) for c in fraction)
    return Decimal(f"{value}.{digits}") if digits else Decimal(value)


def rate_in_note(note: str) -> RateSpec | None:
    """The rate a note states (每日万分之五 → 日利率0.05%; 年利率6% …), or None."""
    if "LPR" in note.upper() or "贷款市场报价利率" in note:
        return None  # tied to a published rate: its value on each day is not in the note
    found = _FRACTION.search(note)
    if found:
        number = _number(found.group(2))
        if number is None:
            return None
        per = Decimal(100) if found.group(1) == "万分之" else Decimal(10)
        return RateSpec("daily", number / per)
    found = _PERCENT.search(note)
    if found:
        return RateSpec(_KINDS.get(found.group(1), "annual"), Decimal(found.group(2)))
    return None


def overdue_charge(component: AmountComponent) -> bool:
    return component.kind == "penalty" or (
        component.kind == "interest" and any(w in component.display_label for w in OVERDUE_WORDS)
    )


_SUM = re.compile(r"\d[\d,.]*\s*元")
_SHARE = re.compile(r"[%％]|分之")


def traced_note(note: str) -> bool:
    """The note names a rate, or a base sum and the share of it charged."""
    return rate_in_note(note) is not None or bool(_SUM.search(note) and _SHARE.search(note))


def names_a_sum(note: str) -> bool:
    """The note names a sum (「约定违约金5,000元」): a figure the reader can check."""
    return bool(_SUM.search(note))


@dataclass(frozen=True)
class NotedCharge:
    """A typed overdue charge and what its note's rate gives on ``base`` from ``start``
    to ``end`` (both counted)."""

    rate: RateSpec
    base: Decimal
    start: date
    end: date
    computed: Decimal
    typed: Decimal
    penalty: bool

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def rate_words(self) -> str:
        return describe_penalty_rate(self.rate) if self.penalty else self.rate.describe()

    def period(self) -> str:
        """「以380,000.00元为基数，自2026年1月1日起至2026年6月10日止共161天」"""
        return (
            f"以{format_yuan(self.base)}元为基数，自{format_cn(self.start)}起至"
            f"{format_cn(self.end)}止共{self.days}天"
        )

    def printed(self, note: str, claimant: str) -> str:
        """The note as printed beside the amount, with its base and period; a sum below
        what the rate gives says that ``claimant`` (原告, 我方现, 委托人现) claims part."""
        text = f"{note.rstrip('。；;')}：{self.period()}"
        if self.typed < self.computed:
            text += (
                f"，计为人民币{format_yuan(self.computed)}元，{claimant}主张其中人民币"
                f"{format_yuan(self.typed)}元"
            )
        return text


def noted_charges(
    amounts: DebtAmounts, base: Decimal, overdue_from: date, table: LprTable
) -> dict[int, NotedCharge]:
    """By component index, each typed overdue charge whose note states a rate, read
    against that rate on ``base`` from ``overdue_from`` to the charge's as-of date."""
    found: dict[int, NotedCharge] = {}
    for i, component in enumerate(amounts.components):
        if component.calculation is not None or component.amount is None:
            continue
        rate = rate_in_note(component.note or "") if overdue_charge(component) else None
        last = component.as_of or amounts.as_of
        if rate is None or base <= 0 or last < overdue_from:
            continue
        try:
            computed = interest_on_principal(
                base, rate, overdue_from, last + timedelta(days=1), table
            ).interest
        except (ValueError, LprNotAvailable):
            continue
        penalty = component.kind == "penalty"
        typed = to_fen(component.amount)
        found[i] = NotedCharge(rate, base, overdue_from, last, computed, typed, penalty)
    return found


def check_noted_rates(
    assessment: Assessment,
    amounts: DebtAmounts,
    base: Decimal,
    overdue_from: date,
    table: LprTable,
    document: str = "起诉状",
) -> dict[int, NotedCharge]:
    """Refuse a typed overdue charge above what its note's rate gives; warn of one below
    it, which ``document`` prints as a part claimed (:meth:`NotedCharge.printed`). Returns
    the charges read (:func:`noted_charges`); problems on ``amounts.components[i].amount``."""
    loc: Loc = ("amounts",)
    charges = noted_charges(amounts, base, overdue_from, table)
    for i, charge in charges.items():
        if charge.typed == charge.computed:
            continue
        component = amounts.components[i]
        figures = (
            f"{component.display_label}写明「{component.note}」，按{charge.rate_words()}"
            f"{charge.period()}计算为人民币{format_yuan(charge.computed)}元"
        )
        how = (
            "请改用「计算方式」（计息基数、利率、计息首日）由系统计算，"
            f"{document}将写明基数、起止日和标准"
        )
        if charge.typed > charge.computed:
            assessment.error(
                (*loc, "components", i, "amount"),
                "noted_rate_exceeded",
                f"{figures}，填写的人民币{format_yuan(charge.typed)}元超过该金额：{document}不能"
                "主张超出其所写计算标准的金额，违约金依约定的数额或计算方法确定（《中华人民共和国"
                "民法典》第五百八十五条第一款）",
                hint=f"请核对金额；按其他基数或起算日计算的，{how}",
            )
            continue
        assessment.warn(
            (*loc, "components", i, "amount"),
            "noted_rate_part_claimed",
            f"{figures}，高于填写的人民币{format_yuan(charge.typed)}元：{document}将写明按该标准"
            f"计算的金额及其基数、起止日，并写明只主张其中人民币{format_yuan(charge.typed)}元",
            hint=f"确系只主张部分的，无需修改；金额按其他基数或起算日计算的，{how}",
        )
    return charges
