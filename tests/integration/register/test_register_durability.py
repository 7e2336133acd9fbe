"""The register is a legal record: what it says it recorded survives a power cut.

A document rendered on its own is committed with SQLite ``synchronous=FULL`` (the WAL is
on disk before the file is handed out), in one INSERT per table and no ORM round trips.
A batch chunk's entries are committed together with ``synchronous=NORMAL``: the chunk's
items are marked done afterwards, in the same database, by a FULL commit, so a power cut
can only undo entries of items still pending, which a resumed run renders again.
PostgreSQL sessions give up on a lock after ``db.LOCK_TIMEOUT``.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import statistics
import threading
import time
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
from docgen.register.grouped import GroupCommit
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
    """The SQL that SQLite runs meanwhile on the engine's connections (its own trace, so
    statements sent to the driver directly count too), each with its number of parameter
    rows: SQLite traces every row of an executemany, counted here as one statement."""
    traced: list[str] = []
    seen: list[tuple[str, int]] = []
    tracing = threading.Event()
    tracing.set()

    def note(statement: str) -> None:  # the pool keeps the callback: off after the block
        if tracing.is_set() and not statement.startswith("PRAGMA busy_timeout"):
            traced.append(" ".join(statement.split()))

    def trace(dbapi_connection, _record, _proxy):  # type: ignore[no-untyped-def]
        dbapi_connection.set_trace_callback(note)

    event.listen(engine, "checkout", trace)
    try:
        yield seen
    finally:
        event.remove(engine, "checkout", trace)
        tracing.clear()
        for statement in traced:
            head = statement.split(" VALUES")[0]
            if seen and seen[-1][0].split(" VALUES")[0] == head and " VALUES" in statement:
                seen[-1] = (seen[-1][0], seen[-1][1] + 1)
            else:
                seen.append((statement, 1))


def pragma(engine: Engine, name: str) -> object:
    with engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_a_single_document_is_one_insert_per_table_committed_with_full_sync(tmp_path):
    register = Register(f"sqlite:///{tmp_path / 'docgen.db'}")
    entry = issue()
    with statements(register.engine) as seen:
        register.record(entry)
    assert [(s.split(" (")[0], n) for s, n in seen] == [
        ("BEGIN", 1),
        ("INSERT INTO register_documents", 1),
        ("INSERT INTO register_outputs", 1),
        ("COMMIT", 1),
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
        ("BEGIN", 1),
        ("INSERT INTO register_documents", 5),
        ("INSERT INTO register_outputs", 5),
        ("COMMIT", 1),
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


def test_documents_recorded_together_share_a_durable_commit_and_each_waits_for_it(tmp_path):
    register = Register(f"sqlite:///{tmp_path / 'docgen.db'}")
    register.engine  # noqa: B018 - migrated before the threads start
    commits: list[int] = []
    real = register._write
    first = threading.Event()

    def slow_write(documents, outputs, durable=True):  # type: ignore[no-untyped-def]
        commits.append(len(documents))
        if len(commits) == 1:
            first.set()
            time.sleep(0.3)  # a slow fsync: the other renders finish meanwhile
        real(documents, outputs, durable)

    register._write = slow_write  # type: ignore[method-assign]
    entries = [issue(f"letter {k}".encode()) for k in range(8)]
    seen_after_return: dict[str, bool] = {}

    def render(entry: Issue) -> None:
        register.record(entry)
        with sqlite3.connect(tmp_path / "docgen.db") as other:  # on disk once it returns
            found = other.execute(
                "SELECT count(*) FROM register_documents WHERE id = ?", (entry.stamp.document_id,)
            ).fetchone()
        seen_after_return[entry.stamp.document_id] = found == (1,)

    threads = [threading.Thread(target=render, args=(entries[0],))]
    threads[0].start()
    first.wait(5)
    threads += [threading.Thread(target=render, args=(entry,)) for entry in entries[1:]]
    for thread in threads[1:]:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert commits[0] == 1 and sum(commits) == 8
    assert len(commits) == 2  # the seven that finished during the first commit: one more
    assert seen_after_return == {entry.stamp.document_id: True for entry in entries}


def test_a_bad_entry_in_a_group_fails_alone_and_the_others_are_committed():
    calls: list[list[str]] = []
    committed: list[str] = []
    holding, release = threading.Event(), threading.Event()

    def commit(documents, _outputs):  # type: ignore[no-untyped-def]
        names = [row["id"] for row in documents]
        calls.append(names)
        if len(calls) == 1:
            holding.set()
            release.wait(5)
        if "bad" in names:
            raise ValueError("UNIQUE constraint failed")
        committed.extend(names)

    group = GroupCommit(commit)
    results: dict[str, Exception | None] = {}

    def submit(name: str) -> None:
        try:
            group.submit([{"id": name}], [])
            results[name] = None
        except ValueError as exc:
            results[name] = exc

    threads = [threading.Thread(target=submit, args=(name,)) for name in ("first", "good", "bad")]
    threads[0].start()
    holding.wait(5)
    for thread in threads[1:]:
        thread.start()
    for _ in range(500):  # both wait behind the first commit
        if len(group._queue) == 2:
            break
        time.sleep(0.01)
    release.set()
    for thread in threads:
        thread.join(10)
    # one group of the two that waited, then each again on its own
    assert calls[0] == ["first"] and sorted(calls[1]) == ["bad", "good"]
    assert sorted(calls[2:]) == [["bad"], ["good"]]
    assert committed == ["first", "good"]
    assert results["first"] is None and results["good"] is None
    assert isinstance(results["bad"], ValueError)


def test_a_pooled_connection_waits_as_long_as_the_context_that_checks_it_out(tmp_path):
    engine = db.upgrade(f"sqlite:///{tmp_path / 'docgen.db'}")
    assert pragma(engine, "busy_timeout") == db.BUSY_TIMEOUT_MS
    db.set_request_busy_timeout(0.25)  # a web request's short wait
    try:
        assert pragma(engine, "busy_timeout") == 250
        assert pragma(engine, "busy_timeout") == 250
    finally:
        db.set_request_busy_timeout(None)
    assert pragma(engine, "busy_timeout") == db.BUSY_TIMEOUT_MS


def _writer_pragma(register: Register, name: str) -> object:
    """A pragma of the connection the register keeps for its entries."""
    assert register._writer is not None and register._writer._box
    connection = register._writer._box[0].connection.dbapi_connection
    return connection.execute(f"PRAGMA {name}").fetchone()[0]


def test_the_registers_own_connection_commits_with_full_sync_and_the_contexts_wait(tmp_path):
    register = Register(f"sqlite:///{tmp_path / 'docgen.db'}")
    register.record(issue(b"first"))
    assert _writer_pragma(register, "synchronous") == FULL
    assert _writer_pragma(register, "journal_mode") == "wal"
    assert _writer_pragma(register, "busy_timeout") == db.BUSY_TIMEOUT_MS
    db.set_request_busy_timeout(0.25)  # a web request's short wait
    try:
        register.record(issue(b"second"))
        assert _writer_pragma(register, "busy_timeout") == 250
    finally:
        db.set_request_busy_timeout(None)
    register.record_many([issue(b"third")], resumable=True)
    assert _writer_pragma(register, "synchronous") == FULL  # NORMAL for the chunk only
    assert _writer_pragma(register, "busy_timeout") == db.BUSY_TIMEOUT_MS


def test_an_entry_is_recorded_through_the_pool_when_the_registers_connection_is_busy(tmp_path):
    register = Register(f"sqlite:///{tmp_path / 'docgen.db'}")
    register.record(issue(b"first"))
    assert register._writer is not None
    entry = issue(b"second")
    db.set_request_busy_timeout(0.05)
    register._writer._lock.acquire()  # another thread's long write, e.g. a chunk's
    try:
        started = time.monotonic()
        register.record(entry)
        took = time.monotonic() - started
    finally:
        register._writer._lock.release()
        db.set_request_busy_timeout(None)
    assert took < 2
    with sqlite3.connect(tmp_path / "docgen.db") as other:
        found = other.execute(
            "SELECT code FROM register_documents WHERE id = ?", (entry.stamp.document_id,)
        ).fetchone()
    assert found == (entry.stamp.code,)


def test_a_refused_entry_leaves_the_register_recording(tmp_path):
    register = Register(f"sqlite:///{tmp_path / 'docgen.db'}")
    first = issue(b"first")
    register.record(first)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        register.record(first)  # its id is taken
    after = issue(b"after")
    register.record(after)
    assert register.verify(content=b"after").document_id == after.stamp.document_id


def test_a_single_entry_writes_only_the_pages_its_lookups_need(tmp_path):
    """Each page an entry changes is written to the WAL and synced with it: the input
    hash (never searched) has no index, and a document outside a batch is not in the
    batch index (nor one without a letter number in the letter number index)."""
    path = tmp_path / "docgen.db"
    register = Register(f"sqlite:///{path}")
    case = dict(PERSON)
    for start in range(0, 600, 100):
        register.record_many(
            [
                dataclasses.replace(
                    issue(f"{k}".encode()),
                    input_data=dict(case, debtor=dict(PERSON["debtor"], name=f"债务人{k}")),
                )
                for k in range(start, start + 100)
            ],
            resumable=True,
        )
    register.record(issue(b"opens the register's connection"))
    assert register._writer is not None
    connection = register._writer._box[0].connection.dbapi_connection
    connection.execute("PRAGMA wal_autocheckpoint=0")  # the WAL only grows meanwhile
    wal = tmp_path / "docgen.db-wal"
    frames = []
    for k in range(60):
        before = wal.stat().st_size
        register.record(issue(f"single {k}".encode()))
        frames.append((wal.stat().st_size - before) / (4096 + 24))
    # 14.7 with the two indexes; the letter number's index (0012: these letters have a
    # number, and it is looked up at every final render) costs about 1.5 of a page more
    assert statistics.mean(frames) <= 14.5
    with sqlite3.connect(path) as other:
        indexes = {
            name
            for (name,) in other.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index'"
                " AND tbl_name = 'register_documents'"
            )
        }
    assert "ix_register_documents_input_hash" not in indexes
    assert "ix_register_documents_tenant_created" in indexes
