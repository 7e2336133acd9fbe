"""The register's debtor indexes lead with the tenant: ``(tenant_id, debtor_name,
debtor_id_hash)`` and ``(tenant_id, debtor_id_hash)`` replace the indexes of
``debtor_name`` and ``debtor_id_hash`` alone.

A lookup by debtor (the register's search, the form's check for a case issued through
the API, a batch or the CLI: :mod:`docgen.register.earlier_issues`) then reads the
tenant's documents to that debtor only: its work no longer grows with what other tenants
hold under the same name (a common name across many tenants), so neither does its
answer time, which another tenant could measure; and SQLite, which keeps no statistics,
no longer reads the tenant's whole list (``tenant_id, created_at``) to find a debtor's.
The same two pages are written per entry as before.

Revision ID: 0015_register_tenant_debtor
Revises: 0014_register_case_round
"""

from __future__ import annotations

from alembic import op

revision = "0015_register_tenant_debtor"
down_revision = "0014_register_case_round"
branch_labels = None
depends_on = None

TABLE = "register_documents"


def upgrade() -> None:
    op.drop_index("ix_register_documents_debtor_name", table_name=TABLE)
    op.drop_index("ix_register_documents_debtor_id_hash", table_name=TABLE)
    op.create_index(
        "ix_register_documents_tenant_debtor_name",
        TABLE,
        ["tenant_id", "debtor_name", "debtor_id_hash"],
    )
    op.create_index(
        "ix_register_documents_tenant_debtor_id_hash", TABLE, ["tenant_id", "debtor_id_hash"]
    )


def downgrade() -> None:
    op.drop_index("ix_register_documents_tenant_debtor_id_hash", table_name=TABLE)
    op.drop_index("ix_register_documents_tenant_debtor_name", table_name=TABLE)
    op.create_index("ix_register_documents_debtor_id_hash", TABLE, ["debtor_id_hash"])
    op.create_index("ix_register_documents_debtor_name", TABLE, ["debtor_name"])
