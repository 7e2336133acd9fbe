"""0015_register_tenant_debtor: a lookup by debtor reads the tenant's documents to that
debtor only. The form's check for a case issued through the API (``unmarked_issues``)
and the register's search by debtor neither read the tenant's whole list nor the
documents other tenants hold under the same name, on SQLite (which keeps no statistics)
and on PostgreSQL: their work, and so their answer time, says nothing of other tenants."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from docgen import db
from docgen.register.lookup import RegisterFilter
from docgen.register.models import RegisteredDocument as Doc


def _plan(url: str, query: sa.Select) -> str:
    engine = db.engine_for(url)
    dialect = sqlite.dialect() if url.startswith("sqlite") else postgresql.dialect()
    sql = str(query.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
    with engine.connect() as connection:
        if url.startswith("sqlite"):
            rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)
            return "\n".join(str(r[-1]) for r in rows)
        return "\n".join(r[0] for r in connection.exec_driver_sql("EXPLAIN " + sql))


def _by_debtor(id_hash: str | None) -> sa.Select:
    return (
        sa.select(Doc)
        .where(
            Doc.tenant_id == 1,
            Doc.type_name == "demand_letter",
            Doc.debtor_name == "张伟",
            Doc.debtor_id_hash == id_hash if id_hash else Doc.debtor_id_hash.is_(None),
            Doc.case_hash.is_(None),
        )
        .order_by(Doc.id.desc())
        .limit(50)
    )


def _fill(url: str, count: int) -> None:
    """Two tenants' documents to many debtors, some without an ID number; PostgreSQL's
    statistics taken, as its autovacuum does (SQLite keeps none: docgen runs no ANALYZE)."""
    insert = sa.text(
        "INSERT INTO register_documents (id, tenant_id, code, type_name, template_id,"
        " template_hash, input_hash, input_data, requested_by, created_at, debtor_name,"
        " debtor_id_hash) VALUES (:id, :tenant, :code, 'demand_letter', 't', 'h', 'i', '{}',"
        " 'key:1', '2026-03-01 09:00:00', :name, :hashed)"
    )
    rows = [
        {
            "id": f"D{i:019d}",
            "tenant": 1 + i % 2,
            "code": f"C{i:014d}",
            "name": f"债务人{i % 500}",
            "hashed": None if i % 3 else f"{i % 500:064d}",
        }
        for i in range(count)
    ]
    with db.engine_for(url).begin() as connection:
        connection.execute(insert, rows)
        if not url.startswith("sqlite"):
            connection.exec_driver_sql("ANALYZE register_documents")


def test_a_lookup_by_debtor_reads_the_tenants_documents_to_that_debtor(database_url: str):
    db.upgrade(database_url)
    _fill(database_url, 5000)
    assert RegisterFilter(1, debtor_name="张伟")  # the search filters the same columns
    for query in (_by_debtor("h" * 64), _by_debtor(None)):
        plan = _plan(database_url, query)  # either debtor index; never the whole list
        assert "ix_register_documents_tenant_debtor_" in plan, plan
        assert "tenant_created" not in plan, plan
    by_number = sa.select(Doc).where(Doc.tenant_id == 1, Doc.debtor_id_hash == "h" * 64)
    plan = _plan(database_url, by_number)
    assert "ix_register_documents_tenant_debtor_id_hash" in plan, plan
