"""The served OpenAPI 3.1 document, completed where flask-openapi3 leaves gaps.

flask-openapi3 describes each route from its models; this adds what a client generator
needs to rely on the API (checked by generating a client with openapi-python-client):

- ``security`` on every operation (``[]`` for the public document itself; optional on
  ``/verify``), and operation ids named after the views (``render_demand_letter``);
- every status an operation can answer (400, 401, 403, 404, 405 with ``Allow``, 409,
  413, 415, 422, 429 and 503 with ``Retry-After``) with the problem-list schema;
- schemas for the answers and bodies built by hand (:mod:`docgen.web.openapi_models`);
- response headers (``X-Docgen-Document-Id``, ``X-Docgen-Warnings``, ...), and the
  ``Idempotency-Key`` header on the creating routes;
- ASCII class names: an enum or object whose ``title`` is Chinese gets its property's
  name as title (the Chinese label moves into the description) and Chinese enum values
  get ``x-enum-varnames``, so generated classes are ``PersonSex.FEMALE``, not ``Person性别.女``.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from flask import Flask, jsonify
from flask_openapi3 import OpenAPI
from pydantic import BaseModel

from docgen.services import MEDIA_TYPES
from docgen.web import idempotency, openapi_models

OPENAPI_URL = "/api/v1/openapi.json"
SECURED: list[dict[str, list[str]]] = [{"bearer": []}, {"apiKey": []}]
OPTIONAL: list[dict[str, list[str]]] = [{}, *SECURED]
PUBLIC_OPERATIONS = frozenset({"register.verify"})
_PROBLEMS = {"type": "array", "items": {"$ref": "#/components/schemas/ProblemModel"}}
_BINARY = {"type": "string", "format": "binary"}
_TEXT = {"schema": {"type": "string"}}
RETRY_AFTER = {"Retry-After": {"description": "几秒后重试", "schema": {"type": "integer"}}}
ERRORS: dict[str, str] = {
    "400": "请求体不是有效的 JSON、JSON 嵌套过深或 Idempotency-Key 无效",
    "401": "缺少 API 密钥，或密钥无效、已吊销",
    "403": "该角色（member）不能执行此操作",
    "404": "资源不存在，或属于其他租户",
    "405": "不支持该请求方法；Allow 响应头列出支持的方法",
    "406": "无法提供 Accept 请求头要求的格式；问题列表中列出可提供的格式",
    "409": "同一 Idempotency-Key 的请求仍在处理中，或任务尚未完成",
    "413": "请求内容过大",
    "415": "请求内容类型不受支持",
    "422": "数据有误：问题列表（字段路径 loc、错误代码 code、中文说明 message）",
    "429": "请求过于频繁（或同时进行的任务过多）；Retry-After 秒后重试",
    "503": "服务暂时不可用（数据库忙或请求超时）；Retry-After 秒后重试",
}
FILE_HEADERS: dict[str, dict[str, Any]] = {
    "Content-Disposition": {"description": "文件名（filename* 为中文名）", **_TEXT},
    "X-Docgen-Document-Id": {"description": "登记簿中的文书编号（单份文书）", **_TEXT},
    "X-Docgen-Verification-Code": {"description": "页脚印的校验码（单份文书）", **_TEXT},
    "X-Docgen-Document-Ids": {
        "description": "多名收件人时：zip 或 multipart 中每份文书的编号（逗号分隔）",
        **_TEXT,
    },
    "X-Docgen-Warnings": {
        "description": "警告（JSON 问题列表，ASCII 转义，至多 2048 字节）；超出时每项只留 "
        "loc、code、severity，并加 X-Docgen-Warnings-Truncated；完整内容见 /validate 或 "
        "zip 中的 manifest.json",
        **_TEXT,
    },
    "X-Docgen-Warnings-Count": {"description": "警告的条数", **_TEXT},
    "X-Docgen-Warnings-Truncated": {
        "description": "true：X-Docgen-Warnings 已缩短（说明文字略去或只列前几项）",
        **_TEXT,
    },
    "X-Docgen-Draft": {"description": "true：草稿，未登记、无文书编号", **_TEXT},
    "X-Docgen-Pages": {"description": "起诉材料：总页数", **_TEXT},
}
REPLAYED = {
    "Idempotent-Replayed": {
        "description": "true：这是同一 Idempotency-Key 的第一次请求的答复",
        **_TEXT,
    }
}
IDEMPOTENCY_PARAMETER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "幂等键：同一租户、同一键的请求只执行一次，24 小时内重试得到第一次的答复",
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
}
ENUM_VARNAMES = {
    "男": "MALE",
    "女": "FEMALE",
    "居民身份证": "RESIDENT_ID_CARD",
    "港澳台居民居住证": "HK_MACAO_TAIWAN_RESIDENCE_PERMIT",
    "护照": "PASSPORT",
    "其他": "OTHER",
}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def _ref(model: type[BaseModel]) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _answer(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": _json(schema)}


def _binary(description: str, *media: str) -> dict[str, Any]:
    return {"description": description, "content": {m: {"schema": _BINARY} for m in media}}


M = openapi_models
# answers of the routes that build them by hand: endpoint -> {status: response}
ANSWERS: dict[str, dict[str, dict[str, Any]]] = {
    "batches.create_batch": {
        "202": _answer("已受理：批次编号与查询、下载地址", _ref(M.RunAccepted))
    },
    "batches.get_batch": {"200": _answer("批次的进度与计数", _ref(M.BatchStatus))},
    "batches.download_batch": {"200": _binary("批次的全部输出", "application/zip")},
    "bundles.create_bundle": {"202": _answer("async=1：已受理", _ref(M.RunAccepted))},
    "register.get_document": {"200": _answer("登记的文书", _ref(M.RegisteredDocumentModel))},
    "register.add_delivery": {"201": _answer("已登记送达", _ref(M.RegisteredDocumentModel))},
    "sender_profiles.list_profiles": {"200": _answer("发件人资料", _ref(M.ProfileList))},
    "sender_profiles.create_profile": {"201": _answer("新建的资料", _ref(M.StoredProfileModel))},
    "sender_profiles.get_profile": {"200": _answer("发件人资料", _ref(M.StoredProfileModel))},
    "sender_profiles.update_profile": {"200": _answer("修改后的资料", _ref(M.StoredProfileModel))},
    "sender_profiles.delete_profile": {"204": {"description": "已删除"}},
    "sender_profiles.profile_schema": {"200": _answer("JSON Schema", {"type": "object"})},
    "api.preview_template": {
        "200": _binary("预览（PDF 或 DOCX），不登记", MEDIA_TYPES["pdf"], MEDIA_TYPES["docx"])
    },
    "api.deactivate_template": {"200": _answer("已停用", _ref(M.TemplateDeactivated))},
}
_PROFILE_BODY = {"required": True, "content": _json({"$ref": "#/components/schemas/SenderProfile"})}
BODIES: dict[str, dict[str, Any]] = {
    "batches.create_batch": {
        "required": True,
        "content": {"multipart/form-data": {"schema": openapi_models.batch_form()}},
    },
    "sender_profiles.create_profile": _PROFILE_BODY,
    "sender_profiles.update_profile": _PROFILE_BODY,
    "api.preview_template": {
        "required": False,
        "content": _json({"type": "object", "description": "案件数据；省略时用示例案件"}),
    },
}


def _endpoints(app: Flask) -> dict[tuple[str, str], str]:
    """(OpenAPI path, method) -> the Flask endpoint serving it."""
    found = {}
    for rule in app.url_map.iter_rules():
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        for method in rule.methods or ():
            found[(path, method.lower())] = rule.endpoint
    return found


def _statuses(endpoint: str, method: str, op: dict[str, Any], path: str) -> list[str]:
    codes = ["401", "405", "422", "429", "503"]  # a key sent to /verify is checked too
    if endpoint not in PUBLIC_OPERATIONS:
        codes.append("403")
    if "{" in path:
        codes.append("404")
    if method in ("post", "put"):
        codes += ["400", "413"]
        if "requestBody" in op:
            codes.append("415")
    if idempotency.creates(endpoint) or endpoint.endswith("download_batch"):
        codes.append("409")
    if endpoint.startswith("api.render_"):
        codes.append("406")
    return codes


def _error(code: str) -> dict[str, Any]:
    answer = _answer(ERRORS[code], _PROBLEMS)
    if code in ("429", "503"):
        answer["headers"] = copy.deepcopy(RETRY_AFTER)
    if code == "405":
        answer["headers"] = {"Allow": {"description": "支持的请求方法", **_TEXT}}
    return answer


def _optional_parameters(op: dict[str, Any]) -> None:
    """An optional query parameter is described by its type, not "type or null" (a query
    has no null: it is left out), so generators give ``Format``, not ``FormatType0``."""
    for parameter in op.get("parameters", []):
        schema = parameter.get("schema", {})
        kinds = schema.get("anyOf", [])
        plain = [k for k in kinds if k.get("type") != "null"]
        if parameter.get("in") == "query" and len(kinds) == 2 and len(plain) == 1:
            del schema["anyOf"]
            schema.pop("default", None)
            schema.update(plain[0])


def _complete_operation(endpoint: str, method: str, op: dict[str, Any], path: str) -> None:
    op["operationId"] = endpoint.rpartition(".")[2]
    _optional_parameters(op)
    op["security"] = OPTIONAL if endpoint in PUBLIC_OPERATIONS else SECURED
    if endpoint in BODIES:
        op["requestBody"] = BODIES[endpoint]
    responses = op.setdefault("responses", {})
    responses.update(copy.deepcopy(ANSWERS.get(endpoint, {})))
    for code in _statuses(endpoint, method, op, path):
        if "content" not in responses.get(code, {}) or code == "422":
            responses[code] = _error(code)
    for code, answer in responses.items():
        media = answer.get("content", {})
        if code.startswith("2") and any(not m.endswith("json") for m in media):
            answer["headers"] = copy.deepcopy(FILE_HEADERS)
    if idempotency.creates(endpoint):
        op.setdefault("parameters", []).append(dict(IDEMPOTENCY_PARAMETER))
        for code, answer in responses.items():
            if code.startswith("2"):
                answer.setdefault("headers", {}).update(copy.deepcopy(REPLAYED))


def _add_models(spec: dict[str, Any]) -> None:
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    for model in openapi_models.MODELS:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema


def _own_document(spec: dict[str, Any]) -> None:
    spec["paths"][OPENAPI_URL] = {
        "get": {
            "operationId": "openapi_document",
            "summary": "本 OpenAPI 文档（无需密钥）",
            "tags": ["openapi"],
            "security": [],
            "responses": {
                "200": _answer("OpenAPI 3.1 文档", {"type": "object"}),
                **{code: _error(code) for code in ("405", "429", "503")},
            },
        }
    }


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\-\s]+", name) if part)


def _ascii_names(node: Any, key: str = "") -> None:
    """Give enums and objects ASCII titles and enum values ASCII names (see above)."""
    if isinstance(node, list):
        for item in node:
            _ascii_names(item, key)
        return
    if not isinstance(node, dict):
        return
    title = node.get("title")
    names_a_class = any(k in node for k in ("enum", "properties", "const")) or (
        node.get("type") == "object"
    )
    if isinstance(title, str) and not title.isascii() and names_a_class and key.isascii():
        node["title"] = _pascal(key) or "Value"
        described = node.get("description")
        node["description"] = f"{title}：{described}" if described else title
    values = node.get("enum")
    if isinstance(values, list) and any(isinstance(v, str) and not v.isascii() for v in values):
        node["x-enum-varnames"] = [
            ENUM_VARNAMES.get(v, f"VALUE_{i}") if isinstance(v, str) and not v.isascii() else v
            for i, v in enumerate(values)
        ]
    for child_key, child in node.items():
        if child_key == "properties" and isinstance(child, dict):
            for name, prop in child.items():
                _ascii_names(prop, name)
        elif child_key in ("anyOf", "oneOf", "allOf", "items"):
            _ascii_names(child, key)
        elif isinstance(child, dict | list) and child_key not in ("enum", "x-enum-varnames"):
            _ascii_names(child, child_key if child_key.isascii() else key)


def complete(spec: dict[str, Any], app: Flask) -> dict[str, Any]:
    """A completed copy of flask-openapi3's ``spec`` for ``app``."""
    spec = copy.deepcopy(spec)
    _add_models(spec)
    endpoints = _endpoints(app)
    for path, item in spec["paths"].items():
        for method, op in item.items():
            endpoint = endpoints.get((path, method))
            if endpoint is not None:
                _complete_operation(endpoint, method, op, path)
    _own_document(spec)
    _ascii_names(spec["components"]["schemas"])
    for item in spec["paths"].values():
        _ascii_names(item)
    return spec


def init_app(app: OpenAPI) -> None:
    """Serve the completed document (built once, on first request)."""

    def document() -> Any:
        built = app.extensions.get("docgen_openapi")
        if built is None:
            built = complete(app.api_doc, app)
            app.extensions["docgen_openapi"] = built
        return jsonify(built)

    app.add_url_rule(OPENAPI_URL, "openapi_json", document)
