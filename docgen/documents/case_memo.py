"""A rule's answer computed once per case object.

Case models are frozen (``docgen.domain.fields.CaseModel``): an object read twice gives
the same answer, so a rule that several wording functions ask of one case (the demand
letter asks the contract's status some ten times a render) is worked out once. The
answer is kept by the object's identity and checked against a weak reference, so an
object that has gone never lends its answer to a new one at the same address; objects
that are not frozen models are not kept.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
_HELD_MAX = 512  # cases at once: far more than a batch chunk renders together


def per_case(rule: Callable[[Any], T]) -> Callable[[Any], T]:
    held: dict[int, tuple[weakref.ref[Any], T]] = {}

    @functools.wraps(rule)
    def answer(case: Any) -> T:
        if not getattr(type(case), "model_config", {}).get("frozen"):
            return rule(case)
        found = held.get(id(case))
        if found is not None and found[0]() is case:
            return found[1]
        value = rule(case)
        if len(held) >= _HELD_MAX:
            held.clear()
        held[id(case)] = (weakref.ref(case), value)
        return value

    return answer


__all__ = ["per_case"]
