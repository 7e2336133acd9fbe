"""The civil complaint (民事起诉状) in its two layouts, from the validated case's template
context (``docgen.documents.civil_complaint.build_context``): the narrative form of
民事诉讼法 art. 124 (``build_narrative``) and the element-based forms (要素式,
``build_elements``: 民间借贷, 金融借款合同 and 买卖合同纠纷, one layout each, the form's rows
from the context), whose questions and □/■ answers are a two-column form.
A pleading states the amounts and their basis in words: neither layout annexes the
calculation sheets."""

from __future__ import annotations

from docgen.docmodel.blocks import (
    Block,
    Document,
    FormSection,
    FormTable,
    Heading,
    Keep,
    Lines,
    NumberedItem,
    Paragraph,
    SignatureLines,
    Title,
    bold,
    text,
)
from docgen.layouts.common import Context, attachment_list
from docgen.layouts.payment_order import evidence_table


def build_narrative(c: Context) -> Document:
    claims = (
        NumberedItem(text(claim), number, "claims")
        for number, claim in enumerate(c["claims"], start=1)
    )
    blocks: tuple[Block, ...] = (
        Title(c["title"]),
        Lines(tuple(text(line) for line in c["parties"])),
        Heading("诉讼请求：", 2),
        *claims,
        Paragraph(text(c["claim_total"])),
        Paragraph(text(c["fee"])),
        Heading("事实与理由：", 2),
        *(Paragraph(text(paragraph)) for paragraph in c["facts"]),
        *_evidence("证据和证据来源：", c),
        _closing(c),
    )
    return Document(c["title"], "", blocks)


def build_elements(c: Context) -> Document:
    form = FormTable(
        tuple(
            FormSection(
                section["title"],
                tuple((row["label"], row["value"]) for row in section["rows"]),
            )
            for section in c["form"]
        )
    )
    first, *rest = c["warning"]
    blocks: tuple[Block, ...] = (
        Title(c["title"]),
        Paragraph(text(bold(c["subtitle"])), "center"),
        *(Paragraph(text(note), "note") for note in c["notes"]),
        Paragraph(text(bold(first)), "center"),
        *(Paragraph(text(line), "note") for line in rest),
        form,
        *_evidence("证据清单：", c),
        _closing(c),
    )
    return Document(c["title"], "", blocks)


def _evidence(heading: str, c: Context) -> tuple[Block, ...]:
    """The evidence and its sources (民事诉讼法 art. 124(4)), in the table the court
    applications print (9 pt, short entries kept whole); its last row keeps with the
    closing after it, so that 此致 and the signatures never fill a page alone."""
    return (Heading(heading, 2), evidence_table(c["evidence"], keep_last=True))


def _closing(c: Context) -> Keep:
    """The witnesses' names, domiciles and what they saw (民事诉讼法 art. 124(4), after
    the evidence table), then 此致, the court, the plaintiffs' signatures, the date and
    the 「附：」 list of what is filed with it (``complaint_attachments``), on one page: the
    signatures never stand alone."""
    signature = SignatureLines((*c["signers"], c["filing_date"]))
    return Keep(
        (
            *(Paragraph(text(line)) for line in c["witnesses"]),
            Paragraph(text("此致")),
            Paragraph(text(c["court"]), "plain"),
            signature,
            attachment_list(c["attachments"]),
        )
    )
