"""Reading an agreed scope of security (约定的担保范围, 约定的保证范围) as the clause says it.

The statutory scopes hold 「当事人另有约定的，按照其约定」: a mortgage or pledge secures
主债权及其利息、违约金、损害赔偿金、保管担保财产和实现担保物权的费用 (民法典 art. 389), a
guarantee 主债权及其利息、违约金、损害赔偿金和实现债权的费用 (art. 691). A clause that lists
what it secures (「主债权本金及利息（《保证合同》第三条）」) is read as that list: an item of
the statutory scope it leaves out (违约金 here) is not secured, and the complaint does not
claim it from the security. A clause that lists nothing docgen can read — no 主债权 nor
本金 named, or 全部债权 — is read as the statutory scope (only what is certain narrows a
claim; the user is told what was left out, so a misreading shows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docgen.documents.combined_cap import ENFORCEMENT_COST_WORDS, is_enforcement_cost
from docgen.documents.part_models import AmountComponent

ALL_COSTS = "实现债权"
"""「实现债权的费用」 in an agreed scope: every cost of enforcing the claim (art. 691's term)."""
WHOLE_DEBT = ("全部债权", "全部债务", "一切债务", "所有债务", "全部款项", "一切费用")
"""Words of a clause that secures the whole debt: nothing narrower than the statute."""
PRINCIPAL_WORDS = ("主债权", "本金")
INTEREST_WORDS = ("利息", "罚息", "复利")
PENALTY_WORDS = ("违约金", "滞纳金")
DAMAGES_WORDS = ("赔偿金", "损失")
_NAMES = re.compile(r"《[^》]*》")


@dataclass(frozen=True)
class AgreedScope:
    """What a clause listing the secured claims names (the principal is always secured)."""

    text: str
    interest: bool
    penalty: bool
    damages: bool


def read_scope(text: str | None) -> AgreedScope | None:
    """The list an agreed scope names, or None where it states none docgen can read."""
    if not text:
        return None
    words = _NAMES.sub("", text)  # 《借款合同》 names a contract, not a claim
    if any(w in words for w in WHOLE_DEBT) or not any(w in words for w in PRINCIPAL_WORDS):
        return None
    return AgreedScope(
        words,
        interest=any(w in words for w in INTEREST_WORDS),
        penalty=any(w in words for w in PENALTY_WORDS),
        damages=any(w in words for w in DAMAGES_WORDS),
    )


def agreed_cost(text: str | None, label: str) -> bool:
    """Whether an agreed scope names this cost (「实现债权的费用」, 律师费 …), listing or not."""
    if not text:
        return False
    named = [w for w in ENFORCEMENT_COST_WORDS if w in label]
    return ALL_COSTS in text or any(w in text for w in named)


def kind_covered(scope: AgreedScope | None, kind: str, label: str) -> bool:
    """Whether a claim of this kind (interest, penalty, other) is within the list; a
    cost of enforcing the claim is judged by :func:`agreed_cost`. A claim of a kind the
    list cannot tell (a fee not a cost, an ``other`` not named as damages) stays secured."""
    if scope is None or kind == "principal":
        return True
    if kind == "interest":
        return scope.interest
    if kind == "penalty":
        return scope.penalty
    if any(w in label for w in DAMAGES_WORDS):
        return scope.damages
    return True


def component_covered(
    scope: AgreedScope | None, text: str | None, component: AmountComponent, costs: bool
) -> bool:
    """Whether the agreed scope (``scope`` as read from ``text``) secures a claimed amount;
    ``costs``: the statutory scope holds the costs of enforcing the claim (a guarantee's,
    art. 691) — a mortgage's or pledge's does not (art. 389)."""
    if is_enforcement_cost(component):
        if scope is None and costs:
            return True
        return agreed_cost(text, component.display_label)
    return kind_covered(scope, component.kind, component.display_label)
