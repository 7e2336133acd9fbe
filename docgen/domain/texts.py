"""The text in nested case data: every string with the path of the field holding it.

Both the compliance check (the wording) and the glyph check (every character a PDF will
print) read data this way.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

Loc = tuple[str | int, ...]


def strings(data: Any, loc: Loc = (), *, scalars: bool = False) -> Iterator[tuple[Loc, str]]:
    """Every string in nested dicts and lists, with its path; with ``scalars``, other
    values too as they would be printed (numbers, dates; not None or booleans), which is
    what the glyph check reads."""
    found: list[tuple[Loc, str]] = []
    _collect(data, loc, scalars, found)
    return iter(found)


def _collect(data: Any, loc: Loc, scalars: bool, found: list[tuple[Loc, str]]) -> None:
    # collected into one list by plain calls: a generator per level resumed every level
    # up for each string cost more than the compliance scan of the strings themselves
    kind = type(data)
    if kind is str:
        found.append((loc, data))
    elif kind is dict or (kind is not list and isinstance(data, Mapping)):
        for key, value in data.items():
            _collect(value, (*loc, key), scalars, found)
    elif kind is list or isinstance(data, list | tuple):
        for i, value in enumerate(data):
            _collect(value, (*loc, i), scalars, found)
    elif isinstance(data, str):  # a str subclass (an enum's value)
        found.append((loc, data))
    elif scalars and data is not None and not isinstance(data, bool):
        found.append((loc, str(data)))
