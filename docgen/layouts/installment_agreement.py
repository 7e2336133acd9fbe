"""The installment agreement (分期还款协议): its words and their order, from the validated
case's template context (``docgen.documents.installment_agreement.build_context``)."""

from __future__ import annotations

from docgen.docmodel.blocks import Block, Document, Heading, Lines, Paragraph, Table, Title, text
from docgen.layouts.common import (
    END_OF_TEXT,
    Context,
    amounts_table,
    calculation_annex,
    party_lines,
    pay_into,
    signing_part,
)
from docgen.layouts.debt_confirmation import PLAN_COLUMNS

_NUMERALS = "一二三四五六七八九十"
GUARANTEE = (
    "丙方自愿为乙方在本协议项下的全部债务向甲方提供连带责任保证，保证范围包括本协议确认的欠款、"
    "利息及甲方为实现债权支出的合理费用，保证期间为本协议约定的最后一期还款期限届满之日起三年。"
)
SERVICE = (
    "各方确认以下地址为本协议履行及争议解决（包括诉讼、仲裁程序）中相关文书的送达地址，地址变更"
    "的应当及时书面通知其他各方，未通知的，按原地址送达即视为送达："
)


def build(c: Context) -> Document:
    blocks = (*_agreement(c), *calculation_annex(c["calculations"]))
    return Document(c["title"], c["creditor"]["name"], blocks)


def _service_line(s: Context) -> str:
    phone = f"；电话：{s['phone']}" if s.get("phone") else ""
    email = f"；电子邮箱：{s['email']}" if s.get("email") else ""
    return f"{s['role']}（{s['name']}）：{s['address']}{phone}{email}"


def _articles(c: Context) -> list[tuple[str, tuple[Block, ...]]]:
    """The articles in order, each its title and its blocks."""
    schedule = tuple((row["no"], row["due"], row["amount"]) for row in c["schedule"])
    articles: list[tuple[str, tuple[Block, ...]]] = [
        (
            "欠款确认",
            (
                Paragraph(
                    text(
                        f"截至{c['amounts']['as_of']}，乙方尚欠甲方款项明细如下，乙方确认上述债务"
                        "真实、合法、有效，无任何异议："
                    ),
                    lead=True,
                ),
                amounts_table(c["amounts"]),
            ),
        ),
        (
            "分期还款计划",
            (
                Paragraph(
                    text(f"乙方分{c['count']}期向甲方清偿上述欠款，各期还款日期及金额如下："),
                    lead=True,
                ),
                Table(PLAN_COLUMNS, schedule, ("合计", c["schedule_total"])),
                Paragraph(text(c["interest"])),
                pay_into(c["account"], "乙方应将各期款项支付至甲方以下账户"),
            ),
        ),
        ("加速到期", (Paragraph(text(c["acceleration"])),)),
    ]
    if c["guarantor"]:
        articles.append(("连带责任保证", (Paragraph(text(GUARANTEE)),)))
    services = Lines(tuple(text(_service_line(s)) for s in c["services"]), indent=True)
    articles += [
        ("争议解决", (Paragraph(text(c["jurisdiction"])),)),
        ("送达地址", (Paragraph(text(SERVICE)), services)),
        (
            "其他",
            (
                Paragraph(
                    text(f"本协议一式{c['copies']}份，各方各执一份，自各方签字（盖章）之日起生效。")
                ),
            ),
        ),
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
    for number, (title, blocks) in enumerate(_articles(c)):
        body += [Heading(f"第{_NUMERALS[number]}条　{title}", 2), *blocks]
    place = [f"签订地点：{c['signing_place']}"] if c["signing_place"] else []
    return (
        *body,
        END_OF_TEXT,
        signing_part([*place, f"签订日期：{c['agreement_date']}"], c["signers"]),
    )
