"""Batch runs on Celery over the run's Redis, with real worker processes.

A worker SIGKILLed mid-run loses nothing: the run resumes on a new worker and every
record is rendered exactly once (at-least-once delivery + idempotent items). Queue
messages carry ids, never case data, and workers log no personal data (T8, T13).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from docgen.batch.celery_app import QUEUE
from docgen.batch.executors import CeleryExecutor
from docgen.batch.runs import Batches, RunOptions
from docgen.config import Settings
from docgen.tenants import DEFAULT_TENANT_ID
from tests.batch_support import letters_sheet, person_case
from tests.integration.batch.test_runs import assert_exact

pytestmark = [pytest.mark.slow, pytest.mark.redis]


@pytest.fixture
def broker(redis_url):
    """This worker's own Redis database (tests/services.py), emptied before and after."""
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


@pytest.fixture
def env(tmp_path, redis_url):
    data = tmp_path / "var"
    return {
        **os.environ,
        "DOCGEN_DATA_DIR": str(data),
        "DOCGEN_DATABASE_URL": f"sqlite:///{data / 'docgen.db'}",
        "DOCGEN_BROKER_URL": redis_url,
        "DOCGEN_LOG_LEVEL": "INFO",
    }


class Worker:
    """``docgen worker`` in its own process group, its log kept in a file."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.log = log
        self.fh = log.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "docgen.cli", "worker", "--concurrency", "2"],
            env=env,
            stdout=self.fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self.fh.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
                return
        self.fh.close()


def _batches(env: dict[str, str]) -> Batches:
    settings = Settings(
        data_dir=Path(env["DOCGEN_DATA_DIR"]),
        database_url=env["DOCGEN_DATABASE_URL"],
        broker_url=env["DOCGEN_BROKER_URL"],
    )
    return Batches(settings)


def test_a_killed_worker_loses_nothing_and_duplicates_nothing(broker, env, tmp_path):
    source = letters_sheet(tmp_path / "cases.csv", 200)
    batches = _batches(env)
    run_id = batches.create(
        source,
        RunOptions("demand_letter", formats=["docx"], chunk_size=10),
        tmp_path / "runs",
        DEFAULT_TENANT_ID,
    )
    first = Worker(env, tmp_path / "worker-1.log")
    try:
        batches.execute(run_id, CeleryExecutor(env["DOCGEN_BROKER_URL"], wait=False), wait=False)
        deadline = time.monotonic() + 120
        while batches.counts(run_id)["done"] < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        first.kill()
    left = batches.counts(run_id)
    assert left["done"] >= 40 and left["pending"] > 0, left
    second = Worker(env, tmp_path / "worker-2.log")
    try:
        summary = batches.execute(run_id, CeleryExecutor(env["DOCGEN_BROKER_URL"], timeout=180))
    finally:
        second.stop()
    assert summary["status"] == "done"
    assert (summary["rendered"], summary["rejected"], summary["failed"]) == (200, 0, 0)
    assert_exact(tmp_path / "runs" / run_id, 200, ("docx",))


def test_workers_render_pdfs_and_queue_messages_hold_no_case_data(broker, env, tmp_path):
    source = letters_sheet(tmp_path / "cases.csv", 2)
    canary_name = person_case(1)["debtor"]["name"]
    canary_id = person_case(1)["debtor"]["id_number"]
    batches = _batches(env)
    options = RunOptions("demand_letter", formats=["pdf", "docx"], chunk_size=1)
    run_id = batches.create(source, options, tmp_path / "runs", DEFAULT_TENANT_ID)
    batches.execute(run_id, CeleryExecutor(env["DOCGEN_BROKER_URL"], wait=False), wait=False)
    messages = broker.lrange(f"docgen:{QUEUE}", 0, -1)
    assert len(messages) == 2
    for message in messages:
        assert canary_name.encode() not in message and canary_id.encode() not in message
        assert run_id.encode() in message
    worker = Worker(env, tmp_path / "worker.log")
    try:
        summary = batches.wait(run_id, timeout=180)
    finally:
        worker.stop()
    assert (summary["status"], summary["rendered"]) == ("done", 2)
    assert_exact(tmp_path / "runs" / run_id, 2, ("pdf", "docx"))
    log = (tmp_path / "worker.log").read_text(encoding="utf-8", errors="replace")
    assert "chunk run=" in log
    assert canary_name not in log and canary_id not in log
