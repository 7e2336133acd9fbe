"""The registry of document types.

Every module of :mod:`docgen.documents` that exposes ``DOCUMENT`` (a
:class:`DocumentType`) is a built-in type: adding a type is adding its module, with no
list to extend. They are found and imported on first use, not when docgen is imported,
and listed in their declared ``order``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from docgen import documents, layouts
from docgen.documents.base import DocumentType

_types: dict[str, DocumentType[Any]] = {}


class UnknownDocumentType(KeyError):
    """No document type has this name."""


def _in_order(found: Iterable[DocumentType[Any]]) -> list[tuple[str, DocumentType[Any]]]:
    return [(t.name, t) for t in sorted(found, key=lambda t: (t.order, t.name))]


def register(doc_type: DocumentType[Any]) -> None:
    """Add a document type (plugins and tests may register their own)."""
    ordered = _in_order({**_types, doc_type.name: doc_type}.values())
    _types.clear()
    _types.update(ordered)


def builtin_modules() -> list[str]:
    """The modules and packages of :mod:`docgen.documents`, in name order. Each is
    imported to see whether it declares a type; the helpers among them are imported by
    the types anyway."""
    prefix = f"{documents.__name__}."
    return sorted(prefix + info.name for info in pkgutil.iter_modules(documents.__path__))


def _load_builtin() -> None:
    if _types:
        return
    found = []
    for module_name in builtin_modules():
        declared = getattr(importlib.import_module(module_name), "DOCUMENT", None)
        if isinstance(declared, DocumentType):
            found.append(declared)
    _types.update(_in_order(found))  # at once: a reader never sees some of them


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


def _declared_layouts() -> Iterator[tuple[str, Mapping[str, str]]]:
    """Each type's name and the layouts it declares (what ``docgen.layouts`` serves)."""
    for doc_type in all_types():
        yield doc_type.name, doc_type.layouts


# the layouts are the types' own: docgen.layouts (which the renderers read, and which
# knows no document type) asks the registry for them on first use
layouts.declared_by(_declared_layouts)
