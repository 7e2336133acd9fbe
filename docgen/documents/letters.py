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

from docgen.documents.base import RuleOptions
from docgen.documents.guarantor_rules import check_letter_guarantors
from docgen.documents.guardian_rules import check_guardians, guarantor_locs
from docgen.documents.letter_capacity import check_contract_capacity
from docgen.documents.letter_rules import (
    account_context,
    check_debtor_capacity,
    check_not_in_future,
    check_payment_account,
)
from docgen.documents.parts import (
    Latest,
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
from docgen.domain.parties import Party


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
    check_debtor_capacity(
        result, case.debtor, ("debtor",), case.letter_date, case.contract.signed_on
    )
    check_contract_capacity(result, case)
    check_guardians(
        result,
        case.letter_date,
        (creditor, where),
        [(case.debtor, ("debtor",)), *guarantor_locs(case.guarantors)],
    )
    if case.payment_account is not None:
        account = case.payment_account.account_name
        check_payment_account(result, account, creditor, firm=demander.firm)
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
    check_contract_dates(result, case.contract, case.letter_date)
    if case.next_step == "arbitration" and not case.arbitration_body:
        result.error(("arbitration_body",), "missing", "选择申请仲裁时，请填写仲裁机构名称")
    check_limitation(result, case.contract, case.prior_interruptions, case.letter_date)
    case.deadline.compute(result, case.letter_date, options.calendar_fallback)


def demanded_terms(case: Any, assessment: Assessment, creditor: Party) -> dict[str, Any]:
    """The amounts (and their calculation sheets), the deadline and the account to pay,
    as both letters print them."""
    computed = assessment.computed["amounts"]
    deadline = assessment.computed["deadline"]
    return {
        "amounts": amounts_context(case.amounts, computed),
        "calculations": computed.sheets,
        "deadline": {
            "text": case.deadline.text(deadline),
            "due": format_cn(deadline.due),
            "fallback": deadline.calendar_fallback,
        },
        "account": account_context(case.payment_account.model_dump(), creditor),
    }


__all__ = ["Demander", "check_letter", "demanded_terms"]
