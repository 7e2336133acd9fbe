"""Earlier versions of the shared layout files and built-in layout modules that print the
same PDFs as the current ones.

A reissue refuses a PDF whose shared layout files or fonts changed since it was issued
(``layout_changed``), or whose layout module did (``template_changed``): changed code could
print it otherwise. A change to such a file that was shown to print every valid fixture's
PDF byte for byte as before (each fixture rendered with the same stamp before and after,
the SHA-256 compared: ``bin/print-compare BASE``, which also writes the entries) is listed
here, so that the documents issued before it can still be made again. The map is keyed by
the file's current SHA-256: a later edit of the file ends the equivalence until it is
shown again and listed.
"""

from __future__ import annotations

# current SHA-256 of a shared layout file or layout module -> earlier ones printing the same
SAME_PRINT: dict[str, tuple[str, ...]] = {
    # templates/_typst/letter.typ, 2026-12-06: the letters' data moved from sys.inputs into
    # the source, the footer's stamp read by a query; then a signing block without its
    # blank date, a table keeping its last row with the block after it, a ticked box drawn
    # by a show rule: each valid fixture's PDF, stamped, identical before and after
    # (bin/print-compare)
    "9eb5df5cea4e13621afa22d56e47b7856c06b6537b485879a01cd1e4a03cb006": (
        "ae47d9dd61d6118e8299474c9d7b5d6c0586fadef013475c4344f809dff64901",
        "d7045fc6aa5cab9cae376e264fed5f2e151021194a9ad880cd0605a603160b5f",
        "c6c42865789f4615136b1b6adb33d2daa99e7ada33416c59fc1d0cdece53adc9",
        "5b84186a5074922b3358ea7eef9720cb656f2c355e7217b05e2c3358f35cae7e",
    ),
}


def earlier(sha256: str) -> tuple[str, ...]:
    """The earlier versions of a file now at ``sha256`` that print the same."""
    return SAME_PRINT.get(sha256, ())


__all__ = ["SAME_PRINT", "earlier"]
