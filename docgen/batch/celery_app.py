"""Celery wiring for batch runs: the app's settings and sending chunks to the queue.

With :mod:`docgen.batch.worker` (the task a worker runs), the only modules that use
Celery; this one imports nothing of the batch, so a run can enqueue without a cycle.

At-least-once delivery: a task is acknowledged after it ran (``acks_late``), requeued if
its worker process dies (``reject_on_worker_lost``), each worker takes one message at a
time (prefetch 1), tasks have time limits and a bounded number of retries. Messages carry
the run id and item keys only, never case data; rendering an item twice is harmless
because items are idempotent (:mod:`docgen.batch.work`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import cache
from typing import Any

from celery import Celery
from celery.signals import worker_process_init, worker_process_shutdown

from docgen import runtime
from docgen.config import Settings

log = logging.getLogger(__name__)

TASK = "docgen.batch.render_chunk"
QUEUE = "docgen-batch"
MAX_CHILD_KIB = 320 * 1024  # peak RSS of a worker child, in KiB as Celery counts it


@cache
def make_app(broker_url: str) -> Celery:
    app = Celery("docgen", broker=broker_url)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_acks_on_failure_or_timeout=True,
        worker_prefetch_multiplier=1,
        task_time_limit=900,
        task_soft_time_limit=840,
        task_default_queue=QUEUE,
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        broker_connection_retry_on_startup=True,
        broker_transport_options={"visibility_timeout": 1800, "global_keyprefix": "docgen:"},
        worker_hijack_root_logger=False,
        worker_max_tasks_per_child=runtime.CHUNKS_PER_CHILD,
        # a guard, not the budget: a child peaks near 200 MiB; one whose peak passed this
        # (a leak, a pathological row) is replaced after the task that took it there
        worker_max_memory_per_child=MAX_CHILD_KIB,
    )
    return app


def _settle_worker_process(**_kwargs: Any) -> None:
    """Each worker process renders many letters: settle its garbage collector."""
    runtime.settle()


worker_process_init.connect(_settle_worker_process, weak=False)


def _release_worker_process(**_kwargs: Any) -> None:
    """A worker process ends without interpreter exit: remove its temporary font files."""
    from docgen.render.pdf import release_font_folders

    release_font_folders()


worker_process_shutdown.connect(_release_worker_process, weak=False)


def enqueue(broker_url: str, run_id: str, chunks: Sequence[Sequence[str]]) -> None:
    app = make_app(broker_url)
    for chunk in chunks:
        app.send_task(TASK, args=[run_id, list(chunk)], queue=QUEUE)


def app_from_env() -> Celery:
    settings = Settings()
    if not settings.broker_url:
        raise RuntimeError("DOCGEN_BROKER_URL is not set")
    return make_app(settings.broker_url)
