"""What every page of the paralegal form shares: the blueprint, CSRF, page answers.

The document form (:mod:`docgen.web.form`) and the batch, bundle, case, profile and
template pages each add their routes to :data:`bp`; they import this module, never each
other.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, abort, jsonify, render_template, request
from flask_wtf.csrf import CSRFError, validate_csrf
from wtforms.validators import ValidationError as CsrfInvalid

from docgen.documents import registry
from docgen.documents.base import DocumentType
from docgen.documents.problems import Problem
from docgen.services import DocumentService
from docgen.web import auth
from docgen.web.formspec import element_id, field_path

log = logging.getLogger(__name__)

bp = Blueprint(
    "form",
    __name__,
    url_prefix="/form",
    template_folder="templates",
    static_folder="static",
)

CSRF_MESSAGE = "页面已过期或请求来源不明（缺少有效的安全令牌），请刷新页面后重试"

# endpoints that take uploads larger than the JSON body limit: each sets its own request
# limits before the CSRF check reads the form
UPLOAD_LIMITS: dict[str, Callable[[], None]] = {}


def acting_service() -> DocumentService:
    return auth.service()  # acting for the signed-in user's tenant (or the desktop's)


def doc_type_or_404(name: str) -> DocumentType[Any]:
    try:
        return registry.get(name)
    except registry.UnknownDocumentType:
        abort(404)


@bp.before_request
def _check_csrf() -> Response | None:
    """Every state-changing request carries the session's CSRF token (form field or header)."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return None
    limits = UPLOAD_LIMITS.get(request.endpoint or "")
    if limits is not None:
        limits()
    token = request.form.get("csrf_token") or request.headers.get("X-CSRFToken")
    try:
        validate_csrf(token)
    except (CsrfInvalid, CSRFError):
        log.warning("form request refused: missing or invalid CSRF token on %s", request.path)
        problem = Problem((), "csrf_invalid", CSRF_MESSAGE)
        if request.is_json or wants_json():  # the page's own fetch shows it in words
            response = jsonify([problem.as_dict()])
            response.status_code = 400
            return response
        return page_response(render_template("form/refused.html", problems=[problem]), 400)
    return None


def wants_json() -> bool:
    """Whether the request is the page's own fetch, asking for JSON (``Accept``)."""
    return request.accept_mimetypes.best == "application/json"


def page_response(html: str, status: int = 200) -> Response:
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response


def problem_for_form(spec: dict[str, Any], problem: Problem) -> dict[str, Any]:
    """A problem as the API reports it, plus the id of the form element it belongs beside."""
    data = problem.as_dict()
    data["field"] = element_id(field_path(spec, problem.loc))
    data["path"] = problem.path
    return data
