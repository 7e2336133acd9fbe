"""One loan is priced the same in every document that prints its interest.

The loan: 100,000 lent on 2025-01-10 at 6% a year, due 2026-01-10, no overdue rate
agreed. The lending day is not counted (民法典 art. 201) and a one-year term ends on its
corresponding day (art. 202): in-term interest runs 2025-01-11 to 2026-01-10, 365 days,
100,000 × 6% = 6,000.00. Overdue interest runs at the in-term rate (法释〔2020〕17号
art. 28(2)(二)) from 2026-01-11 to 2026-10-31, 294 days: 100,000 × 6% × 294 / 365 =
4,832.876… → 4,832.88.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.layouts import name_for
from tests.support import load_fixture

LOAN = {
    "kind": "private_lending",
    "name": "借款合同",
    "signed_on": "2025-01-10",
    "due_date": "2026-01-10",
}
AMOUNTS = {
    "as_of": "2026-10-31",
    "components": [
        {"kind": "principal", "amount": "100000.00"},
        {
            "kind": "interest",
            "label": "借期内利息",
            "calculation": {
                "rate": {"kind": "annual", "value": "6"},
                "start": "2025-01-11",
                "end": "2026-01-10",
                "agreed_in": "《借款合同》第四条",
            },
        },
        {
            "kind": "interest",
            "label": "逾期利息",
            "calculation": {"rate": {"kind": "annual", "value": "6"}, "start": "2026-01-11"},
        },
    ],
}

# (type, sample, where the contract goes, where the amounts go)
DOCUMENTS = [
    ("demand_letter", "person_debtor", "contract", "amounts"),
    ("lawyer_letter", "person_debtor_auto_number", "contract", "amounts"),
    ("debt_confirmation", "person_debtor_with_plan", "origin", "amounts"),
    ("installment_agreement", "monthly_with_guarantor", "origin", "debt"),
    ("civil_complaint", "narrative_guarantor", "contract", "amounts"),
]


def _case(type_name: str, sample: str, contract_key: str, amounts_key: str) -> dict[str, Any]:
    data = copy.deepcopy(load_fixture(type_name, "valid", sample))
    data[contract_key].update(LOAN)
    data[amounts_key] = copy.deepcopy(AMOUNTS)
    if type_name == "debt_confirmation":  # its plan pays the new total: 106,000 + 4,832.88
        data["repayment_plan"][2]["amount"] = "30832.88"
    return data


def _printed(type_name: str, data: dict[str, Any]) -> tuple[list[Any], str]:
    doc = registry.get(type_name)
    case = doc.parse(data)
    assessment = doc.evaluate(case, RuleOptions(calendar_fallback=True))
    assert assessment.errors == []
    context = doc.build_context(case, assessment)
    layout = layouts.LAYOUTS[name_for(type_name, data.get("layout", ""))]
    text = "\n".join(paragraphs(layout.build(context)))
    return assessment.computed["amounts"].amounts, re.sub(r"\s+", "", text)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d[0])
def test_every_document_prices_the_loan_alike(document):
    amounts, text = _printed(document[0], _case(*document))
    assert [str(a) for a in amounts[1:3]] == ["6000.00", "4832.88"]
    assert "6,000.00" in text and "4,832.88" in text
    assert "6,016.44" not in text


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d[0])
def test_every_document_refuses_in_term_interest_from_the_lending_day(document):
    data = _case(*document)
    key = document[3]
    data[key]["components"][1]["calculation"]["start"] = "2025-01-10"
    doc = registry.get(document[0])
    errors = doc.evaluate(doc.parse(data), RuleOptions(calendar_fallback=True)).errors
    # (the debt confirmation's plan, made for 6,000.00, no longer adds up either)
    on_amounts = [p for p in errors if p.loc[0] == key]
    assert [(p.loc, p.code) for p in on_amounts] == [
        ((key, "components", 1, "calculation", "start"), "term_counted_twice")
    ]
    message = on_amounts[0].message
    assert "共366天" in message and "应自2025年1月11日起算" in message
