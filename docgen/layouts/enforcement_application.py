"""The application for enforcement (强制执行申请书): its words and their order, from the
validated case's template context
(``docgen.documents.enforcement_application.build_context``)."""

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
    Table,
    Title,
    text,
)
from docgen.layouts.common import Context, attachment_list
from docgen.layouts.preservation_application import LEAD_COLUMNS


def build(c: Context) -> Document:
    return Document(c["title"], "", _application(c))


def _leads(c: Context) -> tuple[Block, ...]:
    if not c["leads"]:
        return ()
    rows = tuple((str(x["no"]), x["kind"], x["owner"], x["detail"]) for x in c["leads"])
    return (Heading("财产线索：", 2), Table(LEAD_COLUMNS, rows))


def _application(c: Context) -> tuple[Block, ...]:
    signature = SignatureLines((*c["signers"], c["application_date"]))
    requests = tuple(
        NumberedItem(text(request), number, "requests")
        for number, request in enumerate(c["requests"], start=1)
    )
    # the doubled interest's calculation under its claim (item 2), in the body's type
    delay = tuple(Paragraph(text(line)) for line in c["delay_lines"])
    return (
        Title(c["title"]),
        Lines(tuple(text(line) for line in c["parties"])),
        Paragraph(text(c["basis_line"]), "plain"),
        Heading("申请事项：", 2),
        *requests[: 2 if delay else len(requests)],
        *delay,
        *requests[2 if delay else len(requests) :],
        # the leads before the reasons, so that the reasons' last sentence can go over
        # with 此致 and the signature (a table cannot be kept whole with them)
        *_leads(c),
        Heading("事实与理由：", 2),
        Paragraph(text(c["facts"])),
        Keep(
            (
                Paragraph(text(c["court_basis"])),
                Paragraph(text("此致")),
                Paragraph(text(c["court"]), "plain"),
                attachment_list(c["attachments"]),
                signature,
            )
        ),
    )
