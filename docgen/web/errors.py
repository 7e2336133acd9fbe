"""Translating request-validation failures into docgen problems."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from docgen.calculations import CALCULATIONS
from docgen.documents import registry
from docgen.documents.problems import Problem, from_validation_error
from docgen.web import register_api


def problems_from_pydantic(error: ValidationError) -> list[Problem]:
    """Problems for a failed body or query validation, locs relative to the body.

    pydantic names the failing model in ``error.title``; a document model's errors are
    field paths in the case, anything else (the query string) is prefixed ``query``.
    """
    body_models: list[type[BaseModel]] = [t.model for t in registry.all_types()]
    body_models += [c.input_model for c in CALCULATIONS.values()]
    body_models += register_api.BODY_MODELS
    for model in body_models:
        if model.model_config.get("title", model.__name__) == error.title:
            return from_validation_error(error, model)
    return from_validation_error(error, None, prefix=("query",))
