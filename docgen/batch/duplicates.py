"""The same debtor with the same contract twice in one run: the later row is refused.

A debtor is known by the ID number or unified social credit code, else by name and
address (as written, blanks ignored); a contract by its number, else by its name and
signing date. A row without a debtor or a contract (a type that has none) is not judged.
"""

from __future__ import annotations

import re
from typing import Any

from docgen.batch.work import recipient_of
from docgen.documents.problems import Loc, Problem

_BLANKS = re.compile(r"\s+")


def _norm(value: Any) -> str:
    return _BLANKS.sub("", str(value or "")).upper()


def debtor_key(case: dict[str, Any]) -> tuple[str, Loc] | None:
    """The debtor's identity and the field it was read from."""
    party = recipient_of(case)
    if not party:
        return None
    role = next((k for k, v in case.items() if v is party), "debtor")
    for name in ("id_number", "uscc"):
        if party.get(name):
            return f"{name}:{_norm(party[name])}", (role, name)
    if party.get("name") and party.get("address"):
        return f"name:{_norm(party['name'])}|{_norm(party['address'])}", (role, "name")
    return None


def contract_key(case: dict[str, Any]) -> str | None:
    contract = case.get("contract")
    if not isinstance(contract, dict):
        return None
    if contract.get("number"):
        return f"no:{_norm(contract['number'])}"
    if contract.get("name"):
        return f"name:{_norm(contract['name'])}|{_norm(contract.get('signed_on'))}"
    return None


def letter_key(case: dict[str, Any]) -> tuple[str, Loc] | None:
    """(debtor + contract, where to report) of a case, or None."""
    debtor, contract = debtor_key(case), contract_key(case)
    if debtor is None or contract is None:
        return None
    return f"{debtor[0]}#{contract}", debtor[1]


class Duplicates:
    """Remembers the first row of each debtor and contract in a run."""

    def __init__(self) -> None:
        self.first: dict[str, tuple[int, str]] = {}

    def check(self, number: int, reference: str, case: dict[str, Any]) -> Problem | None:
        """None for the first row of its debtor and contract; a problem for a later one."""
        key = letter_key(case)
        if key is None:
            return None
        earlier = self.first.get(key[0])
        if earlier is None:
            self.first[key[0]] = (number, reference)
            return None
        row, ref = earlier
        named = f"第 {row} 行" + (f"（客户编号 {ref}）" if ref else "")
        return Problem(
            key[1],
            "duplicate_in_run",
            f"与{named}是同一债务人、同一合同，本行不再生成",
        )
