"""How a sheet's header is compared: one rule for the columns of a type and the common
words read as them (``columns``, ``header_words``)."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s·._\-/:：\[\]]+")


def normalize(header: str) -> str:
    """Headers compare without case, blanks and separators (``债务人 姓名`` = ``债务人姓名``)."""
    text = str(header).strip().lower().replace("（", "(").replace("）", ")")
    return _SEPARATORS.sub("", text)
