"""docgen's document model: a built-in document as a sequence of typed blocks.

A type's layout (``docgen.layouts.<type>``) builds a :class:`Document` from the case's
validated template context; the writers (``docx_writer``, ``typst_writer``,
``html_writer``) print the same blocks to Word, to PDF through Typst and to HTML (the
WeasyPrint path). The words live in the layout once; how a block looks on paper lives in
each writer once. Strings are plain text: the writers escape them for their markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from docgen.docmodel.signing import SIGN_DATE, SignatureLines, SignBlock, SignRow

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Run:
    """A piece of text in one emphasis."""

    text: str
    bold: bool = False


Text = tuple[Run, ...]

E_MAIL = "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:[.][A-Za-z0-9-]+)+"
"""An e-mail address. A line of :class:`Lines` that holds one is set ragged right (not
justified) by the Typst and DOCX writers (WeasyPrint stretches no CJK line): such a
line (a service address: 「收件人：…」, 「联系电话：…」, 「电子邮箱：…」) is a run of labels
each kept with its value (:data:`KEPT_TOGETHER`; Word breaks no address), and one that
goes to the next line would leave the line before it stretched letter by letter. The
address is printed as typed (no break character is added), so it is copied whole."""


KEPT_TOGETHER = (
    "(?:联系)?电话：(?:[-+0-9]+|＿+)"
    "|收件人：[^，；。、：（）\\s]{1,8}"
    f"|(?:(?:电子)?邮箱：)?{E_MAIL}"
    "|[□■☑][^□■☑，；。、：（）\\s]{1,6}"
    "|账号：[0-9][0-9 -]*[0-9]"
)
"""Words never parted at a line end (a regular expression): a label and its value, which
a break would leave to be read across two lines, or break inside the label itself
(收件 | 人): 「联系电话：」 or 「电话：」 and the digits (or the blank of a form), 「收件人：」 and
the name, an e-mail address whole, with its label 「电子邮箱：」 where it has one (a clerk
copies it from one line: 「zhouming@zhengxin」 / 「.example.cn」 was misread); a form's box
and the words of its option (□ | 了解); 「账号：」 and the account's digits, which a clerk or
a bank copies from one line (4058 | 0000 1111). The PDF
writers set each match unbreakable (Typst: a box; HTML: a ``nowrap`` span); a DOCX is
left to Word's own line breaking. Every match is short: it never needs more than a line."""

LONG_TOKEN = "[A-Za-z0-9]+(?:[-./][A-Za-z0-9]+){2,}"  # noqa: S105 (a pattern)
LONG_TOKEN_LENGTH = 12
"""A run of Latin letters and digits in three or more parts joined by 「-」「.」「/」 (a
letter's number 「ABC-2026-000123」, a web address; not an e-mail address, kept whole by
:data:`KEPT_TOGETHER`), at least
``LONG_TOKEN_LENGTH`` characters long, may break at each joining mark: left whole,
it would go to the next line and leave the line before it stretched with wide gaps. It
breaks after a hyphen or slash and before a full stop, so that no line ends in a full
stop that reads as the sentence's end (「www.example」 / 「.cn」).
(Line breaking rules part no such run by themselves: no break falls between a hyphen
and a digit, nor at a full stop between letters.) A shorter one stays whole."""


def ragged(line: Text) -> bool:
    """Whether a line of :class:`Lines` is set ragged right (:data:`E_MAIL`)."""
    return re.search(E_MAIL, plain(line)) is not None


def text(*parts: str | Run) -> Text:
    """A run of each part (a ``str`` is plain), empty strings dropped."""
    out = []
    for part in parts:
        if isinstance(part, str):
            if part:
                out.append(Run(part))
        elif part.text:
            out.append(part)
    return tuple(out)


def bold(value: str) -> Run:
    return Run(value, bold=True)


def plain(value: Text) -> str:
    return "".join(run.text for run in value)


@dataclass(frozen=True)
class Title:
    """The document's title (a slip's title too), centred and letter-spaced."""

    text: str


@dataclass(frozen=True)
class Heading:
    """Level 1: a centred heading of an annex; level 2: a bold heading of a section in
    the body, indented as its paragraphs and kept with what follows."""

    text: str
    level: Literal[1, 2] = 1


ParagraphRole = Literal["body", "plain", "number", "note", "center"]


@dataclass(frozen=True)
class Paragraph:
    """``body``: justified with a two-character first-line indent; ``plain``: no indent;
    ``number``: a document number flush right in a smaller size; ``note``: small print;
    ``center``: a centred line (what a filing is, under its title).
    ``lead``: kept on the page of what follows (the words that introduce a table)."""

    text: Text
    role: ParagraphRole = "body"
    lead: bool = False


@dataclass(frozen=True)
class Lines:
    """Lines set close together and never split across pages: a party's identity, a
    payment account, contact details. ``sender`` sets them small with a rule below (the
    sender of a letter); ``indent`` gives each line the first-line indent of the body."""

    lines: tuple[Text, ...]
    indent: bool = False
    sender: bool = False


@dataclass(frozen=True)
class Letterhead:
    """A firm's letterhead: its name with a rule below and a line of contact details."""

    name: str
    details: tuple[str, ...]


ROW_LINES_A_PAGE = 36
"""Lines of a table's 11 pt text that a page holds under a repeated header row (A4, the
margins of every document, 1.6 line height with the cells' padding): a row longer than
that cannot go whole onto any page (a table in smaller type is counted as in 11 pt)."""
TEXT_WIDTH_MM = 156  # A4 less the left and right margins (28 and 26 mm)
TABLE_SIZE = 11.0  # pt, a table's text unless the table says otherwise
CELL_PADDING_MM = 4  # a cell's left and right padding together


def fits_a_page(cells: tuple[tuple[str, int], ...], size: float = TABLE_SIZE) -> bool:
    """Whether a table row of (text, percent of the text width) cells in ``size`` pt type
    goes whole onto one page: every writer keeps such a row unsplit (Typst: an
    unbreakable cell; HTML: ``break-inside: avoid``; DOCX: ``cantSplit``) and lets a
    longer one run on, as it must. Counted generously: every character a CJK one, every
    paragraph a new line."""
    char_mm = size * 25.4 / 72
    for value, width in cells:
        per_line = max(1, int((TEXT_WIDTH_MM * width / 100 - CELL_PADDING_MM) / char_mm))
        lines = sum(-(-max(len(part), 1) // per_line) for part in value.split("\n"))
        if lines > ROW_LINES_A_PAGE:
            return False
    return True


@dataclass(frozen=True)
class Column:
    header: str
    width: int  # percent of the text width
    align: Align = "left"


@dataclass(frozen=True)
class Table:
    """A table whose header row repeats on every page it runs onto and whose rows never
    split (but one longer than a page, :meth:`row_fits`); ``total`` is a last row of a
    label and a value spanning the other columns. ``keep_last``: its last row (and the
    total) stays on the page of the block after it, as a filing's evidence does with its
    closing, so a page never holds the signature alone. ``keep_with_total``: that many
    last rows and the total are never parted by a page break, so that a sum never heads
    a page alone under the repeated header (1: the last row with the total; 2 where the
    last row is itself a row of sums). ``size``: its text's type size in pt (the
    evidence list's 小五, 9 pt, in six columns). ``kept``: a case number in a cell kept
    whole, and no cell's last line one character alone (``docgen.docmodel.cells``)."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, str] | None = None
    total_align: Align = "left"
    keep_last: bool = False
    keep_with_total: int = 0
    size: float = TABLE_SIZE
    kept: bool = False

    def keeps_with_next(self, row: int) -> bool:
        """Whether row ``row`` may not end a page: the last with ``keep_last``, each of the
        rows kept with the total but the last one of a table without a total."""
        last = len(self.rows) - 1
        if row == last and self.keep_last:
            return True
        with_total = row >= len(self.rows) - self.keep_with_total
        return with_total and (row < last or self.total is not None)

    def row_fits(self, row: int) -> bool:
        """Whether row ``row`` goes whole onto a page (:func:`fits_a_page`): kept unsplit."""
        widths = (column.width for column in self.columns)
        return fits_a_page(tuple(zip(self.rows[row], widths, strict=False)), self.size)

    def kept_rows(self) -> int:
        """How many last rows go to a page together (with the total): ``keep_with_total``,
        at least the last row when ``keep_last`` keeps it with what follows, never more
        rows than there are."""
        return min(len(self.rows), max(self.keep_with_total, 1 if self.keep_last else 0))


@dataclass(frozen=True)
class FormSection:
    """A section of a form: its title and one (question, answer) pair per item. A pair
    whose question is empty goes on answering the question above it (one question over
    several points, as the court's forms ask 是否了解先行调解解决纠纷的好处 over five):
    :meth:`questions` makes them one row, the points its answer's paragraphs, so that a
    page break never parts a point from its question."""

    title: str
    rows: tuple[tuple[str, str], ...]

    def questions(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each question with its answers (one paragraph each), in order."""
        out: list[tuple[str, list[str]]] = []
        for question, answer in self.rows:
            if question or not out:
                out.append((question, [answer]))
            else:
                out[-1][1].append(answer)
        return tuple((question, tuple(answers)) for question, answers in out)


@dataclass(frozen=True)
class FormTable:
    """A two-column form, as the element-based court forms (要素式) are laid out: each
    section a title row across both columns, then a row per question with its answer
    (□/■ choices are characters of the answer). Rows never split (but one longer than a
    page, :meth:`row_fits`); ``label_width`` is the questions' percent of the text width."""

    sections: tuple[FormSection, ...]
    label_width: int = 30

    def row_fits(self, question: str, answers: tuple[str, ...]) -> bool:
        """Whether a question's row goes whole onto a page (:func:`fits_a_page`)."""
        cells = ((question, self.label_width), ("\n".join(answers), 100 - self.label_width))
        return fits_a_page(cells)


@dataclass(frozen=True)
class NumberedItem:
    """An item of a numbered list (claims, calculation sheets): ``number`` within the
    list ``list_id``; Word numbers it itself, the other writers print ``number.``."""

    text: Text
    number: int
    list_id: str


ONE_LINE = 34
"""Characters of the body that a line holds (12 pt on :data:`TEXT_WIDTH_MM`, less the
first-line indent): a paragraph no longer is a line of the signing part (签订地点, 签订日期,
「（以下无正文）」), not a term."""


@dataclass(frozen=True)
class Keep:
    """Blocks kept on one page (the closing paragraph with the signature).

    A closing that the parties sign (a :class:`SignBlock`, or a :class:`SignRow` of them:
    an agreement) keeps only its tail together, :meth:`parts`: the articles above it run
    on across pages as any text, so that no page before the signatures is left mostly
    blank (a blank space in a signed agreement invites words added later); every row of
    signers is kept with the end of the text, so that no signature is on a page without
    words of the agreement."""

    blocks: tuple[Block, ...]

    def parts(self) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
        """(the blocks that run on, the blocks kept on one page). Where the parties sign,
        the kept part is every row of signatures (:class:`SignRow`), the one-line
        signing paragraphs above them, the last paragraph of the text (the copies and
        effective date) and the last block of the term before it (with its heading where
        it is the term's first block), so that the signature page always holds words of
        a term of substance and no signer signs on a page without them (a signature
        page without text could be said to have been signed blank, or be put to another
        text); anything else is kept whole."""
        signs = [k for k, b in enumerate(self.blocks) if isinstance(b, SignBlock | SignRow)]
        if not signs:
            return (), self.blocks
        terms = [k for k in range(signs[0]) if _holds_a_term(self.blocks[k])]
        if len(terms) < 2:
            return (), self.blocks
        start = terms[-2]
        if start > 0 and isinstance(self.blocks[start - 1], Heading):
            start -= 1
        return self.blocks[:start], self.blocks[start:]

    def signing(self) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
        """The kept part of :meth:`parts` cut where the parties sign: (the end of the text,
        the signing lines and blocks). The end of the text may break across pages when it
        is too long to go whole with the signatures (a long clause), its last lines kept
        with them; the signing part never breaks. Without signers: ((), the kept part)."""
        kept = self.parts()[1]
        signs = [k for k, b in enumerate(kept) if isinstance(b, SignBlock | SignRow)]
        terms = [k for k in range(signs[0]) if _holds_a_term(kept[k])] if signs else []
        cut = terms[-1] + 1 if terms else 0
        return kept[:cut], kept[cut:]


def _holds_a_term(block: Block) -> bool:
    """Whether ``block`` is text of the agreement, not a line of its signing part."""
    if isinstance(block, Paragraph):
        return len(plain(block.text)) > ONE_LINE
    return isinstance(block, Lines | Table | NumberedItem)


@dataclass(frozen=True)
class PageBreak:
    """What follows starts on a new page."""


Block = (
    Title
    | Heading
    | Paragraph
    | Lines
    | Letterhead
    | Table
    | FormTable
    | NumberedItem
    | SignatureLines
    | SignBlock
    | SignRow
    | Keep
    | PageBreak
)


@dataclass(frozen=True)
class Document:
    """A built-in document: its blocks, and the title and author of its metadata."""

    title: str
    author: str
    blocks: tuple[Block, ...]
    margin_top_mm: int = 30


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block in reading order, the contents of a Keep in place of it, each signer
    of a row in place of the row."""
    for block in blocks:
        if isinstance(block, Keep):
            yield from walk(block.blocks)
        elif isinstance(block, SignRow):
            yield from block.signers
        else:
            yield block


def paragraphs(document: Document) -> list[str]:
    """The document's text as the paragraphs a reader sees, in order: what every writer
    must print (a table gives one paragraph per cell, row by row; a numbered item its
    number)."""
    out: list[str] = []
    for block in walk(document.blocks):
        match block:
            case Title(value) | Heading(value):
                out.append(value)
            case Paragraph(value):
                out.append(plain(value))
            case Lines(lines):
                out.extend(plain(line) for line in lines)
            case Letterhead(name, details):
                out.extend((name, "　".join(details)))
            case Table(columns, rows, total):
                out.extend(column.header for column in columns)
                out.extend(cell for row in rows for cell in row)
                out.extend(total or ())
            case FormTable(sections):
                for section in sections:
                    out.append(section.title)
                    for question, answers in section.questions():
                        out.extend((question, *answers))
            case NumberedItem(value, number):
                out.append(f"{number}. {plain(value)}")
            case SignatureLines(lines):
                out.extend(lines)
            case SignBlock():
                out.extend(block.lines())
    return out


__all__ = [
    "SIGN_DATE",
    "Block",
    "Column",
    "Document",
    "FormSection",
    "FormTable",
    "Heading",
    "Keep",
    "Letterhead",
    "Lines",
    "NumberedItem",
    "PageBreak",
    "Paragraph",
    "Run",
    "SignBlock",
    "SignRow",
    "SignatureLines",
    "Table",
    "Text",
    "Title",
    "bold",
    "fits_a_page",
    "paragraphs",
    "plain",
    "text",
    "walk",
]
