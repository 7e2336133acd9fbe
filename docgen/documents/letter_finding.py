"""A letter's debtor found by a court to be without full capacity (民法典 art. 24), and
the day of the finding (``capacity_found_on``) against the day of the contract, read as
the complaint reads it (``contract_capacity.finding_order``).

- Found before the contract: made by a person without capacity, the contract is void
  (arts. 21(1), 144) and what was obtained is owed back (art. 157); made by a person of
  limited capacity, it takes effect once the legal representative consents or ratifies
  (arts. 22, 145(1)), and the letter calls on the guardian to ratify within thirty days
  (art. 145(2)).
- Found after: the finding says nothing of the capacity when signing, and the contract
  binds; the letter says nothing of capacity.
- On the day of signing, or no date: the order is unknown; the letter keeps both
  branches (binding, unless the capacity was already lacking) and is warned.
"""

from __future__ import annotations

from typing import Any

from docgen.documents.contract_capacity import finding_order
from docgen.documents.guardian_rules import CAPACITY_LABELS, is_minor
from docgen.domain.dates import format_cn
from docgen.domain.parties import Person

__all__ = ["adult_finding", "found_limited", "found_void", "found_words"]


def adult_finding(case: Any) -> str | None:
    """``before``, ``same``, ``after`` or None (no date, or not an adult typed as
    without full capacity when contracting)."""
    debtor, signed = case.debtor, case.contract.signed_on
    if not isinstance(debtor, Person) or debtor.capacity not in CAPACITY_LABELS:
        return None
    if is_minor(debtor, signed):
        return None
    return finding_order(case.capacity_found_on, signed)


def found_void(case: Any) -> bool:
    """Found without capacity before the contract: void (arts. 21(1), 144)."""
    return adult_finding(case) == "before" and case.debtor.capacity == "none"


def found_limited(case: Any) -> bool:
    """Found of limited capacity before the contract, a guardian to call on: the
    contract awaits ratification (arts. 22, 145)."""
    debtor = case.debtor
    return (
        adult_finding(case) == "before"
        and debtor.capacity == "limited"
        and debtor.guardian is not None
    )


def found_words(case: Any, debtor: str) -> str:
    """「张伟已于2024年5月1日经人民法院认定为限制民事行为能力人，其后于2025年1月10日签订
    上述《借款合同》」."""
    contract = case.contract
    return (
        f"{debtor}已于{format_cn(case.capacity_found_on)}经人民法院认定为"
        f"{CAPACITY_LABELS[case.debtor.capacity]}，其后于{format_cn(contract.signed_on)}"
        f"签订上述《{contract.name}》"
    )
