"""Translating request-validation failures into docgen problems."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from docgen.documents import registry
from docgen.documents.problems import Problem, from_validation_error


def problems_from_pydantic(error: ValidationError) -> list[Problem]:
    """Problems for a failed body or query validation, locs relative to the body.

    pydantic names the failing model in ``error.title``; a document model's errors are
    field paths in the case, anything else (the query string) is prefixed ``query``.
    """
    for doc_type in registry.all_types():
        if doc_type.model.model_config.get("title", doc_type.model.__name__) == error.title:
            return from_validation_error(error, doc_type.model)
    model: type[BaseModel] | None = None
    return from_validation_error(error, model, prefix=("query",))
