"""``POST /api/v1/bundles``: a court filing bundle from case JSON and uploaded exhibits.

The request is ``multipart/form-data`` with a ``case`` field (the bundle case as JSON, see
:class:`docgen.bundle.model.BundleCase`) and the exhibit files, any field name; each
exhibit names its file by the uploaded file name. ``?output=pdf`` (default) answers with
the bundle PDF, ``?output=zip`` with a zip of the bundle, the evidence list as DOCX and
PDF, the manifest (JSON and CSV, with each original file's SHA-256) and any copies.
Problems come back as 422 with the usual problem list, never a 500.

``?async=1`` builds the bundle in the background instead (for large bundles, which can
take longer than a web worker may spend on a request): the case and files are checked at
once (422 as above), then 202 with the run id; ``GET /api/v1/bundles/<id>`` gives its
state and ``GET /api/v1/bundles/<id>/download`` the file (see :mod:`docgen.bundle.jobs`).

Uploads are larger than JSON bodies, so this route has its own request size limit
(``DOCGEN_BUNDLE_MAX_UPLOAD_BYTES``); one file over the per-file limit is a problem on
its exhibit.

A bundle is built for the caller's tenant: an exhibit's ``register_id`` finds only that
tenant's documents (another's is unknown, an error on that exhibit), runs are the
tenant's (another's id: 404), and a caller nobody authenticated (the single-user modes)
never has a registered document made again.
"""

from __future__ import annotations

import io
import json
import posixpath
from typing import Any

from flask import Response, current_app, jsonify, request, send_file, url_for
from flask_openapi3 import APIBlueprint, OpenAPI, Tag
from flask_openapi3.models import Schema
from flask_openapi3.utils import get_model_schema
from pydantic import BaseModel, Field

from docgen.bundle.jobs import BundleJobs, BundleRunNotFound
from docgen.bundle.model import BundleCase
from docgen.bundle.results import BundleResult
from docgen.bundle.service import BundleService
from docgen.documents.problems import CaseInvalid, Problem
from docgen.json_depth import json_depth_exceeds
from docgen.tenants.limits import RETRY_AFTER_SECONDS, TooManyRuns
from docgen.web import auth
from docgen.web.auth import requester
from docgen.web.extension import app_service
from docgen.web.files import content_disposition, warnings_headers
from docgen.web.limits import JsonTooDeep
from docgen.web.openapi_models import DATE_TIME, TIMESTAMP

BUNDLES_TAG = Tag(
    name="bundles", description="起诉材料：起诉状、证据目录与证据合并为一份带连续页码的 PDF"
)

MAX_FORM_PARTS = 400
MAX_CASE_FIELD_BYTES = 2 * 1024 * 1024


def bundle_service() -> BundleService:
    """The process's bundle service (built on first use, sharing the document service),
    acting for the caller's tenant."""
    service: BundleService | None = current_app.extensions.get("docgen_bundles")
    if service is None:
        service = BundleService(app_service())
        current_app.extensions["docgen_bundles"] = service
    return service.for_tenant(auth.tenant_id())


def unauthenticated_register_ids(data: Any) -> list[Problem]:
    """A problem on each exhibit citing a register id when nobody was authenticated: a
    registered document (a debtor's name, ID number, address) is made again only for a
    signed-in user or an API key of its tenant."""
    if auth.caller().authenticated or not isinstance(data, dict):
        return []
    exhibits = data.get("exhibits")
    return [
        Problem(
            ("exhibits", i, "register_id"),
            "register_id_needs_sign_in",
            "按文书编号引用已登记的文书需要登录（DOCGEN_WEB_AUTH=login）或 API 密钥；"
            "单用户模式下请上传该文书的 PDF 文件",
        )
        for i, exhibit in enumerate(exhibits if isinstance(exhibits, list) else [])
        if isinstance(exhibit, dict) and exhibit.get("register_id")
    ]


def bundle_jobs() -> BundleJobs:
    """The process's bundle runs (built on first use)."""
    jobs: BundleJobs | None = current_app.extensions.get("docgen_bundle_jobs")
    if jobs is None:
        jobs = BundleJobs(app_service().settings)
        current_app.extensions["docgen_bundle_jobs"] = jobs
    return jobs


class BundleRunPath(BaseModel):
    id: str = Field(max_length=64, description="起诉材料任务编号")


class BundleRunStatus(BaseModel):
    id: str
    status: str = Field(description="queued、running、done、failed 或 expired（超过保存期限）")
    output: str = Field(description="pdf 或 zip")
    exhibits: int = Field(description="证据份数")
    created_at: str = Field(description=TIMESTAMP, json_schema_extra=DATE_TIME)
    started_at: str | None = Field(None, description=TIMESTAMP, json_schema_extra=DATE_TIME)
    finished_at: str | None = Field(None, description=TIMESTAMP, json_schema_extra=DATE_TIME)
    pages: int | None = Field(default=None, description="完成后：起诉材料总页数")
    bytes: int | None = None
    filename: str | None = None
    warnings: list[dict[str, Any]] | None = None
    problems: list[dict[str, Any]] | None = Field(
        default=None, description="失败时：问题列表（与同步请求的 422 相同）"
    )


def _run_links(run_id: str) -> dict[str, str]:
    return {
        "status_url": url_for("bundles.get_bundle_run", id=run_id),
        "download_url": url_for("bundles.download_bundle_run", id=run_id),
    }


def _run_not_found(run_id: str) -> Response:
    return _problems(
        [Problem(("id",), "bundle_run_not_found", f"没有编号为「{run_id[:64]}」的起诉材料任务")],
        404,
    )


def _problems(problems: list[Problem], status: int) -> Response:
    response = jsonify([p.as_dict() for p in problems])
    response.status_code = status
    return response


def upload_limits() -> None:
    settings = app_service().settings
    request.max_content_length = settings.bundle_max_upload_bytes
    request.max_form_memory_size = MAX_CASE_FIELD_BYTES
    request.max_form_parts = MAX_FORM_PARTS


def _upload_name(raw: str | None) -> str:
    """The uploaded file's own name, without any client-side directories."""
    return posixpath.basename((raw or "").replace("\\", "/")).strip()


def read_request() -> tuple[Any, dict[str, bytes]] | Response:
    if request.mimetype != "multipart/form-data":
        return _problems(
            [Problem((), "unsupported_media_type", "请求内容类型应为 multipart/form-data")], 415
        )
    raw = request.form.get("case")
    if raw is None and "case" in request.files:
        raw = request.files["case"].read(MAX_CASE_FIELD_BYTES + 1).decode("utf-8-sig", "replace")
    if not raw:
        return _problems([Problem(("case",), "missing", "缺少案件数据字段 case（JSON）")], 400)
    if json_depth_exceeds(raw.encode()):  # a form field is checked as read; a file is not
        raise JsonTooDeep(("case",))
    try:
        data = json.loads(raw)
    except ValueError:
        return _problems([Problem(("case",), "json_invalid", "案件数据 case 不是有效的 JSON")], 400)
    files: dict[str, bytes] = {}
    for field_name, storage in request.files.items(multi=True):
        if field_name == "case":
            continue
        name = _upload_name(storage.filename)
        if not name:
            return _problems([Problem((field_name,), "file_unnamed", "上传的文件没有文件名")], 400)
        if name in files:
            return _problems(
                [Problem((field_name,), "file_duplicate", f"文件名「{name}」重复，请改名后上传")],
                400,
            )
        files[name] = storage.read()
    return data, files


def result_response(
    result: BundleResult,
    output: str,
    warnings: list[dict[str, Any]] | None = None,
    **caps: tuple[str, ...],
) -> Response:
    """The bundle (PDF or zip) with its headers. ``warnings``: the warnings as the header
    carries them, by default the result's own as the API reports them (the form's page
    gives them mapped to its fields); ``caps``: the keys kept where they do not fit
    (``short`` and ``rich``, see :func:`warnings_headers`). The header is built once."""
    if warnings is None:
        warnings = [w.as_dict() for w in result.warnings]
    if output == "zip":
        content, mimetype = result.zip(), "application/zip"
        filename, fallback = result.filename.removesuffix(".pdf") + ".zip", "bundle.zip"
    else:
        content, mimetype = result.pdf, "application/pdf"
        filename, fallback = result.filename, "bundle.pdf"
    response = send_file(io.BytesIO(content), mimetype=mimetype, max_age=0)
    response.headers["Content-Disposition"] = content_disposition(filename, fallback)
    response.headers["X-Docgen-Pages"] = str(result.pages)
    warnings_headers(response, warnings, **caps)
    response.headers["Cache-Control"] = "no-store"
    return response


_PROBLEMS = {
    "application/json": {
        "schema": {"type": "array", "items": {"$ref": "#/components/schemas/ProblemModel"}}
    }
}
_BINARY = {"schema": {"type": "string", "format": "binary"}}


def _request_body() -> dict[str, Any]:
    """The multipart body as the OpenAPI document shows it (read by hand, see above)."""
    return {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["case"],
                    "properties": {
                        "case": {
                            "type": "string",
                            "description": "起诉材料的案件数据（JSON，结构见 BundleCase）",
                        },
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "证据文件（PDF、JPEG、PNG、TIFF），字段名任意；"
                            "按上传的文件名与 exhibits[].file 对应",
                        },
                    },
                },
            }
        },
    }


def _operation_extras() -> dict[str, Any]:
    return {
        "requestBody": _request_body(),
        "parameters": [
            {
                "name": "output",
                "in": "query",
                "required": False,
                "description": "pdf：合并后的起诉材料；zip：另含证据目录（DOCX/PDF）、清单与副本",
                "schema": {"type": "string", "enum": ["pdf", "zip"], "default": "pdf"},
            },
            {
                "name": "async",
                "in": "query",
                "required": False,
                "description": "1：在后台生成（大份材料），立即返回 202 与任务编号，"
                "之后查询 GET /api/v1/bundles/{id} 并下载 GET /api/v1/bundles/{id}/download",
                "schema": {"type": "string", "enum": ["0", "1"], "default": "0"},
            },
        ],
    }


def _responses() -> Any:
    return {
        202: {"description": "async=1：已受理，返回任务编号、状态与下载地址"},
        200: {
            "description": "起诉材料（PDF 或 zip）；总页数在响应头 X-Docgen-Pages，"
            "警告（如有）在 X-Docgen-Warnings",
            "content": {"application/pdf": _BINARY, "application/zip": _BINARY},
        },
        400: {"description": "缺少 case 字段、case 不是 JSON 或文件名有误", "content": _PROBLEMS},
        413: {"description": "上传内容超过 DOCGEN_BUNDLE_MAX_UPLOAD_BYTES"},
        415: {"description": "请求内容类型不是 multipart/form-data", "content": _PROBLEMS},
        422: {"description": "案件数据或证据文件有误（字段路径与中文说明）", "content": _PROBLEMS},
    }


def _submit(data: Any, files: dict[str, bytes], output: str) -> Response:
    """``?async=1``: check the case now (422 at once), build it in the background (202)."""
    service = bundle_service()
    try:
        case = service.parse(data)
    except CaseInvalid as exc:
        return _problems(exc.problems, 422)
    assessment = service.assess(case, files)
    if assessment.errors:
        return _problems(assessment.problems, 422)
    jobs = bundle_jobs()
    try:
        run_id = jobs.submit(data, files, output, auth.tenant_id(), requested_by=requester())
    except TooManyRuns as exc:
        response = _problems([Problem((), exc.code, exc.message)], 429)
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    jobs.start(run_id)
    response = jsonify({"id": run_id, "status": "queued", **_run_links(run_id)})
    response.status_code = 202
    response.headers["Location"] = url_for("bundles.get_bundle_run", id=run_id)
    return response


def _download_responses() -> Any:
    return {
        200: {
            "description": "起诉材料（PDF 或 zip）",
            "content": {"application/pdf": _BINARY, "application/zip": _BINARY},
        },
        404: {"description": "没有该任务", "content": _PROBLEMS},
        409: {"description": "尚未完成或生成失败", "content": _PROBLEMS},
        410: {"description": "已超过保存期限并已删除", "content": _PROBLEMS},
    }


def build_blueprint() -> APIBlueprint:
    bp = APIBlueprint("bundles", __name__, url_prefix="/api/v1/bundles")
    bp.before_request(upload_limits)
    schema = get_model_schema(BundleCase)
    for name, definition in schema.pop("$defs", {}).items():
        bp.components_schemas[name] = Schema(**definition)
    bp.components_schemas["BundleCase"] = Schema(**schema)

    @bp.post("", tags=[BUNDLES_TAG], responses=_responses(), openapi_extensions=_operation_extras())
    def create_bundle() -> Response:
        """生成起诉材料：封面、起诉状、证据目录与全部证据合并为一份带连续页码的 PDF

        multipart/form-data：字段 case 为案件数据（JSON，结构见 components.schemas.BundleCase），
        其余字段为证据文件；有误时返回 422 及问题列表（字段路径与中文说明）。
        """
        output = request.args.get("output", "pdf")
        if output not in ("pdf", "zip"):
            return _problems(
                [Problem(("query", "output"), "literal_error", "应为以下之一：pdf、zip")], 422
            )
        background = request.args.get("async", "0").lower()
        if background not in ("0", "1", "false", "true"):
            return _problems(
                [Problem(("query", "async"), "bool_parsing", "应为 1 或 0（true 或 false）")], 422
            )
        parsed = read_request()
        if isinstance(parsed, Response):
            return parsed
        data, files = parsed
        refused = unauthenticated_register_ids(data)
        if refused:
            return _problems(refused, 422)
        if background in ("1", "true"):
            return _submit(data, files, output)
        try:
            result = bundle_service().build(data, files, requested_by=requester())
        except CaseInvalid as exc:
            return _problems(exc.problems, 422)
        return result_response(result, output)

    @bp.get("/<id>", tags=[BUNDLES_TAG], responses={200: BundleRunStatus})
    def get_bundle_run(path: BundleRunPath) -> Response:
        """后台生成的起诉材料的状态：queued、running、done（页数）、failed（问题列表）或
        expired（超过保存期限，已删除）"""
        try:
            status = bundle_jobs().status(path.id, auth.tenant_id())
        except BundleRunNotFound:
            return _run_not_found(path.id)
        return jsonify({**status, **_run_links(path.id)})

    @bp.get("/<id>/download", tags=[BUNDLES_TAG], responses=_download_responses())
    def download_bundle_run(path: BundleRunPath) -> Response:
        """下载后台生成完成的起诉材料（PDF 或 zip）"""
        try:
            found = bundle_jobs().result(path.id, auth.tenant_id())
        except BundleRunNotFound:
            return _run_not_found(path.id)
        if found is None:
            if bundle_jobs().status(path.id, auth.tenant_id())["status"] == "expired":
                problem = Problem(
                    ("id",),
                    "bundle_run_expired",
                    "起诉材料已超过保存期限并已删除，请重新提交",
                )
                return _problems([problem], 410)
            problem = Problem(
                ("id",), "bundle_run_not_done", "起诉材料尚未生成完成（或生成失败），请先查看状态"
            )
            return _problems([problem], 409)
        response = send_file(found.path, mimetype=found.media_type, max_age=0)
        response.headers["Content-Disposition"] = content_disposition(
            found.filename, f"bundle{found.path.suffix}"
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    return bp


def init_app(app: OpenAPI) -> None:
    app.register_api(build_blueprint())
