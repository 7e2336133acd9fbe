"""The bundle's page number never covers what an exhibit shows.

The number is drawn top right on a white box (docgen.render.bundle); every exhibit page
keeps its top band blank for it (docgen.render.exhibits): a PDF page's content is shrunk
about its bottom centre, an image is placed below the band.
"""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader

from docgen.render import bundle, exhibits
from tests import exhibit_samples as samples

A4 = (595.28, 841.89)


def _text_positions(pdf: bytes) -> list[tuple[str, float, float]]:
    """Each piece of text on page 1 with where it starts on the page (x, y in points)."""
    found: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x, y))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return found


def _corner_pdf(size: tuple[float, float] = A4) -> bytes:
    """A page whose text starts in the top right corner, where a scan's 合同编号 sits."""
    pdf = samples.pdf_with_pages("NO-2025-017", 1, size)
    return pdf.replace(b"72 720 Td", f"{size[0] - 140:.0f} {size[1] - 22:.0f} Td".encode())


def _normalized(pdf: bytes) -> bytes:
    return exhibits.normalize_pdf(pdf, max_pages=10, max_pixels=10**8)[1]


def test_text_in_a_scans_top_corner_moves_below_the_band_and_stays_on_the_page():
    before = _text_positions(_corner_pdf())
    assert before[0][2] > A4[1] - exhibits.STAMP_BAND_PT  # would sit under the stamp
    page = PdfReader(io.BytesIO(_normalized(_corner_pdf()))).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    ((text, x, y),) = _text_positions(_normalized(_corner_pdf()))
    assert text == "NO-2025-017 page 1"
    assert y <= A4[1] - exhibits.STAMP_BAND_PT
    assert 0 < x < A4[0] - 100  # still on the page, shifted with the shrink


def test_a_landscape_page_with_an_offset_box_is_shrunk_about_its_own_corner():
    pdf = _corner_pdf((842.0, 595.0))
    ((_, _, y),) = _text_positions(_normalized(pdf))
    assert y <= 595.0 - exhibits.STAMP_BAND_PT
    assert y > 595.0 - exhibits.STAMP_BAND_PT - 40  # shrunk, not pushed far down


def test_an_image_exhibit_leaves_the_band_white_and_fills_the_rest():
    black = Image.new("RGB", (1000, 1414), "black")
    page = exhibits._a4_page(black)
    band = round(exhibits.STAMP_BAND_PT / 72 * exhibits.A4_DPI)
    top_rows = page.crop((0, 0, page.width, band))
    assert top_rows.getextrema() == ((255, 255), (255, 255), (255, 255))
    below = page.getpixel((page.width // 2, band + 5))
    assert below == (0, 0, 0)  # the photo starts right under the band


def test_the_stamps_white_box_ends_above_the_band():
    assert bundle.STAMP_CLEARANCE_PT > 0
