"""Earlier versions of the shared layout files that print the same PDFs as the current ones.

A reissue refuses a PDF whose shared layout files or fonts changed since it was issued
(``layout_changed``): a changed writer could print it otherwise. A change to such a file
that was shown to print every valid fixture's PDF byte for byte as before (each fixture
rendered with the same stamp before and after, the SHA-256 compared) is listed here, so
that the documents issued before it can still be made again. The map is keyed by the
file's current SHA-256: a later edit of the file ends the equivalence until it is shown
again and listed.
"""

from __future__ import annotations

# current SHA-256 of a shared layout file -> earlier SHA-256s of it that print the same
SAME_PRINT: dict[str, tuple[str, ...]] = {}


def earlier(sha256: str) -> tuple[str, ...]:
    """The earlier versions of a file now at ``sha256`` that print the same."""
    return SAME_PRINT.get(sha256, ())


__all__ = ["SAME_PRINT", "earlier"]
