"""Per tenant, a limit on batch and bundle runs going on at once.

One client's large submissions must not take every worker from the others (T16): before a
run is recorded, its tenant's open runs are counted under a lock on the tenant's row (an
``UPDATE`` of that row: a row lock on PostgreSQL, the write lock on SQLite), so two
submissions at the same moment cannot both take the last place.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from docgen.batch.state import RUN_FINALIZING, RUN_PLANNING, RUN_RUNNING, BatchRun
from docgen.tenants.store import Tenant

OPEN_STATES = (RUN_PLANNING, RUN_RUNNING, RUN_FINALIZING)
# a run left open by a server that stopped stops counting after this long
OPEN_RUN_WINDOW = timedelta(hours=12)
RETRY_AFTER_SECONDS = 30


class TooManyRuns(Exception):
    """The tenant already has ``limit`` runs going on."""

    code = "tenant_runs_limit"

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.message = (
            f"本租户同时进行的批量生成与起诉材料任务已达上限（{limit} 个），"
            "请等待已有任务完成后再提交"
        )
        super().__init__(self.message)


def claim_run_slot(session: Session, tenant_id: int, limit: int) -> None:
    """Raise TooManyRuns when ``tenant_id`` has ``limit`` open runs; call it in the
    transaction that then records the new run."""
    session.execute(update(Tenant).where(Tenant.id == tenant_id).values(id=Tenant.id))
    since = datetime.now(UTC).replace(tzinfo=None) - OPEN_RUN_WINDOW
    open_runs = session.scalar(
        select(func.count())
        .select_from(BatchRun)
        .where(
            BatchRun.tenant_id == tenant_id,
            BatchRun.status.in_(OPEN_STATES),
            BatchRun.created_at >= since,
        )
    )
    if (open_runs or 0) >= limit:
        raise TooManyRuns(limit)


__all__ = ["OPEN_RUN_WINDOW", "RETRY_AFTER_SECONDS", "TooManyRuns", "claim_run_slot"]
