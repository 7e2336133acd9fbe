"""What the document routes check of a request before its body is read as a case.

The body must be a JSON object within the size limit (a chunked body too: 413, never
"invalid JSON"); the query string may name only the route's parameters, and ``format``
and ``formats`` exclusively. A document type that does not exist is a 404 that names
the types that do.
"""

from __future__ import annotations

import re

from flask import Response, jsonify, request
from werkzeug.exceptions import RequestEntityTooLarge

from docgen.documents import registry
from docgen.documents.problems import Problem

NOT_AN_OBJECT = Problem((), "model_type", "应为对象（JSON 对象）")
_DOCUMENT_PATH = re.compile(r"^/api/v1/documents/([^/]+)(?:/validate)?/?$")


def problems(found: list[Problem], status: int = 422) -> Response:
    response = jsonify([p.as_dict() for p in found])
    response.status_code = status
    return response


def _is_validate() -> bool:
    return (request.endpoint or "").rpartition(".")[2].startswith("validate_")


def body_problem() -> Response | None:
    """415 for a body that is not JSON, 413 for one over the limit (however sent), 400
    for JSON that does not parse, 422 for ``null`` (as for any JSON that is no object)."""
    if request.method != "POST" or request.mimetype == "multipart/form-data":
        return None  # uploads are validated by their route's form model
    if not request.content_length and not request.mimetype:
        return None  # an action without a body (activate, preview of the sample)
    if not request.is_json:
        return problems(
            [Problem((), "unsupported_media_type", "请求内容类型应为 application/json")], 415
        )
    data = request.get_data(cache=True)
    _refuse_cut_short(data)
    if request.get_json(silent=True) is not None:
        return None
    if data.strip() != b"null":
        return problems([Problem((), "json_invalid", "请求体不是有效的 JSON")], 400)
    if _is_validate():
        report = {"valid": False, "errors": [NOT_AN_OBJECT.as_dict()], "warnings": []}
        return jsonify({**report, "computed": {}})
    return problems([NOT_AN_OBJECT])


def _refuse_cut_short(data: bytes) -> None:
    """413 for a body without a length (chunked) that goes on past the limit: the stream
    stops reading at the limit without a word, which would leave truncated JSON."""
    limit = request.max_content_length
    unbounded = request.content_length is None and limit is not None
    if unbounded and len(data) >= (limit or 0) and request.environ["wsgi.input"].read(1):
        raise RequestEntityTooLarge()


def query_problem(allowed: tuple[str, ...]) -> Response | None:
    """422 for a query parameter the render route does not know, for ``format`` given
    with ``formats``, and for two formats in ``format`` (pointing to ``formats``)."""
    unknown = [name for name in request.args if name not in allowed]
    if unknown:
        known = "、".join(allowed)
        message = "未知的查询参数「{}」；可用参数：" + known
        return problems(
            [Problem(("query", name), "extra_forbidden", message.format(name)) for name in unknown]
        )
    asked = request.args.get("format")
    if asked is not None and "formats" in request.args:
        return problems([Problem(("query",), "format_conflict", "format 与 formats 只能用一个")])
    if asked is not None and "," in asked:
        return problems(
            [
                Problem(
                    ("query", "format"),
                    "literal_error",
                    "应为以下之一：pdf、docx",
                    hint=f"一次生成多种格式请用 formats={asked}（同一文书编号，以 zip 返回）",
                )
            ]
        )
    return None


def unknown_type(path: str) -> Response | None:
    """404 naming the known types, for a document route of a type that does not exist."""
    match = _DOCUMENT_PATH.match(path)
    if match is None:
        return None
    return unknown_type_named(match.group(1))


def unknown_type_named(name: str) -> Response | None:
    try:
        registry.get(name)
    except registry.UnknownDocumentType:
        known = "、".join(t.name for t in registry.all_types())
        message = f"未知的文书类型「{name}」；可用类型：{known}"
        return problems([Problem((), "unknown_document_type", message)], 404)
    return None
