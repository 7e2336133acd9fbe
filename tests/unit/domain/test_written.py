"""Dates and amounts as Chinese spreadsheets and people write them, read by the model."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from docgen.domain.written import (
    AMOUNT_HINT,
    DATE_HINT,
    WrittenValueError,
    parse_amount,
    parse_date,
)
from tests.support import FIXTURES


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-05",
        "2026/3/5",
        "2026.3.5",
        "2026年3月5日",
        "2026 年 3 月 5 日",
        "２０２６／３／５",
        "2026年3月5号",  # as it is said
        "20260305",  # as systems export it
    ],
)
def test_every_written_form_of_a_date_is_the_same_day(text):
    assert parse_date(text) == date(2026, 3, 5)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2026/13/5", "date_invalid"),
        ("20261305", "date_invalid"),
        ("2026035", "date_format"),  # seven digits: which is the month?
        ("2026/2/30", "date_invalid"),
        ("2026-02-30", "date_invalid"),
        ("3/5/2026", "date_format"),  # month/day order is a guess: refused
        ("2026年3月", "date_format"),  # no day: refused, never "today's"
        ("0635-03-05", "date_year_range"),
        ("2101-01-01", "date_year_range"),
    ],
)
def test_a_date_that_is_not_one_is_refused_with_a_hint(text, code):
    with pytest.raises(WrittenValueError) as caught:
        parse_date(text)
    assert caught.value.code == code
    assert caught.value.hint == DATE_HINT


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("¥1,234.50", "1234.50"),
        ("￥1,234.50", "1234.50"),
        ("1234.5元", "1234.5"),
        ("人民币1,234.50元", "1234.50"),
        ("1.2万", "12000"),
        ("3亿", "300000000"),
        ("１２３４．５６", "1234.56"),
        ("壹万贰仟叁佰肆拾伍元陆角柒分", "12345.67"),
        ("人民币壹拾万元整", "100000"),
        ("拾万元整", "100000"),
        ("壹佰元零伍分", "100.05"),
        ("107,416.64（壹拾万柒仟肆佰壹拾陆元陆角肆分）", "107416.64"),
        ("107416.64(大写：壹拾万柒仟肆佰壹拾陆元陆角肆分)", "107416.64"),
    ],
)
def test_amounts_as_people_write_them(text, amount):
    assert Decimal(parse_amount(text)) == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("100000.00", "100000.00"),
        ("1409.5", "1409.5"),
        ("0100", "100"),
        ("0.50", "0.50"),
        (" 1409.50 ", "1409.50"),
        ("1409.500", "1409.500"),
    ],
)
def test_an_amount_in_figures_keeps_its_places_as_decimal_writes_them(text, written):
    assert parse_amount(text) == written


def test_a_figure_and_its_words_must_agree():
    with pytest.raises(WrittenValueError) as caught:
        parse_amount("100.00（壹佰零壹元整）")
    assert caught.value.code == "amount_words_mismatch"
    assert "100.00" in caught.value.message and "101" in caught.value.message


@pytest.mark.parametrize("text", ["abc", "1.2.3", "十万块", "1,2,3元角"])
def test_what_is_not_an_amount_is_refused_with_a_hint(text):
    with pytest.raises(WrittenValueError) as caught:
        parse_amount(text)
    assert caught.value.code == "amount_format"
    assert caught.value.hint == AMOUNT_HINT


def _letter():
    return json.loads((FIXTURES / "demand_letter" / "valid" / "person_debtor.json").read_text())


def test_the_api_reads_2026_3_5_as_that_day_never_the_year_635(service):
    case = _letter()
    case["letter_date"] = "2026/11/20"
    case["contract"]["signed_on"] = "2025年1月10日"
    case["amounts"]["components"][0]["amount"] = "¥100,000.00"
    report = service.validate("demand_letter", case)
    assert report.ok, [p.as_dict() for p in report.problems]


def test_a_year_outside_1900_2100_is_an_error_on_its_field(service):
    case = _letter()
    case["contract"]["due_date"] = "0635-01-10"
    report = service.validate("demand_letter", case)
    (problem,) = [p for p in report.problems if p.severity == "error"]
    assert problem.loc == ("contract", "due_date")
    assert problem.message == "年份 635 不在 1900–2100 之间"
    assert problem.hint == DATE_HINT


def test_one_pass_reports_a_bad_phone_and_a_missing_amount(service):
    case = _letter()
    case["debtor"]["phone"] = "138-abc"
    del case["amounts"]["components"][0]["amount"]
    report = service.validate("demand_letter", case)
    codes = {(p.loc, p.code) for p in report.problems if p.severity == "error"}
    assert (("debtor", "phone"), "phone_format") in codes
    assert (("amounts", "components", 0, "amount"), "missing") in codes


def test_a_bad_amount_does_not_add_a_total_mismatch_it_caused(service):
    case = _letter()
    case["amounts"]["components"][0]["amount"] = "十万块"
    report = service.validate("demand_letter", case)
    codes = [p.code for p in report.problems if p.severity == "error"]
    assert codes == ["amount_format"]


def test_a_union_tag_error_names_the_chinese_labels(service):
    case = _letter()
    case["debtor"]["kind"] = "个体户"
    report = service.validate("demand_letter", case)
    (problem,) = [p for p in report.problems if p.loc == ("debtor",)]
    assert problem.message == "类型应为 自然人、法人或其他组织 之一"


def test_rendering_refuses_with_the_same_problems_validation_finds(service):
    from docgen.documents.problems import CaseInvalid

    case = _letter()
    case["debtor"]["phone"] = "138-abc"
    del case["amounts"]["components"][0]["amount"]
    with pytest.raises(CaseInvalid) as caught:
        service.render("demand_letter", case, "docx")
    found = [p.as_dict() for p in caught.value.problems]
    assert found == [p.as_dict() for p in service.validate("demand_letter", case).problems]
    assert {"phone_format", "missing"} <= {p["code"] for p in found}
