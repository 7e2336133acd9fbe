"""Uploaded templates may target one layout (variant) of a type with several.

Revision ID: 0006_template_variants
Revises: 0005_templates
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_template_variants"
down_revision = "0005_templates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("template_versions") as batch:
        batch.add_column(
            sa.Column("variant", sa.String(32), nullable=False, server_default=sa.text("''"))
        )


def downgrade() -> None:
    with op.batch_alter_table("template_versions") as batch:
        batch.drop_column("variant")
