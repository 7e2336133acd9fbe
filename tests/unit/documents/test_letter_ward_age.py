"""A letter's debtor with a guardian typed and no age to read (no birth date, no ID number
encoding one): of full capacity as typed it is refused, asking for the age (民法典 arts.
17, 18, 23, 24, 27, 28, 34); typed without full capacity it is read as an adult the court
found so, with a warning that a contract made as a minor would read otherwise."""

from __future__ import annotations

from typing import Any

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
AT = ("debtor", "birth_date")


def _problems(type_name: str, data: Any) -> list[Any]:
    doc_type = registry.get(type_name)
    return doc_type.evaluate(doc_type.parse(data), OPTIONS).problems


def test_a_guardian_without_the_debtors_age_is_refused_asking_for_it():
    data = load_fixture("demand_letter", "invalid", "guardian_without_the_debtors_age")
    problems = _problems("demand_letter", data)
    (error,) = [p for p in problems if p.severity == "error"]
    assert (error.loc, error.code) == (AT, "ward_age_unknown")
    assert error.message.startswith(
        "债务人张伟填写了法定代理人张建国，但未填写出生日期，也未填写证件号码，「民事行为能力」为"
        "完全民事行为能力，函件无从确定其是否有法定代理人"
    )
    for article in ("第十七条", "第十八条第一款", "第二十四条", "第二十七条", "第二十八条"):
        assert article in error.message
    assert "第三十四条第一款" in error.message
    assert (error.hint or "").startswith("请填写出生日期或居民身份证号码")
    # one fact, one problem: the guardian's general warning is not given beside it
    assert "guardian_capacity_unknown" not in [p.code for p in problems]


def test_an_id_number_without_a_birth_date_does_not_tell_the_age():
    data = load_fixture("demand_letter", "invalid", "guardian_without_the_debtors_age")
    data["debtor"].update(id_type="护照", id_number="E12345678")
    (error,) = [p for p in _problems("demand_letter", data) if p.severity == "error"]
    assert "未填写出生日期，其护照号码也不能读出出生日期" in error.message


@pytest.mark.parametrize("type_name", ["demand_letter", "lawyer_letter"])
def test_a_birth_date_or_an_id_number_answers_it(type_name):
    data = load_fixture("demand_letter", "valid", "minor_debtor_through_guardian")
    if type_name == "lawyer_letter":
        data = load_fixture("lawyer_letter", "valid", "adult_ward_without_the_age")
        data["debtor"]["birth_date"] = "1985-03-15"
    codes = [p.code for p in _problems(type_name, data)]
    assert "ward_age_unknown" not in codes


def test_an_adult_ward_without_the_age_is_read_as_found_and_warned():
    data = load_fixture("lawyer_letter", "valid", "adult_ward_without_the_age")
    problems = _problems("lawyer_letter", data)
    assert not [p for p in problems if p.severity == "error"]
    (warning,) = [p for p in problems if p.code == "ward_age_unknown"]
    assert (warning.loc, warning.severity) == (AT, "warning")
    assert (
        "函件按成年人经人民法院认定为限制民事行为能力人出具（《中华人民共和国民法典》第二十二条、"
        "第二十四条），并按其签约时已成年认定合同的效力"
    ) in warning.message
    printed = printed_copy("lawyer_letter", data)
    assert "认定为限制民事行为能力人，您系张伟之妻、法定代理人" in printed
    assert "追认" not in printed
