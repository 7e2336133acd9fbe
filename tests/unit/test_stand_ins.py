"""Stand-ins for what a case misses: the rules run on the rest, a finding that hangs on a
missing value is not reported, and nothing the rules do on a stood-in case costs the
answer, with the sample cases or without them (docgen/pipeline/stand_ins.py,
schema_stand_ins.py, validation.py)."""

from __future__ import annotations

import copy
import logging
from pathlib import Path

import pytest

from docgen.config import Settings
from docgen.documents import registry
from docgen.documents.base import DocumentType
from docgen.pipeline.stand_ins import sample_cases, stand_in
from docgen.services import DocumentService
from tests.support import FIXTURES, load_fixture

PERSON = load_fixture("demand_letter", "valid", "person_debtor")
LETTER = registry.get("demand_letter")
SAMPLES = sample_cases(FIXTURES / "demand_letter" / "valid")


def _without(*path: str | int) -> dict:
    case = copy.deepcopy(PERSON)
    node = case
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]
    return case


def _found(service: DocumentService, case: dict) -> list[tuple]:
    return sorted((p.loc, p.code) for p in service.validate("demand_letter", case).problems)


def test_each_run_parses_and_only_the_stand_ins_differ():
    stand = stand_in(LETTER.model, _without("letter_date"), SAMPLES)
    assert stand is not None and stand.placed == [("letter_date",)]
    dates = [run["letter_date"] for run in stand.runs]
    assert dates[:3] == ["2026-11-20", "2006-11-20", "2046-11-20"]
    for run in stand.runs:
        LETTER.model.model_validate(run)
        assert {k: v for k, v in run.items() if k != "letter_date"} == _without("letter_date")
    assert stand.under(("letter_date",)) and not stand.under(("amounts", "as_of"))


def test_a_missing_group_is_stood_in_for_whole_and_its_rows_too():
    case = _without("signatory")
    case["amounts"]["components"][1].pop("kind")
    stand = stand_in(LETTER.model, case, SAMPLES)
    assert stand is not None
    assert sorted(stand.placed) == [("amounts", "components", 1, "kind"), ("signatory",)]


@pytest.fixture
def bare(tmp_path: Path) -> DocumentService:
    """A service of an install without the sample cases (no ``fixtures/`` folder)."""
    return DocumentService(Settings(data_dir=tmp_path, samples_dir=tmp_path / "none"))


def test_without_sample_cases_the_rules_still_run_on_the_rest(bare):
    case = _without("debtor", "name")
    case["contract"]["due_date"] = "2020-01-10"  # three years run before the letter
    assert _found(bare, case) == [
        # the sample's 违约金 names its clause but no rate (letter_penalty)
        (("amounts", "components", 2, "note"), "penalty_basis_missing"),
        (("contract", "due_date"), "limitation_may_have_expired"),
        (("contract", "signed_on"), "signed_after_due"),
        (("debtor", "name"), "missing"),
    ]


def test_without_sample_cases_a_finding_on_a_stood_in_value_is_not_reported(bare):
    # the limitation runs to the letter's date, which nobody typed
    case = _without("letter_date")
    case["contract"]["due_date"] = "2020-01-10"
    assert (("contract", "signed_on"), "signed_after_due") in _found(bare, case)
    assert (("contract", "due_date"), "limitation_may_have_expired") not in _found(bare, case)
    # the account holder is the creditor by name: a stood-in creditor's name says nothing
    assert _found(bare, _without("creditor")) == [
        (("amounts", "components", 2, "note"), "penalty_basis_missing"),
        (("creditor",), "missing"),
    ]


def test_without_samples_each_run_parses_and_the_stand_in_moves():
    stand = stand_in(LETTER.model, _without("letter_date"), [])
    assert stand is not None and stand.placed == [("letter_date",)]
    years = {run["letter_date"][:4] for run in stand.runs}
    assert len(years) == 3
    for run in stand.runs:
        LETTER.model.model_validate(run)


@pytest.mark.parametrize("doc_type", registry.all_types(), ids=lambda t: t.name)
def test_every_types_empty_case_is_stood_in_for_from_its_schema_alone(doc_type):
    # the neutral values (schema_stand_ins.TEXTS, DATES) must satisfy every model's checks
    stand = stand_in(doc_type.model, {}, [])
    assert stand is not None
    for run in stand.runs:
        doc_type.model.model_validate(run)


def test_a_choice_every_sample_shares_is_changed_in_the_other_runs():
    case = _without("amounts", "components", 1, "kind")
    stand = stand_in(LETTER.model, case, [PERSON])
    assert stand is not None
    kinds = [run["amounts"]["components"][1]["kind"] for run in stand.runs]
    assert kinds[0] == "interest" and len(set(kinds)) > 1


def test_the_rules_run_on_the_rest_of_a_case_missing_a_required_value(service):
    case = _without("debtor", "name")
    case["contract"]["due_date"] = "2024-01-10"
    found = _found(service, case)
    assert (("debtor", "name"), "missing") in found
    assert (("contract", "signed_on"), "signed_after_due") in found


def test_a_rule_failing_on_a_stood_in_case_is_logged_and_costs_nothing(
    service, monkeypatch, caplog
):
    def broken(self, case, options):
        raise RuntimeError("a rule's own bug")

    monkeypatch.setattr(DocumentType, "evaluate", broken)
    with caplog.at_level(logging.ERROR, logger="docgen.pipeline.validation"):
        assert _found(service, _without("debtor", "name")) == [(("debtor", "name"), "missing")]
        assert service.computed("demand_letter", _without("debtor", "name")) is None
    assert "the rules failed on a case with stand-ins" in caplog.text
