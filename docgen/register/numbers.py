"""Whether a letter number (函号) was already issued in a tenant's register.

A letter number names one letter: the same number on a second registered document makes
two letters of one number, and the second looks like a duplicate mailing. The number is
kept in each document's stored input (``input_data.letter_number``; a copy to each
recipient has its own, ``…第88-1号``), so it is looked up there, in the tenant's own
documents only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from docgen import db
from docgen.documents.part_models import copy_number
from docgen.documents.problems import Problem
from docgen.register.models import RegisteredDocument
from docgen.register.store import Register


@dataclass(frozen=True)
class EarlierUse:
    number: str
    document_id: str


def numbers_of(case: Any) -> list[str]:
    """The numbers the case's copies are issued under: its own, or one per recipient."""
    number = getattr(case, "letter_number", None)
    if not isinstance(number, str) or not number:
        return []
    parties = case.recipient_parties() if hasattr(case, "recipient_parties") else []
    if len(parties) < 2:
        return [number]
    return [number] + [copy_number(number, i) for i in range(len(parties))]


def earlier_use(register: Register, tenant_id: int, numbers: Sequence[str]) -> EarlierUse | None:
    """The first document of the tenant issued under one of ``numbers``, or None."""
    if not numbers:
        return None
    doc = RegisteredDocument
    stored = doc.input_data["letter_number"].as_string()
    query = (
        select(stored, doc.id)
        .where(doc.tenant_id == tenant_id, stored.in_(list(numbers)))
        .order_by(doc.created_at)
        .limit(1)
    )
    with db.session_scope(register.engine) as session:
        found = session.execute(query).first()
    return EarlierUse(found[0], found[1]) if found else None


def reuse_warning(earlier: EarlierUse) -> Problem:
    return Problem(
        ("letter_number",),
        "letter_number_reused",
        f"函号「{earlier.number}」已用于登记簿中的另一份文书（文书编号 {earlier.document_id}）："
        "一个函号只对应一份函件，再次出具会被认为是重复发函",
        hint="如确需再次发函，请使用新的函号；如是补发同一份函件，请从登记簿按原文书重新生成，不要再次出具",
        severity="warning",
    )
