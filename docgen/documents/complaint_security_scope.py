"""The claims a mortgage or pledge secures, as the claim to be paid first from the property
states them (担保范围).

民法典 art. 389: a security right secures 主债权及其利息、违约金、损害赔偿金、保管担保财产和
实现担保物权的费用, unless the parties agreed otherwise (当事人另有约定的，按照其约定); a
maximum mortgage or pledge secures up to its maximum amount (arts. 420, 439). A guarantee's
scope is wider: art. 691 names 实现债权的费用, the costs of enforcing the claim (律师费,
保全费 …), which art. 389 does not. So the claim on the property covers the claims to
principal, interest, 违约金 and damages, and a cost of enforcing the claim only where the
security contract's agreed scope (``collateral.scope``) names it — 「实现债权的费用」 or
the cost itself (律师费). An agreed scope that lists fewer claims than art. 389 (「主债权本金
及利息」, no 违约金) secures only those (agreed_scope): the claim on the property leaves the
others out, and the user is told. The claim says which of the numbered claims it covers and what
they are (「在上述第1至3项、第5项债权（主债权及其利息）范围内」) rather than 「上述债权」,
and the user is told of a cost left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.documents.agreed_scope import component_covered, kind_covered, read_scope
from docgen.documents.combined_cap import is_enforcement_cost
from docgen.documents.complaint_parts import Collateral
from docgen.documents.problems import Assessment, Loc

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

SCOPE_ARTICLE = "《中华人民共和国民法典》第三百八十九条"
STATUTORY_SCOPE = "主债权及其利息、违约金、损害赔偿金、保管担保财产和实现担保物权的费用"
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
    narrowed: tuple[tuple[int, str], ...] = ()
    """The other claims an agreed scope listing fewer than the statute's leaves out."""

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
    def narrowed_words(self) -> str:
        """「第3项违约金、第5项逾期利息」: the claims an agreed list leaves out."""
        return "、".join(f"第{n}项{label}" for n, label in self.narrowed)

    @property
    def what(self) -> str:
        """「主债权及其利息、违约金」 — as art. 389 words its scope; the principal alone is
        「主债权本金」: 主债权 alone reads as the whole claim, interest included."""
        if self.words and self.words[0] == "主债权":
            rest = self.words[1:]
            return f"主债权及其{'、'.join(rest)}" if rest else "主债权本金"
        return "、".join(self.words)


def secured_scope(case: CivilComplaint, collateral: Collateral) -> SecuredScope:
    """The claims (numbered as the narrative complaint numbers them: the amounts, then the
    interest running until payment) that the collateral secures (art. 389: no cost of
    enforcing the claim unless agreed)."""
    return covered_claims(case, collateral.scope, costs=False)


def covered_claims(case: CivilComplaint, agreed: str | None, *, costs: bool) -> SecuredScope:
    """The numbered claims a security with the agreed scope ``agreed`` covers; ``costs``:
    its statutory scope holds the costs of enforcing the claim (a guarantee's, art. 691)."""
    scope = read_scope(agreed)
    numbers: list[int] = []
    words: dict[str, int] = {}  # each word with its place in art. 389's order
    left_out: list[tuple[int, str]] = []
    narrowed: list[tuple[int, str]] = []
    for n, component in enumerate(case.amounts.components, start=1):
        label = component.display_label
        cost = is_enforcement_cost(component)
        if not component_covered(scope, agreed, component, costs):
            (left_out if cost else narrowed).append((n, label))
            continue
        numbers.append(n)
        word = "主债权" if component.kind == "principal" else KIND_WORDS.get(component.kind, label)
        words.setdefault(word, ORDER.get(component.kind, 4 if cost else 3))
    running = case.running_interest
    if running is not None:
        n = len(case.amounts.components) + 1
        # a sale's price paid late runs as 逾期付款违约金, a loan's as interest
        kind = "penalty" if "违约金" in running.label else "interest"
        if kind_covered(scope, kind, running.label):
            numbers.append(n)
            words.setdefault(KIND_WORDS[kind], ORDER[kind])
        else:
            narrowed.append((n, running.label))
    ordered = sorted(words, key=lambda w: words[w])
    return SecuredScope(tuple(numbers), tuple(ordered), tuple(left_out), tuple(narrowed))


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
    # a guarantee's statutory scope keeps the costs (art. 691), an agreed one may not
    kept = not any(
        d.role == "guarantor" and (n, label) not in _guarantor_numbers(case, d.guarantee_scope)
        for d in case.defendants
        for n, label in scope.left_out
    )
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
        f"起诉状就{word}优先受偿的请求因此不含该项"
        + ("，对保证人的请求仍包括（保证范围包括实现债权的费用，第六百九十一条）" if kept else ""),
        hint="抵押、质押合同约定担保范围包括律师费等实现债权的费用的，请在「约定的担保范围」中写明"
        "约定的范围及条款，如 主债权本金、利息、违约金、损害赔偿金及实现债权的费用（包括律师费、"
        "诉讼费）（《抵押合同》第二条）",
    )


def _guarantor_numbers(case: CivilComplaint, agreed: str | None) -> set[tuple[int, str]]:
    """The numbered claims (number, label) a guarantee with this agreed scope covers."""
    scope = covered_claims(case, agreed, costs=True)
    labels = dict(enumerate((c.display_label for c in case.amounts.components), start=1))
    return {(n, labels.get(n, "")) for n in scope.numbers}


def check_scope_narrowed(
    result: Assessment, case: CivilComplaint, collateral: Collateral, where: Loc, word: str
) -> None:
    """An agreed scope listing fewer claims than art. 389's: warn of the claims the claim
    on the property leaves out (the costs are check_costs_in_scope's). The list always
    covers the principal, which every complaint claims."""
    scope = secured_scope(case, collateral)
    if not scope.narrowed:
        return
    agreed = (collateral.scope or "").rstrip("。")
    law = (
        f"担保物权的担保范围包括{STATUTORY_SCOPE}，当事人另有约定的，按照其约定（{SCOPE_ARTICLE}）"
    )
    result.warn(
        (*where, "scope"),
        "claims_outside_security_scope",
        f"约定的担保范围（{agreed}）不包括{scope.narrowed_words}：{law}。起诉状就{word}优先受偿"
        f"的请求因此限于上述{scope.items}债权（{scope.what}）",
        hint="约定的担保范围写得不全的，请按合同条款完整填写，如 主债权本金、利息、违约金、"
        "损害赔偿金及实现债权的费用（《抵押合同》第二条）",
    )
