"""The three sheets a new operator brings: an XLSX of 200 debtors, a GBK CSV saved by Excel
on Chinese Windows (dates 2025/6/1), a UTF-8-BOM CSV typed by people (2026年3月5日, ￥, 万).

Each has bad rows; every reject must name the sheet's own column, the customer number and
a hint that says how to fix it; the same debtor and contract twice is caught.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from docgen.cli import main
from docgen.domain.written import AMOUNT_HINT, DATE_HINT
from tests.operator_sheets import (
    COL,
    excel_row,
    reference,
    row,
    write_csv,
    write_shared,
    write_xlsx,
)

ROWS = 200
TEXT_HINT = "请把该列设为「文本」格式"


def _check(runner, tmp_path: Path, source: Path) -> tuple[str, list[dict[str, str]]]:
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "check", str(source), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path)])
    assert result.exit_code in (0, 1), result.output
    with (tmp_path / f"{source.stem}.rejects.csv").open(encoding="utf-8-sig", newline="") as fh:
        return result.output, list(csv.DictReader(fh))


def _by_row(rejects: list[dict[str, str]]) -> dict[int, list[dict[str, str]]]:
    out: dict[int, list[dict[str, str]]] = {}
    for line in rejects:
        out.setdefault(int(line["行号"]), []).append(line)
    return out


def _xlsx_rows() -> list[list]:
    rows = [row(i, "xlsx") for i in range(ROWS)]
    rows[5][COL["债务人证件号码"]] = float(rows[5][COL["债务人证件号码"]])  # 1.10101E+17
    rows[17][COL["债权依据签订日期"]] = "2025/13/01"
    rows[29][COL["欠款金额欠款明细1金额（元）"]] = "十万块"
    rows[41][COL["债务人联系电话"]] = "138-abc"  # and the principal left blank
    rows[41][COL["欠款金额欠款明细1金额（元）"]] = None
    rows[53][COL["债务人主体类型"]] = "个体户"
    rows[77] = list(rows[76])  # the same debtor and contract again
    rows[77][COL["客户编号"]] = reference(77)
    rows[88][COL["欠款金额合计（元）"]] = "106,007.14（壹拾万陆仟零柒元整）"
    rows[100][COL["欠款金额欠款明细2金额（元）"]] = 6000.1 + 7.04  # 6007.140000000001
    rows[120][COL["欠款金额欠款明细2金额（元）"]] = 6007.1369863  # a formula shown as 6,007.14
    return rows


def test_an_xlsx_of_200_debtors_in_real_world_forms(runner, tmp_path):
    source = write_xlsx(tmp_path / "催收名单.xlsx", _xlsx_rows())
    output, rejects = _check(runner, tmp_path, source)

    assert "共 200 行：可生成 192 行，拒绝 8 行" in output
    by_row = _by_row(rejects)
    assert set(by_row) == {excel_row(i) for i in (5, 17, 29, 41, 53, 77, 88, 120)}
    for i in (5, 17, 29, 41, 53, 77, 88, 120):
        for line in by_row[excel_row(i)]:
            assert line["客户编号"] == reference(i)
            assert line["债务人"].startswith("王芳")
            assert line["提示"]
    expected = {
        5: ("债务人证件号码", "number_stored_as_number", TEXT_HINT),
        17: ("债权依据签订日期", "date_invalid", DATE_HINT),
        29: ("欠款金额欠款明细1金额（元）", "amount_format", AMOUNT_HINT),
        53: ("债务人主体类型", "union_tag_invalid", "自然人"),
        77: ("债务人证件号码", "duplicate_in_run", "删除重复的行"),
        88: ("欠款金额合计（元）", "amount_words_mismatch", "核对小写与大写金额"),
        120: ("欠款金额欠款明细2金额（元）", "number_not_rounded", "=ROUND(原公式,2)"),
    }
    for i, (column, code, hint) in expected.items():
        (line,) = by_row[excel_row(i)]
        assert (line["列"], line["错误代码"]) == (column, code)
        assert hint in line["提示"]
    assert by_row[excel_row(17)][0]["填写的值"] == "2025/13/01"
    earlier = f"与第 {excel_row(76)} 行（客户编号 {reference(76)}）"
    assert earlier in by_row[excel_row(77)][0]["错误信息"]
    # every error of a row at once: the bad phone does not hide the missing amount, and
    # the total is still checked against the amounts that are there
    found = {(line["列"], line["错误代码"]) for line in by_row[excel_row(41)]}
    assert found == {
        ("债务人联系电话", "phone_format"),
        ("欠款金额欠款明细1金额（元）", "missing"),
        ("欠款金额合计（元）", "total_mismatch"),
    }
    (blank,) = [r for r in by_row[excel_row(41)] if r["错误代码"] == "missing"]
    assert blank["提示"] == f"这一格不能留空；{AMOUNT_HINT}"  # not the message again
    (total,) = [r for r in by_row[excel_row(41)] if r["错误代码"] == "total_mismatch"]
    assert total["提示"] == "合计应为 6,007.14；或留空由系统自动合计"


def test_the_xlsx_rejects_report_highlights_the_offending_cells(runner, tmp_path):
    source = write_xlsx(tmp_path / "催收名单.xlsx", _xlsx_rows())
    _check(runner, tmp_path, source)
    book = load_workbook(tmp_path / "催收名单.rejects.xlsx")
    copy = book["被拒绝的行"]
    header = [c.value for c in copy[1]]
    assert header[0] == "行号" and header[1:] == list(COL)
    rows = {r[0].value: r for r in copy.iter_rows(min_row=2)}
    date_cell = rows[excel_row(17)][1 + COL["债权依据签订日期"]]
    assert date_cell.value == "2025/13/01"
    assert date_cell.fill.fgColor.rgb.endswith("FFC7CE")
    assert DATE_HINT in date_cell.comment.text
    untouched = rows[excel_row(17)][1 + COL["债务人姓名"]]
    assert untouched.fill.fgColor.rgb in (None, "00000000")
    # an empty required cell is marked too, and a date cell is copied as a date
    empty = rows[excel_row(41)][1 + COL["欠款金额欠款明细1金额（元）"]]
    assert empty.value is None
    assert empty.fill.fgColor.rgb.endswith("FFC7CE")
    assert "必填项" in empty.comment.text
    signed = rows[excel_row(41)][1 + COL["债权依据签订日期"]]
    assert signed.value == datetime(2025, 6, 1)
    assert signed.number_format == "yyyy-mm-dd"


def _gbk_rows() -> list[list]:
    rows = [row(i, "gbk") for i in range(ROWS)]
    rows[3][COL["债务人证件号码"]] = "1.10101E+17"  # what Excel shows for a number
    rows[60][COL["债权依据应付款日期"]] = "2025/6/31"
    rows[150] = list(rows[12])
    rows[150][COL["客户编号"]] = reference(150)
    return rows


def test_a_gbk_csv_saved_by_excel_with_2025_6_1_dates(runner, tmp_path):
    source = write_csv(tmp_path / "gbk.csv", _gbk_rows(), "gbk")
    output, rejects = _check(runner, tmp_path, source)

    assert "共 200 行：可生成 197 行，拒绝 3 行" in output
    by_row = _by_row(rejects)
    (bad_id,) = by_row[excel_row(3)]
    assert (bad_id["列"], bad_id["客户编号"], bad_id["填写的值"]) == (
        "债务人证件号码",
        reference(3),
        "1.10101E+17",
    )
    assert TEXT_HINT in bad_id["提示"]
    (bad_date,) = by_row[excel_row(60)]
    assert (bad_date["列"], bad_date["客户编号"]) == ("债权依据应付款日期", reference(60))
    assert bad_date["提示"] == DATE_HINT
    (repeat,) = by_row[excel_row(150)]
    assert repeat["错误代码"] == "duplicate_in_run" and repeat["客户编号"] == reference(150)
    assert f"第 {excel_row(12)} 行" in repeat["错误信息"]


def _bom_rows() -> list[list]:
    rows = [row(i, "bom") for i in range(ROWS)]
    rows[8][COL["欠款金额欠款明细2金额（元）"]] = "1.2.3万"
    rows[99][COL["付款期限天数类型"]] = "工作天"
    return rows


def test_a_utf8_bom_csv_typed_by_people(runner, tmp_path):
    source = write_csv(tmp_path / "bom.csv", _bom_rows(), "utf-8-sig")
    output, rejects = _check(runner, tmp_path, source)

    assert "共 200 行：可生成 198 行，拒绝 2 行" in output
    by_row = _by_row(rejects)
    (amount,) = by_row[excel_row(8)]
    assert (amount["列"], amount["客户编号"], amount["提示"]) == (
        "欠款金额欠款明细2金额（元）",
        reference(8),
        AMOUNT_HINT,
    )
    (choice,) = by_row[excel_row(99)]
    assert (choice["列"], choice["客户编号"], choice["填写的值"]) == (
        "付款期限天数类型",
        reference(99),
        "工作天",
    )
    assert choice["提示"] == "请从下拉列表中选择：工作日、自然日"


@pytest.mark.parametrize("rows", [6])
def test_a_problem_of_every_row_is_reported_once_for_its_column(runner, tmp_path, rows):
    values = [row(i, "gbk") for i in range(rows)]
    for line in values:
        line[COL["债务人主体类型"]] = "个人"
    source = write_csv(tmp_path / "all.csv", values, "gbk")
    output, rejects = _check(runner, tmp_path, source)

    assert f"拒绝 {rows} 行" in output
    column = [r for r in rejects if r["行号"] == "全部"]
    assert len(column) == 1
    assert column[0]["错误信息"].startswith("列「债务人主体类型」：")
    assert column[0]["错误信息"].endswith(f"影响全部{rows}行")
    assert all(r["列"] != "债务人主体类型" for r in rejects if r["行号"] != "全部")
