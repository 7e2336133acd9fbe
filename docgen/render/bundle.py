"""Merging PDFs into one filing bundle: continuous page stamps and bookmarks.

Every page of the bundle gets a stamp in its bottom-right corner ("第 12 页", or a
Bates-style label such as ``ZJ000012``). The stamps are typeset by WeasyPrint with the
same CJK fonts as the documents (so the glyph check covers them) as one A4 page per
label, and laid over the bundle's pages with pypdf, aligned to each page's bottom-right
corner whatever its size. Inputs are trusted PDFs: docgen's own renders and exhibits
already rewritten by :mod:`docgen.render.exhibits` in an isolated process.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader, PdfWriter, Transformation
from weasyprint import CSS, HTML

from docgen.render.pdf import AssetFetcher, PdfRenderer

A4_WIDTH_PT = 595.28


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


_STAMP_CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; }
.p { position: relative; height: 297mm; break-after: page; }
.p:last-child { break-after: auto; }
.s { position: absolute; right: 12mm; bottom: 7mm; font-size: 10.5pt; color: #000;
     background: #fff; padding: 0.4mm 1.2mm; white-space: nowrap; }
"""


class BundleWriter:
    """Builds bundles; reuse one per process (fonts are loaded once by the renderer)."""

    def __init__(self, renderer: PdfRenderer) -> None:
        self.renderer = renderer

    def stamps(self, labels: Sequence[str]) -> bytes:
        """One A4 page per label, the label in the bottom-right corner."""
        self.renderer.check_glyphs("".join(labels))
        body = "".join(
            f'<div class="p"><span class="s">{html.escape(t)}</span></div>' for t in labels
        )
        families = ", ".join(f'"{f}"' for f in self.renderer.font_families)
        fonts = CSS(
            string=f"body {{ font-family: {families}, serif; }}",
            font_config=self.renderer.font_config,
        )
        layout = CSS(string=_STAMP_CSS, font_config=self.renderer.font_config)
        document = HTML(
            string=f'<!DOCTYPE html><html lang="zh-CN"><body>{body}</body></html>',
            url_fetcher=AssetFetcher(self.renderer.templates_dir),
        )
        pdf = document.write_pdf(stylesheets=[fonts, layout], font_config=self.renderer.font_config)
        if pdf is None:  # pragma: no cover - WeasyPrint always returns bytes without a target
            raise RuntimeError("WeasyPrint returned no PDF")
        return bytes(pdf)

    def assemble(
        self,
        pieces: Sequence[bytes],
        stamps: bytes,
        outline: Sequence[OutlineEntry],
        title: str,
    ) -> bytes:
        """Concatenate ``pieces``, lay stamp page i (from :meth:`stamps`) over page i, and
        add the bookmarks."""
        writer = PdfWriter()
        for piece in pieces:
            writer.append(PdfReader(io.BytesIO(piece)), import_outline=False)
        stamp_pages = PdfReader(io.BytesIO(stamps)).pages
        if len(stamp_pages) != len(writer.pages):
            raise ValueError(f"{len(stamp_pages)} stamps for {len(writer.pages)} pages")
        for page, stamp in zip(writer.pages, stamp_pages, strict=True):
            box = page.mediabox
            offset = Transformation().translate(float(box.right) - A4_WIDTH_PT, float(box.bottom))
            page.merge_transformed_page(stamp, offset, over=True)
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
        writer.page_mode = "/UseOutlines"
        writer.add_metadata({"/Title": title, "/Producer": "docgen"})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()


def concatenate(files: Sequence[tuple[str, bytes]]) -> bytes:
    """One print file of several bundles, each under a bookmark of its own name."""
    writer = PdfWriter()
    for name, pdf in files:
        writer.append(PdfReader(io.BytesIO(pdf)), outline_item=name)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
