"""The service every entrypoint (API, CLI, batch) calls: validate a case, render it,
report problems as data.

:class:`DocumentService` is a thin facade over :mod:`docgen.pipeline`, which does the work; it
keeps one place to call, so every entrypoint gives the same answers and the same errors.
Make one with :func:`docgen.pipeline.compose.build`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from docgen.config import Settings
from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.problems import Assessment, CaseInvalid, Problem
from docgen.pipeline import many, reissue, rendering, same_document, templates, uploads, validation
from docgen.pipeline.engines import Engine, Engines, Target
from docgen.pipeline.many import PDF_CHUNK, Batch
from docgen.pipeline.provenance import SHARED_LAYOUT, UNSTAMPED, Request, Source
from docgen.pipeline.results import (
    FORMATS,
    MEDIA_TYPES,
    Format,
    PrintPart,
    Rendered,
    Report,
    bundle,
)
from docgen.pipeline.scope import CUSTOM_TEMPLATES, Scope, Shared
from docgen.pipeline.templates import template_kind
from docgen.render.errors import TemplateRenderError

if TYPE_CHECKING:
    from docgen.profiles.store import ProfileStore
    from docgen.register.store import Register
    from docgen.render.docx import DocxRenderer
    from docgen.render.isolated_pdf import IsolatedPdfRenderer
    from docgen.render.layout_print import LayoutPrinter
    from docgen.render.pdf import PdfRenderer
    from docgen.render.typst_pdf import TypstRenderer
    from docgen.template_store import TemplateStore, VersionInfo


class RenderOptions(TypedDict, total=False):
    """Who asks for a document (default ``cli``, ``batch`` for many), in which batch run,
    and with which PDF engine (default: the ``pdf_engine`` setting)."""

    requested_by: str
    batch_id: str | None
    engine: str | None


class UploadDetails(TypedDict, total=False):
    """What is said of an uploaded template (see :class:`docgen.pipeline.uploads.Upload`)."""

    filename: str
    note: str
    by: str
    kind: str | None
    variant: str


class DocumentService:
    """One per process: holds settings and the (expensive, reusable) engines and stores.

    It acts for one tenant (``tenant_id``): the sender profiles, letter numbers and
    uploaded templates a case resolves to, and the register entries it writes, are that
    tenant's. The process's service acts for the default tenant (the CLI, a single-user
    install); :meth:`for_tenant` gives a view acting for another, sharing the engines.
    ``engines`` shares another service's (already loaded) engines.
    """

    def __init__(self, settings: Settings, *, engines: Engines | None = None) -> None:
        self.scope = Scope(Shared.of(settings, engines))

    @classmethod
    def acting(cls, scope: Scope) -> DocumentService:
        """The service acting as ``scope`` says (its tenant, drafts or not)."""
        view = cls.__new__(cls)
        view.scope = scope
        return view

    # --- who it acts for, and what it holds ---------------------------------------

    @property
    def settings(self) -> Settings:
        return self.scope.settings

    @property
    def tenant_id(self) -> int:
        return self.scope.tenant_id

    @property
    def draft(self) -> bool:
        """A draft: no register entry, no document id, no letter number."""
        return self.scope.draft

    def for_tenant(self, tenant_id: int) -> DocumentService:
        """This service acting for ``tenant_id`` (cheap: engines and stores are shared)."""
        return DocumentService.acting(self.scope.for_tenant(tenant_id))

    def drafting(self) -> DocumentService:
        """This view rendering drafts: nothing is registered or numbered (docgen.drafts
        marks the files)."""
        return DocumentService.acting(self.scope.drafting())

    @property
    def engines(self) -> Engines:
        return self.scope.engines

    @property
    def profiles(self) -> ProfileStore:
        """Stored sender profiles (the database is migrated on first use)."""
        return self.scope.stores.profiles

    @property
    def register(self) -> Register | None:
        """The document register, or None when registration is switched off."""
        return self.scope.stores.register

    @property
    def templates(self) -> TemplateStore:
        """Firms' uploaded template versions (the database is migrated on first use)."""
        return self.scope.stores.templates

    @property
    def pdf(self) -> PdfRenderer:
        return self.engines.pdf

    @property
    def isolated_pdf(self) -> IsolatedPdfRenderer:
        return self.engines.isolated_pdf

    @property
    def typst(self) -> TypstRenderer:
        return self.engines.typst

    @property
    def docx(self) -> DocxRenderer:
        return self.engines.docx

    def layout_printer(self, engine: str) -> LayoutPrinter:
        return self.engines.layout_printer(engine)

    # --- templates ----------------------------------------------------------------

    def layout_name(self, doc_type: DocumentType[Any], case: Any = None) -> str | None:
        return templates.layout_name(doc_type, case)

    def pdf_template(
        self, doc_type: DocumentType[Any], case: Any = None, engine: str | None = None
    ) -> Target:
        """The engine and template (or layout) a case's PDF prints with."""
        return templates.pdf_template(self.scope, doc_type, case, engine)

    def docx_template(
        self, doc_type: DocumentType[Any], version: int | None = None, case: Any = None
    ) -> Path:
        return templates.docx_template(self.scope, doc_type, version, case)

    def html_template(
        self, doc_type: DocumentType[Any], version: int | None = None, case: Any = None
    ) -> str:
        return templates.html_template(self.scope, doc_type, version, case)

    def template_samples(
        self, type_name: str, variant: str = ""
    ) -> list[tuple[str, dict[str, Any]]]:
        return validation.template_samples(self.scope, type_name, variant)

    def upload_template(
        self, type_name: str, data: bytes, **details: Unpack[UploadDetails]
    ) -> tuple[VersionInfo, list[Problem]]:
        """Check and store a firm's .docx or .html; raises TemplateRejected on errors."""
        return uploads.upload_template(self.scope, type_name, uploads.Upload(data, **details))

    def preview_template(
        self, type_name: str, version: int, data: Any | None = None, kind: str = "docx"
    ) -> Rendered:
        return uploads.preview_template(self.scope, type_name, version, data, kind)

    def sample(self, type_name: str, variant: str = "") -> Any | None:
        return validation.sample(self.settings, type_name, variant)

    # --- validation ---------------------------------------------------------------

    def options(self) -> RuleOptions:
        return validation.options(self.settings)

    def validate(self, type_name: str, data: Any) -> Report:
        """All problems of a case (errors and warnings) and the figures computed for it."""
        return validation.validate(self.scope, type_name, data)

    def computed(self, type_name: str, data: Any) -> validation.Computed | None:
        """What the rules compute from a case as far as it is filled in (the 计算 panel)."""
        return validation.computed(self.scope, type_name, data)

    def context_for(self, type_name: str, data: Any) -> tuple[Any, Assessment, dict[str, Any]]:
        return validation.context_for(self.scope, type_name, data)

    def copies(
        self, doc_type: DocumentType[Any], data: Any, options: RuleOptions
    ) -> tuple[Assessment, list[tuple[Any, dict[str, Any]]]]:
        """Each recipient's copy of a validated case (numbered) and its template context."""
        return validation.copies(self.scope, doc_type, data, options)

    def glyph_problems(self, case: Any) -> list[Problem]:
        """A problem on each field holding a character the PDF fonts cannot print."""
        return validation.glyph_problems(self.settings, case)

    # --- rendering ----------------------------------------------------------------

    def warm_up(self) -> None:
        rendering.warm_up(self.scope)

    def render(
        self, type_name: str, data: Any, fmt: Format, **options: Unpack[RenderOptions]
    ) -> Rendered:
        """Render a case, or raise CaseInvalid with every problem found; several
        recipients' files come as one ZIP (:meth:`render_each` returns the files)."""
        return rendering.render(self.scope, type_name, data, fmt, _request(options))

    def render_each(
        self, type_name: str, data: Any, fmt: Format, **options: Unpack[RenderOptions]
    ) -> list[Rendered]:
        """One rendered (and registered) document per recipient."""
        return rendering.render_each(self.scope, type_name, data, fmt, _request(options))

    def render_formats(
        self, type_name: str, data: Any, formats: Sequence[Format], *, requested_by: str = "cli"
    ) -> list[list[Rendered]]:
        """Each recipient's document in several formats, with one id and register entry."""
        request = Request(requested_by)
        return rendering.render_formats(self.scope, type_name, data, formats, request)

    def render_many(
        self,
        type_name: str,
        cases: Sequence[Any],
        fmt: Format,
        chunk_size: int = PDF_CHUNK,
        **options: Unpack[RenderOptions],
    ) -> list[Rendered | CaseInvalid]:
        """One result per case, in order: what :meth:`render` gives or raises for it."""
        batch = Batch(_request(options, "batch"), chunk_size)
        return many.render_many(self.scope, type_name, cases, fmt, batch)

    def render_copies_many(
        self,
        type_name: str,
        cases: Sequence[Any],
        fmt: Format,
        chunk_size: int = PDF_CHUNK,
        prints: list[PrintPart] | None = None,
        resumable: bool = False,
        **options: Unpack[RenderOptions],
    ) -> list[list[Rendered] | CaseInvalid]:
        """Like :meth:`render_many`, each case's documents one per recipient; ``prints``
        receives each chunk as one print PDF; ``resumable``: the caller
        re-renders the cases it has not marked done (``Register.record_many``)."""
        batch = Batch(_request(options, "batch"), chunk_size, prints, resumable)
        return many.render_copies_many(self.scope, type_name, cases, fmt, batch)

    def render_formats_many(
        self,
        type_name: str,
        cases: Sequence[Any],
        formats: Sequence[Format],
        prints: list[PrintPart] | None = None,
        resumable: bool = False,
        **options: Unpack[RenderOptions],
    ) -> dict[Format, list[list[Rendered] | CaseInvalid]]:
        """:meth:`render_copies_many` in each of ``formats`` from one validation of each
        case: a letter's PDF and DOCX carry the same letter number (a batch's path)."""
        batch = Batch(_request(options, "batch"), PDF_CHUNK, prints, resumable)
        return many.render_formats_many(self.scope, type_name, cases, formats, batch)

    # --- provenance ---------------------------------------------------------------

    def source(self, printer: Engine | None, template: str, *, stamped: bool = True) -> Source:
        """What the register keeps of ``template`` as printed by ``printer``."""
        return self.scope.provenance.source(printer, template, stamped=stamped)

    def reissue_pdf(self, document_id: str) -> reissue.Reissued:
        """A registered PDF of this tenant made again (or NotReissuable saying why)."""
        return reissue.reissue_pdf(self.scope, document_id)

    def issued_again(self, document_id: str, fmt: Format) -> Rendered:
        """A registered document of this tenant given again in ``fmt``, under its own id
        and code, the file recorded as its output (or NotReissuable saying why)."""
        return same_document.issued_again(self.scope, document_id, fmt)


def _request(options: RenderOptions, by: str = "cli") -> Request:
    return Request(options.get("requested_by", by), options.get("batch_id"), options.get("engine"))


__all__ = [
    "CUSTOM_TEMPLATES",
    "FORMATS",
    "MEDIA_TYPES",
    "PDF_CHUNK",
    "SHARED_LAYOUT",
    "UNSTAMPED",
    "Assessment",
    "CaseInvalid",
    "DocumentService",
    "Format",
    "PrintPart",
    "Rendered",
    "Report",
    "Source",
    "TemplateRenderError",
    "bundle",
    "template_kind",
]
