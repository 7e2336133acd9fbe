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
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, Mapping):
        for key, value in data.items():
            yield from strings(value, (*loc, key), scalars=scalars)
    elif isinstance(data, list | tuple):
        for i, value in enumerate(data):
            yield from strings(value, (*loc, i), scalars=scalars)
    elif scalars and data is not None and not isinstance(data, bool):
        yield loc, str(data)
