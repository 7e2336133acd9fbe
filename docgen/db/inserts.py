"""Plain INSERTs of whole rows into a few tables, committed together (the register).

On SQLite the rows go straight to a driver connection (so the busy timeout of the
context and ``synchronous=FULL`` of :mod:`docgen.db` apply), with each statement compiled
once per table and columns and the values converted by the columns' own types, as
SQLAlchemy binds them: the same rows on disk, without building an execution context per
statement. :func:`insert_rows` checks a connection out of the engine's pool for each
call; a :class:`RowWriter` keeps one of its own, since a checkout and its return cost
about as much CPU in a render's path as the INSERTs. Other databases go through
:func:`docgen.db.write`.
"""

from __future__ import annotations

import operator
import os
import sqlite3
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Dialect, Engine, Select, Table, insert
from sqlalchemy.pool import PoolProxiedConnection
from sqlalchemy.sql.compiler import SQLCompiler

from docgen.db import apply_busy_timeout, busy_timeout_ms, write

Rows = Sequence[Mapping[str, Any]]
Row = tuple[Any, ...]


Converters = tuple[tuple[int, Callable[[Any], Any]], ...]


@dataclass(frozen=True)
class _Prepared:
    sql: str
    keys: tuple[str, ...]  # the row keys in the order of the statement's parameters
    converters: Converters  # (position, the column type's bind processor), where it has one

    def parameters(self, rows: Rows) -> list[list[Any]]:
        # one C call takes a row's values in order; only the converted ones are touched again
        if len(self.keys) == 1:
            values = [[row[self.keys[0]]] for row in rows]
        else:
            take = operator.itemgetter(*self.keys)
            values = [list(take(row)) for row in rows]
        for row_values in values:
            for i, convert in self.converters:
                row_values[i] = convert(row_values[i])
        return values


_prepared: dict[tuple[int, str, tuple[str, ...]], _Prepared] = {}
_lock = threading.Lock()


def _prepare(dialect: Dialect, table: Table, columns: tuple[str, ...]) -> _Prepared:
    key = (id(dialect), table.name, columns)
    found = _prepared.get(key)
    if found is None:
        compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
        keys = tuple(compiled.positiontup or ())
        if set(keys) != set(columns):  # a column default or SQL expression: not plain
            raise ValueError(f"{table.name}: rows of {columns} bind {keys}")
        processors = (
            table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in keys
        )
        converters = tuple((i, p) for i, p in enumerate(processors) if p is not None)
        found = _Prepared(str(compiled), keys, converters)
        with _lock:
            _prepared[key] = found
    return found


Statements = list[tuple[_Prepared, Rows]]


def _statements(engine: Engine, inserts: Sequence[tuple[Table, Rows]]) -> Statements:
    return [
        (_prepare(engine.dialect, table, tuple(rows[0])), rows) for table, rows in inserts if rows
    ]


def _run(raw: Any, statements: Statements, durable: bool) -> None:
    """The INSERTs between an explicit BEGIN and COMMIT on a driver connection (SQLite):
    one transaction whatever the driver's isolation level, rolled back on failure."""
    cursor = raw.cursor()
    try:
        if not durable:
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("BEGIN")
        try:
            for prepared, rows in statements:
                values = prepared.parameters(rows)
                if len(values) == 1:  # a single render's row: no executemany set-up
                    cursor.execute(prepared.sql, values[0])
                else:
                    cursor.executemany(prepared.sql, values)
            cursor.execute("COMMIT")
        except BaseException:
            raw.rollback()
            raise
    finally:
        if not durable:
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()


def insert_rows(
    engine: Engine, inserts: Sequence[tuple[Table, Rows]], *, durable: bool = True
) -> None:
    """INSERT each table's rows (every row of a table with the same keys), in this
    order, in one transaction committed before returning; nothing of it on failure.

    ``durable=False``: committed with SQLite ``synchronous=NORMAL`` (see
    :func:`docgen.db.write`); the connection goes back to the pool with FULL.
    """
    if engine.dialect.name != "sqlite":
        with write(engine, durable=durable) as connection:
            for table, rows in inserts:
                if rows:
                    connection.execute(insert(table), list(rows))
        return
    statements = _statements(engine, inserts)
    raw = engine.raw_connection()
    try:
        _run(raw, statements, durable)
    finally:
        raw.close()


@dataclass(frozen=True)
class _Held:
    connection: PoolProxiedConnection  # detached from the pool: closed, never returned
    pid: int


# connections a forked child found held by its parent's writers: never used, and never
# closed here (closing a SQLite connection in a child can drop the locks of its own)
_inherited: list[_Held] = []


def _close(box: list[_Held]) -> None:
    for held in box:
        if held.pid == os.getpid():
            held.connection.close()
    box.clear()


class RowWriter:
    """:func:`insert_rows` for one writer (the register), on a SQLite connection of its own.

    The connection is taken from the engine once (its pragmas and checkout events
    applied, like any pooled one) and detached from the pool; callers write on it one at
    a time, each with the busy timeout of its context. A caller that waits for it longer
    than that timeout writes through the pool instead, as :func:`insert_rows` does. A
    write that fails other than on a constraint drops the connection (the next opens
    another); a forked child opens its own; the writer closes it when it goes.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._box: list[_Held] = []
        self._compiled: dict[Select[Any], SQLCompiler] = {}
        weakref.finalize(self, _close, self._box)

    def insert(self, inserts: Sequence[tuple[Table, Rows]], *, durable: bool = True) -> None:
        """:func:`insert_rows` of ``inserts``."""
        if self.engine.dialect.name != "sqlite":
            insert_rows(self.engine, inserts, durable=durable)
            return
        statements = _statements(self.engine, inserts)
        if not self._lock.acquire(timeout=busy_timeout_ms() / 1000):
            insert_rows(self.engine, inserts, durable=durable)
            return
        try:
            connection = self._connection()
            apply_busy_timeout(connection.dbapi_connection, connection.info)
            try:
                _run(connection, statements, durable)
            except sqlite3.IntegrityError:
                raise  # rolled back; the connection is sound
            except BaseException:
                _close(self._box)
                raise
        finally:
            self._lock.release()

    def select(self, statement: Select[Any], parameters: Mapping[str, Any]) -> list[Row]:
        """The rows of a SELECT, on the writer's own connection (SQLite) when it is free:
        its page cache is the one this writer's INSERTs keep current, where a pooled
        connection's is dropped after every write and read again. Through the pool on
        other databases, or when the writer stays busy past the busy timeout."""
        if self.engine.dialect.name != "sqlite" or not self._lock.acquire(
            timeout=busy_timeout_ms() / 1000
        ):
            with self.engine.connect() as pooled:
                return [tuple(row) for row in pooled.execute(statement, parameters)]
        try:
            compiled = self._compiled.get(statement)
            if compiled is None:  # a statement built once by its caller, compiled once
                compiled = self._compiled[statement] = statement.compile(
                    dialect=self.engine.dialect
                )
            bound = compiled.construct_params(parameters)
            values = [bound[name] for name in compiled.positiontup or ()]
            connection = self._connection()
            apply_busy_timeout(connection.dbapi_connection, connection.info)
            cursor = connection.cursor()
            try:
                return [tuple(row) for row in cursor.execute(str(compiled), values).fetchall()]
            finally:
                cursor.close()
        finally:
            self._lock.release()

    def _connection(self) -> PoolProxiedConnection:
        if self._box and self._box[0].pid != os.getpid():
            _inherited.extend(self._box)
            self._box.clear()
        if not self._box:
            connection = self.engine.raw_connection()
            connection.detach()
            self._box.append(_Held(connection, os.getpid()))
        return self._box[0].connection


__all__ = ["RowWriter", "insert_rows"]
