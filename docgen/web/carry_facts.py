"""The facts a case shares across its documents, read from a case of any type.

Each type names the same facts its own way (债权人 / 委托人 / 原告 / 申请人 / 甲方; a letter's
amounts, a payment order's items, a settlement's suit); :func:`shared_facts` reads them
under one set of names so that :mod:`docgen.web.carry` can write them into another type.
Pure: no Flask.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from docgen.documents.contract_causes import cause_of

Case = dict[str, Any]

# a payment order's item kinds are the amount components' kinds, a fee being "other"
_ITEM_KINDS = {"principal": "principal", "interest": "interest", "penalty": "penalty"}


def _first_party(rows: Any) -> Any:
    if isinstance(rows, list) and rows and isinstance(rows[0], dict):
        return rows[0].get("party", rows[0])
    return None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_dict(value: Any) -> Case:
    return value if isinstance(value, dict) else {}


def _guarantors(case: Case) -> list[Any]:
    if isinstance(case.get("guarantors"), list):
        return list(case["guarantors"])
    if isinstance(case.get("guarantor"), dict):  # a settlement's one guarantor
        return [case["guarantor"]]
    return [
        d["party"]
        for d in _list(case.get("defendants"))
        if isinstance(d, dict) and d.get("role") == "guarantor" and "party" in d
    ]


def _guarantees(case: Case) -> list[Any]:
    """The guarantees, one per guarantor in order: a letter's, or a complaint's guarantors'."""
    if isinstance(case.get("guarantees"), list):
        return list(case["guarantees"])
    return [
        d.get("guarantee")
        for d in _list(case.get("defendants"))
        if isinstance(d, dict) and d.get("role") == "guarantor" and "party" in d
    ]


def _amounts(case: Case) -> Any:
    """A letter's or complaint's amounts; a payment order's items read as amounts."""
    if case.get("amounts"):
        return case["amounts"]
    items = [i for i in _list(case.get("items")) if isinstance(i, dict)]
    if not items:
        return None
    rows = [
        {k: v for k, v in i.items() if k in ("kind", "label", "amount") and v not in (None, "")}
        for i in items
    ]
    return {"as_of": case.get("application_date"), "components": rows}


def items_of(amounts: Any) -> list[Case]:
    """The typed amounts as a payment order's items (an amount computed from a rate is
    known only after validation, so it is left for the user to add)."""
    items = []
    for row in _list(as_dict(amounts).get("components")):
        if not isinstance(row, dict) or row.get("amount") in (None, ""):
            continue
        item = {"kind": _ITEM_KINDS.get(row.get("kind", ""), "other"), "amount": row["amount"]}
        if row.get("label"):
            item["label"] = row["label"]
        elif row.get("kind") == "fee":
            item["label"] = "费用"
        items.append(item)
    return items


def _evidence(case: Case) -> list[str]:
    names = []
    for row in _list(case.get("evidence")):
        name = row.get("name") if isinstance(row, dict) else row
        if isinstance(name, str) and name:
            names.append(name)
    return names


def interruptions(case: Case, delivered: Iterable[date] = ()) -> list[Case]:
    """The events that interrupted the limitation period as the case records them (its
    ``prior_interruptions``: an earlier letter's receipt, a payment, an acknowledgment),
    and the days this document reached the debtor (``delivered``, from the register: a
    demand interrupts the period once it reaches the debtor, 民法典 art. 195(1)), each once,
    by day."""
    rows = [
        {"kind": row["kind"], "day": row["day"]}
        for row in _list(case.get("prior_interruptions"))
        if isinstance(row, dict) and isinstance(row.get("kind"), str) and row.get("day")
    ]
    rows += [{"kind": "demand_delivered", "day": day.isoformat()} for day in delivered]
    once = {(row["kind"], str(row["day"])): row for row in rows}
    return sorted(once.values(), key=lambda row: str(row["day"]))


def assent(case: Case, key: str) -> Case | None:
    """The consent or ratification ``case`` records under ``key`` (``guardian_assent``,
    ``adult_ratification``: its kind and day), or None."""
    value = case.get(key)
    return dict(value) if isinstance(value, dict) and value.get("given_on") else None


def shared_facts(case: Case) -> Case:
    """The facts every collection document shares, whatever type ``case`` was typed as."""
    defendants = _list(case.get("defendants"))
    respondents = _list(case.get("respondents"))
    suit = as_dict(case.get("suit"))
    facts: Case = {
        "creditor": case.get("creditor")
        or case.get("client")
        or case.get("applicant")
        or _first_party(case.get("plaintiffs"))
        or _first_party(case.get("applicants")),
        "debtor": case.get("debtor")
        or case.get("respondent")
        or _first_party(defendants)
        or _first_party(respondents),
        "guarantors": _guarantors(case),
        "guarantees": _guarantees(case) if any(_guarantees(case)) else None,
        "contract": case.get("contract") or case.get("origin"),
        "amounts": _amounts(case),
        "payment_account": case.get("payment_account"),
        "court": case.get("court") or suit.get("court"),
        "case_number": case.get("case_number") or suit.get("case_number"),
        "claimed": suit.get("claimed") or as_dict(case.get("fee")).get("claim_amount"),
        "evidence": _evidence(case),
    }
    return {k: v for k, v in facts.items() if v not in (None, [], {}, "")}


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


def names(rows: Any) -> list[str]:
    out = []
    for row in _list(rows):
        party = row.get("party", row) if isinstance(row, dict) else None
        if isinstance(party, dict) and isinstance(party.get("name"), str):
            out.append(party["name"])
    return out


def dispute_of(facts: Case) -> str | None:
    """The cause of the contract the shared facts name, where its kind settles it."""
    contract = facts.get("contract")
    return cause_of(contract.get("kind")) if isinstance(contract, dict) else None


def case_ref(case: Case) -> Case:
    """The court, the cause and the parties a case names (a complaint's or an application's; a
    letter's creditor and debtor and guarantors)."""
    facts = shared_facts(case)
    plaintiffs = names(case.get("plaintiffs")) or names(case.get("applicants"))
    defendants = names(case.get("defendants")) or names(case.get("respondents"))
    if not plaintiffs:
        plaintiffs = names([facts.get("creditor")])
    if not defendants:
        defendants = names([facts.get("debtor"), *facts.get("guarantors", [])])
    ref: Case = {
        "court": case.get("court"),
        "cause": dispute_of(facts),  # the contract's kind settles it, else the user types it
        "plaintiffs": plaintiffs,
        "defendants": defendants,
    }
    return {k: v for k, v in ref.items() if v not in (None, [])}


def first_plaintiff(case: Case) -> Case:
    rows = case.get("plaintiffs") or case.get("applicants")
    return rows[0] if isinstance(rows, list) and rows and isinstance(rows[0], dict) else {}


def applicant_rows(case: Case) -> list[Case] | None:
    """The creditors as a court paper's applicants: a complaint's plaintiffs with their
    agents and service address, else the creditor alone."""
    rows = case.get("plaintiffs") or case.get("applicants")
    if isinstance(rows, list) and rows and all(isinstance(r, dict) and "party" in r for r in rows):
        return [{k: r[k] for k in ("party", "agents", "service") if r.get(k)} for r in rows]
    creditor = shared_facts(case).get("creditor")
    return [{"party": creditor}] if creditor else None


def respondent_parties(case: Case) -> list[Any] | None:
    """The debtors as a court paper's respondents: every defendant of a complaint, else
    the debtor and the guarantors."""
    for key in ("defendants", "respondents"):
        rows = _list(case.get(key))
        parties = [r.get("party", r) for r in rows if isinstance(r, dict)]
        if parties:
            return parties
    facts = shared_facts(case)
    found = ([facts["debtor"]] if facts.get("debtor") else []) + facts.get("guarantors", [])
    return found or None
