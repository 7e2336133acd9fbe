"""Columns a sheet may leave out: a person's sex told by the ID number, and a required
column the sheet does not have reported once, for the column."""

from __future__ import annotations

import csv
from pathlib import Path

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


def _without(path: Path, drop: str, rows: list[list]) -> Path:
    keep = [i for i, h in enumerate(HEADERS) if h != drop]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([HEADERS[i] for i in keep])
        writer.writerows([[values[i] for i in keep] for values in rows])
    return path


def _check(runner, tmp_path: Path, source: Path) -> tuple[int, str, list[dict[str, str]]]:
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "check", str(source), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path)])
    with (tmp_path / f"{source.stem}.rejects.csv").open(encoding="utf-8-sig", newline="") as fh:
        return result.exit_code, result.output, list(csv.DictReader(fh))


def test_a_sheet_without_sex_takes_it_from_the_resident_id(runner, tmp_path):
    rows = [row(i, "gbk") for i in range(4)]
    code, output, rejects = _check(
        runner, tmp_path, _without(tmp_path / "a.csv", "债务人性别", rows)
    )
    assert code == 0, output
    assert "可生成 4 行，拒绝 0 行" in output
    assert rejects == []


def test_an_id_excel_mangled_hides_no_other_problem_of_its_party(runner, tmp_path):
    rows = [row(i, "xlsx") for i in range(3)]
    rows[1][COL["债务人证件号码"]] = float(rows[1][COL["债务人证件号码"]])  # 1.10101E+17
    rows[1][COL["债务人住所地"]] = None
    rows[1][COL["债务人性别"]] = None
    source = write_xlsx(tmp_path / "d.xlsx", rows)
    code, _output, rejects = _check(runner, tmp_path, source)
    assert code == 1
    own = [r for r in rejects if r["行号"] == str(excel_row(1))]
    (mangled,) = [r for r in own if r["错误代码"] == "number_stored_as_number"]
    assert mangled["填写的值"] == "110101198503150000"  # as Excel shows it
    assert "第 15 位之后的数字已变成 0" in mangled["错误信息"]
    found = {(r["列"], r["错误代码"]) for r in own}
    assert found == {
        ("债务人证件号码", "number_stored_as_number"),
        ("债务人住所地", "missing"),
        ("债务人性别", "missing"),
    }


def test_a_bad_id_fills_no_sex_and_only_the_id_is_reported(runner, tmp_path):
    # the sex is read from the number once it is right: no column to add for that row
    rows = [row(i, "gbk") for i in range(3)]
    number = rows[1][COL["债务人证件号码"]]
    rows[1][COL["债务人证件号码"]] = number[:-1] + ("0" if number[-1] != "0" else "1")
    code, _output, rejects = _check(
        runner, tmp_path, _without(tmp_path / "b.csv", "债务人性别", rows)
    )
    assert code == 1
    found = {(r["列"], r["错误代码"]) for r in rejects if r["行号"] == str(excel_row(1))}
    assert found == {("债务人证件号码", "id_checksum")}
    assert not [r for r in rejects if r["列"] == "债务人性别"]


def test_a_required_column_the_sheet_lacks_is_one_line(runner, tmp_path):
    rows = [row(i, "gbk") for i in range(5)]
    rows[2][COL["债务人姓名"]] = ""  # a row's own problem stays the row's
    source = _without(tmp_path / "c.csv", "债务人住所地", rows)
    code, _output, rejects = _check(runner, tmp_path, source)
    assert code == 1
    lines = [(r["行号"], r["列"], r["错误信息"]) for r in rejects]
    assert lines == [
        ("全部", "债务人住所地", "表格中没有「债务人住所地」列（必填），影响全部5行"),
        (str(excel_row(2)), "债务人姓名", "必填项，请填写"),
    ]


def test_a_run_with_a_rejected_row_exits_1_after_rendering_the_rest(runner, tmp_path):
    rows = [row(i, "gbk") for i in range(2)]
    rows[1][COL["债务人住所地"]] = ""
    source = write_csv(tmp_path / "run.csv", rows, "utf-8-sig")
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "run", str(source), "--type", "demand_letter", "--format", "docx"]
    args += ["--shared", str(shared), "--out", str(tmp_path / "runs"), "--processes", "1"]
    result = runner.invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "已生成 1，拒绝 1，失败 0" in result.output
