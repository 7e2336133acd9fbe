"""A sheet as a collections system exports it: a title above the header, a hidden notes
column, a 序号 column, the data on the second worksheet, formulas with and without their
computed value. The rows are read at the row numbers Excel shows; the rejects report's
「被拒绝的行」 reads back as it is, for a run of the rejects only."""

from __future__ import annotations

import csv
import re
import shutil
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from docgen.cli import main
from tests.operator_sheets import COL, HEADERS, row, write_shared

FORMULA_CELL = "R8"  # 欠款金额合计（元） of the fifth data row, computed
NO_RESULT_ROW = 9  # its principal a formula saved without a result


def _export(path: Path, hidden_row: int | None = None) -> Path:
    book = Workbook()
    summary = book.active
    summary.title = "汇总"
    summary.append(["户数", 6])
    sheet = book.create_sheet("明细")
    sheet.append(["恒信商贸 2026年11月 逾期客户名单（系统导出）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS) + 2)
    sheet.append(["导出时间：2026-11-20"])
    sheet.append([*HEADERS, "序号", "催收员"])
    for i in range(6):
        values = row(i, "xlsx")
        if i == 4:
            values[COL["欠款金额合计（元）"]] = "=O8+Q8"
        if i == 5:
            values[COL["欠款金额欠款明细1金额（元）"]] = "=50000*2"
        sheet.append([*values, i + 1, "陈某"])
    sheet.column_dimensions["W"].hidden = True  # 催收员: notes, not for the letter
    if hidden_row is not None:
        sheet.row_dimensions[hidden_row].hidden = True  # filtered out
    for blank in range(10, 30):  # formatted, empty rows under the data
        sheet.cell(blank, 1).number_format = "@"
    book.save(path)
    _cache(path, FORMULA_CELL, "106007.14")
    return path


def _cache(path: Path, ref: str, value: str) -> None:
    """Give a formula the result Excel would have saved with it."""
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                text, n = re.subn(
                    rf'(<c r="{ref}"[^>]*>)<f>([^<]*)</f>(?:<v\s*/>|<v></v>)?',
                    rf"\1<f>\2</f><v>{value}</v>",
                    data.decode(),
                )
                assert n == 1
                data = text.encode()
            zout.writestr(item, data)
    shutil.move(tmp, path)


def _check(runner, tmp_path: Path, source: Path, out: str) -> tuple[str, list[dict[str, str]]]:
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "check", str(source), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path / out)])
    assert result.exit_code in (0, 1), result.output
    report = tmp_path / out / f"{source.stem}.rejects.csv"
    with report.open(encoding="utf-8-sig", newline="") as fh:
        return result.output, list(csv.DictReader(fh))


def test_an_export_is_read_under_its_title_on_its_second_sheet(runner, tmp_path):
    output, rejects = _check(runner, tmp_path, _export(tmp_path / "导出.xlsx"), "checks")

    assert "共 6 行：可生成 5 行，拒绝 1 行" in output
    assert [(r["行号"], r["列"], r["填写的值"], r["错误代码"]) for r in rejects] == [
        (str(NO_RESULT_ROW), "欠款金额欠款明细1金额（元）", "'=50000*2", "formula_without_value")
    ]
    assert "没有保存它的计算结果" in rejects[0]["错误信息"]
    assert "选择性粘贴" in rejects[0]["提示"]


def test_a_visible_unknown_column_is_not_read_and_warned_of_once(runner, tmp_path):
    source = _export(tmp_path / "导出.xlsx")
    book = load_workbook(source)
    book["明细"].column_dimensions["W"].hidden = False
    book.save(source)
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "check", str(source), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path)])

    assert result.exit_code == 1, result.output  # the formula rows (openpyxl's save
    assert "共 6 行：可生成 4 行" in result.output  # drops the saved results): read all the same
    with (tmp_path / "导出.warnings.csv").open(encoding="utf-8-sig", newline="") as fh:
        first = next(csv.DictReader(fh))
    assert first["行号"] == "全部"
    assert first["错误信息"].startswith("表格中有 1 列无法识别，未读取：「催收员」")
    assert first["错误代码"] == "columns_not_read"


def test_the_rejected_rows_read_back_for_a_run_of_the_rejects(runner, tmp_path):
    source = _export(tmp_path / "导出.xlsx")
    _check(runner, tmp_path, source, "checks")
    report = tmp_path / "checks" / "导出.rejects.xlsx"
    copy = load_workbook(report)["被拒绝的行"]
    heads = [c.value for c in copy[1]]
    id_column = heads.index("债务人证件号码") + 1
    letter = copy.cell(1, id_column).column_letter
    assert copy.column_dimensions[letter].number_format == "@"  # retyped IDs keep 18 digits
    assert copy.column_dimensions[copy.cell(1, heads.index("催收员") + 1).column_letter].hidden

    output, rejects = _check(runner, tmp_path, report, "again")
    assert "共 1 行：可生成 0 行，拒绝 1 行" in output  # the formula, copied as text, still
    assert rejects[0]["列"] == "欠款金额欠款明细1金额（元）"
    assert rejects[0]["错误代码"] == "formula_without_value"  # not 「不是金额」
    assert "公式「=50000*2」" in rejects[0]["错误信息"]
    assert "直接填写它的值" in rejects[0]["提示"]
    assert rejects[0]["填写的值"] == "'=50000*2"  # still guarded on output

    copy = load_workbook(tmp_path / "again" / "导出.rejects.rejects.xlsx")["被拒绝的行"]
    heads = [c.value for c in copy[1]]
    cell = copy.cell(2, heads.index("欠款金额欠款明细1金额（元）") + 1)
    assert cell.data_type == "s" and cell.value == "'=50000*2"  # text, never a formula


def test_a_two_row_header_under_a_title_and_formatted_rows_under_the_data(runner, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["2026年12月 催收名单"])
    top = [None] * len(HEADERS)
    below = list(HEADERS)
    first = COL["付款期限（天数）"]
    top[first], below[first], below[first + 1] = "付款期限", "（天数）", "天数类型"
    sheet.append(top)  # 付款期限 merged over its two columns; 邮政编码 beside it, below
    sheet.append(below)
    sheet.merge_cells(start_row=2, start_column=first + 1, end_row=2, end_column=first + 2)
    for i in range(3):
        sheet.append(row(i, "xlsx"))
    for blank in range(7, 40):
        sheet.cell(blank, 2).number_format = "@"
    source = tmp_path / "两行表头.xlsx"
    book.save(source)

    output, rejects = _check(runner, tmp_path, source, "checks")
    assert "共 3 行：可生成 3 行，拒绝 0 行，空行 0 行" in output
    assert rejects == []


def test_a_row_filtered_out_is_made_all_the_same_and_warned_of(runner, tmp_path):
    source = _export(tmp_path / "导出.xlsx", hidden_row=5)  # the second data row
    output, _ = _check(runner, tmp_path, source, "checks")
    assert "可生成 5 行" in output  # a hidden row is no deleted row

    with (tmp_path / "checks" / "导出.warnings.csv").open(encoding="utf-8-sig") as fh:
        warned = [r for r in csv.DictReader(fh) if r["错误代码"] == "row_hidden"]
    assert [(r["行号"], r["列"]) for r in warned] == [("5", "")]
    assert "删除这一行" in warned[0]["提示"]
