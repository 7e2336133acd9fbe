"""Web UI sign-in for ``DOCGEN_WEB_AUTH=login`` (users come from ``docgen user create``).

In the default single-user mode (a desktop install on 127.0.0.1) the web pages are open
and this module adds nothing. In login mode every page outside the JSON API asks for a
signed-in user; the sign-in form carries a CSRF token (Flask-WTF, as the case forms do),
attempts are rate limited per address, and ``next`` only ever points inside the site.
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Flask,
    Response,
    current_app,
    jsonify,
    redirect,
    render_template_string,
    request,
    session,
    url_for,
)
from flask_wtf.csrf import generate_csrf, validate_csrf
from wtforms.validators import ValidationError as CsrfInvalid

from docgen.config import Settings
from docgen.documents.problems import Problem
from docgen.web.auth import (
    API_PREFIX,
    SESSION_ROLE,
    SESSION_TENANT,
    SESSION_USER,
    SESSION_USER_ID,
    auth_failures_blocked,
    count_auth_failure,
    users,
    web_user,
)

OPEN_PREFIXES = ("/login", "/logout", "/static/", API_PREFIX + "/")

_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>登录 · docgen</title>
</head>
<body><h1>docgen 登录</h1>
{% if error %}<p class="error" role="alert">{{ error }}</p>{% endif %}
<form method="post" action="{{ url_for('login.login') }}">
<input type="hidden" name="csrf_token" value="{{ csrf_token }}">
<input type="hidden" name="next" value="{{ next }}">
<label>用户名<input name="username" autocomplete="username" required maxlength="64"></label>
<label>密码<input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">登录</button></form></body></html>"""

bp = Blueprint("login", __name__)


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no scheme, no host, no ``//`` or backslash tricks)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    if any(ch in target for ch in "\\\r\n\t"):
        return "/"
    return target


def _page(error: str | None = None, status: int = 200) -> Response:
    body = render_template_string(
        _PAGE,
        error=error,
        csrf_token=generate_csrf(),
        next=_safe_next(request.values.get("next")),
    )
    return Response(body, status=status, mimetype="text/html")


@bp.get("/login")
def login_form() -> Response:
    return _page()


@bp.post("/login")
def login() -> Any:
    try:
        validate_csrf(request.form.get("csrf_token", ""))
    except CsrfInvalid:
        return _page("页面已过期，请重新提交", 400)
    if auth_failures_blocked() is not None:
        return _page("登录失败次数过多，请稍后再试", 429)
    username = request.form.get("username", "")[:64]
    who = users(current_app).authenticate(username, request.form.get("password", "")[:1024])
    if who is None:
        count_auth_failure()
        return _page("用户名或密码不正确", 401)
    session.clear()
    # the user's tenant and role ride in the signed session: every page acts for them
    session[SESSION_USER] = who.name
    session[SESSION_USER_ID] = who.ident
    session[SESSION_TENANT] = who.tenant_id
    session[SESSION_ROLE] = who.role
    return redirect(_safe_next(request.form.get("next")))


@bp.post("/logout")
def logout() -> Any:
    session.clear()
    return redirect(url_for("login.login_form"))


def _require_login() -> Any:
    """Every page asks for a user signed in and still allowed in (looked up on each
    request: a user disabled or deleted since, or of a tenant gone, is sent to sign in
    again, a script's request answered 401)."""
    if request.path.startswith(OPEN_PREFIXES):
        return None
    if web_user() is not None:
        return None
    signed_out = bool(session.get(SESSION_USER))
    if signed_out:  # a session of no user keeps the sign-in page's CSRF token
        session.clear()
    if request.is_json or request.accept_mimetypes.best == "application/json":
        message = "登录已失效（用户已停用或不存在），请重新登录" if signed_out else "请先登录"
        response = jsonify([Problem((), "login_required", message).as_dict()])
        response.status_code = 401
        return response
    return redirect(url_for("login.login_form", next=request.full_path.rstrip("?")))


def init_app(app: Flask, settings: Settings) -> None:
    """Add the sign-in routes; in login mode, guard every page outside the JSON API."""
    if settings.web_auth != "login":
        return
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError("DOCGEN_WEB_AUTH=login 需要会话签名密钥：请设置 DOCGEN_SECRET_KEY")
    app.register_blueprint(bp)
    limiter = app.extensions["docgen_limiter"]
    limited = limiter.limit(settings.login_rate_limit, methods=["POST"])
    app.view_functions["login.login"] = limited(app.view_functions["login.login"])
    app.before_request(_require_login)
