"""Where a Word document is signed: the box a person presses a fingerprint in, and an
agreement's signers two to a row (``docgen.docmodel.signing.SignRow``) as a table
without borders whose rows never split (``cantSplit``) and keep with the next. The
table markup shared with ``docx_body``'s tables (``table_props``) and its measure
(``twips``) live here."""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from docgen.docmodel import docx_styles as styles
from docgen.docmodel.signing import SignBlock, SignRow, cell_line


def twips(mm: float) -> int:
    """As python-docx turns ``Mm(mm)`` into twips (whole EMU first), so Word sees the
    same numbers as before."""
    return round(int(mm * 36000) / 635)


# python-docx's even column width of a new table: the page less its margins, in twips
_BLOCK_WIDTH = twips(210) - twips(28) - twips(26)
_GAP = twips(8)  # between the two signers of a row, as the PDF's


def table_props(style_id: str, width: int, indent: int | None = None) -> str:
    """Width (twips), fixed layout and, with ``indent``, flush left that far in; the
    table style gives borders and margins."""
    placed = (
        f'<w:jc w:val="left"/><w:tblInd w:w="{indent}" w:type="dxa"/>' if indent is not None else ""
    )
    return (
        f'<w:tblPr><w:tblStyle w:val="{style_id}"/><w:tblW w:w="{width}" w:type="dxa"/>'
        f'{placed}<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0"/></w:tblPr>'
    )


def fingerprint_box(
    style_id: Callable[[str], str],
    keep: bool,
    indent: float = styles.SIGN_BLOCK_INDENT_MM,
) -> str:
    """The box a person presses a fingerprint in (``keep``: kept with the line after),
    ``indent`` mm in from the left of the text, or (0) in a signer's cell, whose grid is
    the box's own width (a reader laying it out by the grid would stretch it)."""
    width = twips(20)
    grid = width if indent == 0 else _BLOCK_WIDTH
    props = table_props(style_id(styles.TABLE_STYLE), styles.twips(20), styles.twips(indent))
    return (
        f"<w:tbl>{props}"
        f'<w:tblGrid><w:gridCol w:w="{grid}"/></w:tblGrid>'
        f'<w:tr><w:trPr><w:trHeight w:val="{width}"/><w:cantSplit/></w:trPr>'
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{style_id("Table Text")}"/>'
        f'{"<w:keepNext/>" if keep else ""}<w:jc w:val="center"/></w:pPr>'
        '<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>指印</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    )


def _line(style: str, parts: tuple[str, ...], keep: bool, first: bool = False) -> str:
    """A signer's line in its cell: flush left, its parts on lines of their own
    (``keep``: kept with the next row)."""
    before = f'<w:spacing w:before="{twips(6)}"/>' if first else ""
    kept = "<w:keepNext/>" if keep else ""
    runs = "<w:br/>".join(f"<w:t>{escape(part)}</w:t>" for part in parts)
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{kept}<w:keepLines/>{before}'
        f'<w:ind w:left="0"/></w:pPr><w:r><w:rPr/>{runs}</w:r></w:p>'
    )


def _signer(signer: SignBlock, style_id: Callable[[str], str], props: str, keep: bool) -> str:
    """A signer's cell (``props``: its tcPr content): the lines of its block, the
    fingerprint box where a person signs; ``keep``: every line kept with the next row."""
    style = style_id("Signature Block")
    lines = signer.lines()
    made = [
        _line(style, cell_line(lines[0]), keep, first=True),
        _line(style, cell_line(lines[1]), keep),
    ]
    if signer.fingerprint:
        made.append(fingerprint_box(style_id, keep=keep, indent=0))
    else:
        made.append(_line(style, cell_line(lines[2]), keep))
    if signer.dated:
        made.append(_line(style, (lines[-1],), keep))
    elif signer.fingerprint:  # a cell ends with a paragraph
        made.append(_line(style, ("",), keep))
    top = '<w:vAlign w:val="top"/>'  # the tables' style centres a cell's lines
    return f"<w:tc><w:tcPr>{props}{top}</w:tcPr>{''.join(made)}</w:tc>"


_NO_BORDERS = "".join(
    f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _right_margin(value: int) -> str:
    return f'<w:tcMar><w:right w:w="{value}" w:type="dxa"/></w:tcMar>'


def sign_rows_table(rows: tuple[SignRow, ...], style_id: Callable[[str], str]) -> str:
    """The signers' rows (:class:`SignRow`) as one table in the tables' style without its
    borders, two cells a row with the gap of the PDF right of the first, each row whole
    on a page and kept with the next (every row on the page of the text's end, as the
    paragraphs above keep with the first); a row of one signer is one cell across both
    columns, set as the first."""
    width = _BLOCK_WIDTH // 2
    props = (
        f'<w:tblPr><w:tblStyle w:val="{style_id(styles.TABLE_STYLE)}"/>'
        f'<w:tblW w:w="{_BLOCK_WIDTH}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
        f'<w:tblBorders>{_NO_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0"/></w:tblPr>'
    )
    grid = f'<w:tblGrid><w:gridCol w:w="{width}"/><w:gridCol w:w="{width}"/></w:tblGrid>'
    first = f'<w:tcW w:type="dxa" w:w="{width}"/>{_right_margin(_GAP)}'
    # the lone signer's lines within the first column's width, as the PDF sets them
    alone = f'<w:tcW w:type="dxa" w:w="{_BLOCK_WIDTH}"/><w:gridSpan w:val="2"/>'
    alone += _right_margin(_BLOCK_WIDTH - width + _GAP)
    second = f'<w:tcW w:type="dxa" w:w="{width}"/>'
    made = []
    for k, row in enumerate(rows):
        looks = (first, second) if len(row.signers) > 1 else (alone,)
        keep = k < len(rows) - 1
        cells = "".join(
            _signer(s, style_id, look, keep) for s, look in zip(row.signers, looks, strict=True)
        )
        made.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    return f"<w:tbl>{props}{grid}{''.join(made)}</w:tbl>"


__all__ = ["fingerprint_box", "sign_rows_table", "table_props", "twips"]
