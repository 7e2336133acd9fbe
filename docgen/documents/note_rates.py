"""A typed overdue charge whose note names a rate that gives another amount.

A complaint may claim a 违约金 or overdue interest as a typed sum with a note such as
「按合同第六条每日万分之五计算」. The pleading then prints a rate beside an amount that the
rate, over the overdue days, does not give (380,000 × 0.05% × 161 days = 30,590.00, not
9,500.00), and states no base, start or 「至实际清偿之日」. Such a note is read for its rate,
the amount recomputed on the principal from the first overdue day to the amount's as-of
date, and a difference warned of: a warning, not a refusal, because a typed sum may rest
on what the note leaves out (a base lowered by part payments, a later start, tiered
rates), while a claim with a ``calculation`` prints its base, period and rate and is
checked exactly.
"""

from __future__ import annotations

import re
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


def check_noted_rates(
    assessment: Assessment,
    amounts: DebtAmounts,
    base: Decimal,
    overdue_from: date,
    table: LprTable,
    loc: Loc,
) -> None:
    """Warn where a typed overdue charge's note states a rate that gives another amount."""
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
        if computed == to_fen(component.amount):
            continue
        days = (last - overdue_from).days + 1
        assessment.warn(
            (*loc, "components", i, "amount"),
            "noted_rate_disagrees",
            f"{component.display_label}写明「{component.note}」，按{rate.describe()}以"
            f"{format_yuan(base)}元为基数自{format_cn(overdue_from)}起至{format_cn(last)}止共"
            f"{days}天计算为人民币{format_yuan(computed)}元，与填写的人民币"
            f"{format_yuan(component.amount)}元不符；起诉状将印出与金额不符的计算标准",
            hint="请改用「计算方式」（计息基数、利率、计息首日）由系统计算，起诉状将写明基数、"
            "起止日和利率；需主张至实际清偿之日的，请填写「计至实际清偿之日的利息」",
        )
