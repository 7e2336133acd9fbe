"""Cursor pagination for every list the API answers: ``?limit=`` (1 to 200, default 50)
and ``?cursor=`` (the ``next`` of the previous page); the answer is ``{"items": [...],
"next": "<cursor>" | null}``.

A cursor is the position after the last item given (its sort key), opaque to clients
(URL-safe base64 of JSON): adding or removing items between pages neither repeats nor
skips the others, unlike an offset. A cursor that does not decode is a 422 on ``cursor``.
"""

from __future__ import annotations

import base64
import binascii
import copy
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from flask import Response, jsonify
from pydantic import BaseModel, Field

from docgen.documents.problems import CaseInvalid, Problem

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 200


def _refuse(*_args: Any, **_kwargs: Any) -> Any:
    raise TypeError("a query model's cached JSON schema is read-only")


class _FrozenDict(dict[str, Any]):
    """A dict that refuses changes: one schema is handed to every request."""

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse

    def __copy__(self) -> dict[str, Any]:
        return dict(self)  # a copy is the caller's own: plain, changeable

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        return {k: copy.deepcopy(v, memo) for k, v in self.items()}

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (dict(self),)


class _FrozenList(list[Any]):
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse
    append = extend = insert = pop = remove = clear = sort = reverse = _refuse

    def __copy__(self) -> list[Any]:
        return list(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> list[Any]:
        return [copy.deepcopy(v, memo) for v in self]

    def __reduce__(self) -> tuple[Any, ...]:
        return list, (list(self),)


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return _FrozenDict({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return _FrozenList(_frozen(v) for v in value)
    return value


class QueryModel(BaseModel):
    """A route's query parameters. flask-openapi3 reads the model's JSON schema on every
    request (which fields are arrays); with the default arguments it is made once per
    class, read-only, and handed to every caller (a deep copy per request cost some
    25 µs; a caller that tried to change it would get a TypeError, not change others')."""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        if args or kwargs:  # the OpenAPI document's own call (refs, modes)
            return super().model_json_schema(*args, **kwargs)
        cached: dict[str, Any] | None = cls.__dict__.get("_docgen_schema")
        if cached is None:
            cached = _frozen(super().model_json_schema())
            cls._docgen_schema = cached  # type: ignore[attr-defined]
        return cached


class PageQuery(QueryModel):
    limit: int = Field(default=DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="每页条数")
    cursor: str | None = Field(
        default=None, max_length=400, description="上一页答复中的 next；省略时为第一页"
    )


def encode(position: list[Any]) -> str:
    text = json.dumps(position, ensure_ascii=True, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(cursor: str) -> list[Any]:
    """The position a cursor names, or CaseInvalid (422 on ``cursor``)."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        position = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (ValueError, binascii.Error, UnicodeDecodeError):
        position = None
    if not isinstance(position, list) or not position:
        raise invalid_cursor()
    return position


def invalid_cursor() -> CaseInvalid:
    problem = Problem(
        ("query", "cursor"), "cursor_invalid", "cursor 无效：请使用上一页答复中的 next"
    )
    return CaseInvalid([problem])


def page(
    items: Sequence[T], key: Callable[[T], list[Any]], query: PageQuery
) -> tuple[list[T], str | None]:
    """One page of ``items`` sorted by ``key`` (a list of comparable values)."""
    ordered = sorted(items, key=key)
    if query.cursor:
        after = decode(query.cursor)
        try:
            ordered = [item for item in ordered if key(item) > after]
        except TypeError:
            raise invalid_cursor() from None
    chosen = list(ordered[: query.limit])
    more = len(ordered) > query.limit
    return chosen, encode(key(chosen[-1])) if more and chosen else None


def answer(items: list[Any], next_cursor: str | None) -> Response:
    return jsonify({"items": items, "next": next_cursor})
