"""Which template a case prints from: a firm's active upload (for the case's layout, else
for every layout), the type's built-in layout, or its template files."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgen import layouts
from docgen.documents.base import DocumentType
from docgen.pipeline.engines import PdfChoice, Target, choose

if TYPE_CHECKING:
    from docgen.pipeline.scope import Scope
    from docgen.template_store import VersionInfo


def template_kind(filename: str) -> str:
    """The kind of an uploaded template by its file name: ``html`` for .html/.htm."""
    return "html" if filename.lower().endswith((".html", ".htm")) else "docx"


def layout_name(doc_type: DocumentType[Any], case: Any = None) -> str | None:
    """The built-in layout a case prints from when no uploaded template is active for it
    (of the case's layout for a type with several; without a case, of its first), or None
    for a type still printed from template files."""
    first = next(iter(doc_type.variants), "")
    variant = doc_type.variant(case) if case is not None else first
    name = layouts.name_for(doc_type.name, variant)
    return name if layouts.get(name) is not None else None


def active(scope: Scope, doc_type: DocumentType[Any], kind: str, case: Any) -> VersionInfo | None:
    """The tenant's active upload for the case's layout, else the one for every layout."""
    if not scope.stores.any_upload:
        return None  # nothing was ever uploaded here: no need to open the database
    store = scope.stores.templates
    variant = doc_type.variant(case) if case is not None else ""
    tenant = scope.tenant_id
    found = store.active(tenant, doc_type.name, kind, variant) if variant else None
    return found or store.active(tenant, doc_type.name, kind)


def typst_prints(doc_type: DocumentType[Any]) -> bool:
    """Whether the ``typst`` engine prints the type (a built-in layout, or a ``.typ``
    template beside its HTML one); else its PDF goes through WeasyPrint whatever the
    engine chosen (:func:`docgen.pipeline.engines.choose`)."""
    return layout_name(doc_type) is not None or "typst" in doc_type.templates


def _files(doc_type: DocumentType[Any], case: Any) -> Mapping[str, str]:
    return doc_type.templates if case is None else doc_type.templates_for(case)


def docx_template(
    scope: Scope, doc_type: DocumentType[Any], version: int | None = None, case: Any = None
) -> Path:
    """The .docx a type renders with: a given version, the active upload (for the case's
    layout, else for every layout), or built-in (of the case's layout)."""
    store = scope.stores
    info = (
        store.templates.get(scope.tenant_id, doc_type.name, version)
        if version
        else active(scope, doc_type, "docx", case)
    )
    if info is not None:
        return store.templates.file_path(info.type_name, info.kind, info.sha256)
    return scope.settings.templates_dir / _files(doc_type, case)["docx"]


def html_template(
    scope: Scope, doc_type: DocumentType[Any], version: int | None = None, case: Any = None
) -> str:
    """The HTML template a type's PDF prints from, as the PDF renderer names it: a given
    version or the active upload (an absolute path to the stored file), or built-in."""
    store = scope.stores
    info = (
        store.templates.get(scope.tenant_id, doc_type.name, version, "html")
        if version
        else active(scope, doc_type, "html", case)
    )
    if info is not None:
        return str(store.templates.file_path(info.type_name, info.kind, info.sha256))
    return _files(doc_type, case)["html"]


def pdf_template(
    scope: Scope, doc_type: DocumentType[Any], case: Any = None, engine: str | None = None
) -> Target:
    """The engine and template (or layout) a case's PDF prints with (see
    :func:`docgen.pipeline.engines.choose`); ``engine`` defaults to the ``pdf_engine``
    setting."""
    chosen = engine or scope.settings.pdf_engine
    layout = layout_name(doc_type, case)
    if active(scope, doc_type, "html", case) is None and layout is not None:
        choice = PdfChoice(chosen, layout, "", None, uploaded=False)
    else:
        html = html_template(scope, doc_type, case=case)
        uploaded = Path(html).is_absolute()
        typst = _files(doc_type, case).get("typst")
        choice = PdfChoice(chosen, None, html, typst, uploaded)
    return choose(scope.engines, choice)
