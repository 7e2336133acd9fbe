"""Carry a case from one document to the next: the shared facts, filled into another type.

A case started as a demand letter goes on as a complaint or a payment order, then as a
preservation application, a settlement, a withdrawal or an enforcement application: the
parties, the contract, the amounts and the court are the same facts under each type's own
names (:mod:`docgen.web.carry_facts`). Only those facts are carried; what belongs to one
document (its date, deadline, signatory, the court's judgment) is the user's to give:
:data:`USER_ONLY` lists it per target, and :data:`NEXT` lists which document may follow
which. The papers filed with a complaint take the creditor, the court, the parties and,
from a complaint, its agents and service address. A letter, a confirmation or an
installment agreement also takes the limitation interruptions the case recorded and the
days the earlier demand reached the debtor (:data:`INTERRUPTED`); a letter, the consent or
ratification that made the debtor's contract valid (:data:`RATIFIED`). Pure: no Flask.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, get_args

from pydantic import BaseModel

from docgen.documents import registry
from docgen.documents.service_address import guardian_fields
from docgen.documents.signed_amounts import formula_required
from docgen.web.carry_court import (
    complaint_figures,
    enforcement,
    payment_order,
    settlement,
    withdrawal,
)
from docgen.web.carry_facts import (
    Case,
    applicant_rows,
    assent,
    case_ref,
    claim_total,
    dispute_of,
    first_plaintiff,
    interruptions,
    respondent_parties,
    shared_facts,
)

__all__ = [
    "AGREEMENTS",
    "ASKED_WHEN",
    "ASKED_WHY",
    "ASSENTS",
    "INTERRUPTED",
    "NEXT",
    "PAPERS",
    "RATIFIED",
    "TARGETS",
    "USER_ONLY",
    "carry",
    "claim_total",
    "shared_facts",
    "to_fill",
]

LETTERS = ("demand_letter", "lawyer_letter", "debt_confirmation")
TARGETS = (*LETTERS, "civil_complaint", "preservation_application")
"""The documents that both start a case and follow one."""
PAPERS = ("power_of_attorney", "firm_letter", "representative_certificate", "service_address")
"""Papers filed with a complaint: carried into from a case, never carried on from."""

AGREEMENTS = ("installment_agreement",)
"""Documents a case is carried into but not from: the repayment plan the debtor signs."""
_AFTER_LETTER = (*LETTERS, *AGREEMENTS, *TARGETS[len(LETTERS) :], "payment_order", *PAPERS)
_AFTER_COMPLAINT = (
    *TARGETS,
    *PAPERS,
    "withdrawal_application",
    "settlement_agreement",
    "enforcement_application",
)
NEXT: dict[str, tuple[str, ...]] = {
    **{letter: tuple(t for t in _AFTER_LETTER if t != letter) for letter in LETTERS},
    "civil_complaint": tuple(t for t in _AFTER_COMPLAINT if t != "civil_complaint"),
    "preservation_application": (*LETTERS, "civil_complaint", *PAPERS),
    # a debtor's objection ends the payment order procedure and the case goes to suit
    # (民事诉讼法 art. 228)
    "payment_order": ("civil_complaint", *PAPERS),
    # a settlement in suit is followed by the withdrawal, or its mediation statement by
    # enforcement when the debtor defaults
    "settlement_agreement": ("withdrawal_application", "enforcement_application"),
}
"""(from, to): the documents offered after each type, in the order they are offered."""

USER_ONLY: dict[str, tuple[str, ...]] = {
    "demand_letter": ("letter_date", "deadline", "signatory"),
    "lawyer_letter": ("letter_date", "deadline", "payment_account"),
    "debt_confirmation": ("confirm_date",),
    "installment_agreement": ("agreement_date", "schedule", "payment_account"),
    "civil_complaint": ("filing_date", "court", "contract", "facts", "evidence"),
    "preservation_application": (
        "application_date",
        "court",
        "measures",
        "property_leads",
        "facts",
        "security",
    ),
    # the conditions of acceptance the applicant states to the court (民诉法解释 art. 427),
    # and for each item beside the principal whether the documents agree it (art. 428(2))
    "payment_order": (
        "application_date",
        "court",
        "facts",
        "counter_performance",
        "respondent_in_mainland",
        "respondent_reachable",
        "preservation_applied",
    ),
    "withdrawal_application": ("application_date", "case_number", "reason", "fee.paid"),
    "settlement_agreement": (
        "agreement_date",
        "suit.case_number",
        "contract",
        "facts",
        "amount",
        "schedule",
        "payment_account",
        # the concession lapses on default unless keeping it is chosen: the original debt
        # as the debtor confirms it (settlement_concession)
        "original_debt",
        "original_debt_date",
        "original_principal",
    ),
    "enforcement_application": ("application_date", "court", "title", "outstanding"),
    "power_of_attorney": ("sign_date",),
    "firm_letter": ("letter_date", "firm", "lawyers"),
    "representative_certificate": ("position", "issue_date"),
    "service_address": ("sign_date",),
}
"""The facts of each target only its user can give: a date, the court's instrument, the
terms agreed; a carried case is complete once they are filled. A dotted name is a field
of a group (``fee.paid``)."""
WHEN_UNKNOWN = frozenset(
    {"court", "case_number", "suit.case_number", "contract", "fee.paid", "payment_account"}
)
"""User-only facts a case may already know: a complaint's court and fee, a settlement's
case number, a letter's contract and account; asked for only when not carried."""


def _letter(facts: Case, creditor_key: str, contract_key: str = "contract") -> Case:
    out: Case = {creditor_key: facts.get("creditor"), "debtor": facts.get("debtor")}
    out[contract_key] = facts.get("contract")
    out["amounts"] = facts.get("amounts")
    out["payment_account"] = facts.get("payment_account")
    if creditor_key in ("creditor", "client") and contract_key == "contract":
        out["guarantors"] = facts.get("guarantors") or None
        out["guarantees"] = facts.get("guarantees")
    else:
        out["origin_guarantors"] = _guarantor_names(facts)
    return out


def _guarantor_names(facts: Case) -> list[str] | None:
    """The original contract's guarantors, as a paper the debtor signs names them: whether
    each also signs it (丙方) is the user's choice, and one who does not keeps the
    guarantee period it had (民法典 art. 695(2))."""
    names = [g.get("name") for g in facts.get("guarantors", []) if isinstance(g, dict)]
    return [name for name in names if name] or None


def _installment(case: Case) -> Case:
    """The agreement's parties, the contract the debt arose from and the amounts it
    confirms: the letter's (or the confirmation's)."""
    facts = shared_facts(case)
    out: Case = {"creditor": facts.get("creditor"), "debtor": facts.get("debtor")}
    out["origin"] = facts.get("contract")
    out["debt"] = facts.get("amounts")
    out["payment_account"] = facts.get("payment_account")
    out["origin_guarantors"] = _guarantor_names(facts)
    return out


def _complaint(case: Case) -> Case:
    facts = shared_facts(case)
    creditor, debtor = facts.get("creditor"), facts.get("debtor")
    # a letter's guarantee of each guarantor (its type, period, when it was claimed);
    # joint when the letter stated none
    guarantees = facts.get("guarantees") or []
    borrower = {"party": debtor, "role": "borrower", **_assent_of(case)}
    defendants = ([borrower] if debtor else []) + [
        {
            "party": g,
            "role": "guarantor",
            "guarantee": guarantees[i] if i < len(guarantees) and guarantees[i] else "joint",
        }
        for i, g in enumerate(facts.get("guarantors", []))
    ]
    return {
        # a payment order's court hears the suit its objection starts (民事诉讼法 art. 228)
        "court": facts.get("court"),
        "plaintiffs": [{"party": creditor}] if creditor else None,
        "defendants": defendants or None,
        "contract": facts.get("contract"),
        "amounts": facts.get("amounts"),
    }


def _assent_of(case: Case) -> Case:
    """How a letter's contract made by a minor binds the debtor, as the complaint's
    defendant states it (its form, which a letter does not record, left to the user)."""
    guardian, adult = assent(case, "guardian_assent"), assent(case, "adult_ratification")
    out: Case = {}
    if guardian is not None and guardian.get("kind") in ("consent", "ratification"):
        out = {"contract_assent": guardian["kind"], "contract_assent_on": guardian["given_on"]}
    if adult is not None:
        out["adult_ratification"] = adult
    return out


def _preservation(case: Case) -> Case:
    facts = shared_facts(case)
    total = complaint_figures(case)["claimed"] or facts.get("claimed")
    in_suit = bool(case.get("plaintiffs"))  # a complaint's case is already in suit
    return {
        "court": facts.get("court") if in_suit else None,
        "stage": "in_suit" if in_suit else None,
        "dispute": dispute_of(facts),  # the contract's kind settles the cause, else typed
        "applicants": applicant_rows(case),
        "respondents": respondent_parties(case),
        "claim_amount": total,
        "amount": total,
    }


_BUILDERS: dict[str, Callable[[Case], Case]] = {
    "demand_letter": lambda c: _letter(shared_facts(c), "creditor"),
    "lawyer_letter": lambda c: _letter(shared_facts(c), "client"),
    "debt_confirmation": lambda c: _letter(shared_facts(c), "creditor", "origin"),
    "installment_agreement": _installment,
    "civil_complaint": _complaint,
    "preservation_application": _preservation,
    "payment_order": payment_order,
    "withdrawal_application": withdrawal,
    "settlement_agreement": settlement,
    "enforcement_application": enforcement,
}


INTERRUPTED = (*LETTERS, *AGREEMENTS)
"""The targets that judge the limitation period from the case's interruptions
(``prior_interruptions``): a letter warns when it may have run, an agreement signed after
it says that the debtor waives it. Each is given the interruptions the case recorded and
the days the document carried from reached the debtor, so that none is typed again."""


RATIFIED = ("demand_letter", "lawyer_letter")
"""The targets that state how a contract the debtor made as a minor was made valid: the
legal representative's consent or ratification (``guardian_assent``) or the debtor's own
once of full age (``adult_ratification``), facts of the contract, not of one letter. A
letter carried without them would call on the guardian to ratify again, or demand payment
only if the contract is valid, of a contract already ratified (民法典 art. 145(1))."""
ASSENTS = ("guardian_assent", "adult_ratification")


def carry(case: Case, target: str, delivered: Iterable[date] = ()) -> Case:
    """A new ``target`` case holding the shared facts of ``case``; ``delivered``: the days
    the document ``case`` was typed as reached the debtor (its register's deliveries)."""
    # a registered case holds every optional field as null: carried, each would be a field
    # the user must clear, and the target may not know it at all
    case = {k: without_nulls(v) for k, v in case.items() if v is not None}
    if target in PAPERS:
        return carry_paper(case, target)
    out = _BUILDERS[target](case)
    if target in INTERRUPTED:
        out["prior_interruptions"] = interruptions(case, delivered) or None
    if target in RATIFIED:
        out.update({key: assent(case, key) for key in ASSENTS})
    if isinstance(out.get("payment_account"), dict):
        out["payment_account"] = _account_for(target, out["payment_account"])
    return {k: without_nulls(v) for k, v in out.items() if v is not None}


def without_nulls(value: Any) -> Any:
    """``value`` without the keys (at any depth) whose value is None."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def _account_for(target: str, account: Case) -> Case:
    """``account`` with only the keys the target's account has: why a third party holds
    a letter's account (``holder_relation``) and its authorisation are facts of a
    letter's demand (letter_amounts); an agreement's parties agree the account anew."""
    field = registry.get(target).model.model_fields.get("payment_account")
    model = _model_in(field.annotation) if field is not None else None
    if model is None:
        return account
    return {k: v for k, v in account.items() if k in model.model_fields}


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model of a field typed ``Model`` or ``Model | None``."""
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _agents(case: Case) -> list[Case]:
    """A complaint's agents of its first plaintiff, as the power of attorney names them."""
    agents = first_plaintiff(case).get("agents")
    out = []
    for agent in agents if isinstance(agents, list) else []:
        if isinstance(agent, dict) and agent.get("name"):
            lawyer = agent.get("position", "律师") == "律师"
            row = {
                "name": agent["name"],
                "kind": "lawyer" if lawyer else "employee",
                "firm": agent.get("firm") if lawyer else None,
                "relation": None if lawyer else agent.get("position"),
                "phone": agent.get("phone"),
                "license_number": agent.get("license_number"),
            }
            out.append({k: v for k, v in row.items() if v is not None})
    return out


def _own_authorities(complaint: list[Any], agents: list[Case]) -> None:
    """Agents the complaint gives different authorities each carry their own into the
    power of attorney, which prints a block per agent (``agent_grants``)."""
    named = [a for a in complaint if isinstance(a, dict) and a.get("name")]
    kinds = {a.get("authority") for a in named} - {None}
    if len(kinds) < 2 or len(named) != len(agents):
        return
    for source, agent in zip(named, agents, strict=True):
        if source.get("authority") in ("general", "special"):
            agent["authority"] = source["authority"]


def carry_paper(case: Case, target: str) -> Case:
    """A paper filed with the complaint of ``case``: its creditor, court and parties."""
    creditor = shared_facts(case).get("creditor")
    name = creditor.get("name") if isinstance(creditor, dict) else None
    out: Case = {"case": case_ref(case) or None}
    if target == "power_of_attorney":
        out["principal"] = creditor
        agents = _agents(case)
        out["agents"] = agents or None
        first = first_plaintiff(case).get("agents") or [{}]
        if isinstance(first[0], dict) and first[0].get("authority") in ("general", "special"):
            out["authority"] = first[0]["authority"]
        _own_authorities(first, agents)
    elif target == "firm_letter":
        out["client"] = name
    elif target == "representative_certificate":
        if isinstance(creditor, dict) and creditor.get("kind") == "organization":
            out["organization"] = creditor
    elif target == "service_address":
        out["party"] = name
        # a ward confirms through its 法定代理人, who signs (民事诉讼法 art. 60); an
        # organisation seals, its 负责人 signs
        guardian = creditor.get("guardian") if isinstance(creditor, dict) else None
        out.update(guardian_fields(guardian) if isinstance(guardian, dict) else {})
        service = first_plaintiff(case).get("service")
        if isinstance(service, dict):
            for key in ("address", "recipient", "phone", "electronic", "email"):
                out[key] = service.get(key)
            if service.get("electronic") and service.get("email"):
                out["ways"] = ["email"]
    return {k: v for k, v in out.items() if v is not None}


def _charges_without_formula(key: str) -> Callable[[Case], bool]:
    """Whether the amounts under ``key`` hold a charge with only a note that the papers a
    debtor signs refuse without its formula (``signed_amounts.formula_required``)."""

    def needed(case: Case) -> bool:
        amounts, origin = case.get(key), case.get("origin")
        components = amounts.get("components", []) if isinstance(amounts, dict) else []
        contract_kind = origin.get("kind", "other") if isinstance(origin, dict) else "other"
        return any(
            isinstance(c, dict)
            and formula_required(str(c.get("kind")), str(contract_kind))
            and not c.get("calculation")
            for c in components
        )

    return needed


def _items_unconfirmed(case: Case) -> bool:
    """Whether the items are missing, or one beside the principal is not answered as
    agreed (``agreed``, 民诉法解释 art. 428(2)): a letter or complaint carried does not say."""
    items = case.get("items")
    if not isinstance(items, list):
        return True
    return any(
        isinstance(i, dict) and i.get("kind") != "principal" and i.get("agreed") is None
        for i in items
    )


ASKED_WHEN: dict[str, dict[str, Callable[[Case], bool]]] = {
    # a demand letter to guarantors numbers each copy from the letter's number, which
    # has no series to come from (demand_letter._check_number)
    "demand_letter": {"letter_number": lambda c: bool(c.get("guarantors"))},
    # a letter's charge told by a note is typed again with its base, rate and period
    "debt_confirmation": {"amounts": _charges_without_formula("amounts")},
    "installment_agreement": {"debt": _charges_without_formula("debt")},
    # a payment order's interest, penalty or other item needs its agreement confirmed
    "payment_order": {"items": _items_unconfirmed},
    # a complaint's recipient other than the party is a designated 代收人, whose
    # relationship to the party the confirmation must state (service_address)
    "service_address": {
        "recipient_relation": lambda c: c.get("recipient") not in (None, "", c.get("party")),
    },
}
"""Facts of a target only its user can give, asked only when what was carried needs them."""
_FORMULAS = "利息、违约金须补填计算方式（计息基数、利率或标准、起止日期）"
ASKED_WHY = {
    "letter_number": "本函分别致债务人和保证人，各份的编号由此生成",
    "amounts": _FORMULAS,
    "debt": _FORMULAS,
    "recipient_relation": "代收人不是当事人本人",
    "items": "本金以外的各项须确认合同有约定（民诉法解释第四百二十八条第二项）",
}
"""Why each of :data:`ASKED_WHEN`'s facts is asked, shown beside it on the page."""


def to_fill(target: str, carried: Case | None = None) -> list[str]:
    """The fields of ``target`` a case carried as ``carried`` leaves to its user (a court
    or a case number only when the case did not know it yet; :data:`ASKED_WHEN`'s when
    the case makes them needed)."""
    known = carried or {}
    names = [
        name
        for name in USER_ONLY.get(target, ())
        if name not in WHEN_UNKNOWN or _value(known, name) in (None, "", [], {})
    ]
    return names + [name for name, needed in ASKED_WHEN.get(target, {}).items() if needed(known)]


def _value(case: Case, dotted: str) -> Any:
    value: Any = case
    for key in dotted.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value
