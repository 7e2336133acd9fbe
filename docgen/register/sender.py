"""The sender profile a registered document was printed from.

A letter may name a stored sender profile (``sender_profile_id``) instead of the firm's
or creditor's details; the pipeline fills the details in from the profile before the
rules run. The register keeps the case as printed: the details as they were that day,
and the profile's id apart from the case, under :data:`PROFILE_KEY` (``{"id": 3}``), as
information only. A reissue prints the details kept and never reads the profile store,
so a profile edited or deleted since cannot change what the register proves.

An entry recorded before this was kept has ``sender_profile_id`` in its case, next to
the details it resolved to. :func:`as_printed` takes the id off, and the details kept are
printed; only an entry holding the reference alone needs the profile read again
(:mod:`docgen.pipeline.reissue` then refuses unless the result is the registered file).
"""

from __future__ import annotations

from typing import Any

PROFILE_FIELD = "sender_profile_id"
"""The case field that names a stored sender profile (every type that takes one)."""

PROFILE_KEY = "_sender_profile"
"""Where recorded data keeps the profile's id; a case field cannot start with ``_``."""


def set_apart(data: dict[str, Any]) -> dict[str, Any]:
    """Recorded data of a resolved case: the profile's id moved out of the case."""
    profile_id = data.pop(PROFILE_FIELD, None)
    if profile_id is not None:
        data[PROFILE_KEY] = {"id": profile_id}
    return data


def as_printed(case: Any) -> tuple[Any, int | None]:
    """An entry's case data to print again without any profile, and the profile id of an
    older entry that kept it in the case (None: there is none, or it was set apart)."""
    if not isinstance(case, dict) or case.get(PROFILE_FIELD) is None:
        return case, None
    profile_id = case[PROFILE_FIELD]
    rest = {k: v for k, v in case.items() if k != PROFILE_FIELD}
    return rest, profile_id if isinstance(profile_id, int) else None


def profile_id_of(data: Any) -> int | None:
    """The profile a registered document was printed from, if any."""
    if not isinstance(data, dict):
        return None
    kept = data.get(PROFILE_KEY)
    found = kept.get("id") if isinstance(kept, dict) else data.get(PROFILE_FIELD)
    return found if isinstance(found, int) else None


__all__ = ["PROFILE_FIELD", "PROFILE_KEY", "as_printed", "profile_id_of", "set_apart"]
