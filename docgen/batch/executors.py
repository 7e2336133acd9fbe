"""Where chunks are rendered: a local process pool (default) or Celery workers.

An executor gets chunks of item keys and returns when every chunk has been attempted;
it never sees case data, and the state in the database is the only truth about what is
done (a chunk may run twice; see :mod:`docgen.batch.work`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol, runtime_checkable

from sqlalchemy import func, select

from docgen import db, runtime
from docgen.batch.state import PENDING, BatchItem
from docgen.batch.work import process_chunk
from docgen.config import Settings

Tick = Callable[[], None]
# how often a waiting caller counts what is pending (one indexed count, well under a
# millisecond): up to this much is added to every run's end
POLL_SECONDS = 0.05
log = logging.getLogger(__name__)


class Executor(Protocol):
    def run(
        self,
        settings: Settings,
        database_url: str,
        run_id: str,
        chunks: Sequence[Sequence[str]],
        tick: Tick,
    ) -> None: ...


@runtime_checkable
class SendingExecutor(Executor, Protocol):
    """An executor whose chunks can be sent ahead, while the run is still being planned
    (``run`` then sends the rest and waits for all)."""

    def send(self, run_id: str, chunks: Sequence[Sequence[str]]) -> None: ...


class LocalExecutor:
    """Chunks on a pool of worker processes (all cores by default; 1 = this process)."""

    def __init__(self, processes: int | None = None) -> None:
        self.processes = max(1, processes or os.cpu_count() or 1)

    def run(
        self,
        settings: Settings,
        database_url: str,
        run_id: str,
        chunks: Sequence[Sequence[str]],
        tick: Tick,
    ) -> None:
        if self.processes == 1:
            # this process renders every chunk: what the pool's workers get at start
            runtime.separate_large_blocks()
            for chunk in chunks:
                process_chunk(settings, database_url, run_id, list(chunk))
                tick()
            return
        # a pool per CHUNKS_PER_CHILD chunks of each process, not the pool's own
        # max_tasks_per_child: with it, CPython 3.11-3.13 stop replacing the workers
        # that leave and the run hangs (python/cpython gh-115634)
        per_pool = self.processes * runtime.CHUNKS_PER_CHILD
        for start in range(0, len(chunks), per_pool):
            if not self._pool(
                settings, database_url, run_id, chunks[start : start + per_pool], tick
            ):
                return

    def _pool(
        self,
        settings: Settings,
        database_url: str,
        run_id: str,
        chunks: Sequence[Sequence[str]],
        tick: Tick,
    ) -> bool:
        """Renders ``chunks`` on a new pool; False when a worker process died."""
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            self.processes, mp_context=context, initializer=runtime.settle
        ) as pool:
            futures = [
                pool.submit(process_chunk, settings, database_url, run_id, list(chunk))
                for chunk in chunks
            ]
            try:
                for future in as_completed(futures):
                    future.result()
                    tick()
            except BrokenProcessPool:
                # a worker process died (killed, out of memory): what it did not mark
                # done is still pending and the caller's next round renders it
                log.warning("a worker process died; run=%s continues", run_id)
                return False
        return True


class CeleryExecutor:
    """Chunks as Celery tasks (ids only in the messages); waits on the database."""

    def __init__(self, broker_url: str, timeout: float = 3600, wait: bool = True) -> None:
        self.broker_url = broker_url
        self.timeout = timeout
        self.wait = wait

    def send(self, run_id: str, chunks: Sequence[Sequence[str]]) -> None:
        from docgen.batch.celery_app import enqueue

        if chunks:
            enqueue(self.broker_url, run_id, chunks)

    def run(
        self,
        settings: Settings,
        database_url: str,
        run_id: str,
        chunks: Sequence[Sequence[str]],
        tick: Tick,
    ) -> None:
        self.send(run_id, chunks)
        if not self.wait:
            return
        engine = db.upgrade(database_url)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            with db.session_scope(engine) as session:
                left = session.scalar(
                    select(func.count())
                    .select_from(BatchItem)
                    .where(BatchItem.run_id == run_id, BatchItem.status == PENDING)
                )
            tick()
            if not left:
                return
            time.sleep(POLL_SECONDS)
        raise TimeoutError(f"run {run_id} still has pending records after {self.timeout}s")


def executor_for(settings: Settings, processes: int | None = None) -> Executor:
    """Celery when a broker is configured, else the local process pool."""
    if settings.broker_url and processes is None:
        return CeleryExecutor(settings.broker_url)
    return LocalExecutor(processes)
