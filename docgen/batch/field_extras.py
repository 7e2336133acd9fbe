"""What a model's fields declare beyond their types, as a sheet's columns read it."""

from __future__ import annotations

import functools
from typing import Any

from pydantic import BaseModel


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


__all__ = ["answers", "field_extra"]
