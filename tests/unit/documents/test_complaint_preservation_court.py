"""The element form's 保全法院 is a court named as every court a filing names: in full,
or as the ruling's number tells it; a name that is no court's is refused on its field
(民事诉讼法 art. 104(1): a pre-suit preservation is ordered by a people's court)."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

FULL = load_fixture("civil_complaint", "valid", "elements_every_item")
TOLD = load_fixture("civil_complaint", "valid", "elements_preservation_court_told_by_its_number")
NOT_A_COURT = load_fixture("civil_complaint", "invalid", "elements_preservation_court_not_a_court")
COURT = ("preservation", "court")


def _problems(data: dict) -> list:
    doc = registry.get("civil_complaint")
    return doc.evaluate(doc.parse(data), RuleOptions(calendar_fallback=True)).problems


def test_a_court_typed_without_its_province_prints_its_full_name():
    assert "保全法院：广东省深圳市福田区人民法院　保全时间：2026年11月2日" in printed_copy(
        "civil_complaint", FULL
    )
    assert [p for p in _problems(FULL) if p.loc == COURT] == []


def test_a_court_several_places_bear_prints_the_one_its_number_tells_and_warns():
    assert "保全法院：福建省福州市鼓楼区人民法院" in printed_copy("civil_complaint", TOLD)
    (warning,) = [p for p in _problems(TOLD) if p.loc == COURT]
    assert (warning.severity, warning.code) == ("warning", "court_name_from_case_number")
    assert "起诉状按福建省福州市鼓楼区人民法院打印" in warning.message


def test_a_name_that_is_no_court_is_refused_on_its_field():
    (error,) = [p for p in _problems(NOT_A_COURT) if p.severity == "error"]
    assert (error.loc, error.code) == (COURT, "not_a_court")
    assert error.message.startswith(
        "保全法院「深圳国际仲裁院」不是人民法院：诉前保全由人民法院裁定"
    )
    assert "第一百零四条第一款" in error.message


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("福田法院", "请填写法院全称：广东省深圳市福田区人民法院"),
        ("深圳中院", "广东省深圳市中级人民法院"),
    ],
)
def test_a_courts_short_name_is_refused_with_the_full_names_it_may_stand_for(typed, hint):
    data = copy.deepcopy(FULL)
    data["preservation"]["court"] = typed
    (error,) = [p for p in _problems(data) if p.severity == "error"]
    assert (error.loc, error.code) == (COURT, "not_a_court")
    assert error.message.startswith(f"保全法院「{typed}」不是法院的全称")
    assert hint in (error.hint or "")
