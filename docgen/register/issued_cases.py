"""Which documents a case posted by the web form was issued as, kept in the register.

The form issues a case once (:mod:`docgen.web.form_issue`): the same case posted again,
from any browser or user of the tenant, is given as the documents it was issued as. The
register keeps, on each document the form issues, the case's hash (``case_hash``: a
SHA-256 of the document type and the canonical JSON of the case as posted, before a
letter number is drawn or a profile read, so the same case always hashes the same) and
the issue it belongs to (``case_issue``: the id of the first document issued in that go;
one case is one document per recipient, and is issued anew only when the user confirms
it). Documents rendered otherwise (the API, a batch, the CLI) carry neither.

The database decides between two issues of one case made at once (two tabs, a double
click: both found the case not yet issued): the first document of each issue carries its
round (``case_round``: how many issues of the case the register held when it was
asked, :func:`next_round`), unique per tenant, type and case (migration 0014). The
second INSERT of a round conflicts, the caller is told (:data:`CONFLICTS`), and the
case's copies are recorded in one transaction, so the issue that won is whole.

The form marks the documents it issues by rendering inside :func:`issuing`: the entry's
columns come from :func:`columns`, read while the register writes the entry, so the mark
is committed with the document itself and a crash cannot leave a document issued for a
case without its mark.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError

from docgen.register import canonical_json
from docgen.register.recipients import case_of, recipient_count

COLUMNS = ("case_hash", "case_issue", "case_round")

CONFLICTS = (sqlite3.IntegrityError, IntegrityError)
"""What recording a document raises when its round of the case is taken (on SQLite the
register writes on its own driver connection; other databases go through SQLAlchemy)."""


def case_hash(type_name: str, data: Any) -> str:
    """What the register finds an issued case by (not the case itself)."""
    text = f"{type_name}\n{canonical_json(data)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class _Issuing:
    case_hash: str
    round: int | None
    first_id: str | None = None


_issuing: ContextVar[_Issuing | None] = ContextVar("docgen_issuing_case", default=None)


@contextmanager
def issuing(hashed: str, round_: int | None = None) -> Iterator[None]:
    """Documents recorded in this context are one issue of the case ``hashed``: its
    ``round_`` (None: not claimed, as for a session's documents of before)."""
    token = _issuing.set(_Issuing(hashed, round_))
    try:
        yield
    finally:
        _issuing.reset(token)


def columns(document_id: str) -> dict[str, str | int | None]:
    """The case columns of a document being recorded (None outside :func:`issuing`)."""
    state = _issuing.get()
    if state is None:
        return dict.fromkeys(COLUMNS)
    if state.first_id is None:
        state.first_id = document_id
    first = state.first_id == document_id
    return {
        "case_hash": state.case_hash,
        "case_issue": state.first_id,
        "case_round": state.round if first else None,
    }


def next_round(rows: Sequence[Any]) -> int:
    """The round the next issue of a case claims, from its documents (``rows``, the
    latest among them): one past the latest round, or the number of issues when none kept
    a round (documents of before). Issues cut short count: their round is taken."""
    rounds: list[int] = [row.case_round for row in rows if row.case_round is not None]
    if rounds:
        return max(rounds) + 1
    return len({row.case_issue or row.id for row in rows})


@dataclass(frozen=True)
class CaseIssue:
    """One issue of a case: its documents (one per recipient), oldest first."""

    documents: Sequence[Any]  # RegisteredDocument rows

    @property
    def ids(self) -> list[str]:
        return [row.id for row in self.documents]


def complete_issues(rows: Sequence[Any]) -> list[CaseIssue]:
    """``rows`` (one case's documents, ordered by id) as its issues, oldest first, each
    holding a copy for every recipient; an issue cut short (a copy that failed to print
    after the first was recorded) was never handed out and is left out."""
    grouped: dict[str, list[Any]] = {}
    for row in rows:
        grouped.setdefault(row.case_issue or row.id, []).append(row)
    return [CaseIssue(group) for _first, group in sorted(grouped.items()) if _complete(group)]


def _complete(group: list[Any]) -> bool:
    found = [case_of(row.input_data) for row in group]
    indexes = [index for _data, index in found]
    if all(index is None for index in indexes):
        return len(group) == 1
    expected = recipient_count(found[0][0])
    return sorted(i for i in indexes if i is not None) == list(range(expected))


__all__ = [
    "COLUMNS",
    "CONFLICTS",
    "CaseIssue",
    "case_hash",
    "columns",
    "complete_issues",
    "issuing",
    "next_round",
]
