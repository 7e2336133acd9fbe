"""Drafts: a case rendered to look at, not a document issued.

A draft is rendered by :meth:`docgen.services.DocumentService.drafting`: no register entry, no
document id or verification code in the footer, and no letter number taken (第N号 is
left out). Every page then carries 「草稿」 so it cannot pass for a final document:

- PDF: a large, light, diagonal 「草稿」 stamped over each page after rendering, so it
  is the same for every PDF engine (WeasyPrint, Typst) and for a firm's own uploaded
  templates, none of which needs to know about drafts;
- DOCX: 「草稿 · 未登记，不得作为正式文书送达」 at the top of every section's header (so
  on every page), before anything the template's header holds.
"""

from __future__ import annotations

import functools
import io
from typing import Any

from docgen.services import DocumentService, Format, Rendered, bundle

MARK = "草稿"
DOCX_NOTE = "草稿 · 未登记，不得作为正式文书送达"
DRAFT_PREFIX = "草稿-"


def render(service: DocumentService, type_name: str, data: Any, fmt: Format) -> list[Rendered]:
    """One marked draft per recipient (CaseInvalid as for a final render)."""
    drafts = service.drafting().render_each(type_name, data, fmt, requested_by="draft")
    for item in drafts:
        item.content = (
            watermark_pdf(service, item.content) if fmt == "pdf" else watermark_docx(item.content)
        )
        item.filename = DRAFT_PREFIX + item.filename
    return drafts


def render_one(service: DocumentService, type_name: str, data: Any, fmt: Format) -> Rendered:
    """As :func:`render`, several recipients' drafts in one ZIP (as ``DocumentService.render``)."""
    drafts = render(service, type_name, data, fmt)
    return drafts[0] if len(drafts) == 1 else bundle(drafts)


@functools.lru_cache(maxsize=8)
def _overlay(width: float, height: float, families: str, config: Any) -> bytes:
    """A transparent page of this size (in points) with the diagonal mark."""
    from weasyprint import CSS, HTML

    fonts = families or "serif"
    css = (
        f"@page {{ size: {width}pt {height}pt; margin: 0; }} "
        "html, body { margin: 0; height: 100%; background: transparent; } "
        "div { position: absolute; top: 50%; left: 50%; white-space: nowrap; "
        f"font-family: {fonts}, serif; font-size: {min(width, height) * 0.3:.0f}pt; "
        "font-weight: bold; letter-spacing: 0.3em; color: rgba(200, 0, 0, 0.16); "
        "transform: translate(-50%, -50%) rotate(-35deg); }"
    )
    pdf = HTML(string=f"<html><body><div>{MARK}</div></body></html>").write_pdf(
        stylesheets=[CSS(string=css, font_config=config)], font_config=config
    )
    if pdf is None:
        raise RuntimeError("WeasyPrint returned no PDF")
    return bytes(pdf)


def watermark_pdf(service: DocumentService, content: bytes) -> bytes:
    """``content`` with the draft mark over every page."""
    from pypdf import PdfReader, PdfWriter

    renderer = service.pdf
    renderer.stylesheets  # noqa: B018 - parsing them declares the prepared faces
    families = renderer.font_stack  # the prepared faces first, as the letter's
    writer = PdfWriter(clone_from=io.BytesIO(content))
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        overlay = PdfReader(io.BytesIO(_overlay(width, height, families, renderer.font_config)))
        page.merge_page(overlay.pages[0])
    title = writer.metadata.title if writer.metadata is not None else None
    writer.add_metadata({"/Title": f"{MARK} {title or ''}".strip()})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def watermark_docx(content: bytes) -> bytes:
    """``content`` with the draft note at the top of every section's header."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    document = Document(io.BytesIO(content))
    for section in document.sections:
        header = section.header
        header.is_linked_to_previous = False
        first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        note = first.insert_paragraph_before()
        note.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = note.add_run(DOCX_NOTE)
        run.bold = True
        run.font.size = Pt(14)
        run.font.color.rgb = RGBColor(0xC8, 0x00, 0x00)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
