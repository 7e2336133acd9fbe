"""What an operator's messy sheet showed: each cell's problem in the sheet's own words,
with a hint that fits it, and columns the run need not read left alone."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

from docgen.cli import main
from tests.operator_sheets import (
    COL,
    HEADERS,
    excel_row,
    row,
    write_csv,
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


def _with_columns(path: Path, headers: list[str], rows: list[list]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for values in rows:
        sheet.append(values)
    book.save(path)
    return path


def test_unknown_columns_are_not_read_and_listed_once_for_the_sheet(runner, tmp_path):
    extra = [f"备注{i}" for i in range(11)] + ["催收员", "逾期天数"]
    rows = [[*row(i, "xlsx"), *(["x"] * len(extra))] for i in range(3)]
    source = _with_columns(tmp_path / "名单.xlsx", [*HEADERS, *extra], rows)
    result, reports = _check(runner, tmp_path, source)
    assert result.exit_code == 0, result.output
    assert "共 3 行：可生成 3 行" in result.output
    first = reports["warnings"][0]
    assert first["行号"] == "全部"
    assert first["错误代码"] == "columns_not_read"
    assert "表格中有 13 列无法识别，未读取：「备注0」" in first["错误信息"]
    assert "等13列" in first["错误信息"]  # all counted, though ten are named


def test_unknown_columns_beside_a_missing_required_one_refuse_the_sheet(runner, tmp_path):
    headers = [h if h != "债务人姓名" else "债务人名字" for h in HEADERS] + ["备注"]
    rows = [[*row(i, "xlsx"), ""] for i in range(2)]
    source = _with_columns(tmp_path / "名单.xlsx", headers, rows)
    result, _reports = _check(runner, tmp_path, source)
    assert result.exit_code == 2
    assert "表格缺少必填的列：「债务人姓名」" in result.output
    assert "无法识别的列名：「债务人名字」、「备注」" in result.output
    assert "债务人名字 → 债务人姓名？" in result.output


def test_common_short_headers_are_read_as_the_recipients_columns(runner, tmp_path):
    short = {
        "债务人姓名": "姓名",
        "债务人证件号码": "身份证号",
        "债务人住所地": "地址",
        "债务人联系电话": "手机号",
        "邮政编码": "邮编",
        "债权依据合同名称": "合同名称",
        "债权依据签订日期": "签订日期",
        "债权依据应付款日期": "到期日",
        "欠款金额合计（元）": "合计",
    }
    headers = [short.get(h, h) for h in HEADERS]
    source = _with_columns(tmp_path / "名单.xlsx", headers, [row(i, "xlsx") for i in range(2)])
    result, reports = _check(runner, tmp_path, source)
    assert result.exit_code == 0, result.output
    first = reports["warnings"][0]
    assert first["行号"] == "全部"
    assert "「姓名」按「债务人姓名」读取" in first["错误信息"]
    assert "「到期日」按「债权依据应付款日期」读取" in first["错误信息"]


def test_a_short_header_of_a_numbered_item_is_only_suggested(runner, tmp_path):
    headers = [h for h in HEADERS if "欠款明细2" not in h]
    headers = ["本金" if h == "欠款金额欠款明细1金额（元）" else h for h in headers]
    keep = [i for i, h in enumerate(HEADERS) if "欠款明细2" not in h]
    rows = [[row(i, "xlsx")[k] for k in keep] for i in range(2)]
    source = _with_columns(tmp_path / "名单.xlsx", headers, rows)
    _result, reports = _check(runner, tmp_path, source)
    first = reports["warnings"][0]
    assert "「本金」" in first["错误信息"]
    assert "本金 → 欠款金额欠款明细1金额（元）？（并填写项目类型）" in first["错误信息"]


def test_a_wrong_id_number_is_the_fix_not_a_sex_column_to_add(runner, tmp_path):
    keep = [i for i, h in enumerate(HEADERS) if h != "债务人性别"]
    rows = [row(i, "xlsx") for i in range(5)]
    rows[1][COL["债务人证件号码"]] = rows[1][COL["债务人证件号码"]][:-1] + (
        "0" if rows[1][COL["债务人证件号码"]][-1] != "0" else "1"
    )  # its check digit wrong
    rows[2][COL["债务人证件号码"]] = float(rows[2][COL["债务人证件号码"]])  # Excel's number
    rows[3][COL["债务人证件号码"]] = None  # no number: no sex to read from it
    source = _with_columns(
        tmp_path / "名单.xlsx", [HEADERS[k] for k in keep], [[r[k] for k in keep] for r in rows]
    )
    _result, reports = _check(runner, tmp_path, source)
    rejects = reports["rejects"]
    (advice,) = [r for r in rejects if r["错误代码"] == "column_missing"]
    assert advice["列"] == "债务人性别"
    assert f"影响第 {excel_row(3)} 行" in advice["错误信息"]  # the row without a number only
    assert _lines(rejects, 1) == [("债务人证件号码", "id_checksum")]
    assert _lines(rejects, 2) == [("债务人证件号码", "number_stored_as_number")]


def test_each_hint_fits_its_problem_not_the_columns_form(runner, tmp_path):
    rows = [row(i, "xlsx") for i in range(6)]
    rows[1][COL["债权依据应付款日期"]] = "2027-01-01"  # after the letter date
    rows[2][COL["欠款金额欠款明细1金额（元）"]] = "-500"
    rows[3][COL["邮政编码"]] = 1000221  # seven digits in a number cell
    rows[4][COL["邮政编码"]] = 10010  # 010010 without its 0
    source = write_xlsx(tmp_path / "名单.xlsx", rows)
    _result, reports = _check(runner, tmp_path, source)
    by = {(r["行号"], r["错误代码"]): r for r in reports["rejects"]}

    due = by[(str(excel_row(1)), "not_yet_due")]
    assert "日期请写成" not in due["提示"]
    assert "在发函日期之后" in due["提示"]
    negative = by[(str(excel_row(2)), "greater_than")]
    assert negative["提示"].startswith("金额应为正数（大于 0）")
    seven = by[(str(excel_row(3)), "postcode_format")]
    assert seven["错误信息"] == "「1000221」不是邮政编码：邮政编码为6位数字"
    assert "Excel" not in seven["错误信息"] + seven["提示"]
    lost = by[(str(excel_row(4)), "number_stored_as_number")]
    assert "丢失开头的 0" in lost["错误信息"]


def test_a_run_says_its_status_in_chinese_and_where_each_output_is(runner, tmp_path):
    rows = [row(i, "gbk") for i in range(3)]
    rows[1][COL["债务人住所地"]] = ""
    rows[2][COL["债务人住所地"]] = "望京街10号"  # no province or city: not split
    source = write_csv(tmp_path / "run.csv", rows, "utf-8-sig")
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "run", str(source), "--type", "demand_letter", "--format", "pdf"]
    args += ["--shared", str(shared), "--out", str(tmp_path / "runs"), "--processes", "1"]
    result = runner.invoke(main, args)
    assert result.exit_code == 1, result.output
    (folder,) = (tmp_path / "runs").iterdir()
    output = result.output
    assert "：已完成；共 3 行" in output
    assert "：done" not in output
    assert f"拒绝清单：{folder / 'rejects.csv'}、{folder / 'rejects.xlsx'}" in output
    assert f"（不影响生成）：{folder / 'warnings.csv'}" in output
    assert f"邮寄清单：{folder / 'mailing.xlsx'}（1 个地址未能拆分出省、市、区县" in output
    assert f"打印文件：{folder / 'print' / 'merged-001.pdf'}（2 封，" in output


def test_the_mailing_sheet_counts_the_sheets_each_envelope_holds(runner, tmp_path):
    import json

    from openpyxl import load_workbook
    from pypdf import PdfReader

    from docgen.batch.mailing import MAILING_HEADER

    source = write_csv(tmp_path / "run.csv", [row(i, "gbk") for i in range(3)], "utf-8-sig")
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "run", str(source), "--type", "demand_letter", "--address-page"]
    args += ["--shared", str(shared), "--out", str(tmp_path / "runs"), "--processes", "1"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    (folder,) = (tmp_path / "runs").iterdir()
    sheet = load_workbook(folder / "mailing.xlsx").active
    assert [c.value for c in sheet[1]][-2:] == ["页数", "印张"]
    rows = [
        dict(zip(MAILING_HEADER, (c.value for c in r), strict=True))
        for r in sheet.iter_rows(min_row=2)
    ]
    for entry in rows:  # the letter two pages a sheet, and the address page's sheet
        assert entry["印张"] == (entry["页数"] + 1) // 2 + 1
    (volume,) = json.loads((folder / "summary.json").read_text("utf-8"))["print_files"]
    printed = len(PdfReader(folder / volume["file"]).pages)
    assert 2 * sum(e["印张"] for e in rows) - printed in (0, 1)  # the last back may be left off


def test_a_serial_number_is_a_date_in_an_xlsx_number_cell_only(runner, tmp_path):
    # as docs/batch.md says: 45809 in a CSV could be an amount as well as a date
    rows = [row(i, "gbk") for i in range(2)]
    rows[1][COL["债权依据签订日期"]] = "45809"
    source = write_csv(tmp_path / "serial.csv", rows, "utf-8-sig")
    _result, reports = _check(runner, tmp_path, source)
    (line,) = [r for r in reports["rejects"] if r["行号"] == str(excel_row(1))]
    assert (line["列"], line["填写的值"], line["错误代码"]) == (
        "债权依据签订日期",
        "45809",
        "date_format",
    )
    cells = [row(i, "xlsx") for i in range(2)]
    cells[1][COL["债权依据签订日期"]] = 45809  # 2025-06-01, a number cell
    result, reports = _check(runner, tmp_path, write_xlsx(tmp_path / "serial.xlsx", cells))
    assert result.exit_code == 0, result.output
