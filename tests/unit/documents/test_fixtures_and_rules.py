"""Every document type's fixtures behave as declared, and the demand letter's rules hold."""

from __future__ import annotations

import copy
import re
from datetime import date

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.problems import CaseInvalid
from tests.support import RULES_TODAY, fixture_cases, load_fixture

CJK = re.compile(r"[\u4e00-\u9fff]")
OPTIONS = RuleOptions(calendar_fallback=True, today=RULES_TODAY)


def _problems(type_name: str, data: object, options: RuleOptions = OPTIONS) -> list:
    doc_type = registry.get(type_name)
    try:
        case = doc_type.parse(data)
    except CaseInvalid as exc:
        return exc.problems
    return doc_type.evaluate(case, options).problems


def _error_locs(problems: list) -> list[tuple]:
    return sorted(p.loc for p in problems if p.severity == "error")


@pytest.mark.parametrize("case", fixture_cases("valid"), ids=str)
def test_valid_fixture_has_no_errors(case):
    assert _error_locs(_problems(case.type_name, case.data)) == []


def _reported(service, case) -> list:
    """Every problem a user is told of: the schema's, and the rules' on what was filled."""
    return service.validate(case.type_name, case.data).problems


@pytest.mark.parametrize("case", fixture_cases("invalid"), ids=str)
def test_invalid_fixture_fails_exactly_at_its_expected_fields(case, service):
    assert case.expected_locs is not None, f"{case.path} needs a .expect.json"
    assert _error_locs(_reported(service, case)) == list(case.expected_locs)


# an empty list says the case warns of nothing: it is checked too
WARNED = [
    c for c in fixture_cases("valid") + fixture_cases("invalid") if c.expected_warnings is not None
]


@pytest.mark.parametrize("case", WARNED, ids=str)
def test_fixture_warns_exactly_as_its_expect_file_says(case, service):
    problems = _reported(service, case)
    warnings = sorted((p.loc, p.code) for p in problems if p.severity == "warning")
    assert warnings == list(case.expected_warnings)
    assert all(CJK.search(p.message) for p in problems)


@pytest.mark.parametrize("case", fixture_cases("invalid"), ids=str)
def test_every_error_message_is_written_in_chinese(case, service):
    for problem in _reported(service, case):
        assert CJK.search(problem.message), problem


def test_every_document_type_has_valid_and_invalid_fixtures():
    for doc_type in registry.all_types():
        kinds = {
            c.path.parent.name
            for c in fixture_cases("valid") + fixture_cases("invalid")
            if c.type_name == doc_type.name
        }
        assert kinds == {"valid", "invalid"}, doc_type.name


def _letter(**changes):
    data = copy.deepcopy(load_fixture("demand_letter", "valid", "person_debtor"))
    for dotted, value in changes.items():
        target = data
        *parents, leaf = dotted.split("__")
        for key in parents:
            target = target[key]
        target[leaf] = value
    return data


def _other_warnings(result):
    """The warnings but the base letters' own: their 违约金 states no rate
    (penalty_basis_missing, test_letter_penalty)."""
    return [p for p in result.warnings if p.code != "penalty_basis_missing"]


def _computed(data, options: RuleOptions = OPTIONS):
    doc_type = registry.get("demand_letter")
    return doc_type.assess(doc_type.parse(data), options)


def test_working_day_deadline_skips_the_weekend():
    # 2026-11-20 is a Friday; the 7 workdays after it are Nov 23-27, Nov 30 and Dec 1.
    assert _computed(_letter()).computed["deadline"].due == date(2026, 12, 1)


def test_calendar_day_deadline_ending_on_mid_autumn_moves_to_the_next_workday():
    # 2026-09-15 + 10 days = Friday 2026-09-25, the Mid-Autumn Festival holiday;
    # the rest days run through Sunday 09-27, so the deadline is Monday 2026-09-28.
    data = load_fixture("demand_letter", "valid", "company_debtor_arbitration")
    assert _computed(data).computed["deadline"].due == date(2026, 9, 28)


SENT_2026_12_28 = RuleOptions(calendar_fallback=True, today=date(2026, 12, 28))


def test_deadline_beyond_the_official_calendar_falls_back_with_a_warning():
    data = _letter(letter_date="2026-12-28")
    result = _computed(data, SENT_2026_12_28)
    assert result.computed["deadline"].calendar_fallback
    assert [p.code for p in _other_warnings(result)] == ["calendar_fallback"]
    assert result.errors == []


def test_deadline_beyond_the_official_calendar_is_an_error_when_fallback_is_off():
    no_fallback = RuleOptions(calendar_fallback=False, today=date(2026, 12, 28))
    result = _computed(_letter(letter_date="2026-12-28"), no_fallback)
    assert [(p.loc, p.code) for p in result.errors] == [
        (("deadline", "days"), "calendar_not_covered")
    ]


def test_total_mismatch_states_both_figures():
    problems = _problems("demand_letter", _letter(amounts__total="100000.00"))
    (problem,) = [p for p in problems if p.code == "total_mismatch"]
    assert "112,242.38" in problem.message and "100,000.00" in problem.message


def test_amount_typed_with_thousands_separators_is_accepted():
    data = _letter()
    data["amounts"]["components"][0]["amount"] = "100,000.00"
    assert _error_locs(_problems("demand_letter", data)) == []


def test_float_amounts_in_json_are_read_exactly():
    data = _letter(amounts__total=112242.38)
    data["amounts"]["components"][1]["amount"] = 10832.88
    assert _error_locs(_problems("demand_letter", data)) == []


def test_debt_older_than_three_years_gets_a_limitation_warning_not_an_error():
    data = _letter(contract__signed_on="2022-01-01", contract__due_date="2023-01-10")
    result = _computed(data)
    assert result.errors == []
    assert [p.code for p in _other_warnings(result)] == ["limitation_may_have_expired"]


def test_a_lawyer_letter_warns_about_the_limitation_period_as_the_demand_letter_does():
    lawyer_letter = registry.get("lawyer_letter")
    data = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
    data["contract"].update(signed_on="2022-01-01", due_date="2023-01-10")
    data["amounts"].pop("total", None)

    result = lawyer_letter.assess(lawyer_letter.parse(data), OPTIONS)
    assert result.errors == []
    assert [(p.loc, p.code) for p in _other_warnings(result)] == [
        (("contract", "due_date"), "limitation_may_have_expired")
    ]

    data["prior_interruptions"] = [{"kind": "acknowledgment", "day": "2025-06-01"}]
    result = lawyer_letter.assess(lawyer_letter.parse(data), OPTIONS)
    assert _other_warnings(result) == []
    assert result.computed["limitation"].expires == date(2028, 6, 1)


def test_person_fields_report_at_the_field_not_at_the_union_tag():
    data = _letter()
    del data["debtor"]["name"]
    locs = _error_locs(_problems("demand_letter", data))
    assert locs == [("debtor", "name")]


def test_organization_debtor_missing_its_credit_code_is_reported_there():
    data = load_fixture("demand_letter", "valid", "company_debtor_arbitration")
    del data["debtor"]["uscc"]
    assert _error_locs(_problems("demand_letter", data)) == [("debtor", "uscc")]


def test_unknown_party_kind_is_reported_on_the_party():
    data = _letter()
    data["debtor"]["kind"] = "robot"
    problems = _problems("demand_letter", data)
    assert [(p.loc, p.code) for p in problems] == [(("debtor",), "union_tag_invalid")]


def test_birth_date_contradicting_the_id_number_is_an_error_on_birth_date():
    assert _error_locs(_problems("demand_letter", _letter(debtor__birth_date="1985-03-16"))) == [
        ("debtor", "birth_date")
    ]


@pytest.mark.parametrize(
    "value",
    ["张\x00伟", "张\x0b伟", "张\ud800伟", "张\u0085伟"],
    ids=["nul", "vertical-tab", "lone-surrogate", "c1-control"],
)
def test_control_characters_in_text_are_rejected_on_their_field(value):
    (problem,) = _problems("demand_letter", _letter(debtor__name=value))
    assert problem.loc == ("debtor", "name")
    assert problem.code in {"text_control_char", "string_unicode"}
    assert CJK.search(problem.message)


def test_passport_numbers_are_not_checked_as_resident_ids():
    data = _letter()
    data["debtor"]["id_type"] = "护照"
    data["debtor"]["id_number"] = "E12345678"
    assert _error_locs(_problems("demand_letter", data)) == []


def test_a_recorded_interruption_keeps_an_old_debt_within_the_limitation_period():
    data = _letter(contract__signed_on="2022-01-01", contract__due_date="2023-01-10")
    data["prior_interruptions"] = [{"kind": "demand_delivered", "day": "2025-06-01"}]
    result = _computed(data)
    # 2025-06-01 restarts three years: expiry 2028-06-01, long after the letter
    assert _other_warnings(result) == []
    assert result.computed["limitation"].expires == date(2028, 6, 1)


def test_a_debt_whose_period_ends_within_ninety_days_gets_an_expiring_warning():
    data = _letter(contract__signed_on="2023-01-01", contract__due_date="2024-01-15")
    data["prior_interruptions"] = [{"kind": "partial_payment", "day": "2023-12-20"}]
    data["contract"]["due_date"] = "2023-12-01"
    result = _computed(data)
    # restarted on 2023-12-20: ends 2026-12-20, a Sunday, so the next workday 2026-12-21;
    # the letter of 2026-11-20 is 31 days before it
    assert [p.code for p in _other_warnings(result)] == ["limitation_expiring"]
    assert result.computed["limitation"].expires == date(2026, 12, 21)


def test_a_letter_dated_after_today_is_an_error():
    result = _computed(_letter(letter_date="2026-11-21"), RuleOptions(today=date(2026, 11, 20)))
    assert [(p.loc, p.code) for p in result.errors] == [(("letter_date",), "dated_in_future")]
    assert _computed(_letter(), RuleOptions(today=date(2026, 11, 20))).errors == []
