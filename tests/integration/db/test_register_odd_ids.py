"""An id a client posts (``document_ids``, ``issue_new``) is looked up in the register
as given: one no document can have (a NUL, too long, not of the id's alphabet) is not
found, on SQLite and on PostgreSQL alike, never a database error (a 500)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from docgen import db
from docgen.register.store import Register

ODD = ["\x00", "ABC\x00DEF", "A" * 10_000, "张伟", "../../etc/passwd", "'; DROP TABLE x;--", ""]


@pytest.mark.parametrize("odd", ODD, ids=range(len(ODD)))
def test_an_odd_id_is_not_found(database_url: str, odd: str) -> None:
    register = Register(database_url)
    assert register.get(odd, 1) is None


def test_a_database_error_carries_no_case_data(database_url: str) -> None:
    """T8: the text of a failed statement (logged with a 500) names no value of the case."""
    insert = sa.text(
        "INSERT INTO register_documents (id, tenant_id, code, type_name, template_id,"
        " template_hash, input_hash, input_data, requested_by, created_at, debtor_name)"
        " VALUES ('DOC1', 1, :code, 'demand_letter', 't', 'h', 'i', :data, 'user:a',"
        " '2026-03-01 09:00:00', :name)"
    )
    db.upgrade(database_url)
    values = {"data": '{"debtor": {"id_number": "11010519491231002X"}}', "name": "张伟"}
    with db.engine_for(database_url).begin() as connection:
        connection.execute(insert, {**values, "code": "AAAA-BBBB"})
    engine = db.engine_for(database_url)
    with pytest.raises(sa.exc.IntegrityError) as caught, engine.begin() as connection:
        connection.execute(insert, {**values, "code": "CCCC-DDDD"})  # the same id again

    said = str(caught.value)
    assert "张伟" not in said and "11010519491231002X" not in said and "CCCC" not in said
