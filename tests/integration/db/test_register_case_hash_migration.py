"""0013_register_case_hash: a register from before it keeps its documents (without a
case hash: the case as posted was not kept), and the (tenant_id, type_name, case_hash)
index answers the form's lookup of an issued case, for its own tenant only."""

from __future__ import annotations

import json

import sqlalchemy as sa

from docgen import db
from docgen.register import Issue, Stamp
from docgen.register.issued_cases import case_hash, issuing
from docgen.register.store import Register
from tests.integration.db.test_migrations import _migrate_to

CASE = {"letter_number": "CS-1", "debtor": {"name": "张伟"}}


def _record(register: Register, tenant_id: int, hashed: str | None) -> str:
    stamp = Stamp.new()
    issue = Issue(
        stamp, "demand_letter", "t", "h", CASE, "pdf", b"%PDF", "user:a", tenant_id=tenant_id
    )
    if hashed is None:
        register.record(issue)
    else:
        with issuing(hashed):
            register.record(issue)
    return stamp.document_id


def test_documents_issued_before_are_kept_and_the_case_index_is_made(database_url: str) -> None:
    engine = _migrate_to(database_url, ("0012_register_letter_number",))
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO register_documents (id, tenant_id, code, type_name, template_id,"
                " template_hash, input_hash, input_data, requested_by, created_at)"
                " VALUES ('DOC1', 1, 'AAAA-BBBB', 'demand_letter', 't', 'h', 'i', :data, 'cli',"
                " '2026-03-01 09:00:00')"
            ),
            {"data": json.dumps(CASE, ensure_ascii=False)},
        )
    db.upgrade(database_url)
    with engine.connect() as connection:
        kept = connection.execute(
            sa.text("SELECT id, case_hash, case_issue FROM register_documents")
        ).all()
    assert [tuple(row) for row in kept] == [("DOC1", None, None)]
    indexes = {
        i["name"]: i["column_names"] for i in sa.inspect(engine).get_indexes("register_documents")
    }
    assert indexes["ix_register_documents_tenant_case"] == ["tenant_id", "type_name", "case_hash"]

    register = Register(database_url)
    hashed = case_hash("demand_letter", CASE)
    ours = _record(register, 1, hashed)
    _record(register, 1, None)  # the API's render of the same case is not the form's
    theirs = _record(register, 2, hashed)
    assert [i.ids for i in register.case_issues(1, "demand_letter", hashed)] == [[ours]]
    assert [i.ids for i in register.case_issues(2, "demand_letter", hashed)] == [[theirs]]
    assert register.case_issues(3, "demand_letter", hashed) == []
    assert register.case_issues(1, "lawyer_letter", hashed) == []
    if engine.dialect.name == "sqlite":  # the partial index serves the lookup
        with engine.connect() as connection:
            plan = connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM register_documents WHERE tenant_id = 1"
                " AND type_name = 'demand_letter' AND case_hash = ?",
                (hashed,),
            ).fetchall()
        assert "ix_register_documents_tenant_case" in " ".join(str(row[-1]) for row in plan)
