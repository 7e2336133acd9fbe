"""Two attempts at one chunk leave one set of files, each the one its row describes.

A redelivered task can run while the first attempt is still running, and a killed
worker's child can finish a chunk another worker has redone. Each attempt writes its
files under names of its own; only the attempt that marks an item done moves them into
place, while it holds the item, so a file never differs from the SHA-256 on its row.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from docgen import db
from docgen.batch import work
from docgen.batch.executors import LocalExecutor
from docgen.batch.runs import Batches, RunOptions
from docgen.batch.state import BatchItem
from docgen.tenants import DEFAULT_TENANT_ID
from tests.batch_support import letters_sheet
from tests.integration.batch.test_runs import assert_exact

pytestmark = pytest.mark.slow


def _keys(database_url: str, run_id: str) -> list[str]:
    with db.session_scope(db.upgrade(database_url)) as session:
        query = select(BatchItem.key).where(BatchItem.run_id == run_id)
        return list(session.scalars(query.order_by(BatchItem.row_number)))


def test_an_attempt_overtaken_by_another_leaves_the_files_of_the_one_recorded(
    settings, database_url, tmp_path, monkeypatch
):
    source = letters_sheet(tmp_path / "cases.csv", 3)
    batches = Batches(settings, database_url)
    options = RunOptions("demand_letter", formats=["pdf", "docx"], chunk_size=3)
    run_id = batches.create(source, options, tmp_path, DEFAULT_TENANT_ID)
    batches.plan(run_id)
    keys = _keys(database_url, run_id)
    render = work.render_documents

    def overtaken(*args: Any, **kwargs: Any) -> Any:
        # while the first attempt renders, a second attempt at the same chunk renders its
        # own (new stamps, other bytes), writes and records them; the first then writes
        monkeypatch.setattr(work, "render_documents", render)
        assert work.process_chunk(settings, database_url, run_id, keys) == 3
        return render(*args, **kwargs)

    monkeypatch.setattr(work, "render_documents", overtaken)
    assert work.process_chunk(settings, database_url, run_id, keys) == 0  # found them done

    summary = batches.execute(run_id, LocalExecutor(1))
    assert (summary["status"], summary["rendered"]) == ("done", 3)
    assert_exact(tmp_path / run_id, 3, ("pdf", "docx"))
