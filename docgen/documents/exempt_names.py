"""The names a compliance scan leaves out of a text (the parties', their addresses and
accounts), indexed by first character.

A scan blanks each name out of each text, in order (longest first); with some sixteen
names and seventy texts a letter, most of those replacements find nothing. A name can
only be in a text holding its first character, and blanking puts in nothing but ``|``:
so only the names whose first character the text holds are replaced, in the same order,
with the same result.
"""

from __future__ import annotations

from collections.abc import Iterable

BLANK = "|"


class ExemptNames:
    """``names`` in the order they are blanked out."""

    __slots__ = ("_by_first", "_firsts", "names")

    def __init__(self, names: Iterable[str]) -> None:
        self.names = tuple(name for name in names if name)
        by_first: dict[str, list[int]] = {}
        for k, name in enumerate(self.names):
            by_first.setdefault(name[0], []).append(k)
        self._by_first = by_first
        self._firsts = frozenset(by_first)

    def blank(self, text: str) -> str:
        """``text`` with each name replaced by ``BLANK``, one name after the other."""
        held = self._firsts.intersection(text)
        if not held:
            return text
        if BLANK in self._firsts:  # a name starting with the blank itself: every name
            order: Iterable[int] = range(len(self.names))
        elif len(held) == 1:
            order = self._by_first[next(iter(held))]
        else:
            order = sorted(k for first in held for k in self._by_first[first])
        for k in order:
            text = text.replace(self.names[k], BLANK)
        return text


__all__ = ["BLANK", "ExemptNames"]
