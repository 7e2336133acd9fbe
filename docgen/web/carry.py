"""Carry a case from one document to the next: the shared facts, filled into another type.

A case started as a demand letter goes on as a lawyer letter, a debt confirmation, a
complaint or a preservation application: the parties, the contract and the amounts are
the same facts under each type's own names (债权人 / 委托人 / 原告 / 申请人). Only those
facts are carried; what belongs to one document (its date, deadline, signatory) is not.
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
