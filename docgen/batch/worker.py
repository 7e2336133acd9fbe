"""The Celery task a batch worker runs: render a chunk of a run, then finish the run.

Kept apart from :mod:`docgen.batch.celery_app` (settings and sending), which the run
itself uses to enqueue: the task needs the run's code, the run needs only the queue.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from celery import Celery

from docgen import runtime
from docgen.batch.celery_app import QUEUE, TASK, app_from_env
from docgen.batch.runs import Batches
from docgen.batch.work import process_chunk
from docgen.config import Settings

log = logging.getLogger(__name__)


@cache
def _batches() -> Batches:
    """The worker process's settings and runs, read from its environment once (about
    1 ms of CPU a task when read for each)."""
    return Batches(Settings())


def render_chunk(task: Any, run_id: str, keys: list[str]) -> int:
    batches = _batches()
    done = process_chunk(batches.settings, batches.database_url, run_id, keys)
    batches.finish(run_id)
    log.info("chunk run=%s items=%d done=%d", run_id, len(keys), done)
    return done


def with_task(app: Celery) -> Celery:
    """``app`` with the chunk task registered (at-least-once: retried, acked late)."""
    if TASK not in app.tasks:
        app.task(
            name=TASK,
            bind=True,
            autoretry_for=(Exception,),
            max_retries=3,
            retry_backoff=2,
            retry_jitter=False,
        )(render_chunk)
    return app


def preload(settings: Settings) -> None:
    """Import what every child imports for its first chunk (all document types, the
    configured PDF engine) or its first finish (the address table), then freeze the
    collector's view of it, before the children are forked: the children share these
    pages instead of each importing them after its start, and their collections
    (``runtime.settle``) do not touch, so copy, them."""
    from docgen.documents import registry
    from docgen.domain.addresses import splitter

    registry.all_types()
    splitter()  # the division table the mailing sheet places addresses with (0.3 s)
    if settings.pdf_engine == "typst":
        import docgen.render.typst_pdf  # noqa: F401  (Typst itself: no fonts, no threads)
    runtime.settle()


def start_worker(concurrency: int, loglevel: str = "INFO") -> None:
    """Run a worker in this process (``docgen worker``)."""
    preload(Settings())
    with_task(app_from_env()).worker_main(
        ["worker", f"--concurrency={concurrency}", f"--loglevel={loglevel}", "-Q", QUEUE]
    )
