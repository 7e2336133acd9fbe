"""Alembic environment: runs on the connection :func:`docgen.db.upgrade` hands over."""

from __future__ import annotations

from alembic import context

from docgen.db import Base

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line: build an engine from DOCGEN_DATABASE_URL
    from docgen.config import Settings
    from docgen.db import engine_for

    connection = engine_for(Settings().effective_database_url).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
