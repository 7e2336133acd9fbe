"""A batch row's case: the run's shared values merged in, and whom the letter goes to.

Planning, rendering, the duplicate check and the reports all read these; they live apart
so that none of those modules needs another's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from docgen.documents import registry
from docgen.documents.problems import Loc, Problem

if TYPE_CHECKING:
    from docgen.services import DocumentService

PROFILE_FIELD = "sender_profile_id"


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


def sex_after_id(problems: list[Problem], present: Mapping[Loc, int] | None) -> list[Problem]:
    """The problems without 性别 missing where the sheet has no 性别 column and the ID
    number beside it is wrong: the sex is read from the number once it is right, so the
    fix is the ID cell, not a column to add (the advice the rejects report gives a row
    whose number is fine but tells no sex: a passport's)."""
    if present is None:
        return problems
    wrong = {p.loc[:-1] for p in problems if p.severity == "error" and p.loc[-1:] == ("id_number",)}

    def derived(p: Problem) -> bool:
        if p.code != "missing" or p.loc[-1:] != ("sex",) or p.loc[:-1] not in wrong:
            return False
        generic = tuple(-1 if isinstance(part, int) else part for part in p.loc)
        return p.loc not in present and generic not in present

    return [p for p in problems if not derived(p)]


def shared_problems(
    service: DocumentService, type_name: str, shared: Mapping[str, Any]
) -> list[Problem]:
    """The errors of the shared values themselves (a date with no such day, an unknown
    主体类型), found before any row is read: a bad shared value would reject every row,
    blamed on a sheet column the operator never had. Fields the rows fill in are not
    asked for here; only a value the shared values hold can be wrong."""
    shared = {k: v for k, v in shared.items() if k != PROFILE_FIELD}
    if not shared:
        return []
    report = service.validate(type_name, shared)
    return [
        p
        for p in report.problems
        if p.severity == "error" and p.code != "missing" and _holds(shared, p)
    ]


def _holds(shared: Mapping[str, Any], problem: Problem) -> bool:
    node: Any = shared
    for part in problem.loc:
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_list or (isinstance(node, Mapping) and part in node)):
            return False
        node = node[part]
    # a whole party or group is judged by the rows' values too, except its 主体类型
    return not isinstance(node, Mapping | list) or problem.code.startswith("union_tag")
