"""Registered documents keep the version of the shared layout and fonts they were printed
with (``layout_hash``), so a reissue can tell that they changed.

Revision ID: 0007_register_layout
Revises: 0003_register
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_register_layout"
down_revision = "0003_register"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("register_documents") as batch:
        batch.add_column(sa.Column("layout_hash", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("register_documents") as batch:
        batch.drop_column("layout_hash")
