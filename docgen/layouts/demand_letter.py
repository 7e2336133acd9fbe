"""The demand letter (催款函): its words and their order, from the validated case's
template context (``docgen.documents.demand_letter.build_context``)."""

from __future__ import annotations

from docgen.docmodel.blocks import (
    Block,
    Document,
    Keep,
    Lines,
    PageBreak,
    Paragraph,
    SignatureLines,
    Title,
    bold,
    text,
)
from docgen.layouts.common import (
    Context,
    amounts_table,
    annex_list,
    calculation_annex,
    deadline_note,
    letter_service_lines,
    other_addressees,
    payment_to,
    proceeding_costs,
    sign_block,
    whole_if_short,
)


def build(c: Context) -> Document:
    blocks = (*_letter(c), *calculation_annex(c["calculations"]), *_receipt(c))
    return Document(c["title"], c["creditor"]["name"], blocks, margin_top_mm=25)


def _letter(c: Context) -> tuple[Block, ...]:
    creditor, debtor, contact = c["creditor"], c["debtor"], c["contact"]
    number = (
        (Paragraph(text(f"编号：{c['letter_number']}"), "number"),) if c["letter_number"] else ()
    )
    sender = [text(f"发函人：{creditor['name']}")]
    sender += [text(f"{line['label']}：{line['value']}") for line in creditor["lines"]]
    to = [text(bold(f"致：{debtor['name']}"))]
    if debtor["id_masked"]:
        to.append(text(f"{debtor['id_label']}：{debtor['id_masked']}"))
    to.append(text(f"{debtor['address_label']}：{debtor['address']}"))
    contacts = [text(f"联系人：{contact['person']}"), text(f"联系电话：{contact['phone']}")]
    if contact.get("address"):
        contacts.append(text(f"联系地址：{contact['address']}"))
    if contact.get("email"):
        contacts.append(text(f"电子邮箱：{contact['email']}"))
    demand = _demand(c)
    # how the letter is served, when the case says (letter_service)
    served = letter_service_lines(c)
    copied = other_addressees(c)
    ratification = (Paragraph(text(c["ratification"])),) if c["ratification"] else ()
    return (
        Title(c["title"]),
        *number,
        Lines(tuple(sender), sender=True),
        Lines(tuple(to)),
        Paragraph(text(f"{debtor['salutation']}："), "plain"),
        Paragraph(text(c["facts"])),
        *ratification,
        Paragraph(
            text(
                f"{c['owed']['if']}截至{c['amounts']['as_of']}，{c['owes']}{c['owed']['verb']}"
                f"{c['we']}款项明细如下："
            ),
            lead=True,
        ),
        # a short table goes over whole with its lead-in; a long one at least never has
        # its total head a page alone under the repeated header
        whole_if_short(amounts_table(c["amounts"], keep_total=True)),
        Paragraph(text(c["later_interest"])),
        *demand[:-1],
        # the last sentence that says something and the contacts go over with the
        # signature: a page never holds only 特此函告 and the signature
        Keep(
            (
                demand[-1],
                Lines(tuple(contacts), indent=True),
                *served,
                Paragraph(text("特此通知。" if c["notice"] else "特此函告。")),
                *annex_list(c["calculations"], c["account"]),
                SignatureLines(
                    (
                        f"{creditor['name']}{c['creditor_signs_as']}",
                        *((c["signatory"],) if c["signatory"] else ()),
                        c["letter_date"],
                    )
                ),
                *copied,
                *deadline_note(c),
            )
        ),
    )


def _demand(c: Context) -> tuple[Block, ...]:
    """The request to pay and what follows if unpaid; to a general guarantor, a notice.
    While the contract waits on the legal representative, payment is asked for on the
    condition it binds, and the consequence follows the answer (``binds_if``,
    ``refusal``)."""
    you, total, step, we = c["you"], c["amounts"]["total_legal"], c["next_step"], c["we"]
    binds, owed, refusal = c["binds_if"], c["owed"], c["refusal"]
    if c["notice"]:
        owes, deadline = c["owes"], c["deadline"]
        unpaid = (
            f"{binds}而{owes}{deadline['debtor_unpaid']}的"
            if binds
            else f"如{owes}{deadline['debtor_unpaid']}"
        )
        return (
            Paragraph(
                text(
                    f"现将{owed['debt']}情况通知{you}。{deadline['debtor_letter']}{unpaid}，{we}"
                    f"将依法{step}，要求{owes}清偿；{owes}的财产经依法强制执行仍不能履行债务的，"
                    f"{we}将依法要求{you}承担保证责任。{refusal}"
                    f"如{you}对上述事实有异议，请于"
                    f"{deadline['text']}与{we}联系并提供相应依据。"
                )
            ),
        )
    # to the guardian: pay from the ward's property for the ward, who is late and sued
    # (``letter_address.ward_pays``)
    unpaid, pays_for, sued_for = c["unpaid"], c["pays_for"], c["sued_for"]
    late = f"{binds}而{unpaid}的" if binds else f"如{unpaid}"
    costs = f"相关{proceeding_costs(step)}将依法主张由{c['bears']}承担"
    condition = f"{binds}的，" if binds else ""
    return (
        *payment_to(
            f"现特函告{you}：{condition}请{pays_for}于{c['deadline']['pay_by']}，"
            f"将上述{owed['sum']}合计{total}",
            we,
            c["account"],
            c["paid_by"],
        ),
        Paragraph(
            text(
                f"如{you}对上述{owed['sum']}有异议，请于上述期限内与{we}联系并提供相应依据。{late}，"
                f"{we}将依法{step}{sued_for}，"
                + (f"{costs}；{refusal}" if refusal else f"{costs}。")
            )
        ),
    )


def _receipt(c: Context) -> tuple[Block, ...]:
    """The receipt slip the recipient signs and returns, on a page of its own."""
    if not c["include_receipt"]:
        return ()
    number = f"（编号：{c['letter_number']}）" if c["letter_number"] else ""
    return (
        PageBreak(),
        Title("回执"),
        Paragraph(text(f"{c['creditor']['name']}："), "plain"),
        Paragraph(text(_receipt_text(c, number))),
        sign_block(c["receipt_signer"]),
        # where the signed slip goes back
        *((Lines((text(c["receipt_return"]),)),) if c.get("receipt_return") else ()),
    )


def _receipt_text(c: Context, number: str) -> str:
    """What the recipient confirms. A guarantor's confirmation of a contract awaiting
    ratification, of the debt as of its liability, is made on that condition."""
    received = f"{c['receipt_me']}已收到贵方于{c['letter_date']}出具的《{c['title']}》{number}"
    debt = (
        f"截至{c['amounts']['as_of']}{c['receipt_debtor']}{c['owed']['verb']}贵方款项合计"
        f"{c['amounts']['total_legal']}{c['receipt_excludes']}"
    )
    condition, note = c["receipt_condition"], c["receipt_note"]
    if condition:
        ending = f"，{note}" if note else "。"
        return f"{received}。{condition}{c['receipt_who']}{c['receipt_confirms']}{debt}{ending}"
    return f"{received}，{c['receipt_ratifies']}{c['receipt_confirms']}{debt}。{note}"
