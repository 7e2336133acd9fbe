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


SEX_FROM_ID_TYPES = (None, "居民身份证", "港澳台居民居住证")
"""Numbers coded by GB 11643-1999, whose 17th digit tells the sex (odd: 男)."""


def sex_from_id(value: Any) -> None:
    """A person's sex left blank and a valid resident ID number given: the sex the
    number's 17th digit tells (GB 11643-1999; odd 男, even 女), filled in place. A number
    that does not check out fills nothing: its own problem and the missing sex are
    both reported."""
    if isinstance(value, list):
        for item in value:
            sex_from_id(item)
        return
    if not isinstance(value, dict):
        return
    for item in value.values():
        sex_from_id(item)
    number = value.get("id_number")
    if value.get("kind") != "person" or value.get("sex") or not isinstance(number, str):
        return
    if value.get("id_type") not in SEX_FROM_ID_TYPES:
        return
    from docgen.domain.identity import IdentityError, parse_resident_id

    try:
        value["sex"] = parse_resident_id(number).sex
    except IdentityError:
        return
