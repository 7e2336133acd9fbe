"""The part of a document's file name taken from a party's name."""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[\\/:*?\"<>|\s]+")
"""Characters Windows, macOS or a shell would refuse or misread in a file name, and spaces."""


def filename_part(name: str) -> str:
    """``name`` safe in a file name (unsafe runs become ``_``), at most 40 characters."""
    return _UNSAFE.sub("_", name)[:40]
