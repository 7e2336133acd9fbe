"""The schema comes from Alembic migrations and upgrades cleanly on both backends."""

from __future__ import annotations

import sqlalchemy as sa

from docgen import db


def test_upgrade_creates_the_schema_and_is_idempotent(database_url: str) -> None:
    engine = db.upgrade(database_url)
    db._upgraded.discard(database_url)  # force a second real run
    db.upgrade(database_url)
    tables = set(sa.inspect(engine).get_table_names())
    assert "alembic_version" in tables
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT version_num FROM alembic_version"))
        heads = {row[0] for row in rows}
    assert heads, "alembic_version records the applied heads"
    assert set(db.Base.metadata.tables) <= tables


# --- 0008: tenants ------------------------------------------------------------------------

BEFORE_TENANTS = ("0002_profiles", "0004_batch", "0006_template_variants", "0007_register_layout")
NOW = "2026-03-01 09:00:00"


def _migrate_to(url: str, revisions: tuple[str, ...]) -> sa.Engine:
    from alembic import command
    from alembic.config import Config

    engine = db.engine_for(url)
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        for revision in revisions:
            command.upgrade(config, revision)
    return engine


def _rows_of_a_database_before_tenants(engine: sa.Engine) -> None:
    statements = [
        "INSERT INTO register_documents (id, code, type_name, template_id, template_hash,"
        " input_hash, input_data, requested_by, created_at, batch_id) VALUES ('DOC1',"
        " '7K3M-Q9TX', 'demand_letter', 'demand_letter/letter.html', 'h', 'i', '{}',"
        " 'key:old', :now, 'batch1')",
        "INSERT INTO register_outputs (document_id, format, sha256, size)"
        " VALUES ('DOC1', 'pdf', 'abc', 10)",
        "INSERT INTO register_deliveries (document_id, carrier, tracking_number, recorded_by,"
        " recorded_at) VALUES ('DOC1', 'EMS', '1234567890123', 'cli', :now)",
        "INSERT INTO batch_runs (id, type_name, status, source_name, out_dir, options,"
        " total_rows, blank_rows, created_at) VALUES ('batch1', 'demand_letter', 'done',"
        " 'a.csv', '/tmp/x', '{}', 1, 0, :now)",
        "INSERT INTO batch_items (key, run_id, row_number, row_hash, letter_id, status, data,"
        " extras, problems, outputs, attempts, updated_at) VALUES ('batch1:1:x', 'batch1', 1,"
        " 'x', '000001', 'done', '{}', '{}', '[]', '{}', 1, :now)",
        "INSERT INTO sender_profiles (name, kind, data, created_at, updated_at)"
        " VALUES ('某律所', 'law_firm', '{}', :now, :now)",
        "INSERT INTO template_versions (type_name, kind, version, sha256, filename, size,"
        " status, note, uploaded_by, created_at) VALUES ('demand_letter', 'docx', 1, 's1',"
        " 't.docx', 1, 'active', '', '', :now)",
        "INSERT INTO letter_number_counters (series, year, last_number) VALUES ('京某', 2026, 41)",
        "INSERT INTO api_keys (id, name, secret_hash, created_at) VALUES ('k1', 'old', 'h', :now)",
        "INSERT INTO users (username, password_hash, created_at, disabled)"
        " VALUES ('paralegal', 'x', :now, false)",
    ]
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(sa.text(statement), {"now": NOW})


def test_a_database_from_before_tenants_moves_into_the_default_tenant(database_url: str) -> None:
    from docgen.profiles.store import ProfileStore
    from docgen.register.store import Register
    from docgen.tenants.store import Tenants

    engine = _migrate_to(database_url, BEFORE_TENANTS)
    _rows_of_a_database_before_tenants(engine)

    db.upgrade(database_url)

    with engine.connect() as connection:
        tenants = connection.execute(sa.text("SELECT id, name FROM tenants")).all()
        assert [tuple(row) for row in tenants] == [(1, "default")]
        for table in ("register_documents", "batch_runs", "sender_profiles", "template_versions"):
            owners = connection.execute(sa.text(f"SELECT tenant_id FROM {table}")).scalars()  # noqa: S608
            assert list(owners) == [1], table
        roles = connection.execute(
            sa.text("SELECT role FROM api_keys UNION ALL SELECT role FROM users")
        )
        assert list(roles.scalars()) == ["admin", "admin"], (
            "existing keys and users keep their powers"
        )
        # rebuilding or altering the tables lost none of the rows that hang off them
        for table in ("register_outputs", "register_deliveries", "batch_items"):
            count = connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()  # noqa: S608
            assert count == 1, table
    register = Register(database_url)
    assert register.get("DOC1", 1) is not None
    other = Tenants(engine).create("第二个客户")
    assert other.id == 2, "the id sequence moved past the default tenant"
    assert register.get("DOC1", other.id) is None
    profiles = ProfileStore(engine)
    assert profiles.next_letter_number(1, "京某", 2026) == 42, "the counter carried on"
    assert profiles.next_letter_number(other.id, "京某", 2026) == 1, "each tenant counts its own"
    with engine.begin() as connection:  # version 1 of the same type is free for the new tenant
        connection.execute(
            sa.text(
                "INSERT INTO template_versions (tenant_id, type_name, kind, variant, version,"
                " sha256, filename, size, status, note, uploaded_by, created_at) VALUES (:t,"
                " 'demand_letter', 'docx', '', 1, 's1', 't.docx', 1, 'uploaded', '', '', :now)"
            ),
            {"t": other.id, "now": NOW},
        )
