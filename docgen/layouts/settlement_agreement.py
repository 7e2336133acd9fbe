"""The settlement agreement (和解协议): its words and their order, from the validated
case's template context (``docgen.documents.settlement_agreement.build_context``)."""

from __future__ import annotations

from docgen.docmodel.blocks import Block, Document, Heading, Paragraph, Table, Title, text
from docgen.layouts.common import Context, end_and_signatures, party_lines, pay_into
from docgen.layouts.debt_confirmation import PLAN_COLUMNS
from docgen.layouts.installment_agreement import GUARANTEE

_NUMERALS = "一二三四五六七八九十"


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
    parties = [
        party_lines("甲方（债权人）", c["creditor"]),
        party_lines("乙方（债务人）", c["debtor"]),
    ]
    if c["guarantor"]:
        parties.append(party_lines("丙方（连带责任保证人）", c["guarantor"]))
    body: list[Block] = [Title(c["title"]), *parties, Paragraph(text(c["facts"]))]
    articles = _articles(c)
    for number, (title, blocks) in enumerate(articles[:-1]):
        body += [Heading(f"第{_NUMERALS[number]}条　{title}", 2), *blocks]
    # the last article goes over with the signatures, as in the installment agreement
    title, blocks = articles[-1]
    last = (Heading(f"第{_NUMERALS[len(articles) - 1]}条　{title}", 2), *blocks)
    place = [f"签订地点：{c['signing_place']}"] if c["signing_place"] else []
    return (
        *body,
        end_and_signatures(last, [*place, f"签订日期：{c['agreement_date']}"], c["signers"]),
    )
