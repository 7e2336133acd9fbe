"""Sender profiles in the database, and the per-series letter-number counters.

A profile is stored as its validated JSON beside a few columns for listing; it belongs to
a tenant, and every method takes the caller's tenant: another tenant's profile is not
found. Letter numbers come from one counter row per (tenant, series, year), so each
firm numbers its own letters, incremented by a single
``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` statement: atomic on PostgreSQL and
on SQLite (which serialises writers), so concurrent requests never get the same number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from docgen.db import Base, session_scope
from docgen.db.times import utc_text
from docgen.profiles.model import SenderProfile
from docgen.tenants.store import require_tenant


def _now() -> datetime:
    return datetime.now(UTC)


class ProfileRow(Base):
    __tablename__ = "sender_profiles"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[int] = mapped_column(sa.Integer, index=True)
    name: Mapped[str] = mapped_column(sa.String(100))
    kind: Mapped[str] = mapped_column(sa.String(20))
    data: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=_now)
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=_now, onupdate=_now
    )


class LetterCounterRow(Base):
    __tablename__ = "letter_number_counters"

    tenant_id: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    series: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    year: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(sa.Integer)


@dataclass(frozen=True)
class StoredProfile:
    id: int
    profile: SenderProfile
    created_at: datetime
    updated_at: datetime

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.profile.model_dump(mode="json"),
            "created_at": utc_text(self.created_at),
            "updated_at": utc_text(self.updated_at),
        }


MAX_ID = 2**31 - 1
"""The largest id the column holds (PostgreSQL's integer): a larger one posted (a case's
``sender_profile_id``) overflowed the driver, a 500, rather than being not found."""


class ProfileNotFound(LookupError):
    """No sender profile has this id."""

    def __init__(self, profile_id: int) -> None:
        super().__init__(f"发件人资料 {profile_id} 不存在")
        self.profile_id = profile_id


def _stored(row: ProfileRow) -> StoredProfile:
    return StoredProfile(
        row.id, SenderProfile.model_validate(row.data), row.created_at, row.updated_at
    )


require_tenant(ProfileRow)


class ProfileStore:
    """Create, read, update and delete a tenant's sender profiles; hand out its letter
    numbers."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, tenant_id: int, profile: SenderProfile) -> StoredProfile:
        with session_scope(self.engine) as session:
            row = ProfileRow(
                tenant_id=tenant_id,
                name=profile.name,
                kind=profile.kind,
                data=profile.model_dump(mode="json"),
            )
            session.add(row)
            session.flush()
            return _stored(row)

    def list(self, tenant_id: int) -> list[StoredProfile]:
        with session_scope(self.engine) as session:
            rows = session.scalars(
                sa.select(ProfileRow)
                .where(ProfileRow.tenant_id == tenant_id)
                .order_by(ProfileRow.id)
            )
            return [_stored(row) for row in rows]

    @staticmethod
    def _row(session: Any, tenant_id: int, profile_id: int) -> ProfileRow:
        if not 1 <= profile_id <= MAX_ID:  # no row has it: not asked of the database
            raise ProfileNotFound(profile_id)
        row = session.get(ProfileRow, profile_id)
        if row is None or row.tenant_id != tenant_id:  # another tenant's: not found
            raise ProfileNotFound(profile_id)
        return row  # type: ignore[no-any-return]

    def get(self, tenant_id: int, profile_id: int) -> StoredProfile:
        with session_scope(self.engine) as session:
            return _stored(self._row(session, tenant_id, profile_id))

    def update(self, tenant_id: int, profile_id: int, profile: SenderProfile) -> StoredProfile:
        with session_scope(self.engine) as session:
            row = self._row(session, tenant_id, profile_id)
            row.name, row.kind = profile.name, profile.kind
            row.data = profile.model_dump(mode="json")
            session.flush()
            return _stored(row)

    def delete(self, tenant_id: int, profile_id: int) -> None:
        with session_scope(self.engine) as session:
            session.delete(self._row(session, tenant_id, profile_id))

    def next_letter_number(self, tenant_id: int, series: str, year: int) -> int:
        """The tenant's next number of ``series`` in ``year``: 1, 2, 3 ... never handed out
        twice."""
        table = LetterCounterRow.__table__
        dialect = self.engine.dialect.name
        insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = (
            insert(table)
            .values(tenant_id=tenant_id, series=series, year=year, last_number=1)
            .on_conflict_do_update(
                index_elements=["tenant_id", "series", "year"],
                set_={"last_number": table.c.last_number + 1},
            )
            .returning(table.c.last_number)
        )
        with self.engine.begin() as connection:
            return int(connection.execute(statement).scalar_one())
