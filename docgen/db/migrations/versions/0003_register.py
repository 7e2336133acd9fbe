"""The document register, delivery log, API keys and web users.

Revision ID: 0003_register
Revises: 0001_base
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_register"
down_revision = "0001_base"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "register_documents",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("type_name", sa.String(64), nullable=False),
        sa.Column("template_id", sa.String(255), nullable=False),
        sa.Column("template_hash", sa.String(64), nullable=False),
        sa.Column("input_hash", sa.String(64), nullable=False),
        sa.Column("input_data", sa.JSON(), nullable=False),
        sa.Column("requested_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("batch_id", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_register_documents"),
        sa.UniqueConstraint("code", name="uq_register_documents_code"),
    )
    op.create_index("ix_register_documents_input_hash", "register_documents", ["input_hash"])
    op.create_index("ix_register_documents_batch_id", "register_documents", ["batch_id"])
    op.create_table(
        "register_outputs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(32), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["register_documents.id"],
            name="fk_register_outputs_document_id_register_documents",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_register_outputs"),
    )
    op.create_index("ix_register_outputs_document_id", "register_outputs", ["document_id"])
    op.create_index("ix_register_outputs_sha256", "register_outputs", ["sha256"])
    op.create_table(
        "register_deliveries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(32), nullable=False),
        sa.Column("carrier", sa.String(16), nullable=False),
        sa.Column("tracking_number", sa.String(32), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["register_documents.id"],
            name="fk_register_deliveries_document_id_register_documents",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_register_deliveries"),
        sa.UniqueConstraint(
            "document_id", "tracking_number", name="uq_register_deliveries_document_id"
        ),
    )
    op.create_index("ix_register_deliveries_document_id", "register_deliveries", ["document_id"])
    op.create_table(
        "api_keys",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_api_keys"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )


def downgrade() -> None:
    op.drop_table("users")
    op.drop_table("api_keys")
    op.drop_index("ix_register_deliveries_document_id", table_name="register_deliveries")
    op.drop_table("register_deliveries")
    op.drop_index("ix_register_outputs_sha256", table_name="register_outputs")
    op.drop_index("ix_register_outputs_document_id", table_name="register_outputs")
    op.drop_table("register_outputs")
    op.drop_index("ix_register_documents_batch_id", table_name="register_documents")
    op.drop_index("ix_register_documents_input_hash", table_name="register_documents")
    op.drop_table("register_documents")
