"""Batch runs over HTTP under ``/api/v1/batches``.

``POST`` takes a spreadsheet upload and options, checks the file's header at once (a bad
upload is a 4xx with Chinese problems, never a 500) and answers 202 with the run id; the
run proceeds in the background (local process pool, or Celery when a broker is set).
``GET /<id>`` reports progress and counts; ``GET /<id>/download`` returns a zip of the
outputs once the run is done. Runs are the caller's tenant's: another tenant's id is a
404, and a tenant with ``DOCGEN_TENANT_MAX_RUNS`` runs going on gets 429.
"""

from __future__ import annotations

import json
import logging
import tempfile
import threading
from pathlib import Path
from typing import Any

from flask import Response, current_app, jsonify, request, send_file, url_for
from flask_openapi3 import APIBlueprint, Tag
from pydantic import BaseModel, Field

from docgen.batch.cases import PROFILE_FIELD, shared_problems
from docgen.batch.cells import YES_NO_WORDS, yes_no
from docgen.batch.plan import SharedProfileError, check_shared
from docgen.batch.readers import BatchInputError, sniff_bytes
from docgen.batch.runs import Batches, RunNotFound, RunOptions
from docgen.documents.problems import Problem
from docgen.json_depth import MAX_JSON_DEPTH, json_depth_exceeds
from docgen.logs import outline
from docgen.tenants.limits import RETRY_AFTER_SECONDS, TooManyRuns
from docgen.web import auth
from docgen.web.extension import app_service

log = logging.getLogger(__name__)

BATCHES_TAG = Tag(name="batches", description="批量生成：上传表格，批量生成文书")
_TOO_DEEP = f"共用信息文件中的 JSON 嵌套超过 {MAX_JSON_DEPTH} 层，已拒绝，请检查数据结构"


class BatchPath(BaseModel):
    id: str = Field(description="批次编号")


def _problems(problems: list[Problem], status: int) -> Response:
    response = jsonify([p.as_dict() for p in problems])
    response.status_code = status
    return response


def batches_service() -> Batches:
    batches = current_app.extensions.get("docgen.batches")
    if batches is None:
        batches = Batches(app_service().settings)
        current_app.extensions["docgen.batches"] = batches
    return batches


def _options() -> RunOptions | Response:
    form = request.form
    problems: list[Problem] = []
    shared: dict[str, Any] = {}
    if form.get("shared"):
        try:
            shared = json.loads(form["shared"])
        except ValueError:
            shared = {}
            problems.append(Problem(("shared",), "json_invalid", "共用信息应为 JSON 对象"))
        if not isinstance(shared, dict):
            shared = {}
            problems.append(Problem(("shared",), "json_invalid", "共用信息应为 JSON 对象"))
    shared = {**_shared_file(problems), **shared}
    if form.get("letter_date"):
        shared["letter_date"] = form["letter_date"]
    if form.get(PROFILE_FIELD, "").strip():
        shared[PROFILE_FIELD] = form[PROFILE_FIELD].strip()
    flags = {name: _flag(name, problems) for name in ("address_page", "check_only")}
    options = RunOptions(
        type_name=form.get("type", ""),
        formats=_formats(),
        shared=shared,
        address_page=flags["address_page"],
        check_only=flags["check_only"],
        insured_value=form.get("insured_value", "").strip(),
        pdf_engine=form.get("pdf_engine", "").strip(),
    )
    try:
        options.check()
    except BatchInputError as exc:
        field = (
            "type"
            if "文书类型" in str(exc)
            else "pdf_engine"
            if "PDF 引擎" in str(exc)
            else "insured_value"
            if "保价" in str(exc)
            else "formats"
        )
        problems.append(Problem((field,), "invalid", str(exc)))
    else:
        problems += _shared_problems(options.type_name, shared)
        if not problems:
            try:
                check_shared(auth.service(), options.type_name, shared)
            except SharedProfileError as exc:
                problems.append(Problem((PROFILE_FIELD,), "profile_not_found", str(exc)))
            else:
                if PROFILE_FIELD in shared:
                    shared[PROFILE_FIELD] = int(shared[PROFILE_FIELD])
    if problems:
        return _problems(problems, 422)
    return options


def _shared_file(problems: list[Problem]) -> dict[str, Any]:
    """The shared values of the uploaded ``shared_file`` (a JSON object), or {} with a
    problem; its nesting is checked first, since an uploaded file is not as it is read."""
    upload = request.files.get("shared_file")
    if upload is None or not upload.filename:
        return {}
    raw = upload.read()
    if json_depth_exceeds(raw):
        problems.append(Problem(("shared_file",), "json_too_deep", _TOO_DEEP))
        return {}
    try:
        found = json.loads(raw.decode("utf-8-sig"))
    except ValueError:
        found = None
    if isinstance(found, dict):
        return found
    problems.append(Problem(("shared_file",), "json_invalid", "共用信息文件应为一个 JSON 对象"))
    return {}


def _shared_problems(type_name: str, shared: dict[str, Any]) -> list[Problem]:
    """Errors of the shared values, at the form field that gave them: ``letter_date``
    (its own field) or under ``shared``."""
    given_date = request.form.get("letter_date", "").strip()
    out = []
    for problem in shared_problems(auth.service(), type_name, shared):
        own = problem.loc[:1] == ("letter_date",) and bool(given_date)
        loc = problem.loc if own else ("shared", *problem.loc)
        out.append(Problem(loc, problem.code, problem.message, problem.hint))
    return out


_FLAG_TITLES = {"address_page": "地址页", "check_only": "只校验不生成"}


def _flag(name: str, problems: list[Problem]) -> bool:
    """A yes/no form field read as the sheets read 是/否 (``on``: a checked box); empty is
    no, and any other value is a problem: a check must never turn into a real run."""
    value = request.form.get(name, "").strip()
    if not value:
        return False
    answer = True if value.lower() == "on" else yes_no(value)
    if answer is None:
        message = f"{_FLAG_TITLES[name]}（{name}）应为是或否（{YES_NO_WORDS}），实为「{value}」"
        problems.append(Problem((name,), "bool_invalid", message))
        return False
    return answer


def _formats() -> list[str]:
    """``formats=pdf,docx`` (API) or repeated ``format`` checkboxes (the form page)."""
    chosen = request.form.getlist("format")
    if not chosen:
        chosen = request.form.get("formats", "pdf").split(",")
    return [f.strip() for f in chosen if f.strip()]


def submit() -> tuple[str | None, list[Problem], int]:
    """Start a run from the current multipart request: (run id, [], 202) or the problems."""
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return None, [Problem(("file",), "missing", "请上传表格文件（字段名 file）")], 400
    options = _options()
    if isinstance(options, Response):
        return None, [_problem(p) for p in options.get_json()], options.status_code
    data = upload.read()
    upload.close()  # a large upload is spooled to a temporary file
    if not data:
        return None, [Problem(("file",), "empty", "上传的文件是空的")], 400
    batches = batches_service()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"upload{sniff_bytes(data, upload.filename)}"
        source.write_bytes(data)
        try:
            batches.check_size(source)
            batches.check_header(source, options)
            run_id = batches.create(
                source,
                options,
                batches.settings.data_dir / "batches",
                auth.tenant_id(),
                source_name=Path(upload.filename.replace("\\", "/")).name,
            )
        except BatchInputError as exc:
            return None, [Problem(("file",), "bad_file", str(exc))], 422
        except TooManyRuns as exc:
            return None, [Problem((), exc.code, exc.message)], 429
    _run_in_background(current_app._get_current_object(), batches, run_id)  # type: ignore[attr-defined]
    return run_id, [], 202


def _problem(data: dict[str, Any]) -> Problem:
    return Problem(tuple(data["loc"]), data["code"], data["message"])


def _run_in_background(app: Any, batches: Batches, run_id: str) -> None:
    processes = app.config.get("BATCH_PROCESSES")

    def work() -> None:
        from docgen.batch.executors import CeleryExecutor, LocalExecutor

        settings = batches.settings
        try:
            if settings.broker_url and processes is None:
                batches.execute(run_id, CeleryExecutor(settings.broker_url, wait=False), wait=False)
            else:
                batches.execute(run_id, LocalExecutor(processes))
        except Exception as exc:
            log.error("batch run failed run=%s: %s", run_id, outline(exc))

    thread = threading.Thread(target=work, name=f"batch-{run_id[:8]}", daemon=True)
    thread.start()
    app.extensions.setdefault("docgen.batch_threads", {})[run_id] = thread


def _not_found(run_id: str) -> Response:
    return _problems([Problem(("id",), "batch_not_found", f"没有编号为「{run_id}」的批次")], 404)


def build_blueprint() -> APIBlueprint:
    bp = APIBlueprint("batches", __name__, url_prefix="/api/v1/batches")

    @bp.post("", tags=[BATCHES_TAG])
    def create_batch() -> Response:
        """上传表格（CSV/XLSX/JSONL）开始一个批次

        表单字段：file、type、formats（pdf,docx）、address_page、check_only（只校验不生成）、
        shared（JSON）或 shared_file（JSON 文件）、letter_date、
        sender_profile_id（发件人资料编号，作为每一行共用的发函人）、pdf_engine（weasyprint 或
        typst，默认按服务配置）
        """
        if request.mimetype != "multipart/form-data":
            message = "请以 multipart/form-data 上传表格文件（字段名 file）及其他表单字段"
            return _problems([Problem((), "unsupported_media_type", message)], 415)
        run_id, problems, status = submit()
        if run_id is None:
            response = _problems(problems, status)
            if status == 429:
                response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        response = jsonify(
            {
                "id": run_id,
                "status": "planning",
                "status_url": url_for("batches.get_batch", id=run_id),
                "download_url": url_for("batches.download_batch", id=run_id),
            }
        )
        response.status_code = 202
        response.headers["Location"] = url_for("batches.get_batch", id=run_id)
        return response

    @bp.get("/<id>", tags=[BATCHES_TAG])
    def get_batch(path: BatchPath) -> Response:
        """批次的进度与计数"""
        try:
            status = batches_service().status(path.id, auth.tenant_id())
        except RunNotFound:
            return _not_found(path.id)
        status.pop("out_dir", None)
        return jsonify(status)

    @bp.get("/<id>/download", tags=[BATCHES_TAG])
    def download_batch(path: BatchPath) -> Response:
        """下载批次的全部输出（zip）"""
        batches = batches_service()
        try:
            archive = batches.archive(path.id, auth.tenant_id())
        except RunNotFound:
            return _not_found(path.id)
        if archive is None:
            problem = Problem(("id",), "batch_not_done", "批次尚未完成，请稍后再下载")
            return _problems([problem], 409)
        return send_file(
            archive,
            mimetype="application/zip",
            as_attachment=True,
            download_name=f"batch-{path.id}.zip",
        )

    return bp
