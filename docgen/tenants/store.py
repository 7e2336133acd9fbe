"""The tenants table, and how the command line names a tenant."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy import Engine, event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from docgen import db


class Tenant(db.Base):
    __tablename__ = "tenants"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(sa.String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))


class TenantError(ValueError):
    """A tenant that cannot be created or named as asked (a Chinese message)."""


class Tenants:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(self, name: str) -> Tenant:
        name = name.strip()
        if not name or len(name) > 100 or name.isdigit():
            raise TenantError("租户名称不能为空、不能全为数字，且不超过100个字符")
        row = Tenant(name=name, created_at=datetime.now(UTC))
        try:
            with db.session_scope(self.engine) as session:
                session.add(row)
        except IntegrityError:
            raise TenantError(f"租户「{name}」已存在") from None
        return row

    def list(self) -> list[Tenant]:
        with db.session_scope(self.engine) as session:
            return list(session.scalars(select(Tenant).order_by(Tenant.id)))

    def named(self, name: str | None) -> Tenant:
        """The tenant a command names (by name or id); without a name, the only tenant
        there is (a single-firm install needs no ``--tenant``)."""
        with db.session_scope(self.engine) as session:
            if name is None or not name.strip():
                rows = list(session.scalars(select(Tenant).order_by(Tenant.id).limit(2)))
                if len(rows) == 1:
                    return rows[0]
                raise TenantError("有多个租户，请用 --tenant 指定租户名称")
            text = name.strip()
            row = session.scalar(select(Tenant).where(Tenant.name == text))
            if row is None and text.isdigit():
                row = session.get(Tenant, int(text))
            if row is None:
                raise TenantError(f"没有名为「{text[:100]}」的租户（docgen tenant list 列出全部）")
            return row


def require_tenant(model: type[db.Base]) -> None:
    """Refuse to insert a row of ``model`` without a tenant: on SQLite the column keeps the
    default tenant as its server default (see migration 0008), which must never stand in
    for a tenant the code forgot to give."""

    def check(_mapper: Mapper[object], _connection: object, target: object) -> None:
        if getattr(target, "tenant_id", None) is None:
            raise ValueError(f"{model.__tablename__} row without tenant_id")

    event.listen(model, "before_insert", check)


__all__ = ["Tenant", "TenantError", "Tenants", "require_tenant"]
