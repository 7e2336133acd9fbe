"""Typst markup from document blocks, for the Typst PDF engine.

The generated source imports the page set-up, the footer stamp and the fonts of
``templates/_typst/letter.typ`` and the look of each block from ``blocks.typ``; it holds
one body per document (several for a print file of many letters). Every string of the
case is written as a Typst string literal (``"..."`` with backslash escapes), which Typst
inserts as text: markup characters in a name (``*``, ``#``, ``$``, ``]``) stay characters.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

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
    ragged,
)
from docgen.docmodel.signing import cell_line

SHARED_FILES = ("_typst/letter.typ", "_typst/blocks.typ")
"""The files under the templates directory the generated markup imports."""

# The body in 小四 (12 pt) at 1.5 line height, as Chinese letters are commonly set and as
# the DOCX writer sets it: a letter of ordinary length fits on one sheet.
# A ticked box (☑, a form's chosen option) is drawn: the CJK fonts have □ and ✓ but no ☑,
# and docgen prints no character its fonts lack. The ✓ is set at three quarters of the
# size, centred over the □ (whose square spans 0.1–0.9 em across, 0–0.78 em up), a
# little raised, so that it stays inside the square.
TICKED_BOX = "☑"
_TICK = (
    f'show "{TICKED_BOX}": box({{"□"; h(-1em); box(width: 1em, align(center, '
    'text(size: 0.75em, baseline: -0.07em, "✓")))})\n'
)
# a label kept with its number on one line (blocks.KEPT_TOGETHER): a box is never broken
_KEPT = f"show regex({json.dumps(KEPT_TOGETHER, ensure_ascii=False)}): it => box(it)\n"
# a long Latin run may break at each of its joining marks (blocks.LONG_TOKEN): each
# part a box, the line may break between boxes (a box has no text between its parts, so
# the words are copied from the PDF as printed); a part keeps a hyphen or slash at its end
# and a full stop at its start
_LONG = (
    f"show regex({json.dumps(LONG_TOKEN)}): it => if it.text.len() < {LONG_TOKEN_LENGTH} "
    '{ it } else { it.text.matches(regex("[.]?[A-Za-z0-9]+[-/]?")).map(m => box(m.text)).join() }\n'
)
# Full-width punctuation stays full width (全角式, as court papers and official documents
# set it): Typst compresses two adjacent marks of one run of text (「，《」「）（」 set in
# one and a half characters or less), so every other mark of such a pair is set as a run
# of its own (an added style that changes nothing: a baseline of 0pt).
_PUNCTUATION = "，。：；、！？）》”’〕】」』（《“‘〔【「『"
_FULL_WIDTH = (
    f'show regex("[{_PUNCTUATION}]{{2,}}"): it => it.text.clusters().enumerate()'
    ".map(((k, c)) => if calc.odd(k) { text(baseline: 0pt, c) } else { c }).join()\n"
)
_BODY_SET_UP = (
    "set text(size: 12pt)\nset par(leading: 0.5em, spacing: 0.5em + 0.5mm)\n"
    + _TICK
    + _KEPT
    + _LONG
    + _FULL_WIDTH
)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
# escaped by str.translate in one pass in C, not by a Python loop per character
_TRANSLATION = {
    **{code: f"\\u{{{code:x}}}" for code in [*range(0x20), 0x7F]},
    **{ord(char): escaped for char, escaped in _ESCAPES.items()},
}


# what needs an escape: most strings hold none, and a search (in C, stops at the first)
# costs a tenth of a translation, which builds a new string through a dict per character
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f\\"]')


def string(value: str) -> str:
    """``value`` as a Typst string literal."""
    if _NEEDS_ESCAPE.search(value) is None:
        return '"' + value + '"'
    return '"' + value.translate(_TRANSLATION) + '"'


def content(value: Text) -> str:
    """Runs as a content block: ``[#"plain"#strong("bold")]``."""
    parts = (f"#strong({string(r.text)})" if r.bold else f"#{string(r.text)}" for r in value)
    return "[" + "".join(parts) + "]"


def _args(items: list[str]) -> str:
    return ", ".join(items) + ("," if len(items) == 1 else "")


def _cell_text(block: Table, column: Column, value: str) -> str:
    """A cell's text: a string, or where the table keeps words (``Table.kept``) content
    whose kept pieces are boxes (a box is never broken; :mod:`docgen.docmodel.cells`)."""
    if not block.kept:
        return string(value)
    made = cells.pieces(value, column.width, block.size)
    if not any(kept for _, kept in made):
        return string(value)
    parts = (f"#box({string(t)})" if kept else f"#{string(t)}" for t, kept in made)
    return "[" + "".join(parts) + "]"


def _table_args(block: Table) -> str:
    """The widths, header, rows and total of ``letter.typ``'s table functions."""
    widths = _args([f"{column.width}%" for column in block.columns])
    headers = _args([string(column.header) for column in block.columns])
    rows = []
    for k, row in enumerate(block.rows):
        # a row longer than a page runs on (letter.typ sets every other row unbreakable)
        runs_on = "" if block.row_fits(k) else ", breakable: true"
        cells = [
            f"table.cell(align: {column.align}{runs_on}, {_cell_text(block, column, value)})"
            if runs_on
            else f"cell(align: {column.align}, {_cell_text(block, column, value)})"
            for column, value in zip(block.columns, row, strict=True)
        ]
        rows.append(f"({_args(cells)})")
    total = "()"
    if block.total is not None:
        label, value = block.total
        span = len(block.columns) - 1
        total = (
            f"(cell(align: center, {string(label)}), "
            f"table.cell(colspan: {span}, align: {block.total_align}, {string(value)}))"
        )
    # a table in its own type size says so (the others' markup stays as it was)
    size = "" if block.size == TABLE_SIZE else f", size: {block.size:g}pt"
    return f"({widths}), ({headers}), ({_args(rows)}), {total}{size}"


def _table(block: Table, spacing: str = "") -> str:
    # cells are not justified, as in HTML: a short entry stays together on its line
    extra = f", {spacing}" if spacing else ""
    return "{ set par(justify: false); amounts-table(" + _table_args(block) + extra + ") }"


def _kept_with_next(table: Table, following: Block) -> str:
    """A table whose last row keeps with the block after it: Typst keeps content
    together only in an unbreakable block, so the table is cut before its last row, and
    that row (with the total) is printed in one block with what follows
    (``letter.typ``'s ``continued-table``: the parts meet with no space between, and the
    second repeats the header only where it begins a page)."""
    return _cut(table, block(following))


def _kept_with_total(table: Table) -> str:
    """A table whose last rows keep with its total (``keep_with_total``): cut as
    :func:`_kept_with_next` cuts it, with nothing after the rows kept; the unbreakable
    block they make spaces the text after it as the table would."""
    return _cut(table, "", "above: 2mm + 0.3em, below: 4mm + 0.3em")


def _cut(table: Table, rest: str, spacing: str = "") -> str:
    """``table`` cut before its :meth:`Table.kept_rows` last rows, which are printed in
    one unbreakable block with ``rest``; the whole table in it when no row is left."""
    kept = table.kept_rows()
    extra = f", {spacing}" if spacing else ""
    if len(table.rows) <= kept:  # nothing to leave behind: the whole table moves
        return f"block(breakable: false{extra}, {{\n" + _table(table) + "\n" + rest + "\n})"
    head = replace(table, rows=table.rows[:-kept], total=None)
    tail = replace(table, rows=table.rows[-kept:])
    below = ", below: 4mm + 0.3em" if spacing else ""
    return (
        _table(head, spacing="below: 0pt, after: mark-split")
        + f"\nblock(breakable: false, above: 0pt{below}, continued-table("
        + _table_args(tail)
        + ", {\n"
        + rest
        + "\n}))"
    )


def _answers(answers: tuple[str, ...]) -> str:
    """A question's answers, one paragraph each, a little apart."""
    if len(answers) == 1:
        return string(answers[0])
    points = "; ".join(f"par({string(answer)})" for answer in answers)
    return "{ set par(spacing: 0.5em + 1mm); " + points + " }"


def _form(block: FormTable) -> str:
    """The form in 10.5 pt, cells at the top, each section's title a grey row across both
    columns kept with the section's first row; no row splits across pages (but one
    longer than a page), a question over several points one row with them.

    Typst keeps rows together only where a cell spans them: an empty, unbreakable cell in
    a column of no width spans each title and the row after it, so a title never ends a
    page alone."""
    spacer = "table.cell(stroke: none, inset: 0pt, [])"
    cells = []
    for section in block.sections:
        title = f"strong({string(section.title)})"
        if section.rows:
            cells.append("table.cell(rowspan: 2, breakable: false, stroke: none, inset: 0pt, [])")
        else:
            cells.append(spacer)
        cells.append(
            f'table.cell(colspan: 2, align: center, fill: rgb("#eeeeee"), breakable: false, '
            f"{title})"
        )
        for index, (question, answers) in enumerate(section.questions()):
            kept = "false" if block.row_fits(question, answers) else "true"
            cells += [] if index == 0 else [spacer]
            cells += [
                f"table.cell(breakable: {kept}, {string(question)})",
                f"table.cell(breakable: {kept}, {_answers(answers)})",
            ]
    widths = f"(0pt, {block.label_width}%, {100 - block.label_width}%)"
    table = f"table(columns: {widths}, align: top + left, {_args(cells)})"
    return (
        "block(above: 2mm + 0.3em, below: 4mm + 0.3em, text(size: 10.5pt, { "
        f"set par(justify: false); {table} }}))"
    )


def _paragraph(block: Paragraph) -> str:
    body = content(block.text)
    made = {
        "body": f"indent({body})",
        "plain": f"par({body})",
        "number": f"number-line({body})",
        "note": f"note({body})",
        "center": f"align(center, par({body}))",
    }[block.role]
    return f"block(sticky: true, {made})" if block.lead else made


def _lines(block: Lines) -> str:
    items = ", ".join(
        f"(body: {content(line)}, ragged: true)" if ragged(line) else content(line)
        for line in block.lines
    )
    if block.sender:
        return f"sender-lines({items})"
    return f"kept-lines(indent: {'true' if block.indent else 'false'}, {items})"


def _signer(block: SignBlock, cell: bool = False) -> str:
    """A signer's fields as a Typst dictionary; ``cell``: in a row, where a long label
    puts its blank on a line of its own (``SignBlock.cut``)."""
    fields = {
        "role": block.role,
        "name": block.name,
        "sign_label": block.sign_label,
        "kind": "person" if block.fingerprint else "organization",
        "representative_title": block.representative_title,
    }
    named = [f"{k}: {string(v)}" for k, v in fields.items()]
    # only the undated block says so: a dated one's source (and print) stays as it was
    undated = [] if block.dated else ["dated: false"]
    cuts = []
    if cell and block.cut(0):
        # the role and the name as the cell breaks them (cell_line): never mid-name
        parts = ", ".join(string(part) for part in cell_line(block.lines()[0]))
        cuts.append(f"name_lines: ({parts},)")
    if cell and block.cut(1):
        cuts.append("sign_cut: true")
    if cell and not block.fingerprint and block.cut(2):
        cuts.append("representative_cut: true")
    return "(" + ", ".join(named + undated + cuts) + ")"


def block(item: Block) -> str:
    """One block as a Typst expression (code mode)."""
    match item:
        case Title(value):
            return f"heading(level: 1, {string(value)})"
        case Heading(value, 1):
            return f"heading(level: 2, {string(value)})"
        case Heading(value):
            return f"section-heading({string(value)})"
        case Paragraph():
            return _paragraph(item)
        case Lines():
            return _lines(item)
        case Letterhead(name, details):
            return f"letterhead({string(name)}, ({_args([string(d) for d in details])}))"
        case Table() if item.keep_with_total:
            return _kept_with_total(item)
        case Table():
            return _table(item)
        case FormTable():
            return _form(item)
        case NumberedItem(value, number):
            bold = "true" if value and all(run.bold for run in value) else "false"
            plain = tuple(type(run)(run.text) for run in value)
            return f'numbered("{number}.", {content(plain)}, bold: {bold})'
        case SignatureLines(lines, place):
            items = ", ".join(string(line) for line in lines)
            return f"signature-{place}({items})"
        case SignBlock():
            return f"signature-block({_signer(item)})"
        case SignRow(signers):
            return f"signature-row({', '.join(_signer(s, cell=True) for s in signers)})"
        case Keep():
            runs_on = item.parts()[0]
            ending, kept = item.signing()
            tail = "block(breakable: false, {\n" + _body(kept) + "\n})"
            if ending:  # sticky: with the signatures whole, or its last lines if too long
                tail = "block(sticky: true, {\n" + _body(ending) + "\n})\n" + tail
            return _body(runs_on) + "\n" + tail if runs_on else tail
        case PageBreak():
            return "pagebreak()"
    raise TypeError(f"not a block: {item!r}")


def _body(blocks: tuple[Block, ...]) -> str:
    made: list[str] = []
    pending: Table | None = None  # a table whose last row waits for the next block
    for item in blocks:
        if pending is not None:
            made.append(_kept_with_next(pending, item))
            pending = None
        elif isinstance(item, Table) and item.keep_last:
            pending = item
        else:
            made.append(block(item))
    if pending is not None:
        made.append(block(pending))
    return "\n".join(made)


def source(documents: list[Document], footers: list[str | None] | None = None) -> str:
    """The Typst source of ``documents`` (one PDF; each starts on a new page and numbers
    its own pages), each with its footer stamp (the register's id and code) or none.

    The letters' data (:func:`letters_input`) is written into the source as a JSON string,
    not given as ``sys.inputs``: Typst reuses what it laid out in earlier compilations
    only while their inputs stay the same, and a stamp differs in every document."""
    if not documents:
        raise ValueError("no document to write")
    stamps: list[str | None] = list(footers) if footers is not None else [None] * len(documents)
    letters = json.dumps(letters_input(documents, stamps), ensure_ascii=False)
    bodies = ",\n".join("{\n" + _BODY_SET_UP + _body(d.blocks) + "\n}" for d in documents)
    margin = documents[0].margin_top_mm
    return (
        '#import "/_typst/letter.typ": *\n'
        '#import "/_typst/blocks.typ": *\n'
        f"#let bodies = (\n{bodies},\n)\n"
        f"#documents(c => bodies.at(c.k), margin-top: {margin}mm, author: c => c.author,\n"
        f"  letters: json(bytes({string(letters)})))\n"
    )


def letters_input(documents: list[Document], footers: list[str | None]) -> list[dict[str, object]]:
    """The letters :func:`source` writes into its markup: per document ``{"c": {"k":
    index, "title": ..., "author": ...}, "footer": stamp or null}``."""
    return [
        {"c": {"k": k, "title": document.title, "author": document.author}, "footer": footer}
        for k, (document, footer) in enumerate(zip(documents, footers, strict=True))
    ]


__all__ = ["SHARED_FILES", "TICKED_BOX", "block", "content", "letters_input", "source", "string"]
