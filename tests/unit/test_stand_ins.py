"""Stand-ins for what a case misses: the rules run on the rest, a finding that hangs on a
missing value is not reported, and nothing the rules do on a stood-in case costs the
answer (docgen/pipeline/stand_ins.py, docgen/pipeline/validation.py)."""

from __future__ import annotations

import copy
import logging
from pathlib import Path

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


def test_without_samples_nothing_is_stood_in_and_only_the_schema_speaks(tmp_path: Path):
    assert stand_in(LETTER.model, _without("letter_date"), []) is None
    service = DocumentService(Settings(data_dir=tmp_path, samples_dir=tmp_path / "none"))
    case = _without("debtor", "name")
    case["contract"]["due_date"] = "2024-01-10"
    assert _found(service, case) == [(("debtor", "name"), "missing")]


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
