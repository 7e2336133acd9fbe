"""The text in nested case data: every string with the path of the field holding it.

Both the compliance check (the wording) and the glyph check (every character a PDF will
print) read data this way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

Loc = tuple[str | int, ...]


def strings(data: Any, loc: Loc = (), *, scalars: bool = False) -> Iterator[tuple[Loc, str]]:
    """Every string in nested dicts and lists, with its path; with ``scalars``, other
    values too as they would be printed (numbers, dates; not None or booleans), which is
    what the glyph check reads."""
    found: list[tuple[Loc, str]] = []
    _collect(data, loc, scalars, found)
    return iter(found)


def plain_strings(data: Any) -> list[str]:
    """Every string in nested dicts and lists, in the order of :func:`strings`, without
    their paths (for a reader that needs only the words)."""
    found: list[str] = []
    _collect_texts(data, found)
    return found


def _collect_texts(data: Any, found: list[str]) -> None:
    kind = type(data)
    if kind is str:
        found.append(data)
        return
    if kind is dict or (kind is not list and isinstance(data, Mapping)):
        values: Iterable[Any] = data.values()
    elif kind is list or isinstance(data, list | tuple):
        values = data
    else:
        if isinstance(data, str):  # a str subclass (an enum's value)
            found.append(data)
        return
    for value in values:
        kind = type(value)
        if kind is str:  # most values: no call for them
            found.append(value)
        elif value is not None and kind not in _PLAIN_SCALARS:
            _collect_texts(value, found)


# values that hold no text (checked by exact type, so a str subclass is not among them)
_PLAIN_SCALARS = frozenset({bool, int, float})


def _collect(data: Any, loc: Loc, scalars: bool, found: list[tuple[Loc, str]]) -> None:
    # collected into one list by plain calls: a generator per level resumed every level
    # up for each string cost more than the compliance scan of the strings themselves
    kind = type(data)
    if kind is str:
        found.append((loc, data))
        return
    if kind is dict or (kind is not list and isinstance(data, Mapping)):
        items: Iterable[tuple[Any, Any]] = data.items()
    elif kind is list or isinstance(data, list | tuple):
        items = enumerate(data)
    else:
        if isinstance(data, str):  # a str subclass (an enum's value)
            found.append((loc, data))
        elif scalars and data is not None and not isinstance(data, bool):
            found.append((loc, str(data)))
        return
    for key, value in items:
        kind = type(value)
        if kind is str:  # most values: no call for them
            found.append(((*loc, key), value))
        elif value is not None and (scalars or kind not in _PLAIN_SCALARS):
            _collect(value, (*loc, key), scalars, found)
