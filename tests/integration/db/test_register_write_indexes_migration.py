"""0011_register_write_indexes: a register from before it still finds a batch's documents
and lists a tenant's documents newest first, now through the new indexes."""

from __future__ import annotations

import json

import sqlalchemy as sa

from docgen import db
from docgen.register.lookup import RegisterFilter, search
from docgen.register.store import Register
from tests.integration.db.test_migrations import _migrate_to

CASE = {"debtor": {"kind": "person", "name": "张伟", "id_number": "110101198503151235"}}


def test_documents_issued_before_are_found_by_batch_and_listed_newest_first(
    database_url: str,
) -> None:
    engine = _migrate_to(database_url, ("0010_register_lookup",))
    rows = (
        ("DOC1", "7K3M-Q9TA", "batch-7", "2026-03-01 09:00:00"),
        ("DOC2", "7K3M-Q9TB", None, "2026-03-02 09:00:00"),
        ("DOC3", "7K3M-Q9TC", "batch-7", "2026-03-03 09:00:00"),
    )
    with engine.begin() as connection:
        for doc_id, code, batch_id, created in rows:
            connection.execute(
                sa.text(
                    "INSERT INTO register_documents (id, tenant_id, code, type_name, template_id,"
                    " template_hash, input_hash, input_data, requested_by, created_at, batch_id)"
                    " VALUES (:id, 1, :code, 'demand_letter', 't', 'h', 'i', :data, 'cli',"
                    " :created, :batch)"
                ),
                {
                    "id": doc_id,
                    "code": code,
                    "data": json.dumps(CASE, ensure_ascii=False),
                    "created": created,
                    "batch": batch_id,
                },
            )
    db.upgrade(database_url)
    in_batch = search(engine, RegisterFilter(1, batch_id="batch-7"), 10, None)
    assert [doc.id for doc in in_batch] == ["DOC3", "DOC1"]
    register = Register(database_url)
    assert [doc.id for doc in register.recent(1)] == ["DOC3", "DOC2", "DOC1"]
    assert register.recent(2) == []
    assert register.verify(code="7k3m q9tb").document_id == "DOC2"
    if engine.dialect.name == "sqlite":  # the partial index serves a batch's lookup
        with engine.connect() as connection:
            plan = connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM register_documents WHERE batch_id = 'batch-7'"
            ).fetchall()
        assert "ix_register_documents_batch_id" in " ".join(str(row[-1]) for row in plan)
