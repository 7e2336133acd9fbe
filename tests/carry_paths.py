"""The documents of a case's path, each carried from a valid fixture of the one before,
and the facts only the user gives each target (shared by the unit and HTTP tests)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.support import load_fixture

Case = dict[str, Any]

SOURCES = {
    "demand_letter": "person_debtor",
    "lawyer_letter": "person_debtor_auto_number",
    "debt_confirmation": "person_debtor_with_plan",
    "civil_complaint": "elements_company_lender",
    "settlement_agreement": "mediation_statement_rows",
    "payment_order": "person_principal_and_interest",
}


def source(type_name: str) -> Case:
    return load_fixture(type_name, "valid", SOURCES[type_name])


def _debtor(carried: Case) -> str:
    for key in ("respondents", "defendants"):
        if carried.get(key):
            first = carried[key][0]
            return str(first.get("party", first)["name"])
    return str((carried.get("respondent") or carried["debtor"])["name"])


def _basic_court(carried: Case) -> str:
    """The basic-level court of the debtor's domicile in the fixtures used here."""
    return "福州市鼓楼区人民法院" if "福州" in _debtor_address(carried) else "北京市东城区人民法院"


def _debtor_address(carried: Case) -> str:
    for key in ("respondents", "defendants", "respondent", "debtor"):
        value = carried.get(key)
        if isinstance(value, list) and value:
            value = value[0].get("party", value[0])
        if isinstance(value, dict):
            return str(value.get("address", ""))
    return ""


ACCOUNT = {
    "account_name": "深圳市恒信商贸有限公司",
    "bank": "中国工商银行深圳福田支行",
    "account_number": "4000 0210 0910 0123 456",
}


# what the user types into each target, given what was carried (only USER_ONLY facts)
def _with_formulas(amounts: Case) -> Case:
    """The letter's amounts (person_debtor.json's loan) typed again as the papers a debtor
    signs need them: interest split at the due date, each charge with its formula."""
    computed = load_fixture("debt_confirmation", "valid", "person_debtor_with_plan")["amounts"]
    return dict(computed, as_of=amounts.get("as_of", computed["as_of"]))


FILLS: dict[str, Callable[[Case], Case]] = {
    "debt_confirmation": lambda c: {
        "confirm_date": "2026-11-25",
        "amounts": _with_formulas(c.get("amounts", {})),
    },
    "installment_agreement": lambda c: {
        "debt": _with_formulas(c.get("debt", {})),
        "agreement_date": "2026-11-25",
        "schedule": {"generate": {"count": 6, "frequency": "monthly", "first_due": "2027-01-31"}},
        "payment_account": ACCOUNT,
    },
    "civil_complaint": lambda c: {
        "filing_date": "2026-11-20",
        "court": _basic_court(c),
        "contract": {
            "kind": "private_lending",
            "name": "借款合同",
            "signed_on": "2025-01-10",
            "due_date": "2026-01-10",
        },
        "facts": "被告到期未还款，经催告仍未履行。",
        "evidence": [{"name": "借款合同", "source": "原告提供", "purpose": "证明借贷关系"}],
    },
    "payment_order": lambda c: {
        "application_date": "2026-11-20",
        "court": _basic_court(c),
        "facts": "被申请人到期未付款，经催告仍未履行。",
        "items": [
            item if item["kind"] == "principal" else {**item, "agreed": True} for item in c["items"]
        ],
        "counter_performance": False,
        "respondent_in_mainland": True,
        "respondent_reachable": True,
        "preservation_applied": False,
    },
    "preservation_application": lambda c: {
        "application_date": "2026-11-20",
        "court": _basic_court(c),
        "measures": ["freeze"],
        "property_leads": [
            {
                "kind": "bank_account",
                "owner": _debtor(c),
                "bank": "中国建设银行北京东四支行",
                "account_number": "6217 0000 1234 5678 901",
            }
        ],
        "facts": "被申请人到期未还款，可能转移财产，申请人申请财产保全。",
        "security": {
            "kind": "insurance",
            "provider": "中国平安财产保险股份有限公司",
            "amount": c.get("amount", "1000.00"),
        },
    },
    "withdrawal_application": lambda c: {
        "application_date": "2026-12-20",
        "case_number": "（2026）粤0304民初1234号",
        "reason": "settled",
        "fee": {**c.get("fee", {}), "paid": "2664.99"},
    },
    "settlement_agreement": lambda c: {
        "agreement_date": "2026-12-01",
        "suit": {**c.get("suit", {}), "case_number": "（2026）粤0304民初1234号"},
        "contract": c.get("contract")
        or {"name": "借款合同", "signed_on": "2025-01-10", "due_date": "2026-01-10"},
        "facts": "被告借款到期未还，原告已诉至法院。",
        "amount": "150000.00",
        "schedule": {"rows": [{"due_date": "2026-12-15", "amount": "150000.00"}]},
        "payment_account": ACCOUNT,
        "original_debt": "160000.00",
        "original_debt_date": "2026-11-30",
        "original_principal": "150000.00",
    },
    "enforcement_application": lambda c: {
        "application_date": "2026-11-20",
        "title": {
            "kind": "judgment",
            "issuer": c["court"],
            # a number of the issuing court: its code begins with the court's province's
            "case_number": "（2025）粤0304民初1234号"
            if c["court"].startswith("深圳")
            else "（2025）京0101民初1234号",
            "effective_date": "2025-03-20",
            "performance_deadline": "2025-03-30",
            "operative_part": "被告于本判决生效之日起十日内偿还原告借款本金100,000元。",
            **c.get("title", {}),
        },
        "outstanding": {"principal": "100000.00"},
    },
}


@dataclass(frozen=True)
class Step:
    source: str
    target: str

    def __str__(self) -> str:
        return f"{self.source}->{self.target}"


STEPS = [
    Step(letter, target)
    for letter in ("demand_letter", "lawyer_letter", "debt_confirmation")
    for target in ("civil_complaint", "payment_order", "preservation_application")
] + [
    Step("demand_letter", "debt_confirmation"),
    Step("demand_letter", "installment_agreement"),
    Step("lawyer_letter", "installment_agreement"),
    Step("debt_confirmation", "installment_agreement"),
    Step("civil_complaint", "preservation_application"),
    Step("civil_complaint", "withdrawal_application"),
    Step("civil_complaint", "settlement_agreement"),
    Step("civil_complaint", "enforcement_application"),
    Step("settlement_agreement", "enforcement_application"),
    Step("settlement_agreement", "withdrawal_application"),
    Step("payment_order", "civil_complaint"),
]


def filled(carried: Case, target: str, names: list[str]) -> Case:
    """``carried`` with the user's facts ``names`` (dotted for a group's field) typed in."""
    typed = FILLS[target](carried)
    out = dict(carried)
    for name in names:
        top = name.split(".")[0]
        out[top] = typed[top]
    return out
