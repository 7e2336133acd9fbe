"""An adult defendant without full capacity: the complaint states the capacity, the court's
finding it rests on and its date, and the guardian who litigates (民法典 art. 24; 民事诉讼法
art. 60; 民诉法解释 art. 83), warns when the finding is not given and is refused without
the guardian."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
WARD = load_fixture("civil_complaint", "valid", "defendant_with_guardian")
NO_GUARDIAN = load_fixture(
    "civil_complaint", "invalid", "defendant_without_capacity_without_guardian"
)


def _warning(data: dict):
    problems = DOC.evaluate(DOC.parse(data), OPTIONS).problems
    found = [p for p in problems if p.code == "capacity_basis_missing"]
    assert len(found) <= 1
    return found[0] if found else None


def test_the_facts_state_the_capacity_its_finding_and_the_guardian_who_litigates():
    assert (
        "被告张伟经北京市东城区人民法院（2025）京0101民特88号民事判决于2025年9月1日认定为"
        "无民事行为能力人，由其监护人王丽作为法定代理人代为诉讼（《中华人民共和国民事诉讼法》"
        "第六十条）。"
    ) in printed_copy("civil_complaint", WARD)
    assert _warning(WARD) is None


def test_an_adult_ward_without_the_finding_is_warned_on_the_field():
    warning = _warning(NO_GUARDIAN)
    assert warning.loc == ("defendants", 0, "capacity_finding")
    assert "被告张伟为成年人，填写为无民事行为能力人，但未写明认定的法院和文书、认定日期" in (
        warning.message
    )
    assert "第二十四条" in warning.message and "第八十三条" in warning.message
    data = copy.deepcopy(WARD)
    del data["defendants"][0]["capacity_finding"], data["defendants"][0]["capacity_found_on"]
    assert "被告张伟为无民事行为能力人，由其监护人王丽作为法定代理人代为诉讼" in printed_copy(
        "civil_complaint", data
    )
    data = copy.deepcopy(WARD)
    del data["defendants"][0]["capacity_found_on"]
    warning = _warning(data)
    assert warning.loc == ("defendants", 0, "capacity_found_on")
    assert "但未写明认定日期" in warning.message


def test_a_minor_needs_no_finding():
    data = _as_a_minor(WARD)
    assert _warning(data) is None
    assert "认定为" not in printed_copy("civil_complaint", data)


def test_a_defendant_without_capacity_and_no_guardian_is_refused_at_the_guardian():
    problems = DOC.evaluate(DOC.parse(NO_GUARDIAN), OPTIONS).problems
    errors = [p for p in problems if p.severity == "error"]
    assert [(p.loc, p.code) for p in errors] == [
        (("defendants", 0, "party", "guardian"), "guardian_required")
    ]
    assert "被告张伟为无民事行为能力人" in errors[0].message
    assert "第六十条" in errors[0].message
    assert "第二十八条" in (errors[0].hint or "")
    # the error says what the warning on the capacity said: it is not repeated
    assert "debtor_without_capacity" not in {p.code for p in problems}


ELEMENTS = load_fixture("civil_complaint", "valid", "elements_defendant_with_guardian")
FINDING = (
    "被告张伟经北京市东城区人民法院（2025）京0101民特88号民事判决于2025年9月1日认定为"
    "无民事行为能力人，由其监护人{guardian}作为法定代理人代为诉讼（《中华人民共和国民事诉讼法》"
    "第六十条）"
)


def _guardian_row(printed: str) -> str:
    """The element form's 法定代理人 row under the defendant, its label and value."""
    lines = printed.split("\n")
    start = lines.index("法定代理人")
    return lines[start + 1]


def test_the_element_form_states_the_adult_wards_capacity_with_the_legal_representative():
    """The fact the narrative complaint states (民法典 arts. 21, 22, 24: an adult is without
    full capacity by a court's finding), where the form names the 法定代理人."""
    printed = printed_copy("civil_complaint", ELEMENTS)
    row = _guardian_row(printed)
    assert row.startswith("王丽，女，1980年6月20日出生")
    assert row.endswith("系张伟之妻；" + FINDING.format(guardian="王丽")), row
    assert printed.count("认定为无民事行为能力人") == 1


def test_the_element_form_states_it_for_an_organisation_guardian_and_limited_capacity():
    data = copy.deepcopy(ELEMENTS)
    defendant = data["defendants"][0]
    defendant["party"]["capacity"] = "limited"
    defendant["party"]["guardian"] = {
        "name": "北京市东城区民政局",
        "relation": "organization",
        "uscc": "111101010000123455",
        "representative": "王五",
        "representative_position": "局长",
        "basis": "civil_affairs",
        "address": "北京市东城区东四北大街107号",
    }
    defendant["contract_assent"] = "consent"
    defendant["contract_assent_on"] = "2025-01-10"
    defendant["contract_assent_form"] = "书面《同意书》"
    defendant["capacity_found_on"] = "2024-09-01"
    printed = printed_copy("civil_complaint", data)
    assert (
        "被告张伟经北京市东城区人民法院（2025）京0101民特88号民事判决于2024年9月1日认定为"
        "限制民事行为能力人，由其监护人北京市东城区民政局作为法定代理人代为诉讼"
    ) in printed


def test_the_element_form_adds_no_finding_for_a_minor():
    data = _as_a_minor(ELEMENTS)
    row = _guardian_row(printed_copy("civil_complaint", data))
    assert row.endswith("系张伟之母") and "认定为" not in row


def _as_a_minor(case: dict) -> dict:
    """``case`` with its defendant a minor of limited capacity, no finding: the contract
    binds with the guardian's consent (民法典 art. 145)."""
    data = copy.deepcopy(case)
    party = data["defendants"][0]["party"]
    party |= {"id_number": "110101201001011237", "capacity": "limited"}
    party["guardian"] |= {"relation": "mother", "id_number": "11010519800620002X"}
    del data["defendants"][0]["capacity_finding"], data["defendants"][0]["capacity_found_on"]
    data["defendants"][0] |= {
        "contract_assent": "consent",
        "contract_assent_on": "2025-01-10",
        "contract_assent_form": "书面《同意书》",
    }
    return data
