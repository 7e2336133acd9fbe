"""The civil complaint (民事起诉状) in its two layouts, from the validated case's template
context (``docgen.documents.civil_complaint.build_context``): the narrative form of
民事诉讼法 art. 124 (``build_narrative``) and the element-based form for 民间借贷纠纷
(要素式, ``build_elements``), whose questions and □/■ answers are a two-column form."""

from __future__ import annotations

from docgen.docmodel.blocks import (
    Block,
    Column,
    Document,
    FormSection,
    FormTable,
    Heading,
    Keep,
    Lines,
    NumberedItem,
    Paragraph,
    SignatureLines,
    Table,
    Title,
    bold,
    text,
)
from docgen.layouts.common import Context, calculation_annex

EVIDENCE_COLUMNS = (
    Column("序号", 9, "center"),
    Column("证据名称", 26),
    Column("证据来源", 20),
    Column("证明目的", 45),
)
EXPLANATION = "说明：本表所列事项请如实填写；有选项的，已选中的标为“■”，未选中的标为“□”。"


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
        Paragraph(text(f"预交案件受理费：{c['fee']['amount']}。")),
        Paragraph(text(c["fee"]["basis"]), "note"),
        Heading("事实与理由：", 2),
        *(Paragraph(text(paragraph)) for paragraph in c["facts"]),
        *_evidence("证据和证据来源：", c),
        _closing(c),
        *calculation_annex(c["calculations"]),
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
    blocks: tuple[Block, ...] = (
        Title(c["title"]),
        Paragraph(text(bold(c["subtitle"])), "center"),
        Paragraph(text(EXPLANATION), "note"),
        form,
        *_evidence("证据清单：", c),
        _closing(c),
        *calculation_annex(c["calculations"]),
    )
    return Document(c["title"], "", blocks)


def _evidence(heading: str, c: Context) -> tuple[Block, ...]:
    rows = tuple(
        (str(item["no"]), item["name"], item["source"], item["purpose"]) for item in c["evidence"]
    )
    return (Heading(heading, 2), Table(EVIDENCE_COLUMNS, rows))


def _closing(c: Context) -> Keep:
    """此致, the court, the plaintiffs' signatures, the date and the copies for the
    defendants, on one page."""
    signature = SignatureLines(
        (*(f"具状人：{signer}" for signer in c["signers"]), c["filing_date"])
    )
    return Keep(
        (
            Paragraph(text("此致")),
            Paragraph(text(c["court"]), "plain"),
            signature,
            Paragraph(text(f"附：本起诉状副本{c['copies']}份"), "plain"),
        )
    )
