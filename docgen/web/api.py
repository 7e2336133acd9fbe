"""The JSON API under ``/api/v1``; its OpenAPI document is generated from the models.

Each document type gets its own render and validate routes, so the OpenAPI document
shows each request body's schema. Bad input always gets a problem list, never a 500.
"""

from __future__ import annotations

from typing import Any, Literal

from flask import Response, jsonify, request
from flask_openapi3 import APIBlueprint, OpenAPI, Tag
from pydantic import BaseModel, Field, ValidationError, field_validator

from docgen import calculations, drafts
from docgen.calculations import Calculation
from docgen.documents import registry
from docgen.documents.base import DocumentType
from docgen.documents.problems import CaseInvalid, Problem
from docgen.pipeline.results import Report
from docgen.services import FORMATS, MEDIA_TYPES, DocumentService, Format
from docgen.web import api_requests, auth, negotiation, paging, templates_api
from docgen.web.auth import requester
from docgen.web.errors import failed_in
from docgen.web.files import file_response

DOCS_TAG = Tag(name="documents", description="生成与校验文书")
TYPES_TAG = Tag(name="document-types", description="文书类型与数据结构")
CALC_TAG = Tag(name="calculations", description="利息、期限、时效、诉讼费等计算")


class ProblemModel(BaseModel):
    """One validation problem."""

    loc: list[str | int] = Field(description='出错字段的路径，如 ["amounts", "total"]')
    code: str = Field(description="机器可读的错误代码")
    message: str = Field(description="中文说明")
    hint: str | None = Field(default=None, description="如何修正")
    severity: Literal["error", "warning"] = "error"


class RenderQuery(paging.QueryModel):
    format: Literal["pdf", "docx"] | None = Field(
        default=None, description="输出格式；省略时按 Accept 请求头，默认 pdf"
    )
    formats: str | None = Field(
        default=None,
        max_length=20,
        pattern=r"^(pdf|docx)(,(pdf|docx))*$",
        description="pdf,docx：同一文书的 PDF 与 DOCX 一次生成（同一文书编号，只登记一次），"
        "以 zip（含 manifest.json）返回；给出时不看 format",
    )
    draft: bool = Field(
        default=False,
        description="1：草稿——每页印「草稿」，不登记、无文书编号与校验码、不占用律师函编号",
    )

    @field_validator("format", "formats", mode="before")
    @classmethod
    def _lower_case(cls, value: Any) -> Any:
        """``PDF`` means pdf: the format's name is read whatever its case."""
        return value.strip().lower() if isinstance(value, str) else value


class ValidationReport(BaseModel):
    valid: bool
    errors: list[ProblemModel]
    warnings: list[ProblemModel]
    computed: dict[str, Any] = Field(description="计算所得的数据，如付款截止日期")


class DocumentTypeInfo(BaseModel):
    name: str
    title: str
    description: str
    formats: list[str]
    json_schema: dict[str, Any] = Field(alias="schema")
    sample: dict[str, Any] | None = Field(description="一份可通过校验的示例案件数据")


class DocumentTypeList(BaseModel):
    items: list[DocumentTypeInfo]
    next: str | None = Field(default=None, description="下一页的 cursor；没有下一页时为 null")


class TypePath(BaseModel):
    name: str = Field(description="文书类型，如 demand_letter")


def _service() -> DocumentService:
    return auth.service()  # acting for the caller's tenant


def _problems_response(problems: list[Problem], status: int = 422) -> Response:
    response = jsonify([p.as_dict() for p in problems])
    response.status_code = status
    return response


def _type_info(doc_type: DocumentType[Any]) -> dict[str, Any]:
    return {
        "name": doc_type.name,
        "title": doc_type.title,
        "description": doc_type.description,
        "formats": list(FORMATS),
        "schema": doc_type.json_schema(),
        "sample": _service().sample(doc_type.name),
    }


def _draft_marked(response: Response, draft: bool) -> Response:
    if draft:
        response.headers["X-Docgen-Draft"] = "true"
    return response


def _require_json() -> Response | None:
    """The body's and the render routes' query checks (``api_requests``)."""
    found = api_requests.body_problem()
    if found is None and (request.endpoint or "").rpartition(".")[2].startswith("render_"):
        found = api_requests.query_problem(tuple(RenderQuery.model_fields))
    return found


def _rendered(doc_type: DocumentType[Any], query: RenderQuery, body: BaseModel) -> Any:
    """The files asked for (CaseInvalid), or None when ``Accept`` allows none."""
    if query.formats:
        formats: list[Format] = list(dict.fromkeys(query.formats.split(",")))  # type: ignore[arg-type]
        if query.draft:
            return [
                f for fmt in formats for f in drafts.render(_service(), doc_type.name, body, fmt)
            ]
        made = _service().render_formats(doc_type.name, body, formats, requested_by=requester())
        return [item for files in made for item in files]
    fmt = negotiation.chosen_format(query.format)
    if fmt is None:
        return None
    if query.draft:
        return drafts.render(_service(), doc_type.name, body, fmt)
    return _service().render_each(doc_type.name, body, fmt, requested_by=requester())


def _render_view(doc_type: DocumentType[Any]) -> Any:
    def render(query: RenderQuery, body: BaseModel) -> Response:
        try:
            rendered = _rendered(doc_type, query, body)
        except CaseInvalid as exc:
            return _problems_response(exc.problems)
        if rendered is None:
            return negotiation.not_acceptable()
        if len(rendered) == 1:
            return _draft_marked(file_response(rendered[0]), query.draft)
        if negotiation.wants_multipart():
            response = negotiation.multipart(rendered)
            response.headers["Cache-Control"] = "no-store"
        else:
            response = file_response(negotiation.zip_with_manifest(rendered))
        ids = list(dict.fromkeys(r.document_id for r in rendered if r.document_id))
        if ids:
            response.headers["X-Docgen-Document-Ids"] = ",".join(ids)
        return _draft_marked(response, query.draft)

    render.__annotations__ = {"query": RenderQuery, "body": doc_type.model, "return": Response}
    render.__name__ = f"render_{doc_type.name}"
    render.__doc__ = f"生成{doc_type.title}（PDF 或 DOCX）\n\n{doc_type.description}"
    return render


def _report_response(report: Report) -> Response:
    return jsonify(
        {
            "valid": report.ok,
            "errors": [p.as_dict() for p in report.problems if p.severity == "error"],
            "warnings": [p.as_dict() for p in report.problems if p.severity == "warning"],
            "computed": report.computed,
        }
    )


def invalid_body_response(error: ValidationError) -> Response | None:
    """A case body that fails its schema, answered with everything wrong with it.

    The schema's errors come with what the rules find in the values that did parse (as
    ``docgen validate`` and the form report them), so one answer shows all there is to
    fix: the validate route's report, or the render route's 422 problem list. None for
    any other route or for a query string's errors."""
    view, _, type_name = (request.endpoint or "").rpartition(".")[2].partition("_")
    if view not in ("render", "validate"):
        return None
    try:
        doc_type = registry.get(type_name)
    except registry.UnknownDocumentType:
        return None
    if not failed_in(error, doc_type.model):
        return None
    report = _service().validate(type_name, request.get_json(silent=True))
    if report.ok:  # the rules cannot see what the schema refused: its answer stands
        return None
    if view == "validate":
        return _report_response(report)
    return _problems_response(report.problems)


def _validate_view(doc_type: DocumentType[Any]) -> Any:
    def validate(body: BaseModel) -> Response:
        return _report_response(_service().validate(doc_type.name, body))

    validate.__annotations__ = {"body": doc_type.model, "return": Response}
    validate.__name__ = f"validate_{doc_type.name}"
    validate.__doc__ = f"校验{doc_type.title}的数据，不生成文件"
    return validate


def _calculation_view(calc: Calculation) -> Any:
    def calculate(body: BaseModel) -> Response:
        try:
            result = calculations.run(calc.name, body.model_dump())
        except CaseInvalid as exc:
            return _problems_response(exc.problems)
        return jsonify(result.model_dump(mode="json"))

    calculate.__annotations__ = {"body": calc.input_model, "return": Response}
    calculate.__name__ = "calculate_" + calc.name.replace("-", "_")
    calculate.__doc__ = f"计算{calc.title}，返回结果及计算过程"
    return calculate


def _file_responses() -> Any:
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {
        200: {
            "description": "生成的文书；警告（如有）在响应头 X-Docgen-Warnings 中"
            "（过长时缩短，完整内容见 /validate 或 zip 的 manifest.json）",
            "content": {
                **{media: binary for media in MEDIA_TYPES.values()},
                negotiation.MULTIPART: binary,
            },
        },
        400: {"description": "请求体不是有效的 JSON"},
        413: {"description": "请求内容过大"},
        415: {"description": "请求内容类型不是 application/json"},
    }


def build_blueprint() -> APIBlueprint:
    bp = APIBlueprint("api", __name__, url_prefix="/api/v1")
    bp.before_request(_require_json)

    @bp.get("/document-types", tags=[TYPES_TAG], responses={200: DocumentTypeList})
    def list_types(query: paging.PageQuery) -> Response:
        """列出全部文书类型：中文名称、说明、JSON Schema 与示例案件（分页）"""
        order = {t.name: i for i, t in enumerate(registry.all_types())}
        chosen, following = paging.page(registry.all_types(), lambda t: [order[t.name]], query)
        return paging.answer([_type_info(t) for t in chosen], following)

    @bp.get("/document-types/<name>", tags=[TYPES_TAG], responses={200: DocumentTypeInfo})
    def get_type(path: TypePath) -> Response:
        """一种文书类型的说明与 JSON Schema"""
        unknown = api_requests.unknown_type_named(path.name)
        return unknown or jsonify(_type_info(registry.get(path.name)))

    for doc_type in registry.all_types():
        bp.post(
            f"/documents/{doc_type.name}",
            tags=[DOCS_TAG],
            summary=f"生成{doc_type.title}",
            responses=_file_responses(),
        )(_render_view(doc_type))
        bp.post(
            f"/documents/{doc_type.name}/validate",
            tags=[DOCS_TAG],
            summary=f"校验{doc_type.title}",
            responses={200: ValidationReport},
        )(_validate_view(doc_type))
    for calc in calculations.CALCULATIONS.values():
        bp.post(
            f"/calculations/{calc.name}",
            tags=[CALC_TAG],
            summary=f"计算{calc.title}",
            responses={200: calc.output_model},
        )(_calculation_view(calc))
    templates_api.register_routes(bp)
    return bp


def init_app(app: OpenAPI) -> None:
    from docgen.web import openapi

    app.register_api(build_blueprint())
    openapi.init_app(app)
