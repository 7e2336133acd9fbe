"""Sender profile pages of the paralegal form: list, create, edit, delete, and prefill.

The editor is generated from the ``SenderProfile`` model like every document form. These
routes live on the form blueprint (session cookie + CSRF token) and call the profile store
directly, for the signed-in user's tenant; the browser never calls the JSON API.
"""

from __future__ import annotations

import contextlib
from typing import Any

from flask import Response, jsonify, redirect, render_template, request, url_for
from flask_wtf.csrf import generate_csrf
from pydantic import ValidationError

from docgen.documents.problems import Problem, from_validation_error
from docgen.profiles.model import SenderProfile
from docgen.profiles.store import ProfileNotFound, ProfileStore
from docgen.web.auth import tenant_id
from docgen.web.extension import app_service
from docgen.web.formspec import form_spec, type_form_spec
from docgen.web.pages import bp, doc_type_or_404, page_response, problem_for_form
from docgen.web.prefill import prefill

PROFILE_TITLE = "发件人资料"


def _store() -> ProfileStore:
    return app_service().profiles


def _spec() -> dict[str, Any]:
    return form_spec(SenderProfile.model_json_schema(), PROFILE_TITLE)


def profile_choices() -> list[dict[str, Any]]:
    """Profiles offered for prefilling a document form: id, name and kind."""
    return [
        {"id": p.id, "name": p.profile.name, "kind": p.profile.kind}
        for p in _store().list(tenant_id())
    ]


@bp.get("/profiles")
def profiles() -> Response:
    return page_response(
        render_template(
            "form/profiles.html",
            profiles=_store().list(tenant_id()),
            title=PROFILE_TITLE,
            csrf_token=generate_csrf(),
        )
    )


def _editor(profile_id: int | None, data: dict[str, Any]) -> Response:
    return page_response(
        render_template(
            "form/profile_edit.html",
            spec=_spec(),
            data=data,
            profile_id=profile_id,
            csrf_token=generate_csrf(),
            title=PROFILE_TITLE,
        )
    )


@bp.get("/profiles/new")
def new_profile() -> Response:
    return _editor(None, {})


@bp.get("/profiles/<int:profile_id>")
def edit_profile(profile_id: int) -> Response:
    try:
        stored = _store().get(tenant_id(), profile_id)
    except ProfileNotFound:
        return page_response(render_template("form/not_found.html"), 404)
    return _editor(profile_id, stored.profile.model_dump(mode="json", exclude_none=True))


@bp.post("/profiles/save")
def save_profile() -> Response:
    """Create (no ``id``) or replace a profile; problems come back beside their fields."""
    body = request.get_json(silent=True)
    spec = _spec()
    if not isinstance(body, dict) or not isinstance(body.get("profile"), dict):
        problem = Problem((), "json_invalid", "提交的内容不是有效的发件人资料")
        return jsonify({"valid": False, "errors": [problem_for_form(spec, problem)]})
    try:
        profile = SenderProfile.model_validate(body["profile"])
    except ValidationError as exc:
        errors = [problem_for_form(spec, p) for p in from_validation_error(exc, SenderProfile)]
        return jsonify({"valid": False, "errors": errors, "warnings": []})
    profile_id = body.get("id")
    try:
        if isinstance(profile_id, int):
            stored = _store().update(tenant_id(), profile_id, profile)
        else:
            stored = _store().add(tenant_id(), profile)
    except ProfileNotFound as exc:
        problem = Problem((), "profile_not_found", str(exc))
        return jsonify({"valid": False, "errors": [problem_for_form(spec, problem)]})
    return jsonify({"valid": True, "id": stored.id, "next": url_for("form.profiles")})


@bp.post("/profiles/<int:profile_id>/delete")
def delete_profile(profile_id: int) -> Response:
    with contextlib.suppress(ProfileNotFound):  # already gone: the list shows the outcome
        _store().delete(tenant_id(), profile_id)
    return redirect(url_for("form.profiles"), 303)  # type: ignore[return-value]


@bp.get("/<type_name>/prefill/<int:profile_id>")
def prefill_case(type_name: str, profile_id: int) -> Response:
    """The fields of a ``type_name`` case that profile ``profile_id`` fills in."""
    doc_type = doc_type_or_404(type_name)
    try:
        stored = _store().get(tenant_id(), profile_id)
    except ProfileNotFound as exc:
        response = jsonify([Problem((), "profile_not_found", str(exc)).as_dict()])
        response.status_code = 404
        return response
    spec = type_form_spec(doc_type)
    data = stored.profile.model_dump(mode="json", exclude_none=True)
    return jsonify({"merges": prefill(spec, data, profile_id)})
