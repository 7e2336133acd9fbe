"""docgen's former Word writer, through python-docx's element tree: the reference the
text writer (``docgen.docmodel.docx_body``) must match element for element.

It starts from the same empty document (``docx_writer.empty_document``) and builds the
body with python-docx calls, as docgen did before the body was written as text; tests
compare the two writers' word/document.xml for every valid fixture.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Length, Mm, Pt
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from docgen.docmodel import docx_styles as styles
from docgen.docmodel.blocks import (
    Block,
    Document,
    FormTable,
    Heading,
    Keep,
    Letterhead,
    Lines,
    NumberedItem,
    PageBreak,
    Paragraph,
    SignatureLines,
    SignBlock,
    SignRow,
    Table,
    Text,
    Title,
    bold,
    ragged,
    text,
)
from docgen.docmodel.docx_signing import sign_rows_table
from docgen.docmodel.docx_writer import empty_document, style_id

# pPr children that follow numPr and pBdr (ECMA-376 CT_PPrBase order)
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_AFTER_NUMPR = ("w:suppressLineNumbers", "w:pBdr", *_AFTER_PBDR)
_ROLE_STYLES = {
    "body": "Body Text",
    "plain": "Normal",
    "number": "Document Number",
    "note": "Note",
    "center": "Subtitle",
}
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


@dataclass
class _Writer:
    doc: WordDocument
    break_before: bool = False
    after_table: bool = False
    lists: dict[str, int] = field(default_factory=dict)

    def para(self, value: Text, style: str, *, keep: bool = False) -> WordParagraph:
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = style_id(style)  # by id: python-docx looks names up slowly
        for run in value:
            paragraph.add_run(run.text).bold = run.bold or None
        fmt = paragraph.paragraph_format
        if keep:
            fmt.keep_with_next = True
            fmt.keep_together = True
        if self.break_before:
            fmt.page_break_before = True
            self.break_before = False
        if self.after_table:  # the PDF's 4 mm below a table
            fmt.space_before = Mm(4)
            self.after_table = False
        return paragraph

    def lines(self, items: list[tuple[Text, str]], keep_last: bool) -> list[WordParagraph]:
        """Paragraphs that hold together; the last keeps with what follows if asked."""
        made = []
        for k, (value, style) in enumerate(items):
            made.append(self.para(value, style, keep=keep_last or k < len(items) - 1))
        for paragraph in made:
            paragraph.paragraph_format.keep_together = True
        return made

    def write(self, item: Block, keep_last: bool = False) -> None:
        match item:
            case Title(value):
                self.para(text(value), "Title")
            case Heading(value, level):
                self.para(text(value), f"Heading {level}")
            case Paragraph(value, role, lead):
                self.para(value, _ROLE_STYLES[role], keep=keep_last or lead)
            case Lines():
                self._lines(item, keep_last)
            case Letterhead(name, details):
                self.para(text(name), "Letterhead")
                self.para(text("　".join(details)), "Letterhead Details")
            case Table():
                self._table(item)
                self.after_table = True
            case FormTable():
                self._form(item)
                self.after_table = True
            case NumberedItem(value, _number, list_id):
                self._numbered(value, list_id)
            case SignatureLines(lines, place):
                self._signature(lines, place, keep_last)
            case SignBlock():
                self._sign_block(item, keep_last)
            case SignRow():
                self._sign_rows((item,))
            case Keep():
                runs_on, kept = item.parts()
                rows = tuple(r for r in kept if isinstance(r, SignRow))
                text_end = kept[: len(kept) - len(rows)]
                for inner in runs_on:
                    self.write(inner)
                for k, inner in enumerate(text_end):
                    self.write(inner, keep_last=keep_last or k < len(kept) - 1)
                if rows:
                    self._sign_rows(rows)
            case PageBreak():
                self.break_before = True

    def _lines(self, item: Lines, keep_last: bool) -> None:
        style = "Sender" if item.sender else "Compact Indent" if item.indent else "Compact"
        made = self.lines([(line, style) for line in item.lines], keep_last)
        for paragraph, line in zip(made, item.lines, strict=True):
            if ragged(line):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        if item.sender:
            # the rule under the sender's lines
            ppr = made[-1]._p.get_or_add_pPr()
            ppr.insert_element_before(_border_below(), *_AFTER_PBDR)
            made[-1].paragraph_format.space_after = Mm(4)
        else:
            made[-1].paragraph_format.space_after = Mm(2)

    def _numbered(self, value: Text, list_id: str) -> None:
        if list_id not in self.lists:
            self.lists[list_id] = styles.new_list(self.doc)
        paragraph = self.para(value, "List Number")
        ppr = paragraph._p.get_or_add_pPr()
        numpr = styles.element("w:numPr")
        numpr.append(styles.element("w:ilvl", val="0"))
        numpr.append(styles.element("w:numId", val=str(self.lists[list_id])))
        ppr.insert_element_before(numpr, *_AFTER_NUMPR)

    def _signature(self, lines: tuple[str, ...], place: str, keep_last: bool) -> None:
        style = "Signature" if place == "right" else "Signature Block"
        made = self.lines([(text(line), style) for line in lines], keep_last)
        made[0].paragraph_format.space_before = Mm(10 if place == "right" else 8)
        if place == "seal":
            for paragraph in made:
                paragraph.paragraph_format.left_indent = Mm(styles.SEAL_INDENT_MM)

    def _sign_block(self, item: SignBlock, keep_last: bool) -> None:
        lines = item.lines()
        before = [(text(line), "Signature Block") for line in lines[:2]]
        made = self.lines(before, keep_last=True)
        made[0].paragraph_format.space_before = Mm(6)
        if item.fingerprint:
            self._fingerprint_box(keep=keep_last or item.dated)
        else:
            self.para(text(lines[2]), "Signature Block", keep=keep_last or item.dated)
        if item.dated:
            self.para(text(lines[-1]), "Signature Block", keep=keep_last)

    def _sign_rows(self, rows: tuple[SignRow, ...]) -> None:
        """The signers' rows: a table docgen never built through python-docx (it came
        with the text writer), so the reference inserts the same markup into its tree;
        what this compares is where it stands among the paragraphs around it."""
        markup = sign_rows_table(rows, style_id).replace("<w:tbl>", f"<w:tbl {nsdecls('w')}>", 1)
        self.doc.element.body.sectPr.addprevious(parse_xml(markup))
        self.after_table = True

    def _fingerprint_box(self, keep: bool = True) -> None:
        box = self.doc.add_table(rows=1, cols=1)
        box._tbl.tblStyle_val = style_id(styles.TABLE_STYLE)
        _table_properties(box, styles.twips(20), styles.twips(styles.SIGN_BLOCK_INDENT_MM))
        row = box.rows[0]
        row.height = Mm(20)
        trpr = row._tr.get_or_add_trPr()
        trpr.append(styles.element("w:cantSplit"))
        cell = row.cells[0]
        cell.width = Mm(20)
        paragraph = cell.paragraphs[0]
        paragraph._p.style = style_id("Table Text")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if keep:
            paragraph.paragraph_format.keep_with_next = True
        run = paragraph.add_run("指印")
        run.font.size = Pt(9)

    def _table(self, item: Table) -> None:
        cols = len(item.columns)
        rows = len(item.rows) + 1 + (item.total is not None)
        table = self.doc.add_table(rows=rows, cols=cols)
        table._tbl.tblStyle_val = style_id(styles.TABLE_STYLE)
        _table_properties(table, styles.twips(styles.TEXT_WIDTH_MM))
        widths = [Mm(styles.TEXT_WIDTH_MM * c.width / 100) for c in item.columns]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        size = None if item.size == styles.TABLE_TEXT_SIZE else item.size
        header = [text(c.header) for c in item.columns]
        _row(table, 0, header, ["center"] * cols, widths, header_row=True, size=size)
        aligns = [c.align for c in item.columns]
        for k, values in enumerate(item.rows, start=1):
            values_text = [text(v) for v in values]
            _row(table, k, values_text, aligns, widths, fits=item.row_fits(k - 1), size=size)
        if item.total is not None:
            label, value = item.total
            last = table.rows[rows - 1]
            merged = last.cells[1].merge(last.cells[cols - 1])
            _cell(last.cells[0], text(label), "center", widths[0], size)
            _cell(merged, text(value), item.total_align, sum(widths[1:], Mm(0)), size)
            last._tr.get_or_add_trPr().append(styles.element("w:cantSplit"))
        # the last row and the total keep with the next paragraph (keep_last); the rows
        # kept with the total, each with the row after it (keep_with_total)
        kept = [table.rows[k + 1] for k in range(len(item.rows)) if item.keeps_with_next(k)]
        if item.rows:  # the header row keeps with the first row
            kept.append(table.rows[0])
        if item.keep_last and item.total is not None:
            kept.append(table.rows[rows - 1])
        for cell in (cell for row in kept for cell in row.cells):
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True

    def _form(self, item: FormTable) -> None:
        """Each section's title a shaded row across both columns (kept with the next row),
        then a (question, answer) row per question, a question over several points one
        row with a paragraph each; no row splits (but one longer than a page)."""
        count = sum(1 + len(section.questions()) for section in item.sections)
        table = self.doc.add_table(rows=count, cols=2)
        table._tbl.tblStyle_val = style_id(styles.TABLE_STYLE)
        _table_properties(table, styles.twips(styles.TEXT_WIDTH_MM))
        widths = [
            Mm(styles.TEXT_WIDTH_MM * w / 100) for w in (item.label_width, 100 - item.label_width)
        ]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        k = 0
        for section in item.sections:
            row = table.rows[k]
            merged = row.cells[0].merge(row.cells[1])
            _cell(merged, text(bold(section.title)), "center", sum(widths, Mm(0)))
            shading = styles.element("w:shd", val="clear", fill="EEEEEE")
            merged._tc.get_or_add_tcPr().append(shading)
            for paragraph in merged.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
            row._tr.get_or_add_trPr().append(styles.element("w:cantSplit"))
            for question, answers in section.questions():
                k += 1
                values = [text(question), text(answers[0])]
                fits = item.row_fits(question, answers)
                _row(table, k, values, ["left", "left"], widths, fits=fits)
                answer = table.rows[k].cells[1]
                for more in answers[1:]:
                    paragraph = answer.add_paragraph()
                    paragraph._p.style = style_id("Table Text")
                    paragraph.alignment = _ALIGN["left"]
                    paragraph.add_run(more).bold = None
                for cell in table.rows[k].cells:  # a long answer beside a short question
                    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            k += 1


def _border_below() -> object:
    borders = styles.element("w:pBdr")
    borders.append(styles.element("w:bottom", val="single", sz="5", space="4", color="000000"))
    return borders


def _table_properties(table: WordTable, width: int, indent: int | None = None) -> None:
    """Width (twips), fixed layout and, with ``indent``, flush left that far in; the
    table style gives borders and margins."""
    tblpr = table._tbl.tblPr
    for tag in ("w:tblW", "w:jc", "w:tblInd", "w:tblLayout", "w:tblLook"):
        for old in tblpr.findall(qn(tag)):
            tblpr.remove(old)
    tblpr.append(styles.element("w:tblW", w=str(width), type="dxa"))
    if indent is not None:
        tblpr.append(styles.element("w:jc", val="left"))
        tblpr.append(styles.element("w:tblInd", w=str(indent), type="dxa"))
    tblpr.append(styles.element("w:tblLayout", type="fixed"))
    tblpr.append(styles.element("w:tblLook", val="0020", firstRow="1", lastRow="0"))


def _cell(cell: object, value: Text, align: str, width: Length, size: float | None = None) -> None:
    """``size``: the table's own type size, on each run (None: Table Text's)."""
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph._p.style = style_id("Table Text")
    paragraph.alignment = _ALIGN[align]
    for run in value:
        made = paragraph.add_run(run.text)
        made.bold = run.bold or None
        if size is not None:
            made.font.size = Pt(size)
    cell.width = width  # type: ignore[attr-defined]


def _row(
    table: WordTable,
    index: int,
    values: Sequence[Text],
    aligns: Sequence[str],
    widths: Sequence[Length],
    header_row: bool = False,
    fits: bool = True,
    size: float | None = None,
) -> None:
    row = table.rows[index]
    for cell, value, align, width in zip(row.cells, values, aligns, widths, strict=True):
        _cell(cell, value, align, width, size)
    if not fits:  # longer than a page: it may split
        return
    trpr = row._tr.get_or_add_trPr()
    trpr.append(styles.element("w:cantSplit"))
    if header_row:
        trpr.append(styles.element("w:tblHeader"))


def document_xml(document: Document, font_family: str) -> bytes:
    """word/document.xml of ``document`` as the python-docx writer made it."""
    doc = new_document(io.BytesIO(empty_document(font_family, document.margin_top_mm)))
    writer = _Writer(doc)
    for block in document.blocks:
        writer.write(block)
    out = io.BytesIO()
    doc.save(out)
    with zipfile.ZipFile(out) as archive:
        return archive.read("word/document.xml")
