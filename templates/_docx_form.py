"""Tables for court filings, on top of the letter kit: plain lists and question forms.

``plain_table`` is a header row and one row per item (an evidence list); ``form_table`` is
a two-column questionnaire of sections, each a title row spanning both columns and then
one (question, answer) row per item, as the element-based court forms are laid out.
"""

from __future__ import annotations

from _docx_kit import Letter
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm


def plain_table(
    doc: Letter,
    *,
    header: list[str],
    loop: str,
    cells: list[str],
    aligns: list[str],
    widths_cm: list[float],
) -> None:
    table = doc.doc.add_table(rows=4, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = table.rows
    for i, text in enumerate(header):
        Letter._cell(rows[0].cells[i], text, "center", bold=True)
    Letter._cell(rows[1].cells[0], "{%tr for " + loop + " %}", "left")
    for i, text in enumerate(cells):
        Letter._cell(rows[2].cells[i], text, aligns[i])
    Letter._cell(rows[3].cells[0], "{%tr endfor %}", "left")
    _widths(table, widths_cm)


def form_table(
    doc: Letter,
    *,
    sections: str,
    title: str,
    rows: str,
    label: str,
    value: str,
    widths_cm: tuple[float, float],
) -> None:
    table = doc.doc.add_table(rows=6, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    r = table.rows
    Letter._cell(r[0].cells[0], "{%tr for " + sections + " %}", "left")
    merged = r[1].cells[0].merge(r[1].cells[1])
    Letter._cell(merged, title, "center", bold=True)
    Letter._cell(r[2].cells[0], "{%tr for " + rows + " %}", "left")
    Letter._cell(r[3].cells[0], label, "left")
    Letter._cell(r[3].cells[1], value, "left")
    Letter._cell(r[4].cells[0], "{%tr endfor %}", "left")
    Letter._cell(r[5].cells[0], "{%tr endfor %}", "left")
    _widths(table, list(widths_cm))


def _widths(table: object, widths_cm: list[float]) -> None:
    """Column widths on the grid (LibreOffice reads these) and on every cell (Word)."""
    table.autofit = False  # type: ignore[attr-defined]
    for column, width in zip(table.columns, widths_cm, strict=False):  # type: ignore[attr-defined]
        column.width = Cm(width)
    for row in table.rows:  # type: ignore[attr-defined]
        for i, width in enumerate(widths_cm):
            if i < len(row.cells):
                row.cells[i].width = Cm(width)
