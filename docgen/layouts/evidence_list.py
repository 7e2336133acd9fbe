"""The evidence list (证据目录): its words and their order, from the validated case's
template context (``docgen.documents.evidence_list.build_context``)."""

from __future__ import annotations

from docgen.docmodel.blocks import (
    Block,
    Column,
    Document,
    Keep,
    Paragraph,
    SignatureLines,
    Table,
    Title,
    text,
)
from docgen.layouts.common import Context

COLUMNS = (
    Column("序号", 14, "center"),  # "证据1-1" on one line
    Column("证据名称", 20),  # "银行转账凭证" on one line
    Column("证据来源", 15),
    Column("证明目的", 30),
    Column("原件/复印件", 11, "center"),
    Column("页码", 10, "center"),  # "11-12"
)


def build(c: Context) -> Document:
    return Document(c["title"], c["submitter"], _list(c))


def _list(c: Context) -> tuple[Block, ...]:
    # 案号, the case, 提交人: the lines a filing clerk reads first, the last one set off
    *lines, submitter = c["header"]
    header = tuple(Paragraph(text(line), "plain") for line in lines)
    rows = tuple(
        (row["no"], row["name"], row["source"], row["purpose"], row["original"], row["pages"])
        for row in c["rows"]
    )
    court = (Paragraph(text("此致")), Paragraph(text(c["court"]), "plain")) if c["court"] else ()
    # the submitter signs or seals where the list says (evidence_list.signature): a line to
    # sign on, never the name typed in its place
    signature = SignatureLines((*c["signature"], c["submit_date"]))
    return (
        Title(c["title"]),
        *header,
        Paragraph(text(submitter), "plain", lead=True),
        Table(COLUMNS, rows),
        # the count closes the list: it goes with the addressee and the signature
        Keep((Paragraph(text(f"以上证据共{c['count']}项。")), *court, signature)),
    )
