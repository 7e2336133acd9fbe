"""API keys and web users, stored hashed.

A key looks like ``dgk_<id>_<secret>``: the id finds the row, the secret is compared
with :func:`hmac.compare_digest` against the SHA-256 kept in the database (a random
256-bit secret needs no slow hash; a password does, so users get scrypt).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError

from docgen import db
from docgen.register.models import ApiKey, User
from docgen.register.store import Register
from docgen.tenants import ADMIN, DEFAULT_TENANT_ID, ROLES
from docgen.tenants.store import Tenant

KEY_PREFIX = "dgk"
_KEYS = ApiKey.__table__.c
_KEY_LOOKUP = select(
    _KEYS.id, _KEYS.tenant_id, _KEYS.role, _KEYS.name, _KEYS.secret_hash, _KEYS.revoked_at
).where(_KEYS.id == bindparam("key_id"))
_USERS = User.__table__.c
_SIGNED_IN_LOOKUP = (
    select(_USERS.id, _USERS.username, _USERS.tenant_id, _USERS.role, _USERS.disabled)
    .join(Tenant.__table__, Tenant.__table__.c.id == _USERS.tenant_id)
    .where(_USERS.id == bindparam("user_id"))
)
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class AccessError(ValueError):
    """A request to create, revoke or check a credential that cannot be honoured."""


@dataclass(frozen=True)
class Principal:
    """Who is asking: ``key:<id>``, ``user:<name>`` or ``local:…``, as the register records
    it; the tenant it acts for and its role there. ``authenticated`` is false for the
    single-user modes, where nobody proved who they are."""

    kind: str
    ident: str
    name: str
    tenant_id: int
    role: str
    authenticated: bool = True

    @property
    def label(self) -> str:
        return f"{self.kind}:{self.ident}"

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise AccessError(f"角色应为 {' 或 '.join(ROLES)}，实为「{role[:20]}」")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class ApiKeys:
    def __init__(self, register: Register) -> None:
        self.register = register

    def create(
        self, name: str, *, tenant_id: int = DEFAULT_TENANT_ID, role: str = ADMIN
    ) -> tuple[ApiKey, str]:
        """A new key of ``tenant_id`` with ``role``; the full key text is returned once and
        never stored."""
        name = name.strip()
        if not name or len(name) > 100:
            raise AccessError("密钥名称不能为空，且不超过100个字符")
        _check_role(role)
        key_id = secrets.token_hex(6)
        secret = secrets.token_urlsafe(32)
        row = ApiKey(
            id=key_id,
            tenant_id=tenant_id,
            role=role,
            name=name,
            secret_hash=_digest(secret),
            created_at=datetime.now(UTC),
        )
        with db.session_scope(self.register.engine) as session:
            session.add(row)
        return row, f"{KEY_PREFIX}_{key_id}_{secret}"

    def list(self) -> list[ApiKey]:
        with db.session_scope(self.register.engine) as session:
            return list(session.scalars(select(ApiKey).order_by(ApiKey.created_at)))

    def revoke(self, key_id: str) -> ApiKey:
        with db.session_scope(self.register.engine) as session:
            row = session.get(ApiKey, key_id)
            if row is None:
                raise AccessError(f"没有编号为 {key_id[:20]} 的密钥")
            if row.revoked_at is None:
                row.revoked_at = datetime.now(UTC)
            return row

    def authenticate(self, presented: str) -> Principal | None:
        """The key's principal, or None for a malformed, unknown, wrong or revoked key."""
        prefix, _, rest = presented.strip().partition("_")
        key_id, _, secret = rest.partition("_")
        if prefix != KEY_PREFIX or not key_id or not secret or len(presented) > 200:
            return None
        # read on every request (a revoked key fails at once), as one Core SELECT: the
        # ORM's identity map and unit of work cost more than the lookup
        with self.register.engine.connect() as connection:
            row = connection.execute(_KEY_LOOKUP, {"key_id": key_id}).first()
        expected = row.secret_hash if row is not None else _digest("")
        matches = hmac.compare_digest(_digest(secret), expected)
        if row is None or not matches or row.revoked_at is not None:
            return None
        return Principal("key", row.id, row.name, row.tenant_id, row.role)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    scheme, _, rest = stored.partition("$")
    salt_hex, _, digest_hex = rest.partition("$")
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt_hex), **_SCRYPT)
    return hmac.compare_digest(digest.hex(), digest_hex)


_DUMMY_HASH = "scrypt$" + "00" * 16 + "$" + "00" * 64


class Users:
    def __init__(self, register: Register) -> None:
        self.register = register

    def create(
        self,
        username: str,
        password: str,
        *,
        tenant_id: int = DEFAULT_TENANT_ID,
        role: str = ADMIN,
    ) -> User:
        username = username.strip()
        if not username or len(username) > 64:
            raise AccessError("用户名不能为空，且不超过64个字符")
        if len(password) < 10:
            raise AccessError("密码至少10个字符")
        _check_role(role)
        row = User(
            tenant_id=tenant_id,
            role=role,
            username=username,
            password_hash=hash_password(password),
            created_at=datetime.now(UTC),
            disabled=False,
        )
        try:
            with db.session_scope(self.register.engine) as session:
                session.add(row)
        except IntegrityError:
            raise AccessError(f"用户 {username} 已存在") from None
        return row

    def authenticate(self, username: str, password: str) -> Principal | None:
        with db.session_scope(self.register.engine) as session:
            row = session.scalars(select(User).where(User.username == username)).first()
        ok = check_password(password, row.password_hash if row else _DUMMY_HASH)
        if row is None or not ok or row.disabled:
            return None
        return Principal("user", str(row.id), row.username, row.tenant_id, row.role)

    def signed_in(self, user_id: str, tenant_id: int) -> Principal | None:
        """The principal a web session signed in as ``user_id`` of ``tenant_id`` acts as
        now, read on every request (one Core SELECT): None once the user is disabled or
        deleted, their tenant is gone, or they belong to another tenant. The role is the
        user's current one, not the one signed in with."""
        if not user_id.isdigit() or len(user_id) > 18:
            return None
        with self.register.engine.connect() as connection:
            row = connection.execute(_SIGNED_IN_LOOKUP, {"user_id": int(user_id)}).first()
        if row is None or row.disabled or row.tenant_id != tenant_id:
            return None
        return Principal("user", str(row.id), row.username, row.tenant_id, row.role)

    def set_disabled(self, username: str, disabled: bool = True) -> User:
        """Disable (or enable again) the user ``username``; a disabled user's sessions
        stop working at their next request."""
        with db.session_scope(self.register.engine) as session:
            row = session.scalars(select(User).where(User.username == username.strip())).first()
            if row is None:
                raise AccessError(f"没有名为 {username[:64]} 的用户")
            row.disabled = disabled
            return row
