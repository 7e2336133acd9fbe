"""Carried facts of the court papers that follow a letter or a complaint.

A payment order takes a letter's creditor, debtor, amounts (as items), contract and
evidence; a withdrawal, a settlement and an enforcement application take a complaint's
court, parties and claim, and the fee the complaint paid. Pure: no Flask.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.problems import CaseInvalid
from docgen.domain.dates import format_cn
from docgen.web.carry_facts import (
    Case,
    applicant_rows,
    as_dict,
    claim_total,
    dispute_of,
    items_of,
    respondent_parties,
    shared_facts,
)

# 案由 of the contract kinds (民事案件案由规定): what a complaint's contract was about


def _basis(contract: Any) -> str | None:
    """The contract as a payment order's 债权依据: 2025年1月10日签订的《借款合同》."""
    if not isinstance(contract, dict) or not contract.get("name"):
        return None
    named = f"《{contract['name']}》"
    try:
        signed = date.fromisoformat(str(contract.get("signed_on")))
    except ValueError:
        return named
    return f"{format_cn(signed)}签订的{named}"


def _exhibits(case: Case, names: list[str]) -> list[Case]:
    """The exhibits as a payment order lists them: a complaint's with their sources and
    purposes, others by name (the source left to the user)."""
    rows = case.get("evidence")
    kept = ("name", "source", "purpose")
    detailed = {
        row["name"]: {k: row[k] for k in kept if row.get(k)}
        for row in (rows if isinstance(rows, list) else [])
        if isinstance(row, dict) and row.get("name")
    }
    return [detailed.get(name, {"name": name}) for name in names]


def payment_order(case: Case) -> Case:
    facts = shared_facts(case)
    contract = as_dict(facts.get("contract"))
    named = f"《{contract['name']}》" if contract.get("name") else None
    evidence = _exhibits(case, facts.get("evidence") or ([named] if named else []))
    return {
        "applicant": facts.get("creditor"),
        "respondent": facts.get("debtor"),
        "items": items_of(facts.get("amounts")) or None,
        "due_date": contract.get("due_date"),
        # a private loan's interest is capped by the LPR when the contract was made
        "contract_kind": contract.get("kind"),
        "signed_on": contract.get("signed_on"),
        "basis": _basis(contract),
        "evidence": evidence or None,
    }


def complaint_figures(case: Case) -> Case:
    """What a complaint's own rules compute: the amount claimed (a computed interest
    included), the acceptance fee paid in advance (诉讼费用交纳办法 arts. 13, 16) and its
    procedure; the typed amounts alone while the complaint is incomplete."""
    figures: Case = {
        "claimed": claim_total(shared_facts(case).get("amounts")),
        "procedure": "ordinary" if case.get("procedure", "ordinary") == "ordinary" else "summary",
    }
    if not case.get("plaintiffs"):
        return figures
    doc_type = registry.get("civil_complaint")
    try:
        computed = doc_type.assess(doc_type.parse(case), RuleOptions()).computed
    except CaseInvalid:
        return figures
    resolved, fee = computed.get("amounts"), computed.get("court_fee")
    if resolved is not None and resolved.total > 0:
        figures["claimed"] = str(resolved.total)
    if fee is not None:
        figures["paid"] = str(fee.fee)
    return figures


def withdrawal(case: Case) -> Case:
    facts = shared_facts(case)
    figures = complaint_figures(case)
    fee: Case = {"claim_amount": figures["claimed"] or facts.get("claimed")}
    if case.get("plaintiffs"):  # a complaint's fee; a settlement does not know it
        fee.update(paid=figures.get("paid"), procedure=figures["procedure"])
    suit = as_dict(case.get("suit"))
    return {
        "court": facts.get("court"),
        "case_number": facts.get("case_number"),
        "dispute": suit.get("dispute") or dispute_of(facts),
        "applicants": applicant_rows(case),
        "defendants": respondent_parties(case),
        # a settlement is why its suit is withdrawn
        "reason": "settled" if case.get("suit") else None,
        "fee": {k: v for k, v in fee.items() if v is not None} or None,
    }


def settlement(case: Case) -> Case:
    facts = shared_facts(case)
    guarantors = facts.get("guarantors") or [None]
    suit = {
        "dispute": dispute_of(facts),
        "court": facts.get("court"),
        "case_number": facts.get("case_number"),
        "claimed": complaint_figures(case)["claimed"] or facts.get("claimed"),
    }
    return {
        "creditor": facts.get("creditor"),
        "debtor": facts.get("debtor"),
        "guarantor": guarantors[0],  # a settlement has room for one guarantor
        "suit": {k: v for k, v in suit.items() if v is not None} or None,
        "contract": facts.get("contract"),  # the debt settled, the release's scope
        "payment_account": facts.get("payment_account"),
    }


def enforcement(case: Case) -> Case:
    """Parties and court; the instrument enforced is the court's, typed by the user,
    except a settlement's mediation statement, which bears its suit's number. The cause
    is the suit's, as its instrument states it."""
    facts = shared_facts(case)
    court = facts.get("court")
    outcome = as_dict(case.get("outcome"))
    cause = as_dict(case.get("suit")).get("dispute") or dispute_of(facts)
    title: Case = {"issuer": court, "cause": cause}
    if outcome.get("kind") == "mediation":
        title.update(kind="mediation", case_number=facts.get("case_number"))
    return {
        "court": court,
        "applicants": applicant_rows(case),
        "respondents": _enforced(case),
        "title": {k: v for k, v in title.items() if v is not None} or None,
    }


# a guarantor's guarantee as the enforcement's liability: a joint guarantor is liable
# jointly (民法典 art. 688), a general one only for what enforcing the debtor's property
# leaves unpaid (art. 687(2)), and a guarantee that states neither is a general one
# (art. 686(2)); a settlement's guarantor (丙方) guarantees jointly
_GUARANTEE_LIABILITY = {"joint": "joint", "general": "general_guarantee"}


def _enforced(case: Case) -> list[Any] | None:
    """The respondents, each guarantor with the liability its guarantee gives him
    (``enforcement_liability``) rather than as a debtor asked for the whole; the instrument
    states it, so the user checks it against the operative part."""
    parties = respondent_parties(case)
    if parties is None:
        return None
    facts = shared_facts(case)
    guarantees = facts.get("guarantees") or []
    kinds: dict[str, str] = {}
    for i, guarantor in enumerate(facts.get("guarantors", [])):
        given = as_dict(guarantees[i] if i < len(guarantees) else None)
        if not given and isinstance(case.get("guarantor"), dict):
            kind = "joint"
        elif not given:
            continue
        else:
            kind = _GUARANTEE_LIABILITY.get(given.get("type") or "", "general_guarantee")
        kinds[as_dict(guarantor).get("name") or ""] = kind
    return [_with_liability(p, kinds) for p in parties]


def _with_liability(party: Any, kinds: dict[str, str]) -> Any:
    name = as_dict(party).get("name")
    if not isinstance(name, str) or name not in kinds:
        return party
    return {**party, "liability": {"kind": kinds[name]}}
