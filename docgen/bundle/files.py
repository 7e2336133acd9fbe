"""Reading exhibit files from a folder (for the command line)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def read_exhibit_files(case: Any, folder: Path, max_bytes: int) -> dict[str, bytes]:
    """The files the case's exhibits name, read from ``folder`` (name -> bytes).

    Only names that are plain file names directly in ``folder`` are read (no paths, no
    links out of it); a missing name is left for the service to report on its exhibit.
    A file over ``max_bytes`` is read only as far as needed to be refused as too large.
    """
    names = set()
    for exhibit in (case.get("exhibits") if isinstance(case, dict) else None) or []:
        name = exhibit.get("file") if isinstance(exhibit, dict) else None
        if isinstance(name, str) and name and Path(name).name == name and name not in (".", ".."):
            names.add(name)
    root = folder.resolve()
    files: dict[str, bytes] = {}
    for name in sorted(names):
        path = (root / name).resolve()
        if path.parent != root or not path.is_file():
            continue
        with path.open("rb") as handle:
            files[name] = handle.read(max_bytes + 1)
    return files
