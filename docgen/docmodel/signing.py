"""Where a document is signed: a sender's signing lines, a signer's block, and the
signers of an agreement two to a row (``docgen.docmodel.blocks`` holds them among its
blocks)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class SignatureLines:
    """A sender's signing lines: flush right (``right``) or from the middle of the line
    (``seal``, where a firm seals)."""

    lines: tuple[str, ...]
    place: Literal["right", "seal"] = "right"


SIGN_DATE = "日期：＿＿＿＿年＿＿月＿＿日"
"""The blank a signer dates a signature on."""


@dataclass(frozen=True)
class SignBlock:
    """Where a recipient signs a slip or an agreement: a person signs and presses a
    fingerprint in the box, an organisation seals and its representative signs; each
    dates the signature on a blank line, unless the document states its one date
    (``dated=False``)."""

    role: str
    name: str
    sign_label: str
    fingerprint: bool
    representative_title: str = ""
    dated: bool = True

    def lines(self) -> tuple[str, ...]:
        middle = () if self.fingerprint else (f"{self.representative_title}签字：＿＿＿＿＿＿",)
        return (
            f"{self.role}：{self.name}",
            f"{self.sign_label}：＿＿＿＿＿＿＿＿",
            *(("指印",) if self.fingerprint else middle),
            *((SIGN_DATE,) if self.dated else ()),
        )

    def cut(self, line: int) -> bool:
        """Whether line ``line`` of :meth:`lines` printed in a cell of a :class:`SignRow`
        puts its blank on a line of its own (:func:`cell_line`)."""
        return len(cell_line(self.lines()[line])) > 1


CELL_CHARS = 17
"""Characters of 12 pt that a signer's cell of a :class:`SignRow` holds on a line (half
the text width less the gap between the cells)."""


def cell_line(line: str) -> tuple[str, ...]:
    """A signer's line as a cell of a :class:`SignRow` prints it: a signing label too long
    for the cell with its blank (「法定代理人签字并按手印：＿＿＿＿＿＿＿＿」) broken after the
    colon, the blank whole on the next line; every writer breaks it there, so a blank is
    never cut in two. A name runs on as any text."""
    label, colon, blank = line.partition("：")
    if len(line) <= CELL_CHARS or not blank.startswith("＿"):
        return (line,)
    return (label + colon, blank)


@dataclass(frozen=True)
class SignRow:
    """An agreement's signers side by side, two to a row (the last row may hold one):
    three or four signers take two rows, not three or four blocks down the page. No row
    splits across pages, and every row is kept with the end of the text
    (:meth:`docgen.docmodel.blocks.Keep.parts`): no signer signs on a page without it."""

    signers: tuple[SignBlock, ...]


def sign_rows(signers: tuple[SignBlock, ...]) -> tuple[SignRow, ...]:
    """The signers two to a row, in order."""
    return tuple(SignRow(signers[k : k + 2]) for k in range(0, len(signers), 2))


__all__ = [
    "CELL_CHARS",
    "SIGN_DATE",
    "SignBlock",
    "SignRow",
    "SignatureLines",
    "cell_line",
    "sign_rows",
]
