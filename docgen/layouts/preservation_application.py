"""The property preservation application (财产保全申请书): its words and their order, from
the validated case's template context
(``docgen.documents.preservation_application.build_context``)."""

from __future__ import annotations

from docgen.docmodel.blocks import (
    Block,
    Column,
    Document,
    Heading,
    Keep,
    Lines,
    Paragraph,
    SignatureLines,
    Table,
    Title,
    text,
)
from docgen.layouts.common import Context, attachment_list
from docgen.layouts.payment_order import evidence_table

LEAD_COLUMNS = (
    Column("序号", 8, "center"),
    Column("财产类型", 14, "center"),
    Column("权利人", 21),
    Column("财产信息", 57),
)


def build(c: Context) -> Document:
    return Document(c["title"], "", _application(c))


def _application(c: Context) -> tuple[Block, ...]:
    leads = tuple((str(x["no"]), x["kind"], x["owner"], x["detail"]) for x in c["leads"])
    signature = SignatureLines((*c["signers"], c["application_date"]))
    return (
        Title(c["title"]),
        Paragraph(text(f"（{c['stage']}财产保全）"), "center"),
        Lines(tuple(text(line) for line in c["parties"])),
        Paragraph(text(c["case_line"]), "plain"),
        Heading("请求事项：", 2),
        Paragraph(text(c["request"])),
        Heading("财产线索：", 2),
        Table(LEAD_COLUMNS, leads),
        Heading("事实与理由：", 2),
        *(Paragraph(text(reason)) for reason in c["reasons"]),
        *_evidence(c["evidence"]),
        Heading("担保：", 2),
        Paragraph(text(c["security"])),
        # the fee goes over with 此致, the papers filed with it and the signature: never a
        # page holding only those; its basis is a sentence of the application, not a note
        Keep(
            (
                Heading("申请费：", 2),
                Paragraph(text(c["fee"])),
                Paragraph(text("此致")),
                Paragraph(text(c["court"]), "plain"),
                attachment_list(c["attachments"]),
                signature,
            )
        ),
    )


def _evidence(evidence: list[Context]) -> tuple[Block, ...]:
    """The exhibits listed, each with its source and purpose, in the payment order's table
    (one table for every application); none listed, no table (the 附 says 相关证据材料)."""
    if not evidence:
        return ()
    return (Heading("证据：", 2), evidence_table(evidence))
