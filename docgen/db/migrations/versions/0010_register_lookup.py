"""The register's debtor lookup columns: the first debtor's name and a SHA-256 of its ID
number (see :mod:`docgen.register.lookup`), filled in for documents already issued.

Revision ID: 0010_register_lookup
Revises: 0009_idempotency
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from docgen.register.lookup import first_debtor

revision = "0010_register_lookup"
down_revision = "0009_idempotency"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # added in place (no table rebuild: on SQLite that would touch its children, see 0008)
    op.add_column("register_documents", sa.Column("debtor_name", sa.String(200), nullable=True))
    op.add_column("register_documents", sa.Column("debtor_id_hash", sa.String(64), nullable=True))
    op.create_index("ix_register_documents_debtor_name", "register_documents", ["debtor_name"])
    op.create_index(
        "ix_register_documents_debtor_id_hash", "register_documents", ["debtor_id_hash"]
    )
    bind = op.get_bind()
    table = sa.table(
        "register_documents",
        sa.column("id", sa.String),
        sa.column("input_data", sa.JSON),
        sa.column("debtor_name", sa.String),
        sa.column("debtor_id_hash", sa.String),
    )
    for row in bind.execute(sa.select(table.c.id, table.c.input_data)).all():
        data = row.input_data if isinstance(row.input_data, dict) else json.loads(row.input_data)
        name, hashed = first_debtor(data if isinstance(data, dict) else {})
        if name or hashed:
            bind.execute(
                table.update()
                .where(table.c.id == row.id)
                .values(debtor_name=name, debtor_id_hash=hashed)
            )


def downgrade() -> None:
    op.drop_index("ix_register_documents_debtor_id_hash", table_name="register_documents")
    op.drop_index("ix_register_documents_debtor_name", table_name="register_documents")
    with op.batch_alter_table("register_documents") as batch:
        batch.drop_column("debtor_id_hash")
        batch.drop_column("debtor_name")
