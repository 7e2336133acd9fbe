"""Cells as collection systems export them, read from real XLSX files: dates carrying a
time (cells and text), a duplicate row typed differently from its twin, and a sheet
whose header cannot be found."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from docgen.cli import main
from tests.operator_sheets import COL, HEADERS, row, write_shared, write_xlsx

SIGNED, DUE, AS_OF = (
    COL[h] for h in ("债权依据签订日期", "债权依据应付款日期", "欠款金额截至日期")
)


def _check(runner, tmp_path: Path, source: Path) -> tuple[str, list[dict[str, str]], list[dict]]:
    shared = write_shared(tmp_path / "shared.json")
    out = tmp_path / "checks"
    args = ["batch", "check", str(source), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    found = []
    for name in ("rejects", "warnings"):
        with (out / f"{source.stem}.{name}.csv").open(encoding="utf-8-sig", newline="") as fh:
            found.append(list(csv.DictReader(fh)))
    return result.output, found[0], found[1]


def _timed(i: int, signed, due, as_of) -> list:
    values = row(i, "xlsx")
    values[SIGNED], values[DUE], values[AS_OF] = signed, due, as_of
    return values


def test_every_date_at_midnight_is_read_as_its_date(runner, tmp_path):
    source = write_xlsx(
        tmp_path / "导出.xlsx",
        [
            _timed(0, datetime(2025, 6, 1, 0, 0), datetime(2025, 12, 1), datetime(2026, 10, 31)),
            _timed(1, "2025-06-01 00:00:00", "2025/12/1 0:00", "2026-10-31 00:00:00"),
            _timed(2, "2025/6/1 0:00:00", 45992.0, "2026/10/31 0:00"),
        ],
    )
    output, rejects, warnings = _check(runner, tmp_path, source)

    assert "共 3 行：可生成 3 行，拒绝 0 行" in output
    assert rejects == []
    assert not [w for w in warnings if w["错误代码"].startswith("date_time")]


def test_another_time_is_warned_of_and_sixteen_hundred_refused_with_the_rows_other_cells(
    runner, tmp_path
):
    bad_sex = _timed(2, datetime(2025, 5, 31, 16, 0), "2025/12/1", datetime(2026, 10, 31))
    bad_sex[COL["债务人性别"]] = "未知"
    source = write_xlsx(
        tmp_path / "导出.xlsx",
        [
            _timed(0, datetime(2025, 6, 1, 14, 35), "2025-12-01 09:30:00", "2026-10-31"),
            _timed(1, "2025-06-01", "2025-12-01", "2026-10-31"),
            bad_sex,
        ],
    )
    output, rejects, warnings = _check(runner, tmp_path, source)

    assert "共 3 行：可生成 2 行，拒绝 1 行" in output  # the good rows are kept
    timed = [(w["行号"], w["列"], w["错误代码"]) for w in warnings if "时间" in w["错误信息"]]
    assert timed == [
        ("2", "债权依据签订日期", "date_time_dropped"),
        ("2", "债权依据应付款日期", "date_time_dropped"),
    ]
    signed = next(w for w in warnings if w["列"] == "债权依据签订日期")
    assert "14:35" in signed["错误信息"] and "2025年6月1日" in signed["错误信息"]
    assert signed["填写的值"] == "2025-06-01 14:35:00"

    assert sorted((r["行号"], r["列"], r["错误代码"]) for r in rejects) == [
        ("4", "债务人性别", "literal_error"),
        ("4", "债权依据签订日期", "date_time_utc"),
    ]
    utc = next(r for r in rejects if r["错误代码"] == "date_time_utc")
    assert "2025年6月1日 0 时" in utc["错误信息"] and "2025年5月31日 16 时" in utc["错误信息"]
    assert "=INT(原单元格+8/24)" in utc["提示"]


def test_a_duplicate_typed_differently_from_its_twin_is_caught(runner, tmp_path):
    first = row(0, "xlsx")
    first[COL["债权依据合同编号"]] = None  # known by its name and signing date
    first[SIGNED] = datetime(2025, 1, 10)
    twin = list(first)
    twin[COL["债务人证件号码"]] = " " + "".join(chr(ord(c) + 0xFEE0) for c in first[4])
    twin[COL["债权依据合同名称"]] = "借款 合同"
    twin[SIGNED] = "2025/1/10"
    twin[COL["客户编号"]] = "KH-0099"

    unnamed = row(5, "xlsx")  # no ID number: known by name and address
    unnamed[COL["债务人证件号码"]] = None
    unnamed[COL["债权依据合同编号"]] = None
    unnamed[SIGNED] = "2025年1月10日"
    unnamed[COL["债务人住所地"]] = "上海市浦东新区世纪大道5号"
    other = list(unnamed)
    other[COL["债务人姓名"]] = "王芳５"
    other[COL["债务人住所地"]] = "上海市浦东新区世纪大道\u3000５号"
    other[SIGNED] = datetime(2025, 1, 10, 0, 0)
    other[COL["客户编号"]] = "KH-0098"

    source = write_xlsx(tmp_path / "重复.xlsx", [first, twin, unnamed, other])
    output, rejects, _ = _check(runner, tmp_path, source)

    assert "共 4 行：可生成 2 行，拒绝 2 行" in output
    assert [(r["行号"], r["错误代码"]) for r in rejects] == [
        ("3", "duplicate_in_run"),
        ("5", "duplicate_in_run"),
    ]
    assert "与第 2 行（客户编号 KH-0000）" in rejects[0]["错误信息"]
    assert "与第 4 行（客户编号 KH-0005）" in rejects[1]["错误信息"]


def _refused_sheet(runner, tmp_path: Path, book: Workbook, name: str) -> str:
    """The message of ``batch check`` refusing the whole sheet ``book`` (saved as ``name``)."""
    book.save(tmp_path / name)
    shared = write_shared(tmp_path / "shared.json")
    args = ["--type", "demand_letter", "--shared", str(shared), "--out", str(tmp_path)]
    result = runner.invoke(main, ["batch", "check", str(tmp_path / name), *args])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    return result.output


def test_no_header_says_which_rows_were_looked_at_and_what_was_expected(runner, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "明细"
    sheet.append(["2026年11月 逾期名单"])
    sheet.append([])
    sheet.append(["客户名称", "身份证号", "借款金额", "签约日"])  # the system's own words
    message = " ".join(_refused_sheet(runner, tmp_path, book, "自有列名.xlsx").split())
    assert "没有找到表头：查看了每个工作表的前 10 个非空行（第 1、3 行）" in message
    assert "「债权人姓名」「债务人姓名」「发函日期」" in message
    assert "第 3 行写的是「客户名称」「身份证号」「借款金额」「签约日」" in message
    assert "列名映射文件" in message


def test_a_header_below_the_rows_looked_at_is_named_by_its_worksheet(runner, tmp_path):
    book = Workbook()
    notes = book.active
    notes.title = "明细"
    for i in range(11):
        notes.append([f"说明 {i + 1}"])
    notes.append(HEADERS)  # the 12th non-blank row: too far down
    book.create_sheet("汇总").append(["户数", 3])
    message = "".join(_refused_sheet(runner, tmp_path, book, "说明太多.xlsx").split())
    assert "（工作表「明细」第1–10行；工作表「汇总」第1行）" in message
    assert "请删除它上面多余的行" in message


def test_an_empty_sheet_is_said_to_be_empty_not_searched(runner, tmp_path):
    message = "".join(_refused_sheet(runner, tmp_path, Workbook(), "空表.xlsx").split())
    assert "表格没有内容（没有表头，也没有数据行）" in message
    assert "（（" not in message
