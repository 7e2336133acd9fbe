"""The postcodes of a batch row: a malformed one refuses the row at its column (it would
put a wrong line on the mailing list), a guarantors' list that does not match the
guarantors is warned of, a blank one is fine."""

from __future__ import annotations

import csv

import pytest

from docgen.cli import main
from tests.batch_support import GUARANTOR_PERSON, person_case, sheet, write_csv

pytestmark = pytest.mark.slow


def _guaranteed(i: int, postcodes: list[str]) -> dict:
    case = person_case(i)
    case["guarantors"] = [GUARANTOR_PERSON]
    case["guarantees"] = [
        {"type": "joint", "contract": "2025年1月10日签订的《保证合同》", "claimed_on": "2026-02-09"}
    ]
    case["mailing"] = {"postcode": "100010", "guarantor_postcodes": postcodes}
    return case


def _read(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_malformed_postcodes_refuse_the_row_and_a_short_list_is_warned(runner, tmp_path):
    seven = person_case(0)
    seven["mailing"] = {"postcode": "1000100"}
    letters = person_case(1)
    letters["mailing"] = {"postcode": "10001O"}  # a letter O typed for the zero
    blank = person_case(2)
    cases = [
        seven,
        letters,
        blank,
        _guaranteed(3, ["518057", "200120"]),
        _guaranteed(4, ["518057", "5180"]),
    ]
    headers, rows = sheet(cases)
    source = write_csv(tmp_path / "cases.csv", headers, rows)
    result = runner.invoke(
        main, ["batch", "check", str(source), "--type", "demand_letter", "--out", str(tmp_path)]
    )
    assert "可生成 2 行，拒绝 3 行" in result.output, result.output

    rejects = _read(tmp_path / "cases.rejects.csv")
    refused = [(r["行号"], r["列"], r["错误代码"], r["填写的值"]) for r in rejects]
    assert refused == [
        ("2", "邮政编码", "postcode_format", "1000100"),
        ("3", "邮政编码", "postcode_format", "10001O"),
        ("6", "保证人邮政编码", "postcode_format", "518057、5180"),
    ]
    assert "邮政编码为6位数字" in rejects[0]["错误信息"]
    assert "第2个保证人的「5180」不是邮政编码" in rejects[2]["错误信息"]

    warnings = [w for w in _read(tmp_path / "cases.warnings.csv") if "postcode" in w["错误代码"]]
    assert [(w["行号"], w["列"], w["错误代码"]) for w in warnings] == [
        ("5", "保证人邮政编码", "guarantor_postcodes_count"),
    ]
    assert "填写了2个保证人邮政编码，但这一行有1个保证人" in warnings[0]["错误信息"]
