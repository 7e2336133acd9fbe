"""Cells as Excel stores them, and choices by their Chinese label or their code."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from docgen.batch.cells import CellError, excel_date, identifier
from docgen.batch.columns import Layout
from docgen.documents import registry


def test_excel_date_cells_and_serial_numbers_are_dates():
    assert excel_date(datetime(2025, 6, 1)) == "2025-06-01"
    assert excel_date(45809) == "2025-06-01"
    assert excel_date(45809.0) == "2025-06-01"
    assert excel_date("2025/6/1") == "2025/6/1"  # text is read by the model
    assert excel_date(20250601) == "20250601"  # typed as a number: the date it spells


@pytest.mark.parametrize("value", [45809.5, 0, 99999999])  # times: test_date_times.py
def test_a_number_that_is_no_date_is_refused(value):
    with pytest.raises(CellError):
        excel_date(value)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("id_number", 1.10101198503151e17),  # 18 digits, only 15 kept
        ("id_number", 110101198503151235),
        ("id_number", "1.10101E+17"),  # a CSV of a numeric column
        ("phone", 1012345678),  # 010-12345678 without its 0
        ("postcode", 10000),  # 010000 without its 0
        ("account_number", 6.22202100001234e18),
        ("phone", "1012345678"),  # a CSV of a numeric column: 010-12345678
        ("phone", "75583216688"),  # 0755-83216688
        ("postcode", "10000"),
    ],
)
def test_identifiers_excel_stored_as_numbers_are_refused_not_guessed(name, value):
    with pytest.raises(CellError) as caught:
        identifier(name, value)
    assert caught.value.code == "number_stored_as_number"
    assert "文本" in caught.value.hint


def test_exact_numbers_are_kept_as_their_digits():
    assert identifier("phone", 13800138000) == "13800138000"
    assert identifier("postcode", 200120) == "200120"
    assert identifier("id_number", "110101198503151235") == "110101198503151235"
    for phone in ("13800138000", "010-12345678", "01012345678", "83216688", "4008001234"):
        assert identifier("phone", phone) == phone
    assert identifier("phone", "１３８００１３８０００") == "13800138000"  # full-width digits


def _choice_columns():
    for doc_type in registry.all_types():
        for column in Layout.of(doc_type.model).columns:
            if column.kind in ("choice", "list") and column.choices:
                yield doc_type.name, column


CODE = re.compile(r"^[a-z_]+$")


@pytest.mark.parametrize(
    ("type_name", "column"), list(_choice_columns()), ids=lambda v: getattr(v, "zh", v)
)
def test_every_choice_column_takes_its_chinese_label_and_its_code(type_name, column):
    codes = sorted(set(column.choices.values()))
    labels = column.labels()
    assert len(labels) == len(codes)

    def read(text):
        value = column.convert(text)
        return value[0] if column.kind == "list" else value

    for code in codes:
        assert read(code) == code
        assert read(code.upper()) == code
    for label in labels:
        assert not CODE.match(label), f"{type_name} {column.zh}: no Chinese label for {label}"
        assert read(f" {label} ") in codes


def test_debtor_type_reads_zi_ran_ren():
    layout = Layout.of(registry.get("demand_letter").model)
    column = next(c for c in layout.columns if c.zh == "债务人主体类型")
    assert column.convert("自然人") == "person"
    assert column.convert("法人或其他组织") == "organization"
    assert column.labels() == ["自然人", "法人或其他组织"]


def test_headers_do_not_say_a_word_twice_and_old_headers_still_read():
    layout = Layout.of(registry.get("demand_letter").model)
    headers = [h for h, _c, _s in layout.template_headers()]
    assert "付款期限（天数）" in headers
    assert "签署人" in headers
    assert not any("付款期限付款期限" in h or "签署人签署人" in h for h in headers)
    resolved = layout.resolve(["付款期限付款期限（天数）"])
    assert not resolved.unknown


def _column(zh: str):
    layout = Layout.of(registry.get("demand_letter").model)
    return next(c for c in layout.columns if c.zh == zh)


def test_an_amount_is_read_as_excel_shows_it_not_as_its_binary_noise():
    total = _column("欠款金额合计（元）")
    assert total.convert(112242.38000000001) == "112242.38"  # a sum of cells in Excel
    assert total.convert(0.1 + 0.2) == "0.3"
    assert total.convert(1409.5) == "1409.5"
    assert total.convert(100000.0) == 100000


def test_an_amount_holding_more_than_the_fen_is_refused_not_rounded():
    amount = _column("欠款金额欠款明细{n}金额（元）")
    assert amount.places == 2
    with pytest.raises(CellError) as caught:
        amount.convert(100000 * 0.06 * 659 / 365)  # a formula formatted to two decimals
    assert caught.value.code == "number_not_rounded"
    assert "实际为 10832.8767123288，多于 2 位小数" in caught.value.message
    assert "=ROUND(原公式,2)" in caught.value.hint


def test_a_rate_keeps_its_decimals():
    rate = _column("欠款金额欠款明细{n}计算方式利率数值")
    assert rate.places is None
    assert rate.convert(0.0005) == "0.0005"
    assert rate.convert(3.85) == "3.85"
