"""The interest figure an application for enforcement claims, checked against the method
typed beside it (「以100,000元为基数，按年利率5.175%自2025年1月11日起」).

The figure is the applicant's own sum; the method is the instrument's. Where the method
gives the base, the rate and the first day, and the last day is known (the day the sum is
counted to for interest running to payment, or the method's own 「至…」), the sum is
recomputed with the calculator every other paper uses (``docgen.domain.interest``: simple
interest, both days counted, base × rate × days / 365, rounded once to the fen): a judge
and the respondent check the sum the same way, and a day too few or too many is an amount
the court will not enforce as typed. The paper prints the day count (「共679日」) so that
they can.

- A difference of one fen is rounding: warned of, with the computed figure.
- A larger difference is refused on the sum, unless the instrument itself states the sum
  (the typed figure appears in its operative part): the instrument's figure is what is
  enforced (执行工作若干问题的规定（试行） art. 18), so that is only warned of.
- A 360-day year gives the same figure for some courts' sums: accepted.

The method may be given as fields (``interest_method``: base, rate, first day, an end where
the instrument sets one), preferred for the check, a rate tied to the LPR included; the
typed words (``interest_note``) are read where the fields are not given, and printed where
typed (the instrument's own words), else the fields' words. With neither, the method the
operative part states unambiguously is read (``enforcement_title_interest``) and printed
as fields would be. A sum claimed with neither a
method that can be read nor the instrument stating it is warned of
(``interest_method_not_checked``): a method described in other words (「按同期贷款利率」)
is not silently taken as checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from docgen.documents.enforcement_names import names
from docgen.documents.enforcement_operative import TITLE_ONLY, awarded
from docgen.documents.enforcement_title_interest import read_from_title, title_method
from docgen.documents.note_rates import rate_in_note
from docgen.documents.problems import Assessment
from docgen.domain.dates import FROM_DAY, TO_DAY, day_of, format_cn
from docgen.domain.interest import InterestResult, RateSpec, interest_on_principal
from docgen.domain.lpr import LprNotAvailable, LprTable, format_percent
from docgen.domain.money import format_yuan, read_figure

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication
    from docgen.documents.enforcement_parts import InterestMethod

_BASE = re.compile(r"以\s*([\d,]+(?:\.\d+)?)\s*元为基数")
ROUNDING = Decimal("0.01")


@dataclass(frozen=True)
class Method:
    """The method typed beside the interest: base, rate, first and last day counted."""

    base: Decimal
    rate: RateSpec
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


# a method typed with its end (「…自2025年1月11日计至2026年11月20日」): its start and end
_WITH_END = re.compile(
    r"^(?P<head>.*自\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)起?\s*(?:计算?|起)?"
    r"至\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日止?$"
)
_TO_PAYMENT = re.compile(r"至(?:实际)?(?:清偿|给付|支付|履行|付清)(?:完毕)?之日")


@dataclass(frozen=True)
class Claimed:
    """How the interest is claimed: its method (without an end where it runs), whether it
    runs to payment, and the day its figure is counted to."""

    note: str
    runs: bool
    until: date | None


def claimed(case: EnforcementApplication, name: str) -> Claimed:
    """The interest as claimed. It runs to payment where the case says so, or where the
    instrument's award of it (under ``name``) runs to payment (「…计算至实际清偿之日止」):
    then the figure is a sum to a day (法释〔2014〕8号 art. 1(2): the interest follows the
    instrument's method), never the whole claim, and an end typed in the method is the day
    the figure is counted to."""
    o = case.outstanding
    given = o.interest_method or read_from_title(case)
    note = (o.interest_note or method_words(given)).strip().rstrip("，。；;,")
    counted_to = o.interest_until or case.calculation_date or case.application_date
    if o.interest_to_payment:
        return Claimed(note, True, counted_to)
    award = awarded(case.title.operative_part)
    if not (o.interest and name in award and _TO_PAYMENT.search(award)):
        return Claimed(note, False, day_of(TO_DAY.search(note)))
    found = _WITH_END.match(note)
    if found is None:
        return Claimed(note, True, counted_to)
    try:
        end = date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return Claimed(note, True, counted_to)
    return Claimed(f"{found['head']}起", True, o.interest_until or end)


def method_words(given: InterestMethod | None) -> str:
    """「以100,000.00元为基数，按年利率3.45%自2025年1月11日起计至2026年11月20日止」: the
    method's fields as the application states a method; '' without them."""
    if given is None:
        return ""
    end = f"计至{format_cn(given.end)}止" if given.end else ""
    rate = given.rate.spec().describe()
    return f"以{format_yuan(given.base)}元为基数，按{rate}自{format_cn(given.start)}起{end}"


def method(case: EnforcementApplication, name: str) -> Method | None:
    """The method the fields give, else the one the note states, with the day the figure
    is counted to; None where a part is missing (in the note: an LPR rate, no base, no
    first or last day)."""
    how = claimed(case, name)
    # the fields typed, else (no note typed either) the operative part's own words
    given = case.outstanding.interest_method or read_from_title(case)
    if given is not None:
        end = how.until if how.runs or given.end is None else given.end
        if end is None or end < given.start:
            return None
        return Method(given.base, given.rate.spec(), given.start, end)
    note = case.outstanding.interest_note or ""
    base, rate = _BASE.search(note), rate_in_note(note)
    amount = read_figure(base.group(1)) if base is not None else None
    start = day_of(FROM_DAY.search(note))
    end = how.until
    if amount is None or rate is None or start is None or end is None or end < start:
        return None
    return Method(amount, rate, start, end)


def _counted(m: Method, table: LprTable, day_count: Literal[365, 360]) -> InterestResult | None:
    try:
        return interest_on_principal(
            m.base, m.rate, m.start, m.end + timedelta(days=1), table, day_count=day_count
        )
    except (ValueError, LprNotAvailable):
        return None


def _computed(m: Method, table: LprTable, day_count: Literal[365, 360]) -> Decimal | None:
    result = _counted(m, table, day_count)
    return result.interest if result is not None else None


def _formula(m: Method, counted: InterestResult) -> str:
    """「100,000.00元×3.45%×679÷365」; for a rate that floats with the LPR over the days
    counted, each period with the rate checked for it (「分段计算：2025年1月11日至2025年5月19日：
    100,000.00元×3.1%×129÷365=1,095.62元；…」), so that the message shows every rate the
    figure was checked at, not the first day's alone."""
    steps = counted.steps
    if len({step.annual_percent for step in steps}) <= 1:
        percent = format_percent(steps[0].annual_percent) if steps else "0"
        return f"{format_yuan(m.base)}元×{percent}%×{m.days}÷365"
    return "分段计算：" + "；".join(
        f"{format_cn(step.start)}至{format_cn(step.end - timedelta(days=1))}："
        f"{format_yuan(step.base)}元×"
        f"{format_percent(step.annual_percent)}%×{step.days}÷{step.day_count}="
        f"{format_yuan(step.amount)}元"
        for step in steps
    )


def check_interest_figure(
    result: Assessment, case: EnforcementApplication, table: LprTable
) -> None:
    """The typed interest against its own method (the module's rules)."""
    o = case.outstanding
    if o.interest is None:
        return
    # after payments the figure is what the allocation leaves (``enforcement_allocation``),
    # checked there where it is known
    found = result.computed.get("allocation")
    if found is not None and found.interest is not None:
        return
    name = names(case).interest
    m = method(case, name)
    stated = o.interest in stated_figures(case.title.operative_part)
    counted = _counted(m, table, 365) if m is not None else None
    computed = counted.interest if counted is not None else None
    if m is None or counted is None or computed is None:
        if not stated:
            _warn_not_checked(result, case, name)
        return
    if computed == o.interest or _computed(m, table, 360) == o.interest:
        return
    # the method typed, or the one read from the operative part
    source = "按法律文书判项所载计算方法" if read_from_title(case) else "按所填计算方法"
    words = (
        f"{source}，以{format_yuan(m.base)}元为基数，按{m.rate.describe()}自"
        f"{format_cn(m.start)}起至{format_cn(m.end)}止共{m.days}日，计算为人民币"
        f"{format_yuan(computed)}元（{_formula(m, counted)}），"
        f"与填写的人民币{format_yuan(o.interest)}元相差人民币"
        f"{format_yuan(abs(computed - o.interest))}元"
    )
    at = ("outstanding", "interest")
    if abs(computed - o.interest) <= ROUNDING:
        result.warn(at, "interest_rounding", f"{words}（尾数差异），请核对")
    elif stated:
        result.warn(
            at,
            "interest_disagrees_with_method",
            f"{words}；该金额为法律文书载明的金额，以法律文书为准，请核对",
        )
    else:
        result.error(
            at,
            "interest_disagrees_with_method",
            f"{words}：申请执行的利息应按法律文书确定的方法计算，请核对金额或计算方法",
            hint=f"{source}应为人民币{format_yuan(computed)}元（起止日均计入）",
        )


_FIGURE = re.compile(r"([\d,]*\d(?:\.\d{1,2})?)元")


def stated_figures(operative: str) -> set[Decimal]:
    """Every sum of money the award terms state (「利息5,000元」 as 5000: the figure as a
    judgment writes it, not as the application prints it, 5,000.00), each term's."""
    figures = (read_figure(f) for f in _FIGURE.findall("".join(awarded(operative).split())))
    return {f for f in figures if f is not None}


def _warn_not_checked(result: Assessment, case: EnforcementApplication, name: str) -> None:
    """The figure is the applicant's own and no method it can be checked against is given:
    what is enforced is what the instrument determines (执行工作若干问题的规定（试行）
    arts. 16(1)(3), 18), a sum the court checks against the instrument's method."""
    o = case.outstanding
    amount = format_yuan(o.interest) if o.interest is not None else ""
    note = (o.interest_note or "").strip()
    why = f"所填「利息计算方法」（{note}）未能读出基数、利率和起算日" if note else "未填写计算方法"
    result.warn(
        ("outstanding", "interest_method"),
        "interest_method_not_checked",
        f"{name}人民币{amount}元未能核对：{why}，法律文书也未载明该金额。申请执行的应为"
        f"法律文书确定的金额，按法律文书确定的方法计算（{TITLE_ONLY}），请核对金额",
        hint=_not_checked_hint(case, note),
    )


def _not_checked_hint(case: EnforcementApplication, note: str) -> str:
    """What to do; where the operative part itself states a method docgen reads, that
    method, which the words typed keep from being used."""
    read = title_method(case) if note else None
    if read is None:
        return "请在「利息计算方式」中填写法律文书确定的计息基数、利率和起算日，以便核对"
    end = f"至{format_cn(read.end)}止" if read.end else "至实际清偿之日止"
    return (
        f"法律文书的判项载明以{format_yuan(read.base)}元为基数，按{read.rate.spec().describe()}"
        f"自{format_cn(read.start)}起计算{end}，与所填计算方法不同：请按判项改写「利息计算方法」，"
        "或将其清空以按判项核对"
    )


def days_words(case: EnforcementApplication, name: str) -> str:
    """「共679日」 where the method gives the days the figure is counted over, else ''."""
    m = method(case, name)
    return f"共{m.days}日" if m is not None else ""
