"""The application for a payment order (支付令申请书): its words and their order, from the
validated case's template context (``docgen.documents.payment_order.build_context``)."""

from __future__ import annotations

from docgen.docmodel.blocks import (
    Block,
    Document,
    Heading,
    Keep,
    Lines,
    NumberedItem,
    Paragraph,
    SignatureLines,
    Title,
    text,
)
from docgen.layouts.common import Context


def build(c: Context) -> Document:
    return Document(c["title"], "", _application(c))


def _application(c: Context) -> tuple[Block, ...]:
    evidence = tuple(
        NumberedItem(text(item), number, "evidence")
        for number, item in enumerate(c["evidence"], start=1)
    )
    return (
        Title(c["title"]),
        Lines(tuple(text(line) for line in c["parties"])),
        Heading("请求事项：", 2),
        Paragraph(text(c["request"])),
        Heading("事实与理由：", 2),
        *(Paragraph(text(reason)) for reason in c["reasons"]),
        Heading("证据：", 2),
        *evidence,
        # the fee travels with the closing so that 此致 and the signature never stand
        # alone on the last page
        Keep(
            (
                Heading("申请费：", 2),
                Paragraph(text(c["fee"])),
                Paragraph(text(c["fee_basis"]), "note"),
                Paragraph(text("此致")),
                Paragraph(text(c["court"]), "plain"),
                SignatureLines((*c["signers"], c["application_date"])),
            )
        ),
    )
