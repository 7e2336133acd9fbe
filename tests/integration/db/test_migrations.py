"""The schema comes from Alembic migrations and upgrades cleanly on both backends."""

from __future__ import annotations

import sqlalchemy as sa

from docgen import db


def test_upgrade_creates_the_schema_and_is_idempotent(database_url: str) -> None:
    engine = db.upgrade(database_url)
    db._upgraded.discard(database_url)  # force a second real run
    db.upgrade(database_url)
    tables = set(sa.inspect(engine).get_table_names())
    assert "alembic_version" in tables
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT version_num FROM alembic_version"))
        heads = {row[0] for row in rows}
    assert heads, "alembic_version records the applied heads"
    assert set(db.Base.metadata.tables) <= tables
