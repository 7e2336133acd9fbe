"""The interest the instrument awards (一般债务利息), as an application for enforcement
claims it.

- Its name is the instrument's (利息, 逾期利息, 资金占用费): the application states the
  执行标的 the instrument determined (执行工作若干问题的规定（试行） art. 18), as the sum is
  named (``principal_label_not_in_title``); 「一般债务利息」 is the term of 法释〔2014〕8号
  art. 1, not of the instrument.
- Interest the instrument lets run to the day paid is claimed as running to that day, the
  figure only its sum to a stated day (「计至实际清偿之日止，暂计至…」): read alone, a sum
  counted to the application date reads as the whole claim. Where the operative part says
  so and the case does not, the user is warned.
- Interest the operative part awards and the case does not claim is warned of
  (``awarded_interest_unclaimed``): the applicant may enforce a part only, but the
  application then gives it up silently, the delay-interest line included (法释〔2014〕8号
  art. 1(2) reckons it by the instrument's method, which the request then states with no
  base, rate or start).
- The interest during the delay follows the instrument's method (法释〔2014〕8号 art. 1(2):
  迟延履行期间的一般债务利息，根据生效法律文书确定的方法计算); the request says so only
  where the instrument awards interest at all.

The operative part is read for what it awards (``enforcement_operative.awarded``): a
rejected claim to interest (「驳回原告要求支付利息的诉讼请求」) and a judgment's notice of
the doubled delay interest name interest without awarding it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from docgen.documents.enforcement_interest_figure import claimed, days_words
from docgen.documents.enforcement_names import INTEREST_NAMES, names, renamed_words
from docgen.documents.enforcement_operative import awarded, only_denied
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan, legal_amount

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

# the interest's name when the instrument's is not given
INTEREST = "利息"
# an operative part letting interest run to payment: 「计至实际清偿之日止」, 「至付清之日」
_TO_PAYMENT = re.compile(r"至(?:实际)?(?:清偿|给付|支付|履行|付清)(?:完毕)?之日")
# an end date typed in the method (「…自2025年1月11日计至2026年11月20日」)
_END_IN_NOTE = re.compile(r"至\s*\d{4}\s*年")
TO_PAYMENT_WORDS = "计至实际清偿之日止"


def interest_until(case: EnforcementApplication) -> date:
    """The day the interest figure is counted to: its own, else the delay interest's."""
    o = case.outstanding
    return o.interest_until or case.calculation_date or case.application_date


def check_interest(result: Assessment, case: EnforcementApplication) -> None:
    """The interest claimed under the instrument's name, running as the instrument says."""
    o = case.outstanding
    at = ("outstanding",)
    if o.interest_to_payment and not o.interest:
        result.error(
            (*at, "interest"),
            "missing",
            "选择利息计至实际清偿之日止的，请填写暂计至「利息暂计至」之日的利息金额",
        )
    if o.interest_to_payment and o.interest_note and _END_IN_NOTE.search(o.interest_note):
        result.error(
            (*at, "interest_note"),
            "interest_end_in_note",
            "利息计至实际清偿之日止的，计算方法只写基数、利率和起算日（如 以100,000元为基数，"
            "按年利率3.45%自2025年1月11日起），暂计的截止日请填写在「利息暂计至」中",
        )
    if o.interest_to_payment and o.interest_method and o.interest_method.end:
        result.error(
            (*at, "interest_method", "end"),
            "interest_end_in_note",
            "利息计至实际清偿之日止的，计算方式不填「计至」，暂计的截止日请填写在「利息暂计至」中",
        )
    if o.interest_until is not None and o.interest_until > case.application_date:
        result.error((*at, "interest_until"), "after_application", "利息暂计至日不得晚于申请日期")
    if not o.interest:  # unclaimed: ``enforcement_running_interest`` computes or warns
        return
    _check_interest_name(result, case)


def warn_awarded_unclaimed(result: Assessment, case: EnforcementApplication) -> None:
    """A warning where the operative part awards interest (under any of its names) and
    the application claims none."""
    award = awarded(case.title.operative_part)
    label = next((name for name in INTEREST_NAMES if name in award), None)
    if label is None:
        return
    result.warn(
        ("outstanding", "interest"),
        "awarded_interest_unclaimed",
        f"法律文书确定的给付内容包括{label}，申请事项未列明{label}：请填写{label}的金额与计算方法"
        f"（计至实际清偿之日止的，选择「利息计至实际清偿之日止」并填写暂计金额）；"
        f"确只申请执行部分给付内容的，请核对后再提交",
    )


def _check_interest_name(result: Assessment, case: EnforcementApplication) -> None:
    """The interest under the instrument's name (``enforcement_names``), running to payment
    where the instrument's award of it does (``enforcement_interest_figure.claimed``)."""
    # what the instrument awards: not a rejected claim, not the notice of the doubled part
    o, operative = case.outstanding, awarded(case.title.operative_part)
    at = ("outstanding",)
    label = o.interest_label or INTEREST
    printed = names(case).interest
    if printed != label:
        result.warn(
            (*at, "interest_label"), "interest_label_not_in_title", renamed_words(label, printed)
        )
    # a name found only in a term rejecting it is refused (``other_not_awarded``)
    elif label not in operative and only_denied(case.title.operative_part, label) is None:
        result.warn(
            (*at, "interest_label"),
            "interest_label_not_in_title",
            f"法律文书确定的给付内容中没有「{label}」的称谓：申请事项应按法律文书的称谓列明"
            "利息，请在「利息名称」中填写法律文书所用的称谓（如 利息、逾期利息、资金占用费）",
        )
    how = claimed(case, printed)
    if o.interest and not o.interest_to_payment and how.runs and how.until is not None:
        result.warn(
            (*at, "interest_to_payment"),
            "interest_to_payment_unstated",
            f"法律文书确定的{printed}计至实际清偿之日止：申请事项写明{printed}计至实际清偿之日止，"
            f"所填金额人民币{format_yuan(o.interest)}元作为暂计至{format_cn(how.until)}的金额"
            "（法释〔2014〕8号第一条第二款）；如有不同，请选择「利息计至实际清偿之日止」并填写"
            "「利息暂计至」",
        )


def interest_item(case: EnforcementApplication, paid_off: bool = True) -> str:
    """「利息人民币6,417.95元（大写：…）（以…自2025年1月11日起计至实际清偿之日止，暂计至
    2026年11月20日，共679日）」, under the instrument's name for it; without the running
    words where the instrument sets a fixed sum. ``paid_off``: whether a payment was applied
    to the interest (else the figure is not said to have had one deducted)."""
    o = case.outstanding
    if not o.interest:
        return ""
    label = names(case).interest
    how = claimed(case, label)
    note = how.note
    if how.runs:
        joiner = "" if not note or note.endswith("起") else "，"
        until = format_cn(how.until or interest_until(case))
        note = f"{note}{joiner}{TO_PAYMENT_WORDS}，暂计至{until}"
    # the days the figure is counted over, for the judge and the respondent to check it
    if days := days_words(case, label):
        note = f"{note}，{days}"
    if o.performed and not case.title.installments and note:
        # the figure is what the payments left (``enforcement_allocation``), not the
        # method's base over all the days
        principal = names(case).principal
        deducted = "已扣除已履行款项抵充的部分，" if paid_off else ""
        note = f"{note}；{deducted}履行之日后以尚欠的{principal}为基数"
    return f"{label}{legal_amount(o.interest)}" + (f"（{note}）" if note else "")


def awards_interest(case: EnforcementApplication) -> bool:
    """Whether the instrument awards interest: claimed, or named in an award term of its
    operative part (a judgment's notice of 「加倍支付迟延履行期间的债务利息」 and a rejected
    claim to interest award none: ``enforcement_operative.awarded``)."""
    o = case.outstanding
    return bool(o.interest) or (o.interest_label or INTEREST) in awarded(case.title.operative_part)
