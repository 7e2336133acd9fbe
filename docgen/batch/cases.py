"""A batch row's case: the run's shared values merged in, and whom the letter goes to.

Planning, rendering, the duplicate check and the reports all read these; they live apart
so that none of those modules needs another's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

RECIPIENT_FIELDS = ("debtor", "recipient", "respondent", "defendant", "addressee")


def merge_shared(case: dict[str, Any], shared: Mapping[str, Any]) -> dict[str, Any]:
    """Shared values fill what a row leaves blank (the row's own value wins)."""
    out = dict(shared)
    for key, value in case.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge_shared(value, out[key])
        else:
            out[key] = value
    return out


def recipient_of(data: dict[str, Any]) -> dict[str, Any]:
    """The addressee of a letter: the first party field named like a recipient."""
    for name in RECIPIENT_FIELDS:
        party = data.get(name)
        if isinstance(party, dict) and party.get("name"):
            return party
    for value in data.values():
        if isinstance(value, dict) and value.get("name") and value.get("address"):
            return value
    return {}
