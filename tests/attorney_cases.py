"""Powers of attorney under test: a valid fixture to change, and what the rules find in it
(parse problems included), as (severity, code, field path) in order."""

from __future__ import annotations

import copy
from typing import Any

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.problems import CaseInvalid, Problem
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)


def problems(data: dict[str, Any]) -> list[Problem]:
    doc_type = registry.get("power_of_attorney")
    try:
        case = doc_type.parse(data)
    except CaseInvalid as exc:
        return exc.problems
    return doc_type.evaluate(case, OPTIONS).problems


def found(data: dict[str, Any]) -> list[tuple[str, str, tuple[Any, ...]]]:
    return sorted((p.severity, p.code, p.loc) for p in problems(data))


def valid(name: str) -> dict[str, Any]:
    return copy.deepcopy(load_fixture("power_of_attorney", "valid", name))


def refused_for_role(data: dict[str, Any], loc: tuple[Any, ...] = ("powers",)) -> Problem:
    """The one problem of ``data``: a power its principal's role does not have, at ``loc``."""
    (problem,) = problems(data)
    assert (problem.severity, problem.code, problem.loc) == ("error", "power_not_of_role", loc)
    return problem
