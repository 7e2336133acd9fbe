"""The application for a payment order (支付令申请书): its words and their order, from the
validated case's template context (``docgen.documents.payment_order.build_context``)."""

from __future__ import annotations

from dataclasses import replace

from docgen.docmodel.blocks import (
    Block,
    Column,
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
from docgen.layouts.evidence_list import TABLE_SIZE as EVIDENCE_SIZE

# the evidence as a complaint lists it (民事诉讼法 art. 124(4)): name, source, purpose
# (民事证据规定 art. 19: 来源、证明对象和内容), an exhibit whose purpose is not given with
# its cell blank and the user warned (filed_exhibits.check_exhibits); a column blank in
# every row is left out (``evidence_table``): an empty column reads as a form unfinished.
# Set as the evidence list sets its table (``evidence_list.TABLE_SIZE``, 小五 9 pt, its
# cells kept: a case number whole, no character alone on a cell's last line); each
# column holds its usual entry on one line: 证据名称 a case number
# 「（2026）粤0304民初567号」 (12.1 em), 证据来源 「中国工商银行出具」, 证明目的 18
# characters a line.
EVIDENCE_COLUMNS = (
    Column("序号", 8, "center"),
    Column("证据名称", 28),
    Column("证据来源", 24),
    Column("证明目的", 40),
)


def build(c: Context) -> Document:
    return Document(c["title"], "", _application(c))


def _application(c: Context) -> tuple[Block, ...]:
    claims = tuple(
        NumberedItem(text(claim), number, "claims")
        for number, claim in enumerate(c["claims"], start=1)
    )
    total = (Paragraph(text(c["request_total"])),) if c["request_total"] else ()
    return (
        Title(c["title"]),
        Lines(tuple(text(line) for line in c["parties"])),
        Heading("请求事项：", 2),
        Paragraph(text(c["request"])),
        *claims,
        *total,
        Heading("事实与理由：", 2),
        *(Paragraph(text(reason)) for reason in c["reasons"]),
        Heading("证据：", 2),
        _evidence(c["evidence"]),
        # the fee travels with the closing so that 此致 and the signature never stand
        # alone on the last page; its basis is a sentence of the application, not a note
        Keep(
            (
                Heading("申请费：", 2),
                Paragraph(text(c["fee"])),
                Paragraph(text("此致")),
                Paragraph(text(c["court"]), "plain"),
                attachment_list(c["attachments"]),
                SignatureLines((*c["signers"], c["application_date"])),
            )
        ),
    )


def _evidence(evidence: list[Context]) -> Table:
    """Each exhibit with its source and its purpose, its last row kept with the closing."""
    return evidence_table(evidence, keep_last=True)


def evidence_table(evidence: list[Context], *, keep_last: bool = False) -> Table:
    """The exhibits in ``EVIDENCE_COLUMNS``, less 证据来源 or 证明目的 where no exhibit
    gives it; the width of a column left out goes to 证据名称."""
    rows = [
        (str(item["no"]), item["name"], item["source"] or "", item["purpose"] or "")
        for item in evidence
    ]
    kept = [i for i in range(4) if i < 2 or any(row[i] for row in rows)]
    spare = sum(EVIDENCE_COLUMNS[i].width for i in range(4) if i not in kept)
    columns = tuple(
        replace(EVIDENCE_COLUMNS[i], width=EVIDENCE_COLUMNS[i].width + spare)
        if i == 1
        else EVIDENCE_COLUMNS[i]
        for i in kept
    )
    cut = tuple(tuple(row[i] for i in kept) for row in rows)
    return Table(columns, cut, keep_last=keep_last, size=EVIDENCE_SIZE, kept=True)
