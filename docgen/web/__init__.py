"""The Flask application factory.

Nothing is built at import time: ``create_app`` reads settings (from ``DOCGEN_*``
variables, overridable by ``test_config``), builds the service object once and
registers the blueprints. Run it under gunicorn: ``gunicorn 'docgen.web:create_app()'``.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Response, jsonify, request
from flask_openapi3 import Info, OpenAPI
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from docgen import __version__
from docgen.config import Settings
from docgen.documents.problems import CaseInvalid, Problem
from docgen.pipeline.compose import build
from docgen.web import (
    api,
    api_requests,
    auth,
    batches,
    bundles,
    extension,
    form,
    hosts,
    idempotency,
    limits,
    login,
    profiles,
    register_api,
)
from docgen.web.errors import problems_from_pydantic, unexpected_error

log = logging.getLogger(__name__)

API_DESCRIPTION = (
    "docgen 根据结构化案件数据生成催收法律文书（DOCX / PDF），生成前校验必备事实。"
    "校验失败返回 422 和错误列表：每项含字段路径 loc、错误代码 code、中文说明 message。"
)


def create_app(test_config: dict[str, Any] | None = None) -> OpenAPI:
    """Build the WSGI application. ``test_config`` may hold ``SETTINGS`` (a Settings)."""
    config = dict(test_config or {})
    settings: Settings = config.pop("SETTINGS", None) or Settings()
    app = OpenAPI(
        __name__,
        info=Info(title="docgen API", version=__version__, description=API_DESCRIPTION),
        validation_error_status=422,
        validation_error_model=api.ProblemModel,
        validation_error_callback=_validation_error_response,
        doc_ui=False,
        security_schemes=auth.SECURITY_SCHEMES,
    )
    app.config.update(
        MAX_CONTENT_LENGTH=settings.max_content_length,
        SECRET_KEY=settings.secret_key or None,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_HTTPONLY=True,
    )
    app.config.update(config)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    extension.install(app, build(settings))
    auth.init_app(app, settings)
    hosts.init_app(app, settings)  # first of all: a foreign Host header gets 400
    limits.init_app(app, settings)
    api.init_app(app)
    app.register_api(profiles.build_blueprint())
    app.register_api(batches.build_blueprint())
    app.register_api(register_api.build_blueprint())
    auth.limit_anonymous_verify(app, settings)
    form.init_app(app, settings)
    login.init_app(app, settings)
    bundles.init_app(app)
    idempotency.init_app(app)  # after every creating route is registered
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(CaseInvalid, _invalid)
    app.register_error_handler(Exception, unexpected_error)
    app.after_request(_security_headers)
    return app


def _validation_error_response(error: ValidationError) -> Response:
    """422 with the problem list; the validate endpoints report it as an invalid case."""
    whole = api.invalid_body_response(error)
    if whole is not None:
        return whole
    problems = [p.as_dict() for p in problems_from_pydantic(error)]
    if (request.endpoint or "").rpartition(".")[2].startswith("validate_"):
        return jsonify({"valid": False, "errors": problems, "warnings": [], "computed": {}})
    response = jsonify(problems)
    response.status_code = 422
    return response


def _http_error(exc: HTTPException) -> Response | HTTPException:
    if exc.response is not None:
        return exc.response  # type: ignore[return-value]
    if exc.code == 404:
        unknown = api_requests.unknown_type(request.path)
        if unknown is not None:
            return unknown
    problem = Problem((), f"http_{exc.code}", _HTTP_MESSAGES.get(exc.code or 0, exc.name))
    response = jsonify([problem.as_dict()])
    response.status_code = exc.code or 500
    allowed = dict(exc.get_headers()).get("Allow") if isinstance(exc, MethodNotAllowed) else None
    if allowed:
        response.headers["Allow"] = allowed  # RFC 9110 §15.5.6: a 405 names what is
    return response


def _invalid(exc: CaseInvalid) -> Response:
    """A problem found below a view (a list's cursor): 422 with the problem list."""
    response = jsonify([p.as_dict() for p in exc.problems])
    response.status_code = 422
    return response


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault(
        "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; object-src 'none'"
    )
    return response


_HTTP_MESSAGES = {
    400: "请求格式错误",
    401: "需要有效的 API 密钥",
    403: "没有执行该操作的权限",
    404: "请求的资源不存在",
    405: "不支持该请求方法",
    413: "请求内容过大",
    415: "请求内容类型不受支持，请使用 application/json",
    429: "请求过于频繁，请稍后再试",
}
