"""0014_register_case_round: the database takes one first document per round of a case
the form issues, so of two issues recorded at once (two threads, each on a connection of
its own) exactly one is kept, on SQLite and on PostgreSQL; another tenant's round, the
other recipients' copies and documents of before are not held to it."""

from __future__ import annotations

import threading

import sqlalchemy as sa

from docgen import db
from docgen.register import Issue, Stamp
from docgen.register.issued_cases import CONFLICTS, case_hash, issuing
from docgen.register.store import Register
from tests.integration.db.test_migrations import _migrate_to

CASE = {"letter_number": "CS-1", "debtor": {"name": "张伟"}}


def _issue(tenant_id: int) -> Issue:
    return Issue(
        Stamp.new(), "demand_letter", "t", "h", CASE, "pdf", b"%PDF", "user:a", tenant_id=tenant_id
    )


def _at_once(database_url: str, hashed: str) -> list[object]:
    """Two registers (two connections) record round 0 of the case together."""
    registers = [Register(database_url) for _ in range(2)]
    for register in registers:
        _ = register.engine
    ready = threading.Barrier(2, timeout=30)
    outcomes: list[object] = [None, None]

    def record(i: int) -> None:
        issue = _issue(1)
        with issuing(hashed, 0):
            ready.wait()
            try:
                registers[i].record(issue)
                outcomes[i] = issue.stamp.document_id
            except CONFLICTS as exc:
                outcomes[i] = exc

    threads = [threading.Thread(target=record, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes


def test_of_two_first_issues_recorded_at_once_one_is_kept(database_url: str) -> None:
    engine = _migrate_to(database_url, ("0013_register_case_hash",))
    with engine.begin() as connection:  # a form's document of before: no round kept
        connection.execute(
            sa.text(
                "INSERT INTO register_documents (id, tenant_id, code, type_name, template_id,"
                " template_hash, input_hash, input_data, requested_by, created_at, case_hash,"
                " case_issue) VALUES ('DOC1', 1, 'AAAA-BBBB', 'demand_letter', 't', 'h', 'i',"
                " '{}', 'user:a', '2026-03-01 09:00:00', 'OLD', 'DOC1')"
            )
        )
    db.upgrade(database_url)
    hashed = case_hash("demand_letter", CASE)

    outcomes = _at_once(database_url, hashed)

    kept = [o for o in outcomes if isinstance(o, str)]
    refused = [o for o in outcomes if isinstance(o, CONFLICTS)]
    assert len(kept) == 1 and len(refused) == 1, outcomes
    register = Register(database_url)
    history = register.case_history(1, "demand_letter", hashed)
    assert [i.ids for i in history[0]] == [kept] and history[1] == 1
    # another tenant's round 0, a copy for another recipient, the next round: all kept
    with issuing(hashed, 0):
        register.record(_issue(2))
    with issuing(hashed, 1):
        register.record_many([_issue(1), _issue(1)])
    assert register.case_history(1, "demand_letter", hashed)[1] == 2
    assert register.case_history(1, "demand_letter", "OLD")[1] == 1  # counted by its issues
    with engine.connect() as connection:
        rounds = connection.execute(
            sa.text("SELECT case_round FROM register_documents WHERE id = 'DOC1'")
        ).scalar()
    assert rounds is None
