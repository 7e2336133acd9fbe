"""What the demand letter and the lawyer letter share: their rules and the terms demanded.

Both letters demand the same debt of the same parties in the same words of law; only who
demands differs (the creditor itself, or a law firm for its client). The rules and the
terms' context are kept here once, so that a rule added for one letter holds for the
other too. Each rule cites its source where it is defined (``letter_rules``,
``letter_capacity``, ``guardian_rules``, ``guarantor_rules``, ``parts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docgen.documents.amount_checks import ResolvedAmounts
from docgen.documents.base import RuleOptions
from docgen.documents.guarantor_rules import check_letter_guarantors
from docgen.documents.guardian_rules import check_guardians, guarantor_locs
from docgen.documents.interest_periods import chronological
from docgen.documents.letter_amounts import (
    check_account_holder,
    check_letter_amounts,
    check_personal_payee,
    letter_amounts,
)
from docgen.documents.letter_assent import check_adult_ratification, check_guardian_assent
from docgen.documents.letter_capacity import (
    binds_if,
    check_payment_deadline,
    contract_status,
    deadline_words,
    payment_deadline,
    pending_ratification,
    ratified,
    unratified,
)
from docgen.documents.letter_capacity_checks import check_contract_capacity
from docgen.documents.letter_copies import debtors_letter
from docgen.documents.letter_dates import check_letter_dates
from docgen.documents.letter_finding import check_capacity_basis, minor_warning_on_finding
from docgen.documents.letter_found_later import check_incapacity_evidence
from docgen.documents.letter_later import check_reservation, reservation
from docgen.documents.letter_penalty import check_letter_penalties, with_penalty_notes
from docgen.documents.letter_rules import (
    account_context,
    check_debtor_capacity,
    check_guarantee_contracts,
    check_not_in_future,
    check_payment_account,
)
from docgen.documents.letter_ward_age import check_ward_age
from docgen.documents.part_models import DebtAmounts
from docgen.documents.parts import (
    Latest,
    PaymentDeadline,
    amounts_context,
    check_amounts,
    check_contract_dates,
    check_guarantors,
    check_limitation,
    check_party,
    same_party,
)
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.guardianship import guardian_of
from docgen.domain.parties import Party
from docgen.domain.workdays import Deadline


@dataclass(frozen=True)
class Demander:
    """Who demands payment in a letter: the party, its field, and what the letter says
    when the debtor is that same party."""

    party: Party
    field: str
    same_as_debtor: str
    firm: str | None = None  # the law firm that writes for it (its account is not the client's)


def check_letter(result: Assessment, case: Any, demander: Demander, options: RuleOptions) -> None:
    """Every rule both letters are held to; computes the amounts and the deadline."""
    creditor, where = demander.party, (demander.field,)
    check_party(result, creditor, where)
    check_party(result, case.debtor, ("debtor",))
    check_not_in_future(result, case.letter_date, options.current_date(), ("letter_date",))
    # a contract the legal representative consented to or ratified, or the debtor himself
    # once of full age, needs no warning that it may wait on them (民法典 art. 145(1)); the
    # debtor's minority now still may
    contracted = None if ratified(case) else case.contract.signed_on
    check_debtor_capacity(result, case.debtor, ("debtor",), case.letter_date, contracted)
    check_ward_age(result, case)  # a guardian typed and no age: 民法典 arts. 17, 18, 24
    check_contract_capacity(result, case)
    check_capacity_basis(result, case)
    check_incapacity_evidence(result, case)  # what shows it lacking when signing
    minor_warning_on_finding(result, case)  # debtor_minor worded on the finding typed
    check_guardian_assent(result, case)
    check_adult_ratification(result, case)
    check_guardians(
        result,
        case.letter_date,
        (creditor, where),
        [(case.debtor, ("debtor",)), *guarantor_locs(case.guarantors)],
        age_told=[("debtor",)],
    )
    if case.payment_account is not None:
        account = case.payment_account.account_name
        check_payment_account(result, account, creditor, firm=demander.firm)
        check_account_holder(result, case.payment_account, creditor)
        check_personal_payee(result, case.payment_account, creditor)
    if same_party(creditor, case.debtor):
        result.error(("debtor",), "same_party", demander.same_as_debtor)
    check_guarantors(result, case.guarantors, [creditor, case.debtor], ("guarantors",))
    result.computed["amounts"] = check_amounts(
        result,
        case.amounts,
        ("amounts",),
        Latest(case.letter_date),
        case.contract,
        options.lpr_table,
    )
    check_letter_guarantors(result, case, result.computed["amounts"].total)
    check_guarantee_contracts(result, case.guarantors, case.guarantees)
    check_letter_amounts(result, case)
    check_letter_penalties(result, case, result.computed["amounts"], options.lpr_table)
    check_reservation(result, case)
    check_contract_dates(result, case.contract, case.letter_date)
    if case.next_step == "arbitration" and not case.arbitration_body:
        result.error(("arbitration_body",), "missing", "选择申请仲裁时，请填写仲裁机构名称")
    check_limitation(result, case.contract, case.prior_interruptions, case.letter_date)
    payment = check_payment_deadline(result, case)
    payment.compute(result, case.letter_date, options.calendar_fallback)
    check_letter_dates(result, case.letter_date, payment, options.current_date())


def demanded_terms(
    case: Any, assessment: Assessment, creditor: Party, we: str, sender: str
) -> dict[str, Any]:
    """The amounts (and their calculation sheets), the interest after their cut-off date,
    the deadline and the account to pay, as both letters print them; ``we`` is the
    creditor as the letter calls it (我方, 委托人), ``sender`` who sends the letters and
    will tell a guarantor of the ratification (我方, 本人, 本所)."""
    amounts, computed = letter_amounts(case, assessment.computed["amounts"])
    deadline = assessment.computed["deadline"]
    held = reservation(case, (amounts, computed), we)
    payment = payment_deadline(case)
    text = deadline_words(payment, payment.text(deadline))
    pending = pending_ratification(case)
    guarantor = case.recipient_role == "guarantor"
    condition = binds_if(case)  # once: owed_words words the demand on it too
    owed = owed_words(case, condition)
    return {
        "owed": owed,
        "amounts": _returned_rows(
            case,
            amounts,
            with_penalty_notes(case, amounts, computed, amounts_context(amounts, computed), we),
        ),
        "calculations": computed.sheets,
        "later_interest": held.text,
        # every running item the letter reserves stays out of the confirmed total
        "receipt_excludes": held.excludes,
        "deadline": {
            "text": text,
            "due": format_cn(deadline.due),
            "fallback": deadline.calendar_fallback,
            # the deadline's move past a holiday, in a sentence of its own (民法典 art. 203)
            "extension": payment.extension(deadline),
            **_debtors_deadline(case, payment, deadline, sender, owed["debt"]),
            "pay_by": _after_ratification(case.deadline, text, sender)
            if pending and guarantor
            else text,
        },
        # the contract awaits the guardian's ratification (民法典 art. 145): payment is
        # asked for if it is ratified
        "unratified": unratified(case),
        # the condition on which it binds, ratified or not (arts. 19, 145(1)): payment is
        # asked for, and suit named, on it
        "binds_if": condition,
        "account": account_context(case.payment_account.model_dump(), creditor),
    }


def _debtors_deadline(
    case: Any, payment: PaymentDeadline, deadline: Deadline, sender: str, debt: str
) -> dict[str, str]:
    """The debtor's deadline as a general guarantor's notice states it: a date the
    guarantor can read (one counted from the letters' date is the same in every copy);
    one counted from the debtor's receipt of its own letter is not dated, nor counted
    from a receipt the guarantor cannot know of: the notice says the debtor was asked
    to pay in a letter of the same date, and what follows if it does not pay as asked.
    ``debtor_letter`` is that sentence (or nothing), ``debtor_unpaid`` the condition;
    ``debt`` what is to be paid (上述债务, or 上述款项 under a contract not yet binding)."""
    if payment.counted_from == "letter_date":
        unpaid = f"未于{format_cn(deadline.due)}前（含当日）清偿{debt}"
        return {"debtor_letter": "", "debtor_unpaid": unpaid}
    if not getattr(case, "recipient_index", 0):
        # the debtor's own copy prints no notice: its context stays its number's alone
        # (pipeline.validation reuses it for the renumbered copy)
        return {"debtor_letter": "", "debtor_unpaid": f"未按该函要求清偿{debt}"}
    asker = "本所受委托人委托，" if sender == "本所" else sender
    sent = f"{asker}已于{format_cn(case.letter_date)}{debtors_letter(case)}"
    letter = f"{sent}要求{case.debtor.name}清偿{debt}。"
    return {"debtor_letter": letter, "debtor_unpaid": f"未按该函要求清偿{debt}"}


def _after_ratification(asked: PaymentDeadline, text: str, sender: str) -> str:
    """A joint guarantor's deadline while the contract awaits ratification: its own,
    counted from its receipt of its copy (``text``), and, should the contract be ratified
    only after that deadline, the user's days counted from its receipt of the sender's
    notice of the ratification. The guarantor's liability follows the main contract (民法典
    art. 682(1)), which binds only once ratified (art. 145(1)); the ratification period
    runs from the guardian's receipt (art. 145(2)), a day the guarantor cannot know, so
    neither deadline counts from it."""
    unit = "个工作日" if asked.kind == "working" else "日"
    return (
        f"{text}（届时该合同尚未获追认的，于收到{sender}关于其已获追认的通知之日起"
        f"{asked.days}{unit}内）"
    )


def address_label(recipient: Party) -> str:
    """「法定代理人地址」 where a ward's letter goes to the guardian's address (民法典 art.
    23: the guardian is the legal representative), so that no reader takes the address,
    printed under the ward's name and ID number, for the ward's own; else 「地址」."""
    guardian = guardian_of(recipient)
    return "法定代理人地址" if guardian is not None and guardian.address else "地址"


def owed_words(case: Any, condition: str) -> dict[str, str]:
    """How the letter names what it asks for.

    - ``verb``, ``sum``: a debt (尚欠…款项, 上述欠款), or, under a contract void from the
      start, what was obtained under it and is owed back (应返还…款项, 上述应返还款项:
      民法典 arts. 144, 157), for no debt arose from the contract; under a contract that
      waits on the legal representative (arts. 19, 145(1)) the sum is 上述款项, owed only
      on the condition ``if`` states.
    - ``if``: that condition before the amounts (「上述《借款合同》经追认的，」, or 「…有效的，」
      with no guardian asked), else nothing; ``condition`` is ``letter_capacity.binds_if``.
    - ``debt``: what a guarantor's copy calls what the debtor is to pay (上述债务, 上述款项).
    """
    if contract_status(case) == "void":
        return {"verb": "应返还", "sum": "应返还款项", "if": "", "debt": "上述应返还款项"}
    if condition:
        return {"verb": "尚欠", "sum": "款项", "if": f"{condition}的，", "debt": "上述款项"}
    return {"verb": "尚欠", "sum": "欠款", "if": "", "debt": "上述债务"}


RETURNED_LABEL = "已交付款项（应返还）"
"""The principal row of a contract void from the start: no loan principal arose, what was
handed over is owed back (民法典 arts. 144, 155, 157)."""


def _returned_rows(case: Any, printed: DebtAmounts, table: dict[str, Any]) -> dict[str, Any]:
    """The amounts table of the ``printed`` amounts; under a void contract its principal
    rows are labelled :data:`RETURNED_LABEL` (interest and penalty are refused there,
    ``void_contract_claim``)."""
    if contract_status(case) != "void":
        return table
    rows = [
        {**row, "label": RETURNED_LABEL} if printed.components[i].kind == "principal" else row
        for row, i in zip(table["rows"], chronological(printed), strict=True)
    ]
    return {**table, "rows": rows}


def later_interest(case: Any, resolved: tuple[DebtAmounts, ResolvedAmounts], we: str) -> str:
    """The sentence under the amounts on what runs on until payment (``letter_later``)."""
    return reservation(case, resolved, we).text


__all__ = ["Demander", "address_label", "check_letter", "demanded_terms", "later_interest"]
