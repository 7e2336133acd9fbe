"""The law firm's letter to the court (律师事务所函): its words and their order, from the
validated case's template context (``docgen.documents.firm_letter.build_context``)."""

from __future__ import annotations

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
from docgen.layouts.common import Context


def build(c: Context) -> Document:
    return Document(c["title"], c["firm"], _letter(c))


def _letter(c: Context) -> tuple[Block, ...]:
    number = (Paragraph(text(c["letter_number"]), "number"),) if c["letter_number"] else ()
    body = tuple(Paragraph(text(line)) for line in c["body"])
    return (
        Title(c["title"]),
        *number,
        Paragraph(text(f"{c['court']}："), "plain"),
        *body,
        Paragraph(text(c["attachment"])),
        Keep(
            (
                SignatureLines((f"{c['firm']}（盖章）", c["letter_date"]), "seal"),
                Lines(tuple(text(line) for line in c["firm_lines"])),
            )
        ),
    )
