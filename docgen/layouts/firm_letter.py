"""The law firm's letter to the court (律师事务所函): its words and their order, from the
validated case's template context (``docgen.documents.firm_letter.build_context``)."""

from __future__ import annotations

from docgen.docmodel.blocks import (
    Block,
    Document,
    Keep,
    Letterhead,
    Paragraph,
    SignatureLines,
    Title,
    text,
)
from docgen.layouts.common import Context


def build(c: Context) -> Document:
    return Document(c["title"], c["firm"], _letter(c))


def _letter(c: Context) -> tuple[Block, ...]:
    number = (Paragraph(text(c["letter_number"]), "number"),) if c["letter_number"] else ()
    *body, closing = (Paragraph(text(line)) for line in c["body"])
    # how the letter is served, when the case says (letter_service)
    served = (Paragraph(text(c["service"])),) if c.get("service") else ()
    return (
        # the firm's licence, address and telephone head its letter, as on its letterhead
        Letterhead(c["firm"], tuple(c["firm_lines"])),
        Title(c["title"]),
        *number,
        Paragraph(text(f"{c['court']}："), "plain"),
        *body,
        Keep(
            (
                *served,
                closing,
                Paragraph(text(c["attachment"])),
                SignatureLines((f"{c['firm']}（盖章）", c["letter_date"]), "seal"),
            )
        ),
    )
