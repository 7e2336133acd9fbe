"""The filing bundle page of the paralegal form: case fields, exhibits in order, the bundle.

The case fields are generated from :class:`docgen.bundle.model.BundleCase` like every
other form; the exhibits get their own list (``static/bundle.js``) with a file upload or a
docgen document id each, drag-and-drop reordering and 上移 / 下移 buttons. The page posts
the case and the files to ``/form/bundle/build`` (CSRF token required), which builds the
bundle with the same service as ``POST /api/v1/bundles`` and answers with the file (its
warnings, those of the complaint and the papers included, mapped to the form's fields in
``X-Docgen-Warnings``), or with the problems mapped to the form's fields.
"""

from __future__ import annotations

import functools
from typing import Any

from flask import Response, jsonify, render_template, request
from flask_wtf.csrf import generate_csrf

from docgen.bundle.model import BundleCase
from docgen.documents.problems import CaseInvalid, Problem
from docgen.web.auth import requester
from docgen.web.bundles import (
    bundle_service,
    read_request,
    result_response,
    unauthenticated_register_ids,
    upload_limits,
)
from docgen.web.formdates import normalize_dates
from docgen.web.formspec import form_spec
from docgen.web.pages import UPLOAD_LIMITS, bp, page_response, problem_for_form

BUNDLE_TITLE = "起诉材料"


@functools.cache
def _spec() -> dict[str, Any]:
    """The whole case's form description (problems are mapped with it, exhibits included)."""
    return form_spec(BundleCase.model_json_schema(), BUNDLE_TITLE)


def _case_fields_spec() -> dict[str, Any]:
    """What form.js draws: every case field but the exhibits, which have their own list."""
    spec = _spec()
    return {**spec, "fields": [f for f in spec["fields"] if f["name"] != "exhibits"]}


def _exhibit_fields() -> list[dict[str, Any]]:
    exhibits = next(f for f in _spec()["fields"] if f["name"] == "exhibits")
    fields: list[dict[str, Any]] = exhibits["item"]["fields"]
    return fields


@bp.get("/bundle")
def bundle_page() -> Response:
    html = render_template(
        "form/bundle.html",
        title=BUNDLE_TITLE,
        spec=_case_fields_spec(),
        exhibit_fields=_exhibit_fields(),
        csrf_token=generate_csrf(),
    )
    return page_response(html)


@bp.post("/bundle/build")
def bundle_build() -> Response:
    """Build the bundle posted by the page: the file, or the problems by field.

    Like the form's validate route, problems come back as a report (``valid: false``,
    JSON) with status 200, so the page tells them from a file by the content type.
    """
    output = request.form.get("output", "pdf")
    if output not in ("pdf", "zip"):
        output = "pdf"
    parsed = read_request()
    if isinstance(parsed, Response):
        return _report(
            [Problem(tuple(p["loc"]), p["code"], p["message"]) for p in parsed.get_json()]
        )
    data, files = parsed
    # dates as typed, and no year outside 1900-2100 (see docgen/web/formdates.py)
    typed = normalize_dates(_spec(), data) if isinstance(data, dict) else []
    if typed:
        return _report(typed)
    refused = unauthenticated_register_ids(data)
    if refused:
        return _report(refused)
    try:
        result = bundle_service().build(data, files, requested_by=requester())
    except CaseInvalid as exc:
        return _report(exc.problems)
    # the page shows them beside their fields, as the form's report does; capped as the
    # API's header is (a proxy answers 502 to a long header), the field kept
    spec = _spec()
    return result_response(
        result,
        output,
        [problem_for_form(spec, w) for w in result.warnings],
        short=("field", "code", "severity"),
        rich=("field", "code", "severity", "message"),
    )


def _report(problems: list[Problem]) -> Response:
    spec = _spec()
    return jsonify(
        {
            "valid": False,
            "errors": [problem_for_form(spec, p) for p in problems if p.severity == "error"],
            "warnings": [problem_for_form(spec, p) for p in problems if p.severity == "warning"],
        }
    )


UPLOAD_LIMITS["form.bundle_build"] = upload_limits
