"""Reusable field types for case models: strict text, money, phone numbers.

Every string that reaches a template passes through :func:`text`, which rejects
characters that cannot appear in a DOCX (XML 1.0) or print in a PDF, so that bad input
is a validation error on its field and never a renderer crash.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
)
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from docgen.domain.links import active_scheme
from docgen.domain.written import WrittenValueError, parse_amount, parse_date

_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_D = r"(?:[ \-]?\d)"  # a digit, after an optional separator (138 0013 8000, 010-6228-8888)
_AREA = r"(?:0\d{2,3}|\(0\d{2,3}\)|（0\d{2,3}）)"
_PHONE = re.compile(
    r"(?:(?:\+86|0086)[ \-]?)?"  # the country code, before a mobile or an area code
    rf"(?:1[3-9]{_D}{{9}}"  # a mainland mobile: 11 digits, 13x–19x
    rf"|(?:{_AREA}|(?<=86)(?:[ \-]?[1-9]\d{{1,2}}))[ \-]?\d{_D}{{6,7}}"  # 区号 + 7–8 digits
    r"(?:(?:[ \-]|转|-转)\d{1,6})?"  # an extension
    rf"|[48]00{_D}{{7}})",  # 400 / 800 service numbers
    re.ASCII,  # \d: 0–9 only, as before (no full-width or other scripts' digits)
)


def written_error(exc: WrittenValueError) -> PydanticCustomError:
    """The error of a value written in no accepted form, with its hint (see problems.py)."""
    return PydanticCustomError(exc.code, exc.message, {"hint": exc.hint})


def _written_date(value: Any) -> Any:
    try:
        return parse_date(value)
    except WrittenValueError as exc:
        raise written_error(exc) from None


def _with_written_dates(schema: Any) -> Any:
    """The core schema with each ``date`` schema behind :func:`_written_date`."""
    if isinstance(schema, list):
        return [_with_written_dates(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if schema.get("type") == "date":
        return core_schema.no_info_before_validator_function(_written_date, schema)
    if schema.get("type") == "function-before" and (
        schema.get("function", {}).get("function") is _written_date
    ):
        return schema
    return {key: _with_written_dates(value) for key, value in schema.items()}


class CaseModel(BaseModel):
    """Base of every case model: unknown fields are errors, text is trimmed."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        frozen=True,
        validate_default=False,
    )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[BaseModel], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        """Every date field takes 2026/3/5, 2026.3.5 and 2026年3月5日 too, and refuses a
        year outside 1900–2100 (``2026/3/5`` must never become the year 635).

        The date schemas of the model are wrapped here, once, so that no model has to
        declare a date type of its own.
        """
        schema: CoreSchema = _with_written_dates(handler(source))
        return schema


def _printable(value: str) -> str:
    _no_active_link(value)
    if value.isprintable():  # every forbidden character is unprintable: most text passes here
        return value
    bad = _FORBIDDEN.search(value)
    if bad:
        raise PydanticCustomError(
            "text_control_char",
            "包含不可打印的控制字符（U+{code}），请删除后重试",
            {"code": f"{ord(bad.group()):04X}"},
        )
    return value


LINK_HINT = "请填写这一项的文字内容；网址只接受 http://、https:// 开头，邮箱可写 mailto:"


def _no_active_link(value: str) -> None:
    """Refuse text that is a ``javascript:``/``vbscript:``/``data:``/``file:`` address
    (docgen.domain.links): clicked in a viewer or a mail, it runs or opens something."""
    scheme = active_scheme(value)
    if scheme is not None:
        raise PydanticCustomError(
            "link_address",
            "内容是「{scheme}:」链接地址，不是这一项的内容；这类地址被点击时会执行代码或"
            "打开文件，不会写入文书",
            {"scheme": scheme, "hint": LINK_HINT},
        )


ShortText = Annotated[str, Field(min_length=1, max_length=50), AfterValidator(_printable)]
"""A name, a title, a number: one short line."""

Line = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(_printable)]
"""An organisation's name, a contract's name."""

Text = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_printable)]
"""An address or a sentence."""

Paragraph = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_printable)]
"""A paragraph of facts written by the user."""


def _plain_number(value: Any) -> Any:
    """Amounts as people write them: ``¥1,234.50``, ``100000元``, ``1.2万``, 大写."""
    try:
        return parse_amount(value)
    except WrittenValueError as exc:
        raise written_error(exc) from None


def _phone(value: str) -> str:
    if not _PHONE.fullmatch(value):
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
