"""The settlement agreement (和解协议): its words and their order, from the validated
case's template context (``docgen.documents.settlement_agreement.build_context``)."""

from __future__ import annotations

from docgen.docmodel.blocks import Block, Document, Paragraph, Table, text
from docgen.layouts.common import Context, agreement, pay_into
from docgen.layouts.debt_confirmation import PLAN_COLUMNS
from docgen.layouts.installment_agreement import GUARANTEE


def build(c: Context) -> Document:
    return Document(c["title"], c["creditor"]["name"], _agreement(c))


def _payment(c: Context) -> tuple[Block, ...]:
    schedule = tuple((row["no"], row["due"], row["amount"]) for row in c["schedule"])
    table = (Table(PLAN_COLUMNS, schedule, ("合计", c["schedule_total"])),) if schedule else ()
    return (
        Paragraph(text(c["plan_intro"]), lead=bool(schedule)),
        *table,
        pay_into(c["account"], "乙方应将款项支付至甲方以下账户"),
    )


def _articles(c: Context) -> list[tuple[str, tuple[Block, ...]]]:
    articles: list[tuple[str, tuple[Block, ...]]] = [
        ("和解金额", (Paragraph(text(c["amount"])),)),
        ("付款方式", _payment(c)),
        ("违约责任", (Paragraph(text(c["default"])),)),
    ]
    if c["guarantor"]:
        articles.append(("连带责任保证", (Paragraph(text(GUARANTEE)),)))
    articles += [
        (c["suit_title"], (Paragraph(text(c["suit"])),)),
        ("其他", (Paragraph(text(c["closing"])),)),
    ]
    return articles


def _agreement(c: Context) -> tuple[Block, ...]:
    return agreement(c, _articles(c))
