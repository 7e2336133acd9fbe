"""The service layer: validate a case, render it, report problems as data.

Entrypoints (API, CLI, batch) call only these functions; they never touch renderers or
models directly, so every entrypoint gives the same answers and the same errors.
"""

from __future__ import annotations

import copy as _copy  # ``copy`` names each recipient's copy of a case below
import dataclasses
import functools
import io
import json
import logging
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from docgen import isolation, layouts
from docgen.config import Settings
from docgen.documents import registry
from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.compliance import load_terms
from docgen.documents.problems import Assessment, CaseInvalid, Problem, touches
from docgen.domain.texts import strings
from docgen.reference_data import effective_lpr_file, lpr_table
from docgen.register import Issue, Stamp, sha256_hex
from docgen.render import layout_print
from docgen.render.docx import DocxRenderer
from docgen.render.errors import GlyphMissing, TemplateRenderError
from docgen.render.fonts import missing_glyphs
from docgen.render.isolated_pdf import IsolatedPdfRenderer, TemplateLimitExceeded
from docgen.render.layout_print import LayoutPrinter
from docgen.render.pdf import PdfRenderer
from docgen.render.pdf_chunks import NotChunkable
from docgen.tenants import DEFAULT_TENANT_ID

if TYPE_CHECKING:
    from docgen.profiles.store import ProfileStore
    from docgen.register.store import Register
    from docgen.render.typst_pdf import TypstRenderer
    from docgen.template_store import TemplateStore, VersionInfo

log = logging.getLogger(__name__)

SHARED_LAYOUT: dict[str, tuple[str, ...]] = {
    ".html": ("_shared/print.css", "_shared/macros.html"),
    ".typ": ("_typst/letter.typ",),
}
"""The files under the templates directory every PDF template of a kind is printed with."""

UNSTAMPED = "#unstamped"
"""Appended to a PDF's registered template id when its pages carry no stamp, so that a
reissue prints it as it was printed (a court filing printed before this rule carries it)."""

# Letters laid out together by render_many: large enough to share the set-up, small enough
# that a chunk's layout (kept until its letters are written) stays small in memory.
PDF_CHUNK = 16

Format = Literal["pdf", "docx"]
FORMATS: tuple[Format, ...] = ("pdf", "docx")
CUSTOM_TEMPLATES = "custom_templates"  # under the data directory: uploaded template files
MEDIA_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "zip": "application/zip",
}


@dataclass(frozen=True)
class Source:
    """What a document was made from, as the register keeps it: the template's (or
    layout's) id and hash, and the version of the shared layout and fonts."""

    id: str
    hash: str
    layout_hash: str | None


if TYPE_CHECKING:
    Printer = PdfRenderer | TypstRenderer | LayoutPrinter | IsolatedPdfRenderer


@dataclass
class Rendered:
    """A finished document and what the rules warned about while making it."""

    content: bytes
    filename: str
    fmt: Literal["pdf", "docx", "zip"]
    type_name: str
    warnings: list[Problem] = field(default_factory=list)
    document_id: str | None = None
    verification_code: str | None = None
    recipient: str | None = None  # whom this copy is addressed to, for types with several

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.fmt]


@dataclass
class PrintPart:
    """Several letters of a rendered chunk as one PDF that shares its fonts (for printing).

    ``letters`` holds, in page order, (case index, copy index, first page, page count):
    which recipient's copy of which case each run of pages is; the first page is 0-based.
    """

    content: bytes
    letters: list[tuple[int, int, int, int]]


@dataclass
class Report:
    """The outcome of validating a case without rendering it."""

    problems: list[Problem]
    computed: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


class Docgen:
    """One per process: holds settings and the (expensive, reusable) renderers.

    It acts for one tenant (``tenant_id``): the sender profiles, letter numbers and
    uploaded templates a case resolves to, and the register entries it writes, are that
    tenant's. The process's service acts for the default tenant (the CLI, a single-user
    install); :meth:`for_tenant` gives a view acting for another, sharing the renderers.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.tenant_id = DEFAULT_TENANT_ID
        self.draft = False  # a draft: no register entry, no document id, no letter number
        self._root = self  # a tenant's view shares the renderers and stores of its root
        self._pdf: PdfRenderer | None = None
        self._isolated_pdf: IsolatedPdfRenderer | None = None
        self._typst: TypstRenderer | None = None
        self._profiles: ProfileStore | None = None
        self._register: Register | None = None
        self._template_hashes: dict[Path, tuple[int, str]] = {}
        self._layout_hashes: dict[str, tuple[tuple[int, ...], str]] = {}
        self._templates: TemplateStore | None = None
        self._printers: dict[str, LayoutPrinter] = {}
        self.docx = DocxRenderer()

    def for_tenant(self, tenant_id: int) -> Docgen:
        """This service acting for ``tenant_id`` (cheap: renderers and stores are shared)."""
        view = _copy.copy(self._root)
        view.tenant_id = tenant_id
        return view

    @property
    def profiles(self) -> ProfileStore:
        """Stored sender profiles (the database is migrated on first use)."""
        if self._root is not self:
            return self._root.profiles
        if self._profiles is None:
            from docgen import db  # the database layer loads only when it is needed
            from docgen.profiles.store import ProfileStore

            self._profiles = ProfileStore(db.upgrade(self.settings.effective_database_url))
        return self._profiles

    @property
    def register(self) -> Register | None:
        """The document register, or None when registration is switched off."""
        if not self.settings.register_documents:
            return None
        if self._root is not self:
            return self._root.register
        if self._register is None:
            from docgen.register.store import Register  # the database code, only when used

            self._register = Register(self.settings.effective_database_url)
        return self._register

    @property
    def pdf(self) -> PdfRenderer:
        if self._root is not self:
            return self._root.pdf
        if self._pdf is None:
            self._pdf = PdfRenderer(
                self.settings.templates_dir,
                self.settings.pdf_font_families,
                font_cache_dir=self.settings.effective_font_cache_dir,
            )
        return self._pdf

    @property
    def isolated_pdf(self) -> IsolatedPdfRenderer:
        """The renderer for uploaded HTML templates: each print in a limited child."""
        if self._root is not self:
            return self._root.isolated_pdf
        if self._isolated_pdf is None:
            limits = isolation.Limits(
                memory_bytes=self.settings.isolation_memory_mb * isolation.MiB,
                cpu_seconds=int(self.settings.upload_print_seconds) + 1,
                wall_seconds=self.settings.upload_print_seconds,
            )
            self._isolated_pdf = IsolatedPdfRenderer(
                self.pdf, limits, self.settings.upload_print_max_pages
            )
        return self._isolated_pdf

    @property
    def typst(self) -> TypstRenderer:
        """The Typst engine (``.typ`` templates), made on first use."""
        if self._root is not self:
            return self._root.typst
        if self._typst is None:
            from docgen.render.typst_pdf import TypstRenderer  # imports Typst: only when used

            self._typst = TypstRenderer(
                self.settings.templates_dir,
                self.settings.pdf_font_families,
                font_cache_dir=self.settings.effective_font_cache_dir,
            )
        return self._typst

    def layout_printer(self, engine: str) -> LayoutPrinter:
        """The printer of built-in layouts with ``engine`` (``typst`` or ``weasyprint``)."""
        if engine not in self._printers:
            backend = self.typst if engine == "typst" else self.pdf
            self._printers[engine] = LayoutPrinter(engine, backend)
        return self._printers[engine]

    def layout_name(self, doc_type: DocumentType[Any], case: Any = None) -> str | None:
        """The built-in layout a case prints from when no uploaded template is active for
        it (of the case's layout for a type with several; without a case, of its first),
        or None for a type printed from template files (one a plugin registers)."""
        first = next(iter(doc_type.variants), "")
        variant = doc_type.variant(case) if case is not None else first
        name = layouts.name_for(doc_type.name, variant)
        return name if layouts.get(name) is not None else None

    def pdf_template(
        self, doc_type: DocumentType[Any], case: Any = None, engine: str | None = None
    ) -> tuple[Printer, str]:
        """The renderer and template (or layout) a case's PDF prints with.

        An uploaded HTML template active for the case prints through WeasyPrint. Else a
        type with a built-in layout prints it with ``engine`` (default: the
        ``pdf_engine`` setting). Else ``typst`` prints with the type's ``.typ`` template
        where it has one, and otherwise the HTML template goes through WeasyPrint (in a
        limited child process when the template is an upload: an absolute path).
        """
        chosen = engine or self.settings.pdf_engine
        upload = self._active(doc_type, "html", case)
        layout = self.layout_name(doc_type, case)
        if upload is None and layout is not None:
            return self.layout_printer(chosen), layout
        html = self.html_template(doc_type, case=case)
        if Path(html).is_absolute():
            return self.isolated_pdf, html
        if chosen == "typst":
            templates = doc_type.templates if case is None else doc_type.templates_for(case)
            if "typst" in templates:
                return self.typst, templates["typst"]
        return self.pdf, html

    @property
    def templates(self) -> TemplateStore:
        """Firms' uploaded template versions (the database is migrated on first use)."""
        if self._root is not self:
            return self._root.templates
        if self._templates is None:
            from docgen import db
            from docgen.template_store import TemplateStore

            self._templates = TemplateStore(
                db.upgrade(self.settings.effective_database_url),
                self.settings.data_dir / CUSTOM_TEMPLATES,
                self.settings.templates_dir,
                self.settings.pdf_font_families,
            )
        return self._templates

    def docx_template(
        self, doc_type: DocumentType[Any], version: int | None = None, case: Any = None
    ) -> Path:
        """The .docx a type renders with: a given version, the active upload (for the case's
        layout, else for every layout), or built-in (of the case's layout)."""
        info = (
            self.templates.get(self.tenant_id, doc_type.name, version)
            if version
            else self._active(doc_type, "docx", case)
        )
        if info is not None:
            return self.templates.file_path(info.type_name, info.kind, info.sha256)
        templates = doc_type.templates if case is None else doc_type.templates_for(case)
        return self.settings.templates_dir / templates["docx"]

    def html_template(
        self, doc_type: DocumentType[Any], version: int | None = None, case: Any = None
    ) -> str:
        """The HTML template a type's PDF prints from, as the PDF renderer names it: a given
        version or the active upload (an absolute path to the stored file), or built-in."""
        info = (
            self.templates.get(self.tenant_id, doc_type.name, version, "html")
            if version
            else self._active(doc_type, "html", case)
        )
        if info is not None:
            return str(self.templates.file_path(info.type_name, info.kind, info.sha256))
        templates = doc_type.templates if case is None else doc_type.templates_for(case)
        return templates["html"]

    def _active(self, doc_type: DocumentType[Any], kind: str, case: Any) -> VersionInfo | None:
        """The tenant's active upload for the case's layout, else the one for every layout."""
        if (
            self._root._templates is None
            and not (self.settings.data_dir / CUSTOM_TEMPLATES).is_dir()
        ):
            return None  # nothing was ever uploaded here: no need to open the database
        variant = doc_type.variant(case) if case is not None else ""
        tenant = self.tenant_id
        found = self.templates.active(tenant, doc_type.name, kind, variant) if variant else None
        return found or self.templates.active(tenant, doc_type.name, kind)

    def template_samples(
        self, type_name: str, variant: str = ""
    ) -> list[tuple[str, dict[str, Any]]]:
        """The template context of each valid sample case (an upload must render each);
        with ``variant``, only the cases of that layout.

        Contexts are plain JSON data, so they can be handed to an isolated child process.
        """
        doc_type = registry.get(type_name)
        samples = []
        for path in sorted((self.settings.samples_dir / type_name / "valid").glob("*.json")):
            if path.name.endswith(".expect.json"):
                continue
            try:
                case, _assessment, context = self.context_for(
                    type_name, json.loads(path.read_text(encoding="utf-8-sig"))
                )
            except CaseInvalid:
                continue  # a sample that needs stored data this installation lacks
            if variant and doc_type.variant(case) != variant:
                continue
            samples.append((path.stem, json.loads(json.dumps(context, default=str))))
        return samples

    def upload_template(
        self,
        type_name: str,
        data: bytes,
        *,
        filename: str = "",
        note: str = "",
        by: str = "",
        kind: str | None = None,
        variant: str = "",
    ) -> tuple[VersionInfo, list[Problem]]:
        """Check and store a firm's .docx or .html (``kind``; by default from the file
        name) for a type, or for one of its layouts (``variant``); raises TemplateRejected
        on errors."""
        from docgen.template_store import TemplateRejected

        doc_type = registry.get(type_name)
        if variant and variant not in doc_type.variants:
            known = "、".join(doc_type.variants) or "（该类型只有一种版式）"
            message = f"{doc_type.title}没有版式「{variant[:40]}」；可选：{known}"
            raise TemplateRejected([Problem(("variant",), "unknown_variant", message)])
        kind = kind or template_kind(filename)
        return self.templates.upload(
            self.tenant_id,
            type_name,
            data,
            self.template_samples(type_name, variant),
            filename=filename or f"template.{kind}",
            note=note,
            uploaded_by=by,
            kind=kind,
            variant=variant,
        )

    def context_for(self, type_name: str, data: Any) -> tuple[Any, Assessment, dict[str, Any]]:
        """Validate a case and build its template context (no letter number is used up)."""
        doc_type = registry.get(type_name)
        case = self._resolve(doc_type, self._parse(doc_type, data), final=False)
        assessment = doc_type.evaluate(case, self.options())
        if assessment.errors:
            raise CaseInvalid(assessment.problems)
        return case, assessment, doc_type.context(case, assessment)

    def preview_template(
        self, type_name: str, version: int, data: Any | None = None, kind: str = "docx"
    ) -> Rendered:
        """Render a case (default: the type's sample) with a stored version: a DOCX with a
        .docx template, a PDF with an .html one. Nothing is registered."""
        doc_type = registry.get(type_name)
        # unknown version (or another tenant's): raises first
        info = self.templates.get(self.tenant_id, type_name, version, kind)
        if data is None:
            data = self.sample(type_name, info.variant)
        case, assessment, context = self.context_for(type_name, data)
        if kind == "html":
            template = self.html_template(doc_type, version)
        if kind == "html":
            content = self._render_pdf(case, template, context, renderer=self.isolated_pdf)
            name = f"{doc_type.filename(case)}-PDF模板v{version}预览.pdf"
            return Rendered(content, name, "pdf", type_name, assessment.warnings)
        content = self.docx.render(self.docx_template(doc_type, version), context)
        name = f"{doc_type.filename(case)}-模板v{version}预览.docx"
        return Rendered(content, name, "docx", type_name, assessment.warnings)

    def warm_up(self) -> None:
        """Load what the first render would otherwise load: fonts, stylesheets, glyph maps,
        compiled templates (by rendering each type's sample case, when it has one).

        The samples are rendered straight through the renderers: nothing is recorded in
        the register and no letter number is used up.
        """
        _ = self.pdf.stylesheets
        missing_glyphs("", self.settings.pdf_font_families)
        stamp = Stamp.new() if self.settings.register_documents else None
        for doc_type in registry.all_types():
            data = self.sample(doc_type.name)
            if data is None:
                continue
            try:
                case, _assessment, context = self.context_for(doc_type.name, data)
            except CaseInvalid:
                log.warning("sample case of %s does not render", doc_type.name)
                continue
            self._render_docx(doc_type, case, context, None)
            renderer, template = self.pdf_template(doc_type, case=case)
            on_page = stamp is not None and not doc_type.court_filing
            footer = stamp.footer_text() if stamp is not None and on_page else None
            renderer.render(template, context, footer=footer)

    def options(self) -> RuleOptions:
        return RuleOptions(
            calendar_fallback=self.settings.calendar_fallback,
            # the settings' file, parsed once per version (not Settings() per render)
            lpr_table=lpr_table(
                effective_lpr_file(self.settings.lpr_table_file, self.settings.data_dir)
            ),
            compliance_terms=load_terms(self.settings.compliance_terms_file),
        )

    def sample(self, type_name: str, variant: str = "") -> Any | None:
        """A case of this type that passes validation (the first valid sample; with
        ``variant``, the first of that layout), or None."""
        doc_type = registry.get(type_name)
        for path in sorted((self.settings.samples_dir / type_name / "valid").glob("*.json")):
            if not path.name.endswith(".expect.json"):
                data = json.loads(path.read_text(encoding="utf-8-sig"))
                if not variant or doc_type.variant(doc_type.parse(data)) == variant:
                    return data
        return None

    def validate(self, type_name: str, data: Any) -> Report:
        """All problems of a case (errors and warnings) and the figures computed for it."""
        doc_type = registry.get(type_name)
        try:
            case = self._resolve(doc_type, doc_type.parse(data), final=False)
        except CaseInvalid as exc:
            return Report(self._problems_of_rest(doc_type, data, exc.problems))
        assessment = doc_type.evaluate(case, self.options())
        if not assessment.errors:
            assessment.extend(self._glyph_problems(case))
        return Report(assessment.problems, _public(assessment.computed))

    def _parse(self, doc_type: DocumentType[Any], data: Any) -> Any:
        """The case, or CaseInvalid with every problem found (see ``validate``)."""
        try:
            return doc_type.parse(data)
        except CaseInvalid as exc:
            raise CaseInvalid(self._problems_of_rest(doc_type, data, exc.problems)) from None

    def _problems_of_rest(
        self, doc_type: DocumentType[Any], data: Any, problems: list[Problem]
    ) -> list[Problem]:
        """The parse problems, plus what the rules find in the values that did parse."""
        rest = doc_type.salvage(data, problems)
        if rest is None:
            return problems
        try:
            case = self._resolve(doc_type, rest, final=False)
        except CaseInvalid:
            return problems
        # a rule about a part that lost a value would judge that part without it (a
        # total against the sum of the other amounts): only the other parts are judged
        failed = [p.loc[:1] for p in problems]
        found = doc_type.evaluate(case, self.options()).problems
        return problems + [p for p in found if not touches(p.loc[:1], failed)]

    def render(
        self,
        type_name: str,
        data: Any,
        fmt: Format,
        *,
        requested_by: str = "cli",
        batch_id: str | None = None,
        engine: str | None = None,
    ) -> Rendered:
        """Render a case, or raise CaseInvalid with every problem found.

        A letter with several recipients (debtor and guarantors) comes back as one ZIP
        holding a file per recipient; :meth:`render_each` returns the files themselves.
        """
        rendered = self.render_each(
            type_name, data, fmt, requested_by=requested_by, batch_id=batch_id, engine=engine
        )
        return rendered[0] if len(rendered) == 1 else bundle(rendered)

    def render_each(
        self,
        type_name: str,
        data: Any,
        fmt: Format,
        *,
        requested_by: str = "cli",
        batch_id: str | None = None,
        engine: str | None = None,
    ) -> list[Rendered]:
        """One rendered document per recipient (a single one for most types).

        The whole case is validated first, so an invalid case uses up no letter number.
        With the register on (the default), each document gets an id and a verification
        code, printed in the PDF footer and written in the file's metadata, and is
        recorded with its input, template version and output hash before it is returned.
        """
        doc_type = registry.get(type_name)
        assessment, copies = self._copies(doc_type, data, self.options())
        out = []
        for copy, context in copies:
            # the stamp is made before rendering (it is printed on the document); the
            # database is opened only once there is a document to record
            stamp = self._new_stamp()
            content, source = self._print(doc_type, copy, context, stamp, fmt, engine)
            out.append(
                self._finish(
                    doc_type,
                    copy,
                    assessment,
                    content,
                    fmt,
                    stamp,
                    requested_by,
                    batch_id,
                    source,
                )
            )
        return out

    def _print(
        self,
        doc_type: DocumentType[Any],
        copy: BaseModel,
        context: dict[str, Any],
        stamp: Stamp | None,
        fmt: Format,
        engine: str | None,
    ) -> tuple[bytes, Source]:
        """One recipient's file in ``fmt`` and what it was made from; a court filing's PDF
        carries its stamp in the metadata only."""
        if fmt != "pdf":
            return self._render_docx(doc_type, copy, context, stamp)
        renderer, pdf_template = self.pdf_template(doc_type, copy, engine)
        on_page = not doc_type.court_filing
        content = self._render_pdf(
            copy, pdf_template, context, stamp, renderer, stamp_on_page=on_page
        )
        return content, self._source(renderer, pdf_template, stamped=on_page)

    def render_formats(
        self, type_name: str, data: Any, formats: Sequence[Format], *, requested_by: str = "cli"
    ) -> list[list[Rendered]]:
        """Each recipient's document in several formats at once (PDF and DOCX in one go):
        one document, so one id and verification code printed in both files, and one
        register entry with an output per format. Per recipient, the files in ``formats``
        order."""
        doc_type = registry.get(type_name)
        assessment, copies = self._copies(doc_type, data, self.options())
        out = []
        for copy, context in copies:
            stamp = self._new_stamp()
            issues: list[Issue] = []
            files = []
            for fmt in formats:
                content, source = self._print(doc_type, copy, context, stamp, fmt, None)
                files.append(
                    self._finish(
                        doc_type,
                        copy,
                        assessment,
                        content,
                        fmt,
                        stamp,
                        requested_by,
                        None,
                        source,
                        defer=issues,
                    )
                )
            register = self.register
            if issues and register is not None:
                register.record_outputs(issues)
            out.append(files)
        return out

    def render_many(
        self,
        type_name: str,
        cases: Sequence[Any],
        fmt: Format,
        chunk_size: int = PDF_CHUNK,
        *,
        requested_by: str = "batch",
        batch_id: str | None = None,
    ) -> list[Rendered | CaseInvalid]:
        """Render many cases; one result per case, in order.

        Each result is what ``render`` returns for that case (a document, or a ZIP of one
        document per recipient), or the CaseInvalid that ``render`` would raise for it;
        the other cases are still rendered. PDFs are laid out ``chunk_size`` letters at a
        time (``PdfRenderer.render_many``), each the same document ``render`` gives.
        """
        results = self.render_copies_many(
            type_name, cases, fmt, chunk_size, requested_by=requested_by, batch_id=batch_id
        )
        return [
            r if isinstance(r, CaseInvalid) else (r[0] if len(r) == 1 else bundle(r))
            for r in results
        ]

    def render_copies_many(
        self,
        type_name: str,
        cases: Sequence[Any],
        fmt: Format,
        chunk_size: int = PDF_CHUNK,
        *,
        requested_by: str = "batch",
        batch_id: str | None = None,
        prints: list[PrintPart] | None = None,
        engine: str | None = None,
        resumable: bool = False,
    ) -> list[list[Rendered] | CaseInvalid]:
        """Like :meth:`render_many`, but each case's documents one per recipient, unzipped.

        With ``prints`` (PDF only), each chunk laid out together is also appended to it as
        one PDF whose letters share their fonts, for a merged print file; a chunk whose
        letters had to be rendered one by one gives none. ``engine`` chooses the PDF
        engine as for :meth:`pdf_template`. ``resumable``: the caller re-renders the cases
        it has not marked done (``Register.record_many``).
        """
        doc_type = registry.get(type_name)
        options = self.options()
        failed: dict[int, CaseInvalid] = {}
        done: dict[int, list[Rendered]] = {}
        # register entries per case, recorded together at the end (one commit, and none
        # for a case that failed after some of its copies were made)
        issues: dict[int, list[Issue]] = {}
        pending: dict[
            tuple[Printer, str],
            list[tuple[int, int, Assessment, BaseModel, dict[str, Any]]],
        ] = {}
        for index, data in enumerate(cases):
            try:
                assessment, copies = self._copies(doc_type, data, options)
            except CaseInvalid as exc:
                failed[index] = exc
                continue
            done[index] = []
            for copy_index, (copy, context) in enumerate(copies):
                if fmt == "pdf":
                    entry = (index, copy_index, assessment, copy, context)
                    pending.setdefault(self.pdf_template(doc_type, copy, engine), []).append(entry)
                else:
                    stamp = self._new_stamp()
                    content, source = self._render_docx(doc_type, copy, context, stamp)
                    done[index].append(
                        self._finish(
                            doc_type,
                            copy,
                            assessment,
                            content,
                            fmt,
                            stamp,
                            requested_by,
                            batch_id,
                            source,
                            defer=issues.setdefault(index, []),
                        )
                    )
        step = max(1, chunk_size)
        # cases of a type with several layouts are laid out together per template
        chunks = [
            (key, items[start : start + step])
            for key, items in pending.items()
            for start in range(0, len(items), step)
        ]
        for (renderer, template), chunk in chunks:
            stamps = [self._new_stamp() for _item in chunk]
            printed = [stamp for stamp in stamps if stamp is not None]
            registered = len(printed) == len(stamps)  # the register is on for all or none
            on_page = registered and not doc_type.court_filing
            combined: list[tuple[bytes, list[int]]] | None = [] if prints is not None else None
            try:
                contents: list[bytes] | None = renderer.render_many(
                    template,
                    [item[4] for item in chunk],
                    footers=[stamp.footer_text() for stamp in printed] if on_page else None,
                    metadata=[stamp.properties() for stamp in printed] if registered else None,
                    combined=combined,
                )
            except (GlyphMissing, TemplateRenderError, NotChunkable):
                contents = None  # find out which letter fails: render them one by one
            if prints is not None and contents is not None and combined:
                whole, counts = combined[0]
                firsts = [sum(counts[:k]) for k in range(len(counts))]
                prints.append(
                    PrintPart(
                        whole,
                        [
                            (item[0], item[1], first, count)
                            for item, first, count in zip(chunk, firsts, counts, strict=True)
                        ],
                    )
                )
            for offset, (index, _copy_index, assessment, copy, context) in enumerate(chunk):
                if index in failed:
                    continue
                stamp = stamps[offset]
                try:
                    content = (
                        contents[offset]
                        if contents is not None
                        else self._render_pdf(
                            copy,
                            template,
                            context,
                            stamp,
                            renderer,
                            stamp_on_page=not doc_type.court_filing,
                        )
                    )
                except CaseInvalid as exc:
                    failed[index] = exc
                    continue
                except TemplateRenderError as exc:
                    problem = Problem(("template",), "template_error", str(exc))
                    failed[index] = CaseInvalid([problem])
                    continue
                done[index].append(
                    self._finish(
                        doc_type,
                        copy,
                        assessment,
                        content,
                        fmt,
                        stamp,
                        requested_by,
                        batch_id,
                        self._source(renderer, template, stamped=on_page or not registered),
                        defer=issues.setdefault(index, []),
                    )
                )
        kept = [issue for index, made in issues.items() if index not in failed for issue in made]
        register = self.register
        if kept and register is not None:
            register.record_many(kept, resumable=resumable)
        return [failed[index] if index in failed else done[index] for index in range(len(cases))]

    def _copies(
        self, doc_type: DocumentType[Any], data: Any, options: RuleOptions
    ) -> tuple[Assessment, list[tuple[Any, dict[str, Any]]]]:
        """Validate a case; then each recipient's copy (numbered) and its template context.

        The whole case is validated first, so an invalid case uses up no letter number.
        """
        case = self._resolve(doc_type, self._parse(doc_type, data), final=False)
        assessment = doc_type.evaluate(case, options)
        if assessment.errors:
            raise CaseInvalid(assessment.problems)
        copies = doc_type.split(case) if doc_type.split is not None else [case]
        out = []
        for copy in copies:
            copy = self._resolve(doc_type, copy, final=not self.draft)
            # the context the rules built is the case's: a copy made for its own recipient,
            # or given its letter number, is built again; the case itself is not
            same = copy == case and assessment.context is not None
            out.append(
                (
                    copy,
                    doc_type.context(copy, assessment)
                    if same
                    else doc_type.build_context(copy, assessment),
                )
            )
        return assessment, out

    def drafting(self) -> Docgen:
        """This view rendering drafts: nothing is registered or numbered (docgen.drafts
        marks the files)."""
        view = _copy.copy(self)
        view.draft = True
        return view

    def _new_stamp(self) -> Stamp | None:
        return Stamp.new() if self.settings.register_documents and not self.draft else None

    def _finish(
        self,
        doc_type: DocumentType[Any],
        copy: BaseModel,
        assessment: Assessment,
        content: bytes,
        fmt: Format,
        stamp: Stamp | None = None,
        requested_by: str = "cli",
        batch_id: str | None = None,
        source: Source | None = None,
        defer: list[Issue] | None = None,
    ) -> Rendered:
        """The finished document, recorded in the register when it has a stamp.

        ``source`` is what it was made from (a template file or a built-in layout). With
        ``defer`` the register entry is appended to it instead, for the caller to record
        with others at once.
        """
        register = self.register if stamp is not None else None
        if register is not None and stamp is not None:
            if source is None:
                raise ValueError("a registered document needs its source")
            issue = Issue(
                stamp,
                doc_type.name,
                source.id,
                source.hash,
                copy.model_dump(mode="json"),
                fmt,
                content,
                requested_by,
                batch_id,
                source.layout_hash,
                self.tenant_id,
            )
            if defer is not None:
                defer.append(issue)
            else:
                register.record(issue)
        log.info(
            "rendered type=%s format=%s bytes=%d document=%s",
            doc_type.name,
            fmt,
            len(content),
            stamp.document_id if stamp else "-",
        )
        return Rendered(
            content,
            f"{doc_type.filename(copy)}.{fmt}",
            fmt,
            doc_type.name,
            assessment.warnings,
            stamp.document_id if stamp else None,
            stamp.code if stamp else None,
            getattr(getattr(copy, "recipient", None), "name", None),
        )

    def _render_docx(
        self, doc_type: DocumentType[Any], copy: Any, context: dict[str, Any], stamp: Stamp | None
    ) -> tuple[bytes, Source]:
        """A copy's DOCX: from the active uploaded .docx, else from the type's built-in
        layout, else from its .docx template."""
        properties = docx_properties(stamp) if stamp else None
        layout = self.layout_name(doc_type, copy)
        if layout is not None and self._active(doc_type, "docx", copy) is None:
            family = self.settings.pdf_font_families[0]
            content = layout_print.render_docx(layout, context, family, properties)
            return content, self._source(None, layout)
        path = self.docx_template(doc_type, case=copy)
        return self.docx.render(path, context, properties), self._source(None, str(path))

    def _source(self, printer: Printer | None, template: str, *, stamped: bool = True) -> Source:
        """What the register keeps of ``template`` as printed by ``printer`` (a DOCX:
        None; ``template`` is then a layout's name or a .docx file's path); a PDF whose
        pages carry no stamp (``stamped`` false) has ``UNSTAMPED`` after its id."""
        source = self._unmarked_source(printer, template)
        if printer is not None and not stamped:
            return dataclasses.replace(source, id=source.id + UNSTAMPED)
        return source

    def _unmarked_source(self, printer: Printer | None, template: str) -> Source:
        if isinstance(printer, LayoutPrinter) or (printer is None and layouts.get(template)):
            engine = printer.engine if isinstance(printer, LayoutPrinter) else "docx"
            layout = layouts.get(template)
            if layout is None:
                raise TemplateRenderError(f"没有内置版式「{template}」")
            shared = layout_print.shared_files(engine, self.settings.templates_dir)
            return Source(
                layout_print.template_id(template, engine),
                self._template_hash(layout.source),
                self._files_hash(f"layout:{engine}", shared) if engine != "docx" else None,
            )
        path = self.settings.templates_dir / template
        return Source(self._template_id(path), self._template_hash(path), self._layout_hash(path))

    def _template_id(self, path: Path) -> str:
        """A template file named relative to the templates (or data) directory."""
        for root in (self.settings.templates_dir, self.settings.data_dir):
            if path.is_relative_to(root):
                return path.relative_to(root).as_posix()
        return path.name

    def _template_hash(self, path: Path) -> str:
        """SHA-256 of the template file's bytes, cached per file modification time."""
        stamp = path.stat().st_mtime_ns
        cached = self._template_hashes.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, sha256_hex(path.read_bytes()))
            self._template_hashes[path] = cached
        return cached[1]

    def _layout_hash(self, path: Path) -> str | None:
        """The version of what a PDF template is printed with besides itself: the shared
        files of its kind (``SHARED_LAYOUT``) and the fonts (each configured family's file,
        and the preparation version of the prepared faces). None for a DOCX template,
        which holds its whole layout. A reissue compares it with the registered one."""
        names = SHARED_LAYOUT.get(path.suffix)
        if names is None:
            return None
        return self._files_hash(path.suffix, [self.settings.templates_dir / n for n in names])

    def _files_hash(self, key: str, files: list[Path]) -> str:
        """The version of ``files`` (named relative to the templates directory where they
        lie in it) and the fonts, cached under ``key`` per modification times."""
        stamp = tuple(f.stat().st_mtime_ns if f.is_file() else 0 for f in files)
        cached = self._layout_hashes.get(key)
        if cached is None or cached[0] != stamp:
            parts = [
                f"{self._template_id(f)}:{sha256_hex(f.read_bytes()) if f.is_file() else '-'}"
                for f in files
            ]
            digest = sha256_hex("\n".join([*parts, self._root._font_fingerprint]).encode("utf-8"))
            cached = (stamp, digest)
            self._layout_hashes[key] = cached
        return cached[1]

    @functools.cached_property
    def _font_fingerprint(self) -> str:
        from docgen.render.fonts import locate
        from docgen.render.prepared_fonts import REPERTOIRE_VERSION

        faces = []
        for family in self.settings.pdf_font_families:
            face = locate(family)
            stat = face.path.stat()
            faces.append(f"{family}|{face.path}|{face.index}|{stat.st_size}|{stat.st_mtime_ns}")
        return "\n".join([*faces, f"prepared:{REPERTOIRE_VERSION}"])

    def _resolve(self, doc_type: DocumentType[Any], case: Any, *, final: bool) -> Any:
        if doc_type.resolve is None:
            return case
        return doc_type.resolve(case, _Resources(self), final)

    def _render_pdf(
        self,
        case: BaseModel,
        template: str,
        context: dict[str, Any],
        stamp: Stamp | None = None,
        renderer: Printer | None = None,
        *,
        stamp_on_page: bool = True,
    ) -> bytes:
        """The PDF; with a ``stamp``, its id and code in the metadata and, where
        ``stamp_on_page``, at the foot of every page.

        The renderer checks every character it prints (the one glyph check of a
        document); when one is missing, the case's fields are read to say which holds it.
        """
        renderer = renderer or self.pdf
        try:
            if stamp is None:
                return renderer.render(template, context)
            return renderer.render(
                template,
                context,
                footer=stamp.footer_text() if stamp_on_page else None,
                metadata=stamp.properties(),
            )
        except GlyphMissing as exc:
            problems = self._glyph_problems(case)
            raise CaseInvalid(
                problems or [Problem(("template",), "glyph_missing", str(exc))]
            ) from exc
        except TemplateLimitExceeded as exc:
            raise CaseInvalid([Problem(("template",), exc.code, str(exc))]) from exc

    def _glyph_problems(self, case: BaseModel) -> list[Problem]:
        families = self.settings.pdf_font_families
        problems = []
        for loc, value in strings(case.model_dump(mode="json"), scalars=True):
            missing = missing_glyphs(value, families)
            if missing:
                shown = "、".join(f"「{c}」(U+{ord(c):04X})" for c in missing)
                problems.append(
                    Problem(
                        loc,
                        "glyph_missing",
                        f"PDF 字体中没有字符{shown}的字形，无法打印",
                        hint="请改用规范汉字，或请管理员安装覆盖该字符的字体",
                    )
                )
        return problems


class _Resources:
    """Stored data a document type may draw on while resolving a case."""

    def __init__(self, service: Docgen) -> None:
        self.service = service

    def profile(self, profile_id: int) -> Any:
        return self.service.profiles.get(self.service.tenant_id, profile_id).profile

    def next_letter_number(self, series: str, year: int) -> int:
        return self.service.profiles.next_letter_number(self.service.tenant_id, series, year)


def template_kind(filename: str) -> str:
    """The kind of an uploaded template by its file name: ``html`` for .html/.htm."""
    return "html" if filename.lower().endswith((".html", ".htm")) else "docx"


def bundle(rendered: list[Rendered]) -> Rendered:
    """Several documents of one case in a ZIP, each under its own (unique) name."""
    buffer = io.BytesIO()
    seen: dict[str, int] = {}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in rendered:
            name = item.filename
            if name in seen:
                seen[name] += 1
                stem, dot, ext = name.rpartition(".")
                name = f"{stem}-{seen[name]}{dot}{ext}"
            else:
                seen[name] = 1
            archive.writestr(name, item.content)
    first = rendered[0]
    stem = first.filename.rsplit(".", 1)[0]
    return Rendered(
        buffer.getvalue(), f"{stem}等{len(rendered)}份.zip", "zip", first.type_name, first.warnings
    )


def docx_properties(stamp: Stamp) -> dict[str, str]:
    """Core properties that carry the document id and verification code in a DOCX."""
    return {"dc:identifier": stamp.document_id, "cp:keywords": f"docgen 校验码 {stamp.code}"}


def _public(value: Any) -> Any:
    """Computed figures as JSON-friendly values (dates as ISO strings, Decimals as text)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _public(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {key: _public(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_public(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


__all__ = [
    "FORMATS",
    "Assessment",
    "CaseInvalid",
    "Docgen",
    "Format",
    "Rendered",
    "Report",
    "TemplateRenderError",
]
