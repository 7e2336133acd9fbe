"""The register's indexes, fewer pages per entry: every index a document is inserted into
is one more page written to the WAL and synced at each durable commit.

- ``input_hash``: no query looks a document up by it (it is shown, never searched), so
  the column stays and its index goes.
- ``batch_id``: only documents of a batch run are indexed (a partial index, ``batch_id IS
  NOT NULL``); a single render has none and writes no page of it. A search by batch
  (``batch_id = ?``) still uses it.
- ``tenant_id`` becomes ``(tenant_id, created_at)``: the same one page per entry, and the
  tenant's list, newest first, and the duplicate check read it in order.

Revision ID: 0011_register_write_indexes
Revises: 0010_register_lookup
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_register_write_indexes"
down_revision = "0010_register_lookup"
branch_labels = None
depends_on = None

TABLE = "register_documents"
IN_A_BATCH = sa.text("batch_id IS NOT NULL")


def upgrade() -> None:
    op.drop_index("ix_register_documents_input_hash", table_name=TABLE)
    op.drop_index("ix_register_documents_batch_id", table_name=TABLE)
    op.create_index(
        "ix_register_documents_batch_id",
        TABLE,
        ["batch_id"],
        sqlite_where=IN_A_BATCH,
        postgresql_where=IN_A_BATCH,
    )
    op.drop_index("ix_register_documents_tenant_id", table_name=TABLE)
    op.create_index("ix_register_documents_tenant_created", TABLE, ["tenant_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_register_documents_tenant_created", table_name=TABLE)
    op.create_index("ix_register_documents_tenant_id", TABLE, ["tenant_id"])
    op.drop_index("ix_register_documents_batch_id", table_name=TABLE)
    op.create_index("ix_register_documents_batch_id", TABLE, ["batch_id"])
    op.create_index("ix_register_documents_input_hash", TABLE, ["input_hash"])
