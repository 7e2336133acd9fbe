"""Who may use the service: API keys for ``/api/v1``, per-key rate limits, and the one
place a request's tenant and role come from (:func:`caller`).

- API: every ``/api/v1`` request needs a key (``Authorization: Bearer <key>`` or
  ``X-API-Key: <key>``), except the OpenAPI document and the public answer of
  ``/api/v1/verify``. ``DOCGEN_API_AUTH=off`` lets everything through, for a
  single-user desktop install listening on 127.0.0.1 only.
- A missing, malformed, unknown or revoked key gets 401; a body over the size limit gets
  413 before anything else is read; each key (or, without one, each address) gets
  ``DOCGEN_RATE_LIMIT`` requests, then 429 with ``Retry-After``. Failed keys (and failed
  sign-ins) are counted per address: after ``DOCGEN_AUTH_FAILURE_LIMIT`` the address gets
  429 without its key being looked at. Counters are kept in memory, or in Redis when
  ``DOCGEN_RATE_LIMIT_STORAGE_URI`` names it (see :mod:`docgen.web.hosts` for workers).
- Tenant: an API key's, a signed-in user's, or the default tenant for the single-user
  modes (``DOCGEN_API_AUTH=off``, ``DOCGEN_WEB_AUTH=single-user``), which prove nobody's
  identity: ``Principal.authenticated`` is false there.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from flask import Flask, Response, abort, current_app, g, jsonify, request, session
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse
from limits.strategies import MovingWindowRateLimiter

from docgen.config import Settings
from docgen.documents.problems import Problem
from docgen.register.access import ApiKeys, Principal, Users
from docgen.register.store import Register
from docgen.tenants import ADMIN, DEFAULT_TENANT_ID
from docgen.web.extension import app_service
from docgen.web.hosts import rate_limit_storage
from docgen.web.rate_store import SweepingMemoryStorage, storage_uri

if TYPE_CHECKING:
    from docgen.services import DocumentService

API_PREFIX = "/api/v1"
# blueprints that set a larger body limit per request (bundle uploads) check it themselves
BLUEPRINTS_WITH_OWN_SIZE_LIMIT = frozenset({"bundles"})
ENDPOINTS_WITH_OWN_SIZE_LIMIT = frozenset({"form.bundle_build"})  # the form's bundle upload
PUBLIC_PATHS = frozenset({f"{API_PREFIX}/openapi.json"})
OPTIONAL_AUTH_PATHS = frozenset({f"{API_PREFIX}/verify"})
DESKTOP = Principal("local", "desktop", "单用户模式", DEFAULT_TENANT_ID, ADMIN, False)
WEB_DESKTOP = Principal("local", "web", "单用户网页", DEFAULT_TENANT_ID, ADMIN, False)
# what a signed-in web user is kept as in the (signed) session cookie
SESSION_USER = "docgen_user"
SESSION_USER_ID = "docgen_user_id"
SESSION_TENANT = "docgen_tenant"
SESSION_ROLE = "docgen_role"
log = logging.getLogger(__name__)
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
    """The API caller of this request (its key, or the desktop with API auth off), if any."""
    who: Principal | None = g.get("docgen_principal")
    return who


def caller() -> Principal:
    """Who this request acts for: the API key's principal, the signed-in web user, or the
    single-user web page's desktop principal. The tenant of every lookup comes from here.

    An API request without a principal (the public verify) has no tenant: asking is a
    401, never a silent default.
    """
    who = principal()
    if who is not None:
        return who
    if request.path.startswith(API_PREFIX + "/"):
        abort(401)
    user = web_user()
    if user is not None:
        return user
    settings = app_service().settings
    if settings.web_auth == "single-user":
        return WEB_DESKTOP
    abort(401)


def web_user() -> Principal | None:
    """The signed-in web user of this request as the users table has them now (checked
    once per request: a user disabled or deleted, or whose tenant is gone, is signed in
    no more, whatever the session cookie says); None without a valid session."""
    if "docgen_web_user" in g:
        checked: Principal | None = g.docgen_web_user
        return checked
    who = None
    tenant = session.get(SESSION_TENANT)
    if session.get(SESSION_USER) and isinstance(tenant, int):
        who = users(current_app).signed_in(str(session.get(SESSION_USER_ID, "")), tenant)
    g.docgen_web_user = who
    return who


def tenant_id() -> int:
    return caller().tenant_id


def service() -> DocumentService:
    """The document service acting for the caller's tenant."""
    return app_service().for_tenant(tenant_id())


def forbidden_unless_admin() -> Response | None:
    """403 with a Chinese problem unless the caller is its tenant's admin (the role is no
    secret of another tenant's, so 403 tells nothing a 404 would hide)."""
    if caller().is_admin:
        return None
    response = jsonify(
        [Problem((), "admin_required", "只有本租户的管理员（admin）可以执行此操作").as_dict()]
    )
    response.status_code = 403
    return response


def requester() -> str:
    """How the register records the caller: ``key:<id>``, ``user:<name>`` (signed in on
    the web), ``local:desktop`` (API auth off) or ``web`` (single-user web pages)."""
    who = principal()
    if who is not None:
        return who.label
    user = web_user()
    return f"user:{user.name}" if user else "web"


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
    settings = app_service().settings
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
    blocked = auth_failures_blocked()
    if blocked is not None:
        return blocked
    who = api_keys(current_app).authenticate(presented)
    if who is None:
        count_auth_failure()
        return _unauthorized("api_key_invalid", "API 密钥无效或已被吊销")
    g.docgen_principal = who
    return None


def _failures(method: str) -> Any:
    """``test``, ``hit`` or ``get_window_stats`` on this address's failed attempts: in the
    shared store, or in this worker's memory while that store cannot be reached."""
    shared, local, item = current_app.extensions["docgen_auth_failures"]
    address = f"auth-failures:{get_remote_address()}"
    try:
        return getattr(shared, method)(item, address)
    except shared.storage.base_exceptions:
        log.warning("rate-limit store unreachable: failed attempts counted per worker")
        return getattr(local, method)(item, address)


def auth_failures_blocked() -> Response | None:
    """429 with ``Retry-After`` once this address has used up its failed attempts."""
    if _failures("test"):
        return None
    wait = max(1, int(_failures("get_window_stats").reset_time - time.time()) + 1)
    problem = Problem(
        (), "auth_failures", "身份验证失败次数过多，请稍后再试", hint=f"{wait} 秒后重试"
    )
    response = jsonify([problem.as_dict()])
    response.status_code = 429
    response.headers["Retry-After"] = str(wait)
    return response


def count_auth_failure() -> None:
    _failures("hit")


RETRY_STATUSES = frozenset({429, 503})


def retry_after_only_when_refused(response: Response) -> Response:
    """``Retry-After`` only on 429 and 503 (RFC 9110 §10.2.3): the limiter adds it to every
    answer, where a client would read a 200 as "come back later"."""
    if response.status_code not in RETRY_STATUSES:
        response.headers.pop("Retry-After", None)
    return response


def _rate_key() -> str:
    who = principal()
    return who.label if who is not None else f"addr:{get_remote_address()}"


def init_app(app: Flask, settings: Settings) -> None:
    """Install authentication (first) and the per-key rate limiter on ``app``."""
    docgen = app_service(app)
    app.extensions["docgen_access"] = docgen.register or Register(settings.effective_database_url)
    app.before_request(_authenticate)
    # registered before the limiter's hook, so it runs after it (Flask runs them reversed)
    app.after_request(retry_after_only_when_refused)
    limiter = Limiter(
        _rate_key,
        default_limits=[settings.rate_limit],
        default_limits_exempt_when=lambda: not request.path.startswith(API_PREFIX + "/"),
        storage_uri=storage_uri(rate_limit_storage(settings)),
        headers_enabled=True,
        strategy="moving-window",
        in_memory_fallback_enabled=True,  # a Redis outage limits per worker, never a 500
    )
    limiter.init_app(app)
    app.extensions["docgen_limiter"] = limiter
    app.extensions["docgen_auth_failures"] = (
        MovingWindowRateLimiter(limiter.storage),
        MovingWindowRateLimiter(SweepingMemoryStorage()),
        parse(settings.auth_failure_limit),
    )


def limit_anonymous_verify(app: Flask, settings: Settings) -> None:
    """Verification without a key: ``DOCGEN_VERIFY_RATE_LIMIT`` per address, far below a
    key's limit (a printed code is to be checked, not searched for)."""
    limiter: Limiter = app.extensions["docgen_limiter"]
    limited = limiter.limit(
        settings.verify_rate_limit,
        key_func=lambda: f"verify:{get_remote_address()}",
        exempt_when=lambda: principal() is not None and principal() is not DESKTOP,
        per_method=True,
    )
    view = app.view_functions["register.verify"]
    app.view_functions["register.verify"] = limited(view)  # type: ignore[assignment]
