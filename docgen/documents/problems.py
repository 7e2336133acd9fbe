"""Validation problems as data: a field path, a machine code, a Chinese message.

The API returns them as 422, the web form shows them beside the field, the CLI prints
them and the batch writes them to the rejects report: one shape everywhere.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # imported where used: the template-vetting child reads Problem alone
    from pydantic import BaseModel, ValidationError
    from pydantic_core import ErrorDetails

Loc = tuple[str | int, ...]
Severity = Literal["error", "warning"]

NOT_REPORTED: dict[str, Any] = {"reported": False}
"""The metadata of a dataclass field in ``Assessment.computed`` that the context builder
reads but a validation report leaves out (reference data, figures only words are made of)."""


@dataclass(frozen=True)
class Problem:
    """One finding about a case; ``loc`` is the path of the offending field."""

    loc: Loc
    code: str
    message: str
    hint: str | None = None
    severity: Severity = "error"

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"loc": list(self.loc), "code": self.code, "message": self.message}
        if self.hint:
            data["hint"] = self.hint
        data["severity"] = self.severity
        return data

    @property
    def path(self) -> str:
        """Dotted path for people: ``amounts.components[0].amount``."""
        out = ""
        for part in self.loc:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out or "（整体）"


@dataclass
class Assessment:
    """What the cross-field rules found and what they computed on the way."""

    problems: list[Problem] = field(default_factory=list)
    computed: dict[str, Any] = field(default_factory=dict)
    # the words built for the templates, kept once the compliance check has built them
    context: dict[str, Any] | None = None
    # the case evaluated and its JSON data as the compliance check read it (the register
    # keeps the same data: not dumped twice)
    dumped: tuple[Any, dict[str, Any]] | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def error(self, loc: Loc, code: str, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(loc, code, message, hint))

    def warn(self, loc: Loc, code: str, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(loc, code, message, hint, "warning"))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)


def touches(loc: Loc, others: Iterable[Loc]) -> bool:
    """Whether ``loc`` is one of ``others``, inside one, or holds one."""
    return any(loc[: len(o)] == o or o[: len(loc)] == loc for o in others)


def beside(found: Iterable[Problem], refused: Iterable[Problem]) -> list[Problem]:
    """The rules' ``found`` problems of the parts no ``refused`` problem lost a value of: a
    rule about a part that lost one would judge that part without it (a total against
    the sum of the other amounts), so only the other top-level parts are judged."""
    failed = [p.loc[:1] for p in refused]
    return [p for p in found if not touches(p.loc[:1], failed)]


class CaseInvalid(Exception):
    """Raised by the service layer when a case has errors; carries all of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = list(problems)


_MESSAGES: dict[str, str] = {
    "missing": "必填项，请填写",
    "extra_forbidden": "不认识的字段，请检查字段名拼写",
    "string_type": "应为文本",
    "string_too_short": "至少需要 {min_length} 个字符",
    "string_too_long": "最多 {max_length} 个字符",
    "string_pattern_mismatch": "格式不正确",
    "string_unicode": "包含无效的 Unicode 字符",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数，不能带小数",
    "bool_type": "应为是或否（true/false）",
    "bool_parsing": "应为是或否（true/false）",
    "decimal_type": "应为数字金额，如 12345.67",
    "decimal_parsing": "应为数字金额，如 12345.67",
    "decimal_max_places": "最多保留 {decimal_places} 位小数（精确到分）",
    "decimal_max_digits": "数字位数过多，最多 {max_digits} 位",
    "decimal_whole_digits": "整数部分位数过多，最多 {whole_digits} 位",
    "finite_number": "应为有限的数字",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "date_type": "应为日期，格式为 YYYY-MM-DD",
    "date_parsing": "应为日期，格式为 YYYY-MM-DD",
    "date_from_datetime_parsing": "应为日期，格式为 YYYY-MM-DD",
    "date_from_datetime_inexact": "应为日期，不应包含时间",
    "date_future": "日期应晚于今天",
    "date_past": "日期应早于今天",
    "literal_error": "应为以下之一：{expected}",
    "enum": "应为以下之一：{expected}",
    "union_tag_invalid": "类型应为 {expected_tags} 之一",
    "union_tag_not_found": "缺少类型字段 {discriminator}",
    "list_type": "应为列表",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "dict_type": "应为对象",
    "model_type": "应为对象（JSON 对象）",
    "model_attributes_type": "应为对象（JSON 对象）",
    "json_invalid": "不是有效的 JSON",
    "json_type": "不是有效的 JSON",
    "recursion_loop": "数据嵌套过深",
}


def _message(err: ErrorDetails) -> str:
    template = _MESSAGES.get(err["type"])
    if template is None:
        return err["msg"].removeprefix("Value error, ")
    ctx = {k: _zh(v) for k, v in (err.get("ctx") or {}).items()}
    if err["type"] == "union_tag_invalid" and "expected_tags" in ctx:
        labels = _tag_labels()
        tags = [t.strip() for t in ctx["expected_tags"].split(",")]
        ctx["expected_tags"] = "、".join(labels.get(t, t) for t in tags)
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return template.split("{")[0].rstrip("：: ") or err["msg"]


def _tag_labels() -> dict[str, str]:
    """The Chinese label of each union tag (自然人 for ``person``), from the models'
    ``enum_titles``."""
    from docgen.domain.fields import CaseModel

    labels: dict[str, str] = {}
    todo: list[type[BaseModel]] = [CaseModel]
    while todo:
        model = todo.pop()
        todo.extend(model.__subclasses__())
        kind = model.model_fields.get("kind") if model is not CaseModel else None
        extra = kind.json_schema_extra if kind is not None else None
        values = typing.get_args(kind.annotation) if kind is not None else ()
        if isinstance(extra, dict) and len(values) == 1:
            titles = extra.get("enum_titles")
            if isinstance(titles, list) and titles:
                labels[str(values[0])] = str(titles[0])
    return labels


def _zh(value: object) -> str:
    return str(value).replace(" or ", "、").replace("'", "")


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation may hold (Annotated/Optional/list peeled off)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(annotation):
            out.extend(_unwrap(arg))
        return out
    return [annotation]


def _tagged_models(annotation: Any) -> dict[str, type[BaseModel]]:
    """Map discriminator tag -> model for a union of models with a ``kind`` literal."""
    from pydantic import BaseModel

    tags: dict[str, type[BaseModel]] = {}
    for candidate in _unwrap(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            kind = candidate.model_fields.get("kind")
            if kind is not None:
                for tag in typing.get_args(kind.annotation):
                    tags[str(tag)] = candidate
    return tags


def normalize_loc(model: type[BaseModel] | None, loc: Sequence[str | int]) -> Loc:
    """Drop pydantic's discriminator-tag segments so a loc is a plain field path.

    pydantic reports ``("debtor", "person", "name")`` for a tagged union; users and forms
    know the field as ``("debtor", "name")``.
    """
    from pydantic import BaseModel

    out: list[str | int] = []
    current: Any = model
    parts = list(loc)
    i = 0
    while i < len(parts):
        part = parts[i]
        out.append(part)
        i += 1
        if isinstance(part, int):
            continue
        field_info = None
        if isinstance(current, type) and issubclass(current, BaseModel):
            field_info = current.model_fields.get(str(part))
        if field_info is None:
            current = None
            continue
        annotation = field_info.annotation
        while (
            typing.get_origin(annotation) in (list, tuple)
            and i < len(parts)
            and isinstance(parts[i], int)
        ):
            out.append(parts[i])
            i += 1
            annotation = typing.get_args(annotation)[0]
        tags = _tagged_models(annotation)
        if len(tags) > 1 and i < len(parts) and parts[i] in tags:
            current = tags[str(parts[i])]
            i += 1
            continue
        models = [
            t for t in _unwrap(annotation) if isinstance(t, type) and issubclass(t, BaseModel)
        ]
        current = models[0] if len(models) == 1 else None
    return tuple(out)


def from_validation_error(
    error: ValidationError, model: type[BaseModel] | None = None, prefix: Loc = ()
) -> list[Problem]:
    """Translate a pydantic error into Chinese problems with clean field paths."""
    problems: list[Problem] = []
    for err in error.errors(include_url=False):
        loc = prefix + normalize_loc(model, err["loc"])
        hint = (err.get("ctx") or {}).get("hint")
        problems.append(
            Problem(loc=loc, code=err["type"], message=_message(err), hint=hint and str(hint))
        )
    return problems
