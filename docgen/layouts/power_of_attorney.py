"""The power of attorney (授权委托书): its words and their order, from the validated
case's template context (``docgen.documents.power_of_attorney.build_context``)."""

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
    return Document(c["title"], "", _power(c))


def _power(c: Context) -> tuple[Block, ...]:
    agents = tuple(Lines(tuple(text(line) for line in lines)) for lines in c["agents"])
    authority = tuple(Paragraph(text(line)) for line in c["authority"])
    term = (Paragraph(text(c["term"])),) if c["term"] else ()
    signature = SignatureLines((*c["signers"], c["sign_date"]))
    return (
        Title(c["title"]),
        Paragraph(text(f"{c['court']}："), "plain"),
        Lines(tuple(text(line) for line in c["principal"])),
        *agents,
        Paragraph(text(c["entrust"])),
        *authority,
        *term,
        Keep((Paragraph(text("特此委托。")), signature)),
    )
