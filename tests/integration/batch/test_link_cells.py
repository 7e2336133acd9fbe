"""A name held as a link, ``=HYPERLINK("…","张伟")`` (a formula cell saved without its
result, or the same typed as text), is the name Excel shows, on the first run and on the
run of the rejects copy alike; in that copy a cell with an error is red, a cell with only
a warning yellow, as the legend on its 行号 header says."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook

from docgen.batch.rejects import LEGEND, write_rejects
from tests.operator_sheets import COL, HEADERS, check_rejects, row

LINK = '=HYPERLINK("http://crm.example/c/{i}","{name}")'


def _sheet(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for i in range(3):
        values = row(i, "xlsx")
        values[COL["债务人姓名"]] = LINK.format(i=i, name=f"张伟{i}")
        if i == 2:  # rejected for its amount: its name goes to the copy
            values[COL["欠款金额欠款明细1金额（元）"]] = "=50000*2"
        sheet.append(values)
    sheet["C3"].data_type = "s"  # the second row's link typed as text, not a formula
    book.save(path)
    return path


def test_a_link_is_the_name_it_shows_on_the_first_run_and_on_the_rejects_run(runner, tmp_path):
    assert HEADERS[2] == "债务人姓名"  # column C
    output, rejects = check_rejects(runner, tmp_path, _sheet(tmp_path / "名单.xlsx"), "first")
    assert "共 3 行：可生成 2 行，拒绝 1 行" in output
    assert [(r["行号"], r["列"], r["错误代码"]) for r in rejects] == [
        ("4", "欠款金额欠款明细1金额（元）", "formula_without_value")
    ]

    report = tmp_path / "first" / "名单.rejects.xlsx"
    copy = load_workbook(report)["被拒绝的行"]
    name = copy.cell(2, 1 + 1 + COL["债务人姓名"])
    assert name.value == "张伟2" and name.data_type == "s"  # the name as Excel showed it

    output, rejects = check_rejects(runner, tmp_path, report, "again")
    assert "共 1 行：可生成 0 行，拒绝 1 行" in output
    assert [(r["列"], r["错误代码"]) for r in rejects] == [
        ("欠款金额欠款明细1金额（元）", "formula_without_value")
    ]  # the amount still, never the name


def test_a_guarded_link_in_a_rejects_copy_reads_as_its_name(runner, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    values = row(0, "xlsx")
    values[COL["债务人姓名"]] = "'" + LINK.format(i=0, name="李娜")  # an older copy's
    sheet.append(values)
    sheet.append(row(1, "xlsx"))
    book.save(tmp_path / "旧.xlsx")
    output, rejects = check_rejects(runner, tmp_path, tmp_path / "旧.xlsx", "out")
    assert "共 2 行：可生成 2 行，拒绝 0 行" in output, rejects


def _entry(cell: int, severity: str, code: str) -> dict:
    return {
        "row": 2,
        "reference": "C1",
        "debtor": "张伟",
        "column": HEADERS[cell],
        "typed": "x",
        "message": f"{code} 的说明",
        "hint": "改法",
        "code": code,
        "loc": ["debtor", "name"],
        "severity": severity,
        "cell": cell,
    }


def test_warnings_are_yellow_and_errors_red_in_the_rejects_workbook(tmp_path):
    entries = [
        _entry(0, "error", "amount_format"),
        _entry(1, "warning", "sent_recently"),
        _entry(2, "warning", "name_odd"),
        _entry(2, "error", "missing"),  # an error and a warning on one cell: red
    ]
    values = ["a", "b", "c", "d"]
    write_rejects(
        tmp_path,
        "r",
        lambda: iter(entries),
        1,
        (list(HEADERS[:4]), lambda: iter([(2, values, entries)])),
    )
    book = load_workbook(tmp_path / "r.xlsx")
    copy = book["被拒绝的行"]
    fills = [copy.cell(2, 2 + i).fill.fgColor.rgb[-6:] for i in range(4)]
    assert fills == ["FFC7CE", "FFEB9C", "FFC7CE", "000000"]
    assert "name_odd 的说明" in copy.cell(2, 4).comment.text
    assert "missing 的说明" in copy.cell(2, 4).comment.text
    assert copy.cell(1, 1).comment.text.startswith(LEGEND)
    report = book["拒绝清单"]
    typed = {r[7].value: r[4].fill.fgColor.rgb[-6:] for r in report.iter_rows(min_row=2)}
    assert typed == {
        "amount_format": "FFC7CE",
        "sent_recently": "FFEB9C",
        "name_odd": "FFEB9C",
        "missing": "FFC7CE",
    }
