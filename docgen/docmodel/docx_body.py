"""The body of word/document.xml from document blocks, written as text.

Building the body through python-docx's element tree cost some 14 ms a letter (every
property is an ordered insert into lxml); the markup here is the same, written straight
out: element order as ECMA-376 wants it (CT_PPr: pStyle, keepNext, keepLines,
pageBreakBefore, numPr, pBdr, spacing, ind, jc).

Print-readiness as Word sees it: titles and headings keep with the next paragraph; a
block of lines, a signature and a kept group hold together (keep with next, keep lines);
table rows do not split and header rows repeat (``cantSplit``, ``tblHeader``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from xml.sax.saxutils import escape

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
from docgen.docmodel.docx_signing import fingerprint_box, sign_rows_table, twips
from docgen.docmodel.docx_signing import table_props as _tbl_pr

_ROLE_STYLES = {
    "body": "Body Text",
    "plain": "Normal",
    "number": "Document Number",
    "note": "Note",
    "center": "Subtitle",
}
_BORDER_BELOW = '<w:pBdr><w:bottom w:val="single" w:sz="5" w:space="4" w:color="000000"/></w:pBdr>'


@dataclass(slots=True)
class _Para:
    style: str
    runs: str
    keep_next: bool = False
    keep_lines: bool = False
    page_break: bool = False
    num_id: int | None = None
    border: bool = False
    before: int | None = None
    after: int | None = None
    left: int | None = None
    jc: str | None = None

    def xml(self) -> str:
        props = (
            self.style,
            self.keep_next,
            self.keep_lines,
            self.page_break,
            self.num_id,
            self.border,
            self.before,
            self.after,
            self.left,
            self.jc,
        )
        return f"<w:p><w:pPr>{_ppr(props)}</w:pPr>{self.runs}</w:p>"


# style, keep next, keep lines, page break, list, border, before, after, indent, alignment
_Props = tuple[
    str, bool, bool, bool, int | None, bool, int | None, int | None, int | None, str | None
]


@functools.lru_cache(maxsize=1024)
def _ppr(props: _Props) -> str:
    """A paragraph's pPr content (``_Para``'s fields but its runs): a letter's few dozen
    paragraphs have a handful of these, the same in every letter."""
    style, keep_next, keep_lines, page_break, num_id, border, before, after, left, jc = props
    ppr = [f'<w:pStyle w:val="{style}"/>']
    if keep_next:
        ppr.append("<w:keepNext/>")
    if keep_lines:
        ppr.append("<w:keepLines/>")
    if page_break:
        ppr.append("<w:pageBreakBefore/>")
    if num_id is not None:
        ppr.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    if border:
        ppr.append(_BORDER_BELOW)
    if before is not None or after is not None:
        space_before = "" if before is None else f' w:before="{before}"'
        space_after = "" if after is None else f' w:after="{after}"'
        ppr.append(f"<w:spacing{space_before}{space_after}/>")
    if left is not None:
        ppr.append(f'<w:ind w:left="{left}"/>')
    if jc is not None:
        ppr.append(f'<w:jc w:val="{jc}"/>')
    return "".join(ppr)


def _t(value: str) -> str:
    if "&" in value or "<" in value or ">" in value:
        value = escape(value)
    if value and (value[0].isspace() or value[-1].isspace()):
        return f'<w:t xml:space="preserve">{value}</w:t>'
    return f"<w:t>{value}</w:t>"


@functools.lru_cache(maxsize=1024)
def _run_content(value: str) -> str:
    """Tabs and line breaks as Word's own elements, the rest as text runs. Most of a
    letter's pieces (its fixed sentences, labels, headers) recur in every letter: their
    markup is kept rather than escaped and checked again (the recent 1,024: a letter's
    own names and sentences pass through, the layout's fixed ones stay)."""
    if "\t" not in value and "\n" not in value and "\r" not in value:
        return _t(value) if value else ""
    out: list[str] = []
    pending: list[str] = []
    for char in value:
        if char in "\t\n\r":
            if pending:
                out.append(_t("".join(pending)))
                pending = []
            out.append("<w:tab/>" if char == "\t" else "<w:br/>")
        else:
            pending.append(char)
    if pending:
        out.append(_t("".join(pending)))
    return "".join(out)


_PLAIN_RUN = "<w:r><w:rPr/>"
_BOLD_RUN = "<w:r><w:rPr><w:b/></w:rPr>"


def runs(value: Text) -> str:
    return "".join(
        [f"{_BOLD_RUN if run.bold else _PLAIN_RUN}{_run_content(run.text)}</w:r>" for run in value]
    )


def plain_runs(value: str) -> str:
    """``runs(text(value))`` without making the runs: one plain run, none when empty."""
    return f"{_PLAIN_RUN}{_run_content(value)}</w:r>" if value else ""


@dataclass
class BodyWriter:
    """Writes blocks into ``parts``; ``style_id`` maps style names to ids and
    ``new_list`` gives a numbering instance that starts again at 1."""

    style_id: Callable[[str], str]
    new_list: Callable[[], int]
    parts: list[_Para | str] = field(default_factory=list)
    break_before: bool = False
    after_table: bool = False
    lists: dict[str, int] = field(default_factory=dict)

    def xml(self) -> str:
        return "".join(p if isinstance(p, str) else p.xml() for p in self.parts)

    def para(self, content: str, style: str, *, keep: bool = False) -> _Para:
        """A paragraph of ``content`` (its runs' markup) in ``style``."""
        made = _Para(self.style_id(style), content, keep_next=keep, keep_lines=keep)
        if self.break_before:
            made.page_break = True
            self.break_before = False
        if self.after_table:  # the PDF's 4 mm below a table
            made.before = twips(4)
            self.after_table = False
        self.parts.append(made)
        return made

    def lines(self, items: list[tuple[str, str]], keep_last: bool) -> list[_Para]:
        """Paragraphs that hold together; the last keeps with what follows if asked."""
        made = []
        for k, (value, style) in enumerate(items):
            made.append(self.para(value, style, keep=keep_last or k < len(items) - 1))
        for paragraph in made:
            paragraph.keep_lines = True
        return made

    def write(self, item: Block, keep_last: bool = False) -> None:
        match item:
            case Title(value):
                self.para(plain_runs(value), "Title")
            case Heading(value, level):
                self.para(plain_runs(value), f"Heading {level}")
            case Paragraph(value, role, lead):
                self.para(runs(value), _ROLE_STYLES[role], keep=keep_last or lead)
            case Lines():
                self._lines(item, keep_last)
            case Letterhead(name, details):
                self.para(plain_runs(name), "Letterhead")
                self.para(plain_runs("　".join(details)), "Letterhead Details")
            case Table():
                self.parts.append(_table(item, self.style_id))
                self.after_table = True
            case FormTable():
                self.parts.append(_form(item, self.style_id))
                self.after_table = True
            case NumberedItem(value, _number, list_id):
                if list_id not in self.lists:
                    self.lists[list_id] = self.new_list()
                self.para(runs(value), "List Number").num_id = self.lists[list_id]
            case SignatureLines(lines, place):
                self._signature(lines, place, keep_last)
            case SignBlock():
                self._sign_block(item, keep_last)
            case SignRow():
                self.parts.append(sign_rows_table((item,), self.style_id))
                self.after_table = True
            case Keep():
                # what runs on is written as any text; the kept tail keeps with next
                # through the signers' rows (one table, each row kept with the next)
                runs_on, kept = item.parts()
                rows = tuple(r for r in kept if isinstance(r, SignRow))
                text_end = kept[: len(kept) - len(rows)]
                for inner in runs_on:
                    self.write(inner)
                for k, inner in enumerate(text_end):
                    self.write(inner, keep_last=keep_last or k < len(kept) - 1)
                if rows:
                    self.parts.append(sign_rows_table(rows, self.style_id))
                    self.after_table = True
            case PageBreak():
                self.break_before = True

    def _lines(self, item: Lines, keep_last: bool) -> None:
        style = "Sender" if item.sender else "Compact Indent" if item.indent else "Compact"
        made = self.lines([(runs(line), style) for line in item.lines], keep_last)
        for paragraph, line in zip(made, item.lines, strict=True):
            if ragged(line):  # not stretched before an address Word will not break
                paragraph.jc = "left"
        if item.sender:
            made[-1].border = True  # the rule under the sender's lines
            made[-1].after = twips(4)
        else:
            made[-1].after = twips(2)

    def _signature(self, lines: tuple[str, ...], place: str, keep_last: bool) -> None:
        style = "Signature" if place == "right" else "Signature Block"
        made = self.lines([(plain_runs(line), style) for line in lines], keep_last)
        made[0].before = twips(10 if place == "right" else 8)
        if place == "seal":
            for paragraph in made:
                paragraph.left = twips(styles.SEAL_INDENT_MM)

    def _sign_block(self, item: SignBlock, keep_last: bool) -> None:
        lines = item.lines()
        before = [(plain_runs(line), "Signature Block") for line in lines[:2]]
        made = self.lines(before, keep_last=True)
        made[0].before = twips(6)
        if item.fingerprint:
            self.parts.append(fingerprint_box(self.style_id, keep_last or item.dated))
        else:
            self.para(plain_runs(lines[2]), "Signature Block", keep=keep_last or item.dated)
        if item.dated:
            self.para(plain_runs(lines[-1]), "Signature Block", keep=keep_last)


@dataclass(frozen=True)
class _CellLook:
    """A cell's paragraph style, extra tcPr (after tcW and gridSpan), kept with the next row."""

    style: str
    props: str = ""
    keep_next: bool = False


def _cell(
    content: str | Sequence[str], align: str, width: int, look: _CellLook, span: int = 1
) -> str:
    """A table cell of one paragraph (``content``: its runs' markup), or of one per item
    of a sequence."""
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    keep = "<w:keepNext/>" if look.keep_next else ""
    items = (content,) if isinstance(content, str) else content
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{look.style}"/>{keep}<w:jc w:val="{align}"/></w:pPr>'
        f"{item}</w:p>"
        for item in items
    )
    return (
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{grid}{look.props}</w:tcPr>'
        f"{paragraphs}</w:tc>"
    )


def _row(cells: Sequence[str], header: bool = False, fits: bool = True) -> str:
    """A row, never split across pages (``cantSplit``) unless it is longer than a page
    (``fits=False``: Word would otherwise cut it at the foot of the page anyway)."""
    marks = "<w:cantSplit/><w:tblHeader/>" if header else "<w:cantSplit/>" if fits else ""
    properties = f"<w:trPr>{marks}</w:trPr>" if marks else ""
    return f"<w:tr>{properties}{''.join(cells)}</w:tr>"


def _sized_runs(value: str, size: float) -> str:
    """A cell's run in ``size`` pt (half-points), a table's own type size; none when
    empty, as :func:`plain_runs`."""
    return f'<w:r><w:rPr><w:sz w:val="{round(size * 2)}"/></w:rPr>{_run_content(value)}</w:r>'


def _table(item: Table, style_id: Callable[[str], str]) -> str:
    look = _CellLook(style_id("Table Text"))
    # a table in its own type size (Table Text is 11 pt) sets it on each run
    sized = item.size != styles.TABLE_TEXT_SIZE
    cell_runs = (lambda v: _sized_runs(v, item.size) if v else "") if sized else plain_runs
    mms = [styles.TEXT_WIDTH_MM * c.width / 100 for c in item.columns]
    widths = [twips(mm) for mm in mms]
    out = [
        f"<w:tbl>{_tbl_pr(style_id(styles.TABLE_STYLE), styles.twips(styles.TEXT_WIDTH_MM))}",
        "<w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    # the header row keeps with the first row: a header alone at the foot of a page
    # reads as an empty table (and LibreOffice then loses the rows that follow it)
    header_look = replace(look, keep_next=True) if item.rows else look
    header = [
        _cell(cell_runs(c.header), "center", w, header_look)
        for c, w in zip(item.columns, widths, strict=True)
    ]
    out.append(_row(header, header=True))
    aligns = [c.align for c in item.columns]
    # the last row (and the total) keeps with the next paragraph (keep_last), the rows
    # kept with the total with the row after them (keep_with_total)
    kept = replace(look, keep_next=True) if item.keep_last else look
    for k, values in enumerate(item.rows):
        row_look = replace(look, keep_next=True) if item.keeps_with_next(k) else look
        cells = [
            _cell(cell_runs(v), a, w, row_look)
            for v, a, w in zip(values, aligns, widths, strict=True)
        ]
        out.append(_row(cells, fits=item.row_fits(k)))
    if item.total is not None:
        label, value = item.total
        rest = round(sum(int(mm * 36000) for mm in mms[1:]) / 635)
        total = [
            _cell(cell_runs(label), "center", widths[0], kept),
            _cell(cell_runs(value), item.total_align, rest, kept, span=len(widths) - 1),
        ]
        out.append(_row(total))
    out.append("</w:tbl>")
    return "".join(out)


def _form(item: FormTable, style_id: Callable[[str], str]) -> str:
    """Each section's title a shaded row across both columns (kept with the next row),
    then a (question, answer) row per question, answers read from the top, a question
    over several points one row with a paragraph each; no row splits (but one longer
    than a page)."""
    cell_style = style_id("Table Text")
    title_look = _CellLook(cell_style, '<w:shd w:val="clear" w:fill="EEEEEE"/>', keep_next=True)
    answer_look = _CellLook(cell_style, '<w:vAlign w:val="top"/>')
    mms = [styles.TEXT_WIDTH_MM * w / 100 for w in (item.label_width, 100 - item.label_width)]
    widths = [twips(mm) for mm in mms]
    whole = round(sum(int(mm * 36000) for mm in mms) / 635)
    out = [
        f"<w:tbl>{_tbl_pr(style_id(styles.TABLE_STYLE), styles.twips(styles.TEXT_WIDTH_MM))}",
        "<w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    for section in item.sections:
        title = _cell(runs(text(bold(section.title))), "center", whole, title_look, span=2)
        out.append(_row([title]))
        for question, answers in section.questions():
            cells = [
                _cell(plain_runs(question), "left", widths[0], answer_look),
                _cell([plain_runs(a) for a in answers], "left", widths[1], answer_look),
            ]
            out.append(_row(cells, fits=item.row_fits(question, answers)))
    out.append("</w:tbl>")
    return "".join(out)


def body(document: Document, style_id: Callable[[str], str], new_list: Callable[[], int]) -> str:
    writer = BodyWriter(style_id, new_list)
    for block in document.blocks:
        writer.write(block)
    return writer.xml()


__all__ = ["body", "plain_runs", "runs", "twips"]
