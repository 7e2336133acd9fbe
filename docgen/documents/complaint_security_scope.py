"""The claims a mortgage or pledge secures, as the claim to be paid first from the property
states them (担保范围).

民法典 art. 389: a security right secures 主债权及其利息、违约金、损害赔偿金、保管担保财产和
实现担保物权的费用, unless the parties agreed otherwise (当事人另有约定的，按照其约定); a
maximum mortgage or pledge secures up to its maximum amount (arts. 420, 439). A guarantee's
scope is wider: art. 691 names 实现债权的费用, the costs of enforcing the claim (律师费,
保全费 …), which art. 389 does not. So the claim on the property covers the claims to
principal, interest, 违约金 and damages, and a cost of enforcing the claim only where the
security contract's agreed scope (``collateral.scope``) names it — 「实现债权的费用」 or
the cost itself (律师费). The claim says which of the numbered claims it covers and what
they are (「在上述第1至3项、第5项债权（主债权及其利息）范围内」) rather than 「上述债权」,
and the user is told of a cost left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.documents.combined_cap import ENFORCEMENT_COST_WORDS, is_enforcement_cost
from docgen.documents.complaint_parts import Collateral
from docgen.documents.problems import Assessment, Loc

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

SCOPE_ARTICLE = "《中华人民共和国民法典》第三百八十九条"
STATUTORY_SCOPE = "主债权及其利息、违约金、损害赔偿金、保管担保财产和实现担保物权的费用"
ALL_COSTS = "实现债权"
"""「实现债权的费用」 in an agreed scope: every cost of enforcing the claim (art. 691's term)."""
KIND_WORDS = {"interest": "利息", "penalty": "违约金"}
ORDER = {"principal": 0, "interest": 1, "penalty": 2}
"""Art. 389's order: 主债权, 利息, 违约金, then damages and other claims (3), costs (4)."""


@dataclass(frozen=True)
class SecuredScope:
    """The numbered claims the security covers, what they are, and the costs left out."""

    numbers: tuple[int, ...]
    words: tuple[str, ...]
    """What the covered claims are, in art. 389's order: 主债权, 利息, 违约金, others."""
    left_out: tuple[tuple[int, str], ...]
    """The claims to costs of enforcing the claim the scope does not name: number, label."""

    @property
    def items(self) -> str:
        """「第1至3项、第5项」: the covered claims' numbers, runs joined."""
        runs: list[list[int]] = []
        for n in self.numbers:
            if runs and n == runs[-1][-1] + 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        return "、".join(f"第{r[0]}至{r[-1]}项" if len(r) > 1 else f"第{r[0]}项" for r in runs)

    @property
    def what(self) -> str:
        """「主债权及其利息、违约金」 — as art. 389 words its scope."""
        if self.words and self.words[0] == "主债权":
            rest = self.words[1:]
            return "主债权" + (f"及其{'、'.join(rest)}" if rest else "")
        return "、".join(self.words)


def _agreed_cost(scope: str | None, label: str) -> bool:
    """Whether the agreed scope names this cost of enforcing the claim."""
    if not scope:
        return False
    named = [w for w in ENFORCEMENT_COST_WORDS if w in label]
    return ALL_COSTS in scope or any(w in scope for w in named)


def secured_scope(case: CivilComplaint, collateral: Collateral) -> SecuredScope:
    """The claims (numbered as the narrative complaint numbers them: the amounts, then the
    interest running until payment) that the collateral secures."""
    numbers: list[int] = []
    words: dict[str, int] = {}  # each word with its place in art. 389's order
    left_out: list[tuple[int, str]] = []
    for n, component in enumerate(case.amounts.components, start=1):
        label = component.display_label
        cost = is_enforcement_cost(component)
        if cost and not _agreed_cost(collateral.scope, label):
            left_out.append((n, label))
            continue
        numbers.append(n)
        word = "主债权" if component.kind == "principal" else KIND_WORDS.get(component.kind, label)
        words.setdefault(word, ORDER.get(component.kind, 4 if cost else 3))
    running = case.running_interest
    if running is not None:
        numbers.append(len(case.amounts.components) + 1)
        # a sale's price paid late runs as 逾期付款违约金, a loan's as interest
        kind = "penalty" if "违约金" in running.label else "interest"
        words.setdefault(KIND_WORDS[kind], ORDER[kind])
    ordered = sorted(words, key=lambda w: words[w])
    return SecuredScope(tuple(numbers), tuple(ordered), tuple(left_out))


def scope_sentence(collateral: Collateral) -> str:
    """「约定的担保范围为主债权本金、…（《抵押合同》第二条）。」: the agreed scope as typed,
    as 事实与理由 tells it ("" when none is stated)."""
    if not collateral.scope:
        return ""
    return f"约定的担保范围为{collateral.scope.rstrip('。')}。"


def check_costs_in_scope(
    result: Assessment, case: CivilComplaint, collateral: Collateral, where: Loc, word: str
) -> None:
    """Warn of each cost of enforcing the claim the claim on the property leaves out
    (``word``: 抵押财产 / 质押财产)."""
    scope = secured_scope(case, collateral)
    if not scope.left_out:
        return
    costs = "、".join(f"第{n}项{label}" for n, label in scope.left_out)
    agreed = (
        f"，约定的担保范围（{collateral.scope.rstrip('。')}）也未写明该费用"
        if collateral.scope
        else ""
    )
    result.warn(
        (*where, "scope"),
        "cost_outside_security_scope",
        f"{costs}是实现债权的费用，不在担保物权的法定担保范围内：担保物权的担保范围包括"
        f"{STATUTORY_SCOPE}，当事人另有约定的，按照其约定（{SCOPE_ARTICLE}）{agreed}。"
        f"起诉状就{word}优先受偿的请求因此不含该项，对保证人的请求仍包括（保证范围包括实现债权"
        "的费用，第六百九十一条）",
        hint="抵押、质押合同约定担保范围包括律师费等实现债权的费用的，请在「约定的担保范围」中写明"
        "约定的范围及条款，如 主债权本金、利息、违约金、损害赔偿金及实现债权的费用（包括律师费、"
        "诉讼费）（《抵押合同》第二条）",
    )
