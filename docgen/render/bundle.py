"""Merging PDFs into one filing bundle: continuous page stamps and bookmarks.

Every page of the bundle gets a stamp in its top-right corner ("第 12 页", or a
Bates-style label such as ``ZJ000012``), aligned to that page's own corner whatever its
size: the top margin, clear of the 「第 x 页 共 y 页」 footer a complaint or a paper prints
at the bottom of its own pages, so that the bundle's number and the paper's own are never
read for each other. Inputs are trusted PDFs: docgen's own renders and exhibits already rewritten by
:mod:`docgen.render.exhibits` in an isolated process.

Typesetting hundreds of one-line stamps with WeasyPrint costs a page layout each, so the
stamps are drawn directly instead: WeasyPrint typesets one small "glyph sheet" holding
every character the labels use, in the same CJK fonts as the documents (so the glyph check
covers them); its embedded font subset is copied into the bundle once, and each page gets
a few PDF operators showing its label in that font. The font's ToUnicode map makes every
stamp extractable and searchable as text.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
)
from weasyprint import CSS, HTML

from docgen.render.assets import AssetFetcher
from docgen.render.errors import GlyphMissing
from docgen.render.exhibits import STAMP_BAND_PT
from docgen.render.pdf import PdfRenderer

STAMP_SIZE_PT = 10.5
STAMP_RIGHT_PT = 34.0  # 12 mm from the right edge
STAMP_TOP_PT = 34.0  # the baseline about 12 mm below the top edge, in the top margin
STAMP_BOX_BELOW_PT = 4.0  # the white box under the label reaches this far below its baseline
# the box ends above the band every exhibit page keeps blank: it hides nothing filed
STAMP_CLEARANCE_PT = STAMP_BAND_PT - STAMP_TOP_PT - STAMP_BOX_BELOW_PT
STAMP_FONT = NameObject("/DgStamp")


@dataclass(frozen=True)
class OutlineEntry:
    """A bookmark: its title, the 0-based page it opens, and its parent's title (if any)."""

    title: str
    page: int
    parent: str | None = None


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def split_pages(pdf: bytes) -> list[bytes]:
    """One PDF per page (for documents rendered together and used apart)."""
    reader = PdfReader(io.BytesIO(pdf))
    out = []
    for page in reader.pages:
        writer = PdfWriter()
        writer.add_page(page)
        buffer = io.BytesIO()
        writer.write(buffer)
        out.append(buffer.getvalue())
    return out


def page_label(number: int, prefix: str | None = None, digits: int = 6) -> str:
    """The stamp of page ``number``: "第 N 页", or ``prefix`` + zero-padded N (Bates)."""
    return f"{prefix}{number:0{digits}d}" if prefix else f"第 {number} 页"


def page_labels(count: int, *, prefix: str | None = None) -> list[str]:
    """Stamp texts for pages 1..count."""
    return [page_label(n, prefix) for n in range(1, count + 1)]


@dataclass(frozen=True)
class GlyphSheet:
    """An embedded font subset and how to write the labels' characters with it."""

    pdf: bytes
    font_name: str
    codes: dict[str, int]
    widths: dict[int, float]
    default_width: float

    def encode(self, text: str) -> tuple[str, float]:
        """The label as a hex string of glyph codes, and its width in points."""
        missing = [c for c in dict.fromkeys(text) if c not in self.codes]
        if missing:
            raise GlyphMissing(missing)
        codes = [self.codes[c] for c in text]
        width = sum(self.widths.get(c, self.default_width) for c in codes) * STAMP_SIZE_PT / 1000
        return "".join(f"{c:04x}" for c in codes), width


_BFCHAR = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")
_BFRANGE = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")


def _to_unicode(cmap: bytes) -> dict[str, int]:
    """Character -> glyph code from a ToUnicode CMap (bfchar and bfrange sections)."""
    codes: dict[str, int] = {}
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, start in _BFRANGE.findall(section):
            first = int(start, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                codes.setdefault(chr(first + offset), code)
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in _BFCHAR.findall(section):
            chars = bytes.fromhex(text.decode()).decode("utf-16-be", "replace")
            if len(chars) == 1:
                codes.setdefault(chars, int(code, 16))
    return codes


def _widths(descendant: Any) -> tuple[dict[int, float], float]:
    widths: dict[int, float] = {}
    entries = list(descendant.get("/W") or [])
    i = 0
    while i < len(entries):
        first = int(entries[i])
        following = entries[i + 1].get_object()
        if isinstance(following, list):
            for offset, width in enumerate(following):
                widths[first + offset] = float(width)
            i += 2
        else:
            for code in range(first, int(following) + 1):
                widths[code] = float(entries[i + 2])
            i += 3
    return widths, float(descendant.get("/DW", 1000))


class BundleWriter:
    """Builds bundles; reuse one per process (fonts are loaded once by the renderer)."""

    def __init__(self, renderer: PdfRenderer) -> None:
        self.renderer = renderer
        self._sheets: dict[str, GlyphSheet] = {}

    def glyph_sheet(self, labels: Sequence[str]) -> GlyphSheet:
        """The font subset covering every character of ``labels`` (cached per character set)."""
        chars = "".join(sorted(set("".join(labels)) | {" "}))
        sheet = self._sheets.get(chars)
        if sheet is None:
            sheet = self._typeset(chars)
            self._sheets[chars] = sheet
        return sheet

    def _typeset(self, chars: str) -> GlyphSheet:
        self.renderer.check_glyphs(chars)
        families = self.renderer.one_face_stack(chars)
        css = CSS(
            string=f"@page {{ size: A4; margin: 10mm; }} "
            f"p {{ font-family: {families}; font-size: {STAMP_SIZE_PT}pt; white-space: pre; }}",
            font_config=self.renderer.font_config,
        )
        document = HTML(
            string=f'<!DOCTYPE html><html lang="zh-CN"><p>{html.escape(chars)}</p></html>',
            url_fetcher=AssetFetcher(self.renderer.templates_dir),
        )
        pdf = document.write_pdf(stylesheets=[css], font_config=self.renderer.font_config)
        if pdf is None:  # pragma: no cover - WeasyPrint returns bytes without a target
            raise RuntimeError("WeasyPrint returned no PDF")
        fonts = _page_fonts(pdf)
        if len(fonts) != 1:
            raise GlyphMissing([c for c in chars if not c.isspace()])
        ((name, ref),) = fonts.items()
        font = ref.get_object()
        codes = _to_unicode(font["/ToUnicode"].get_object().get_data())
        widths, default = _widths(font["/DescendantFonts"][0].get_object())
        return GlyphSheet(bytes(pdf), str(name), codes, widths, default)

    def assemble(
        self,
        pieces: Sequence[bytes],
        labels: Sequence[str],
        outline: Sequence[OutlineEntry],
        title: str,
    ) -> bytes:
        """Concatenate ``pieces``, stamp page i with ``labels[i]`` (an empty label: no
        stamp), add the bookmarks."""
        writer = PdfWriter()
        for piece in pieces:
            writer.append(PdfReader(io.BytesIO(piece)), import_outline=False)
        if len(labels) != len(writer.pages):
            raise ValueError(f"{len(labels)} labels for {len(writer.pages)} pages")
        self._stamp(writer, labels)
        self._outline(writer, outline)
        writer.page_mode = "/UseOutlines"
        writer.add_metadata({"/Title": title, "/Producer": "docgen"})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    def _stamp(self, writer: PdfWriter, labels: Sequence[str]) -> None:
        sheet = self.glyph_sheet(labels)
        source = _page_fonts(sheet.pdf)
        font_ref = source.raw_get(sheet.font_name).clone(writer)
        save = DecodedStreamObject()
        save.set_data(b"q\n")
        save_ref = writer._add_object(save)
        for page, label in zip(writer.pages, labels, strict=True):
            if not label:
                continue
            hex_codes, width = sheet.encode(label)
            box = page.mediabox
            x = float(box.right) - STAMP_RIGHT_PT - width
            y = float(box.top) - STAMP_TOP_PT
            ops = (
                f"\nQ\nq 1 g {x - 3:.2f} {y - STAMP_BOX_BELOW_PT:.2f} {width + 6:.2f} "
                f"{STAMP_SIZE_PT + 6:.2f} re f "
                f"BT 0 g {STAMP_FONT} {STAMP_SIZE_PT} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm "
                f"<{hex_codes}> Tj ET Q\n"
            )
            stamp = DecodedStreamObject()
            stamp.set_data(ops.encode("ascii"))
            _add_font(page, font_ref)
            contents = page.get("/Contents")
            existing: list[Any] = []
            if contents is not None:
                resolved = contents.get_object()
                existing = list(resolved) if isinstance(resolved, list) else [contents]
            page[NameObject("/Contents")] = ArrayObject(
                [save_ref, *existing, writer._add_object(stamp)]
            )

    @staticmethod
    def _outline(writer: PdfWriter, outline: Sequence[OutlineEntry]) -> None:
        parents: dict[str, Any] = {}
        for entry in outline:
            parent = None
            if entry.parent is not None:
                parent = parents.get(entry.parent)
                if parent is None:
                    parent = writer.add_outline_item(title=entry.parent, page_number=entry.page)
                    parents[entry.parent] = parent
            item = writer.add_outline_item(title=entry.title, page_number=entry.page, parent=parent)
            parents.setdefault(entry.title, item)


def _page_fonts(pdf: bytes) -> Any:
    resources: Any = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]
    return resources["/Font"]


def _add_font(page: Any, font_ref: IndirectObject) -> None:
    resources = page.get("/Resources")
    if resources is None:
        resources = DictionaryObject()
        page[NameObject("/Resources")] = resources
    resources = resources.get_object()
    fonts = resources.get("/Font")
    if fonts is None:
        fonts = DictionaryObject()
        resources[NameObject("/Font")] = fonts
    fonts.get_object()[STAMP_FONT] = font_ref


def concatenate(files: Sequence[tuple[str, bytes]]) -> bytes:
    """One print file of several bundles, each under a bookmark of its own name."""
    writer = PdfWriter()
    for name, pdf in files:
        writer.append(PdfReader(io.BytesIO(pdf)), outline_item=name)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
