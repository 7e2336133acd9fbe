"""Dates with a time of day, as exports write them: midnight is the date; another time is
dropped with a warning; 16:00:00 (Beijing midnight written in UTC) is refused."""

from __future__ import annotations

from datetime import datetime

import pytest

from docgen.batch.cells import CellError
from docgen.batch.columns import Layout
from docgen.batch.times import date_part, time_dropped
from docgen.documents import registry


@pytest.mark.parametrize(
    "value",
    [
        datetime(2025, 1, 10),
        "2025-01-10 00:00:00",
        "2025/1/10 0:00",
        "2025/1/10 0:00:00.000",
        "2025-01-10T00:00:00",
        "２０２５/１/１０ ０:００",
        45667.0,
    ],
)
def test_a_date_at_midnight_is_the_date_without_a_warning(value):
    assert str(date_part(value)).replace("/", "-") in ("2025-01-10", "2025-1-10", "45667.0")
    assert time_dropped(value) is None


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (datetime(2025, 1, 10, 14, 35), "14:35"),
        ("2025-01-10 14:35", "14:35"),
        ("2025/1/10 9:30:15", "09:30:15"),
        (45667.5, "12:00"),  # a date-time kept as its serial number
    ],
)
def test_another_time_is_dropped_and_warned_naming_the_date_taken(value, shown):
    assert date_part(value) in ("2025-01-10", "2025/1/10", "2025-01-10")
    warned = time_dropped(value)
    assert warned is not None and warned.code == "date_time_dropped"
    assert shown in warned.message and "2025年1月10日" in warned.message


@pytest.mark.parametrize(
    "value", [datetime(2025, 1, 9, 16, 0), "2025-01-09 16:00:00", "2025/1/9 16:00"]
)
def test_sixteen_hundred_may_be_the_next_day_in_beijing_and_is_refused(value):
    with pytest.raises(CellError) as caught:
        date_part(value)
    assert caught.value.code == "date_time_utc"
    assert "2025年1月10日" in caught.value.message and "2025年1月9日" in caught.value.message
    assert "=INT(原单元格+8/24)" in caught.value.hint
    assert time_dropped(value) is None  # refused, not warned twice


@pytest.mark.parametrize(
    "value",
    ["2025/2/30 14:35", "下午 2:35", "14:35", "2025-01-10 25:00", "2025-01-09T20:00:00Z"],
)
def test_what_is_no_date_with_a_time_is_left_to_the_model(value):
    assert time_dropped(value) is None
    assert date_part(value) in (value, "2025/2/30")


def test_a_row_reads_the_date_and_carries_the_warning():
    layout = Layout.of(registry.get("demand_letter").model)
    resolved = layout.resolve(["债权依据签订日期", "欠款金额截至日期", "发函日期"])
    row = resolved.read([datetime(2025, 1, 10, 14, 35), "2025/1/9 16:00", "2026-11-20 00:00:00"])

    assert row.case["contract"]["signed_on"] == "2025-01-10"
    assert row.case["letter_date"] == "2026-11-20"
    assert "as_of" not in row.case.get("amounts", {})
    assert [(p.loc, p.code, p.severity) for p in row.problems] == [
        (("contract", "signed_on"), "date_time_dropped", "warning"),
        (("amounts", "as_of"), "date_time_utc", "error"),
    ]
