"""Template views of the shared parts: a party, the amounts, a signature block."""

from __future__ import annotations

from typing import Any

from docgen.documents.amount_checks import ResolvedAmounts
from docgen.documents.interest_periods import chronological, last_day
from docgen.documents.part_models import DebtAmounts
from docgen.domain.dates import format_cn
from docgen.domain.guardianship import addressee, delivery_address, guardian_of, kinship
from docgen.domain.identity import mask_id, number_label
from docgen.domain.money import format_yuan, legal_amount, rmb_upper
from docgen.domain.parties import Guardian, Organization, Party, Person


def party_context(party: Party, *, mask_ids: bool = True) -> dict[str, Any]:
    """Template view of a party: its name, how to address it, and its identity lines.

    Letters need to identify a person, not to repeat their full ID number, so IDs are
    masked unless ``mask_ids`` is False (court filings).
    """
    if isinstance(party, Person):
        lines: list[tuple[str, str]] = []
        if party.id_number:
            shown = mask_id(party.id_number) if mask_ids else party.id_number
            # labelled as every court paper labels it (identity.number_label): one label
            # for one number across a case's papers, an agreement filed with them
            lines.append((number_label(party.id_type), shown))
        lines.append(("住所地", party.address))
        if party.phone:
            lines.append(("联系电话", party.phone))
        honorific = "先生" if party.sex == "男" else "女士"
        if party.guardian is not None:
            lines += _guardian_lines(party.guardian, party.name, mask_ids)
        return {
            "kind": "person",
            "name": party.name,
            "address": party.address,
            # a ward is addressed through the guardian, at the guardian's address
            "addressee": addressee(party),
            "delivery_address": delivery_address(party),
            "salutation": addressee(party) if party.guardian else party.name + honorific,
            "you": "您",
            "lines": [{"label": k, "value": v} for k, v in lines],
        }
    lines = [("统一社会信用代码", party.uscc), ("住所地", party.address)]
    lines.append((party.representative_title, party.legal_representative))
    if party.phone:
        lines.append(("联系电话", party.phone))
    return {
        "kind": "organization",
        "name": party.name,
        "address": party.address,
        "addressee": party.name,
        "delivery_address": party.address,
        "salutation": party.name,
        "you": "贵司",
        "lines": [{"label": k, "value": v} for k, v in lines],
    }


def addressee_context(party: Party) -> dict[str, Any]:
    """:func:`party_context` as a letter's addressee block prints it (致 and 地址): a ward
    named with the guardian (「张三（法定代理人：李四）」), at the guardian's address."""
    view = party_context(party)
    return {**view, "name": view["addressee"], "address": view["delivery_address"]}


def _guardian_lines(guardian: Guardian, ward: str, mask_ids: bool) -> list[tuple[str, str]]:
    """The guardian under the ward's lines: 「法定代理人：李四（系张三之父）」, then the
    guardian's ID, address and phone."""
    lines = [("法定代理人", f"{guardian.name}（{kinship(guardian, ward)}）")]
    if guardian.is_organization:
        lines.append(("法定代理人统一社会信用代码", guardian.uscc or ""))
        lines.append((f"法定代理人{guardian.representative_title}", guardian.representative or ""))
    if guardian.id_number:
        shown = mask_id(guardian.id_number) if mask_ids else guardian.id_number
        lines.append((f"法定代理人{number_label(guardian.id_type)}", shown))
    if guardian.address:
        lines.append(("法定代理人住所地", guardian.address))
    if guardian.phone:
        lines.append(("法定代理人联系电话", guardian.phone))
    return lines


def amounts_context(amounts: DebtAmounts, resolved: ResolvedAmounts) -> dict[str, Any]:
    """Template view of the amounts: one row per component, the total in figures and words."""
    rows = []
    for no, i in enumerate(chronological(amounts), start=1):
        component = amounts.components[i]
        rows.append(
            {
                "no": no,
                "label": component.display_label,
                # a period that ends earlier (借期内利息, to the due date) says so
                "as_of": format_cn(last_day(component, amounts)),
                "amount": format_yuan(resolved.amounts[i]),
                "note": component.note or ("见计算明细" if component.calculation else ""),
            }
        )
    total = resolved.total
    return {
        "as_of": format_cn(amounts.as_of),
        "rows": rows,
        "total": format_yuan(total),
        "total_upper": rmb_upper(total),
        "total_legal": legal_amount(total),
    }


def signer_context(role: str, party: Party | None, *, kind: str | None = None) -> dict[str, Any]:
    """One signature block (templates/_shared/macros.html ``signature_block``; the DOCX kit's
    ``signature_blocks``): a person signs and presses a fingerprint, an organisation seals
    and its legal representative signs; a ward's guardian signs as 法定代理人 beside the
    ward's name. ``party`` None leaves the name blank."""
    signer_kind = kind or (party.kind if party is not None else "person")
    guardian = guardian_of(party)
    title = party.representative_title if isinstance(party, Organization) else "法定代表人"
    if guardian is not None and guardian.is_organization:
        # an organisation guardian seals and its 负责人 signs (民法典 arts. 31, 32)
        signer_kind, title = "organization", f"法定代理人{guardian.representative_title}"
    sign_label = "签字并按手印" if signer_kind == "person" else "盖章"
    return {
        "role": role,
        "name": addressee(party) if party is not None else "",
        "kind": signer_kind,
        # a ward's guardian signs in the ward's name (民法典 arts. 19–23)
        "sign_label": "法定代理人" + sign_label if guardian else sign_label,
        "representative_title": title,
    }
