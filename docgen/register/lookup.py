"""Finding a tenant's issued documents: the debtor columns kept for exact matching, and
the paged, filtered list (``GET /api/v1/register``).

Each document keeps its first debtor's name (the debtor, the first defendant or
respondent) and a SHA-256 of that debtor's ID number or unified social credit code
(whitespace removed, letters upper-cased), both indexed. A search by ID number compares
hashes for equality, so the list never searches ID numbers by substring and the index
holds no ID number; a name matches exactly, never as a part.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Engine, and_, or_, select

from docgen import db
from docgen.register.models import LETTER_NUMBER_LENGTH, RegisteredDocument

_PARTIES = ("debtor", "defendants", "respondents")


def id_hash(id_number: str) -> str:
    normalized = "".join(id_number.split()).upper()
    return hashlib.sha256(f"docgen-party-id:{normalized}".encode()).hexdigest()


def first_debtor(input_data: dict[str, Any]) -> tuple[str | None, str | None]:
    """(name, hash of the ID number or credit code) of the case's first debtor."""
    for field in _PARTIES:
        party = input_data.get(field)
        if isinstance(party, list):
            party = party[0] if party else None
        if isinstance(party, dict) and isinstance(party.get("name"), str):
            number = party.get("id_number") or party.get("uscc")
            name = party["name"].strip()[:200] or None
            return name, id_hash(number) if isinstance(number, str) and number.strip() else None
    return None, None


def letter_number_of(input_data: Any) -> str | None:
    """The letter number printed on a registered copy (each recipient's copy has its own)."""
    number = input_data.get("letter_number") if isinstance(input_data, dict) else None
    return number if isinstance(number, str) and number else None


def indexed_letter_number(input_data: Any) -> str | None:
    """The letter number as the register's column keeps it: one too long for the column
    (none a case may give) is not kept, rather than kept cut and matching another."""
    number = letter_number_of(input_data)
    return number if number is not None and len(number) <= LETTER_NUMBER_LENGTH else None


@dataclass(frozen=True)
class RegisterFilter:
    tenant_id: int
    type_name: str | None = None
    issued_from: date | None = None
    issued_to: date | None = None
    batch_id: str | None = None
    debtor_name: str | None = None
    debtor_id_number: str | None = None


def _start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def search(
    engine: Engine, where: RegisterFilter, limit: int, after: tuple[datetime, str] | None
) -> list[RegisteredDocument]:
    """Up to ``limit`` documents, newest first, after the position ``after``."""
    doc = RegisteredDocument
    conditions = [doc.tenant_id == where.tenant_id]
    if where.type_name:
        conditions.append(doc.type_name == where.type_name)
    if where.issued_from:
        conditions.append(doc.created_at >= _start(where.issued_from))
    if where.issued_to:
        conditions.append(doc.created_at < _start(where.issued_to + timedelta(days=1)))
    if where.batch_id:
        conditions.append(doc.batch_id == where.batch_id)
    if where.debtor_name:
        conditions.append(doc.debtor_name == where.debtor_name.strip())
    if where.debtor_id_number:
        conditions.append(doc.debtor_id_hash == id_hash(where.debtor_id_number))
    if after is not None:
        created, last_id = after
        conditions.append(
            or_(doc.created_at < created, and_(doc.created_at == created, doc.id < last_id))
        )
    query = select(doc).where(*conditions).order_by(doc.created_at.desc(), doc.id.desc())
    with db.session_scope(engine) as session:
        return list(session.scalars(query.limit(limit)))
