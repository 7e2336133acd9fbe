"""The database: one SQLAlchemy metadata for every table docgen keeps.

SQLite under the data directory by default, PostgreSQL (or any SQLAlchemy URL) via
``DOCGEN_DATABASE_URL``. The schema is owned by Alembic migrations in
``docgen/db/migrations``; :func:`upgrade` brings a database to the newest schema and is
called by every entrypoint that needs the database (idempotent, cheap when up to date).
Several processes may start at once on a new database (gunicorn workers, batch workers,
a CLI command): :func:`upgrade` migrates under a lock that every docgen process takes, so
one creates the tables and the others find them made.

Feature packages (register, profiles, batch) declare their tables on :class:`Base` and
add a migration; nothing here knows about them.
"""

from __future__ import annotations

import fcntl
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, MetaData, create_engine, event, text
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

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
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    """WAL lets readers run beside a writer (web + batch workers share one file)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def upgrade(url: str) -> Engine:
    """Migrate ``url`` to the newest schema (once per process); return its engine."""
    engine = engine_for(url)
    with _lock:
        if url in _upgraded:
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
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on any exception."""
    session = sessionmaker(engine, expire_on_commit=False)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
