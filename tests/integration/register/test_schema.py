"""The register's migration creates exactly the tables its models declare."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from docgen import db
from docgen.register import models

TABLES = {
    models.RegisteredDocument.__tablename__,
    models.RegisteredOutput.__tablename__,
    models.Delivery.__tablename__,
    models.ApiKey.__tablename__,
    models.User.__tablename__,
}


def _table_of(diff: object) -> str | None:
    item = diff[0] if isinstance(diff, list) else diff
    for part in item[1:]:  # type: ignore[index]
        name = getattr(part, "name", None)
        table = getattr(part, "table", None)
        if table is not None:
            return str(table.name)
        if isinstance(part, str) or name is not None:
            return str(part if isinstance(part, str) else name)
    return None


def test_migration_matches_the_models(database_url: str) -> None:
    engine = db.upgrade(database_url)
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), db.Base.metadata)
    ours = [d for d in diffs if _table_of(d) in TABLES]
    assert ours == []
