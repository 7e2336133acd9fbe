"""The certificate of the legal representative (法定代表人身份证明书): its words and their
order, from the validated case's template context
(``docgen.documents.representative_certificate.build_context``)."""

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
        Keep(
            (Paragraph(text("特此证明。")), SignatureLines((c["signer"], c["issue_date"]), "seal"))
        ),
    )
