"""How deep a JSON text nests, read without parsing it (threat T16).

Python's JSON parser recurses: a text of 10,000 opening brackets ends in a RecursionError
(a 500 on the web, a crashed planner in a batch). Every JSON docgen is handed (a body, a
form field, an uploaded file, a line of a JSONL sheet) is checked here first.
"""

from __future__ import annotations

import itertools
import re

MAX_JSON_DEPTH = 64
_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_OPENING = {ord("["), ord("{")}
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def json_depth_exceeds(data: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the brackets of ``data`` (outside strings) nest deeper than ``limit``.

    Linear and without recursion; stops at the first bracket past the limit.
    """
    brackets = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    steps = (1 if byte in _OPENING else -1 for byte in brackets)
    return any(depth > limit for depth in itertools.accumulate(steps))


__all__ = ["MAX_JSON_DEPTH", "json_depth_exceeds"]
