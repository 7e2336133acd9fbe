"""Spreadsheet columns derived from a document type's pydantic model.

The model is the one source of truth: every leaf field becomes a column whose Chinese
header joins the titles on its path (债务人 + 姓名 → ``债务人姓名``) and whose English
header is the dotted field path (``debtor.name``). Tagged unions (a person or an
organisation) contribute the fields of every variant; lists of objects get numbered slots
(``欠款金额欠款明细1金额（元）`` / ``amounts.components[0].amount``).
"""

from __future__ import annotations

import re
import types
import typing
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from docgen.batch import cells, times
from docgen.batch.field_extras import answers, field_extra, regrouped
from docgen.batch.header_text import normalize as normalize  # the sheets' rule
from docgen.batch.header_words import common_columns
from docgen.batch.rows import EXTRA_ROOT, Resolved, fill_slot
from docgen.documents.problems import Loc

TEMPLATE_LIST_SLOTS = 3
"""Numbered slots a template shows for a list of objects (more are accepted on input)."""

_LIST_SEPARATORS = re.compile(r"[、,，;；\n]+")


@dataclass(frozen=True)
class Column:
    """One leaf field of the model as a spreadsheet column.

    ``loc`` uses ``-1`` as the placeholder for a list index; :meth:`at` fills it in.
    """

    loc: Loc
    zh: str
    en: str
    kind: str = "text"  # text | bool | int | date | decimal | choice | list
    choices: Mapping[str, str] = field(default_factory=dict)  # label or value -> value
    required: bool = False
    aliases: tuple[str, ...] = ()
    description: str = ""
    places: int | None = None  # a decimal's places (2: an amount to the fen)
    required_for: tuple[str, ...] = ()  # the 主体类型 labels requiring it (自然人)

    @property
    def need(self) -> str:
        """必填, 自然人必填 (required for one kind of party only) or 选填."""
        if self.required:
            return "必填"
        return "、".join(self.required_for) + "必填" if self.required_for else "选填"

    def convert(self, value: Any) -> Any:
        """A cell value as the model expects it (labels of choices, 是/否, Excel dates).

        Raises :class:`~docgen.batch.cells.CellError` for a cell that cannot be used as
        stored (an ID number Excel turned into a number, a formula without its result).
        """
        if isinstance(value, cells.Formula):
            wrong = cells.formula_problem(value)
            if wrong is not None:
                raise wrong
            value = value.text  # a link: the text it shows, read as typed_text reads it
        if isinstance(value, str):
            value = cells.typed_text(value)
        wrong = cells.excel_error(value)
        if wrong is not None:
            raise wrong
        if self.kind == "date":
            value = cells.excel_date(times.date_part(value))
        elif self.loc and self.loc[-1] in cells.NUMBER_SENSITIVE:
            value = cells.identifier(str(self.loc[-1]), value)
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float):
            value = cells.number(value, self.places)
            if not isinstance(value, int):
                return value
        if isinstance(value, int) and not isinstance(value, bool):
            return value if self.kind in ("int", "decimal", "bool") else str(value)
        if isinstance(value, str):
            value = value.strip()
            if self.kind == "list":  # 查封、冻结 → ["seal", "freeze"]
                items = [v.strip() for v in _LIST_SEPARATORS.split(value) if v.strip()]
                return [self.choice(v) for v in items]
            if self.kind == "bool":
                answer = cells.yes_no(value)
                return value if answer is None else answer
            if self.choices:
                return self.choice(value)
        return value

    def choice(self, text: str) -> str:
        """The value of a choice written as its label or its code (any case, full-width)."""
        key = _folded(text)
        for label, value in self.choices.items():
            if _folded(label) == key:  # a label's own full-width comma folds alike
                return value
        return text

    def label_of(self, value: str) -> str:
        """The Chinese label of a value (the value itself when it has none)."""
        return next((k for k, v in self.choices.items() if v == value and k != v), value)

    def labels(self) -> list[str]:
        """The Chinese label of each value (the value itself when it has none)."""
        out: dict[str, str] = {}
        for label, value in self.choices.items():
            if label != value or value not in out:
                out[value] = label
        return list(out.values())


def _folded(text: str) -> str:
    return normalize(unicodedata.normalize("NFKC", text))


def _unwrap(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(annotation):
            out.extend(_unwrap(arg))
        return [a for a in out if a is not type(None)]
    return [annotation]


def _models(annotation: Any) -> list[type[BaseModel]]:
    return [a for a in _unwrap(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]


def _list_item(annotation: Any) -> tuple[Any, int] | None:
    for candidate in _unwrap(annotation):
        if typing.get_origin(candidate) in (list, tuple):
            return typing.get_args(candidate)[0], 0
    return None


def _leaf_kind(info: FieldInfo, annotation: Any = None) -> tuple[str, dict[str, str]]:
    """The kind of a leaf field (or, given ``annotation``, of a list's items)."""
    types_ = _unwrap(info.annotation if annotation is None else annotation)
    metadata = typing.get_args(annotation)[1:] if annotation is not None else ()
    for t in types_:
        if typing.get_origin(t) is Literal:
            values = [str(v) for v in typing.get_args(t)]
            extra = field_extra(info.json_schema_extra)
            for meta in metadata:  # an item type's own titles (Annotated[Literal, Field])
                if isinstance(meta, FieldInfo) and isinstance(meta.json_schema_extra, dict):
                    extra = meta.json_schema_extra
            titles = extra.get("enum_titles") or []
            choices = {v: v for v in values}
            if isinstance(titles, list):
                choices.update({str(title): v for title, v in zip(titles, values, strict=False)})
            return "choice", choices
    for t in types_:
        if t is bool:
            return "bool", {}
        if t is int:
            return "int", {}
        if t is date:
            return "date", {}
        if t is Decimal:
            return "decimal", {}
    return "text", {}


def _decimal_places(annotation: Any) -> int | None:
    """The ``decimal_places`` a field's type allows (Money: 2), found in its Annotated
    metadata, through Optional."""
    for meta in typing.get_args(annotation):
        found = getattr(meta, "decimal_places", None)
        if isinstance(found, int):
            return found
        for inner in getattr(meta, "metadata", ()):
            found = getattr(inner, "decimal_places", None)
            if isinstance(found, int):
                return found
        if typing.get_args(meta):
            nested = _decimal_places(meta)
            if nested is not None:
                return nested
    return None


def _en(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _walk(
    model: type[BaseModel], loc: Loc, zh: str, required: bool, aliases: tuple[str, ...]
) -> Iterable[Column]:
    for name, info in model.model_fields.items():
        title = info.title or name
        sub_loc = (*loc, name)
        sub_zh = _join(zh, title)
        # the header templates had before (付款期限付款期限（天数）) is still read
        own = aliases if sub_zh == zh + title else (*aliases, zh + title)
        # a field retitled keeps its earlier header readable (operators' saved sheets)
        extra = field_extra(info.json_schema_extra)
        former = extra.get("former_titles")
        if isinstance(former, list):
            own = (*own, *(_join(zh, str(t)) for t in former))
        # an answer asked only in some cases (shown when a sibling holds a value) stays 选填
        answer = name in answers(model) and "x-shown-when" not in extra
        sub_required = required and (info.is_required() or answer)
        item = _list_item(info.annotation)
        if item is not None:
            inner = _models(item[0])
            if inner and -1 in loc:
                continue  # a list inside a numbered slot has no flat columns (left empty)
            if inner:
                yield from _walk_union(inner, (*sub_loc, -1), sub_zh + "{n}", sub_required, ())
                continue
            kind, choices = _leaf_kind(info, item[0])
            yield Column(
                sub_loc, sub_zh, "", "list", choices, sub_required, own, info.description or ""
            )
            continue
        models = _models(info.annotation)
        if models:
            yield from _walk_union(models, sub_loc, sub_zh, sub_required, ())
            continue
        kind, choices = _leaf_kind(info)
        yield Column(
            sub_loc,
            sub_zh,
            "",
            kind,
            choices,
            sub_required,
            own,
            info.description or "",
            _decimal_places(info.annotation) if kind == "decimal" else None,
        )


def _join(parent: str, title: str) -> str:
    """A column header from its parent's and its own title, without saying a word twice:
    付款期限 + 付款期限（天数） → 付款期限（天数）."""
    for k in range(len(title), 1, -1):
        if parent.endswith(title[:k]):
            return parent + title[k:]
    return parent + title


def _walk_union(
    models: list[type[BaseModel]], loc: Loc, zh: str, required: bool, aliases: tuple[str, ...]
) -> Iterable[Column]:
    """Fields of every variant once; a field titled differently per variant gets aliases."""
    seen: dict[Loc, Column] = {}
    needed: dict[Loc, int] = {}  # in how many variants a field is required
    needed_by: dict[Loc, tuple[str, ...]] = {}  # the labels of those variants
    for model in models:
        label = _variant_label(model)
        for column in _walk(model, loc, zh, required, aliases):
            needed[column.loc] = needed.get(column.loc, 0) + column.required
            if column.required and label:
                needed_by[column.loc] = (*needed_by.get(column.loc, ()), label)
            if column.loc in seen:
                first = seen[column.loc]
                extra = () if column.zh == first.zh else (column.zh,)
                choices = {**first.choices, **column.choices}
                seen[column.loc] = replace(first, choices=choices, aliases=first.aliases + extra)
            else:
                seen[column.loc] = column
    for loc_, column in seen.items():  # required only when every variant requires it
        every = needed[loc_] == len(models)
        some = () if every else needed_by.get(loc_, column.required_for)
        yield replace(column, required=every, required_for=some)


def _variant_label(model: type[BaseModel]) -> str:
    """A union variant's label, its tag's title (Person → 自然人), or ""."""
    info = model.model_fields.get("kind")
    extra = info.json_schema_extra if info is not None else None
    titles = extra.get("enum_titles") if isinstance(extra, dict) else None
    return str(titles[0]) if isinstance(titles, list) and len(titles) == 1 else ""


@dataclass(frozen=True)
class Layout:
    """The columns of one document type, and how to map a sheet's headers onto them."""

    columns: tuple[Column, ...]
    extras: tuple[Column, ...]

    @classmethod
    def of(cls, model: type[BaseModel]) -> Layout:
        columns = _unique(list(_walk(model, (), "", True, ())))
        return cls(tuple(regrouped(model, columns)), MAILING_EXTRAS)

    def template_headers(self, language: str = "zh") -> list[tuple[str, Column, int | None]]:
        """Headers for a template: list columns repeated for a few numbered slots."""
        out: list[tuple[str, Column, int | None]] = []
        columns = [*self.columns, *self.extras]
        i = 0
        while i < len(columns):
            column = columns[i]
            if -1 not in column.loc:
                out.append((self.header(column, None, language), column, None))
                i += 1
                continue
            prefix = column.loc[: column.loc.index(-1) + 1]
            group = []
            while i < len(columns) and columns[i].loc[: len(prefix)] == prefix:
                group.append(columns[i])
                i += 1
            for slot in range(TEMPLATE_LIST_SLOTS):
                for member in group:
                    out.append((self.header(member, slot, language), member, slot))
        return out

    @staticmethod
    def header(column: Column, slot: int | None, language: str) -> str:
        loc = column.loc if slot is None else fill_slot(column.loc, slot)
        if language == "en":
            return _en(loc)
        return column.zh.replace("{n}", "" if slot is None else str(slot + 1))

    def column_at(self, loc: Loc) -> tuple[Column, int | None] | None:
        """The column holding the field at ``loc`` (and its list slot), if there is one."""
        for column in (*self.columns, *self.extras):
            if len(column.loc) != len(loc):
                continue
            slot = None
            for want, part in zip(column.loc, loc, strict=True):
                if want == -1 and isinstance(part, int):
                    slot = part
                elif want != part:
                    break
            else:
                return column, slot
        return None

    def titles(self, loc: Loc) -> str:
        """A field without a column of its own (a group, a whole list) named by the
        columns under it: their common start (债务人, 欠款金额欠款明细1)."""
        names = [
            self.header(c, _slot_of(c.loc, loc), "zh")
            for c in self.columns
            if len(c.loc) > len(loc)
            and all(
                w == p or (w == -1 and isinstance(p, int)) for w, p in zip(c.loc, loc, strict=False)
            )
        ]
        if not names:
            return "（整行）"
        common = names[0]
        for name in names[1:]:
            while not name.startswith(common):
                common = common[:-1]
        return common or names[0]

    def resolve(self, headers: list[str], mapping: Mapping[str, str] | None = None) -> Resolved:
        """Map sheet headers to field locations; unknown headers are reported, not guessed.

        ``mapping`` (from a mapping file) maps a sheet header to a Chinese or English
        column name, for sheets whose headers are the organisation's own.
        """
        index: dict[str, tuple[Column, int | None]] = {}
        patterns: list[tuple[re.Pattern[str], Column, int]] = []
        for column in (*self.columns, *self.extras):
            names = [column.zh, *column.aliases]
            if -1 in column.loc:
                for name in names:
                    patterns.append((_slot_pattern(normalize(name)), column, 1))
                en = _en(column.loc).replace("[-1]", "[{n}]")
                patterns.append((_slot_pattern(normalize(en)), column, 0))
                continue
            for name in (*names, _en(column.loc)):
                index[normalize(name)] = (column, None)
        index = {**common_columns(self), **index}  # 姓名 → 债务人姓名 (header_words)
        mapped = {normalize(k): v for k, v in (mapping or {}).items()}
        cells: list[tuple[Column, int | None] | None] = []
        unknown: list[str] = []
        for header in headers:
            if header is None or not str(header).strip():
                cells.append(None)
                continue
            key = normalize(mapped.get(normalize(header), header))
            hit = index.get(key)
            if hit is None:
                for pattern, column, base in patterns:
                    match = pattern.fullmatch(key)
                    if match and int(match.group(1)) >= base:
                        hit = (column, int(match.group(1)) - base)
                        break
            if hit is None:
                unknown.append(str(header))
            cells.append(hit)
        return Resolved(cells, unknown, [str(h) if h is not None else "" for h in headers])


def _unique(columns: list[Column]) -> list[Column]:
    """Two fields titled alike under one parent (a person's 职务, an organisation's 职务)
    keep the first title; the later one is told apart by its field name."""
    seen: set[str] = set()
    out = []
    for column in columns:
        if column.zh in seen:
            zh = f"{column.zh}（{column.loc[-1]}）"
            column = replace(
                column, zh=zh, aliases=tuple(a for a in column.aliases if a not in seen)
            )
        seen.add(column.zh)
        seen.update(column.aliases)
        out.append(column)
    return out


def _slot_of(pattern: Loc, loc: Loc) -> int | None:
    return next(
        (p for w, p in zip(pattern, loc, strict=False) if w == -1 and isinstance(p, int)), None
    )


def _slot_pattern(normalized: str) -> re.Pattern[str]:
    before, _, after = normalized.partition("{n}")
    return re.compile(re.escape(before) + r"(\d+)" + re.escape(after))


MAILING_EXTRAS: tuple[Column, ...] = (
    Column((EXTRA_ROOT, "postcode"), "邮政编码", ""),
    Column((EXTRA_ROOT, "reference"), "客户编号", ""),
    Column((EXTRA_ROOT, "guarantor_postcodes"), "保证人邮政编码", "", kind="list"),
)
"""Columns for the mail room that are not part of any document (manifest only)."""
