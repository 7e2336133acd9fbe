"""A small kit for writing docxtpl templates in Chinese letter style with python-docx.

A4, 宋体 body at 小四 with 1.5 line spacing, 黑体 titles, footer "第 X 页 共 N 页"
built from Word fields so Word and LibreOffice number the pages themselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
BODY_FONT = "宋体"
_SIGN: dict[str, Any] = {"indent_cm": 7.5, "space_after": 3}
TITLE_FONT = "黑体"


def _east_asian(run_or_style: object, font: str) -> None:
    rpr = run_or_style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), font)


class Letter:
    def __init__(self, title: str, top_cm: float = 3.0) -> None:
        self.doc = Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(top_cm), Cm(2.8)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
        normal = self.doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(12)
        _east_asian(normal, BODY_FONT)
        fmt = normal.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.ONE_POINT_FIVE
        fmt.space_after = Pt(3)
        self.doc.core_properties.title = title
        self.doc.core_properties.author = "docgen"
        self._footer(section)

    def _footer(self, section: object) -> None:
        para = section.footer.paragraphs[0]  # type: ignore[attr-defined]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for piece in ("第 ", "PAGE", " 页 共 ", "NUMPAGES", " 页"):
            if piece.isupper():
                field = OxmlElement("w:fldSimple")
                field.set(qn("w:instr"), f" {piece} ")
                run = OxmlElement("w:r")
                text = OxmlElement("w:t")
                text.text = "1"
                run.append(text)
                field.append(run)
                para._p.append(field)
            else:
                run = para.add_run(piece)
                run.font.size = Pt(9)

    def title(self, text: str) -> None:
        self.heading(text, size=22, space_after=12, font=TITLE_FONT)

    def heading(
        self, text: str, *, size: float = 15, space_after: float = 10, font: str | None = None
    ) -> None:
        para = self.doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.space_after = Pt(space_after)
        run = para.add_run(text)
        run.bold = True
        run.font.size = Pt(size)
        if font:
            _east_asian(run, font)

    def para(
        self,
        text: str,
        *,
        indent: bool = False,
        align: str = "justify",
        bold: bool = False,
        size: float | None = None,
        space_before: float | None = None,
        space_after: float | None = None,
        indent_cm: float | None = None,
        rule_below: bool = False,
    ) -> None:
        para = self.doc.add_paragraph()
        para.alignment = _ALIGN[align]
        if indent:
            para.paragraph_format.first_line_indent = Pt(24)
        if indent_cm is not None:
            para.paragraph_format.left_indent = Cm(indent_cm)
        if space_before is not None:
            para.paragraph_format.space_before = Pt(space_before)
        if space_after is not None:
            para.paragraph_format.space_after = Pt(space_after)
        run = para.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if rule_below:
            borders = OxmlElement("w:pBdr")
            bottom = OxmlElement("w:bottom")
            rule = (("val", "single"), ("sz", "12"), ("space", "1"), ("color", "000000"))
            for key, value in rule:
                bottom.set(qn(f"w:{key}"), value)
            borders.append(bottom)
            para._p.get_or_add_pPr().append(borders)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def table(
        self,
        *,
        header: list[str],
        loop: str,
        cells: list[str],
        aligns: list[str],
        footer: list[str],
        widths_cm: list[float],
        footer_align: str = "left",
    ) -> None:
        table = self.doc.add_table(rows=5, cols=len(header))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        rows = table.rows
        for i, text in enumerate(header):
            self._cell(rows[0].cells[i], text, "center", bold=True)
        self._cell(rows[1].cells[0], "{%tr for " + loop + " %}", "left")
        for i, text in enumerate(cells):
            self._cell(rows[2].cells[i], text, aligns[i])
        self._cell(rows[3].cells[0], "{%tr endfor %}", "left")
        merged = rows[4].cells[1].merge(rows[4].cells[len(header) - 1])
        self._cell(rows[4].cells[0], footer[0], "center")
        self._cell(merged, footer[1], footer_align)
        for row in rows:
            for i, width in enumerate(widths_cm):
                row.cells[i].width = Cm(width)

    @staticmethod
    def _cell(cell: object, text: str, align: str, bold: bool = False) -> None:
        para = cell.paragraphs[0]  # type: ignore[attr-defined]
        para.alignment = _ALIGN[align]
        para.paragraph_format.first_line_indent = None
        run = para.add_run(text)
        run.font.size = Pt(10.5)
        run.bold = bold or None

    def calculations_annex(self) -> None:
        """The optional annex "附：计算明细" over the context's ``calculations``."""
        self.para("{%p if calculations %}")
        self.page_break()
        self.heading("附：计算明细")
        self.para("{%p for calc in calculations %}")
        self.para(
            "{{ loop.index }}. {{ calc.title }}（{{ calc.rate }}，每年按{{ calc.day_count }}天计）",
            bold=True,
        )
        self.table(
            header=["期间", "天数", "基数（元）", "年利率", "金额（元）"],
            loop="row in calc.rows",
            cells=[
                "{{ row.period }}",
                "{{ row.days }}",
                "{{ row.base }}",
                "{{ row.rate }}",
                "{{ row.amount }}",
            ],
            aligns=["left", "center", "right", "center", "right"],
            footer=["合计", "{{ calc.total }}"],
            widths_cm=[6.0, 1.6, 3.0, 2.0, 3.0],
            footer_align="right",
        )
        self.para("{%p for note in calc.notes %}")
        self.para("{{ note }}", size=10)
        self.para("{%p endfor %}")
        self.para("{%p endfor %}")
        self.para("{%p endif %}")

    def signature_block(self, var: str) -> None:
        """One signature block for the signer ``var`` (a context dict from
        ``docgen.documents.parts.signer_context``): the same words as the HTML macro
        ``signature_block`` — a person signs and presses a fingerprint in the box, an
        organisation seals and its legal representative signs."""
        self.para("{{ " + var + ".role }}：{{ " + var + ".name }}", **_SIGN)
        self.para("{{ " + var + ".sign_label }}：＿＿＿＿＿＿＿＿", **_SIGN)
        self.para("{%p if " + var + '.kind == "person" %}')
        box = self.doc.add_table(rows=1, cols=1)
        box.style = "Table Grid"
        box.alignment = WD_TABLE_ALIGNMENT.CENTER
        cell = box.rows[0].cells[0]
        cell.width = Cm(2.0)
        box.rows[0].height = Cm(2.0)
        self._cell(cell, "指印", "center")
        self.para("{%p else %}")
        self.para("{{ " + var + ".representative_title }}签字：＿＿＿＿＿＿", **_SIGN)
        self.para("{%p endif %}")
        self.para("日期：＿＿＿＿年＿＿月＿＿日", **_SIGN)

    def signature_blocks(self, loop: str) -> None:
        """A signature block per signer: ``loop`` is e.g. ``"s in signers"``."""
        var = loop.split(" in ", 1)[0].strip()
        self.para("{%p for " + loop + " %}")
        self.signature_block(var)
        self.para("{%p endfor %}")

    def save(self, path: Path) -> None:
        self.doc.save(str(path))
