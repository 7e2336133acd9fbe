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
    never cut in two. The role and name too long for the cell (「甲方（债权人）：深圳市恒信
    商贸有限公司」) break after the colon too, the name whole on the next line, or, longer
    than a line, at a sensible point (:func:`name_parts`): never 「…有限 / 公司」."""
    label, colon, rest = line.partition("：")
    if len(line) <= CELL_CHARS or not colon:
        return (line,)
    if rest.startswith("＿"):
        return (label + colon, rest)
    return (label + colon, *name_parts(rest))


_AFTER = "省市区县州盟旗）)"
_BEFORE = ("股份有限公司", "有限责任公司", "有限公司", "集团", "分公司", "支行", "分行", "事务所")


def name_parts(name: str) -> tuple[str, ...]:
    """An organisation's name in lines of a cell: whole where it fits, else broken before
    its form (有限公司, 股份有限公司, 集团; never inside one), else after its place (省, 市,
    区, 县) or a closing bracket, the last such point that fits; a hard break only where
    there is none."""
    if len(name) <= CELL_CHARS:
        return (name,)
    inside = {
        j + d
        for j in range(len(name))
        for form in _BEFORE
        if name.startswith(form, j)
        for d in range(1, len(form))
    }
    forms = [k for k in range(2, CELL_CHARS + 1) if name.startswith(_BEFORE, k) and k not in inside]
    places = [k + 1 for k, ch in enumerate(name[:CELL_CHARS]) if ch in _AFTER and k >= 1]
    cut = max(forms or places or [CELL_CHARS])
    return (name[:cut], *name_parts(name[cut:]))


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
    "name_parts",
    "sign_rows",
]
