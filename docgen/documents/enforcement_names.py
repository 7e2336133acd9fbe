"""The names an application for enforcement claims each sum under: the instrument's own.

The application states the 执行标的 the instrument determined (执行工作若干问题的规定（试行）
art. 18): a sum the instrument calls 欠款 is not claimed as 本金, its 违约金 not as 滞纳金,
its 资金占用费 not as 利息 — a clerk would have to match them, and the respondent could say
the sum claimed is not the one ordered. So where the name typed (or the default one) is
not in the operative part's award terms (``enforcement_operative.awarded``) and one of the
names of that kind of sum is, the instrument's name is printed, and the user is told.
A name found nowhere is printed as typed and warned of; a name the operative part only
rejects is refused elsewhere (``other_not_awarded``), never renamed into another sum.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.documents.enforcement_operative import ART_18, awarded, only_denied, segments
from docgen.documents.problems import Assessment
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

PRINCIPAL = "本金"
INTEREST = "利息"
OTHER = "其他金钱债务"
# the names instruments give each kind of sum, as the fixtures and court practice use them
PRINCIPAL_NAMES = ("借款本金", "欠款", "货款", "借款", "本金", "价款", "租金", "工程款", "服务费")
INTEREST_NAMES = ("资金占用费", "逾期利息", "罚息", "复利", "利息")
OTHER_NAMES = ("违约金", "滞纳金", "赔偿金", "逾期付款损失", "罚息", "律师费")


@dataclass(frozen=True)
class Names:
    """The name each sum is claimed under."""

    principal: str
    interest: str
    other: str


def _name(
    case: EnforcementApplication,
    typed: str | None,
    default: str,
    kinds: tuple[str, ...],
    taken: tuple[str, ...] = (),
) -> str:
    operative = case.title.operative_part
    award = awarded(operative)
    name = typed or default
    if name in award or only_denied(operative, name) is not None:
        return name
    found = [k for k in kinds if k in award and k not in taken]
    if not found:
        return name
    # the first named in the award; at one place the longest (借款本金, not 借款)
    return min(found, key=lambda k: (award.index(k), -len(k)))


def names(case: EnforcementApplication) -> Names:
    """Each claimed sum's name: typed, else the default, unless the instrument names it
    otherwise (the module's rule)."""
    o = case.outstanding
    principal = _name(case, o.principal_label, PRINCIPAL, PRINCIPAL_NAMES)
    interest = INTEREST
    if o.interest:
        interest = _name(case, o.interest_label, INTEREST, INTEREST_NAMES, (principal,))
    other = o.other_label or OTHER
    if o.other:
        other = _name(case, o.other_label, OTHER, OTHER_NAMES, (principal, interest))
    return Names(principal, interest, other)


def check_names(result: Assessment, case: EnforcementApplication) -> None:
    """The principal's and another sum's names against the instrument's (the interest's:
    ``enforcement_interest``)."""
    _check_principal_label(result, case)
    _check_other_label(result, case)


def _check_principal_label(result: Assessment, case: EnforcementApplication) -> None:
    """The sum is asked for under the instrument's own name for it (欠款, 货款, 借款本金):
    an application states the 执行标的 the instrument determined (执行工作若干问题的规定
    art. 18). Printed under the instrument's name where it has one (``enforcement_names``)
    and the user told; a name the operative part does not use is warned of."""
    label = case.outstanding.principal_label or PRINCIPAL
    printed = names(case).principal
    at = ("outstanding", "principal_label")
    if printed != label:
        result.warn(at, "principal_label_not_in_title", renamed_words(label, printed))
    elif label not in awarded(case.title.operative_part):
        result.warn(
            at,
            "principal_label_not_in_title",
            f"法律文书确定的给付内容中没有「{label}」的称谓：申请事项应按法律文书的称谓列明"
            "所欠款项，请在「本金名称」中填写法律文书所用的称谓（如 欠款、借款本金、货款）",
        )


def _check_other_label(result: Assessment, case: EnforcementApplication) -> None:
    """Another money debt is asked for under the instrument's name for it (违约金, 罚息,
    资金占用费), as the principal is (``_check_principal_label``): printed under the
    instrument's name where the typed one (滞纳金 for its 违约金, or none: 其他金钱债务) is
    not in it and it has one (``enforcement_names``), the user told; a name no term of the
    operative part uses (the statutory notice left out: its 「债务利息」 awards nothing) is
    warned of. A name found only in a term rejecting it is ``_check_other_awarded``'s."""
    o = case.outstanding
    if not o.other:
        return
    label = o.other_label or OTHER
    printed = names(case).other
    at = ("outstanding", "other_label")
    if printed != label:
        result.warn(at, "other_label_not_in_title", renamed_words(label, printed))
        return
    if any(label in s.text for s in segments(case.title.operative_part)):
        return
    result.warn(
        at,
        "other_label_not_in_title",
        f"法律文书确定的内容中没有「{label}」的称谓：申请事项应按法律文书的称谓列明所申请执行"
        f"的款项（{ART_18}），"
        f"请核对人民币{format_yuan(o.other)}元是否为法律文书确定的给付内容",
        hint="请在「其他金钱债务名称」中填写法律文书所用的称谓（如 违约金、罚息、资金占用费）",
    )


def renamed_words(typed: str, printed: str) -> str:
    """The warning that a sum is printed under the instrument's name, not the one typed."""
    return (
        f"法律文书的给付内容称「{printed}」，没有「{typed}」的称谓：申请事项按法律文书的称谓"
        f"列明为「{printed}」（{ART_18}），请核对该款项确为法律文书确定的给付内容"
    )
