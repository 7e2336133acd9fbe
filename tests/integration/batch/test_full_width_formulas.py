"""Text that a spreadsheet would run as a formula (T7) is written with a leading ``'`` in
every sheet a batch hands back, whether it starts with ASCII ``= + - @``, a tab or a
carriage return, or with the full-width ＝ ＋ － ＠ that a Chinese Excel or WPS may read as
the ASCII ones; and a rejects copy read back gives the text as typed."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from docgen.batch.cells import unguarded
from docgen.batch.executors import LocalExecutor
from docgen.batch.runs import Batches, RunOptions
from docgen.batch.sheets import safe_cell, write_csv, write_xlsx
from docgen.bundle.results import csv_safe
from docgen.cli import main
from docgen.config import Settings
from docgen.tenants import DEFAULT_TENANT_ID
from tests.operator_sheets import COL, row, shared_values, write_shared
from tests.operator_sheets import write_csv as write_sheet

STARTS = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]


@pytest.mark.parametrize("start", STARTS, ids=[hex(ord(s)) for s in STARTS])
def test_each_formula_start_is_guarded_in_every_table_written(tmp_path, start):
    text = start + 'HYPERLINK("http://x","点我")'
    assert safe_cell(text) == "'" + text
    assert csv_safe(text) == "'" + text  # a bundle's manifest.csv
    assert unguarded(safe_cell(text)) == text
    write_csv(tmp_path / "t.csv", ["列"], [[text]])
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh))[1] == ["'" + text]
    write_xlsx(tmp_path / "t.xlsx", ["列"], [[text]])
    cell = load_workbook(tmp_path / "t.xlsx").active["A2"]
    assert (cell.value, cell.data_type) == ("'" + text, "s")


@pytest.mark.slow
def test_full_width_formula_starts_are_text_on_the_mailing_sheet_and_rejects(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path / "var"))
    rows = [row(i, "bom") for i in range(2)]
    rows[0][COL["客户编号"]] = "＠SUM(1)"
    rows[0][COL["债务人住所地"]] = "＋上海市浦东新区世纪大道1号"
    rows[1][COL["债务人姓名"]] = "－1+2"
    rows[1][COL["欠款金额欠款明细1金额（元）"]] = "不是金额"  # rejected: in the reports
    source = write_sheet(tmp_path / "名单.csv", rows, "utf-8-sig")
    batches = Batches(Settings())
    options = RunOptions("demand_letter", formats=["docx"], shared=shared_values())
    run_id = batches.create(source, options, tmp_path / "runs", DEFAULT_TENANT_ID)
    summary = batches.execute(run_id, LocalExecutor(1))
    assert (summary["rendered"], summary["rejected"]) == (1, 1)
    folder = tmp_path / "runs" / run_id
    mailing = load_workbook(folder / "mailing.xlsx").active
    values = [c.value for r in mailing.iter_rows(min_row=2) for c in r]
    assert "'＠SUM(1)" in values
    assert not [v for v in values if isinstance(v, str) and v.startswith(tuple(STARTS))]
    with (folder / "rejects.csv").open(encoding="utf-8-sig", newline="") as fh:
        said = [v for line in csv.reader(fh) for v in line]
    assert "'－1+2" in said and "－1+2" not in said
    copy = load_workbook(folder / "rejects.xlsx")["被拒绝的行"]
    names = [r[1 + COL["债务人姓名"]].value for r in copy.iter_rows(min_row=2)]
    assert names == ["'－1+2"]


def test_a_csv_cell_holding_a_formula_as_text_rejects_its_row_at_the_column(runner, tmp_path):
    rows = [row(i, "bom") for i in range(2)]
    rows[1][COL["债务人住所地"]] = "=A1&B1"
    source = write_sheet(tmp_path / "a.csv", rows, "utf-8-sig")
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "check", str(source), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path / "o")])
    with (tmp_path / "o" / "a.rejects.csv").open(encoding="utf-8-sig") as fh:
        rejects = list(csv.DictReader(fh))
    assert [(r["行号"], r["列"], r["错误代码"], r["字段"]) for r in rejects] == [
        ("3", "债务人住所地", "formula_without_value", "debtor.address")
    ], result.output
    assert "单元格是公式「=A1&B1」的文字（看起来是电子表格公式）" in rejects[0]["错误信息"]
    assert rejects[0]["提示"] == "请在这一格直接填写它的值（不要填写公式）后重新上传"
    assert rejects[0]["填写的值"] == "'=A1&B1"  # the report guards it in turn
