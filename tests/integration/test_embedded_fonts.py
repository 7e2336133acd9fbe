"""Every PDF docgen prints embeds subsets of the prepared faces, not of the full CJK fonts.

The prepared faces (``docgen.render.prepared_fonts``) are TrueType cuts of the primary
family; the full Noto CJK faces (26 MB each) have CFF outlines. A PDF whose fonts are all
TrueType programs (``FontFile2``) and none CFF (``FontFile3``) drew nothing with a full
face: the letter's body, the register's stamp in the footer, the page numbers, the draft
mark, the filing bundle's page stamps. A character outside the prepared repertoire still
prints, from the full family.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from docgen import drafts
from docgen.render.bundle import BundleWriter
from docgen.render.prepared_fonts import repertoire
from tests.support import load_fixture, pdf_pages_text

PERSON = load_fixture("demand_letter", "valid", "person_debtor")


def font_programs(content: bytes) -> list[tuple[str, str]]:
    """(base font, /FontFile key) of every font the pages use."""
    found = []
    for page in PdfReader(io.BytesIO(content)).pages:
        fonts = page["/Resources"].get_object().get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts") or [font]:
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                keys = [k for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in descriptor]
                found.append((str(font["/BaseFont"]), *keys))
    return sorted(set(found))


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_a_registered_letter_embeds_the_prepared_faces_only(service, engine):
    rendered = service.render("demand_letter", PERSON, "pdf", engine=engine)
    assert rendered.document_id  # the register is on: the stamp is in every footer
    assert rendered.document_id in "".join(pdf_pages_text(rendered.content))
    programs = font_programs(rendered.content)
    assert programs and {key for _name, key in programs} == {"/FontFile2"}, programs
    # regular and bold: the footer is in the body's face, not a third one
    assert len(programs) == 2, programs
    # a full face's subset made the same letter about 200 KB
    assert len(rendered.content) < 120_000


def test_a_draft_mark_is_set_in_the_prepared_faces(service):
    (draft,) = drafts.render(service, "demand_letter", PERSON, "pdf")
    assert {key for _name, key in font_programs(draft.content)} == {"/FontFile2"}


def test_bundle_page_stamps_use_the_prepared_face_and_the_full_one_for_a_rare_character(
    service,
):
    writer = BundleWriter(service.pdf)
    common = writer.glyph_sheet(["第 12 页", "ZJ000012"])
    assert [key for _name, key in font_programs(common.pdf)] == ["/FontFile2"]
    rare = "䶮"  # in Noto CJK, not in GB 2312
    assert ord(rare) not in repertoire()
    sheet = writer.glyph_sheet([f"{rare} 第 1 页"])
    assert rare in sheet.codes
    assert [key for _name, key in font_programs(sheet.pdf)] == ["/FontFile3"]
