"""What an operator's messy sheet showed: each cell's problem in the sheet's own words,
with a hint that fits it, and columns the run need not read left alone."""

from __future__ import annotations

import csv
from pathlib import Path

from docgen.cli import main
from tests.operator_sheets import (
    COL,
    excel_row,
    row,
    write_shared,
    write_xlsx,
)


def _check(runner, tmp_path: Path, source: Path) -> tuple[object, dict[str, list[dict]]]:
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "check", str(source), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path)])
    reports = {}
    for kind in ("rejects", "warnings"):
        path = tmp_path / f"{source.stem}.{kind}.csv"
        if path.exists():
            with path.open(encoding="utf-8-sig", newline="") as fh:
                reports[kind] = list(csv.DictReader(fh))
    return result, reports


def _lines(report: list[dict], i: int) -> list[tuple[str, str]]:
    return [(r["列"], r["错误代码"]) for r in report if r["行号"] == str(excel_row(i))]


def test_a_phone_number_of_the_wrong_length_is_refused_at_its_cell(runner, tmp_path):
    rows = [row(i, "xlsx") for i in range(6)]
    rows[1][COL["债务人联系电话"]] = "1380013801"  # a mobile number one digit short
    rows[2][COL["债务人联系电话"]] = "62345678"  # a landline without its area code
    rows[3][COL["债务人联系电话"]] = "010-6234-5678"
    rows[4][COL["债务人联系电话"]] = "+86 139 0013 9000"
    source = write_xlsx(tmp_path / "名单.xlsx", rows)
    result, reports = _check(runner, tmp_path, source)
    assert result.exit_code == 1, result.output
    rejects = reports["rejects"]
    for i in (1, 2):
        assert _lines(rejects, i) == [("债务人联系电话", "phone_format")]
    (line,) = [r for r in rejects if r["行号"] == str(excel_row(1))]
    assert line["填写的值"] == "1380013801"
    assert "手机号（如 13800138000）或带区号的固话" in line["错误信息"]
    assert {r["行号"] for r in rejects} == {str(excel_row(1)), str(excel_row(2))}


def test_a_blank_phone_is_warned_of_for_the_mailing_sheet_not_refused(runner, tmp_path):
    rows = [row(i, "xlsx") for i in range(3)]
    rows[1][COL["债务人联系电话"]] = None
    source = write_xlsx(tmp_path / "名单.xlsx", rows)
    result, reports = _check(runner, tmp_path, source)
    assert result.exit_code == 0, result.output
    assert not reports["rejects"]
    (warned,) = [r for r in reports["warnings"] if r["列"] == "债务人联系电话"]
    assert warned["行号"] == str(excel_row(1))
    assert warned["列"] == "债务人联系电话"
    assert warned["错误代码"] == "recipient_phone_missing"
    assert "EMS 批量交寄要求填写收件人电话" in warned["错误信息"]
