"""The batch page of the paralegal form: upload a sheet, watch the run, download the outputs.

It uses the same submission path as ``POST /api/v1/batches`` (:mod:`docgen.web.batches`),
behind the form's CSRF check; templates for every document type are offered for download.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from flask import Response, redirect, render_template, send_file, url_for
from flask_wtf.csrf import generate_csrf

from docgen.batch.cases import PROFILE_FIELD
from docgen.batch.runs import RunNotFound
from docgen.batch.sources import shown_file_name
from docgen.batch.state import RUN_LABELS
from docgen.batch.templates import write_template
from docgen.documents import registry
from docgen.documents.problems import Problem
from docgen.pipeline.templates import typst_prints
from docgen.profiles.model import KIND_TITLES
from docgen.services import FORMATS
from docgen.web.auth import tenant_id
from docgen.web.batches import batches_service, submit
from docgen.web.pages import acting_service, bp, doc_type_or_404, page_response

ENGINES = (("weasyprint", "WeasyPrint（HTML 排版）"), ("typst", "Typst（快速，默认）"))
LABELS = RUN_LABELS


def _upload_page(problems: list[Problem] | None = None, status: int = 200) -> Response:
    types = registry.all_types()
    html = render_template(
        "form/batch_upload.html",
        types=types,
        typst_others=[t.title for t in types if not typst_prints(t)],
        profile_types=[t.title for t in types if PROFILE_FIELD in t.model.model_fields],
        formats=FORMATS,
        profiles=[
            (stored.id, KIND_TITLES[stored.profile.kind], stored.profile.name)
            for stored in acting_service().profiles.list(tenant_id())
        ],
        engines=ENGINES,
        engine_default=acting_service().settings.pdf_engine,
        problems=problems or [],
        csrf_token=generate_csrf(),
    )
    return page_response(html, status)


@bp.get("/batches")
def batch_upload() -> Response:
    return _upload_page()


@bp.post("/batches")
def batch_submit() -> Any:
    run_id, problems, status = submit()
    if run_id is None:
        return _upload_page(problems, status)
    return redirect(url_for("form.batch_status", run_id=run_id), code=303)


@bp.get("/batches/<run_id>")
def batch_status(run_id: str) -> Response:
    try:
        status = batches_service().status(run_id, tenant_id())
    except RunNotFound:
        return page_response(render_template("form/not_found.html"), 404)
    status.pop("out_dir", None)
    label = LABELS.get(status["status"], status["status"])
    if status["status"] == "done":  # what was made, not only that the run ended
        label = f"已完成，{status['letters']} 封函件生成"
    html = render_template(
        "form/batch_status.html",
        run=status,
        source=shown_file_name(status.get("source") or ""),
        label=label,
        doc_type=registry.get(status["type"]),
        rejects=batches_service().reject_lines(run_id, tenant_id()),
        warnings=batches_service().reject_lines(run_id, tenant_id(), name="warnings.csv"),
    )
    return page_response(html)


@bp.get("/batches/<run_id>/files/<name>")
def batch_file(run_id: str, name: str) -> Response:
    """A finished run's rejects report or manifest, on its own; another tenant's run is
    not found."""
    try:
        path = batches_service().output_file(run_id, name, tenant_id())
    except RunNotFound:
        path = None
    if path is None:
        return page_response(render_template("form/not_found.html"), 404)
    return send_file(path, as_attachment=True, download_name=f"{run_id[:8]}-{name}")


@bp.get("/batches/<run_id>/download")
def batch_download(run_id: str) -> Response:
    try:
        archive = batches_service().archive(run_id, tenant_id())
    except RunNotFound:
        return page_response(render_template("form/not_found.html"), 404)
    if archive is None:
        return redirect(url_for("form.batch_status", run_id=run_id))  # type: ignore[return-value]
    return send_file(
        archive,
        mimetype="application/zip",
        as_attachment=True,
        download_name=f"batch-{run_id}.zip",
    )


@bp.get("/batches/template/<type_name>.<ext>")
def batch_template(type_name: str, ext: str) -> Response:
    doc_type = doc_type_or_404(type_name)
    if ext not in ("xlsx", "csv"):
        return page_response(render_template("form/not_found.html"), 404)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{doc_type.name}.{ext}"
        write_template(acting_service(), doc_type.name, path)
        data = path.read_bytes()
    media = {
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv": "text/csv; charset=utf-8",
    }[ext]
    response = Response(data, mimetype=media)
    response.headers["Content-Disposition"] = f"attachment; filename={doc_type.name}-template.{ext}"
    return response
