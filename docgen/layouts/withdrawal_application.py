"""The application to withdraw a suit (撤诉申请书): its words and their order, from the
validated case's template context
(``docgen.documents.withdrawal_application.build_context``)."""

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
from docgen.layouts.common import Context, attachment_list


def build(c: Context) -> Document:
    return Document(c["title"], "", _application(c))


def _application(c: Context) -> tuple[Block, ...]:
    signature = SignatureLines((*c["signers"], c["application_date"]))
    requests = tuple(
        NumberedItem(text(request), number, "requests")
        for number, request in enumerate(c["requests"], start=1)
    )
    reasons = (Heading("事实与理由：", 2), Paragraph(text(c["facts"])))
    # the suit's withdrawal at second instance: the bar on suing again, the consents filed
    statements = tuple(Paragraph(text(s)) for s in c.get("statements", ()))
    attached = (attachment_list(c["attachments"]),) if c.get("attachments") else ()
    closing = (
        Paragraph(text("此致")),
        Paragraph(text(c["court"]), "plain"),
        *attached,
        signature,
    )
    # the reasons go with the closing: the signature never stands without text (the
    # acknowledgment, where there is one, is that text: the longer reasons may then begin
    # on the page of the requests)
    if statements:
        ending: tuple[Block, ...] = (*reasons, Keep((*statements, *closing)))
    else:
        ending = (Keep((*reasons, *closing)),)
    return (
        Title(c["title"]),
        Lines(tuple(text(line) for line in c["parties"])),
        Paragraph(text(c["case_line"]), "plain"),
        Heading("请求事项：", 2),
        *requests,
        *ending,
    )
