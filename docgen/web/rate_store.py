"""The in-memory rate-limit store (``memory://``), without a thread per request.

``limits``' MemoryStorage drops expired entries from a timer thread that it starts again
whenever the last one has run (10 ms), that is on nearly every request of a busy worker:
starting a thread cost about a tenth of a DOCX request's CPU time. This store drops
them on the requesting thread instead, at most once a second. Whether a request is
allowed never depended on that clean-up (each check compares the entries' own times);
it only bounds memory, which a second's delay does not change.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from limits.storage import MemoryStorage

URI = "docgen-memory://"
SWEEP_SECONDS = 1.0


class SweepingMemoryStorage(MemoryStorage):
    STORAGE_SCHEME = ["docgen-memory"]  # noqa: RUF012 - read by limits' metaclass

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: Any):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.timer.cancel()  # the one the parent started
        self._sweep_lock = threading.Lock()
        self._next_sweep = time.monotonic() + SWEEP_SECONDS

    # what MemoryStorage calls before each change (its private name, mangled)
    def _MemoryStorage__schedule_expiry(self) -> None:
        now = time.monotonic()
        if now < self._next_sweep or not self._sweep_lock.acquire(blocking=False):
            return
        try:
            self._next_sweep = now + SWEEP_SECONDS
            self._MemoryStorage__expire_events()  # type: ignore[attr-defined]
        finally:
            self._sweep_lock.release()


def storage_uri(configured: str) -> str:
    """``configured`` (a store's URI, "" for the default memory store), with the memory
    store replaced by this one."""
    return URI if configured in ("", "memory://") else configured


__all__ = ["URI", "SweepingMemoryStorage", "storage_uri"]
