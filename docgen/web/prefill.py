"""Which fields of a case a sender profile fills in, for any document type's form.

A profile holds who sends letters (a creditor, or the law firm acting for one). Each rule
names a group of the case and which profile detail goes into which of its fields; a rule
applies only to the groups and fields the document's form actually has, so new document
types are prefilled as far as their fields carry the usual names. Pure: no Flask.
"""

from __future__ import annotations

from typing import Any

from docgen.web.formspec import Node

Merge = dict[str, Any]
"""``{"path": [...], "values": {...}}``: set these fields of the group at ``path``."""

_SAME_NAMES = {
    "name": "name",
    "address": "address",
    "phone": "phone",
    "email": "email",
    "lawyer_name": "lawyer_name",
    "license_number": "license_number",
    "letterhead": "letterhead",
}

_CREDITOR = {
    "kind": ("const", "organization"),
    "name": "name",
    "uscc": "uscc",
    "address": "address",
    "legal_representative": "legal_representative",
    "phone": "phone",
}

# (group in the case, {case field: profile field or a fixed value}, profile kinds)
_RULES: list[tuple[str, dict[str, Any], set[str]]] = [
    ("creditor", _CREDITOR, {"creditor"}),
    ("client", _CREDITOR, {"creditor"}),
    ("signatory", {"name": "signatory", "title": "signatory_title"}, {"creditor"}),
    ("law_firm", _SAME_NAMES, {"law_firm"}),
    ("firm", _SAME_NAMES, {"law_firm"}),
    ("sender", _SAME_NAMES, {"law_firm", "creditor"}),
    # a law firm's own account is not where the debtor pays; a creditor's is
    ("payment_account", {"*": "bank_account"}, {"creditor"}),
    (
        "contact",
        {"person": "contact_person", "phone": "phone", "address": "address", "email": "email"},
        {"law_firm", "creditor"},
    ),
]

_ID_FIELDS = ("sender_profile_id", "profile_id")


def _field_names(node: Node) -> set[str]:
    if node["kind"] == "object":
        return {f["name"] for f in node["fields"]}
    if node["kind"] == "union":
        names = {node["tag"]}
        for option in node["options"]:
            names |= {f["name"] for f in option["fields"]}
        return names
    return set()


def prefill(spec: Node, profile: dict[str, Any], profile_id: int | None = None) -> list[Merge]:
    """The merges that carry ``profile`` into a case of the form described by ``spec``."""
    groups = {f["name"]: f for f in spec["fields"]}
    kind = profile.get("kind", "law_firm")
    merges: list[Merge] = []
    by_reference = profile_id is not None and any(name in groups for name in _ID_FIELDS)
    # the contact is the named contact person, else the lawyer in charge, else the sender
    profile = {
        **profile,
        "contact_person": profile.get("contact_person")
        or profile.get("lawyer_name")
        or profile.get("name"),
    }
    for group, mapping, kinds in _RULES:
        node = groups.get(group)
        if node is None or kind not in kinds:
            continue
        if by_reference and group in ("sender", "law_firm", "firm"):
            continue  # the document names the profile by id instead of copying it
        names = _field_names(node)
        values: dict[str, Any] = {}
        for target, source in mapping.items():
            if target == "*":
                whole = profile.get(source)
                if isinstance(whole, dict):
                    values.update({k: v for k, v in whole.items() if k in names and v})
            elif target in names:
                value = source[1] if isinstance(source, tuple) else profile.get(source)
                if value not in (None, ""):
                    values[target] = value
        if values:
            merges.append({"path": [group], "values": values})
    for name in _ID_FIELDS:
        if name in groups and profile_id is not None:
            merges.append({"path": [], "values": {name: profile_id}})
    return merges
