"""Where the text of a table's cell may break between lines, for a table set with
``Table.kept`` (the evidence list's): the pieces the PDF writers set unbreakable.

A case number (案号) is read and copied as one: 「（2026）粤0304 / 民初567号」 at a line end
reads as two. It is kept whole where the cell's column holds it on one line; in a column
too narrow for it, it may break only between the court's code and the case's type and
serial (「（2026）粤0304」 | 「民初567号」), each part kept whole if it fits; where even a
part does not fit, it is left to the engine's own line breaking (an unbreakable piece
wider than its cell would run over the cell's border). A name of several papers joined
by 「及」 or 「、」 that its column does not hold on one line but holds on two breaks only at
a join, each paper's name kept whole where it fits (「EMS邮寄凭证及」 / 「妥投查询记录」, not
「EMS邮寄凭证及妥投查询」 / 「记录」); a sentence (「，」 「。」 …) or a longer text (a purpose)
is left to the engine, whose lines kept parts would leave short, adding lines. The last
two characters of a cell go together, so that no line of a cell holds a single character
alone (「微信聊天记录截」 / 「图」 reads as a word cut). The DOCX is left to Word's own line
breaking.
"""

from __future__ import annotations

import re

from docgen.docmodel.blocks import CELL_PADDING_MM, TEXT_WIDTH_MM

CASE_NUMBER = re.compile(
    "(?P<court>[（(][0-9]{4}[）)][\u4e00-\u9fff]{1,3}[0-9]{2,4})"
    "(?P<serial>[\u4e00-\u9fff]{1,4}[0-9]+号)"
)
"""A case number of an intermediate or basic court, whose code ends in its two or four
digits, in its two parts: 「（收案年度）法院代字」 and 「（专门审判代字）类型代字 案件编号号」
(最高人民法院关于人民法院案件案号的若干规定 arts. 3 and 5, as amended by 法〔2018〕335号).
A number of a high court (「（2026）京民终1号」) is left to the engine: it is short."""

JOIN = re.compile("(?<=及)(?!时)|(?<=、)")
"""Where a name of several papers may break: after 「及」 (not in 「及时」) or 「、」."""
_SENTENCE = re.compile("[，。；：！？,;:!?]")

_WIDE = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
_PT_MM = 25.4 / 72
Piece = tuple[str, bool]  # (text, kept whole)


def width_em(value: str) -> float:
    """The width of ``value`` in ems, as the body font sets it, counted generously: a
    CJK or full-width character 1, a digit 0.56, any other character 0.7."""
    return sum(1 if _WIDE.match(c) else 0.56 if c.isdigit() else 0.7 for c in value)


def holds(value: str, width: int, size: float) -> bool:
    """Whether a column of ``width`` percent of the text width holds ``value`` on one
    line in ``size`` pt type."""
    room = TEXT_WIDTH_MM * width / 100 - CELL_PADDING_MM
    return width_em(value) * size * _PT_MM <= room


def pieces(value: str, width: int, size: float) -> tuple[Piece, ...]:
    """``value`` as pieces in order, each with whether it is set unbreakable."""
    out: list[Piece] = []
    at = 0
    for match in CASE_NUMBER.finditer(value):
        out.append((value[at : match.start()], False))
        if holds(match.group(0), width, size):
            out.append((match.group(0), True))
        else:
            out.extend((part, holds(part, width, size)) for part in match.group("court", "serial"))
        at = match.end()
    out.append((value[at:], False))
    if _a_name_on_two_lines(value, width, size):
        out = [part for text, kept in out for part in _at_joins(text, kept, width, size)]
    made = tuple((text, kept) for text, kept in out if text)
    return _last_two_together(made) if holds("字字", width, size) else made


def _a_name_on_two_lines(value: str, width: int, size: float) -> bool:
    """Whether ``value``, not a sentence, takes two lines of its column (not one)."""
    if holds(value, width, size) or _SENTENCE.search(value):
        return False
    room = TEXT_WIDTH_MM * width / 100 - CELL_PADDING_MM
    return width_em(value) * size * _PT_MM <= 2 * room


def _at_joins(text: str, kept: bool, width: int, size: float) -> list[Piece]:
    """``text`` (a piece not kept) in its parts between joins (:data:`JOIN`), each kept
    where its column holds it; a kept piece or one without a join as it is."""
    parts = [part for part in JOIN.split(text) if part]
    if kept or len(parts) < 2:
        return [(text, kept)]
    return [(part, holds(part, width, size)) for part in parts]


def _last_two_together(made: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """The last two characters kept together where both are CJK (a Latin word or a
    number is never parted anyway) and not already part of a kept piece."""
    if not made or made[-1][1]:
        return made
    last = made[-1][0]
    if len(last) < 3 or not (_WIDE.match(last[-1]) and _WIDE.match(last[-2])):
        return made
    return (*made[:-1], (last[:-2], False), (last[-2:], True))


__all__ = ["CASE_NUMBER", "JOIN", "Piece", "holds", "pieces", "width_em"]
