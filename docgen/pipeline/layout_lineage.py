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
    # none: templates/_typst/letter.typ changed on 2026-12-07 to set a party line holding
    # an e-mail address ragged right, which prints differently, ending the equivalence
    # listed for its versions of 2026-12-06
}


# Until 2026-12-07 a layout's version was its own module's hash alone, though some print
# with another layout module's pieces (``docgen.layouts.Layout.parts``). A document issued
# then is the same version as one of now while each such piece is still the file it was
# on that day (its SHA-256 then, by file name): its module's hash, or an earlier one listed.
PARTS_BEFORE_VERSIONED: dict[str, str] = {
    "payment_order.py": "9f9e7dd84223f112902f2f795627825134064de73d4864e299eb73ead19f9e8c",
    "installment_agreement.py": "222ad821ada7fa55ce2947c4882a02220e0bb6388cc230453dcc87e69496d2f5",
}


def earlier(sha256: str) -> tuple[str, ...]:
    """The earlier versions of a file now at ``sha256`` that print the same."""
    return SAME_PRINT.get(sha256, ())


__all__ = ["PARTS_BEFORE_VERSIONED", "SAME_PRINT", "earlier"]
