"""With Celery, a run's chunks are sent while the rest of its sheet is still being judged,
so the workers start at once; a sheet that cannot be read to its end sends nothing."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest

from docgen.batch import plan
from docgen.batch.executors import SendingExecutor
from docgen.batch.readers import BatchInputError
from docgen.batch.runs import Batches, RunOptions
from docgen.batch.work import process_chunk
from docgen.tenants import DEFAULT_TENANT_ID
from tests.batch_support import letters_sheet
from tests.integration.batch.test_runs import assert_exact

pytestmark = pytest.mark.slow


class Recorder:
    """Sends chunks as Celery does (here rendered in this process when run waits), noting
    the run's status at each send."""

    def __init__(self, batches: Batches) -> None:
        self.batches = batches
        self.sent: list[tuple[str, list[str]]] = []

    def send(self, run_id: str, chunks: Sequence[Sequence[str]]) -> None:
        status = self.batches.status(run_id, None)["status"]
        self.sent += [(status, list(chunk)) for chunk in chunks]

    def run(self, settings: Any, database_url: str, run_id: str, chunks: Any, tick: Any) -> None:
        self.send(run_id, chunks)
        for _status, chunk in self.sent:
            process_chunk(settings, database_url, run_id, chunk)
        tick()


def test_full_chunks_are_sent_while_planning_and_every_row_once(settings, tmp_path):
    source = letters_sheet(tmp_path / "cases.csv", 11)
    batches = Batches(settings, f"sqlite:///{tmp_path / 'state.db'}")
    options = RunOptions("demand_letter", formats=["pdf", "docx"], chunk_size=2)
    run_id = batches.create(source, options, tmp_path, DEFAULT_TENANT_ID)
    executor = Recorder(batches)
    assert isinstance(executor, SendingExecutor)

    summary = batches.execute(run_id, executor)

    assert (summary["status"], summary["rendered"]) == ("done", 11)
    statuses = [status for status, _ in executor.sent]
    assert statuses[:5] == ["planning"] * 5  # five full chunks of two while planning
    assert statuses[5:] == ["running"]  # the last row, once every row was judged
    keys = [key for _, chunk in executor.sent for key in chunk]
    assert len(keys) == len(set(keys)) == 11
    assert_exact(tmp_path / run_id, 11, ("pdf", "docx"))


def test_a_sheet_failing_part_way_sends_nothing(settings, tmp_path, monkeypatch):
    source = letters_sheet(tmp_path / "cases.csv", 8)
    batches = Batches(settings, f"sqlite:///{tmp_path / 'state.db'}")
    options = RunOptions("demand_letter", formats=["docx"], chunk_size=2)
    run_id = batches.create(source, options, tmp_path, DEFAULT_TENANT_ID)
    records = plan.Sheet.records

    def unreadable_after_five(self: plan.Sheet) -> Iterator[plan.Record]:
        for n, record in enumerate(records(self)):
            if n == 5:
                raise BatchInputError("第 7 行无法读取")
            yield record

    monkeypatch.setattr(plan.Sheet, "records", unreadable_after_five)
    executor = Recorder(batches)

    with pytest.raises(BatchInputError, match="第 7 行无法读取"):
        batches.execute(run_id, executor)
    assert executor.sent == []
    assert batches.status(run_id, None)["status"] == "planning"
    assert not list((tmp_path / run_id).glob("letters/*"))
