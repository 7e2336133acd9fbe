"""Errors as docgen problems: request-validation failures, and the 500 of the unforeseen."""

from __future__ import annotations

import logging

from flask import Response, jsonify, request
from pydantic import BaseModel, ValidationError

from docgen.calculations import CALCULATIONS
from docgen.documents import registry
from docgen.documents.problems import Problem, from_validation_error
from docgen.logs import outline
from docgen.web import register_api

log = logging.getLogger(__name__)


def failed_in(error: ValidationError, model: type[BaseModel]) -> bool:
    """Whether ``error`` is ``model``'s (pydantic names the failing model by its title)."""
    return bool(model.model_config.get("title", model.__name__) == error.title)


def problems_from_pydantic(error: ValidationError) -> list[Problem]:
    """Problems for a failed body or query validation, locs relative to the body.

    pydantic names the failing model in ``error.title``; a document model's errors are
    field paths in the case, anything else (the query string) is prefixed ``query``.
    """
    body_models: list[type[BaseModel]] = [t.model for t in registry.all_types()]
    body_models += [c.input_model for c in CALCULATIONS.values()]
    body_models += register_api.BODY_MODELS
    for model in body_models:
        if failed_in(error, model):
            return from_validation_error(error, model)
    return from_validation_error(error, None, prefix=("query",))


def unexpected_error(exc: Exception) -> Response:
    log.error(
        "unhandled %s on %s %s: %s", type(exc).__name__, request.method, request.path, outline(exc)
    )
    problem = Problem((), "internal_error", "服务器内部错误，请稍后重试；如持续出现请联系管理员")
    response = jsonify([problem.as_dict()])
    response.status_code = 500
    return response
