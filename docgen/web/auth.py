"""Who may use the service: API keys for ``/api/v1``, per-key rate limits.

- API: every ``/api/v1`` request needs a key (``Authorization: Bearer <key>`` or
  ``X-API-Key: <key>``), except the OpenAPI document and the public answer of
  ``/api/v1/verify``. ``DOCGEN_API_AUTH=off`` lets everything through, for a
  single-user desktop install listening on 127.0.0.1 only.
- A missing, malformed, unknown or revoked key gets 401; a body over the size limit gets
  413 before anything else is read; each key (or, without one, each address) gets
  ``DOCGEN_RATE_LIMIT`` requests, then 429 with ``Retry-After``. Counters are kept in
  memory, or in Redis when ``DOCGEN_RATE_LIMIT_STORAGE_URI`` names it.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, abort, current_app, g, jsonify, request, session
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from docgen.config import Settings
from docgen.documents.problems import Problem
from docgen.register.access import ApiKeys, Principal, Users
from docgen.register.store import Register

API_PREFIX = "/api/v1"
# blueprints that set a larger body limit per request (bundle uploads) check it themselves
BLUEPRINTS_WITH_OWN_SIZE_LIMIT = frozenset({"bundles"})
ENDPOINTS_WITH_OWN_SIZE_LIMIT = frozenset({"form.bundle_build"})  # the form's bundle upload
PUBLIC_PATHS = frozenset({f"{API_PREFIX}/openapi.json"})
OPTIONAL_AUTH_PATHS = frozenset({f"{API_PREFIX}/verify"})
DESKTOP = Principal("local", "desktop", "单用户模式")
SECURITY_SCHEMES: dict[str, Any] = {
    "bearer": {"type": "http", "scheme": "bearer", "description": "docgen apikey create 生成"},
    "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
}


def _access_register(app: Flask) -> Register:
    register: Register = app.extensions["docgen_access"]
    return register


def api_keys(app: Flask) -> ApiKeys:
    return ApiKeys(_access_register(app))


def users(app: Flask) -> Users:
    return Users(_access_register(app))


def principal() -> Principal | None:
    """The authenticated caller of this request, if any."""
    who: Principal | None = g.get("docgen_principal")
    return who


def requester() -> str:
    """How the register records the caller: ``key:<id>``, ``user:<name>`` (signed in on
    the web), ``local:desktop`` (API auth off) or ``web`` (single-user web pages)."""
    who = principal()
    if who is not None:
        return who.label
    user = session.get("docgen_user")
    return f"user:{user}" if user else "web"


def _presented_key() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return request.headers.get("X-API-Key") or None


def _unauthorized(code: str, message: str) -> Response:
    response = jsonify([Problem((), code, message).as_dict()])
    response.status_code = 401
    response.headers["WWW-Authenticate"] = 'Bearer realm="docgen"'
    return response


def _authenticate() -> Response | None:
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    own_limit = (
        request.blueprint in BLUEPRINTS_WITH_OWN_SIZE_LIMIT
        or request.endpoint in ENDPOINTS_WITH_OWN_SIZE_LIMIT
    )
    if limit and not own_limit and (request.content_length or 0) > limit:
        abort(413)
    path = request.path
    if not path.startswith(API_PREFIX + "/") or path in PUBLIC_PATHS:
        return None
    settings: Settings = current_app.extensions["docgen"].settings
    if settings.api_auth == "off":
        g.docgen_principal = DESKTOP
        return None
    presented = _presented_key()
    if presented is None:
        if path in OPTIONAL_AUTH_PATHS:
            return None
        return _unauthorized(
            "api_key_missing", "需要 API 密钥：请在 Authorization: Bearer 或 X-API-Key 请求头中提供"
        )
    who = api_keys(current_app).authenticate(presented)
    if who is None:
        return _unauthorized("api_key_invalid", "API 密钥无效或已被吊销")
    g.docgen_principal = who
    return None


def _rate_key() -> str:
    who = principal()
    return who.label if who is not None else f"addr:{get_remote_address()}"


def init_app(app: Flask, settings: Settings) -> None:
    """Install authentication (first) and the per-key rate limiter on ``app``."""
    docgen = app.extensions["docgen"]
    app.extensions["docgen_access"] = docgen.register or Register(settings.effective_database_url)
    app.before_request(_authenticate)
    limiter = Limiter(
        _rate_key,
        default_limits=[settings.rate_limit],
        default_limits_exempt_when=lambda: not request.path.startswith(API_PREFIX + "/"),
        storage_uri=settings.rate_limit_storage_uri or "memory://",
        headers_enabled=True,
        strategy="moving-window",
    )
    limiter.init_app(app)
    app.extensions["docgen_limiter"] = limiter
