"""The templates page of the paralegal UI: each document type's uploaded versions.

Lists every type with its built-in or active templates (Word and PDF) and its stored
versions, and lets an administrator upload a new .docx or .html (checked exactly as
through the API), preview a version with the type's sample case, activate it, or go back
to the built-in template. Forms after upload carry the template kind in a ``kind`` field.
Routes live on the form blueprint (session cookie + CSRF token). Versions are the signed-in
user's tenant's; uploading, activating and deactivating need its ``admin`` role (403).
"""

from __future__ import annotations

import io
from typing import Any

from flask import Response, redirect, render_template, request, send_file, url_for
from flask_wtf.csrf import generate_csrf

from docgen.documents import registry
from docgen.documents.problems import CaseInvalid, Problem
from docgen.services import template_kind
from docgen.template_store import TemplateRejected, UnknownVersion
from docgen.web import auth
from docgen.web.pages import bp, doc_type_or_404, page_response

MAX_TEMPLATE_BYTES = 10 * 1024 * 1024
TITLE = "文书模板"
KIND_NAMES = {"docx": "Word 模板", "html": "PDF 模板"}


def acting_service() -> Any:
    return auth.service()  # acting for the signed-in user's tenant


def _admin_only(type_name: str) -> Response | None:
    if auth.caller().is_admin:
        return None
    problem = Problem((), "admin_required", "只有本租户的管理员（admin）可以上传、启用或停用模板")
    return _page({type_name: [problem]}, 403)


def _kind() -> str:
    kind = request.form.get("kind", "docx")
    return kind if kind in KIND_NAMES else "docx"


def _page(problems: dict[str, list[Problem]] | None = None, status: int = 200) -> Response:
    service = acting_service()
    rows = []
    for doc_type in registry.all_types():
        versions = service.templates.versions(service.tenant_id, doc_type.name)
        active = {
            kind: [v for v in versions if v.kind == kind and v.status == "active"]
            for kind in KIND_NAMES
        }
        rows.append({"type": doc_type, "versions": versions, "active": active})
    html = render_template(
        "form/templates.html",
        rows=rows,
        kind_names=KIND_NAMES,
        problems=problems or {},
        can_manage=auth.caller().is_admin,
        notice=request.args.get("notice", ""),
        csrf_token=generate_csrf(),
        title=TITLE,
    )
    return page_response(html, status)


@bp.get("/templates")
def templates() -> Response:
    return _page()


@bp.post("/templates/<type_name>/upload")
def upload_template(type_name: str) -> Response:
    doc_type_or_404(type_name)
    refused = _admin_only(type_name)
    if refused is not None:
        return refused
    upload = request.files.get("file")
    data = upload.read(MAX_TEMPLATE_BYTES + 1) if upload else b""
    if not data:
        problem = Problem(("file",), "missing", "请选择要上传的 .docx 或 .html 模板文件")
        return _page({type_name: [problem]}, 422)
    if len(data) > MAX_TEMPLATE_BYTES:
        return _page({type_name: [Problem(("file",), "too_large", "模板文件超过 10 MB")]}, 413)
    try:
        info, warnings = acting_service().upload_template(
            type_name,
            data,
            filename=(upload.filename if upload else "") or "",
            note=request.form.get("note", "")[:500],
            by=auth.requester(),
            kind=template_kind((upload.filename if upload else "") or ""),
            variant=request.form.get("variant", "")[:32],
        )
    except TemplateRejected as exc:
        return _page({type_name: exc.problems}, 422)
    notice = f"已保存 {info.label}" + ("（有提示，请预览核对）" if warnings else "")
    return redirect(url_for("form.templates", notice=notice), 303)  # type: ignore[return-value]


@bp.post("/templates/<type_name>/<int:version>/preview")
def preview_template(type_name: str, version: int) -> Response:
    doc_type_or_404(type_name)
    try:
        rendered = acting_service().preview_template(type_name, version, kind=_kind())
    except UnknownVersion:
        return _page({type_name: [Problem(("version",), "not_found", "没有该版本")]}, 404)
    except CaseInvalid as exc:
        return _page({type_name: exc.problems}, 422)
    response = send_file(
        io.BytesIO(rendered.content),
        mimetype=rendered.media_type,
        as_attachment=True,
        download_name=rendered.filename,
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/templates/<type_name>/<int:version>/activate")
def activate_template(type_name: str, version: int) -> Response:
    doc_type_or_404(type_name)
    refused = _admin_only(type_name)
    if refused is not None:
        return refused
    service = acting_service()
    try:
        info = service.templates.activate(service.tenant_id, type_name, version, _kind())
    except UnknownVersion:
        return _page({type_name: [Problem(("version",), "not_found", "没有该版本")]}, 404)
    notice = f"已启用 {info.label}"
    return redirect(url_for("form.templates", notice=notice), 303)  # type: ignore[return-value]


@bp.post("/templates/<type_name>/deactivate")
def deactivate_template(type_name: str) -> Response:
    doc_type_or_404(type_name)
    refused = _admin_only(type_name)
    if refused is not None:
        return refused
    kind = _kind()
    service = acting_service()
    service.templates.deactivate(service.tenant_id, type_name, kind)
    notice = f"{type_name} 的{KIND_NAMES[kind]}已恢复使用内置模板"
    return redirect(url_for("form.templates", notice=notice), 303)  # type: ignore[return-value]
