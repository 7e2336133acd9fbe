"""Carry a case from one document to the next: the shared facts, filled into another type.

A case started as a demand letter goes on as a lawyer letter, a debt confirmation, a
complaint or a preservation application: the parties, the contract and the amounts are
the same facts under each type's own names (债权人 / 委托人 / 原告 / 申请人). Only those
facts are carried; what belongs to one document (its date, deadline, signatory) is not.
The papers filed with a complaint (power of attorney, law firm's letter, certificate of
the legal representative, service address confirmation) take the creditor, the court,
the parties and, from a complaint, its agents and service address.
Pure: no Flask.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

Case = dict[str, Any]

TARGETS = (
    "demand_letter",
    "lawyer_letter",
    "debt_confirmation",
    "civil_complaint",
    "preservation_application",
)
PAPERS = ("power_of_attorney", "firm_letter", "representative_certificate", "service_address")
"""Papers filed with a complaint: carried into from a case, never carried on from."""


def _first_party(rows: Any) -> Any:
    if isinstance(rows, list) and rows and isinstance(rows[0], dict):
        return rows[0].get("party", rows[0])
    return None


def shared_facts(case: Case) -> Case:
    """The facts every collection document shares, whatever type ``case`` was typed as."""
    defendants: list[Any] = case["defendants"] if isinstance(case.get("defendants"), list) else []
    guarantors = case.get("guarantors")
    if not isinstance(guarantors, list):
        guarantors = [
            d["party"]
            for d in defendants
            if isinstance(d, dict) and d.get("role") == "guarantor" and "party" in d
        ]
    respondents = case.get("respondents") if isinstance(case.get("respondents"), list) else []
    facts: Case = {
        "creditor": case.get("creditor")
        or case.get("client")
        or _first_party(case.get("plaintiffs"))
        or _first_party(case.get("applicants")),
        "debtor": case.get("debtor") or _first_party(defendants) or _first_party(respondents),
        "guarantors": guarantors,
        "contract": case.get("contract") or case.get("origin"),
        "amounts": case.get("amounts"),
        "payment_account": case.get("payment_account"),
    }
    return {k: v for k, v in facts.items() if v not in (None, [], {})}


def claim_total(amounts: Any) -> str | None:
    """The amount claimed: the stated total, else the sum of the typed components."""
    if not isinstance(amounts, dict):
        return None
    total = amounts.get("total")
    try:
        if total not in (None, ""):
            return str(Decimal(str(total)).quantize(Decimal("0.01")))
        rows = amounts.get("components") or []
        values = [
            Decimal(str(r["amount"])) for r in rows if isinstance(r, dict) and r.get("amount")
        ]
    except (InvalidOperation, KeyError, TypeError, ValueError):
        return None
    if not values or len(values) != len(rows):
        return None  # a computed component: the total is known only after validation
    return str(sum(values, Decimal(0)).quantize(Decimal("0.01")))


def carry(case: Case, target: str) -> Case:
    """A new ``target`` case holding the shared facts of ``case``."""
    if target in PAPERS:
        return carry_paper(case, target)
    facts = shared_facts(case)
    out: Case = {}
    creditor, debtor = facts.get("creditor"), facts.get("debtor")
    guarantors = facts.get("guarantors", [])
    if target in ("demand_letter", "debt_confirmation"):
        out.update(creditor=creditor, debtor=debtor)
    elif target == "lawyer_letter":
        out.update(client=creditor, debtor=debtor)
    elif target == "civil_complaint":
        out["plaintiffs"] = [{"party": creditor}] if creditor else None
        out["defendants"] = ([{"party": debtor, "role": "borrower"}] if debtor else []) + [
            {"party": g, "role": "guarantor", "guarantee": "joint"} for g in guarantors
        ] or None
    elif target == "preservation_application":
        out["applicants"] = [{"party": creditor}] if creditor else None
        out["respondents"] = ([debtor] if debtor else []) + list(guarantors) or None
        total = claim_total(facts.get("amounts"))
        out["claim_amount"] = total
        out["amount"] = total
    if target in ("demand_letter", "lawyer_letter") and guarantors:
        out["guarantors"] = guarantors
    if target in ("demand_letter", "lawyer_letter", "civil_complaint"):
        out["contract"] = facts.get("contract")
    if target == "debt_confirmation":
        out["origin"] = facts.get("contract")
    if target != "preservation_application":
        out["amounts"] = facts.get("amounts")
    if target in ("demand_letter", "lawyer_letter", "debt_confirmation"):
        out["payment_account"] = facts.get("payment_account")
    return {k: v for k, v in out.items() if v is not None}


def _names(rows: Any) -> list[str]:
    names = []
    for row in rows if isinstance(rows, list) else []:
        party = row.get("party", row) if isinstance(row, dict) else None
        if isinstance(party, dict) and isinstance(party.get("name"), str):
            names.append(party["name"])
    return names


def case_ref(case: Case) -> Case:
    """The court and the parties a case names (a complaint's or an application's; a
    letter's creditor and debtor and guarantors)."""
    facts = shared_facts(case)
    plaintiffs = _names(case.get("plaintiffs")) or _names(case.get("applicants"))
    defendants = _names(case.get("defendants")) or _names(case.get("respondents"))
    if not plaintiffs:
        plaintiffs = _names([facts.get("creditor")])
    if not defendants:
        defendants = _names([facts.get("debtor"), *facts.get("guarantors", [])])
    ref: Case = {"court": case.get("court"), "plaintiffs": plaintiffs, "defendants": defendants}
    return {k: v for k, v in ref.items() if v not in (None, [])}


def _first_plaintiff(case: Case) -> Case:
    rows = case.get("plaintiffs") or case.get("applicants")
    first = rows[0] if isinstance(rows, list) and rows and isinstance(rows[0], dict) else {}
    return first


def _agents(case: Case) -> list[Case]:
    """A complaint's agents of its first plaintiff, as the power of attorney names them."""
    agents = _first_plaintiff(case).get("agents")
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
            }
            out.append({k: v for k, v in row.items() if v is not None})
    return out


def carry_paper(case: Case, target: str) -> Case:
    """A paper filed with the complaint of ``case``: its creditor, court and parties."""
    creditor = shared_facts(case).get("creditor")
    name = creditor.get("name") if isinstance(creditor, dict) else None
    out: Case = {"case": case_ref(case) or None}
    if target == "power_of_attorney":
        out["principal"] = creditor
        agents = _agents(case)
        out["agents"] = agents or None
        first = _first_plaintiff(case).get("agents") or [{}]
        if isinstance(first[0], dict) and first[0].get("authority") in ("general", "special"):
            out["authority"] = first[0]["authority"]
    elif target == "firm_letter":
        out["client"] = name
    elif target == "representative_certificate":
        if isinstance(creditor, dict) and creditor.get("kind") == "organization":
            out["organization"] = creditor
    elif target == "service_address":
        out["party"] = name
        service = _first_plaintiff(case).get("service")
        if isinstance(service, dict):
            for key in ("address", "recipient", "phone", "electronic", "email"):
                out[key] = service.get(key)
            if service.get("electronic") and service.get("email"):
                out["ways"] = ["email"]
    return {k: v for k, v in out.items() if v is not None}
