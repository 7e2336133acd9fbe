"""Link addresses in case text: which schemes open or run something where they are clicked.

docgen links nothing it prints (no ``<a href>`` in its PDFs, no hyperlink in its DOCX,
none in its web pages), but a document is read in viewers that make links of text, and
text is copied into mail and spreadsheets. A value that is itself a ``javascript:``,
``vbscript:``, ``data:`` or ``file:`` address is never a name, an address or an e-mail,
so it is refused wherever it is typed (the API, the web form, a batch sheet); only
``http``, ``https`` and ``mailto`` are link schemes a value may carry.
"""

from __future__ import annotations

import re
import unicodedata

WEB_SCHEMES = frozenset(("http", "https", "mailto"))
ACTIVE_SCHEMES = frozenset(("javascript", "vbscript", "data", "file"))
"""Link schemes that run or open something where the text is clicked: never a value,
however it was written."""
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):(//)?")
_URL_NOISE = re.compile("[\t\n\r]")  # what a browser drops inside an address
_URL_LEAD = "".join(chr(c) for c in range(33))  # and before it (controls, space)


def scheme_of(text: str) -> re.Match[str] | None:
    """The scheme ``text`` starts with as a browser reads it (full-width folded, case
    ignored, tabs and line breaks inside and blanks before it dropped): group 1 the
    scheme, group 2 ``//`` when it has one; None when it starts with none."""
    folded = _URL_NOISE.sub("", unicodedata.normalize("NFKC", text)).lstrip(_URL_LEAD).lower()
    return _SCHEME.match(folded)


def active_scheme(text: str) -> str | None:
    """The scheme of ``text`` when it is a ``javascript:``, ``vbscript:``, ``data:`` or
    ``file:`` address (``JavaScript:``, ``ｊａｖａｓｃｒｉｐｔ:``, ``java\\tscript:`` alike),
    else None (``合同:HT-1``, ``http://…``, ``mailto:…``)."""
    if ":" not in text and "：" not in text and "\ufe55" not in text and "\ufe13" not in text:
        return None
    found = scheme_of(text)
    if found is None or found.group(1) not in ACTIVE_SCHEMES:
        return None
    return found.group(1)
