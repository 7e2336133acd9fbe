"""From a document model's JSON Schema to a form description, and from an error to its field.

The paralegal form is generated, never written by hand: :func:`form_spec` walks the JSON
Schema pydantic produces for a document type and returns a plain tree of nodes that the
browser script turns into inputs. Each node names its field, its Chinese title and help
text, whether it is required and how it is entered:

- ``object``: a group of fields (``optional`` when the whole group may be left out);
- ``union``: a choice between models tagged by a discriminator (natural person or
  organisation), each option with its own fields;
- ``array``: repeatable rows of one item node, with ``min``/``max`` rows;
Any node may carry the model's disclosure hints (see :mod:`docgen.domain.disclosure`):
``advanced`` (drawn behind the group's 「更多信息」), ``shown_when`` (``{"field": sibling,
"in": [values]}``: drawn only while the sibling holds one of them; ``../name`` names a
field of the enclosing group, ``/title/kind`` a field from the case's root) and ``picker``
(``"profile"``: set by the profile picker, never drawn as an input) and ``paired_with``
(an array whose rows are drawn under the rows of the sibling array it names) and
``from_profile`` (a group a sender profile fills in: a link to the profiles is drawn).

- ``field``: one input; ``widget`` is ``text``, ``textarea``, ``date``, ``money`` (two
  decimals), ``decimal``, ``integer``, ``select`` (with ``choices``), ``checkbox`` or
  ``json`` (a structure the form has no widget for, typed as JSON).

:func:`field_path` maps a problem's ``loc`` to the deepest field of the form that exists,
so every problem is shown beside an input (or the group it concerns). This module is pure:
it imports neither Flask nor the renderers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

    from docgen.documents.base import DocumentType

Node = dict[str, Any]
Loc = Sequence[str | int]

TEXTAREA_MIN_LENGTH = 500
"""Text fields allowing this many characters or more get a multi-line box."""


class _Walker:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = schema.get("$defs", {})

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        """Follow ``$ref`` (keeping the referring schema's own title and description).

        A referenced model's own description is its docstring, written for developers
        (「最高额保证: the debts of a period …」): the form shows only the ``description``
        a field gives its users."""
        seen = 0
        while "$ref" in schema and seen < 32:
            target = self.defs[schema["$ref"].rsplit("/", 1)[-1]]
            target = {k: v for k, v in target.items() if k != "description"}
            own = {k: v for k, v in schema.items() if k != "$ref"}
            schema = {**target, **own}
            seen += 1
        return schema

    def node(self, name: str, schema: dict[str, Any], required: bool) -> Node:
        found = self._node(name, schema, required)
        hints = self.resolve(schema)
        if hints.get("x-advanced") and not required:
            found["advanced"] = True
        if isinstance(hints.get("x-shown-when"), dict):
            found["shown_when"] = hints["x-shown-when"]
        if hints.get("x-form") == "profile-picker":
            found["picker"] = "profile"
        if hints.get("x-from-profile"):
            found["from_profile"] = True
        if isinstance(hints.get("x-paired-with"), str):
            found["paired_with"] = hints["x-paired-with"]
        return found

    def _node(self, name: str, schema: dict[str, Any], required: bool) -> Node:
        schema = self.resolve(schema)
        base: Node = {
            "name": name,
            "title": schema.get("title") or name,
            "required": required,
        }
        description = schema.get("description")
        if description and "properties" not in schema and not _has_english(description):
            base["description"] = description
        if "default" in schema and schema["default"] is not None:
            base["default"] = schema["default"]

        options = schema.get("anyOf")
        if options is not None:
            non_null = [o for o in options if o.get("type") != "null"]
            if len(non_null) < len(options):
                inner = dict(non_null[0]) if len(non_null) == 1 else {"anyOf": non_null}
                for key in ("title", "description", "default", "enum_titles"):
                    if key in schema and key not in inner:
                        inner[key] = schema[key]
                found = self.node(name, inner, required=False)
                if found["kind"] == "object":
                    found["optional"] = True
                return found
            if _is_decimal(non_null):
                places = schema.get("decimal_places")
                return {**base, "kind": "field", "widget": "money" if places == 2 else "decimal"}
        if "oneOf" in schema and "discriminator" in schema:
            return self.union(base, schema)
        kind = schema.get("type")
        if kind == "object" and "properties" in schema:
            return self.object(base, schema)
        if kind == "array" and "items" in schema:
            return self.array(base, schema)
        field = {**base, **self.scalar(schema)}
        if field.get("widget") == "checkbox" and "default" not in field:
            # a yes/no with no default is a question: unanswered, 是 and 否 are three
            # answers, which a checkbox cannot tell apart (unticked would send nothing)
            field["widget"] = "select"
            field["choices"] = [{"value": True, "title": "是"}, {"value": False, "title": "否"}]
        return field

    def object(self, base: Node, schema: dict[str, Any]) -> Node:
        required = set(schema.get("required", []))
        fields = [self.node(key, sub, key in required) for key, sub in schema["properties"].items()]
        node: Node = {**base, "kind": "object", "fields": fields}
        if schema.get("description") and not _has_english(schema["description"]):
            node["description"] = schema["description"]
        return node

    def array(self, base: Node, schema: dict[str, Any]) -> Node:
        item = self.node("", schema["items"], required=True)
        node: Node = {**base, "kind": "array", "item": item, "min": schema.get("minItems", 0)}
        if "maxItems" in schema:
            node["max"] = schema["maxItems"]
        return node

    def union(self, base: Node, schema: dict[str, Any]) -> Node:
        tag = schema["discriminator"]["propertyName"]
        options = []
        for ref in schema["oneOf"]:
            model = self.resolve(ref)
            tag_schema = model["properties"][tag]
            value = tag_schema.get("const", (tag_schema.get("enum") or [None])[0])
            titles = tag_schema.get("enum_titles") or [str(value)]
            required = set(model.get("required", []))
            fields = [
                self.node(key, sub, key in required)
                for key, sub in model["properties"].items()
                if key != tag
            ]
            options.append({"value": value, "title": titles[0], "fields": fields})
        tag_title = self.resolve(schema["oneOf"][0])["properties"][tag].get("title", tag)
        return {**base, "kind": "union", "tag": tag, "tag_title": tag_title, "options": options}

    def scalar(self, schema: dict[str, Any]) -> Node:
        if "enum" in schema:
            titles = schema.get("enum_titles") or [str(v) for v in schema["enum"]]
            pairs = zip(schema["enum"], titles, strict=False)
            choices = [{"value": v, "title": t} for v, t in pairs]
            return {"kind": "field", "widget": "select", "choices": choices}
        if "const" in schema:
            value = schema["const"]
            choices = [{"value": value, "title": str(value)}]
            return {"kind": "field", "widget": "select", "choices": choices}
        kind = schema.get("type")
        node: Node = {"kind": "field"}
        if kind == "string":
            if schema.get("format") == "date":
                node["widget"] = "date"
            else:
                max_length = schema.get("maxLength")
                long = max_length is not None and max_length >= TEXTAREA_MIN_LENGTH
                node["widget"] = "textarea" if long else "text"
                if max_length is not None:
                    node["max_length"] = max_length
        elif kind == "integer":
            node["widget"] = "integer"
            for key in ("minimum", "maximum"):
                if key in schema:
                    node[key[:3]] = schema[key]
        elif kind == "number":
            node["widget"] = "decimal"
        elif kind == "boolean":
            node["widget"] = "checkbox"
        else:
            node["widget"] = "json"
        return node


def _is_decimal(options: list[dict[str, Any]]) -> bool:
    """pydantic's Decimal: a number or a numeric string (possibly nested one level)."""
    flat: list[dict[str, Any]] = []
    for option in options:
        flat.extend(option.get("anyOf", [option]))
    types = {o.get("type") for o in flat}
    return types == {"number", "string"}


_ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}[\s,.;:()'-]+[A-Za-z]{2,}")


def _has_english(text: str) -> bool:
    """Whether a description holds English words (two in a row): a note for developers,
    never shown to users, who read Chinese (a lone LPR or SA is fine)."""
    return _ENGLISH_RUN.search(text) is not None


def form_spec(schema: dict[str, Any], title: str = "") -> Node:
    """The form for a model's JSON Schema (its root node is an object without a name)."""
    walker = _Walker(schema)
    root = walker.node("", schema, required=True)
    root["title"] = title or root["title"]
    root.pop("description", None)
    return root


def type_form_spec(doc_type: DocumentType[Any]) -> Node:
    """The form of a document type, worked out once per process: every form page, form
    validation and render asked for it anew (its JSON schema copied and walked, about a
    third of a form page's time). Shared by every caller, which only reads it."""
    # keyed by model and title, not the type: a reloaded registry reuses its models
    key = (doc_type.model, doc_type.title)
    spec = _TYPE_SPECS.get(key)
    if spec is None:
        spec = _TYPE_SPECS.setdefault(key, form_spec(doc_type.json_schema(), doc_type.title))
    return spec


_TYPE_SPECS: dict[tuple[type[BaseModel], str], Node] = {}


def _child(node: Node, key: str | int) -> Node | None:
    """The node under ``node`` for one loc segment, or None if the form has no such field."""
    kind = node["kind"]
    if kind == "array":
        return node["item"] if isinstance(key, int) else None
    if kind == "object":
        return next((f for f in node["fields"] if f["name"] == key), None)
    if kind == "union":
        if key == node["tag"]:
            return {"kind": "field", "name": key, "widget": "select"}
        for option in node["options"]:
            found: Node | None = next((f for f in option["fields"] if f["name"] == key), None)
            if found is not None:
                return found
    return None


def field_path(spec: Node, loc: Loc) -> tuple[str | int, ...]:
    """The longest prefix of ``loc`` that is a field or group of the form.

    ``("debtor", "address")`` is a field; ``("payment_account",)`` is a group (the whole
    account is missing); ``("contract", "colour")`` (an unknown field) maps to
    ``("contract",)``; ``()`` means the case as a whole.
    """
    node: Node | None = spec
    path: list[str | int] = []
    for key in loc:
        node = _child(node, key) if node is not None else None
        if node is None:
            break
        path.append(key)
    return tuple(path)


def element_id(path: Sequence[str | int]) -> str:
    """The HTML id the form script gives the input (or group) of a field path."""
    return ".".join(["f", *(str(p) for p in path)])
