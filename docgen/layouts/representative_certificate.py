"""The certificate of the legal representative (法定代表人身份证明书): its words and their
order, from the validated case's template context
(``docgen.documents.representative_certificate.build_context``)."""

from __future__ import annotations

from unicodedata import east_asian_width

from docgen.docmodel.blocks import (
    Block,
    Document,
    Keep,
    Lines,
    Paragraph,
    SignatureLines,
    Title,
    text,
)
from docgen.docmodel.docx_styles import BODY_PT, SEAL_INDENT_MM, TEXT_WIDTH_MM
from docgen.layouts.common import Context

# how many full-width characters of the body fit from the middle of the line, where a
# seal's lines start (the writers' seal area: half the text width)
SEAL_AREA_CHARACTERS = (TEXT_WIDTH_MM - SEAL_INDENT_MM) / (BODY_PT * 25.4 / 72)


def build(c: Context) -> Document:
    # the file's title is the type's; the page's says whose certificate it is
    return Document(c["type_title"], "", _certificate(c))


def _certificate(c: Context) -> tuple[Block, ...]:
    court = (Paragraph(text(f"{c['court']}："), "plain"),) if c["court"] else ()
    use = (Paragraph(text(c["use"])),) if c["use"] else ()
    details = (
        (Lines(tuple(text(line) for line in c["details"]), indent=True),) if c["details"] else ()
    )
    return (
        Title(c["title"]),
        *court,
        Lines(tuple(text(line) for line in c["organization"])),
        Paragraph(text(c["statement"])),
        *use,
        *details,
        Keep((Paragraph(text("特此证明。")), _seal(c["signer"], c["issue_date"]))),
    )


def _seal(signer: str, day: str) -> SignatureLines:
    """The seal line and the date from the middle of the line, where the seal goes; a name
    too long to stay on one line there (「单位（盖章）：北京恒远商贸合伙企业（有限合伙）」
    would break inside its 「（有限合伙）」) set flush right instead, whole."""
    fits = _width(signer) <= SEAL_AREA_CHARACTERS
    return SignatureLines((signer, day), "seal" if fits else "right")


def _width(line: str) -> float:
    """A line's width in full-width characters (a Latin letter or digit is half of one)."""
    return sum(1 if east_asian_width(ch) in "WF" else 0.5 for ch in line)
