"""0010_register_lookup fills the debtor lookup columns of documents issued before it."""

from __future__ import annotations

import json

import sqlalchemy as sa

from docgen import db
from docgen.register.lookup import id_hash
from tests.integration.db.test_migrations import _migrate_to


def test_documents_issued_before_get_their_debtor_name_and_id_hash(database_url: str) -> None:
    engine = _migrate_to(database_url, ("0009_idempotency",))
    case = {"debtor": {"kind": "person", "name": "张伟", "id_number": "110101198503151235"}}
    complaint = {
        "defendants": [{"kind": "organization", "name": "某公司", "uscc": "91350100M000100Y43"}]
    }
    with engine.begin() as connection:
        for doc_id, code, data in (("DOC1", "AAAA-1", case), ("DOC2", "AAAA-2", complaint)):
            connection.execute(
                sa.text(
                    "INSERT INTO register_documents (id, tenant_id, code, type_name, template_id,"
                    " template_hash, input_hash, input_data, requested_by, created_at)"
                    " VALUES (:id, 1, :code, 'demand_letter', 't', 'h', 'i', :data, 'cli',"
                    " '2026-03-01 09:00:00')"
                ),
                {"id": doc_id, "code": code, "data": json.dumps(data, ensure_ascii=False)},
            )
    db.upgrade(database_url)
    with engine.connect() as connection:
        rows = dict(
            (row.id, (row.debtor_name, row.debtor_id_hash))
            for row in connection.execute(
                sa.text("SELECT id, debtor_name, debtor_id_hash FROM register_documents")
            )
        )
    assert rows["DOC1"] == ("张伟", id_hash("110101198503151235"))
    assert rows["DOC2"] == ("某公司", id_hash("91350100m000100y43 "))
    assert "110101198503151235" not in rows["DOC1"][1]
