"""The settlement agreement (和解协议): its words and their order, from the validated
case's template context (``docgen.documents.settlement_agreement.build_context``)."""

from __future__ import annotations

from docgen.docmodel.blocks import Block, Column, Document, Paragraph, Table, text
from docgen.layouts.common import (
    Context,
    agreement,
    article_number,
    pay_into,
    plan_run_on,
    service_blocks,
    service_text,
)
from docgen.layouts.installment_agreement import with_article_before


def build(c: Context) -> Document:
    return Document(c["title"], c["creditor"]["name"], _agreement(c))


def plan_columns(paying: str) -> tuple[Column, ...]:
    """The plan's headers in the articles' words (``paying``: 付款, as in 「各期付款日期及金额」
    and 「未按期足额付款」), not the debt confirmation's 还款: the settlement names what it
    pays 款项 and paying it 付款; the widths are the confirmation's plan's."""
    return (
        Column("期数", 20, "center"),
        Column(f"{paying}日期", 45, "center"),
        Column(f"{paying}金额（元）", 35, "right"),
    )


def _payment(c: Context) -> tuple[Block, ...]:
    """The plan, whether a date on a rest day moves (after the table, or after the one
    payment's sentence), the account."""
    schedule = tuple((row["no"], row["due"], row["amount"]) for row in c["schedule"])
    account = pay_into(c["account"], "乙方应将款项支付至甲方以下账户")
    if not schedule:
        return (Paragraph(text(c["plan_intro"] + c["rest_days"])), account)
    # the plan runs on from its lead-in's page, its last row with the total
    plan = Table(
        plan_columns(c["paying"]), schedule, ("合计", c["schedule_total"]), keep_with_total=1
    )
    return (
        Paragraph(text(c["plan_intro"]), lead=True),
        plan_run_on(plan),
        Paragraph(text(c["rest_days"])),
        account,
    )


def _guarantee(c: Context, costs_article: str) -> str:
    """The guarantor's clause in the words of a settlement: it secures the settled amount
    (or, the concession lapsed, the original debt's balance), the late interest when one is
    agreed (民法典 art. 691: the scope is as agreed) and the suit's costs the debtor bears
    under ``costs_article`` (the article on the suit, 「第五条」); only a plan in
    installments can be accelerated."""
    lapsed = "（减让依第三条失效的，为原欠款扣除乙方已付款项后的余额）" if c["lapse"] else ""
    late = "、逾期利息" if c["late"] else ""
    costs = f"、{costs_article}约定由乙方负担的诉讼费用" if c["debtor_costs"] else ""
    scope = (
        "丙方自愿为乙方在本协议项下的全部债务向甲方提供连带责任保证，保证范围包括本协议约定的"
        f"和解款{lapsed}{late}{costs}及甲方为实现债权支出的合理费用，"
    )
    if not c["schedule"]:
        return scope + "保证期间为本协议约定的付款期限届满之日起三年。"
    return (
        scope + "保证期间为本协议约定的最后一期付款期限届满之日起三年；乙方债务依第三条加速"
        "到期的，保证期间的起算日不变。"
    )


def _default(c: Context) -> tuple[Block, ...]:
    """第三条: the late interest of a plan in installments, when agreed, then what falls
    due and how it is got (one payment's late interest is said there)."""
    late = (Paragraph(text(c["late_interest"])),) if c["late_interest"] else ()
    return (*late, Paragraph(text(c["default"])))


def _articles(c: Context) -> list[tuple[str, tuple[Block, ...]]]:
    articles: list[tuple[str, tuple[Block, ...]]] = [
        ("和解金额", (Paragraph(text(c["amount"])),)),
        ("付款方式", _payment(c)),
        ("违约责任", _default(c)),
    ]
    if c["guarantor"]:  # the article on the suit follows the guarantee's
        guarantee = _guarantee(c, article_number(len(articles) + 1))
        articles.append(("连带责任保证", (Paragraph(text(guarantee)),)))
    articles += [
        (c["suit_title"], (Paragraph(text(c["suit"])),)),
        ("争议解决", (Paragraph(text(c["jurisdiction"])),)),
        # the addresses agreed before a dispute, on which a court may serve (法发〔2016〕21号
        # §3; 法发〔2017〕19号 art. 8(1)); an e-mail listed consents to electronic service
        # (民事诉讼法 art. 90): the installment agreement's clause, worded once
        (
            "送达地址",
            (Paragraph(text(service_text(parties=c["parties"]))), *service_blocks(c["services"])),
        ),
        ("其他", (Paragraph(text(c["closing"] + c["every_page"])),)),
    ]
    return articles


def _agreement(c: Context) -> tuple[Block, ...]:
    # one date for one signing: the agreement's, typed above the signatures; the service
    # addresses go over with 其他 and the signatures, so that the signature page holds a term;
    # every signer's block with them, a guarantor's too: a page holding signatures and
    # no term could be put after other terms than those signed
    return with_article_before(agreement(c, _articles(c)))
