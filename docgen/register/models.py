"""The register's tables: documents issued, their output files and their delivery.

A row in ``register_documents`` is written for every document docgen renders (unless
registration is switched off), with what is needed to prove it later and to re-render
it: the stored input, the template version and the SHA-256 of the file handed out.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from docgen.db import Base
from docgen.tenants import MEMBER
from docgen.tenants.store import require_tenant

_IN_A_BATCH = text("batch_id IS NOT NULL")
_NUMBERED = text("letter_number IS NOT NULL")
_FORM_ISSUED = text("case_hash IS NOT NULL")
_A_ROUND = text("case_round IS NOT NULL")

LETTER_NUMBER_LENGTH = 64
"""The register's letter number column: a 函号 of up to 50 characters and a copy's -N."""


class RegisteredDocument(Base):
    __tablename__ = "register_documents"
    # Each index is a page written and synced with every durable entry (migration 0011):
    # the tenant's list by date; a batch's documents only (a single render has no batch);
    # input_hash is shown, never searched, and has none; a document without a letter
    # number writes no page of the letter number index (migration 0012); only a document
    # the web form issued writes a page of the case index (migration 0013), and only the
    # first document of each of its issues a page of the unique round index (0014).
    __table_args__ = (
        Index("ix_register_documents_tenant_created", "tenant_id", "created_at"),
        # a debtor's documents, the tenant's only: a lookup's work does not grow with
        # other tenants' documents to the same name (migration 0015)
        Index(
            "ix_register_documents_tenant_debtor_name", "tenant_id", "debtor_name", "debtor_id_hash"
        ),
        Index("ix_register_documents_tenant_debtor_id_hash", "tenant_id", "debtor_id_hash"),
        Index(
            "ix_register_documents_tenant_letter_number",
            "tenant_id",
            "letter_number",
            "id",
            sqlite_where=_NUMBERED,
            postgresql_where=_NUMBERED,
        ),
        Index(
            "ix_register_documents_tenant_case",
            "tenant_id",
            "type_name",
            "case_hash",
            sqlite_where=_FORM_ISSUED,
            postgresql_where=_FORM_ISSUED,
        ),
        Index(
            "ux_register_documents_case_round",
            "tenant_id",
            "type_name",
            "case_hash",
            "case_round",
            unique=True,
            sqlite_where=_A_ROUND,
            postgresql_where=_A_ROUND,
        ),
        Index(
            "ix_register_documents_batch_id",
            "batch_id",
            sqlite_where=_IN_A_BATCH,
            postgresql_where=_IN_A_BATCH,
        ),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # outputs and deliveries belong to the tenant through their document
    tenant_id: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    type_name: Mapped[str] = mapped_column(String(64))
    template_id: Mapped[str] = mapped_column(String(255))
    template_hash: Mapped[str] = mapped_column(String(64))
    # the shared layout files and fonts a PDF was printed with (None: a DOCX, or a
    # document registered before this was kept)
    layout_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    input_hash: Mapped[str] = mapped_column(String(64))
    input_data: Mapped[dict[str, object]] = mapped_column(JSON)
    requested_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    batch_id: Mapped[str | None] = mapped_column(String(64))
    # for exact lookups only (docgen.register.lookup): the first debtor's name, and a
    # SHA-256 of its ID number, never the number itself; indexed within the tenant (0015)
    debtor_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    debtor_id_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # the letter number (函号) printed on this copy, for the reuse check
    # (docgen.pipeline.numbers); None for a document without one
    letter_number: Mapped[str | None] = mapped_column(String(LETTER_NUMBER_LENGTH), nullable=True)
    # a document the web form issued: its case's hash and the first document of that
    # issue (docgen.register.issued_cases); None for any other document
    case_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    case_issue: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # on the first document of a form's issue only: which issue of the case it is (0 the
    # first); unique per case, so of two simultaneous issues one is recorded
    case_round: Mapped[int | None] = mapped_column(Integer, nullable=True)

    outputs: Mapped[list[RegisteredOutput]] = relationship(
        back_populates="document", order_by="RegisteredOutput.id", lazy="selectin"
    )
    deliveries: Mapped[list[Delivery]] = relationship(
        back_populates="document", order_by="Delivery.id", lazy="selectin"
    )


class RegisteredOutput(Base):
    __tablename__ = "register_outputs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("register_documents.id"), index=True)
    format: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)

    document: Mapped[RegisteredDocument] = relationship(back_populates="outputs")


class Delivery(Base):
    __tablename__ = "register_deliveries"
    __table_args__ = (UniqueConstraint("document_id", "tracking_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("register_documents.id"), index=True)
    carrier: Mapped[str] = mapped_column(String(16))
    tracking_number: Mapped[str] = mapped_column(String(32))
    sent_on: Mapped[date | None] = mapped_column(Date)
    delivered_on: Mapped[date | None] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    document: Mapped[RegisteredDocument] = relationship(back_populates="deliveries")


class ApiKey(Base):
    """A client's API key: only a SHA-256 of the secret part is kept."""

    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    tenant_id: Mapped[int] = mapped_column(Integer, index=True)
    role: Mapped[str] = mapped_column(String(16), default=MEMBER)
    name: Mapped[str] = mapped_column(String(100))
    secret_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class User(Base):
    """A web UI user; the password is kept as a salted scrypt hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[int] = mapped_column(Integer, index=True)
    role: Mapped[str] = mapped_column(String(16), default=MEMBER)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    disabled: Mapped[bool] = mapped_column(default=False)


for _model in (RegisteredDocument, ApiKey, User):
    require_tenant(_model)
