"""Schemas of the JSON answers and bodies the OpenAPI document describes, for the routes
that build their answers by hand (batches, bundles, profiles, register), so a generated
client parses them instead of handing back ``None``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from docgen.profiles.model import SenderProfile

TIMESTAMP = "时刻（ISO 8601，UTC，以 Z 结尾），如 2026-12-07T05:34:55.905772Z"
DATE_TIME: dict[str, Any] = {"format": "date-time"}


class RunAccepted(BaseModel):
    """A batch or bundle run accepted (202): poll ``status_url``, then ``download_url``."""

    id: str = Field(description="任务编号")
    status: str = Field(description="planning（批次）或 queued（起诉材料）")
    status_url: str
    download_url: str


class BatchStatus(BaseModel):
    run_id: str
    type: str = Field(description="文书类型")
    status: str = Field(description="planning、running、done 或 failed")
    source: str = Field(description="上传的表格文件名")
    formats: list[str]
    rows: int | None = None
    blank_rows: int | None = None
    rendered: int
    rejected: int
    failed: int
    pending: int
    seconds: float | None = None
    error: str | None = None
    created_at: str = Field(description=TIMESTAMP, json_schema_extra=DATE_TIME)


class StoredProfileModel(SenderProfile):
    """A sender profile as stored: its number and times besides the profile."""

    id: int = Field(description="发件人资料编号")
    created_at: str = Field(description=TIMESTAMP, json_schema_extra=DATE_TIME)
    updated_at: str = Field(description=TIMESTAMP, json_schema_extra=DATE_TIME)


class ProfileList(BaseModel):
    items: list[StoredProfileModel]
    next: str | None = Field(default=None, description="下一页的 cursor；没有下一页时为 null")


class OutputModel(BaseModel):
    format: str
    sha256: str
    size: int


class DeliveryModel(BaseModel):
    carrier: str
    tracking_number: str
    sent_on: str | None = None
    delivered_on: str | None = None
    recorded_by: str
    recorded_at: str = Field(description=TIMESTAMP, json_schema_extra=DATE_TIME)


class RecipientModel(BaseModel):
    """Whom one copy of a letter was addressed to."""

    index: int = Field(description="0 为债务人，i 为第 i 位保证人")
    role: str | None = Field(default=None, description="debtor 或 guarantor")
    name: str | None = None
    known: bool = Field(
        description="false：登记时未记录收件人且案件有多位收件人，按第一位收件人（债务人）推定"
    )


class RegisteredDocumentModel(BaseModel):
    """One issued document in the register."""

    document_id: str = Field(description="文书编号")
    verification_code: str = Field(description="校验码")
    type: str
    type_title: str | None = None
    template_id: str
    template_version: str
    input_sha256: str
    requested_by: str
    batch_id: str | None = None
    issued_at: str = Field(description=TIMESTAMP, json_schema_extra=DATE_TIME)
    letter_number: str | None = Field(
        default=None, description="函件编号（每位收件人一份，各有其号）"
    )
    sender_profile_id: int | None = Field(
        default=None,
        description="生成时引用的发函方资料 id（仅供查询；文书按登记时的内容重新生成，"
        "不再读取该资料）；未引用资料时为 null",
    )
    recipient: RecipientModel | None = Field(
        default=None, description="本份文书的收件人（函件每位收件人一份）；法院文书为 null"
    )
    outputs: list[OutputModel]
    deliveries: list[DeliveryModel]
    limitation: dict[str, Any] | None = Field(
        default=None,
        description="主债务对债务人的诉讼时效状态（against 为债务人）；deliveries_counted 为计入"
        "中断的本文书送达日期：仅致债务人的一份的送达中断对债务人的诉讼时效，note 说明理由",
    )
    guarantor_limitation: dict[str, Any] | None = Field(
        default=None,
        description="致保证人的一份：该保证人（against）的保证期间、保证责任是否保全及保证债务的"
        "诉讼时效；其他文书为 null",
    )


class RegisterPage(BaseModel):
    items: list[RegisteredDocumentModel]
    next: str | None = Field(default=None, description="下一页的 cursor；没有下一页时为 null")


class TemplateDeactivated(BaseModel):
    type_name: str
    kind: str
    active: None = None


MODELS: tuple[type[BaseModel], ...] = (
    RunAccepted,
    BatchStatus,
    StoredProfileModel,
    ProfileList,
    RegisteredDocumentModel,
    TemplateDeactivated,
)


def batch_form() -> dict[str, Any]:
    """``POST /api/v1/batches``: the multipart form the route reads by hand."""
    text = {"type": "string"}
    return {
        "type": "object",
        "required": ["file", "type"],
        "properties": {
            "file": {
                "type": "string",
                "format": "binary",
                "description": "表格文件（CSV、XLSX 或 JSONL），每行一份案件",
            },
            "type": {**text, "description": "文书类型，如 demand_letter"},
            "formats": {**text, "description": "输出格式，逗号分隔：pdf、docx 或 pdf,docx"},
            "address_page": {
                **text,
                "description": "是/否（y/n、true/false、1/0）：每份另附信封地址页；其他值为 422",
            },
            "check_only": {
                **text,
                "description": "是/否（y/n、true/false、1/0）：只校验不生成；其他值为 422",
            },
            "shared": {**text, "description": "每一行共用的信息（JSON 对象）"},
            "letter_date": {**text, "format": "date", "description": "发函日期"},
            "sender_profile_id": {**text, "description": "发件人资料编号（每一行共用的发函人）"},
            "pdf_engine": {**text, "description": "weasyprint 或 typst，默认按服务配置"},
        },
    }
