"""Durable commits shared by the concurrent renders of one process (group commit).

A single render's register entry is on disk before its file is handed out: one FULL
commit, one fsync of the WAL, several milliseconds on an ordinary disk, and SQLite takes
one writer at a time. Renders that finish while another's commit is under way wait for
it, then go to disk together in one transaction and one fsync: each call still returns
only once its own entry is durable. With one request at a time per process (gunicorn's
sync workers) a group holds one entry, as without grouping; threaded workers share the
fsync among the requests that finish together.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Rows = list[dict[str, Any]]


@dataclass
class _Ticket:
    documents: Rows
    outputs: Rows
    done: bool = False
    error: Exception | None = None


class GroupCommit:
    """Runs ``commit(documents, outputs)`` for the entries submitted meanwhile, once."""

    def __init__(self, commit: Callable[[Rows, Rows], None]) -> None:
        self._commit = commit
        self._cond = threading.Condition()
        self._queue: list[_Ticket] = []
        self._busy = False

    def submit(self, documents: Rows, outputs: Rows) -> None:
        """Return once these rows are committed (with whatever else was waiting)."""
        ticket = _Ticket(documents, outputs)
        with self._cond:
            self._queue.append(ticket)
            while not ticket.done:
                if self._busy:  # another caller is committing: ours goes in the next group
                    self._cond.wait()
                    continue
                group, self._queue = self._queue, []
                self._busy = True
                self._cond.release()
                try:
                    self._run(group)
                finally:
                    self._cond.acquire()
                    self._busy = False
                    self._cond.notify_all()
        if ticket.error is not None:
            raise ticket.error

    def _run(self, group: list[_Ticket]) -> None:
        try:
            self._commit(
                [row for t in group for row in t.documents],
                [row for t in group for row in t.outputs],
            )
        except Exception as exc:
            if len(group) == 1:
                group[0].error = exc
            else:  # one bad entry must not fail the others: each again on its own
                for ticket in group:
                    try:
                        self._commit(ticket.documents, ticket.outputs)
                    except Exception as alone:
                        ticket.error = alone
        finally:
            for ticket in group:
                ticket.done = True


__all__ = ["GroupCommit"]
