"""The register's case columns: on each document the web form issues, the hash of the
case as posted and the first document of that issue (see
:mod:`docgen.register.issued_cases`), so the same case posted again by anyone of the
tenant is given as the documents it was issued as.

The index is on (tenant_id, type_name, case_hash): the form's lookup of a case reads its
tenant's entries only. It is partial (``case_hash IS NOT NULL``): a document rendered by
the API, a batch or the CLI writes no page of it, as 0011 keeps the entry's pages few.
Documents issued before have no hash (the case as posted was not kept): nothing is
filled in.

Revision ID: 0013_register_case_hash
Revises: 0012_register_letter_number
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_register_case_hash"
down_revision = "0012_register_letter_number"
branch_labels = None
depends_on = None

TABLE = "register_documents"
INDEX = "ix_register_documents_tenant_case"
FORM_ISSUED = sa.text("case_hash IS NOT NULL")


def upgrade() -> None:
    # added in place (no table rebuild: on SQLite that would touch its children, see 0008)
    op.add_column(TABLE, sa.Column("case_hash", sa.String(64), nullable=True))
    op.add_column(TABLE, sa.Column("case_issue", sa.String(32), nullable=True))
    op.create_index(
        INDEX,
        TABLE,
        ["tenant_id", "type_name", "case_hash"],
        sqlite_where=FORM_ISSUED,
        postgresql_where=FORM_ISSUED,
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name=TABLE)
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_column("case_issue")
        batch.drop_column("case_hash")
