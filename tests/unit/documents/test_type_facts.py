"""What docgen asks a document type, answered by the type (``DocumentType`` fields).

The register, the batch and the filing bundle read these instead of keeping lists of
type names, so a type added later says its facts in one place.
"""

from __future__ import annotations

from datetime import date

import pytest

from docgen.batch.cases import recipient_of
from docgen.documents import registry
from docgen.documents.base import DocumentType
from docgen.register.interruptions import limitation_for
from docgen.register.models import Delivery, RegisteredDocument
from tests.support import load_fixture

LETTERS = ("demand_letter", "lawyer_letter", "debt_confirmation", "installment_agreement")


def test_a_delivered_demand_or_lawyer_letter_interrupts_limitation_and_nothing_else_does():
    interrupting = {t.name for t in registry.all_types() if t.interrupts_limitation}
    assert interrupting == {"demand_letter", "lawyer_letter"}


@pytest.mark.parametrize("name", LETTERS)
def test_a_letter_is_addressed_to_its_debtor(name):
    case = load_fixture(name, "valid", _first(name))
    assert registry.get(name).recipient_field == "debtor"
    assert recipient_of(name, case)["name"] == case["debtor"]["name"]


def test_a_court_filing_has_no_single_addressee():
    case = load_fixture("civil_complaint", "valid", _first("civil_complaint"))
    assert recipient_of("civil_complaint", case) == {}


def test_the_bundle_finds_its_evidence_list_and_complaints_by_asking_the_types():
    assert registry.evidence_list_type().name == "evidence_list"
    complaints = {t.name for t in registry.complaint_types()}
    assert "civil_complaint" in complaints
    assert "evidence_list" not in complaints


# a variant printed under a title of its own is named after it (a withdrawal on appeal)
OWN_TITLES = {"withdrawal_application": ("撤回上诉申请书",)}


def test_file_names_start_with_the_types_stem():
    for doc_type in registry.all_types():
        case = doc_type.parse(load_fixture(doc_type.name, "valid", _first(doc_type.name)))
        stems = (doc_type.stem, *OWN_TITLES.get(doc_type.name, ()))
        assert doc_type.filename(case).partition("-")[0] in stems, doc_type.name


def test_a_first_instance_withdrawal_is_named_by_the_types_stem():
    doc_type = registry.get("withdrawal_application")
    case = doc_type.parse(load_fixture(doc_type.name, "valid", "performed_fee_paid_only"))
    assert doc_type.filename(case).startswith("撤诉申请书-")


def test_a_type_that_says_nothing_is_an_ordinary_document(monkeypatch):
    base = registry.get("debt_confirmation")
    plain = DocumentType(
        name="plain_notice",
        title="通知书",
        model=base.model,
        assess=base.assess,
        build_context=base.build_context,
        filename=base.filename,
    )
    monkeypatch.setitem(registry._types, plain.name, plain)
    assert plain.stem == "通知书"
    assert not plain.interrupts_limitation and not plain.court_filing
    assert plain.bundle_part == "complaint"
    assert recipient_of(plain.name, {"debtor": {"name": "张三"}}) == {}


def _document(type_name: str, data: dict, delivered: date) -> RegisteredDocument:
    return RegisteredDocument(
        type_name=type_name, input_data=data, deliveries=[Delivery(delivered_on=delivered)]
    )


def test_the_register_reports_limitation_only_for_a_type_whose_delivery_interrupts_it():
    demand = load_fixture("demand_letter", "valid", _first("demand_letter"))
    status = limitation_for(_document("demand_letter", demand, date(2026, 3, 1)), date(2026, 4, 1))
    assert status is not None
    assert status.result.expires > date(2029, 2, 28)  # three years from the delivery (民法典 195)
    confirmation = load_fixture("debt_confirmation", "valid", _first("debt_confirmation"))
    other = _document("debt_confirmation", confirmation, date(2026, 3, 1))
    assert limitation_for(other, date(2026, 4, 1)) is None


def _fixture_names(name: str) -> list[str]:
    from tests.support import FIXTURES

    return sorted(
        p.stem for p in (FIXTURES / name / "valid").glob("*.json") if ".expect" not in p.name
    )


def _first(name: str) -> str:
    return _fixture_names(name)[0]
