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
    # templates/_typst/letter.typ changed on 2026-12-07 to set a party line holding an
    # e-mail address ragged right, which prints differently, ending the equivalence
    # listed for its versions of 2026-12-06
    #
    # docgen/layouts/withdrawal_application.py, 2026-12-07: prints as at bc45001767 (each valid
    # fixture's PDF, stamped, identical before and after: 7 typst, 7 weasyprint;
    # bin/print-compare)
    "7f0a1bb3b6efe496076116968aec6a2deabebe1662c6c1583308242ca1769e8d": (
        "96d3ed8bf3f138cfa2ebffba1b5117aa7c382f6e0f6bfae8d233d40492d74560",
    ),
}


def earlier(sha256: str) -> tuple[str, ...]:
    """The earlier versions of a file now at ``sha256`` that print the same."""
    return SAME_PRINT.get(sha256, ())


__all__ = ["SAME_PRINT", "earlier"]
