"""A batch row's case: the run's shared values merged in, and whom the letter goes to.

Planning, rendering, the duplicate check and the reports all read these; they live apart
so that none of those modules needs another's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docgen.documents import registry


def merge_shared(case: dict[str, Any], shared: Mapping[str, Any]) -> dict[str, Any]:
    """Shared values fill what a row leaves blank (the row's own value wins)."""
    out = dict(shared)
    for key, value in case.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge_shared(value, out[key])
        else:
            out[key] = value
    return out


def recipient_of(type_name: str, data: dict[str, Any]) -> dict[str, Any]:
    """The party a letter of ``type_name`` is addressed to, as the case holds it (its
    ``recipient_field``); empty for a type without one, or a case that lacks it."""
    try:
        field = registry.get(type_name).recipient_field
    except registry.UnknownDocumentType:
        return {}
    party = data.get(field) if field else None
    return party if isinstance(party, dict) else {}
