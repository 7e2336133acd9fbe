"""A ticked box (☑, a form's chosen option): the CJK fonts have □ and ✓ but no ☑, so
each PDF writer draws it from those two, and the glyph check lets it through."""

from __future__ import annotations

import pytest

from docgen.docmodel import html_writer, typst_writer
from docgen.docmodel.blocks import Document, FormSection, FormTable, Paragraph, text
from docgen.render.errors import GlyphMissing
from docgen.render.fonts import missing_glyphs
from docgen.render.layout_print import LayoutPrinter

FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC")
FORM = Document(
    "送达地址确认书",
    "",
    (FormTable((FormSection("电子送达", (("是否同意电子送达", "☑同意　□不同意"),)),)),),
)


class _Fonts:
    font_families = FAMILIES


def test_both_writers_draw_the_same_mark_from_glyphs_the_fonts_have():
    assert typst_writer.TICKED_BOX == html_writer.TICKED_BOX == "☑"
    assert missing_glyphs("☑", FAMILIES) == ["☑"]  # why it is drawn
    assert missing_glyphs("□✓", FAMILIES) == []


def test_typst_shows_the_mark_as_a_box_with_a_tick_over_it():
    source = typst_writer.source([FORM])
    assert 'show "☑": box({"□"; h(-1em); box(width: 1em, align(center, ' in source
    assert '"✓"' in source and '"☑同意　□不同意"' in source


def test_html_writes_the_box_and_the_tick_in_its_place():
    markup = html_writer.html(FORM)
    assert "☑" not in markup
    assert "□<span" in markup and ">✓</span>" in markup and "□不同意" in markup


def test_html_without_the_mark_is_written_as_before():
    plain = Document("函", "", (Paragraph(text("□同意")),))
    assert "✓" not in html_writer.html(plain)


def test_the_glyph_check_passes_the_mark_and_still_refuses_what_no_font_has():
    printer = LayoutPrinter("typst", _Fonts())  # type: ignore[arg-type]
    printer._check_glyphs([FORM], [None])
    odd = Document("函", "", (Paragraph(text("☑同意\U0001f600")),))
    with pytest.raises(GlyphMissing):
        printer._check_glyphs([odd], [None])
