"""PDF rendering with Typst: docgen's default PDF engine, about ten times faster.

WeasyPrint lays out and draws in Python, about 150 ms of CPU per two-page letter; Typst
(a typesetting engine in Rust, the ``typst`` package) lays out the same letter in about
10 ms. A built-in layout is printed from the markup ``docgen.docmodel.typst_writer``
generates (``compile_source``); a type printed from template files (one a plugin
registers) offers this engine by naming a ``.typ`` template beside its ``.html`` and
``.docx`` (``templates["typst"]``). docgen uses it unless ``DOCGEN_PDF_ENGINE=weasyprint`` or a
batch run asks otherwise (see ``DocumentService.pdf_template``).

The templates get the same context as the HTML and DOCX templates, as JSON data in
``sys.inputs`` (``templates/_typst/letter.typ`` reads it): case values are inserted as
text, never evaluated as markup. Typst reads files only under the template root, has no
network access here, and sees only the configured fonts (no system or built-in font
can stand in for them); every character is checked against those fonts before layout,
as on the WeasyPrint path. The output is deterministic: the same input gives the same
bytes, so a registered document can be made again byte for byte.
"""

from __future__ import annotations

import functools
import io
import json
import re
import threading
from pathlib import Path
from typing import Any

import typst

from docgen.domain.texts import strings
from docgen.render import prepared_fonts
from docgen.render.errors import GlyphMissing, TemplateRenderError
from docgen.render.fonts import locate, missing_glyphs


@functools.lru_cache(maxsize=8)
def _fonts(folders: tuple[tuple[str, int], ...]) -> typst.Fonts:
    """The faces in ``folders`` (each with its modification time, so a folder whose files
    changed is read again). Reading them takes about 0.3 s, and compilers can share one
    set: a service for another tenant or settings does not read them again."""
    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=False,
        font_paths=[folder for folder, _mtime in folders],
    )


class TypstRenderer:
    """Renders ``.typ`` templates under ``templates_dir`` to PDF; reuse one per process."""

    def __init__(
        self,
        templates_dir: Path,
        font_families: tuple[str, ...],
        font_cache_dir: Path | None = None,
    ) -> None:
        """``font_cache_dir``: where prepared fonts are kept (none: the full fonts only).

        With prepared fonts, the prepared family comes first and the configured families
        after it: Typst reads a face whole the first time it uses it, so a letter in the
        prepared repertoire never loads the full 26 MB faces (about 75 MB less memory per
        process); a rarer character falls through to the full face of the same family.
        The glyph check compares with the full families either way.
        """
        self.templates_dir = templates_dir.resolve()
        self.font_families = font_families
        folders = sorted({str(locate(family).path.parent) for family in font_families})
        stack = list(font_families)
        if font_cache_dir is not None and font_families:
            prepared = prepared_fonts.prepare(font_families[0], font_cache_dir)
            folders.insert(0, str(prepared[0].path.parent))
            stack.insert(0, prepared_fonts.prepared_family(font_families[0]))
        fonts = _fonts(tuple((folder, Path(folder).stat().st_mtime_ns) for folder in folders))
        self._fonts = json.dumps(stack, ensure_ascii=False)
        # one compiler: Typst keeps what it parsed and laid out between compilations;
        # it compiles one document at a time (a second thread gets "Already borrowed")
        self._compiler = typst.Compiler(
            root=str(self.templates_dir), font_paths=fonts, sys_inputs={"fonts": self._fonts}
        )
        self._compiling = threading.Lock()
        self._inputs_are_fonts = True  # the compiler's sys.inputs are the fonts alone

    def check_glyphs(self, context: Any) -> None:
        missing = missing_glyphs(
            "".join(text for _, text in strings(context, scalars=True)), self.font_families
        )
        if missing:
            raise GlyphMissing(missing)

    def _compile(self, template_name: str, letters: list[dict[str, Any]]) -> bytes:
        path = (self.templates_dir / template_name).resolve()
        if not path.is_relative_to(self.templates_dir) or path.suffix != ".typ":
            raise TemplateRenderError(f"Typst 模板不在模板目录内：{template_name}")
        payload = json.dumps(letters, ensure_ascii=False, default=str)
        try:
            with self._compiling:
                self._inputs_are_fonts = False
                pdf = self._compiler.compile(
                    str(path),
                    sys_inputs={"letters": payload, "fonts": self._fonts},
                    timestamp=0,
                )
        except typst.TypstError as exc:
            raise TemplateRenderError(f"Typst 模板排版失败：{exc.message}") from exc
        if not isinstance(pdf, bytes):
            raise RuntimeError("Typst returned no PDF")
        return pdf

    def compile_source(self, source: str) -> bytes:
        """A PDF from generated Typst ``source`` (``docgen.docmodel.typst_writer``), which
        may import the shared files under the template root and carries its letters' data.
        The caller checks the glyphs of what it prints.

        Its inputs (the fonts) are the same for every document: Typst then reuses what it
        evaluated and laid out before (the shared files, paragraphs met before), about
        half of a letter's compile time; inputs that differ per document undo that.
        They are handed over only when the compiler holds others (after a template
        file's letters): given again, even unchanged, they make Typst build and hash its
        standard library anew, some 0.5 ms of a letter's 7 ms."""
        try:
            with self._compiling:
                # ``...``: the compiler keeps the inputs it holds
                inputs = ... if self._inputs_are_fonts else {"fonts": self._fonts}
                self._inputs_are_fonts = True
                pdf = self._compiler.compile(
                    input=source.encode("utf-8"), sys_inputs=inputs, timestamp=0
                )
        except typst.TypstError as exc:
            raise TemplateRenderError(f"Typst 排版失败：{exc.message}") from exc
        if not isinstance(pdf, bytes):
            raise RuntimeError("Typst returned no PDF")
        return pdf

    def render(
        self,
        template_name: str,
        context: dict[str, Any],
        *,
        footer: str | None = None,
        metadata: dict[str, str] | None = None,
    ) -> bytes:
        """The PDF; ``footer`` is printed in the bottom-left corner of every page (the
        register's id and code) and ``metadata`` is written into the document
        information, as ``PdfRenderer.render`` does."""
        self.check_glyphs(context)
        if footer is not None:
            self.check_glyphs(footer)
        pdf = self._compile(template_name, [{"c": context, "footer": footer}])
        return with_metadata(pdf, metadata) if metadata else pdf

    def render_many(
        self,
        template_name: str,
        contexts: list[dict[str, Any]],
        *,
        footers: list[str] | None = None,
        metadata: list[dict[str, str]] | None = None,
        combined: list[tuple[bytes, list[int]]] | None = None,
    ) -> list[bytes]:
        """One PDF per context, each byte for byte what ``render`` gives for it.

        ``combined``, when given, receives all the letters as one PDF (a print file, not a
        letter: ``print_part``) and each letter's page count.
        """
        if footers is not None and len(footers) != len(contexts):
            raise ValueError("one footer per letter")
        letter_footers: list[str | None] = (
            list(footers) if footers is not None else [None] * len(contexts)
        )
        results = [
            self.render(
                template_name,
                context,
                footer=footer,
                metadata=metadata[k] if metadata is not None else None,
            )
            for k, (context, footer) in enumerate(zip(contexts, letter_footers, strict=True))
        ]
        if combined is not None and results:
            combined.append(print_part(results))
        return results


_TRAILER = re.compile(rb"trailer\s*<<(?P<body>.*?)>>\s*startxref\s*(?P<xref>\d+)\s*%%EOF\s*$", re.S)
_INFO_REF = re.compile(rb"/Info\s+(\d+)\s+0\s+R")
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def print_part(pdfs: list[bytes]) -> tuple[bytes, list[int]]:
    """The letters' PDFs one after the other as one print PDF, and each one's page count.

    Their pages are copied as they are (qpdf, through pikepdf), not laid out again: a
    second layout of the chunk cost Typst as much as the letters themselves (some 6 ms a
    letter), the copy about 0.6 ms. Each letter keeps its own font subsets, so a part is
    about the sum of its letters' sizes (a chunk laid out together shared one subset).
    """
    import pikepdf

    whole = pikepdf.new()
    sources = []
    counts = []
    try:
        for pdf in pdfs:
            source = pikepdf.open(io.BytesIO(pdf))
            sources.append(source)
            counts.append(len(source.pages))
            whole.pages.extend(source.pages)
        out = io.BytesIO()
        whole.save(out)
        return out.getvalue(), counts
    finally:
        whole.close()
        for source in sources:
            source.close()


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF Typst wrote (its objects are not compressed)."""
    if _TRAILER.search(pdf[-1024:]) and b"/ObjStm" not in pdf:
        return len(_PAGE.findall(pdf))
    from pypdf import PdfReader  # a file not written as Typst writes it: rare

    return len(PdfReader(io.BytesIO(pdf)).pages)


def with_metadata(pdf: bytes, metadata: dict[str, str]) -> bytes:
    """``pdf`` with entries added to its document information, as an incremental update:
    the bytes Typst wrote stay as they are; a new version of the information dictionary,
    a cross-reference section for it and a trailer pointing back to the old one are
    appended (ISO 32000-1, 7.5.6). Falls back to pypdf for a file not laid out as Typst
    writes it (a classic cross-reference table and trailer, an /Info dictionary)."""
    tail = _TRAILER.search(pdf[-1024:])
    info = _INFO_REF.search(tail.group("body")) if tail else None
    body = None
    if tail is not None and info is not None:
        number = int(info.group(1))
        found = re.search(rb"\n%d 0 obj\s*(<<.*?>>)\s*endobj" % number, pdf, re.S)
        body = found.group(1) if found else None
    if tail is None or info is None or body is None:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(PdfReader(io.BytesIO(pdf)), incremental=True)
        writer.add_metadata({f"/{key}": value for key, value in metadata.items()})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    entries = b"".join(
        b"/" + _pdf_name(key) + _pdf_string(value) for key, value in metadata.items()
    )
    base = pdf if pdf.endswith(b"\n") else pdf + b"\n"
    obj_offset = len(base)
    obj = b"%d 0 obj\n%s%s>>\nendobj\n" % (number, body[:-2], entries)
    xref_offset = obj_offset + len(obj)
    trailer = re.sub(rb"/Prev\s+\d+", b"", tail.group("body"))
    section = b"xref\n%d 1\n%010d 00000 n\r\ntrailer\n<<%s/Prev %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        number,
        obj_offset,
        trailer,
        tail.group("xref"),
        xref_offset,
    )
    return base + obj + section


def _pdf_name(key: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", key):
        raise ValueError(f"not a plain PDF name: {key!r}")
    return key.encode("ascii")


def _pdf_string(value: str) -> bytes:
    """A PDF text string: literal ASCII where it can be, else UTF-16BE with a BOM."""
    if value.isascii() and value.isprintable():
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("ascii") + b")"
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


__all__ = ["TypstRenderer", "page_count", "print_part", "with_metadata"]
