"""Which fields a form shows at once, which behind 「更多信息」, which only after a choice.

The declaration lives on the model's fields (``json_schema_extra``), so it travels in the
JSON Schema: the paralegal form reads it (:mod:`docgen.web.formspec`), the API docs show
it, and a spreadsheet template can order its columns by it (:func:`field_hints`).

- ``x-advanced``: rarely needed for a collection letter (民族, 工作单位 …); optional.
- ``x-shown-when``: only meaningful after a sibling choice (仲裁机构 after 申请仲裁), or
  (``min_items``) once a list holds several rows (履行人 with several 被执行人).
- ``x-form``: ``"profile-picker"`` — set by the form's profile picker, not typed.
- ``x-from-profile``: a group a sender profile fills in (收款账户, 联系方式, 律所信息): the
  form says beside it where profiles are chosen and kept.
- ``x-paired-with``: a list whose rows belong one to one, in order, to the rows of a
  sibling list (a letter's 保证信息 to its 保证人): the form draws each row under its
  partner and moves, adds and deletes them together.
"""

from __future__ import annotations

from typing import Any

ADVANCED: dict[str, Any] = {"x-advanced": True}
PROFILE_PICKER: dict[str, Any] = {"x-form": "profile-picker"}
FROM_PROFILE: dict[str, Any] = {"x-from-profile": True}


def paired_with(field: str) -> dict[str, Any]:
    """Rows matched by order to the rows of the sibling list ``field``."""
    return {"x-paired-with": field}


def shown_when(field: str, *values: Any) -> dict[str, Any]:
    """Show the field only while the sibling ``field`` holds one of ``values``; a
    ``field`` written ``../name`` is a field of the enclosing group (a profile's kind for
    a field of its account), one written ``/title/kind`` a field named from the case's root
    (a respondent's notarised contract, shown for a notarised instrument only)."""
    return {"x-shown-when": {"field": field, "in": list(values)}}


def shown_when_several(field: str) -> dict[str, Any]:
    """Show the field only while the list ``field`` (written as for :func:`shown_when`)
    holds two rows or more: a question that only several rows raise (which of several
    respondents made a payment)."""
    return {"x-shown-when": {"field": field, "min_items": 2}}


def field_hints(schema: dict[str, Any]) -> dict[tuple[str, ...], dict[str, Any]]:
    """Every declared hint of a model's JSON Schema by field path (array items as ``*``)."""
    defs = schema.get("$defs", {})
    found: dict[tuple[str, ...], dict[str, Any]] = {}

    def walk(node: dict[str, Any], path: tuple[str, ...], depth: int) -> None:
        if depth > 12:
            return
        hints = {k: v for k, v in node.items() if k.startswith("x-")}
        if hints and path:
            found.setdefault(path, {}).update(hints)
        if "$ref" in node:
            walk(defs.get(node["$ref"].rsplit("/", 1)[-1], {}), path, depth + 1)
        for option in node.get("anyOf", []) + node.get("oneOf", []):
            walk(option, path, depth + 1)
        for key, sub in node.get("properties", {}).items():
            walk(sub, (*path, key), depth + 1)
        if isinstance(node.get("items"), dict):
            walk(node["items"], (*path, "*"), depth + 1)

    walk(schema, (), 0)
    return found


def is_advanced(hints: dict[tuple[str, ...], dict[str, Any]], loc: tuple[Any, ...]) -> bool:
    """Whether the field at ``loc`` (list index as an int or -1) or a group holding it is
    rarely needed."""
    path = tuple("*" if isinstance(part, int) else str(part) for part in loc)
    return any(hints.get(path[:n], {}).get("x-advanced") for n in range(1, len(path) + 1))
