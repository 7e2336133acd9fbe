"""What a model's fields declare beyond their types, as a sheet's columns read it."""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    from docgen.batch.columns import Column


def field_extra(extra: Any) -> dict[str, Any]:
    """A field's schema extras, given as a dict or as a function filling one."""
    if isinstance(extra, dict):
        return extra
    if callable(extra):
        schema: dict[str, Any] = {}
        extra(schema)
        return schema
    return {}


@functools.cache
def answers(model: type[BaseModel]) -> frozenset[str]:
    """Fields a model's schema requires although they hold None until answered (a payment
    order's conditions of acceptance): 必填 in a sheet as on the form."""
    extra = model.model_config.get("json_schema_extra")
    if not callable(extra):
        return frozenset()
    schema: dict[str, Any] = {"required": []}
    try:
        extra(schema)  # type: ignore[call-arg]
    except TypeError:  # the (schema, model) form
        extra(schema, model)  # type: ignore[call-arg]
    return frozenset(schema["required"])


def regrouped(model: type[BaseModel], columns: list[Column]) -> list[Column]:
    """A group of the model retitled, its former titles declared (``former_titles``): the
    headers its columns had under each former title are still read (a sheet saved before),
    as a leaf field's are (``columns._walk``)."""
    groups: dict[str, tuple[str, list[Any]]] = {}
    for name, info in model.model_fields.items():
        formers = field_extra(info.json_schema_extra).get("former_titles")
        if isinstance(formers, list) and info.title:
            groups[name] = (info.title, formers)
    out = []
    for column in columns:
        title, formers = groups.get(str(column.loc[0]), ("", []))
        if title and column.zh.startswith(title) and column.zh != title:
            before = tuple(f"{former}{column.zh[len(title) :]}" for former in formers)
            column = replace(column, aliases=column.aliases + before)
        out.append(column)
    return out


__all__ = ["answers", "field_extra", "regrouped"]
