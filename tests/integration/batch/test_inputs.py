"""Real-world sheets: GBK and BOM CSVs, XLSX with merged headers, JSONL, bad rows.

Every input row ends up rendered or in the rejects report with its field and a Chinese
message; blank rows are counted, not lost; formula-looking text stays text.
"""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import Workbook, load_workbook

from docgen.batch.executors import LocalExecutor
from docgen.batch.runs import Batches, RunOptions
from docgen.cli import main
from docgen.tenants import DEFAULT_TENANT_ID
from tests.batch_support import person_case, sheet, write_csv

FORMULA = '=HYPERLINK("http://x.example/","点我")'


def _mixed_cases():
    good = [person_case(i) for i in range(3)]
    formula = person_case(10)
    formula["debtor"]["name"] = FORMULA
    bad_id = person_case(11)
    bad_id["debtor"]["id_number"] = "110101198503151234"  # wrong check digit
    no_amount = person_case(12)
    del no_amount["amounts"]["components"][0]["amount"]
    bad_phone = person_case(13)
    bad_phone["debtor"]["phone"] = "=1+2"
    return [good[0], formula, good[1], bad_id, no_amount, good[2], bad_phone]


def _with_blank_rows(rows):
    blank = [""] * len(rows[0])
    return [rows[0], blank, *rows[1:4], blank, blank, *rows[4:]]


def _read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _expect_rejects(rows):
    by_row = {}
    for row in rows:
        by_row.setdefault(int(row["行号"]), []).append(row)
    return by_row


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-8"])
def test_check_reads_every_encoding_excel_saves_and_reports_bad_rows(runner, tmp_path, encoding):
    headers, rows = sheet(_mixed_cases())
    source = write_csv(tmp_path / "cases.csv", headers, _with_blank_rows(rows), encoding)
    result = runner.invoke(
        main, ["batch", "check", str(source), "--type", "demand_letter", "--out", str(tmp_path)]
    )
    assert result.exit_code == 1, result.output
    assert "共 7 行：可生成 4 行，拒绝 3 行，空行 3 行" in result.output
    rejects = _expect_rejects(_read_csv(tmp_path / "cases.rejects.csv"))
    # sheet rows: header=1, good=2, blank=3, formula=4, good=5, bad id=6, blanks 7-8,
    # no amount=9, good=10, bad phone=11
    assert set(rejects) == {6, 9, 11}
    assert rejects[6][0]["字段"] == "debtor.id_number"
    assert "校验位错误" in rejects[6][0]["错误信息"]
    assert rejects[6][0]["填写的值"] == "110101198503151234"
    assert any(r["字段"].startswith("amounts.components[0]") for r in rejects[9])
    assert rejects[11][0]["字段"] == "debtor.phone"
    assert rejects[11][0]["填写的值"] == "'=1+2"  # formula injection defused


def test_rejects_xlsx_keeps_formula_looking_values_as_text(runner, tmp_path):
    headers, rows = sheet(_mixed_cases())
    source = write_csv(tmp_path / "cases.csv", headers, rows)
    runner.invoke(
        main, ["batch", "check", str(source), "--type", "demand_letter", "--out", str(tmp_path)]
    )
    sheet_ = load_workbook(tmp_path / "cases.rejects.xlsx").active
    values = [c.value for row in sheet_.iter_rows() for c in row]
    assert "'=1+2" in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)


def _merged_header_xlsx(path, cases):
    """A two-row header: 债务人 merged over its columns, other titles merged down."""
    headers, rows = sheet(cases)
    book = Workbook()
    ws = book.active
    debtor = [i for i, h in enumerate(headers) if h.startswith("债务人")]
    for i, header in enumerate(headers, start=1):
        if i - 1 in debtor:
            ws.cell(row=2, column=i, value=header.removeprefix("债务人"))
        else:
            ws.cell(row=1, column=i, value=header)
            ws.merge_cells(start_row=1, start_column=i, end_row=2, end_column=i)
    ws.cell(row=1, column=debtor[0] + 1, value="债务人")
    ws.merge_cells(start_row=1, start_column=debtor[0] + 1, end_row=1, end_column=debtor[-1] + 1)
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value if value != "" else None)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text typed by a user, not a formula
    ws.append([])
    book.save(path)
    return path


def test_a_run_from_xlsx_with_merged_headers_renders_the_valid_rows(settings, tmp_path):
    source = _merged_header_xlsx(tmp_path / "cases.xlsx", _mixed_cases())
    batches = Batches(settings, f"sqlite:///{tmp_path / 'state.db'}")
    run_id = batches.create(
        source, RunOptions("demand_letter", formats=["docx"]), tmp_path / "runs", DEFAULT_TENANT_ID
    )
    summary = batches.execute(run_id, LocalExecutor(1))
    assert summary["status"] == "done"
    assert (summary["rows"], summary["rendered"], summary["rejected"]) == (7, 4, 3)
    folder = tmp_path / "runs" / run_id
    manifest = _read_csv(folder / "manifest.csv")
    assert [m["行号"] for m in manifest] == ["3", "4", "5", "8"]
    assert manifest[1]["收件人"] == "点我"  # a link is the name it shows
    assert len(list((folder / "letters").glob("*.docx"))) == 4
    rejects = _expect_rejects(_read_csv(folder / "rejects.csv"))
    assert set(rejects) == {6, 7, 9}
    book = load_workbook(folder / "manifest.xlsx").active
    names = [row[3].value for row in book.iter_rows(min_row=2)]  # 收件人
    assert names[1] == "点我"


def test_jsonl_rows_may_be_nested_cases_or_flat_headers(settings, service, tmp_path):
    from docgen.batch.checks import dry_run

    headers, rows = sheet([person_case(2)])
    lines = [
        json.dumps(person_case(1), ensure_ascii=False),
        "",
        json.dumps(dict(zip(headers, rows[0], strict=True)), ensure_ascii=False),
        "{not json",
    ]
    source = tmp_path / "cases.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = dry_run(service, "demand_letter", source, {}, {}, tmp_path)
    assert (result["rows"], result["valid"], result["rejected"], result["blank_rows"]) == (
        3,
        2,
        1,
        1,
    )


def test_shared_values_and_a_mapping_file_fill_every_row(runner, tmp_path):
    case = person_case(1)
    creditor = case.pop("creditor")
    headers, rows = sheet([case])
    headers = ["欠款人" if h == "债务人姓名" else h for h in headers]
    keep = [i for i, h in enumerate(headers) if not h.startswith("债权人") and h != "发函日期"]
    source = write_csv(
        tmp_path / "cases.csv", [headers[i] for i in keep], [[rows[0][i] for i in keep]]
    )
    (tmp_path / "shared.json").write_text(json.dumps({"creditor": creditor}), encoding="utf-8")
    (tmp_path / "map.csv").write_text("欠款人,债务人姓名\n", encoding="utf-8")
    args = ["batch", "check", str(source), "--type", "demand_letter", "--out", str(tmp_path)]
    assert runner.invoke(main, args).exit_code == 2  # 欠款人 is not a known header
    args += [
        "--mapping",
        str(tmp_path / "map.csv"),
        "--shared",
        str(tmp_path / "shared.json"),
        "--letter-date",
        "2026-11-20",
    ]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "可生成 1 行" in result.output


def test_unreadable_inputs_get_a_clear_message(runner, tmp_path):
    bad = tmp_path / "cases.xlsx"
    bad.write_bytes(b"not a zip at all")
    result = runner.invoke(
        main, ["batch", "check", str(bad), "--type", "demand_letter", "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "不是有效的 XLSX 文件" in result.output
    odd = tmp_path / "cases.csv"
    odd.write_text("客户星座,债务人姓名\n白羊座,张三\n", encoding="utf-8")
    result = runner.invoke(
        main, ["batch", "check", str(odd), "--type", "demand_letter", "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "无法识别的列名：「客户星座」" in result.output


def test_check_lists_the_warnings_of_rows_it_would_render(runner, tmp_path):
    cases = [person_case(i) for i in range(2)]
    cases[1]["payment_account"]["account_name"] = "陈建国"  # not the creditor
    cases[1]["payment_account"]["holder_relation"] = "法定代表人"
    headers, rows = sheet(cases)
    source = write_csv(tmp_path / "cases.csv", headers, rows)
    result = runner.invoke(
        main, ["batch", "check", str(source), "--type", "demand_letter", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "提醒 4 条" in result.output
    listed = _read_csv(tmp_path / "cases.warnings.csv")
    # every sample row's penalty names its clause but not its rate
    assert [w["行号"] for w in listed if w["错误代码"] == "penalty_basis_missing"] == ["2", "3"]
    warnings = [w for w in listed if w["错误代码"] != "penalty_basis_missing"]
    assert [(w["行号"], w["字段"], w["错误代码"]) for w in warnings] == [
        ("3", "payment_account.account_name", "account_not_creditor"),
        # a company's debtor asked to pay a person, with no 收款授权书 attached
        ("3", "payment_account.payee_authorization", "personal_account_without_authorization"),
    ]
    assert warnings[0]["填写的值"] == "陈建国"
