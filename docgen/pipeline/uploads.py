"""Firms' own templates: checked against every sample case and stored, and previewed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docgen.documents import registry
from docgen.documents.problems import Problem
from docgen.pipeline import templates, validation
from docgen.pipeline.engines import Target
from docgen.pipeline.rendering import render_pdf
from docgen.pipeline.results import Rendered
from docgen.pipeline.templates import template_kind

if TYPE_CHECKING:
    from docgen.pipeline.scope import Scope
    from docgen.template_store import VersionInfo


@dataclass(frozen=True)
class Upload:
    """An uploaded template file and what is said of it: its file name, a note, who
    uploaded it, its kind (``docx`` or ``html``; by default from the file name) and the
    layout it is for (``variant``; empty: every layout of the type)."""

    data: bytes
    filename: str = ""
    note: str = ""
    by: str = ""
    kind: str | None = None
    variant: str = ""


def upload_template(
    scope: Scope, type_name: str, upload: Upload
) -> tuple[VersionInfo, list[Problem]]:
    """Check and store a firm's template for a type, or for one of its layouts; raises
    TemplateRejected on errors."""
    from docgen.template_store import TemplateRejected, UploadRequest

    doc_type = registry.get(type_name)
    variant = upload.variant
    if variant and variant not in doc_type.variants:
        known = "、".join(doc_type.variants) or "（该类型只有一种版式）"
        message = f"{doc_type.title}没有版式「{variant[:40]}」；可选：{known}"
        raise TemplateRejected([Problem(("variant",), "unknown_variant", message)])
    kind = upload.kind or template_kind(upload.filename)
    request = UploadRequest(
        type_name,
        upload.data,
        kind=kind,
        variant=variant,
        filename=upload.filename or f"template.{kind}",
        note=upload.note,
        uploaded_by=upload.by,
    )
    samples = validation.template_samples(scope, type_name, variant)
    return scope.stores.templates.upload(scope.tenant_id, request, samples)


def preview_template(
    scope: Scope, type_name: str, version: int, data: Any | None = None, kind: str = "docx"
) -> Rendered:
    """Render a case (default: the type's sample) with a stored version: a DOCX with a
    .docx template, a PDF with an .html one. Nothing is registered."""
    doc_type = registry.get(type_name)
    # unknown version (or another tenant's): raises first
    info = scope.stores.templates.get(scope.tenant_id, type_name, version, kind)
    if data is None:
        data = validation.sample(scope.settings, type_name, info.variant)
    case, assessment, context = validation.context_for(scope, type_name, data)
    if kind == "html":
        html = templates.html_template(scope, doc_type, version)
        target = Target(scope.engines.isolated_pdf, html)
        content = render_pdf(scope.settings, case, target, context)
        name = f"{doc_type.filename(case)}-PDF模板v{version}预览.pdf"
        return Rendered(content, name, "pdf", type_name, assessment.warnings)
    path = templates.docx_template(scope, doc_type, version)
    content = scope.engines.docx.render(path, context)
    name = f"{doc_type.filename(case)}-模板v{version}预览.docx"
    return Rendered(content, name, "docx", type_name, assessment.warnings)
