"""0012_register_letter_number fills the letter number column of documents issued
before it, and the (tenant_id, letter_number) index answers the reuse lookup."""

from __future__ import annotations

import json

import sqlalchemy as sa

from docgen import db
from docgen.register.store import Register
from tests.integration.db.test_migrations import _migrate_to

NUMBER = "（2026）京明正律函字第88-1号"


def test_documents_issued_before_get_their_letter_number(database_url: str) -> None:
    engine = _migrate_to(database_url, ("0011_register_write_indexes",))
    letter = {"letter_number": NUMBER, "debtor": {"name": "张伟"}}
    complaint = {"defendants": [{"name": "某公司"}]}  # no letter number
    rows = (("DOC1", 1, letter), ("DOC2", 1, complaint), ("DOC3", 2, letter))
    with engine.begin() as connection:
        for doc_id, tenant, data in rows:
            connection.execute(
                sa.text(
                    "INSERT INTO register_documents (id, tenant_id, code, type_name, template_id,"
                    " template_hash, input_hash, input_data, requested_by, created_at)"
                    " VALUES (:id, :tenant, :code, 'demand_letter', 't', 'h', 'i', :data, 'cli',"
                    " '2026-03-01 09:00:00')"
                ),
                {
                    "id": doc_id,
                    "tenant": tenant,
                    "code": f"AAAA-{doc_id}",
                    "data": json.dumps(data, ensure_ascii=False),
                },
            )
    db.upgrade(database_url)
    with engine.connect() as connection:
        numbers = dict(
            connection.execute(sa.text("SELECT id, letter_number FROM register_documents")).all()
        )
    assert numbers == {"DOC1": NUMBER, "DOC2": None, "DOC3": NUMBER}
    indexes = {
        i["name"]: i["column_names"] for i in sa.inspect(engine).get_indexes("register_documents")
    }
    assert indexes["ix_register_documents_tenant_letter_number"] == [
        "tenant_id",
        "letter_number",
        "id",
    ]
    register = Register(database_url)
    assert register.letter_number_uses(1, [NUMBER, "CS-1"]) == {NUMBER: "DOC1"}
    assert register.letter_number_uses(2, [NUMBER]) == {NUMBER: "DOC3"}
    assert register.letter_number_uses(3, [NUMBER]) == {}
