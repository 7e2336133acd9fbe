"""The database: one SQLAlchemy metadata for every table docgen keeps.

SQLite under the data directory by default, PostgreSQL (or any SQLAlchemy URL) via
``DOCGEN_DATABASE_URL``. The schema is owned by Alembic migrations in
``docgen/db/migrations``; :func:`upgrade` brings a database to the newest schema and is
called by every entrypoint that needs the database (idempotent, cheap when up to date).
Several processes may start at once on a new database (gunicorn workers, batch workers,
a CLI command): :func:`upgrade` migrates under a lock that every docgen process takes, so
one creates the tables and the others find them made.

Durability on SQLite (WAL): every connection commits with ``synchronous=FULL``, so a
commit is on disk before the caller goes on (one fsync of the WAL per commit; the register
is a legal record). :func:`write` may commit with ``synchronous=NORMAL`` for work that is
re-run after a crash (a batch chunk, marked done afterwards in the same database): a power
cut can undo such a commit, never a later FULL one. PostgreSQL connections give up on a
lock after ``LOCK_TIMEOUT`` rather than queue behind a stuck transaction.

Feature packages (register, profiles, batch) declare their tables on :class:`Base` and
add a migration; nothing here knows about them.
"""

from __future__ import annotations

import ast
import fcntl
import functools
import json
import os
import re
import stat
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, create_engine, event, exc, make_url, text
from sqlalchemy.orm import DeclarativeBase, Session

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# Stable constraint names, so migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# The key of the PostgreSQL advisory lock that serialises migrations (any fixed number).
MIGRATION_LOCK_KEY = zlib.crc32(b"docgen.db.upgrade")

_engines: dict[str, Engine] = {}
_lock = threading.Lock()
_upgraded: set[str] = set()
# How long a connection waits for a locked SQLite file: 30 s for the CLI and workers; a web
# request sets a short wait for its own context (set_request_busy_timeout) and answers 503.
BUSY_TIMEOUT_MS = 30_000
# How long a PostgreSQL statement waits for a lock before it fails (a request answers 503,
# a batch chunk is retried); migrations wait on their own lock without limit.
LOCK_TIMEOUT = "10s"
_request_busy_ms: ContextVar[int | None] = ContextVar("docgen_db_busy_ms", default=None)


def set_request_busy_timeout(seconds: float | None) -> None:
    """The SQLite busy timeout in the current context (None: back to the default)."""
    _request_busy_ms.set(None if seconds is None else max(0, int(seconds * 1000)))


def busy_timeout_ms() -> int:
    """The SQLite busy timeout of the current context, in milliseconds."""
    wait = _request_busy_ms.get()
    return BUSY_TIMEOUT_MS if wait is None else wait


def _create_private(path: Path) -> None:
    """The database file, created owner-only (0600) in an owner-only folder it creates.

    It holds debtors' names, ID numbers and addresses (the register); SQLite gives its
    -wal and -shm files the same mode. When the file is new, an existing folder of ours
    (the data directory) loses its permissions for others; not a shared sticky folder
    such as /tmp, nor the working or home directory a relative URL may point at.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        return
    folder = path.parent.stat()
    general = {Path.cwd().resolve(), Path.home().resolve(), Path("/")}
    if path.parent.resolve() in general:
        return
    if folder.st_uid == os.getuid() and not folder.st_mode & stat.S_ISVTX:
        path.parent.chmod(stat.S_IMODE(folder.st_mode) & ~0o007)


class JsonText(str):
    """A value already serialised as JSON (the register's canonical text of a case, which
    it hashes): a JSON column stores the text as it is rather than serialise the value
    again. Read back, it is the same value."""


def _json_text(value: Any) -> str:
    """The JSON columns' serialiser: SQLAlchemy's default (``json.dumps``), but a
    :class:`JsonText` as it is."""
    return str.__str__(value) if isinstance(value, JsonText) else json.dumps(value)


def engine_for(url: str) -> Engine:
    """One engine per URL per process (engines own connection pools)."""
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _create(url)
            _engines[url] = engine
        return engine


def _create(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:" and not path.startswith("file:"):
            _create_private(Path(path))
        engine = create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False},
            json_serializer=_json_text,
            hide_parameters=True,  # an error's text never carries case data (T8)
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "checkout", _sqlite_busy_timeout)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        connect_args=_postgres_args(url),
        json_serializer=_json_text,
        hide_parameters=True,  # an error's text (logged with a 500) never carries case data
    )


def _postgres_args(url: str) -> dict[str, str]:
    """libpq's ``options``: each session's ``lock_timeout`` (psycopg and psycopg2)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or parsed.get_driver_name() not in (
        "psycopg",
        "psycopg2",
    ):
        return {}
    given = parsed.query.get("options", "")
    options = given if isinstance(given, str) else " ".join(given)
    return {"options": f"{options} -c lock_timeout={LOCK_TIMEOUT}".strip()}


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    """WAL lets readers run beside a writer (web + batch workers share one file)."""
    cursor = dbapi_connection.cursor()
    wait = _record.info["busy_ms"] = busy_timeout_ms()
    cursor.execute(f"PRAGMA busy_timeout={wait}")  # first: setting WAL may wait too
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # chosen, not the build's default
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_busy_timeout(dbapi_connection, record, _proxy) -> None:  # type: ignore[no-untyped-def]
    """A pooled connection takes the wait of the context that checks it out."""
    apply_busy_timeout(dbapi_connection, record.info)


def apply_busy_timeout(dbapi_connection: Any, info: dict[str, Any]) -> int:
    """Give a SQLite connection the busy timeout of the current context, in milliseconds
    (returned); set only when it differs from the connection's own, kept in ``info``."""
    wait = busy_timeout_ms()
    if info.get("busy_ms") != wait:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={wait}")
        cursor.close()
        info["busy_ms"] = wait
    return wait


def upgrade(url: str) -> Engine:
    """Migrate ``url`` to the newest schema (once per process); return its engine."""
    engine = engine_for(url)
    with _lock:
        if url in _upgraded:
            return engine
        if _at_heads(engine):
            # nothing to do: Alembic (with Mako and Pygments, some 11 MB of modules in
            # every worker) is not imported
            _upgraded.add(url)
            return engine
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with _sqlite_file_lock(url), engine.begin() as connection:
            _take_migration_lock(connection)
            # Alembic reads the version table only now, after the lock: a process that
            # waited finds the schema another one has just made and migrates nothing.
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")
        _upgraded.add(url)
    return engine


_REVISION = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+)$", re.M)


@functools.cache
def heads() -> frozenset[str]:
    """The newest revisions of the migrations (the ones no other revision follows), read
    from the files as Alembic reads their ``revision`` and ``down_revision``."""
    revisions: set[str] = set()
    followed: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for name, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            found = ast.literal_eval(value.strip())
            names = {found} if isinstance(found, str) else set(found or ())
            (revisions if name == "revision" else followed).update(names)
    return frozenset(revisions - followed)


def _at_heads(engine: Engine) -> bool:
    """Whether the database's schema is already the newest (no table yet: no)."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version"))
            return frozenset(row[0] for row in rows) == heads()
    except exc.DBAPIError:
        return False


@contextmanager
def _sqlite_file_lock(url: str) -> Iterator[None]:
    """An exclusive lock on ``<database file>.migrate.lock``, held until the migrations
    are committed (SQLite has no lock that outlives a transaction)."""
    path = url.split("///", 1)[-1] if url.startswith("sqlite") else ""
    if not path or path == ":memory:":
        yield
        return
    with open(f"{path}.migrate.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        yield


def _take_migration_lock(connection: Connection) -> None:
    """On PostgreSQL, a transaction-level advisory lock: released at commit or rollback."""
    if connection.dialect.name == "postgresql":
        # another process may be migrating: wait for it however long it takes
        connection.execute(text("SET LOCAL lock_timeout = 0"))
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})


@contextmanager
def write(engine: Engine, *, durable: bool = True) -> Iterator[Connection]:
    """A connection in a transaction, committed on success. ``durable=False`` (SQLite):
    committed with ``synchronous=NORMAL``, for work its caller re-runs if a crash loses it;
    the connection goes back to the pool with FULL."""
    relaxed = not durable and engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if relaxed:
            connection.exec_driver_sql("PRAGMA synchronous=NORMAL")
            connection.commit()
        try:
            with connection.begin():
                yield connection
        finally:
            if relaxed:
                connection.exec_driver_sql("PRAGMA synchronous=FULL")
                connection.commit()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on any exception."""
    # a Session of its own, not a sessionmaker: each sessionmaker makes a Session
    # subclass, whose event set-up cost more than a request's key lookup
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
