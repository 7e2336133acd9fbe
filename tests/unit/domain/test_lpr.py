"""The one-year LPR table: shipped data, operator extensions, look-ups (domain brief §4.3)."""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.domain.lpr import LprEntry, LprNotAvailable, LprTable, format_percent
from docgen.reference_data import ReferenceDataError, load_lpr_table

# Copied by hand from the brief's table, independently of docgen/data/lpr_1y.csv.
BRIEF_TABLE = [
    (date(2019, 8, 20), "4.25"),
    (date(2019, 9, 20), "4.20"),
    (date(2019, 11, 20), "4.15"),
    (date(2020, 2, 20), "4.05"),
    (date(2020, 4, 20), "3.85"),
    (date(2021, 12, 20), "3.80"),
    (date(2022, 1, 20), "3.70"),
    (date(2022, 8, 22), "3.65"),
    (date(2023, 6, 20), "3.55"),
    (date(2023, 8, 21), "3.45"),
    (date(2024, 7, 22), "3.35"),
    (date(2024, 10, 21), "3.10"),
    (date(2025, 5, 20), "3.00"),
]

TABLE = load_lpr_table()
HEADER = "effective_from,rate_percent\n"


def write(tmp_path: Path, text: str, name: str = "lpr.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_packaged_table_is_the_brief_table() -> None:
    assert [(e.effective_from, e.rate_percent) for e in TABLE.entries] == [
        (day, Decimal(rate)) for day, rate in BRIEF_TABLE
    ]
    assert TABLE.first_entry.effective_from == date(2019, 8, 20)
    assert TABLE.last_entry == LprEntry(date(2025, 5, 20), Decimal("3.00"))


@pytest.mark.parametrize(
    ("day", "expected_from", "expected_rate"),
    [
        (date(2019, 8, 20), date(2019, 8, 20), "4.25"),  # first publication day itself
        (date(2019, 9, 19), date(2019, 8, 20), "4.25"),  # the day before a change
        (date(2019, 9, 20), date(2019, 9, 20), "4.20"),  # the change day
        (date(2021, 6, 1), date(2020, 4, 20), "3.85"),  # 3.85 held for 20 months
        (date(2023, 9, 1), date(2023, 8, 21), "3.45"),
        (date(2024, 7, 21), date(2023, 8, 21), "3.45"),
        (date(2024, 7, 22), date(2024, 7, 22), "3.35"),
        (date(2025, 5, 20), date(2025, 5, 20), "3.00"),
        (date(2030, 1, 1), date(2025, 5, 20), "3.00"),  # after the table: last entry
    ],
)
def test_entry_on_returns_the_entry_in_force(
    day: date, expected_from: date, expected_rate: str
) -> None:
    entry = TABLE.entry_on(day)
    assert entry.effective_from == expected_from
    assert entry.rate_percent == Decimal(expected_rate)


def test_entry_before_the_first_publication_is_not_available() -> None:
    with pytest.raises(LprNotAvailable, match=r"2019年8月19日尚无.*2019年8月20日起"):
        TABLE.entry_on(date(2019, 8, 19))
    assert issubclass(LprNotAvailable, ValueError)


def test_latest_known_date_is_the_day_before_the_next_possible_publication() -> None:
    # The last entry is 2025-05-20; the next publication cannot come before 2025-06-20.
    assert TABLE.latest_known_date == date(2025, 6, 19)
    assert TABLE.is_verified(date(2025, 6, 19))
    assert not TABLE.is_verified(date(2025, 6, 20))
    # An entry dated before the 20th (unusual) is only known up to that month's 19th;
    # a December entry rolls into January.
    early = LprTable([LprEntry(date(2025, 5, 3), Decimal("3.00"))])
    assert early.latest_known_date == date(2025, 5, 19)
    december = LprTable([LprEntry(date(2024, 12, 20), Decimal("3.10"))])
    assert december.latest_known_date == date(2025, 1, 19)


@pytest.mark.parametrize(
    ("start", "end", "expected_froms"),
    [
        # [2024-07-01, 2024-11-01) sees 3.45 (until 07-21), 3.35 and 3.10 (from 10-21).
        (
            date(2024, 7, 1),
            date(2024, 11, 1),
            [date(2023, 8, 21), date(2024, 7, 22), date(2024, 10, 21)],
        ),
        # end is exclusive: a range ending on a change day does not see the new entry.
        (date(2024, 7, 1), date(2024, 7, 22), [date(2023, 8, 21)]),
        (date(2024, 7, 22), date(2024, 7, 23), [date(2024, 7, 22)]),
        (date(2026, 1, 1), date(2027, 1, 1), [date(2025, 5, 20)]),
        # Before the first entry: only the covered part.
        (date(2019, 1, 1), date(2019, 9, 1), [date(2019, 8, 20)]),
        (date(2019, 1, 1), date(2019, 2, 1), []),
        (date(2024, 7, 1), date(2024, 7, 1), []),
    ],
)
def test_entries_between(start: date, end: date, expected_froms: list[date]) -> None:
    assert [e.effective_from for e in TABLE.entries_between(start, end)] == expected_froms


@given(st.dates(min_value=date(2019, 8, 20), max_value=date(2035, 12, 31)))
def test_entry_on_agrees_with_a_linear_scan(day: date) -> None:
    in_force = [e for e in TABLE.entries if e.effective_from <= day][-1]
    assert TABLE.entry_on(day) == in_force
    assert TABLE.entries_between(day, day + timedelta(days=1)) == [in_force]


def test_table_is_sorted_and_rejects_bad_input() -> None:
    a = LprEntry(date(2024, 1, 1), Decimal("3.45"))
    b = LprEntry(date(2023, 1, 1), Decimal("3.65"))
    assert LprTable([a, b]).entries == (b, a)
    assert LprTable([a, b]) == LprTable([b, a])
    with pytest.raises(ValueError, match="LPR表为空"):
        LprTable([])
    with pytest.raises(ValueError, match="2024年1月1日出现了两次"):
        LprTable([a, LprEntry(date(2024, 1, 1), Decimal("3.40"))])


@pytest.mark.parametrize("rate", ["0", "100", "-1"])
def test_entry_rejects_rates_out_of_range(rate: str) -> None:
    with pytest.raises(ValueError, match="大于0且小于100"):
        LprEntry(date(2024, 1, 1), Decimal(rate))


def test_entry_rejects_floats() -> None:
    with pytest.raises(TypeError):
        LprEntry(date(2024, 1, 1), 3.45)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "text"),
    [("13.80", "13.8"), ("6", "6"), ("6.00", "6"), ("100", "100"), ("5.175", "5.175")],
)
def test_format_percent(value: str, text: str) -> None:
    assert format_percent(Decimal(value)) == text


def test_entry_describe_quotes_two_decimals() -> None:
    assert TABLE.last_entry.describe() == "2025年5月20日发布的一年期LPR 3.00%"
    assert LprEntry(date(2024, 10, 21), Decimal("3.1")).rate_text == "3.10"
    assert LprEntry(date(2024, 10, 21), Decimal("3.105")).rate_text == "3.105"


# --- operator extensions -------------------------------------------------------------


def test_operator_rows_extend_and_override_the_packaged_table(tmp_path: Path) -> None:
    extra = write(
        tmp_path,
        HEADER + "2025-06-20,3.00\n\n2025-05-20,3.05\n2026-01-20,2.90\n",
        encoding="utf-8-sig",  # Excel writes a byte-order mark
    )
    table = load_lpr_table(extra)
    assert len(table.entries) == 15  # 13 packaged, one replaced, two added
    assert table.entry_on(date(2025, 5, 20)).rate_percent == Decimal("3.05")
    assert table.entry_on(date(2026, 2, 1)) == LprEntry(date(2026, 1, 20), Decimal("2.90"))
    assert table.latest_known_date == date(2026, 2, 19)
    assert TABLE.entry_on(date(2025, 5, 20)).rate_percent == Decimal("3.00")  # untouched


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("date,rate\n2025-06-20,3.00\n", 1, "表头应为“effective_from,rate_percent”"),
        ("", 1, "表头"),
        (HEADER, None, "没有任何LPR数据行"),
        (HEADER + "2025-06-20,3.00\n2025-13-20,3.00\n", 3, "日期“2025-13-20”无效"),
        (HEADER + "20250620,3.00\n", 2, "日期“20250620”无效"),
        (HEADER + "2025-06-20,abc\n", 2, "利率“abc”无效"),
        (HEADER + "2025-06-20,0\n", 2, "利率“0”无效"),
        (HEADER + "2025-06-20,100\n", 2, "利率“100”无效"),
        (HEADER + "2025-06-20,NaN\n", 2, "利率“NaN”无效"),
        (HEADER + "2025-06-20,3.00,x\n", 2, "应有2列"),
        (HEADER + "2025-06-20,3.00\n\n2025-06-20,3.10\n", 4, "日期2025-06-20重复（已见于第2行）"),
    ],
)
def test_malformed_operator_file_names_file_and_line(
    tmp_path: Path, text: str, line: int | None, problem: str
) -> None:
    extra = write(tmp_path, text)
    with pytest.raises(ReferenceDataError) as caught:
        load_lpr_table(extra)
    message = str(caught.value)
    assert str(extra) in message
    assert problem in message
    assert caught.value.line == line
    if line is not None:
        assert f"第{line}行" in message


def test_missing_operator_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        load_lpr_table(tmp_path / "absent.csv")
