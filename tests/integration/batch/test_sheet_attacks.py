"""A sheet written to attack whoever opens the files a batch hands back (T7): a name
held as a link to ``javascript:``, a link whose shown text is itself a formula, a cell
with a control character an XLSX cannot hold. Nothing of a link is kept in any file of
the run, every text that Excel would run as a formula is text, and a refused cell is
reported, never a crash of the whole report."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from docgen.batch.executors import LocalExecutor
from docgen.batch.runs import Batches, RunOptions
from docgen.cli import main
from docgen.config import Settings
from docgen.tenants import DEFAULT_TENANT_ID
from tests.operator_sheets import COL, HEADERS, row, shared_values, write_csv, write_shared

pytestmark = pytest.mark.slow

EVIL = "javascript:alert(document.cookie)"


def _sheet(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    names = [
        f'=HYPERLINK("{EVIL}","张伟")',  # rendered: the name it shows
        f'=HYPERLINK("{EVIL}","李娜")',  # refused for its amount: copied as its name
        f'=HYPERLINK("{EVIL}","=1+2")',  # shows a formula: text wherever it goes
    ]
    for i, name in enumerate(names):
        values = row(i, "xlsx")
        values[COL["债务人姓名"]] = name
        if i:
            values[COL["欠款金额欠款明细1金额（元）"]] = "=50000*2"
        sheet.append(values)
    book.save(path)
    return path


def _formulas(path: Path) -> list[str]:
    """The formula cells (``<f>``) and links (hyperlink parts) an XLSX holds."""
    with zipfile.ZipFile(path) as archive:
        return [
            name
            for name in archive.namelist()
            if "<f>" in archive.read(name).decode("utf-8", "replace") or "hyperlink" in name.lower()
        ]


def _texts(path: Path) -> list[str]:
    if path.suffix == ".xlsx":
        book = load_workbook(path)
        return [str(c.value) for s in book.worksheets for r in s.iter_rows() for c in r if c.value]
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [v for line in csv.reader(fh) for v in line]


def test_nothing_of_a_javascript_link_is_kept_in_any_file_of_the_run(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path / "var"))
    source = _sheet(tmp_path / "名单.xlsx")
    batches = Batches(Settings())
    options = RunOptions("demand_letter", formats=["docx"], shared=shared_values())
    run_id = batches.create(source, options, tmp_path / "runs", DEFAULT_TENANT_ID)
    summary = batches.execute(run_id, LocalExecutor(1))
    assert (summary["rendered"], summary["rejected"]) == (1, 2)

    folder = tmp_path / "runs" / run_id
    handed = [p for p in folder.rglob("*") if p.is_file() and "input" not in p.parts[-2:-1]]
    sheets = [p for p in handed if p.suffix in (".xlsx", ".csv")]
    assert {p.name for p in sheets} >= {"manifest.xlsx", "mailing.xlsx", "rejects.xlsx"}
    for path in sheets:
        texts = _texts(path)
        # the refused cell's value as typed, in the report: text, never a link or formula
        assert all(t.startswith("'=HYPERLINK") for t in texts if "javascript" in t), path.name
        assert not [t for t in texts if t.startswith(("=", "+", "@"))], path.name
        if path.suffix == ".xlsx":
            assert _formulas(path) == [], path.name
    for path in handed:
        if path.suffix == ".docx":  # the letter: the name, nothing of the link
            with zipfile.ZipFile(path) as archive:
                parts = b"".join(archive.read(n) for n in archive.namelist())
            assert b"javascript" not in parts and "张伟".encode() in parts
    texts = [t for p in sheets if not p.name.startswith("rejects") for t in _texts(p)]
    assert not [t for t in texts if "javascript" in t]
    copy = load_workbook(next(p for p in sheets if p.name.endswith("rejects.xlsx")))
    names = [r[1 + COL["债务人姓名"]].value for r in copy["被拒绝的行"].iter_rows(min_row=2)]
    assert names == ["李娜", "'=1+2"]


def test_a_formula_a_link_shows_is_no_amount(runner, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    values = row(0, "xlsx")
    values[COL["欠款金额欠款明细1金额（元）"]] = '=HYPERLINK("http://x","=50000*2")'
    sheet.append(values)
    sheet["O2"].data_type = "s"  # typed as text: the formula it shows is not the amount
    book.save(tmp_path / "a.xlsx")
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "check", str(tmp_path / "a.xlsx"), "--type", "demand_letter"]
    result = runner.invoke(main, [*args, "--shared", str(shared), "--out", str(tmp_path / "o")])
    with (tmp_path / "o" / "a.rejects.csv").open(encoding="utf-8-sig") as fh:
        rejects = list(csv.DictReader(fh))
    assert [(r["列"], r["错误代码"]) for r in rejects] == [
        ("欠款金额欠款明细1金额（元）", "formula_without_value")
    ], result.output


@pytest.mark.parametrize("column", ["邮政编码", "债务人姓名"])
def test_a_control_character_is_reported_at_its_cell_not_a_crashed_report(runner, tmp_path, column):
    rows = [row(i, "csv") for i in range(2)]
    rows[1][COL[column]] = str(rows[1][COL[column]])[:2] + "\x01" + str(rows[1][COL[column]])[2:]
    source = write_csv(tmp_path / "名单.csv", rows, "utf-8-sig")
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "check", str(source), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path / "o")])

    assert "可生成 1 行，拒绝 1 行" in result.output, result.output
    report = tmp_path / "o" / "名单.rejects.xlsx"
    assert report.exists(), result.output
    copy = load_workbook(report)["被拒绝的行"]
    kept = copy.cell(2, 2 + COL[column])
    assert kept.value == str(row(1, "csv")[COL[column]])  # without it: rerun as meant
    assert kept.fill.fgColor.rgb[-6:] == "FFC7CE" and kept.comment is not None
