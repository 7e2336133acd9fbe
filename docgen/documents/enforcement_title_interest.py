"""The interest method an instrument states in its operative part (「…及利息（以100,000元为
基数，按年利率3.45%自2025年1月11日起计算至实际清偿之日止）」), read where the case gives none.

The general interest follows the instrument's method (法释〔2014〕8号 art. 1(2):
迟延履行期间的一般债务利息，根据生效法律文书确定的方法计算), so the allocation of payments
(民法典 art. 561: the interest accrued on the payment day first) and the check of the figure
can count it from the instrument's own words as well as from the fields typed
(``outstanding.interest_method``) or a note (``interest_note``).

Read only where it is unambiguous for the principal: exactly one award term names the
interest (under the instrument's name for it) with a method; in it one base (「以…元为基数」,
the principal the operative part states), one rate — a figure (年利率3.45%, 日万分之五) or the
one-year LPR as published (「按照全国银行间同业拆借中心公布的一年期贷款市场报价利率」, its
multiple 「…的1.5倍」 or 「上浮50%」), floating with each publication (the LPR table docgen
holds) —, one first day (「自…起」) and either 「至实际清偿之日止」 or one last day. Anything
else is left unread and the case is warned as before: several bases, rates or terms; a rate
fixed at a day not written (「起诉时」, 「合同成立时」), the five-year LPR, an LPR without its
term, the People's Bank's benchmark rate (「中国人民银行同期同类贷款利率」), points added to
the LPR in words docgen does not read.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from docgen.documents.enforcement_names import names
from docgen.documents.enforcement_operative import segments
from docgen.documents.enforcement_parts import InterestMethod
from docgen.documents.note_rates import rate_in_note
from docgen.documents.problems import Assessment
from docgen.domain.dates import FROM_DAY, TO_DAY, day_of, format_cn
from docgen.domain.interest import RateSpec
from docgen.domain.money import format_yuan, read_figure

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

_BASE = re.compile(r"以\s*(?:人民币)?\s*([\d,]+(?:\.\d{1,2})?)\s*元为(?:计息)?基数")
_TO_PAYMENT = re.compile(r"至(?:实际)?(?:清偿|给付|支付|履行|付清)(?:完毕)?之日")
# a rate's figure: 3.45%, 万分之五
_FIGURES = re.compile(r"[\d.]+\s*[%％]|万分之|千分之")
_RATE_TERM = re.compile(r"利率|万分之|千分之|LPR", re.IGNORECASE)
_LPR = re.compile(r"一年期(?:贷款)?市场报价利率|一年期LPR", re.IGNORECASE)
_LPR_ANY = re.compile(r"市场报价利率|LPR", re.IGNORECASE)
# an LPR taken at a day the words do not give, or another rate than the one-year LPR
_UNREAD = re.compile(
    r"起诉时|立案时|成立时|签订时|订立时|届满时|五年期|基准利率|中国人民银行|基点|百分点"
)
_TIMES = re.compile(r"([\d.]+)\s*倍")
_UP = re.compile(r"上浮\s*([\d.]+)\s*[%％]")


def _one(values: list[str]) -> str | None:
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


def _lpr_rate(words: str) -> RateSpec | None:
    """The one-year LPR as published, or its multiple; None for any other LPR words."""
    if len(_LPR.findall(words)) != 1 or _FIGURES.search(_UP.sub("", words)):
        return None
    times, up = _TIMES.findall(words), _UP.findall(words)
    try:
        if len(times) == 1 and not up:
            return RateSpec("lpr_multiple", Decimal(times[0]))
        if len(up) == 1 and not times:
            return RateSpec("lpr_multiple", 1 + Decimal(up[0]) / 100)
    except (InvalidOperation, ValueError):
        return None
    return RateSpec("lpr_multiple", Decimal(1)) if not times and not up else None


def _rate(words: str) -> RateSpec | None:
    if _UNREAD.search(words):
        return None
    if _LPR_ANY.search(words):
        return _lpr_rate(words)
    if len(_FIGURES.findall(words)) != 1:
        return None  # several rates in one term
    return rate_in_note(words)


def _method(words: str) -> InterestMethod | None:
    figure = _one(_BASE.findall(words))
    base = read_figure(figure) if figure is not None else None
    start = _one([m.group(0) for m in FROM_DAY.finditer(words)])
    rate = _rate(words)
    if base is None or start is None or rate is None:
        return None
    runs = bool(_TO_PAYMENT.search(words))
    ends = [m.group(0) for m in TO_DAY.finditer(words)]
    if runs == bool(ends) or len(set(ends)) > 1:
        return None  # neither an end nor to payment, or both, or several ends
    first = day_of(FROM_DAY.search(start))
    last = day_of(TO_DAY.search(ends[0])) if ends else None
    if first is None or (ends and (last is None or last < first)):
        return None
    return InterestMethod.model_validate(
        {
            "base": base,
            "rate": {"kind": rate.kind, "value": rate.value},
            "start": first,
            "end": last,
        }
    )


def title_method(case: EnforcementApplication) -> InterestMethod | None:
    """The interest method the operative part states for the interest claimed (the module's
    rule); None where none is stated or it is not unambiguous."""
    label = names(case).interest
    terms = [
        s.text
        for s in segments(case.title.operative_part)
        if not s.denied and label in s.text and _RATE_TERM.search(s.text)
    ]
    return _method(terms[0]) if len(terms) == 1 else None


def read_from_title(case: EnforcementApplication) -> InterestMethod | None:
    """The operative part's method where the case types neither fields nor a note."""
    o = case.outstanding
    if o.interest_method is not None or (o.interest_note or "").strip():
        return None
    return title_method(case)


def check_title_method(result: Assessment, case: EnforcementApplication) -> None:
    """Where the method was read from the operative part and is used (the interest claimed
    is checked against it, payments are applied with it), the user is told what was read:
    the case is then figured on docgen's reading of the instrument's words."""
    o = case.outstanding
    read = read_from_title(case)
    if read is None or not (o.interest or o.performed):
        return
    name = names(case).interest
    end = f"计至{format_cn(read.end)}止" if read.end else "计算至实际清偿之日止"
    rate = read.rate.spec().describe()
    uses = "、".join(
        use
        for use, wanted in ((f"核对{name}金额", o.interest), ("抵充已履行款项", o.performed))
        if wanted
    )
    result.warn(
        ("outstanding", "interest_method"),
        "interest_method_from_title",
        f"{name}的计算方法按法律文书的判项读出：以{format_yuan(read.base)}元为基数，按{rate}"
        f"自{format_cn(read.start)}起{end}（法释〔2014〕8号第一条第二款：按生效法律文书确定的"
        f"方法计算）；申请书据此{uses}，请核对读出的基数、利率和起算日与判项一致",
        hint="读出的计算方法与法律文书不符的，请在「利息计算方式」中按法律文书填写",
    )
