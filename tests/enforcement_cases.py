"""Enforcement applications for the rule tests: a fixture to change, its assessment on a
fixed day, and the context of one that must pass."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

TYPE = registry.get("enforcement_application")
TODAY = date(2026, 12, 1)


def fixture(name: str, kind: str = "valid") -> dict:
    """A copy of fixture ``name`` of ``kind`` (valid, invalid), free to change."""
    return copy.deepcopy(load_fixture("enforcement_application", kind, name))


def assess(data: Any) -> Any:
    return TYPE.evaluate(TYPE.parse(data), RuleOptions(today=TODAY))


def assessed_context(data: Any) -> tuple[dict, Any]:
    """The context of a case that must draw no error, and its assessment (its warnings)."""
    result = assess(data)
    assert result.errors == [], result.errors
    return TYPE.build_context(TYPE.parse(data), result), result


def context(data: Any) -> dict:
    """The context of a case that must draw no error."""
    return assessed_context(data)[0]
