"""Tenants: every stored object belongs to one client.

Creates ``tenants`` with the default tenant (id 1) and gives every existing row of the
owned tables to it; API keys and web users get a role (existing ones: ``admin``, what
they could do before). Template version numbers and letter-number counters become per
tenant.

This revision joins the branches the features grew on (profiles, batch, templates,
register), since it changes tables of all of them.

SQLite: a table that other tables reference (``register_documents``, ``batch_runs``)
cannot be rebuilt while foreign keys are enforced without the rebuild deleting (or
cascading to) its children, so there the column is added in place and keeps the default
tenant as its server default; the application never relies on it (every insert names
its tenant; ``docgen.tenants.store.require_tenant`` refuses one that does not). For the
same reason ``tenant_id`` has no foreign key on either backend (tenants are never
deleted), so both have the same schema.

Revision ID: 0008_tenants
Revises: 0002_profiles, 0004_batch, 0006_template_variants, 0007_register_layout
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0008_tenants"
down_revision = ("0002_profiles", "0004_batch", "0006_template_variants", "0007_register_layout")
branch_labels = None
depends_on = None

DEFAULT_TENANT = 1
OWNED = (
    "register_documents",
    "batch_runs",
    "sender_profiles",
    "template_versions",
    "api_keys",
    "users",
)


def _sqlite() -> bool:
    return bool(op.get_bind().dialect.name == "sqlite")


def upgrade() -> None:
    tenants = op.create_table(
        "tenants",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tenants"),
        sa.UniqueConstraint("name", name="uq_tenants_name"),
    )
    op.bulk_insert(
        tenants, [{"id": DEFAULT_TENANT, "name": "default", "created_at": datetime.now(UTC)}]
    )
    if not _sqlite():  # the id was given: move the sequence past it
        op.execute("SELECT setval(pg_get_serial_sequence('tenants', 'id'), 1)")
    for table in OWNED:
        _add_tenant_column(table)
    for table in ("api_keys", "users"):
        op.add_column(
            table,
            sa.Column("role", sa.String(16), nullable=False, server_default=sa.text("'admin'")),
        )
        if not _sqlite():
            op.alter_column(table, "role", server_default=None)
    with op.batch_alter_table("template_versions") as batch:
        batch.drop_constraint("uq_template_versions_number", type_="unique")
        batch.drop_constraint("uq_template_versions_content", type_="unique")
        batch.create_unique_constraint(
            "uq_template_versions_number", ["tenant_id", "type_name", "kind", "version"]
        )
        batch.create_unique_constraint(
            "uq_template_versions_content", ["tenant_id", "type_name", "kind", "sha256"]
        )
    _counters_per_tenant()


def _add_tenant_column(table: str) -> None:
    op.add_column(
        table,
        sa.Column(
            "tenant_id", sa.Integer(), nullable=False, server_default=sa.text(str(DEFAULT_TENANT))
        ),
    )
    op.create_index(f"ix_{table}_tenant_id", table, ["tenant_id"])
    if not _sqlite():
        op.alter_column(table, "tenant_id", server_default=None)


def _counters_per_tenant() -> None:
    """The counter's key becomes (tenant, series, year): each firm numbers its own letters."""
    if not _sqlite():
        _add_tenant_column("letter_number_counters")
        op.drop_index("ix_letter_number_counters_tenant_id", "letter_number_counters")
        op.drop_constraint("pk_letter_number_counters", "letter_number_counters", type_="primary")
        op.create_primary_key(
            "pk_letter_number_counters", "letter_number_counters", ["tenant_id", "series", "year"]
        )
        return
    op.create_table(
        "letter_number_counters_new",
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("series", sa.String(40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "series", "year", name="pk_letter_number_counters"),
    )
    op.execute(
        sa.text(
            "INSERT INTO letter_number_counters_new (tenant_id, series, year, last_number) "
            "SELECT :tenant, series, year, last_number FROM letter_number_counters"
        ).bindparams(tenant=DEFAULT_TENANT)
    )
    op.drop_table("letter_number_counters")
    op.rename_table("letter_number_counters_new", "letter_number_counters")


def downgrade() -> None:
    """Back to one shared set of data; refused once a second tenant holds anything."""
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT count(*) FROM tenants")).scalar_one() > 1:
        raise RuntimeError("several tenants exist: their data cannot be merged back")
    with op.batch_alter_table("letter_number_counters", recreate="always") as batch:
        batch.drop_column("tenant_id")
        batch.create_primary_key("pk_letter_number_counters", ["series", "year"])
    with op.batch_alter_table("template_versions") as batch:
        batch.drop_constraint("uq_template_versions_number", type_="unique")
        batch.drop_constraint("uq_template_versions_content", type_="unique")
        batch.create_unique_constraint(
            "uq_template_versions_number", ["type_name", "kind", "version"]
        )
        batch.create_unique_constraint(
            "uq_template_versions_content", ["type_name", "kind", "sha256"]
        )
    for table in ("api_keys", "users"):
        op.drop_column(table, "role")
    for table in OWNED:
        op.drop_index(f"ix_{table}_tenant_id", table)
        op.drop_column(table, "tenant_id")
    op.drop_table("tenants")
