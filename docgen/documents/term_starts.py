"""The characters a match of a term can start with, so a scan tries only those places.

A search with one pattern made of all the compliance terms tries every alternative at
every character of a text; most characters start no term. A match of a term that cannot
match the empty string begins with one of its first characters, read here from the
parsed pattern: a search finds a match exactly where a match attempt at one of the
places holding such a character does. Whatever this reading does not know (a character
class such as ``\\w``, ``.``, a negated set, case folding, a term that may match nothing)
gives None, and the caller searches as before.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from typing import Any

_c: Any
_p: Any
try:  # the parser behind re (private: anything unexpected gives None below)
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python
    _c = _p = None

_LARGEST_RANGE = 256


class _Unknown(Exception):
    """A construct whose first characters are not read here."""


def _parse_each(patterns: Iterable[re.Pattern[str]]) -> Iterator[Any]:
    """Each pattern parsed; case folding is not read here (``_Unknown``)."""
    if _p is None:
        raise _Unknown("no parser")
    for pattern in patterns:
        if pattern.flags & re.IGNORECASE:
            raise _Unknown("IGNORECASE")
        yield _p.parse(pattern.pattern, pattern.flags)


def start_chars(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """A one-character set matching every character a match of any pattern can begin
    with, or None when that is not known for one of them."""
    if _p is None:
        return None
    chars: set[str] = set()
    try:
        for parsed in _parse_each(patterns):
            found, nullable = _sequence(parsed)
            if nullable:
                return None
            chars |= found
    except (_Unknown, re.error, TypeError, ValueError, AttributeError):
        return None
    if not chars:
        return None
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")


def _sequence(items: Any) -> tuple[set[str], bool]:
    """(first characters, may match empty) of parsed items one after another."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op: Any, av: Any) -> tuple[set[str], bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        return _charset(av), False
    if op is _c.BRANCH:
        chars: set[str] = set()
        nullable = False
        for branch in av[1]:
            found, empty = _sequence(branch)
            chars |= found
            nullable = nullable or empty
        return chars, nullable
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            raise _Unknown(op)
        return _sequence(sub)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        found, empty = _sequence(sub)
        return found, empty or low == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # consume nothing: the next item starts
        return set(), True
    raise _Unknown(op)


def match_chars(patterns: Iterable[re.Pattern[str]]) -> frozenset[str] | None:
    """Every character a match of any pattern can hold, or None when that is not known
    for one of them: a class such as ``\\w`` or ``.``, a negated set, case folding, or an
    anchor, lookaround or back reference (whose match depends on the text around it).
    Where it is known, a pattern matches a piece of text wherever that piece stands."""
    if _p is None:
        return None
    chars: set[str] = set()
    try:
        for parsed in _parse_each(patterns):
            _held(parsed, chars)
    except (_Unknown, re.error, TypeError, ValueError, AttributeError):
        return None
    return frozenset(chars)


def _held(items: Any, chars: set[str]) -> None:
    """Add the characters parsed ``items`` can match to ``chars``."""
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.IN:
            chars |= _charset(av)
        elif op is _c.BRANCH:
            for branch in av[1]:
                _held(branch, chars)
        elif op is _c.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                raise _Unknown(op)
            _held(av[3], chars)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            _held(av[2], chars)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            _held(av, chars)
        else:  # AT, ASSERT, ASSERT_NOT, ANY, GROUPREF, ...
            raise _Unknown(op)


def _charset(items: Any) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _LARGEST_RANGE:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY (\d, \w), a wide range
            raise _Unknown(op)
    return chars


__all__ = ["match_chars", "start_chars"]
