"""The table of uploaded template versions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from docgen.db import Base
from docgen.tenants.store import require_tenant


class TemplateVersion(Base):
    """One uploaded template file for a document type; its bytes live on disk by hash."""

    __tablename__ = "template_versions"
    __table_args__ = (
        UniqueConstraint(
            "tenant_id", "type_name", "kind", "version", name="uq_template_versions_number"
        ),
        UniqueConstraint(
            "tenant_id", "type_name", "kind", "sha256", name="uq_template_versions_content"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # versions are numbered, and activated, per tenant
    tenant_id: Mapped[int] = mapped_column(Integer, index=True)
    type_name: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    # the layout it replaces, for a type with several ("" = every layout)
    variant: Mapped[str] = mapped_column(String(32), default="", server_default="")
    version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="uploaded")
    note: Mapped[str] = mapped_column(String(500), default="")
    uploaded_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    activated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


require_tenant(TemplateVersion)
