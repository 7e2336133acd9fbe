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
    """Chunks on a pool of worker processes (all cores by default).

    ``processes=1`` renders in this process (no warm-up of a new one; what tests and
    ``--processes 1`` ask for), but only the first ``runtime.CHUNKS_PER_CHILD`` chunks
    given to this executor: the rest go to one worker process at a time, replaced after
    as many chunks as a pool's, so a long run's growth (what the Typst binding keeps of
    every letter it laid out, never evicted) is bounded as the pool's and Celery's
    workers bound it. A default of one core is a pool of one worker, never this process
    (a web server's, which lives on after the run)."""

    def __init__(self, processes: int | None = None) -> None:
        self.here = processes == 1
        self.processes = max(1, processes or os.cpu_count() or 1)
        self.rendered_here = 0

    def run(
        self,
        settings: Settings,
        database_url: str,
        run_id: str,
        chunks: Sequence[Sequence[str]],
        tick: Tick,
    ) -> None:
        if self.here:
            # this process renders them: what the pool's workers get at start
            runtime.separate_large_blocks()
            left = max(0, runtime.CHUNKS_PER_CHILD - self.rendered_here)
            here, rest = chunks[:left], chunks[left:]
            for chunk in here:
                process_chunk(settings, database_url, run_id, list(chunk))
                self.rendered_here += 1
                tick()
            if not rest:
                return
            log.info("run=%s: %d chunks left for a worker process", run_id, len(rest))
        else:
            rest = chunks
        _pool_run(self.processes, (settings, database_url, run_id), rest, tick)


def _pool_run(
    processes: int, run: tuple[Settings, str, str], chunks: Sequence[Sequence[str]], tick: Tick
) -> None:
    """``chunks`` on ``processes`` new worker processes, replaced by new ones after some
    ``runtime.CHUNKS_PER_CHILD`` chunks each: the chunks go in shares of that many per
    process, each share to a pool of its own.

    Not the pool's ``max_tasks_per_child``: on Python 3.11 (and any version before the
    fix of CPython gh-115634) a pool given one above 1 and more chunks than that per
    process stops once its first workers retire, and the run waits forever."""
    share = max(1, runtime.CHUNKS_PER_CHILD) * processes
    for start in range(0, len(chunks), share):
        if not _one_pool(processes, run, chunks[start : start + share], tick):
            return


def _one_pool(
    processes: int, run: tuple[Settings, str, str], chunks: Sequence[Sequence[str]], tick: Tick
) -> bool:
    """``chunks`` on a pool of new processes; False when one of them died."""
    settings, database_url, run_id = run
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context, initializer=runtime.settle) as pool:
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
