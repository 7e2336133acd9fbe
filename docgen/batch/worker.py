"""The Celery task a batch worker runs: render a chunk of a run, then finish the run.

Kept apart from :mod:`docgen.batch.celery_app` (settings and sending), which the run
itself uses to enqueue: the task needs the run's code, the run needs only the queue.
"""

from __future__ import annotations

import logging
from typing import Any

from celery import Celery

from docgen.batch.celery_app import QUEUE, TASK, app_from_env
from docgen.batch.runs import Batches
from docgen.batch.work import process_chunk
from docgen.config import Settings

log = logging.getLogger(__name__)


def render_chunk(task: Any, run_id: str, keys: list[str]) -> int:
    settings = Settings()
    url = settings.effective_database_url
    done = process_chunk(settings, url, run_id, keys)
    Batches(settings, url).finish(run_id)
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


def start_worker(concurrency: int, loglevel: str = "INFO") -> None:
    """Run a worker in this process (``docgen worker``)."""
    with_task(app_from_env()).worker_main(
        ["worker", f"--concurrency={concurrency}", f"--loglevel={loglevel}", "-Q", QUEUE]
    )
