"""The registry of document types.

Adding a document type means adding its module name to ``BUILTIN``; the module exposes
``DOCUMENT``. Modules are imported on first use, not when docgen is imported.
"""

from __future__ import annotations

import importlib
from typing import Any

from docgen.documents.base import DocumentType

BUILTIN: tuple[str, ...] = (
    "docgen.documents.demand_letter",
    "docgen.documents.lawyer_letter",
    "docgen.documents.debt_confirmation",
    "docgen.documents.installment_agreement",
    "docgen.documents.civil_complaint",
    "docgen.documents.preservation_application",
    "docgen.documents.evidence_list",
    "docgen.documents.power_of_attorney",
    "docgen.documents.firm_letter",
    "docgen.documents.representative_certificate",
    "docgen.documents.service_address",
    "docgen.documents.payment_order",
    "docgen.documents.enforcement_application",
    "docgen.documents.withdrawal_application",
    "docgen.documents.settlement_agreement",
)

_types: dict[str, DocumentType[Any]] = {}


class UnknownDocumentType(KeyError):
    """No document type has this name."""


def register(doc_type: DocumentType[Any]) -> None:
    """Add a document type (plugins and tests may register their own)."""
    _types[doc_type.name] = doc_type


def _load_builtin() -> None:
    if _types:
        return
    for module_name in BUILTIN:
        register(importlib.import_module(module_name).DOCUMENT)


def get(name: str) -> DocumentType[Any]:
    _load_builtin()
    try:
        return _types[name]
    except KeyError:
        raise UnknownDocumentType(name) from None


def all_types() -> list[DocumentType[Any]]:
    _load_builtin()
    return list(_types.values())


def evidence_list_type() -> DocumentType[Any]:
    """The type a filing bundle lists its exhibits with (``bundle_part="evidence_list"``)."""
    found = [t for t in all_types() if t.bundle_part == "evidence_list"]
    if len(found) != 1:
        raise LookupError(f"{len(found)} document types say they are the evidence list")
    return found[0]


def complaint_types() -> list[DocumentType[Any]]:
    """The types a filing bundle may put in front of its evidence list."""
    return [t for t in all_types() if t.bundle_part == "complaint"]
