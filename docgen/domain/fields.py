"""Reusable field types for case models: strict text, money, phone numbers.

Every string that reaches a template passes through :func:`text`, which rejects
characters that cannot appear in a DOCX (XML 1.0) or print in a PDF, so that bad input
is a validation error on its field and never a renderer crash.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_PHONE = re.compile(r"^\+?[0-9][0-9\- ()]{4,24}[0-9]$")


class CaseModel(BaseModel):
    """Base of every case model: unknown fields are errors, text is trimmed."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        frozen=True,
        validate_default=False,
    )


def _printable(value: str) -> str:
    bad = _FORBIDDEN.search(value)
    if bad:
        raise PydanticCustomError(
            "text_control_char",
            "包含不可打印的控制字符（U+{code}），请删除后重试",
            {"code": f"{ord(bad.group()):04X}"},
        )
    return value


ShortText = Annotated[str, Field(min_length=1, max_length=50), AfterValidator(_printable)]
"""A name, a title, a number: one short line."""

Line = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(_printable)]
"""An organisation's name, a contract's name."""

Text = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_printable)]
"""An address or a sentence."""

Paragraph = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_printable)]
"""A paragraph of facts written by the user."""


def _plain_number(value: Any) -> Any:
    """Accept ``"100,000.00"`` and ``"100000元"`` as typed by people and spreadsheets."""
    if isinstance(value, str):
        cleaned = value.strip().replace(",", "").replace("，", "").replace(" ", "")
        return cleaned.removesuffix("元")
    if isinstance(value, float):
        return repr(value)
    return value


def _phone(value: str) -> str:
    if not _PHONE.match(value):
        raise PydanticCustomError(
            "phone_format",
            "电话号码格式不正确，应为手机号（如 13800138000）或带区号的固话（如 010-12345678）",
        )
    return value


Money = Annotated[
    Decimal,
    BeforeValidator(_plain_number),
    Field(gt=0, max_digits=14, decimal_places=2, allow_inf_nan=False),
]
"""A positive amount in yuan, exact to the fen, below one trillion."""

Phone = Annotated[str, Field(min_length=5, max_length=30), AfterValidator(_phone)]
