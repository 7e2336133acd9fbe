"""Building blocks shared by document types: their fields, rules and context pieces.

A document module composes these; nothing here knows about a particular document. The
fields live in ``part_models``, the amount rules in ``amount_checks`` and the template
views in ``part_context``; the names are re-exported here, where document modules find them.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from docgen.documents.amount_checks import (
    LPR_UPDATE_HINT,
    Latest,
    ResolvedAmounts,
    check_amounts,
    check_contract_lpr,
)
from docgen.documents.part_context import (
    addressee_context,
    amounts_context,
    party_context,
    signer_context,
)
from docgen.documents.part_models import (
    COMPONENT_LABELS,
    AddressedCase,
    AmountComponent,
    BankAccount,
    Contact,
    ContractBasis,
    DebtAmounts,
    InterestCalc,
    InterruptionInput,
    PaymentDeadline,
    RateInput,
    Signatory,
    split_recipients,
)
from docgen.documents.problems import Assessment, Loc
from docgen.domain import divisions as division_table
from docgen.domain.dates import format_cn
from docgen.domain.identity import (
    IdentityError,
    parse_resident_id,
    parse_uscc,
    uscc_province_mismatch,
)
from docgen.domain.limitation import (
    InterruptionEvent,
    LimitationResult,
    limitation_status,
)
from docgen.domain.parties import CHECKSUMMED_ID_TYPES, Organization, Party, Person

__all__ = [
    "COMPONENT_LABELS",
    "LPR_UPDATE_HINT",
    "AddressedCase",
    "AmountComponent",
    "BankAccount",
    "Contact",
    "ContractBasis",
    "DebtAmounts",
    "InterestCalc",
    "InterruptionInput",
    "Latest",
    "PaymentDeadline",
    "RateInput",
    "ResolvedAmounts",
    "Signatory",
    "addressee_context",
    "amounts_context",
    "check_amounts",
    "check_contract_dates",
    "check_contract_lpr",
    "check_guarantors",
    "check_limitation",
    "check_party",
    "limitation_of",
    "party_context",
    "same_party",
    "signer_context",
    "split_recipients",
]


def check_guarantors(
    assessment: Assessment, guarantors: list[Party], others: list[Party], loc: Loc
) -> None:
    """Each guarantor is a valid party, distinct from the other parties and each other."""
    for i, guarantor in enumerate(guarantors):
        check_party(assessment, guarantor, (*loc, i))
        earlier = others + guarantors[:i]
        if any(same_party(guarantor, other) for other in earlier):
            assessment.error(
                (*loc, i), "same_party", "保证人不能与债权人、债务人或其他保证人为同一主体"
            )


# --- rules --------------------------------------------------------------------------


def check_party(assessment: Assessment, party: Party, loc: Loc) -> None:
    """Cross-field identity checks: stated sex and birth date agree with the ID number."""
    if isinstance(party, Person):
        _check_person(assessment, party, loc)
    else:
        _check_organization(assessment, party, loc)


def _check_person(assessment: Assessment, person: Person, loc: Loc) -> None:
    if person.id_number is None or person.id_type not in CHECKSUMMED_ID_TYPES:
        return
    try:
        rid = parse_resident_id(person.id_number)
    except IdentityError:
        return  # already reported on the field itself
    if rid.sex != person.sex:
        assessment.error(
            (*loc, "sex"),
            "sex_id_mismatch",
            f"性别与身份证号码不符：证件号码第17位表明为{rid.sex}性，填写为{person.sex}",
        )
    if person.birth_date is not None and person.birth_date != rid.birth_date:
        assessment.error(
            (*loc, "birth_date"),
            "birth_date_id_mismatch",
            f"出生日期与身份证号码不符：证件号码载明{format_cn(rid.birth_date)}",
        )


def _check_organization(assessment: Assessment, org: Organization, loc: Loc) -> None:
    try:
        code = parse_uscc(org.uscc)
    except IdentityError:
        return
    for warning in code.warnings:
        assessment.warn((*loc, "uscc"), "uscc_unusual", warning)
    elsewhere = uscc_province_mismatch(code.number, org.address, division_table.load())
    if elsewhere is not None:
        assessment.warn((*loc, "uscc"), "uscc_area_mismatch", elsewhere)


def same_name(one: str, other: str) -> bool:
    """Two names are one name typed twice: full-width forms read as half-width (（）, Ａ, １)
    and blanks (spaces, full-width spaces) ignored."""

    def plain(text: str) -> str:
        return "".join(unicodedata.normalize("NFKC", text).split())

    return plain(one) == plain(other)


def same_party(a: Party, b: Party) -> bool:
    """Two parties are the same when their identifiers (or, lacking them, names) match."""
    if isinstance(a, Organization) and isinstance(b, Organization):
        return a.uscc == b.uscc or a.name == b.name
    if isinstance(a, Person) and isinstance(b, Person):
        if a.id_number and b.id_number:
            return a.id_number == b.id_number
        return a.name == b.name
    return False


def check_contract_dates(result: Assessment, contract: ContractBasis, letter_date: date) -> None:
    """A demand is for a debt that is due: contract, due date and letter in that order."""
    if contract.due_date >= letter_date:
        result.error(
            ("contract", "due_date"),
            "not_yet_due",
            f"债务尚未到期：应付款日期（{format_cn(contract.due_date)}）应早于发函日期"
            f"（{format_cn(letter_date)}），未到期的债务不能催收",
        )
    if contract.signed_on > contract.due_date:
        result.error(
            ("contract", "signed_on"), "signed_after_due", "合同签订日期不得晚于应付款日期"
        )
    if contract.signed_on > letter_date:
        result.error(
            ("contract", "signed_on"), "signed_after_letter", "合同签订日期不得晚于发函日期"
        )


def limitation_of(due: date, interruptions: list[InterruptionInput], on: date) -> LimitationResult:
    """The limitation status on ``on`` of a debt due on ``due``, with its interruptions."""
    events = [InterruptionEvent(e.kind, e.day) for e in interruptions]
    return limitation_status(due, events, on=on, allow_fallback=True)


def check_limitation(
    result: Assessment,
    contract: ContractBasis,
    interruptions: list[InterruptionInput],
    letter_date: date,
) -> None:
    """Warn when the limitation period has run or soon will (a demand may still be sent).

    The status is kept in ``result.computed["limitation"]``.
    """
    status = limitation_of(contract.due_date, interruptions, letter_date)
    result.computed["limitation"] = status
    if status.status == "expired" and not status.waived:
        result.warn(
            ("contract", "due_date"),
            "limitation_may_have_expired",
            f"诉讼时效期间可能已于{format_cn(status.expires)}届满（自应付款日期或最后一次中断事由起算三年）；"
            "本函仍可发出；届满后债务人如同意履行（如签收回执确认债务）或自愿履行，"
            "则不得再以诉讼时效抗辩",
            hint="如有未填写的中断事由（催收送达、还款、确认），请在「此前的时效中断事由」中补充",
        )
    elif status.status == "expiring":
        result.warn(
            ("contract", "due_date"),
            "limitation_expiring",
            f"诉讼时效期间将于{format_cn(status.expires)}届满，仅剩{status.days_left}日，"
            "请确保本函及时送达并保留送达凭证",
        )
