"""Blocks every built-in document shares, written once: the amounts table, the
calculation sheets, the payment account, a signer's block.

Each takes the piece of the template context the document types build
(``docgen.documents.parts``): ``amounts_context``, the calculation sheets,
``signer_context``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from docgen.docmodel.blocks import (
    Block,
    Column,
    Heading,
    Keep,
    Lines,
    NumberedItem,
    PageBreak,
    Paragraph,
    SignBlock,
    Table,
    Text,
    Title,
    bold,
    text,
)
from docgen.docmodel.signing import sign_rows
from docgen.domain.clauses import ARTICLES

Context = Mapping[str, Any]

# 项目 holds five characters on one line (借期内利息, 逾期利息 and 违约金 alike)
AMOUNT_COLUMNS = (
    Column("序号", 8, "center"),
    Column("项目", 16, "center"),
    Column("计算截至日", 22),
    Column("金额（元）", 18, "right"),
    Column("说明", 36),
)
CALCULATION_COLUMNS = (
    Column("期间", 40),
    Column("天数", 10, "center"),
    Column("基数（元）", 18, "right"),
    Column("年利率", 12, "center"),
    Column("金额（元）", 20, "right"),
)
# The reference table's "verified up to" remark is the operator's concern (a warning when
# the case is checked), not the recipient's: it is left out of the printed sheet.
_UNVERIFIED_LPR = re.compile(r"（参考表所载LPR仅核实至[^）]*）")


def amounts_table(amounts: Context, keep_total: bool = False) -> Table:
    """One row per component and the total in figures and words. ``keep_total``: the
    total never heads a page alone under the repeated header, apart from the amounts it
    sums: the last amount goes over with it (``Table.keep_with_total``)."""
    rows = tuple(
        (str(row["no"]), row["label"], row["as_of"], row["amount"], row["note"])
        for row in amounts["rows"]
    )
    kept = 1 if keep_total else 0
    return Table(AMOUNT_COLUMNS, rows, ("合计", amounts["total_legal"]), keep_with_total=kept)


SHORT_TABLE = 8
"""The most rows a table may have and still be kept whole on one page."""

CONFIRMED_KEPT_WITH_TOTAL = 2
"""The last amounts an agreement's confirmed-amounts table keeps with its total."""


def confirmed_amounts(amounts: Context) -> Table:
    """The amounts an agreement confirms (欠款明细), run on from the page of its lead-in
    under the repeated header, its last two amounts (one, if there is one) and the total
    never parted: kept whole, a table of several tall rows (each with its 说明) leaves
    half of the page before it blank, and a blank space in a signed text invites words
    added after signing; every page is signed, and the total is read with the amounts
    above it under the same header."""
    table = amounts_table(amounts)
    return replace(table, keep_with_total=min(CONFIRMED_KEPT_WITH_TOTAL, len(table.rows)))


def whole_if_short(block: Block) -> Block:
    """A table of at most ``SHORT_TABLE`` rows is never split: its rows and total go to
    one page, with the lead-in kept on it (``Paragraph.lead``); a debtor disputes a total
    whose components he read on another page."""
    if isinstance(block, Table) and len(block.rows) <= SHORT_TABLE:
        return replace(block, keep_with_total=len(block.rows))
    return block


PLAN_KEPT_WITH_TOTAL = 2
"""The last rows of an agreement's plan kept with its total: the last installment and the
row of sums where there is one."""


def plan_run_on(block: Table) -> Table:
    """An agreement's plan (分期/付款计划) runs on from the page of its lead-in
    (``Paragraph.lead``) under the repeated header, no row split, its last rows and
    total never parted (``PLAN_KEPT_WITH_TOTAL``), as the confirmed amounts do
    (:func:`confirmed_amounts`). Kept whole (:func:`whole_if_short`, until 2026-12), a
    plan that did not fit under the text above it went over with its lead-in and left up
    to a third of the page before it blank, and a blank space in a signed text invites
    words added after signing; every page is signed, and the header repeats."""
    return replace(block, keep_with_total=min(PLAN_KEPT_WITH_TOTAL, len(block.rows)))


def payment(request: str, account: Context) -> Keep:
    """The request to pay and the account to pay into, kept on one page."""
    lines = Lines(
        (
            text(f"户名：{account['account_name']}"),
            text(f"开户行：{account['bank']}"),
            text(f"账号：{account['account_number']}"),
        ),
        indent=True,
    )
    return Keep((Paragraph(text(request)), lines))


def payment_to(request: str, payee: str, account: Context, you: str) -> tuple[Block, ...]:
    """A letter's demand to pay ``payee`` (我方, 委托人) into ``account``: ``request`` up to
    the words 支付至. An account held by someone else is one the payee designates, and
    paying it discharges the debt (民法典 art. 522(1): performance to a third party as the
    creditor directs): said, with who holds it and that the payee authorised the holder to
    receive (``holder_relation``), so that the debtor may pay it safely."""
    designated = bool(account.get("designated"))
    blocks: list[Block] = [
        payment(f"{request}支付至{payee}{'指定的' if designated else ''}以下账户：", account)
    ]
    said = ""
    if designated:
        relation = account.get("holder_relation")
        # the written authorisation, attached, proves the direction (annex_list lists it)
        proof = "（见附件收款授权书）" if account.get("payee_authorization") else ""
        holder = (
            f"该账户为{payee}{relation}{account['account_name']}的账户，{payee}授权其代为收取"
            f"本函所列款项{proof}；"
            if relation
            else ""
        )
        said = f"{holder}{you}向上述账户支付的款项，视为向{payee}清偿。"
    if said:
        blocks.append(Paragraph(text(said)))
    return tuple(blocks)


def calculation_annex(
    calculations: list[Context], heading: str = "附：计算明细"
) -> tuple[Block, ...]:
    """The annex "附：计算明细" (``heading``) on a new page: per computed amount, its rate,
    a row per period and how each period's amount was computed. Nothing without
    calculations."""
    if not calculations:
        return ()
    blocks: list[Block] = [PageBreak(), Heading(heading)]
    for number, calc in enumerate(calculations, start=1):
        title = f"{calc['title']}（{calc['rate']}，每年按{calc['day_count']}天计）"
        rows = tuple(
            (row["period"], row["days"], row["base"], row["rate"], row["amount"])
            for row in calc["rows"]
        )
        notes = (_UNVERIFIED_LPR.sub("", note) for note in calc["notes"])
        blocks += [
            NumberedItem(text(title), number, "calculations"),
            Table(CALCULATION_COLUMNS, rows, ("合计", calc["total"]), total_align="right"),
            *(Paragraph(text(note), "note") for note in notes),
        ]
    return tuple(blocks)


def annex_list(calculations: list[Context], account: Context | None = None) -> tuple[Block, ...]:
    """A letter's 「附件：计算明细」 above the signature, when it has calculation sheets: the
    text refers to them (见计算明细), and a letter lists what it encloses; with the payee's
    written authorisation attached (``payee_authorization`` of a designated account),
    「附件：1．计算明细；2．收款授权书」."""
    items = ["计算明细"] if calculations else []
    if account and account.get("designated") and account.get("payee_authorization"):
        items.append("收款授权书")
    if len(items) < 2:
        return tuple(Paragraph(text(f"附件：{item}")) for item in items)
    numbered = "；".join(f"{n}．{item}" for n, item in enumerate(items, 1))
    return (Paragraph(text(f"附件：{numbered}")),)


def attachment_list(items: list[str]) -> Lines:
    """A court filing's 「附：」 list of the papers filed with it, set before its signature
    (after 此致 and the court) and never split: one paper on the line of 附, several
    numbered under it, 「；」 between them and 「。」 after the last."""
    if len(items) == 1:
        return Lines((text(f"附：{items[0]}"),))
    last = len(items)
    numbered = (f"{n}．{item}{'。' if n == last else '；'}" for n, item in enumerate(items, 1))
    return Lines((text("附："), *(text(line) for line in numbered)))


def sign_block(signer: Context, dated: bool = True) -> SignBlock:
    """A signer's block from ``parts.signer_context``; ``dated``: with its blank date."""
    return SignBlock(
        signer["role"],
        signer["name"],
        signer["sign_label"],
        signer["kind"] == "person",
        signer.get("representative_title") or "",
        dated,
    )


def other_addressees(c: Context) -> tuple[Block, ...]:
    """Under a letter's signature: 「另函致：」 the letter's other recipients (each sent a
    copy of its own, documents.letter_copies), then 「抄送：」 whom the user named."""
    lines = (("另函致", c.get("sent_apart")), ("抄送", c.get("cc")))
    return tuple(Paragraph(text(f"{label}：{who}"), "plain") for label, who in lines if who)


def letter_service_lines(c: Context) -> tuple[Block, ...]:
    """How the copy is served (``letter_service``), and under it, for a posted copy, the
    blank for its waybill number, on a line of its own."""
    if not c.get("service"):
        return ()
    waybill = (Lines((text(c["waybill"]),), indent=True),) if c.get("waybill") else ()
    return (Paragraph(text(c["service"])), *waybill)


def deadline_note(c: Context) -> tuple[Block, ...]:
    """「注：」 at the end of a letter, why its deadline falls after the n-th day counted from
    its date (民法典 art. 203, ``PaymentDeadline.extension``): kept out of the demand to
    pay, which states the one date to pay by."""
    extension = c["deadline"].get("extension", "")
    return (Paragraph(text(f"注：{extension}"), "note"),) if extension else ()


def closing(last: Paragraph, *signature: Block) -> Keep:
    """The closing words kept on the page of the signature (and what goes with it: the
    enclosures above, the copies below)."""
    return Keep((last, *signature))


def party_lines(heading: str, party: Context) -> Lines:
    """A party of an agreement: its role and name in bold, then its identity lines
    (``parts.party_context``)."""
    lines = [text(f"{line['label']}：{line['value']}") for line in party["lines"]]
    return Lines((text(bold(f"{heading}：{party['name']}")), *lines))


def pay_into(account: Context, whose: str) -> Paragraph:
    """The account a debtor pays into, in one sentence."""
    return Paragraph(
        text(
            f"{whose}：户名：{account['account_name']}；开户行：{account['bank']}；"
            f"账号：{account['account_number']}。"
        )
    )


def service_text(document: str = "本协议", parties: str = "各方") -> str:
    """The agreed service addresses hold through litigation (法发〔2016〕21号 §3; 法发〔2017〕
    19号 art. 8(1): an address agreed before the dispute is one the court may serve on)."""
    others = "对方" if parties == "双方" else "其他各方"
    return (
        f"{parties}确认以下地址为{document}履行及争议解决中相关文书的送达地址，适用于协商、"
        "仲裁、诉讼（包括一审、二审、再审）及执行各阶段，人民法院、仲裁机构可按该地址送达"
        f"诉讼、仲裁文书。地址变更的，应当在变更之日起三日内书面通知{others}"
        "（已进入诉讼、仲裁程序的，并应通知受理的人民法院、仲裁机构）；未通知的，按原地址送达"
        "即视为送达，文书被退回之日视为送达之日："
    )


def service_lines(services: list[Context]) -> Lines:
    """One line per party (``agreement_terms.service_context``): role, name, address."""
    lines = []
    for s in services:
        phone = f"；电话：{s['phone']}" if s.get("phone") else ""
        email = f"；电子邮箱：{s['email']}" if s.get("email") else ""
        lines.append(text(f"{s['role']}（{s['name']}）：{s['address']}{phone}{email}"))
    # with the addresses, so that it goes where they go (to the signature page)
    lines += electronic_service(services)
    return Lines(tuple(lines), indent=True)


def service_blocks(services: list[Context]) -> tuple[Lines, ...]:
    """:func:`service_lines` one party's line to a block (and the consent to electronic
    service one more): each address is never split, but the list may run on across a
    page, so that only its last line goes over with the signatures (``Keep.parts``: the
    last block of the article before 其他) and the page before is not left part empty
    for a list kept whole."""
    return tuple(Lines((line,), indent=True) for line in service_lines(services).lines)


def electronic_service(services: list[Context]) -> tuple[Text, ...]:
    """The consent to electronic service of the parties whose address lists an e-mail: a
    court serves electronically only with the recipient's consent, judgments, rulings
    and mediation statements included, served on the day the message reaches the
    recipient's system (民事诉讼法 art. 90); an e-mail listed with no word of consent
    leaves that open to dispute."""
    roles = [s["role"] for s in services if s.get("email")]
    if not roles:
        return ()
    whose = "上述电子邮箱" if len(roles) == 1 else "上述各自的电子邮箱"
    return (
        text(
            f"{'、'.join(roles)}同意人民法院、仲裁机构通过{whose}以电子方式送达诉讼、仲裁文书"
            "（包括判决书、裁定书、调解书），送达信息到达该电子邮箱所在系统之日为送达之日。"
        ),
    )


END_OF_TEXT = Paragraph(text("（以下无正文）"), "plain")
"""Where an agreement's text ends and its signing part begins: nothing may be added
between them, even when the signatures go over to the next page."""
END_OF_TEXT_INDENTED = Paragraph(END_OF_TEXT.text)
"""The same line indented as the text and the signing lines around it."""
ANNEX = "附件：计算明细"
"""The calculation sheet's heading where the text refers to it as its annex."""


def end_mark(indented: bool, annexed: bool) -> Paragraph:
    """「（以下无正文）」, or 「（以下无正文，附件附后）」 where a signed calculation sheet
    follows the signatures (``annexed``): the annex the text refers to is announced, so
    that nothing after the mark reads as added."""
    words = text("（以下无正文，附件附后）") if annexed else END_OF_TEXT.text
    return Paragraph(words) if indented else Paragraph(words, "plain")


def signed_annex(calculations: list[Context], signers: list[Context]) -> tuple[Block, ...]:
    """The calculation sheet, titled 附件 as the text refers to it (「计算明细见附件」), and
    signed as the text is: its last block kept with every party's signing lines, each
    dated, right under it (no blank between to add words in), so that no party can deny
    the page as unsigned. The roles without their gloss (甲方, not 甲方（债权人）)."""
    annex = calculation_annex(calculations, ANNEX)
    if not annex:
        return ()
    signers = [{**signer, "role": signer["role"].split("（")[0]} for signer in signers]
    rows = sign_rows(tuple(sign_block(signer) for signer in signers))
    return (*annex[:-1], Keep((annex[-1], *rows)))


def end_and_signatures(
    last: tuple[Block, ...],
    lines: list[str],
    signers: list[Context],
    end: Paragraph = END_OF_TEXT,
    dated: bool = True,
) -> Keep:
    """The agreement's last clause, the place and date of signing (``lines``),
    「（以下无正文）」 (``end``) and the signers' blocks two to a row (``dated``: each with
    its blank date), every row on one page with the end of the text, so that no signer
    signs on a page without words of the agreement (a text-free signature page could be
    said to have been signed blank, or be put to another text); where they do not fit,
    the end of the text goes over with them (:meth:`Keep.parts`). The mark closes the
    text, the typed place and date included — they are terms of the agreement (the place
    stated is where it is formed, 民法典 art. 493; the date, when all have signed, art.
    490) — so that nothing but the signatures follows it (a place and date printed after
    the mark could be taken as added)."""
    signing = (*(Paragraph(text(line)) for line in lines), end)
    rows = sign_rows(tuple(sign_block(signer, dated) for signer in signers))
    return Keep((*last, *signing, *rows))


Article = tuple[str, tuple[Block, ...]]
"""An agreement's article: its title and its blocks."""


def article_number(index: int) -> str:
    """The heading number of the agreement's ``index``-th article (0: 第一条), as the
    agreements' words cite it (``domain.clauses.ARTICLES``)."""
    return ARTICLES.number(index)


def agreement(
    c: Context, articles: list[Article], one_date: bool = False, annexed: bool = False
) -> tuple[Block, ...]:
    """An agreement between 甲方 (creditor), 乙方 (debtor) and optionally 丙方 (guarantor):
    title, parties, recitals, numbered articles; the last article, the place and date of
    signing and 「（以下无正文）」 go over with the signatures (``end_and_signatures``).
    ``one_date``: the date of signing is stated once, above the mark, with no blank date
    under each signer, and 「（以下无正文）」 is indented as the lines around it; otherwise
    no date is typed and each signer dates the signature on a blank line: a typed date
    that is not the day a party signs gives that party an argument, and the day the
    debtor signs is the day the limitation period restarts (民法典 art. 195(2)) or the
    time-bar defence is lost (art. 192(2)). ``annexed``: a signed calculation sheet
    (``signed_annex``) follows, announced by the mark when there is one."""
    parties = [
        party_lines("甲方（债权人）", c["creditor"]),
        party_lines("乙方（债务人）", c["debtor"]),
    ]
    if c["guarantor"]:
        parties.append(party_lines("丙方（连带责任保证人）", c["guarantor"]))
    body: list[Block] = [Title(c["title"]), *parties, Paragraph(text(c["facts"]))]
    headed = [
        (Heading(f"{article_number(number)}　{title}", 2), *blocks)
        for number, (title, blocks) in enumerate(articles)
    ]
    for blocks in headed[:-1]:
        body += blocks
    place = [f"签订地点：{c['signing_place']}"] if c["signing_place"] else []
    signing = [*place, *([f"签订日期：{c['agreement_date']}"] if one_date else [])]
    end = end_mark(bool(signing), bool(c.get("calculations")) and annexed)
    last = end_and_signatures(headed[-1], signing, c["signers"], end, dated=not one_date)
    return (*body, last)


def proceeding_costs(step: str) -> str:
    """The costs a letter warns of: those of the one proceeding it names (``next_step``)."""
    return "仲裁费用" if step.endswith("申请仲裁") else "诉讼费用"
