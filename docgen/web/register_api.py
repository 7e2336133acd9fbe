"""Register endpoints: verify a document, look one up, record its delivery.

``POST /api/v1/verify`` is the one route open to callers without a key: it says whether
docgen issued a file (uploaded, or given by its SHA-256 or printed code), when, its type
and template version, and nothing about the case. A caller with a key of the document's
own tenant also gets who asked for it, its batch and its delivery records; anyone else
(no key, or another tenant's) only the public answer. The register's other routes find
only the caller's tenant's documents: another tenant's id is a 404, as an unknown one.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from flask import Response, abort, jsonify, request
from flask_openapi3 import APIBlueprint, FileStorage, Tag
from pydantic import BaseModel, Field

from docgen.db.times import utc_text
from docgen.documents import registry
from docgen.documents.problems import CaseInvalid, Problem
from docgen.pipeline.results import public
from docgen.register.deliveries import DeliveryInput, DeliveryLog, normalize_tracking_number
from docgen.register.interruptions import LimitationReport, limitation_for
from docgen.register.lookup import RegisterFilter, letter_number_of, search
from docgen.register.models import Delivery, RegisteredDocument
from docgen.register.recipients import addressee_of
from docgen.register.sender import profile_id_of
from docgen.register.store import Register, Verification
from docgen.services import DocumentService
from docgen.web import paging
from docgen.web.auth import principal, requester, tenant_id
from docgen.web.extension import app_service
from docgen.web.openapi_models import DATE_TIME, TIMESTAMP, RegisterPage
from docgen.web.paging import PageQuery

REGISTER_TAG = Tag(name="register", description="文书登记、真伪核验与送达记录")
_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


class VerifyForm(BaseModel):
    """Exactly one of: the file, its SHA-256, or the code printed in its footer."""

    file: FileStorage | None = Field(default=None, description="待核验的文书文件（PDF 或 DOCX）")
    sha256: str | None = Field(
        default=None, max_length=64, description="文件的 SHA-256（十六进制）"
    )
    code: str | None = Field(
        default=None, max_length=32, description="页脚印的校验码，如 7K3M-Q9TX-4HWDP"
    )


class VerifyAnswer(BaseModel):
    issued: bool = Field(description="是否为 docgen 出具的文书")
    document_id: str | None = None
    issued_at: str | None = Field(default=None, description=TIMESTAMP, json_schema_extra=DATE_TIME)
    type: str | None = None
    type_title: str | None = None
    template_id: str | None = None
    template_version: str | None = Field(default=None, description="模板文件的 SHA-256")
    format: str | None = None
    matched_by: str | None = Field(default=None, description="sha256 或 code")
    details: dict[str, Any] | None = Field(
        default=None, description="仅对持有 API 密钥的调用方提供"
    )


class DocumentPath(BaseModel):
    document_id: str = Field(max_length=32, description="文书编号")


class DeliveryBody(BaseModel):
    """An EMS delivery of a registered document."""

    tracking_number: str = Field(min_length=1, max_length=40, description="EMS 邮件号")
    sent_on: date | None = Field(default=None, description="寄出日期")
    delivered_on: date | None = Field(default=None, description="妥投（签收）日期")


class RegisterQuery(PageQuery):
    """Filters of the register list; a debtor is found by exact name or ID number only."""

    type: str | None = Field(default=None, max_length=64, description="文书类型，如 lawyer_letter")
    issued_from: date | None = Field(default=None, description="出具日期起（含，UTC）")
    issued_to: date | None = Field(default=None, description="出具日期止（含，UTC）")
    batch_id: str | None = Field(default=None, max_length=64, description="批次编号")
    debtor_name: str | None = Field(
        default=None, max_length=200, description="债务人姓名或名称（完全一致，不做模糊匹配）"
    )
    debtor_id_number: str | None = Field(
        default=None,
        max_length=50,
        description="债务人证件号码或统一社会信用代码（完全一致；按哈希比对）",
    )


def _service() -> DocumentService:
    return app_service()


def _register() -> Register:
    register = _service().register
    if register is None:
        abort(404)
    return register


def _problems(problems: list[Problem], status: int = 422) -> Response:
    response = jsonify([p.as_dict() for p in problems])
    response.status_code = status
    return response


def _type_title(type_name: str | None) -> str | None:
    try:
        return registry.get(type_name or "").title
    except registry.UnknownDocumentType:
        return None


def _delivery_dict(delivery: Delivery) -> dict[str, Any]:
    return {
        "carrier": delivery.carrier,
        "tracking_number": delivery.tracking_number,
        "sent_on": delivery.sent_on.isoformat() if delivery.sent_on else None,
        "delivered_on": delivery.delivered_on.isoformat() if delivery.delivered_on else None,
        "recorded_by": delivery.recorded_by,
        "recorded_at": utc_text(delivery.recorded_at),
    }


def _recipient(document: RegisteredDocument) -> dict[str, Any] | None:
    who = addressee_of(document.type_name, document.input_data)
    return who.as_dict() if who is not None else None


def _limitation(report: LimitationReport | None) -> dict[str, Any] | None:
    """The principal debt's limitation status, against whom, and which deliveries of
    this document it counts."""
    if report is None:
        return None
    return {
        **public(report.result),
        "against": report.against,
        "deliveries_counted": public(report.counted),
        "note": report.note,
    }


def _document_dict(document: RegisteredDocument) -> dict[str, Any]:
    report = limitation_for(document, datetime.now(UTC).date())
    guarantor = report.guarantor if report is not None else None
    return {
        "document_id": document.id,
        "verification_code": document.code,
        "type": document.type_name,
        "type_title": _type_title(document.type_name),
        "template_id": document.template_id,
        "template_version": document.template_hash,
        "input_sha256": document.input_hash,
        "requested_by": document.requested_by,
        "batch_id": document.batch_id,
        "issued_at": utc_text(document.created_at),
        "letter_number": letter_number_of(document.input_data),
        "sender_profile_id": profile_id_of(document.input_data),
        "recipient": _recipient(document),
        "outputs": [
            {"format": o.format, "sha256": o.sha256, "size": o.size} for o in document.outputs
        ],
        "deliveries": [_delivery_dict(d) for d in document.deliveries],
        "limitation": _limitation(report),
        "guarantor_limitation": public(guarantor) if guarantor is not None else None,
    }


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _position(position: list[Any]) -> tuple[datetime, str]:
    """(issued at, id) of a register cursor, or CaseInvalid on ``cursor``."""
    try:
        created, last_id = position
        return datetime.fromisoformat(created), str(last_id)
    except (TypeError, ValueError):
        raise CaseInvalid(
            [
                Problem(
                    ("query", "cursor"), "cursor_invalid", "cursor 无效：请使用上一页答复中的 next"
                )
            ]
        ) from None


def _verify_answer(found: Verification) -> dict[str, Any]:
    answer = found.as_public_dict()
    answer["type_title"] = _type_title(found.type_name)
    answer["details"] = None
    who = principal()
    if found.issued and who is not None and found.document_id:
        # details only for the document's own tenant: never another's batch id
        document = _register().get(found.document_id, who.tenant_id)
        if document is not None:
            answer["details"] = {
                "requested_by": document.requested_by,
                "batch_id": document.batch_id,
                "input_sha256": document.input_hash,
                "recipient": _recipient(document),
                "deliveries": [_delivery_dict(d) for d in document.deliveries],
            }
    return answer


def _verified(form: VerifyForm) -> Response:
    """The answer of ``POST /verify``: exactly one of a file, a SHA-256 or a code."""
    given = [v for v in (form.file, form.sha256, form.code) if v not in (None, "")]
    if len(given) != 1:
        return _problems(
            [
                Problem(
                    (),
                    "verify_one_of",
                    "请只提供以下一项：文件 file、哈希 sha256 或校验码 code",
                )
            ]
        )
    register = _register()
    if form.file is not None:
        upload = request.files.get("file")
        if upload is None:
            return _problems([Problem(("file",), "file_missing", "file 应为上传的文件")])
        found = register.verify(content=upload.read())
    elif form.sha256:
        if not _SHA256.match(form.sha256):
            return _problems(
                [Problem(("sha256",), "sha256_invalid", "SHA-256 应为64位十六进制字符")]
            )
        found = register.verify(sha256=form.sha256)
    else:
        found = register.verify(code=form.code or "")
    return jsonify(_verify_answer(found))


def _page(query: RegisterQuery) -> Response:
    """One page of the tenant's register, newest first, after the query's cursor."""
    after = None
    if query.cursor:
        created, last_id = _position(paging.decode(query.cursor))
        after = (created, last_id)
    where = RegisterFilter(
        tenant_id(),
        query.type,
        query.issued_from,
        query.issued_to,
        query.batch_id,
        query.debtor_name,
        query.debtor_id_number,
    )
    rows = search(_register().engine, where, query.limit + 1, after)
    chosen = rows[: query.limit]
    following = None
    if len(rows) > query.limit:
        last = chosen[-1]
        following = paging.encode([_aware(last.created_at).isoformat(), last.id])
    return paging.answer([_document_dict(d) for d in chosen], following)


def build_blueprint() -> APIBlueprint:
    bp = APIBlueprint("register", __name__, url_prefix="/api/v1")

    @bp.post("/verify", tags=[REGISTER_TAG], responses={200: VerifyAnswer})
    def verify(form: VerifyForm) -> Response:
        """核验一份文书是否由 docgen 出具（上传文件，或提供 SHA-256 或校验码）"""
        return _verified(form)

    @bp.get("/register", tags=[REGISTER_TAG], responses={200: RegisterPage})
    def list_documents(query: RegisterQuery) -> Response:
        """本租户出具的文书（最新的在前，分页），可按类型、日期、批次、债务人筛选"""
        return _page(query)

    @bp.get("/register/<document_id>", tags=[REGISTER_TAG], responses={200: None})
    def get_document(path: DocumentPath) -> Response:
        """登记簿中的一份文书：模板版本、输出哈希、送达记录与诉讼时效状态"""
        document = _register().get(path.document_id, tenant_id())
        if document is None:
            abort(404)
        return jsonify(_document_dict(document))

    @bp.post("/register/<document_id>/deliveries", tags=[REGISTER_TAG], responses={201: None})
    def add_delivery(path: DocumentPath, body: DeliveryBody) -> Response:
        """为一份文书登记 EMS 邮件号和妥投日期（妥投的催款函中断诉讼时效）"""
        register = _register()
        tenant = tenant_id()
        if register.get(path.document_id, tenant) is None:
            abort(404)
        item = DeliveryInput(
            path.document_id,
            normalize_tracking_number(body.tracking_number),
            body.sent_on,
            body.delivered_on,
        )
        try:
            DeliveryLog(register, tenant).record(item, requester())
        except CaseInvalid as exc:
            return _problems(exc.problems)
        document = register.get(path.document_id, tenant)
        if document is None:
            abort(404)
        response = jsonify(_document_dict(document))
        response.status_code = 201
        return response

    return bp


BODY_MODELS: tuple[type[BaseModel], ...] = (DeliveryBody, VerifyForm)
