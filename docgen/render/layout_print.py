"""Built-in layouts (``docgen.layouts``) printed to PDF and DOCX.

:class:`LayoutPrinter` prints a layout's blocks with one PDF engine: Typst (markup from
``docmodel.typst_writer``) or WeasyPrint (HTML from ``docmodel.html_writer`` with
print.css). It answers to the calls the service makes of a template renderer
(``render``, ``render_many``), a layout's name standing for the template's, so single
letters, batches and reissues go through the same paths as template files.

A printed document is registered under ``layouts/<name>.py@<engine>`` with the hash of
its layout module (its words) and a layout hash of the shared blocks, the writer, the
shared Typst files or stylesheet, and the fonts: a reissue is refused when any changed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgen import layouts
from docgen.docmodel import blocks, docx_writer, html_writer, typst_writer
from docgen.docmodel.blocks import Document
from docgen.render.errors import GlyphMissing, TemplateRenderError
from docgen.render.fonts import missing_glyphs

if TYPE_CHECKING:
    from docgen.render.pdf import PdfRenderer
    from docgen.render.typst_pdf import TypstRenderer

ENGINES = ("typst", "weasyprint")
_ID = re.compile(r"^layouts/(?P<name>[a-z_]+(?::[a-z_]+)?)\.py@(?P<engine>typst|weasyprint|docx)$")
_BLOCKS = Path(blocks.__file__)
_DOCMODEL = _BLOCKS.parent
_WRITER_FILES = {
    "typst": (_DOCMODEL / "typst_writer.py",),
    "weasyprint": (_DOCMODEL / "html_writer.py",),
    "docx": (
        _DOCMODEL / "docx_writer.py",
        _DOCMODEL / "docx_body.py",
        _DOCMODEL / "docx_package.py",
        _DOCMODEL / "docx_signing.py",
        _DOCMODEL / "docx_styles.py",
    ),
}
_TEMPLATE_FILES = {
    "typst": typst_writer.SHARED_FILES,
    "weasyprint": ("_shared/print.css",),
    "docx": (),
}


def template_id(name: str, engine: str) -> str:
    """How the register names a document printed from layout ``name`` by ``engine``."""
    return f"layouts/{name}.py@{engine}"


def parse_template_id(value: str) -> tuple[str, str] | None:
    """(layout name, engine) of a registered template id, or None for a template file."""
    match = _ID.match(value)
    return (match["name"], match["engine"]) if match else None


def shared_files(engine: str, templates_dir: Path) -> list[Path]:
    """What a layout printed by ``engine`` depends on besides its own module."""
    return [
        _BLOCKS,
        _DOCMODEL / "signing.py",  # the signing blocks, held apart from the others
        _DOCMODEL / "cells.py",  # where a table's cells may break (Table.kept)
        layouts.SHARED,
        *_WRITER_FILES[engine],
        *(templates_dir / name for name in _TEMPLATE_FILES[engine]),
    ]


def build(name: str, context: Mapping[str, Any]) -> Document:
    layout = layouts.get(name)
    if layout is None:
        raise TemplateRenderError(f"没有内置版式「{name}」")
    return layout.build(context)


def render_docx(
    name: str,
    context: Mapping[str, Any],
    font_family: str,
    properties: Mapping[str, str] | None = None,
    now: datetime | None = None,
    footer: str | None = None,
) -> bytes:
    document = build(name, context)
    return docx_writer.write(document, font_family, properties=properties, now=now, footer=footer)


class LayoutPrinter:
    """Prints layouts with one PDF engine; ``backend`` is that engine's renderer."""

    def __init__(self, engine: str, backend: TypstRenderer | PdfRenderer) -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown PDF engine: {engine}")
        self.engine = engine
        self.backend = backend

    def _check_glyphs(self, documents: list[Document], footers: list[str | None]) -> None:
        texts = [
            piece
            for document in documents
            for piece in (document.title, document.author, *blocks.paragraphs(document))
        ]
        texts += [footer for footer in footers if footer]
        # a ticked box is drawn by both writers from □ and ✓, which the fonts have
        drawn = "".join(texts).replace(typst_writer.TICKED_BOX, "")
        missing = missing_glyphs(drawn, self.backend.font_families)
        if missing:
            raise GlyphMissing(missing)

    def render(
        self,
        name: str,
        context: Mapping[str, Any],
        *,
        footer: str | None = None,
        metadata: dict[str, str] | None = None,
    ) -> bytes:
        """The PDF of one document; ``footer`` (the register's stamp) is printed on every
        page and ``metadata`` written into the document information."""
        return self._print(
            name,
            [context],
            [footer] if footer is not None else None,
            [metadata] if metadata is not None else None,
            None,
            single=True,
        )[0]

    def render_many(
        self,
        name: str,
        contexts: list[Mapping[str, Any]],
        *,
        footers: list[str] | None = None,
        metadata: list[dict[str, str]] | None = None,
        combined: list[tuple[bytes, list[int]]] | None = None,
    ) -> list[bytes]:
        """One PDF per context; ``combined`` as for the template renderers."""
        return self._print(name, contexts, footers, metadata, combined)

    def _print(
        self,
        name: str,
        contexts: list[Mapping[str, Any]],
        footers: list[str] | None,
        metadata: list[dict[str, str]] | None,
        combined: list[tuple[bytes, list[int]]] | None,
        *,
        single: bool = False,
    ) -> list[bytes]:
        """``single``: one document laid out alone (WeasyPrint lays a batch's letters out
        together, which changes a few bytes of each; Typst lays out each alone anyway)."""
        if not contexts:
            return []
        documents = [build(name, context) for context in contexts]
        stamps: list[str | None] = list(footers) if footers is not None else [None] * len(contexts)
        self._check_glyphs(documents, stamps)
        if self.engine == "typst":
            return self._typst(documents, stamps, metadata, combined)
        return self._weasyprint(documents, footers, metadata, combined, single)

    def _typst(
        self,
        documents: list[Document],
        footers: list[str | None],
        metadata: list[dict[str, str]] | None,
        combined: list[tuple[bytes, list[int]]] | None,
    ) -> list[bytes]:
        from docgen.render.typst_pdf import TypstRenderer, print_part, with_metadata

        backend = self.backend
        if not isinstance(backend, TypstRenderer):
            raise TypeError("the typst engine prints with a TypstRenderer")
        results = []
        for k, (document, footer) in enumerate(zip(documents, footers, strict=True)):
            pdf = backend.compile_source(typst_writer.source([document], [footer]))
            extra = metadata[k] if metadata is not None else None
            results.append(with_metadata(pdf, extra) if extra else pdf)
        if combined is not None and results:
            combined.append(print_part(results))  # the letters' pages, not laid out again
        return results

    def _weasyprint(
        self,
        documents: list[Document],
        footers: list[str] | None,
        metadata: list[dict[str, str]] | None,
        combined: list[tuple[bytes, list[int]]] | None,
        single: bool,
    ) -> list[bytes]:
        backend = self.backend
        base_url = (backend.templates_dir / "_shared" / "print.css").as_uri()
        markups = [html_writer.html(document) for document in documents]
        from docgen.render.pdf import PdfRenderer

        if not isinstance(backend, PdfRenderer):
            raise TypeError("the weasyprint engine prints with a PdfRenderer")
        if single:
            return [
                backend.render_markup(
                    markups[0],
                    base_url,
                    footer=footers[0] if footers else None,
                    metadata=metadata[0] if metadata else None,
                    glyphs_checked=True,  # _print checked the blocks and footers
                )
            ]
        # render_markups trusts its caller: _print checked the blocks and footers
        return backend.render_markups(
            markups, base_url, footers=footers, metadata=metadata, combined=combined
        )


__all__ = [
    "ENGINES",
    "LayoutPrinter",
    "build",
    "parse_template_id",
    "render_docx",
    "shared_files",
    "template_id",
]
