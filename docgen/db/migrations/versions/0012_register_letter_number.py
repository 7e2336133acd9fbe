"""The register's letter number column: the 函号 printed on each document (each
recipient's copy its own), indexed with its tenant, so a number issued a second time is
found by one lookup (see :mod:`docgen.pipeline.numbers`); filled in for documents issued
before it from their stored input.

The index is on (tenant_id, letter_number, id): the first document of a number (ids
sort by time) is its first entry, read without visiting the others, however often the
number was used. It is partial (``letter_number IS NOT NULL``): a document without a
number (a complaint, an agreement) writes no page of it, as 0011 keeps the entry's pages
few.

Revision ID: 0012_register_letter_number
Revises: 0011_register_write_indexes
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from docgen.register.lookup import indexed_letter_number

revision = "0012_register_letter_number"
down_revision = "0011_register_write_indexes"
branch_labels = None
depends_on = None

TABLE = "register_documents"
INDEX = "ix_register_documents_tenant_letter_number"
NUMBERED = sa.text("letter_number IS NOT NULL")
CHUNK = 500


def upgrade() -> None:
    # added in place (no table rebuild: on SQLite that would touch its children, see 0008)
    op.add_column(TABLE, sa.Column("letter_number", sa.String(64), nullable=True))
    _backfill(op.get_bind())
    op.create_index(
        INDEX,
        TABLE,
        ["tenant_id", "letter_number", "id"],
        sqlite_where=NUMBERED,
        postgresql_where=NUMBERED,
    )


def _backfill(bind: Any) -> None:
    """Each document's number read from its stored input, written in chunks."""
    table = sa.table(
        TABLE,
        sa.column("id", sa.String),
        sa.column("input_data", sa.JSON),
        sa.column("letter_number", sa.String),
    )
    update = (
        table.update()
        .where(table.c.id == sa.bindparam("row_id"))
        .values(letter_number=sa.bindparam("number"))
    )
    found = []
    for row in bind.execute(sa.select(table.c.id, table.c.input_data)).all():
        data = row.input_data if isinstance(row.input_data, dict) else json.loads(row.input_data)
        number = indexed_letter_number(data)
        if number is not None:
            found.append({"row_id": row.id, "number": number})
    for start in range(0, len(found), CHUNK):
        bind.execute(update, found[start : start + CHUNK])


def downgrade() -> None:
    op.drop_index(INDEX, table_name=TABLE)
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_column("letter_number")
