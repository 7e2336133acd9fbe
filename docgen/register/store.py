"""The register on its database: record documents, look them up, verify files."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Engine, Select, Table, bindparam, select

from docgen import db
from docgen.db.inserts import RowWriter
from docgen.db.times import utc_text
from docgen.register import (
    Issue,
    canonical_json,
    issued_cases,
    normalize_code,
    sha256_hex,
)
from docgen.register.grouped import GroupCommit
from docgen.register.lookup import first_debtor, indexed_letter_number
from docgen.register.models import Delivery, RegisteredDocument, RegisteredOutput

_DOCUMENTS = cast(Table, RegisteredDocument.__table__)
_OUTPUTS = cast(Table, RegisteredOutput.__table__)
CASE_ROWS = 200  # documents of one case read at most (a copy per recipient, each issue)
# what a document id can be (the id column's length, letters and digits): a posted id of
# another shape (a NUL, which PostgreSQL refuses in a query) is not looked up
_AN_ID = re.compile(r"[0-9A-Za-z]{1,32}")


@dataclass(frozen=True)
class Verification:
    """The answer to "did docgen issue this?"; ``details`` only for an authenticated caller."""

    issued: bool
    document_id: str | None = None
    issued_at: datetime | None = None
    type_name: str | None = None
    template_id: str | None = None
    template_hash: str | None = None
    format: str | None = None
    matched_by: str | None = None
    tenant_id: int | None = None  # never shown: decides whether details may be given

    def as_public_dict(self) -> dict[str, Any]:
        return {
            "issued": self.issued,
            "document_id": self.document_id,
            "issued_at": utc_text(self.issued_at) if self.issued_at else None,
            "type": self.type_name,
            "template_id": self.template_id,
            "template_version": self.template_hash,
            "format": self.format,
            "matched_by": self.matched_by,
        }


class Register:
    """The register on one database (SQLite by default, PostgreSQL by URL)."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self._engine: Engine | None = None
        self._writer: RowWriter | None = None
        # single renders finishing together share one durable commit
        self._durable = GroupCommit(lambda documents, outputs: self._write(documents, outputs))

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = db.upgrade(self.database_url)
        return self._engine

    def record(self, issue: Issue) -> None:
        """Record one document, durably: committed to disk before the caller hands the
        file out (``docgen.db.write``: SQLite ``synchronous=FULL``; documents of other
        threads recorded meanwhile share the commit, ``GroupCommit``)."""
        self.record_many([issue])

    def record_many(self, issues: Sequence[Issue], *, resumable: bool = False) -> None:
        """Record documents in one transaction (a batch chunk: one commit, not one each).

        ``resumable``: the caller re-renders whatever it has not marked done after this
        commit, in the same database (a batch run), so a power cut may take this commit
        with it (SQLite ``synchronous=NORMAL``, see docs/security.md).

        Issues sharing a stamp (a letter in PDF and in DOCX) are one entry, an output each;
        the entry is the first one's (as :meth:`record_outputs`).
        """
        firsts: dict[str, Issue] = {}
        for issue in issues:
            firsts.setdefault(issue.stamp.document_id, issue)
        if firsts:
            self._insert([_document(issue) for issue in firsts.values()], issues, resumable)

    def record_outputs(self, issues: Sequence[Issue]) -> None:
        """One document rendered in several formats (one stamp): one entry, an output
        for each."""
        for issue in issues[1:]:
            if issue.stamp.document_id != issues[0].stamp.document_id:
                raise ValueError("the outputs of one document share its stamp")
        self._insert([_document(issues[0])], issues, False)

    def record_output(self, document_id: str, fmt: str, content: bytes) -> str:
        """Another file of a registered document (its other format, or the same format
        printed again to other bytes): an output row, durably, under the document's own
        id; the document's entry is not touched. The file's SHA-256."""
        digest = sha256_hex(content)
        output = {"document_id": document_id, "format": fmt, "sha256": digest}
        self._durable.submit([], [{**output, "size": len(content)}])
        return digest

    def _insert(
        self, documents: list[dict[str, Any]], issues: Sequence[Issue], resumable: bool
    ) -> None:
        outputs = [
            {
                "document_id": issue.stamp.document_id,
                "format": issue.fmt,
                "sha256": issue.sha256,
                "size": len(issue.content),
            }
            for issue in issues
        ]
        if resumable:
            self._write(documents, outputs, durable=False)
        else:
            self._durable.submit(documents, outputs)

    def _write(
        self, documents: list[dict[str, Any]], outputs: list[dict[str, Any]], durable: bool = True
    ) -> None:
        """Plain INSERTs (one statement per table, many rows), prepared once, on the
        register's own connection: the ORM's unit of work, Core's per-statement set-up
        and a pool checkout per entry cost more than the rows."""
        if self._writer is None:  # two threads may both make one: the other is closed
            self._writer = RowWriter(self.engine)
        self._writer.insert([(_DOCUMENTS, documents), (_OUTPUTS, outputs)], durable=durable)

    def get(self, document_id: str, tenant_id: int | None) -> RegisteredDocument | None:
        """The document of ``tenant_id`` with this id (None: of any tenant, for the
        operator's own commands); another tenant's document is not found, nor an id no
        document can have."""
        if not isinstance(document_id, str) or not _AN_ID.fullmatch(document_id):
            return None
        with db.session_scope(self.engine) as session:
            row = session.get(RegisteredDocument, document_id)
            if row is None or (tenant_id is not None and row.tenant_id != tenant_id):
                return None
            return row

    def recent(self, tenant_id: int, limit: int = 300) -> list[RegisteredDocument]:
        """The tenant's latest documents, newest first (for the form's case list)."""
        with db.session_scope(self.engine) as session:
            rows = session.scalars(
                select(RegisteredDocument)
                .where(RegisteredDocument.tenant_id == tenant_id)
                .order_by(RegisteredDocument.created_at.desc())
                .limit(limit)
            )
            return list(rows)

    def case_issues(
        self, tenant_id: int, type_name: str, case_hash: str
    ) -> list[issued_cases.CaseIssue]:
        """The issues of a case the web form issued for ``tenant_id`` (hash:
        :func:`issued_cases.case_hash`), oldest first; another tenant's are never read."""
        return self.case_history(tenant_id, type_name, case_hash)[0]

    def case_history(
        self, tenant_id: int, type_name: str, case_hash: str
    ) -> tuple[list[issued_cases.CaseIssue], int]:
        """:meth:`case_issues`, and the round its next issue claims
        (:func:`issued_cases.next_round`)."""
        with db.session_scope(self.engine) as session:
            rows = session.scalars(
                select(RegisteredDocument)
                .where(
                    RegisteredDocument.tenant_id == tenant_id,
                    RegisteredDocument.type_name == type_name,
                    RegisteredDocument.case_hash == case_hash,
                )
                .order_by(RegisteredDocument.id.desc())  # the latest, if ever more
                .limit(CASE_ROWS)
            )
            found = list(rows)[::-1]
            return issued_cases.complete_issues(found), issued_cases.next_round(found)

    def unmarked_issues(
        self, tenant_id: int, type_name: str, debtor: tuple[str | None, str | None], limit: int
    ) -> list[RegisteredDocument]:
        """``tenant_id``'s latest documents of ``type_name`` not issued by the web form
        (no case hash: the API's, a batch's, the CLI's), to the first debtor ``debtor``
        (name, ID number hash: :func:`lookup.first_debtor`), newest first."""
        name, id_hash = debtor
        if name is None:
            return []
        doc = RegisteredDocument
        with db.session_scope(self.engine) as session:
            rows = session.scalars(
                select(doc)
                .where(
                    doc.tenant_id == tenant_id,
                    doc.type_name == type_name,
                    doc.debtor_name == name,
                    doc.debtor_id_hash == id_hash if id_hash else doc.debtor_id_hash.is_(None),
                    doc.case_hash.is_(None),
                )
                .order_by(doc.id.desc())
                .limit(limit)
            )
            return list(rows)

    def adopt_case(self, tenant_id: int, type_name: str, case_hash: str, ids: list[str]) -> None:
        """Mark documents the form issued before the register kept cases (a browser's
        session of then names them) as one issue of the case ``case_hash``: only
        ``tenant_id``'s documents of ``type_name`` that carry no case yet, all or none."""
        documents = _DOCUMENTS.c
        update = (
            _DOCUMENTS.update()
            .where(
                documents.id.in_(ids),
                documents.tenant_id == tenant_id,
                documents.type_name == type_name,
                documents.case_hash.is_(None),
            )
            .values(case_hash=case_hash, case_issue=ids[0])
        )
        try:
            with db.write(self.engine) as connection:
                if connection.execute(update).rowcount != len(ids):
                    raise _NotAll  # rolled back: another tenant's, or marked already
        except _NotAll:
            pass

    def verify(
        self, *, content: bytes | None = None, sha256: str | None = None, code: str | None = None
    ) -> Verification:
        """Look a document up by file bytes, by their SHA-256, or by its printed code."""
        with db.session_scope(self.engine) as session:
            if content is not None or sha256 is not None:
                digest = sha256_hex(content) if content is not None else (sha256 or "").lower()
                output = session.scalars(
                    select(RegisteredOutput).where(RegisteredOutput.sha256 == digest).limit(1)
                ).first()
                if output is None:
                    return Verification(False)
                return _verification(output.document, output.format, "sha256")
            document = session.scalars(
                select(RegisteredDocument).where(
                    RegisteredDocument.code == normalize_code(code or "")
                )
            ).first()
            if document is None:
                return Verification(False)
            fmt = document.outputs[0].format if document.outputs else None
            return _verification(document, fmt, "code")

    def letter_number_uses(self, tenant_id: int, numbers: Sequence[str]) -> dict[str, str]:
        """Each of ``numbers`` already printed on a document of ``tenant_id``, with the
        id of the first such document (ids sort by time). One SELECT, a subquery per
        number, each the first entry of the index on (tenant_id, letter_number, id): as
        quick for a number used a thousand times as for one used once; another tenant's
        documents are never read."""
        wanted = list(dict.fromkeys(numbers))
        if not wanted:
            return {}
        values: dict[str, Any] = {f"n{i}": number for i, number in enumerate(wanted)}
        statement, parameters = _first_uses(len(wanted)), {"tenant": tenant_id, **values}
        if self._writer is not None:  # its connection's cache is current (RowWriter.select)
            rows = self._writer.select(statement, parameters)
        else:  # a process that has written nothing yet opens no writer's connection
            with self.engine.connect() as connection:
                rows = [tuple(row) for row in connection.execute(statement, parameters)]
        return {number: first for number, first in zip(wanted, rows[0], strict=True) if first}

    def deliveries(self, document_id: str, tenant_id: int) -> list[Delivery]:
        with db.session_scope(self.engine) as session:
            return list(
                session.scalars(
                    select(Delivery)
                    .join(RegisteredDocument)
                    .where(
                        Delivery.document_id == document_id,
                        RegisteredDocument.tenant_id == tenant_id,
                    )
                    .order_by(Delivery.id)
                )
            )


class _NotAll(Exception):
    """Not every document named could be marked: none is."""


@functools.cache
def _first_uses(count: int) -> Select[Any]:
    """The SELECT of :meth:`Register.letter_number_uses` for ``count`` numbers (built once:
    building it costs more than running it)."""
    documents = _DOCUMENTS.c
    return select(
        *(
            select(documents.id)
            .where(
                documents.tenant_id == bindparam("tenant"),
                documents.letter_number == bindparam(f"n{i}"),
            )
            .order_by(documents.id)
            .limit(1)
            .scalar_subquery()
            for i in range(count)
        )
    )


def _document(issue: Issue) -> dict[str, Any]:
    """The register_documents row of ``issue``."""
    if issue.tenant_id is None:
        raise ValueError("a document is recorded for a tenant")
    debtor_name, debtor_id_hash = first_debtor(issue.input_data)
    # serialised once: hashed, and stored as the same text (db.JsonText)
    text = canonical_json(issue.input_data)
    return {
        "id": issue.stamp.document_id,
        "tenant_id": issue.tenant_id,
        "code": issue.stamp.code,
        "type_name": issue.type_name,
        "template_id": issue.template_id,
        "template_hash": issue.template_hash,
        "layout_hash": issue.layout_hash,
        "input_hash": sha256_hex(text.encode("utf-8")),
        "input_data": db.JsonText(text),
        "requested_by": issue.requested_by[:64],
        "created_at": datetime.now(UTC),
        "batch_id": issue.batch_id,
        "debtor_name": debtor_name,
        "debtor_id_hash": debtor_id_hash,
        "letter_number": indexed_letter_number(issue.input_data),
        **issued_cases.columns(issue.stamp.document_id),
    }


def _verification(document: RegisteredDocument, fmt: str | None, how: str) -> Verification:
    return Verification(
        True,
        document.id,
        document.created_at,
        document.type_name,
        document.template_id,
        document.template_hash,
        fmt,
        how,
        document.tenant_id,
    )


__all__ = ["Register", "Verification"]
