"""Routes for firms' own templates under ``/api/v1/templates``.

Upload (multipart; a .docx for the Word documents, an .html for the PDFs) → checked and
stored as the next version of its kind; preview renders a case with a version; activate
makes the service use it; deactivate goes back to the built-in one. Routes after upload
take ``?kind=html`` for the HTML templates (default ``docx``).
Every refusal is a problem list (422), never a 500.

Versions belong to the caller's tenant: another tenant's version numbers are unknown here
(404), and activation changes that tenant's documents only. Only the tenant's ``admin``
uploads, activates and deactivates (403 for a ``member``).
"""

from __future__ import annotations

from typing import Any, Literal

from flask import Response, jsonify, request
from flask_openapi3 import APIBlueprint, FileStorage, Tag
from pydantic import BaseModel, Field

from docgen.documents import registry
from docgen.documents.problems import CaseInvalid, Problem
from docgen.services import DocumentService
from docgen.template_store import TemplateRejected, UnknownVersion, VersionInfo
from docgen.web import auth, paging
from docgen.web.files import file_response
from docgen.web.openapi_models import DATE_TIME, TIMESTAMP

TEMPLATES_TAG = Tag(name="templates", description="自定义文书模板：上传、检查、预览、启用")
MAX_TEMPLATE_BYTES = 10 * 1024 * 1024


class TypePath(BaseModel):
    type_name: str = Field(description="文书类型，如 demand_letter")


class VersionPath(TypePath):
    version: int = Field(ge=1, description="模板版本号")


TemplateKind = Literal["docx", "html"]


class KindQuery(paging.QueryModel):
    kind: TemplateKind = Field(
        default="docx", description="模板种类：docx（Word 文书）或 html（PDF 文书）"
    )


class DeactivateQuery(KindQuery):
    variant: str | None = Field(
        default=None, max_length=32, description="只停用该版式的模板；缺省停用该种类的全部"
    )


class TemplateUpload(BaseModel):
    file: FileStorage = Field(description=".docx 模板（Word 文书）或 .html 模板（PDF 文书）")
    note: str = Field(default="", max_length=500, description="版本说明")
    kind: TemplateKind | None = Field(
        default=None, description="模板种类：docx 或 html；缺省时按文件扩展名判断"
    )
    variant: str = Field(
        default="",
        max_length=32,
        description="只替换一种版式（如 civil_complaint 的 elements）；缺省替换全部版式",
    )


class TemplateVersionModel(BaseModel):
    type_name: str
    kind: str
    variant: str = Field(description="所替换的版式；空字符串表示全部版式")
    version: int
    sha256: str
    filename: str
    size: int
    status: str = Field(description="uploaded 已上传 / active 使用中 / retired 已停用")
    note: str
    created_at: str = Field(description=TIMESTAMP, json_schema_extra=DATE_TIME)
    activated_at: str | None = Field(description=TIMESTAMP, json_schema_extra=DATE_TIME)


class TemplateList(BaseModel):
    items: list[TemplateVersionModel]
    next: str | None = Field(default=None, description="下一页的 cursor；没有下一页时为 null")


def _paged(versions: list[VersionInfo], query: paging.PageQuery) -> Response:
    chosen, following = paging.page(
        versions, lambda v: [v.type_name, v.kind, v.variant, v.version], query
    )
    return paging.answer([_version_json(v) for v in chosen], following)


def _service() -> DocumentService:
    return auth.service()  # acting for the caller's tenant


def _problems(problems: list[Problem], status: int = 422) -> Response:
    response = jsonify([p.as_dict() for p in problems])
    response.status_code = status
    return response


def _not_found(message: str) -> Response:
    return _problems([Problem((), "not_found", message)], 404)


def _version_json(info: VersionInfo, warnings: list[Problem] | None = None) -> dict[str, Any]:
    data = {k: v for k, v in info.__dict__.items() if k != "uploaded_by"}
    if warnings is not None:
        data["warnings"] = [w.as_dict() for w in warnings]
    return data


def _known_type(name: str) -> bool:
    try:
        registry.get(name)
    except registry.UnknownDocumentType:
        return False
    return True


def _uploaded(path: TypePath, form: TemplateUpload) -> Response:
    """Check and store an uploaded template as a new (inactive) version; admins only."""
    refused = auth.forbidden_unless_admin()
    if refused is not None:
        return refused
    if not _known_type(path.type_name):
        return _not_found(f"未知的文书类型「{path.type_name}」")
    data = form.file.read(MAX_TEMPLATE_BYTES + 1)
    if len(data) > MAX_TEMPLATE_BYTES:
        return _problems([Problem(("file",), "too_large", "模板文件超过 10 MB")], 413)
    try:
        info, warnings = _service().upload_template(
            path.type_name,
            data,
            filename=form.file.filename or "",
            note=form.note,
            by=auth.requester(),
            kind=form.kind,
            variant=form.variant,
        )
    except TemplateRejected as exc:
        return _problems(exc.problems)
    response = jsonify(_version_json(info, warnings))
    response.status_code = 201
    return response


def register_routes(bp: APIBlueprint) -> None:
    @bp.get("/templates", tags=[TEMPLATES_TAG], responses={200: TemplateList})
    def list_templates(query: paging.PageQuery) -> Response:
        """列出全部自定义模板版本（分页）"""
        service = _service()
        return _paged(service.templates.versions(service.tenant_id), query)

    @bp.get("/templates/<type_name>", tags=[TEMPLATES_TAG], responses={200: TemplateList})
    def list_type_templates(path: TypePath, query: paging.PageQuery) -> Response:
        """列出一种文书类型的模板版本（分页）"""
        if not _known_type(path.type_name):
            return _not_found(f"未知的文书类型「{path.type_name}」")
        service = _service()
        return _paged(service.templates.versions(service.tenant_id, path.type_name), query)

    @bp.post("/templates/<type_name>", tags=[TEMPLATES_TAG], responses={201: TemplateVersionModel})
    def upload_template(path: TypePath, form: TemplateUpload) -> Response:
        """上传 .docx 或 .html 模板：检查安全性、变量与示例渲染，通过后保存为新版本（未启用）"""
        return _uploaded(path, form)

    @bp.post("/templates/<type_name>/<int:version>/preview", tags=[TEMPLATES_TAG])
    def preview_template(path: VersionPath, query: KindQuery) -> Response:
        """用该版本渲染示例案件（或请求体中的案件）预览（docx 得 DOCX，html 得 PDF），不登记"""
        if not _known_type(path.type_name):
            return _not_found(f"未知的文书类型「{path.type_name}」")
        case = request.get_json(silent=True) if request.content_length else None
        try:
            rendered = _service().preview_template(path.type_name, path.version, case, query.kind)
        except UnknownVersion:
            return _not_found(f"没有 {path.type_name} 的第 {path.version} 版 {query.kind} 模板")
        except CaseInvalid as exc:
            return _problems(exc.problems)
        return file_response(rendered)

    @bp.post(
        "/templates/<type_name>/<int:version>/activate",
        tags=[TEMPLATES_TAG],
        responses={200: TemplateVersionModel},
    )
    def activate_template(path: VersionPath, query: KindQuery) -> Response:
        """启用该版本：此后该类型的 DOCX（kind=docx）或 PDF（kind=html）文书使用此模板"""
        refused = auth.forbidden_unless_admin()
        if refused is not None:
            return refused
        if not _known_type(path.type_name):
            return _not_found(f"未知的文书类型「{path.type_name}」")
        service = _service()
        try:
            info = service.templates.activate(
                service.tenant_id, path.type_name, path.version, query.kind
            )
        except UnknownVersion:
            return _not_found(f"没有 {path.type_name} 的第 {path.version} 版 {query.kind} 模板")
        return jsonify(_version_json(info))

    @bp.post("/templates/<type_name>/deactivate", tags=[TEMPLATES_TAG])
    def deactivate_template(path: TypePath, query: DeactivateQuery) -> Response:
        """停用该种类（docx 或 html）的自定义模板，恢复使用内置模板"""
        refused = auth.forbidden_unless_admin()
        if refused is not None:
            return refused
        if not _known_type(path.type_name):
            return _not_found(f"未知的文书类型「{path.type_name}」")
        service = _service()
        service.templates.deactivate(service.tenant_id, path.type_name, query.kind, query.variant)
        return jsonify({"type_name": path.type_name, "kind": query.kind, "active": None})
