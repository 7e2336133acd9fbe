"""The state of batch runs in the database: one run row, one row per input record.

An item's key is deterministic (run id, row number, hash of the row's data), so planning
the same file twice never creates a second record, and a record's status only moves
forward: ``pending`` → ``done`` (or ``rejected`` / ``failed``). Workers mark an item done
only after its files were renamed into place, so whatever is not done is safe to redo.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, func, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from docgen.db import Base
from docgen.tenants.store import require_tenant

PENDING = "pending"
DONE = "done"
REJECTED = "rejected"
FAILED = "failed"

RUN_PLANNING = "planning"
RUN_RUNNING = "running"
RUN_FINALIZING = "finalizing"
RUN_DONE = "done"
RUN_FAILED = "failed"
RUN_LABELS = {
    RUN_PLANNING: "正在校验",
    RUN_RUNNING: "生成中",
    RUN_FINALIZING: "正在汇总",
    RUN_DONE: "已完成",
    RUN_FAILED: "失败",
}
"""A run's status as the command line and the batch page say it."""


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class BatchRun(Base):
    __tablename__ = "batch_runs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # whose run (a batch, or a bundle: type_name "bundle"); workers act for it
    tenant_id: Mapped[int] = mapped_column(Integer, index=True)
    type_name: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default=RUN_PLANNING)
    source_name: Mapped[str] = mapped_column(String(255))
    out_dir: Mapped[str] = mapped_column(Text)
    options: Mapped[str] = mapped_column(Text, default="{}")
    total_rows: Mapped[int] = mapped_column(Integer, default=0)
    blank_rows: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=_now)
    started_at: Mapped[datetime | None] = mapped_column(nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)

    def option(self, name: str, default: Any = None) -> Any:
        return json.loads(self.options or "{}").get(name, default)


require_tenant(BatchRun)


class BatchItem(Base):
    __tablename__ = "batch_items"
    __table_args__ = (Index("ix_batch_items_run_status", "run_id", "status"),)

    key: Mapped[str] = mapped_column(String(96), primary_key=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("batch_runs.id", ondelete="CASCADE"))
    row_number: Mapped[int] = mapped_column(Integer)
    row_hash: Mapped[str] = mapped_column(String(64))
    letter_id: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default=PENDING)
    data: Mapped[str] = mapped_column(Text)  # the case as JSON (never sent over the queue)
    extras: Mapped[str] = mapped_column(Text, default="{}")
    problems: Mapped[str] = mapped_column(Text, default="[]")
    outputs: Mapped[str] = mapped_column(Text, default="{}")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now)


def row_hash(data: Any) -> str:
    """SHA-256 of the record's canonical JSON (sorted keys): equal rows, equal hashes."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def item_key(run_id: str, number: int, digest: str) -> str:
    return f"{run_id}:{number}:{digest[:32]}"


def counts(session: Session, run_id: str) -> dict[str, int]:
    rows = session.execute(
        select(BatchItem.status, func.count())
        .where(BatchItem.run_id == run_id)
        .group_by(BatchItem.status)
    ).all()
    out = {PENDING: 0, DONE: 0, REJECTED: 0, FAILED: 0}
    out.update({status: int(n) for status, n in rows})
    return out


def claim_finalize(session: Session, run_id: str) -> bool:
    """Atomically move a running run with nothing left to do to ``finalizing``.

    Exactly one caller wins, however many chunks finish at the same moment.
    """
    left = session.scalar(
        select(func.count())
        .select_from(BatchItem)
        .where(BatchItem.run_id == run_id, BatchItem.status == PENDING)
    )
    if left:
        return False
    result = session.execute(
        update(BatchRun)
        .where(BatchRun.id == run_id, BatchRun.status == RUN_RUNNING)
        .values(status=RUN_FINALIZING)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
