"""Whom a registered copy was addressed to.

A letter sent to the debtor and to each guarantor is one case printed once per recipient
(``AddressedCase``); every copy is a document of its own in the register. The case data a
copy is registered with is the same for every copy but its letter number, so the register
also keeps whom the copy was addressed to, in the recorded data under :data:`RECIPIENT_KEY`:
its index (0 the debtor, i the i-th guarantor), role and name. A case field can never have
that name (a model field cannot start with ``_``), so the key is taken off before the case
is parsed again. A document registered before this was kept has no key: it is read as the
first (or only) recipient's, as it was then; when the case had several recipients that
is a guess, and :attr:`Addressee.known` is false.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from docgen.documents import registry
from docgen.register.sender import set_apart

RECIPIENT_KEY = "_recipient"

Role = Literal["debtor", "guarantor"]


@dataclass(frozen=True)
class Addressee:
    """Whom a copy went to. ``known`` false: the register did not keep it (an older
    entry of a case with several recipients), and the first recipient is assumed."""

    index: int
    role: Role | None
    name: str | None
    known: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "role": self.role,
            "name": self.name,
            "known": self.known,
        }

    @property
    def label(self) -> str:
        """The party as a sentence names it: 债务人张三, 保证人李四."""
        title = {"debtor": "债务人", "guarantor": "保证人"}.get(self.role or "", "收件人")
        return f"{title}{self.name or ''}"


def recorded_case(copy: Any, dumped: dict[str, Any] | None = None) -> dict[str, Any]:
    """A copy's data as the register keeps it: the case as printed (a sender profile's
    details filled in, its id set apart: :mod:`docgen.register.sender`), and whom an
    addressed copy (one with ``recipient_index``) went to. ``dumped``: the copy's
    ``model_dump(mode="json")`` when the caller has it (not changed: a copy is taken)."""
    data: dict[str, Any] = set_apart(
        copy.model_dump(mode="json") if dumped is None else dict(dumped)
    )
    index = getattr(copy, "recipient_index", None)
    if isinstance(index, int):
        party = copy.recipient
        role: Role = copy.recipient_role
        data[RECIPIENT_KEY] = {"index": index, "role": role, "name": party.name}
    return data


def case_of(data: Any) -> tuple[Any, int | None]:
    """The case data of a register entry without what the register keeps beside it (the
    recipient, the sender profile's id: keys starting with ``_``), and the recipient's
    index (None: not recorded)."""
    if not isinstance(data, dict):
        return data, None
    case = {k: v for k, v in data.items() if not k.startswith("_")}
    kept = data.get(RECIPIENT_KEY)
    index = kept.get("index") if isinstance(kept, dict) else None
    return case, index if isinstance(index, int) and index >= 0 else None


def recipient_count(data: Any) -> int:
    """How many copies the case was printed in: the debtor and each guarantor."""
    guarantors = data.get("guarantors") if isinstance(data, dict) else None
    return 1 + (len(guarantors) if isinstance(guarantors, list) else 0)


def addressee(data: Any, recipient_field: str | None, addressed: bool) -> Addressee | None:
    """Whom a registered copy went to: as recorded; for an older entry the party its
    type's ``recipient_field`` names (the first recipient). None: a type
    with no addressee (a court filing). ``addressed``: the type prints a copy per
    recipient (debtor and guarantors)."""
    if not isinstance(data, dict):
        return None
    kept = data.get(RECIPIENT_KEY)
    if isinstance(kept, dict) and isinstance(kept.get("index"), int):
        kept_role = kept.get("role") if kept.get("role") in ("debtor", "guarantor") else None
        kept_name = kept.get("name")
        return Addressee(
            kept["index"], kept_role, kept_name if isinstance(kept_name, str) else None
        )
    if recipient_field is None:
        return None
    party = data.get(recipient_field)
    name = party.get("name") if isinstance(party, dict) else None
    # a copy of a single-recipient letter can only be the debtor's: that is known
    known = not addressed or recipient_count(data) == 1
    role: Role | None = "debtor" if addressed or recipient_field == "debtor" else None
    return Addressee(0, role, name if isinstance(name, str) else None, known)


def addressee_of(type_name: str, data: Any) -> Addressee | None:
    """:func:`addressee` of a registered document of ``type_name`` (None for a type no
    longer offered)."""
    try:
        doc_type = registry.get(type_name)
    except registry.UnknownDocumentType:
        return None
    return addressee(data, doc_type.recipient_field, doc_type.split is not None)


__all__ = [
    "RECIPIENT_KEY",
    "Addressee",
    "addressee",
    "addressee_of",
    "case_of",
    "recorded_case",
]
