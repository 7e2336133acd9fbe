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

# The table in 小五 (9 pt), as court evidence lists set theirs: six columns at 11 pt left
# the words cramped. Each column holds its longest usual entry on one line (the widths
# reckoned in 9 pt Noto Serif CJK, less the cells' 4 mm of padding): the 证据名称 a case
# number 「（2026）粤0304民初567号」 (12.1 em, 38.5 mm) and 「微信聊天记录截图」; the
# 证明目的 13 characters a line.
COLUMNS = (
    Column("序号", 10, "center"),  # "证据1-1" on one line
    Column("证据名称", 28),
    Column("证据来源", 15),  # "原告手机留存", six characters a line
    Column("证明目的", 30),
    Column("原件/复印件", 9, "center"),  # "复印件"; the header as 原件/ | 复印件
    Column("页码", 8, "center"),  # "10-12"
)
TABLE_SIZE = 9.0


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
        Table(COLUMNS, rows, size=TABLE_SIZE, kept=True),
        # the count closes the list: it goes with the addressee and the signature
        Keep((Paragraph(text(f"以上证据共{c['count']}项。")), *court, signature)),
    )
