"""Plain INSERTs of whole rows into a few tables, committed together (the register).

On SQLite the rows go straight to the driver's connection, checked out of the engine's
pool (so the busy timeout of the context and ``synchronous=FULL`` of
:mod:`docgen.db` apply), with each statement compiled once per table and columns and
the values converted by the columns' own types, as SQLAlchemy binds them: the same rows
on disk, without building an execution context per statement (about a third of a
single document's CPU time in the register). Other databases go through
:func:`docgen.db.write`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Dialect, Engine, Table, insert

from docgen.db import write

Rows = Sequence[Mapping[str, Any]]


@dataclass(frozen=True)
class _Prepared:
    sql: str
    keys: tuple[str, ...]  # the row keys in the order of the statement's parameters
    convert: tuple[Callable[[Any], Any] | None, ...]

    def parameters(self, rows: Rows) -> list[tuple[Any, ...]]:
        if not any(self.convert):
            return [tuple(row[k] for k in self.keys) for row in rows]
        pairs = tuple(zip(self.keys, self.convert, strict=True))
        return [tuple(c(row[k]) if c else row[k] for k, c in pairs) for row in rows]


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
        convert = tuple(
            table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in keys
        )
        found = _Prepared(str(compiled), keys, convert)
        with _lock:
            _prepared[key] = found
    return found


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
    statements = [
        (_prepare(engine.dialect, table, tuple(rows[0])), rows) for table, rows in inserts if rows
    ]
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        try:
            if not durable:
                cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("BEGIN")  # one transaction whatever the driver's isolation level
            try:
                for prepared, rows in statements:
                    cursor.executemany(prepared.sql, prepared.parameters(rows))
                cursor.execute("COMMIT")
            except BaseException:
                raw.rollback()
                raise
        finally:
            if not durable:
                cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()
    finally:
        raw.close()


__all__ = ["insert_rows"]
