"""Dates in Chinese legal style (domain brief §6 and §8)."""

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.domain.dates import format_cn, format_cn_upper

NUMERALS = "〇一二三四五六七八九"


def parse_small_number(text: str) -> int:
    """Read 一..三十一 back to an int, independently of the code under test."""
    tens_text, ten, ones_text = text.rpartition("十")
    if not ten:
        return NUMERALS.index(text)
    tens = NUMERALS.index(tens_text) if tens_text else 1
    ones = NUMERALS.index(ones_text) if ones_text else 0
    return tens * 10 + ones


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 22), "2026年11月22日"),
        (date(2026, 1, 5), "2026年1月5日"),
        (date(2000, 10, 1), "2000年10月1日"),
        (date(2024, 2, 29), "2024年2月29日"),
    ],
)
def test_format_cn_writes_year_month_day_without_zero_padding(day: date, expected: str) -> None:
    assert format_cn(day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 22), "二〇二六年十一月二十二日"),
        (date(2026, 1, 5), "二〇二六年一月五日"),
        (date(2000, 10, 10), "二〇〇〇年十月十日"),
        (date(2031, 12, 31), "二〇三一年十二月三十一日"),
        (date(2026, 2, 20), "二〇二六年二月二十日"),
        (date(1999, 9, 30), "一九九九年九月三十日"),
        (date(2010, 3, 11), "二〇一〇年三月十一日"),
    ],
)
def test_format_cn_upper_reads_the_year_digit_by_digit_and_the_rest_as_numbers(
    day: date, expected: str
) -> None:
    assert format_cn_upper(day) == expected


@given(st.dates(min_value=date(1000, 1, 1)))
def test_format_cn_upper_reads_back_to_the_same_date(day: date) -> None:
    match = re.fullmatch(r"([〇一二三四五六七八九]{4})年(.+)月(.+)日", format_cn_upper(day))
    assert match is not None
    year = int("".join(str(NUMERALS.index(c)) for c in match.group(1)))
    month, dom = parse_small_number(match.group(2)), parse_small_number(match.group(3))
    assert date(year, month, dom) == day


@given(st.dates())
def test_format_cn_reads_back_to_the_same_date(day: date) -> None:
    match = re.fullmatch(r"([1-9][0-9]*)年([1-9][0-9]?)月([1-9][0-9]?)日", format_cn(day))
    assert match is not None
    assert date(*(int(g) for g in match.groups())) == day
