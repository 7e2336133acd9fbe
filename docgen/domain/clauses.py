"""How an agreement numbers its clauses, and how its own words refer to one.

One declaration per way of numbering, read both where a clause's number is printed (the
layouts) and where the text cites a clause (the template context), so that a document
never cites 「第一条」 while its clauses are numbered 「一、」:

- the agreements (分期还款协议, 和解协议) head their articles 「第一条　欠款确认」 and cite
  them as numbered, 「第一条」;
- the debt confirmation (债务确认书) numbers the points the debtor confirms 「一、」「二、」,
  the numbering of items in a list, and cites one as 「本确认书第一项」: the document's
  own item, not a row of its amounts table (whose rows are numbered 1, 2, 3).
"""

from __future__ import annotations

from dataclasses import dataclass

_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def numeral(count: int) -> str:
    """1 to 99 in Chinese numerals as clauses are counted: 一, 十, 十一, 二十三."""
    if not 1 <= count <= 99:
        raise ValueError(f"clauses are counted from 1 to 99, got {count}")
    tens, units = divmod(count, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _NUMERALS[tens - 1] + "十"
    return head + (_NUMERALS[units - 1] if units else "")


@dataclass(frozen=True)
class Numbering:
    """``mark``: the number printed at the clause; ``citation``: the clause cited in the
    text; each a format with ``{}`` for the numeral."""

    mark: str
    citation: str

    def number(self, index: int) -> str:
        """The number printed at the ``index``-th clause (0: the first)."""
        return self.mark.format(numeral(index + 1))

    def cite(self, index: int) -> str:
        """The ``index``-th clause (0: the first) as the text refers to it."""
        return self.citation.format(numeral(index + 1))


AMOUNTS_CLAUSE = 0
"""The agreements and the confirmation state the confirmed amounts in their first clause."""

ARTICLES = Numbering("第{}条", "第{}条")
"""The agreements' articles: 「第一条　欠款确认」, cited 「第一条」."""
CONFIRMATION_ITEMS = Numbering("{}、", "本确认书第{}项")
"""The debt confirmation's points: 「一、截至…」, cited 「本确认书第一项」."""

__all__ = ["AMOUNTS_CLAUSE", "ARTICLES", "CONFIRMATION_ITEMS", "Numbering", "numeral"]
