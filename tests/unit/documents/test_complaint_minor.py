"""A complaint against a defendant who was a minor when the loan contract was signed: void
under eight unless the guardian made it (民法典 arts. 20, 144), effective from eight only
with the guardian's consent or ratification (arts. 19, 145), which the facts then state
with its day and form; and a minor now is said to litigate through the guardian
(民事诉讼法 art. 60)."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
CONSENTED = load_fixture("civil_complaint", "valid", "minor_defendant_consented_by_guardian")
UNRATIFIED = load_fixture("civil_complaint", "invalid", "minor_defendant_without_guardian_assent")
UNDER_EIGHT = load_fixture("civil_complaint", "invalid", "minor_defendant_under_eight_when_signing")


def _errors(data: dict) -> dict:
    problems = DOC.evaluate(DOC.parse(data), OPTIONS).problems
    return {p.loc: p for p in problems if p.severity == "error"}


def test_the_consent_is_printed_with_who_when_and_how_and_why_the_mother_litigates():
    assert _errors(CONSENTED) == {}
    printed = printed_copy("civil_complaint", CONSENTED)
    assert (
        "被告张伟签订《借款合同》时未满十八周岁（14周岁），为限制民事行为能力人，其法定代理人王丽"
        "已于2025年1月10日以书面《同意书》同意该合同（《中华人民共和国民法典》第十九条、第一百四十五条"
        "第一款）。" in printed
    )
    assert (
        "被告张伟系未成年人，由其母王丽作为法定代理人代为诉讼（《中华人民共和国民事诉讼法》第六十条）。"
        in printed
    )
    assert "《中华人民共和国民法典》第十九条、第二十三条、第一百四十五条、第六百六十七条" in printed


def test_a_minor_without_consent_or_ratification_is_refused_at_the_choice():
    problem = _errors(UNRATIFIED)[("defendants", 0, "contract_assent")]
    assert problem.code == "minor_contract_unratified"
    assert problem.message.startswith("被告张伟签订《借款合同》时为14周岁的未成年人，为限制")
    for words in ("第十九条", "第一百四十五条", "效力待定", "第一百五十七条", "第六百八十二条"):
        assert words in problem.message


def test_a_ratification_is_printed_and_its_day_must_follow_the_contract():
    data = copy.deepcopy(CONSENTED)
    defendant = data["defendants"][0]
    defendant.update(
        contract_assent="ratification",
        contract_assent_on="2025-01-15",
        contract_assent_form="书面《追认书》",
    )
    assert _errors(data) == {}
    assert "其法定代理人王丽已于2025年1月15日以书面《追认书》追认该合同" in printed_copy(
        "civil_complaint", data
    )
    defendant["contract_assent_on"] = "2025-01-09"
    assert _errors(data)[("defendants", 0, "contract_assent_on")].code == "ratified_before_contract"


def test_a_consent_needs_its_day_and_form_and_not_after_the_contract_or_the_filing():
    data = copy.deepcopy(CONSENTED)
    defendant = data["defendants"][0]
    del defendant["contract_assent_on"], defendant["contract_assent_form"]
    errors = _errors(data)
    assert errors[("defendants", 0, "contract_assent_on")].code == "missing"
    assert errors[("defendants", 0, "contract_assent_form")].code == "missing"
    defendant.update(contract_assent_on="2025-02-01", contract_assent_form="书面《同意书》")
    assert _errors(data)[("defendants", 0, "contract_assent_on")].code == "consented_after_contract"
    defendant.update(contract_assent="ratification", contract_assent_on="2026-12-01")
    assert _errors(data)[("defendants", 0, "contract_assent_on")].code == "assent_after_filing"


def test_under_eight_the_contract_is_void_unless_the_guardian_made_it():
    problem = _errors(UNDER_EIGHT)[("defendants", 0, "party", "birth_date")]
    assert problem.code == "minor_contract_void"
    assert "未满八周岁（6周岁）" in problem.message
    assert "第二十条、第一百四十四条" in problem.message
    data = copy.deepcopy(UNDER_EIGHT)
    data["defendants"][0]["contract_assent"] = "ratification"
    assert "法定代理人的同意或者追认不能使其有效" in (
        _errors(data)[("defendants", 0, "party", "birth_date")].message
    )
    data["defendants"][0]["contract_assent"] = "represented"
    assert _errors(data) == {}
    printed = printed_copy("civil_complaint", data)
    assert (
        "《借款合同》签订时被告张伟未满十八周岁（6周岁），该合同由其法定代理人王丽以其名义代理订立"
        "（《中华人民共和国民法典》第二十条）。" in printed
    )


def test_an_adult_who_signed_as_an_adult_prints_nothing_of_minority():
    printed = printed_copy(
        "civil_complaint", load_fixture("civil_complaint", "valid", "defendant_with_guardian")
    )
    assert "未满十八周岁" not in printed
    assert "系未成年人" not in printed
