"""HTML from document blocks: the preview in the form and the WeasyPrint PDF engine.

The body is set in 12 pt at 1.5 line height (as the Typst and DOCX writers set it); the
markup uses the classes of ``templates/_shared/print.css`` (the stylesheet firms'
uploaded HTML templates are printed with too), so a block looks as it does in those
templates; what print.css lacks for keeping blocks together is in ``_STYLE``. Every
string is HTML-escaped.
"""

from __future__ import annotations

import re
from html import escape

from docgen.docmodel import cells
from docgen.docmodel.blocks import (
    KEPT_TOGETHER,
    LONG_TOKEN,
    LONG_TOKEN_LENGTH,
    TABLE_SIZE,
    Block,
    Column,
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
)
from docgen.docmodel.signing import cell_line

_STYLE = (
    "html { font-size: 12pt; line-height: 1.5; } p { margin-bottom: 0.5mm; } "
    ".keep, .lines, .letterhead-sub { break-inside: avoid; } "
    ".letterhead-sub .nowrap, span.kept { white-space: nowrap; } "
    "h1, h2, p.section, p.calc-title, p.lead { break-after: avoid; } "
    "table.amounts thead { display: table-header-group; } "
    "p.centered { text-align: center; } "
    "table.form { width: 100%; border-collapse: collapse; table-layout: fixed; "
    "font-size: 10.5pt; margin: 2mm 0 4mm; } "
    "table.form th, table.form td { border: 0.6pt solid #000; padding: 1.2mm 2mm; "
    "vertical-align: top; } "
    "table.form th { text-align: center; font-weight: bold; background: #eee; } "
    "table.form tr { break-inside: avoid; } "
    "table.form td p { margin: 0; text-align: left; } table.form td p + p { margin-top: 1mm; } "
    "table.amounts tr.runs-on, table.form tr.runs-on { break-inside: auto; } "
    "table.form tr.title { break-after: avoid; } "
    "table.amounts tr.keep-next { break-after: avoid; } "
    "div.text-end { break-inside: avoid; } "
    "div.text-end, div.text-end > :last-child { break-after: avoid; } "
    "div.sign-row { break-inside: avoid; margin-top: 6mm; } "
    "div.sign-row .sign-block { display: inline-block; width: 47%; margin: 0 6% 0 0; "
    "vertical-align: top; } div.sign-row .sign-block + .sign-block { margin-right: 0; }"
)
# A ticked box (☑, a form's chosen option) is drawn as the Typst writer draws it: the CJK
# fonts have □ and ✓ but no ☑, and docgen prints no character its fonts lack. The ✓, at
# three quarters of the size and a little raised, is set over the □ in a box of the □'s
# width (a negative margin), so the line keeps the width of one character.
TICKED_BOX = "☑"
_TICK = (
    '□<span style="display: inline-block; width: 1em; margin-left: -1em; '
    'text-align: center"><span style="font-size: 0.75em; vertical-align: 0.07em">✓</span>'
    "</span>"
)
_ALIGN_CLASS = {"left": "", "center": "center", "right": "num"}
_PARAGRAPH_CLASS = {
    "body": "indent",
    "plain": "",
    "number": "meta",
    "note": "note",
    "center": "centered",
}


# a label kept with its number on one line (blocks.KEPT_TOGETHER); escaping leaves the
# label's characters and digits as they are, so the pattern matches the escaped text
_KEPT = re.compile(KEPT_TOGETHER)


# a long Latin run may break at each of its joining marks (blocks.LONG_TOKEN): after a
# hyphen or slash, before a full stop
_LONG = re.compile(LONG_TOKEN)
_JOINING = re.compile("(?<=[-/])|(?=[.])")


def _breakable(match: re.Match[str]) -> str:
    token = match.group(0)
    return token if len(token) < LONG_TOKEN_LENGTH else _JOINING.sub("<wbr>", token)


def _kept(escaped: str) -> str:
    kept = _KEPT.sub(lambda m: f'<span class="kept">{m.group(0)}</span>', escaped)
    return _LONG.sub(_breakable, kept) if "<" not in kept else _outside_tags(kept)


def _outside_tags(markup: str) -> str:
    """LONG_TOKEN's break points in the text between the tags of ``markup``."""
    return "".join(
        part if part.startswith("<") else _LONG.sub(_breakable, part)
        for part in re.split("(<[^>]*>)", markup)
    )


def inline(value: Text) -> str:
    return "".join(
        f"<strong>{_kept(escape(run.text))}</strong>" if run.bold else _kept(escape(run.text))
        for run in value
    )


def _p(body: str, cls: str = "") -> str:
    return f'<p class="{cls}">{body}</p>' if cls else f"<p>{body}</p>"


def _cell_text(block: Table, column: Column, value: str) -> str:
    """A cell's text, escaped; where the table keeps words (``Table.kept``) each kept
    piece a ``nowrap`` span (:mod:`docgen.docmodel.cells`)."""
    if not block.kept:
        return escape(value)
    return "".join(
        f'<span class="kept">{escape(t)}</span>' if kept else escape(t)
        for t, kept in cells.pieces(value, column.width, block.size)
    )


def _table(block: Table) -> str:
    cols = "".join(f'<col style="width: {c.width}%">' for c in block.columns)
    head = "".join(f"<th>{escape(c.header)}</th>" for c in block.columns)
    rows = []
    # the last row (and the total) keeps with what follows the table (keep_last), the
    # rows kept with the total with the row after them (keep_with_total)
    kept = ' class="keep-next"' if block.keep_last else ""
    for k, row in enumerate(block.rows):
        made = []
        for column, value in zip(block.columns, row, strict=True):
            cls = _ALIGN_CLASS[column.align]
            attr = f' class="{cls}"' if cls else ""
            made.append(f"<td{attr}>{_cell_text(block, column, value)}</td>")
        marks = ["keep-next"] if block.keeps_with_next(k) else []
        marks += [] if block.row_fits(k) else ["runs-on"]
        mark = f' class="{" ".join(marks)}"' if marks else ""
        rows.append(f"<tr{mark}>" + "".join(made) + "</tr>")
    if block.total is not None:
        label, value = block.total
        cls = _ALIGN_CLASS[block.total_align]
        attr = f' class="{cls}"' if cls else ""
        span = len(block.columns) - 1
        rows.append(
            f'<tr{kept}><td class="center">{escape(label)}</td>'
            f'<td colspan="{span}"{attr}>{escape(value)}</td></tr>'
        )
    # a table in its own type size says so (the others' markup stays as it was)
    size = "" if block.size == TABLE_SIZE else f' style="font-size: {block.size:g}pt"'
    return (
        f'<table class="amounts"{size}><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _form(block: FormTable) -> str:
    widths = (block.label_width, 100 - block.label_width)
    cols = "".join(f'<col style="width: {width}%">' for width in widths)
    rows = []
    for section in block.sections:
        # the title row keeps with its first row (break-after on the row, not the cell)
        rows.append(f'<tr class="title"><th colspan="2">{escape(section.title)}</th></tr>')
        for question, answers in section.questions():
            mark = "" if block.row_fits(question, answers) else ' class="runs-on"'
            answer = _kept(escape(answers[0]))
            if len(answers) > 1:  # a question over several points: one paragraph each
                answer = "".join(f"<p>{_kept(escape(a))}</p>" for a in answers)
            rows.append(f"<tr{mark}><td>{escape(question)}</td><td>{answer}</td></tr>")
    return f'<table class="form"><colgroup>{cols}</colgroup><tbody>{"".join(rows)}</tbody></table>'


def _lines(block: Lines) -> str:
    cls = "indent" if block.indent else ""
    first, *rest = block.lines
    to = "to" if not block.indent and first and all(run.bold for run in first) else cls
    items = [_p(inline(first), to), *(_p(inline(line), cls) for line in rest)]
    kind = "lines sender" if block.sender else "lines"
    return f'<div class="{kind}">' + "".join(items) + "</div>"


def _sign(block: SignBlock, cell: bool = False) -> str:
    """A signer's block; ``cell``: in a row, a long label's blank on a line of its own."""
    lines = block.lines()

    def line(k: int) -> str:
        return _p("<br>".join(map(escape, cell_line(lines[k]) if cell else (lines[k],))))

    items = [line(0), line(1)]
    if block.fingerprint:
        items.append('<div class="fingerprint">指印</div>')
    else:
        items.append(line(2))
    if block.dated:
        items.append(_p(escape(lines[-1])))
    return f'<div class="sign-block{" sign-cell" if cell else ""}">' + "".join(items) + "</div>"


def block(item: Block) -> str:
    match item:
        case Title(value):
            return f"<h1>{escape(value)}</h1>"
        case Heading(value, 1):
            return f"<h2>{escape(value)}</h2>"
        case Heading(value):
            return _p(f"<strong>{escape(value)}</strong>", "indent section")
        case Paragraph(value, role, lead):
            cls = f"{_PARAGRAPH_CLASS[role]} lead".strip() if lead else _PARAGRAPH_CLASS[role]
            return _p(inline(value), cls)
        case Lines():
            return _lines(item)
        case Letterhead(name, details):
            # a short detail is never broken between lines (as Typst's letterhead)
            spans = "　".join(
                f'<span class="{"nowrap" if len(d) <= 40 else ""}">{escape(d)}</span>'
                for d in details
            )
            return (
                f'<div class="letterhead">{escape(name)}</div>'
                f'<div class="letterhead-sub">{spans}</div>'
            )
        case Table():
            return _table(item)
        case FormTable():
            return _form(item)
        case NumberedItem(value, number):
            bold = bool(value) and all(run.bold for run in value)
            plain = escape("".join(run.text for run in value))
            return _p(f"{number}. {plain}", "calc-title") if bold else _p(f"{number}. {plain}")
        case SignatureLines(lines, place):
            cls = "signature" if place == "right" else "seal-area"
            return f'<div class="{cls}">' + "".join(_p(escape(x)) for x in lines) + "</div>"
        case SignBlock():
            return _sign(item)
        case SignRow(signers):
            return (
                '<div class="sign-row">' + "".join(_sign(s, cell=True) for s in signers) + "</div>"
            )
        case Keep():
            runs_on = item.parts()[0]
            ending, kept = item.signing()
            tail = '<div class="keep closing">' + _body(kept) + "</div>"
            if ending:  # whole with the signatures, or (too long) its last lines with them
                tail = '<div class="text-end">' + _body(ending) + "</div>" + tail
            return _body(runs_on) + "\n" + tail if runs_on else tail
        case PageBreak():
            return '<div class="page-break"></div>'
    raise TypeError(f"not a block: {item!r}")


def _body(blocks: tuple[Block, ...]) -> str:
    return "\n".join(block(item) for item in blocks)


def html(document: Document) -> str:
    """A complete HTML document."""
    margin = f"@page {{ margin-top: {document.margin_top_mm}mm; }} "
    body = _body(document.blocks)
    if TICKED_BOX in body:
        body = body.replace(TICKED_BOX, _TICK)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(document.title)}</title>\n"
        f'<meta name="author" content="{escape(document.author)}">\n'
        f"<style>{margin}{_STYLE}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


__all__ = ["TICKED_BOX", "block", "html", "inline"]
