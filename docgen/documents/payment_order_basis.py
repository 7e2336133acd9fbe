"""An interest or penalty item of a payment order given only by its written basis
(「以借款本金100,000元为基数，按约定年利率6%，自2025年1月11日起至2026年1月10日止，共365日」),
read as the calculation it states, so that its amount is checked as a calculation's is
(``payment_order_amounts``; the letters' and the complaint's ``amount_checks``: simple
interest, both days counted, base × rate × days / 365, rounded once to the fen).

The basis is printed beside the amount in the application, and the order is made for the
figure asked (民诉法解释 art. 427(2): 数额确定): a basis that gives another figure than the
amount is two amounts on one line. It is read only when it states a rate in figures (年利率
6%, 每日万分之五 …; not one tied to the LPR, whose value on each day the words do not
give), a first day after 自 and a last day after 至; the base is the figure before 元为基数
(10万元 read as 100,000), else the principal, as a calculation without a base. A basis
that cannot be read is printed as typed and not checked, as before. The day count it
states (共365日) is checked against its dates: both days are counted.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from docgen.documents.note_rates import rate_in_note
from docgen.documents.part_models import InterestCalc, RateInput
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import FROM_DAY, TO_DAY, day_of, format_cn
from docgen.domain.interest import RateSpec
from docgen.domain.money import read_figure

_BASE = re.compile(r"以[^\d，,。；;]{0,12}?([\d,]+(?:\.\d+)?)\s*(万)?元(?:整)?为(?:计息)?基数")
_DAYS = re.compile(r"共\s*(\d+)\s*[日天]")
# 「逾期利率年6%」「年息6%」: an annual rate the note reader's words do not name
_ANNUAL = re.compile(r"年(?:息|利率|化利率)?(?:为|按)?\s*([\d.]+)\s*[%％]")


def _rate(basis: str) -> RateSpec | None:
    found = rate_in_note(basis)
    if found is not None or "LPR" in basis.upper() or "贷款市场报价利率" in basis:
        return found
    annual = _ANNUAL.search(basis)
    if annual is None:
        return None
    try:
        return RateSpec("annual", Decimal(annual.group(1)))
    except InvalidOperation:
        return None


def _base(basis: str) -> Decimal | None:
    found = _BASE.search(basis)
    if found is None:
        return None
    value = read_figure(found.group(1))
    if value is None:
        return None
    return value * 10_000 if found.group(2) else value


def read_basis(basis: str | None) -> InterestCalc | None:
    """The calculation a written basis states, or None where a part cannot be read."""
    if not basis:
        return None
    rate = _rate(basis)
    start, ends = day_of(FROM_DAY.search(basis)), list(TO_DAY.finditer(basis))
    end = day_of(ends[-1]) if ends else None
    if rate is None or start is None or end is None:
        return None
    return InterestCalc.model_construct(
        base=_base(basis),
        rate=RateInput.model_construct(kind=rate.kind, value=rate.value, fixed_on=None),
        start=start,
        end=end,
        day_count=365,
        agreed_in=None,
    )


def check_stated_days(result: Assessment, basis: str, calc: InterestCalc, loc: Loc) -> None:
    """「共N日」 in the basis against its dates, both counted: an error at ``loc``."""
    found = _DAYS.search(basis)
    if found is None or calc.end is None:
        return
    days = (calc.end - calc.start).days + 1
    if int(found.group(1)) == days:
        return
    result.error(
        loc,
        "basis_days_mismatch",
        f"计算方式写明「共{found.group(1)}日」，而自{format_cn(calc.start)}起至"
        f"{format_cn(calc.end)}止（起止日均计入）共{days}日：请求给付的金钱须数额确定，"
        "计算方式须与金额相符（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"
        "第四百二十七条第二项）",
        hint=f"应为共{days}日",
    )
