"""The register is a legal record: what it says it recorded survives a power cut.

A document rendered on its own is committed with SQLite ``synchronous=FULL`` (the WAL is
on disk before the file is handed out), in one INSERT per table and no ORM round trips.
A batch chunk's entries are committed together with ``synchronous=NORMAL``: the chunk's
items are marked done afterwards, in the same database, by a FULL commit, so a power cut
can only undo entries of items still pending, which a resumed run renders again.
PostgreSQL sessions give up on a lock after ``db.LOCK_TIMEOUT``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Engine, event, select

from docgen import db
from docgen.batch.runs import Batches, RunOptions
from docgen.batch.state import BatchItem
from docgen.batch.work import process_chunk
from docgen.config import Settings
from docgen.register import Issue, Stamp
from docgen.register.store import Register
from docgen.tenants import DEFAULT_TENANT_ID
from tests.batch_support import person_case, sheet, write_csv
from tests.support import load_fixture

PERSON = load_fixture("demand_letter", "valid", "person_debtor")
FULL, NORMAL = 2, 1


def issue(content: bytes = b"%PDF-1.7 letter") -> Issue:
    return Issue(
        Stamp.new(),
        "demand_letter",
        "layouts/demand_letter.py@typst",
        "a" * 64,
        PERSON,
        "pdf",
        content,
        "cli",
        None,
        "b" * 64,
        DEFAULT_TENANT_ID,
    )


@contextmanager
def statements(engine: Engine) -> Iterator[list[tuple[str, int]]]:
    """The SQL the engine runs meanwhile, each with its number of parameter rows."""
    seen: list[tuple[str, int]] = []

    def note(_conn, _cursor, statement, parameters, _context, executemany):  # type: ignore[no-untyped-def]
        if not statement.startswith("PRAGMA busy_timeout"):
            seen.append((" ".join(statement.split()), len(parameters) if executemany else 1))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def pragma(engine: Engine, name: str) -> object:
    with engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_a_single_document_is_one_insert_per_table_committed_with_full_sync(tmp_path):
    register = Register(f"sqlite:///{tmp_path / 'docgen.db'}")
    entry = issue()
    with statements(register.engine) as seen:
        register.record(entry)
    assert [(s.split(" (")[0], n) for s, n in seen] == [
        ("INSERT INTO register_documents", 1),
        ("INSERT INTO register_outputs", 1),
    ]
    assert pragma(register.engine, "synchronous") == FULL
    assert pragma(register.engine, "journal_mode") == "wal"
    # committed: another connection to the file reads it
    with sqlite3.connect(tmp_path / "docgen.db") as other:
        row = other.execute(
            "SELECT d.code, d.debtor_name, o.format, o.size FROM register_documents d"
            " JOIN register_outputs o ON o.document_id = d.id WHERE d.id = ?",
            (entry.stamp.document_id,),
        ).fetchone()
    assert row == (entry.stamp.code, PERSON["debtor"]["name"], "pdf", len(entry.content))
    found = register.verify(content=entry.content)
    assert (found.issued, found.document_id) == (True, entry.stamp.document_id)


def test_a_chunk_is_committed_at_once_with_normal_sync_and_the_pool_gets_full_back(tmp_path):
    register = Register(f"sqlite:///{tmp_path / 'docgen.db'}")
    chunk = [issue(f"letter {k}".encode()) for k in range(5)]
    with statements(register.engine) as seen:
        register.record_many(chunk, resumable=True)
    assert [(s.split(" (")[0], n) for s, n in seen] == [
        ("PRAGMA synchronous=NORMAL", 1),
        ("INSERT INTO register_documents", 5),
        ("INSERT INTO register_outputs", 5),
        ("PRAGMA synchronous=FULL", 1),
    ]
    assert pragma(register.engine, "synchronous") == FULL
    for entry in chunk:
        assert register.get(entry.stamp.document_id, DEFAULT_TENANT_ID) is not None


def test_a_failed_chunk_records_nothing_and_leaves_full_sync(tmp_path):
    register = Register(f"sqlite:///{tmp_path / 'docgen.db'}")
    first = issue()
    register.record(first)
    again = [issue(b"new"), first]  # the second's id is taken: the chunk rolls back
    with pytest.raises(Exception, match="UNIQUE"):
        register.record_many(again, resumable=True)
    assert register.get(again[0].stamp.document_id, None) is None
    assert pragma(register.engine, "synchronous") == FULL


def test_a_batch_chunk_marks_its_items_done_by_a_full_commit_after_its_entries(tmp_path):
    url = f"sqlite:///{tmp_path / 'docgen.db'}"
    settings = Settings(data_dir=tmp_path / "data", database_url=url)
    headers, rows = sheet([person_case(k) for k in range(3)])
    source = write_csv(tmp_path / "cases.csv", headers, rows)
    batches = Batches(settings, url)
    run_id = batches.create(
        source,
        RunOptions("demand_letter", formats=["docx"], chunk_size=3),
        tmp_path,
        DEFAULT_TENANT_ID,
    )
    batches.plan(run_id)
    engine = db.upgrade(url)
    with db.session_scope(engine) as session:
        keys = list(session.scalars(select(BatchItem.key).where(BatchItem.run_id == run_id)))
    with statements(engine) as seen:
        assert process_chunk(settings, url, run_id, keys) == 3
    kinds = [s.split(" (")[0].split(" SET")[0] for s, _n in seen]
    relaxed, entries = (
        kinds.index("PRAGMA synchronous=NORMAL"),
        kinds.index("INSERT INTO register_documents"),
    )
    restored, done = kinds.index("PRAGMA synchronous=FULL"), kinds.index("UPDATE batch_items")
    assert relaxed < entries < restored < done
    assert kinds.count("PRAGMA synchronous=NORMAL") == 1  # one commit for the chunk
    assert [n for s, n in seen if s.startswith("INSERT INTO register_documents")] == [3]
    assert pragma(engine, "synchronous") == FULL


@pytest.mark.postgres
def test_postgres_sessions_give_up_on_a_lock(postgres_admin_url):
    from tests.conftest import _fresh_postgres_database

    url, drop = _fresh_postgres_database(postgres_admin_url)
    try:
        engine = db.upgrade(url)  # the migration lock itself waits without limit
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SHOW lock_timeout").scalar() == db.LOCK_TIMEOUT
            connection.rollback()
            assert connection.exec_driver_sql("SHOW lock_timeout").scalar() == db.LOCK_TIMEOUT
    finally:
        drop()


def test_postgres_options_given_in_the_url_are_kept():
    args = db._postgres_args("postgresql+psycopg://u@h/d?options=-c%20search_path%3Ddocgen")
    assert args == {"options": f"-c search_path=docgen -c lock_timeout={db.LOCK_TIMEOUT}"}
    assert db._postgres_args("sqlite:///x.db") == {}
