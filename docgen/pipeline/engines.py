"""The engines documents are printed with, made once per process and shared by tenants.

PDF engines (WeasyPrint for HTML templates, Typst for ``.typ`` templates, the printers of
built-in layouts, and WeasyPrint in a limited child for firms' uploads) share the
:class:`Engine` protocol; :func:`choose` is the one place that picks among them. DOCX is
printed by python-docx (built-in layouts) or docxtpl (template files).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from docgen import isolation
from docgen.config import Settings
from docgen.render.docx import DocxRenderer
from docgen.render.isolated_pdf import IsolatedPdfRenderer
from docgen.render.layout_print import LayoutPrinter
from docgen.render.pdf import PdfRenderer

if TYPE_CHECKING:
    from docgen.render.typst_pdf import TypstRenderer


class Engine(Protocol):
    """A PDF engine: one document, or several laid out together (same pages each)."""

    def render(
        self,
        template: str,
        context: dict[str, Any],
        /,
        *,
        footer: str | None = None,
        metadata: dict[str, str] | None = None,
    ) -> bytes: ...

    def render_many(
        self,
        template: str,
        contexts: Any,
        /,
        *,
        footers: list[str] | None = None,
        metadata: list[dict[str, str]] | None = None,
        combined: list[tuple[bytes, list[int]]] | None = None,
    ) -> list[bytes]: ...


class Target(NamedTuple):
    """What a PDF prints with: the engine and its template (or built-in layout's name)."""

    printer: Engine
    template: str


class Engines:
    """The engines of one installation, each made on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.docx = DocxRenderer()
        self._pdf: PdfRenderer | None = None
        self._isolated: IsolatedPdfRenderer | None = None
        self._typst: TypstRenderer | None = None
        self._printers: dict[str, LayoutPrinter] = {}

    @property
    def pdf(self) -> PdfRenderer:
        """WeasyPrint, for the HTML templates under the templates directory."""
        if self._pdf is None:
            self._pdf = PdfRenderer(
                self.settings.templates_dir,
                self.settings.pdf_font_families,
                font_cache_dir=self.settings.effective_font_cache_dir,
            )
        return self._pdf

    @pdf.setter
    def pdf(self, renderer: PdfRenderer) -> None:
        self._pdf = renderer  # an already loaded renderer, shared (its fonts load slowly)

    @property
    def isolated_pdf(self) -> IsolatedPdfRenderer:
        """The renderer for uploaded HTML templates: each print in a limited child."""
        if self._isolated is None:
            limits = isolation.Limits(
                memory_bytes=self.settings.isolation_memory_mb * isolation.MiB,
                cpu_seconds=int(self.settings.upload_print_seconds) + 1,
                wall_seconds=self.settings.upload_print_seconds,
            )
            self._isolated = IsolatedPdfRenderer(
                self.pdf, limits, self.settings.upload_print_max_pages
            )
        return self._isolated

    @property
    def typst(self) -> TypstRenderer:
        """The Typst engine (``.typ`` templates)."""
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
            self._printers[engine] = LayoutPrinter(engine, self.named(engine))
        return self._printers[engine]

    @property
    def layout_engines(self) -> tuple[str, ...]:
        """The engines whose layout printer was made (the ones already warmed up)."""
        return tuple(self._printers)

    def named(self, engine: str) -> Any:
        """The engine registered under ``engine``; an unknown name prints with WeasyPrint,
        as the settings' default does."""
        return REGISTRY.get(engine, REGISTRY["weasyprint"])(self)


REGISTRY: dict[str, Callable[[Engines], Any]] = {
    "weasyprint": lambda engines: engines.pdf,
    "typst": lambda engines: engines.typst,
}
"""The template engines by name, as the ``pdf_engine`` setting and requests name them."""


@dataclass(frozen=True)
class PdfChoice:
    """What is known of a case's PDF before an engine is chosen: its built-in layout (if
    any), its HTML template (an absolute path when it is an uploaded one, which wins over
    the layout), its Typst template (if any), and the engine asked for."""

    engine: str
    layout: str | None
    html: str
    typst: str | None
    uploaded: bool


def choose(engines: Engines, choice: PdfChoice) -> Target:
    """The engine and template a PDF prints with.

    An uploaded HTML template prints through WeasyPrint in a limited child process. Else
    a built-in layout prints with the chosen engine. Else ``typst`` prints the Typst
    template where the type has one, and otherwise the HTML template goes through
    WeasyPrint.
    """
    if not choice.uploaded and choice.layout is not None:
        return Target(engines.layout_printer(choice.engine), choice.layout)
    if choice.uploaded:
        return Target(engines.isolated_pdf, choice.html)
    if choice.engine == "typst" and choice.typst is not None:
        return Target(engines.typst, choice.typst)
    return Target(engines.pdf, choice.html)
