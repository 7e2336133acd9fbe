"""The register decides which of two simultaneous issues of one case by the web form is
the issue: each issue's first document carries its round (``case_round``: 0 the case's
first issue, 1 the one confirmed beside it, …), and a unique index on (tenant_id,
type_name, case_hash, case_round) takes one first document per round. Two downloads of
the same case that both found it not yet issued (two tabs, a double click) both write
round 0: the second INSERT conflicts and is refused, whatever the database (see
:mod:`docgen.register.issued_cases`).

The index is partial (``case_round IS NOT NULL``): only the first document of a form's
issue writes a page of it; the API's, a batch's and the CLI's documents, the other
recipients' copies, and the form's documents of before (no round was kept) write none.

Revision ID: 0014_register_case_round
Revises: 0013_register_case_hash
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_register_case_round"
down_revision = "0013_register_case_hash"
branch_labels = None
depends_on = None

TABLE = "register_documents"
INDEX = "ux_register_documents_case_round"
A_ROUND = sa.text("case_round IS NOT NULL")


def upgrade() -> None:
    op.add_column(TABLE, sa.Column("case_round", sa.Integer, nullable=True))
    op.create_index(
        INDEX,
        TABLE,
        ["tenant_id", "type_name", "case_hash", "case_round"],
        unique=True,
        sqlite_where=A_ROUND,
        postgresql_where=A_ROUND,
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name=TABLE)
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_column("case_round")
