"""Values a case model's JSON schema allows at a place, for the stand-ins of
:mod:`docgen.pipeline.stand_ins` where no sample case has a value there: an install
without the sample cases (``fixtures/``), or a place every sample leaves empty.

They are read from the model rather than from sample cases shipped in the package: the
schema is the model itself, so a field added, a choice renamed or a limit changed needs
nothing kept in step beside it, where shipped cases would each have to be kept valid as
the models change. What a schema cannot say (a phone number's shape, the check character
of a 统一社会信用代码: validators) is met by a few neutral values tried in turn, the model
judging each in place.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from pydantic import BaseModel

from docgen.documents.problems import Loc

DATES = ("2025-01-02", "2000-01-03", "2050-01-03")
"""A date stand-in, and two more for a model that refuses the first where it stands."""
TEXTS = ("某某", "13800000000", "91110000600037341L", "6222000000000000")
"""Text tried in turn: a name or a sentence, a phone number, a valid 统一社会信用代码 (GB
32100-2015 check character), an account number."""
AMOUNT = "10000.00"
"""An amount in yuan (a Decimal with two places); another decimal (a rate) is ``1``."""


@functools.lru_cache(maxsize=64)
def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


def candidates(model: type[BaseModel], data: Any, loc: Loc) -> list[Any]:
    """The values tried in turn at ``loc`` of ``data`` (a case of ``model``): for a group,
    its required fields each with its first value (each kind of a choice of groups)."""
    root = _schema(model)
    at = _schema_at(root, data, loc)
    return [] if at is None else _values(root, at)


def choices(model: type[BaseModel], data: Any, loc: Loc) -> list[Any]:
    """The values of a fixed choice at ``loc`` (an enum), else none."""
    root = _schema(model)
    at = _schema_at(root, data, loc)
    if at is None:
        return []
    return [v for variant in _variants(root, at) for v in _enum(variant)]


def _schema_at(root: dict[str, Any], data: Any, loc: Loc) -> dict[str, Any] | None:
    """The schema of the value at ``loc``; a choice of groups is read as the kind ``data``
    holds there (or the one that has the next field)."""
    schema: dict[str, Any] | None = root
    node = data
    for part in loc:
        if schema is None:
            return None
        schema = _step(root, _variants(root, schema), node, part)
        node = _child(node, part)
    return schema


def _step(
    root: dict[str, Any], variants: list[dict[str, Any]], node: Any, part: str | int
) -> dict[str, Any] | None:
    """The schema of ``part`` inside a value of one of ``variants`` (``node``)."""
    kind = node.get("kind") if isinstance(node, dict) else None
    fitting = []
    for variant in variants:
        if isinstance(part, int) and isinstance(variant.get("items"), dict):
            return dict(variant["items"])
        properties = variant.get("properties", {})
        if isinstance(part, str) and part in properties:
            kinds = _enum(_resolve(root, properties.get("kind", {})))
            fitting.append((kinds, properties[part]))
    for kinds, inner in fitting:  # a choice of groups: the kind the case holds
        if len(fitting) == 1 or kind is None or kind in kinds:
            return dict(inner)
    return None


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, dict) and isinstance(part, str):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and part < len(node):
        return node[part]
    return None


def _resolve(root: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = {**root["$defs"][name], **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def _variants(root: dict[str, Any], schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives a schema allows, each resolved; ``null`` last. A Decimal (a
    number or a string, with its limits beside) stays one."""
    schema = _resolve(root, schema)
    options = schema.get("anyOf") or schema.get("oneOf")
    if not options or _decimal(schema):
        return [schema]
    out = [v for option in options for v in _variants(root, option)]
    return [v for v in out if v.get("type") != "null"] + [v for v in out if v.get("type") == "null"]


def _enum(schema: dict[str, Any]) -> list[Any]:
    if "const" in schema:
        return [schema["const"]]
    return list(schema.get("enum", []))


def _decimal(schema: dict[str, Any]) -> bool:
    return "decimal_places" in schema or "max_digits" in schema


def _values(root: dict[str, Any], schema: dict[str, Any]) -> list[Any]:
    out: list[Any] = []
    for variant in _variants(root, schema):
        out.extend(v for v in _leaf_values(root, variant) if v not in out)
    return out


def _leaf_values(root: dict[str, Any], schema: dict[str, Any]) -> list[Any]:
    kind = schema.get("type")
    if _enum(schema):
        return _enum(schema)
    if _decimal(schema):
        return [AMOUNT if schema.get("decimal_places") == 2 else "1"]
    if kind == "object":
        required = schema.get("required", [])
        props = schema.get("properties", {})
        return [{name: _first(root, props[name]) for name in required if name in props}]
    if kind == "array":
        return [[_first(root, schema.get("items", {})) for _ in range(schema.get("minItems", 0))]]
    if kind == "string":
        return _texts(schema)
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0) + 1)
        return [min(max(low, 1), schema.get("maximum", max(low, 1)))]
    if kind == "boolean":
        return [False, True]
    return [None] if kind == "null" else []


def _first(root: dict[str, Any], schema: dict[str, Any]) -> Any:
    values = _values(root, schema)
    return values[0] if values else None


def _texts(schema: dict[str, Any]) -> list[str]:
    if schema.get("format") == "date":
        return list(DATES)
    low, high = schema.get("minLength", 0), schema.get("maxLength", 10_000)
    pattern = re.compile(schema["pattern"]) if "pattern" in schema else None
    out = []
    for text in TEXTS:
        text = text.ljust(low, text[-1])
        if len(text) <= high and (pattern is None or pattern.search(text)):
            out.append(text)
    return out
