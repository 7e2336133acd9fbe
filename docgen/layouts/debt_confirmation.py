"""The debt confirmation (债务确认书): its words and their order, from the validated case's
template context (``docgen.documents.debt_confirmation.build_context``)."""

from __future__ import annotations

from docgen.docmodel.blocks import (
    Block,
    Column,
    Document,
    Paragraph,
    Table,
    Title,
    plain,
    text,
)
from docgen.domain.clauses import AMOUNTS_CLAUSE, CONFIRMATION_ITEMS
from docgen.domain.counting import copies
from docgen.layouts.common import (
    Context,
    confirmed_amounts,
    end_and_signatures,
    end_mark,
    party_lines,
    pay_into,
    plan_run_on,
    service_lines,
    service_text,
    signed_annex,
)
from docgen.layouts.installment_agreement import schedule_table

PLAN_COLUMNS = (
    Column("期数", 20, "center"),
    Column("还款日期", 45, "center"),
    Column("还款金额（元）", 35, "right"),
)


def build(c: Context) -> Document:
    annex = signed_annex(c["calculations"], c["signers"])
    return Document(c["title"], c["creditor"]["name"], (*_confirmation(c), *annex))


def _clauses(c: Context) -> list[tuple[str, tuple[Block, ...]]]:
    """Each clause's first sentence and the blocks after it, in order; numbered by
    :func:`_confirmation` so that a clause left out leaves no gap."""
    clauses: list[tuple[str, tuple[Block, ...]]] = [
        (
            f"截至{c['amounts']['as_of']}，乙方尚欠甲方款项明细如下：",
            (_amounts(c), *((Paragraph(text(c["annex_note"])),) if c["annex_note"] else ())),
        ),
        (c["no_dispute"], ()),
    ]
    if c["waiver"]:
        clauses.append((c["waiver"], ()))
    clauses += [(reserved, ()) for reserved in c["reserved"]]
    if c["plan_intro"]:
        clauses.append(_promise(c))
        clauses.append((c["default"], ()))
    elif c["account"]:
        account = pay_into(c["account"], "乙方清偿上述债务的，应将款项支付至甲方以下账户")
        clauses.append((plain(account.text), ()))
    clauses.append((c["later_interest"], ()))
    if c["late_interest"]:
        clauses.append((c["late_interest"], ()))
    clauses += [
        (c["jurisdiction"], ()),
        (service_text("本确认书", "双方"), (service_lines(c["services"]),)),
    ]
    return clauses


def _amounts(c: Context) -> Block:
    """The confirmed amounts, run on across a page break (``common.confirmed_amounts``)."""
    return confirmed_amounts(c["amounts"])


def _promise(c: Context) -> tuple[str, tuple[Block, ...]]:
    """The promise to pay: the plan's table or the one payment's date, that a date on a
    rest day stands (after the table, or after the date's sentence), the account."""
    account = (pay_into(c["account"], "乙方应将款项支付至甲方以下账户"),) if c["account"] else ()
    if not c["plan"]:
        return c["plan_intro"] + c["rest_days"], account
    return c["plan_intro"], (*_plan_table(c), Paragraph(text(c["rest_days"])), *account)


def _plan_table(c: Context) -> tuple[Block, ...]:
    """The plan by column as the installment agreement prints it (本金／其他欠款／利息／
    合计), so that what pays an installment 足额 is printed; its amounts alone where the
    interest has no figure."""
    if not c["columns"]:
        rows = tuple((row["no"], row["due"], row["amount"]) for row in c["plan"])
        plan = Table(PLAN_COLUMNS, rows, ("合计", c["plan_total"]), keep_with_total=1)
        return (plan_run_on(plan),)
    if not c["has_other"]:
        return (schedule_table(c),)
    amounts = CONFIRMATION_ITEMS.cite(AMOUNTS_CLAUSE)
    other = f"注：其他欠款指{amounts}确认的利息、违约金等{c['principal_label']}以外的款项。"
    return (schedule_table(c), Paragraph(text(other), "note"))


def _confirmation(c: Context) -> tuple[Block, ...]:
    place = [f"签署地点：{c['signing_place']}"] if c["signing_place"] else []
    body: list[Block] = [
        Title(c["title"]),
        party_lines("甲方（债权人）", c["creditor"]),
        party_lines("乙方（债务人）", c["debtor"]),
        Paragraph(text(f"{c['facts']}现经甲乙双方核对，乙方确认如下：")),
    ]
    numbered: list[tuple[Block, ...]] = []
    for number, (first, after) in enumerate(_clauses(c)):
        mark = CONFIRMATION_ITEMS.number(number)
        numbered.append((Paragraph(text(f"{mark}{first}"), lead=bool(after)), *after))
    for clause in numbered[:-1]:
        body += clause
    last = Paragraph(
        text(
            f"{c['document']}一式{copies(2)}，甲乙双方各执一份，自双方签字（盖章）之日起生效。"
            f"{c['every_page']}"
        )
    )
    # no typed date: each party dates its own signature, for the day the debtor signs is
    # the day the limitation period restarts (民法典 art. 195(2)) or the time-bar defence
    # is lost (art. 192(2)). The last numbered clause goes over with the signatures: the
    # copies sentence is no term, and a signature page holding none ties them to no text
    closing = (*numbered[-1], last)
    end = end_mark(indented=True, annexed=bool(c["calculations"]))
    ending = end_and_signatures(closing, place, c["signers"], end)
    return (*body, ending)
