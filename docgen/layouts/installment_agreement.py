"""The installment agreement (分期还款协议): its words and their order, from the validated
case's template context (``docgen.documents.installment_agreement.build_context``)."""

from __future__ import annotations

from docgen.docmodel.blocks import (
    Block,
    Column,
    Document,
    Heading,
    Keep,
    Paragraph,
    Table,
    text,
)
from docgen.domain.clauses import AMOUNTS_CLAUSE, ARTICLES
from docgen.layouts.common import (
    Context,
    agreement,
    article_number,
    confirmed_amounts,
    pay_into,
    plan_run_on,
    service_blocks,
    service_text,
    signed_annex,
)


def guarantee(accelerated_by: str, late: bool, before: str = "", after: str = "") -> str:
    """The guarantor's clause; ``accelerated_by`` numbers the acceleration article. The
    scope names agreed late interest itself: for a price it is a 违约金, which a scope of
    「欠款、利息」 alone would leave open (民法典 art. 691: the scope is as agreed).
    ``before``: an original guarantor's consent to the change (民法典 art. 695); ``after``:
    that the guarantor knows the debt's limitation period may have run (法释〔2020〕28号
    art. 35)."""
    interest = "利息、逾期利息" if late else "利息"
    return (
        f"{before}丙方自愿为乙方在本协议项下的全部债务向甲方提供连带责任保证，保证范围包括本协议"
        f"确认的欠款、{interest}及甲方为实现债权支出的合理费用，保证期间为本协议约定的最后一期"
        f"还款期限届满之日起三年；乙方债务依{accelerated_by}加速到期的，保证期间的起算日不变。"
        f"{after}"
    )


def schedule_table(c: Context) -> Block:
    """Per installment its principal, the other confirmed amounts (when there are any),
    its plan interest and what it pays in all; a row of column totals; the grand total,
    with the column totals and the last installment on its page."""
    keys = ["principal", *(["other"] if c["has_other"] else []), "interest", "total"]
    money = {
        "principal": f"{c['principal_label']}（元）",
        "other": "其他欠款（元）",
        "interest": "利息（元）",
        "total": "合计（元）",
    }
    width = 68 // len(keys)
    columns = (
        Column("期数", 9, "center"),
        Column("还款日期", 23, "center"),
        *(Column(money[k], width, "right") for k in keys),
    )
    rows = [(row["no"], row["due"], *(row[k] for k in keys)) for row in c["schedule"]]
    totals = c["schedule_totals"]
    rows.append(("合计", "", *(totals[k] for k in keys)))
    # the plan runs on from its lead-in's page, the last installment, the row of sums
    # and the total never parted (``common.plan_run_on``)
    table = Table(columns, tuple(rows), ("总计", totals["legal"]), keep_with_total=2)
    return plan_run_on(table)


def waiver(late_by: str, accelerated_by: str) -> str:
    """An interest-free plan stays free only while it is kept: once late or accelerated,
    the late-interest article applies (``late_by``, ``accelerated_by``: those articles)."""
    return (
        "乙方按期足额还款的，分期还款期间甲方对尚未清偿的款项不另计利息；乙方未按期足额还款或者"
        f"剩余款项依{accelerated_by}加速到期的，自逾期之日起依{late_by}计付逾期利息。"
    )


def build(c: Context) -> Document:
    blocks = (*_agreement(c), *signed_annex(c["calculations"], c["signers"]))
    return Document(c["title"], c["creditor"]["name"], blocks)


def _other_note(c: Context) -> tuple[Block, ...]:
    if not c["has_other"]:
        return ()
    amounts = ARTICLES.cite(AMOUNTS_CLAUSE)
    other = f"注：其他欠款指{amounts}确认的利息、违约金等{c['principal_label']}以外的款项。"
    return (Paragraph(text(other), "note"),)


def _articles(c: Context) -> list[tuple[str, tuple[Block, ...]]]:
    """The articles in order, each its title and its blocks."""
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
                # run on across a page break, the total with the last amounts it sums
                confirmed_amounts(c["amounts"]),
                *(Paragraph(text(line)) for line in (c["annex_note"], *c["after_amounts"]) if line),
            ),
        ),
        (
            "分期还款计划",
            (
                Paragraph(
                    text(
                        f"乙方分{c['count']}期向甲方清偿{c['plan_pays']}，各期还款日期及金额如下："
                    ),
                    lead=True,
                ),
                schedule_table(c),
                *_other_note(c),
                Paragraph(text(_interest(c))),
                Paragraph(text(c["rest_days"])),
                pay_into(c["account"], "乙方应将各期款项支付至甲方以下账户"),
            ),
        ),
    ]
    if c["late_interest"]:
        articles.append(("逾期利息", (Paragraph(text(c["late_interest"])),)))
    accelerated_by = article_number(len(articles))
    articles.append(("加速到期", (Paragraph(text(c["acceleration"])),)))
    articles.append(("实现债权的费用", (Paragraph(text(c["costs"])),)))
    if c["guarantor"]:
        late = bool(c["late_interest"])
        clause = guarantee(accelerated_by, late, c["guarantee_before"], c["guarantee_after"])
        articles.append(("连带责任保证", (Paragraph(text(clause)),)))
    articles += [
        ("争议解决", (Paragraph(text(c["jurisdiction"])),)),
        (
            "送达地址",
            (Paragraph(text(service_text(parties=c["parties"]))), *service_blocks(c["services"])),
        ),
        (
            "其他",
            (
                Paragraph(
                    text(
                        f"{c['document']}一式{c['copies']}，{c['parties']}各执一份，"
                        f"自{c['parties']}签字（盖章）之日起生效。{c['every_page']}"
                    )
                ),
            ),
        ),
    ]
    # the plan's table keeps itself whole when short (``schedule_table``)
    return articles


def _interest(c: Context) -> str:
    """The plan's interest; an interest-free plan's waiver cites the articles after it:
    逾期利息 (there is one whenever the waiver is conditional), then 加速到期."""
    if not c["waiver_conditional"]:
        return str(c["interest"])
    return str(c["interest"]) + waiver(article_number(2), article_number(3))


def with_article_before(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """``common.agreement``'s blocks with the last block of the article before the last one
    moved into the closing kept with the signatures: the last article (其他) holds only the
    copies and the effective date, so without it the signature page would hold no term of substance,
    and a page of terms could be swapped unseen (a page holding a term beside the
    signatures ties them to the text)."""
    *body, closing = blocks
    if not isinstance(closing, Keep):
        return blocks
    headings = [i for i, b in enumerate(body) if isinstance(b, Heading) and b.level == 2]
    if not headings:
        return blocks
    # the article's last block only (its heading and first paragraphs flow before it): with
    # every signer's blank date the whole article and the signatures may exceed a page
    start = max(headings[-1] + 1, len(body) - 1)
    return (*body[:start], Keep((*body[start:], *closing.blocks)))


def _agreement(c: Context) -> tuple[Block, ...]:
    # no typed date: each signer dates the signature (``common.agreement``)
    return with_article_before(agreement(c, _articles(c), annexed=True))
