"""The idempotency keys of each tenant and the first answer each one got.

A request with a key is executed once per (tenant, key): the first one inserts a row in
state ``running``; the table's unique constraint on (tenant_id, idempotency_key) makes
every other worker's insert fail, so two gunicorn workers (or hosts on PostgreSQL) never
both execute it; no process lock is involved. When it ends well the row keeps the
answer (status, the headers a client reads, and the body bytes), which a retry within
:data:`KEEP_FOR` gets back unchanged. A failed request releases its key, so it can be
retried. A row still ``running`` past :data:`LEASE` (its worker died) may be taken over.

Rows expire after :data:`KEEP_FOR` (24 h, as Stripe keeps keys); each new claim deletes
the expired ones (indexed on ``expires_at``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from docgen import db

KEEP_FOR = timedelta(hours=24)
LEASE = timedelta(minutes=15)  # longer than any request may run (gunicorn's timeout)
RUNNING, DONE = "running", "done"


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    """SQLite gives back naive datetimes; every stored time is UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class IdempotencyRow(db.Base):
    __tablename__ = "idempotency_keys"
    __table_args__ = (sa.UniqueConstraint("tenant_id", "idempotency_key"),)

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[int] = mapped_column(sa.Integer)
    idempotency_key: Mapped[str] = mapped_column(sa.String(255))
    fingerprint: Mapped[str] = mapped_column(sa.String(64))
    state: Mapped[str] = mapped_column(sa.String(12))
    status: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)
    headers: Mapped[list[list[str]] | None] = mapped_column(sa.JSON, nullable=True)
    body: Mapped[bytes | None] = mapped_column(sa.LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    locked_until: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), index=True)


@dataclass(frozen=True)
class Claimed:
    """This request holds the key: execute it, then :meth:`complete` or :meth:`release`."""

    row_id: int


@dataclass(frozen=True)
class Replay:
    """The key was used for the same request, which has finished: its answer."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes


@dataclass(frozen=True)
class InFlight:
    """The same key's first request is still being executed."""


@dataclass(frozen=True)
class Reused:
    """The key was used for a different request (other route, query or body)."""


Outcome = Claimed | Replay | InFlight | Reused


class IdempotencyStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def claim(self, tenant_id: int, key: str, fingerprint: str) -> Outcome:
        """Hold ``key`` for this request, or say what the earlier one with it became."""
        now = _now()
        self.purge(now)
        for _attempt in range(3):  # the row may vanish (released, expired) between steps
            try:
                with self.engine.begin() as connection:
                    row_id = connection.execute(
                        sa.insert(IdempotencyRow)
                        .values(
                            tenant_id=tenant_id,
                            idempotency_key=key,
                            fingerprint=fingerprint,
                            state=RUNNING,
                            created_at=now,
                            locked_until=now + LEASE,
                            expires_at=now + KEEP_FOR,
                        )
                        .returning(IdempotencyRow.id)
                    ).scalar_one()
                return Claimed(row_id)
            except IntegrityError:
                pass
            outcome = self._existing(tenant_id, key, fingerprint, now)
            if outcome is not None:
                return outcome
        return InFlight()

    def _existing(
        self, tenant_id: int, key: str, fingerprint: str, now: datetime
    ) -> Outcome | None:
        with db.session_scope(self.engine) as session:
            row = session.scalars(
                select(IdempotencyRow).where(
                    IdempotencyRow.tenant_id == tenant_id, IdempotencyRow.idempotency_key == key
                )
            ).one_or_none()
            if row is None:
                return None
            if row.fingerprint != fingerprint:
                return Reused()
            if row.state == DONE and row.status is not None:
                headers = [(name, value) for name, value in row.headers or []]
                return Replay(row.status, headers, row.body or b"")
            if _aware(row.locked_until) > now:
                return InFlight()
            stale = row.locked_until
        # the first request's worker died: take the key over, once (compare and set)
        with self.engine.begin() as connection:
            taken = connection.execute(
                update(IdempotencyRow)
                .where(
                    IdempotencyRow.tenant_id == tenant_id,
                    IdempotencyRow.idempotency_key == key,
                    IdempotencyRow.state == RUNNING,
                    IdempotencyRow.locked_until == stale,
                )
                .values(locked_until=now + LEASE)
                .returning(IdempotencyRow.id)
            ).scalar_one_or_none()
        return Claimed(taken) if taken is not None else InFlight()

    def complete(
        self, claim: Claimed, status: int, headers: list[tuple[str, str]], body: bytes
    ) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                update(IdempotencyRow)
                .where(IdempotencyRow.id == claim.row_id)
                .values(
                    state=DONE,
                    status=status,
                    headers=[list(pair) for pair in headers],
                    body=body,
                )
            )

    def release(self, claim: Claimed) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(IdempotencyRow).where(IdempotencyRow.id == claim.row_id))

    def purge(self, now: datetime | None = None) -> int:
        """Delete every key older than :data:`KEEP_FOR`; return how many."""
        with self.engine.begin() as connection:
            result = connection.execute(
                delete(IdempotencyRow).where(IdempotencyRow.expires_at < (now or _now()))
            )
        return int(result.rowcount or 0)

    def count(self, tenant_id: int) -> int:
        with self.engine.connect() as connection:
            total = connection.execute(
                select(sa.func.count())
                .select_from(IdempotencyRow)
                .where(IdempotencyRow.tenant_id == tenant_id)
            ).scalar_one()
        return int(total)


__all__: list[Any] = [
    "DONE",
    "KEEP_FOR",
    "LEASE",
    "Claimed",
    "IdempotencyRow",
    "IdempotencyStore",
    "InFlight",
    "Outcome",
    "Replay",
    "Reused",
]
