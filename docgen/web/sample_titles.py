"""Chinese names for the sample cases offered on each form (their files keep English
names). Each type's names sit beside its fixtures, in ``<samples>/<type>/titles.json``:
the file name of a valid fixture (without ``.json``) -> the name the form shows."""

from __future__ import annotations

import json
from pathlib import Path

TITLES_FILE = "titles.json"


def sample_titles(type_dir: Path) -> dict[str, str]:
    """The Chinese names of the samples in ``type_dir`` (``<samples>/<type>``)."""
    path = type_dir / TITLES_FILE
    if not path.is_file():
        return {}
    titles = json.loads(path.read_text(encoding="utf-8"))
    return {str(name): str(title) for name, title in titles.items()}
