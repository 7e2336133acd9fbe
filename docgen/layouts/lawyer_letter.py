"""The lawyer letter (律师函): its words and their order, from the validated case's
template context (``docgen.documents.lawyer_letter.build_context``)."""

from __future__ import annotations

from docgen.docmodel.blocks import (
    Block,
    Document,
    Heading,
    Keep,
    Letterhead,
    Lines,
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
    whole_if_short,
)


def build(c: Context) -> Document:
    blocks = (*_letter(c), *calculation_annex(c["calculations"]))
    return Document(c["title"], c["firm"]["name"], blocks, margin_top_mm=37)


def _letter(c: Context) -> tuple[Block, ...]:
    firm, recipient = c["firm"], c["recipient"]
    opinion = _opinion(c)
    # how the letter is served, when the case says (letter_service)
    served = letter_service_lines(c)
    number = (Paragraph(text(c["letter_number"]), "number"),) if c["letter_number"] else ()
    copied = other_addressees(c)
    return (
        Letterhead(c["letterhead"], tuple(f"{x['label']}：{x['value']}" for x in firm["lines"])),
        Title(c["title"]),
        *number,
        Lines(
            (
                text(bold(f"致：{recipient['name']}")),
                text(f"{recipient['address_label']}：{recipient['address']}"),
            )
        ),
        Paragraph(text(f"{recipient['salutation']}："), "plain"),
        Paragraph(
            text(
                f"{c['guardian_intro']}{firm['name']}（以下简称“本所”）接受{c['client']['name']}（以下简称“委托人”）"
                f"的委托，指派{c['lawyer']}律师，就{c['matter']}一事，郑重致函如下："
            )
        ),
        Heading("一、基本事实", 2),
        Paragraph(text(c["facts"])),
        # the sentence that leads into the table goes over with it, not the facts above
        Paragraph(text(c["amounts_lead"]), lead=True),
        # a short table goes over whole with its lead-in; a long one at least never has
        # its total head a page alone under the repeated header
        whole_if_short(amounts_table(c["amounts"], keep_total=True)),
        Paragraph(text(c["later_interest"])),
        Heading("二、法律分析", 2),
        Paragraph(text(c["legal_basis"])),
        Heading("三、律师意见", 2),
        *opinion[:-1],
        # the opinion's last paragraph goes over with the signature: a page never holds
        # only 特此函告 and the signature
        Keep(
            (
                opinion[-1],
                *served,
                Paragraph(text("特此函告。")),
                *annex_list(c["calculations"], c["account"]),
                SignatureLines(
                    (
                        f"{firm['name']}（盖章）",
                        f"承办律师：{c['lawyer']}（签字）",
                        f"律师执业证号：{c['license_number']}",
                        c["letter_date"],
                    ),
                    place="seal",
                ),
                *copied,
                *deadline_note(c),
            )
        ),
    )


def _opinion(c: Context) -> tuple[Block, ...]:
    """三、律师意见: the demand to pay; to a general guarantor, a notice."""
    you, owes, total, step = c["you"], c["owes"], c["amounts"]["total_legal"], c["next_step"]
    ratification = (Paragraph(text(c["ratification"])),) if c["ratification"] else ()
    # while the contract waits on the legal representative, payment is asked for on the
    # condition it binds
    binds, owed, refusal = c["binds_if"], c["owed"], c["refusal"]
    if c["notice"]:
        deadline = c["deadline"]
        unpaid = (
            f"{binds}而{owes}{deadline['debtor_unpaid']}的"
            if binds
            else f"如{owes}{deadline['debtor_unpaid']}"
        )
        return (
            Paragraph(
                text(
                    f"本所律师特此将{owed['debt']}情况告知{you}。{deadline['debtor_letter']}{unpaid}，"
                    f"本所将建议委托人依法{step}，"
                    f"要求{owes}清偿；{owes}的财产经依法强制执行仍不能履行债务的，委托人将依法要求"
                    f"{you}承担保证责任。{refusal}"
                    f"如{you}对上述事实有异议，请于{deadline['text']}与"
                    f"{c['reach']}联系并提供相应依据。"
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
        *ratification,
        *payment_to(
            f"本所律师郑重提请{you}：{condition}请{pays_for}于{c['deadline']['pay_by']}，"
            f"将上述{owed['sum']}合计{total}",
            "委托人",
            c["account"],
            c["paid_by"],
        ),
        Paragraph(
            text(
                f"如{you}对上述事实或{owed['sum']}有异议，请于上述期限内与{c['reach']}联系并提供相应依据。"
                f"{late}，本所将建议委托人依法{step}{sued_for}，"
                + (f"{costs}；{refusal}" if refusal else f"{costs}。")
            )
        ),
    )
