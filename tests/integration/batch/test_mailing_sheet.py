"""The post office's bulk-mailing sheet, and tracking numbers taken back by 文书编号."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from docgen.batch.executors import LocalExecutor
from docgen.batch.mailing import MAILING_HEADER
from docgen.batch.readers import BatchInputError
from docgen.batch.runs import Batches, RunOptions
from docgen.cli import main
from docgen.config import Settings
from docgen.register.store import Register
from docgen.tenants import DEFAULT_TENANT_ID
from tests.operator_sheets import COL, reference, row, shared_values, write_csv

ADDRESSES = [
    "上海市浦东新区世纪大道100号",
    "广东省深圳市福田区福华三路88号财富大厦12层",
    "四川省成都市武侯区人民南路四段1号",
    "某某街道不知名小区1号",  # no province or city: kept whole, counted as unsplit
]


def _run(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path / "var"))
    settings = Settings()
    rows = []
    for i, address in enumerate(ADDRESSES):
        values = row(i, "gbk")
        values[COL["债务人住所地"]] = address
        rows.append(values)
    rows[1][COL["债务人联系电话"]] = "139 0013 9000"  # typed with spaces
    source = write_csv(tmp_path / "cases.csv", rows, "gbk")
    batches = Batches(settings)
    options = RunOptions(
        "demand_letter", formats=["docx"], shared=shared_values(), insured_value="50"
    )
    run_id = batches.create(source, options, tmp_path / "runs", DEFAULT_TENANT_ID)
    summary = batches.execute(run_id, LocalExecutor(1))
    assert (summary["rendered"], summary["rejected"]) == (4, 0)
    return settings, tmp_path / "runs" / run_id


def test_the_mailing_sheet_has_a_row_per_letter_with_the_address_split(tmp_path, monkeypatch):
    settings, folder = _run(tmp_path, monkeypatch)
    sheet = load_workbook(folder / "mailing.xlsx").active
    assert [c.value for c in sheet[1]] == MAILING_HEADER
    # what the post office's import and the clerk see: a bold, frozen header row, the
    # columns' widths, and numbers kept as text (phones, postcodes, document ids)
    assert sheet.freeze_panes == "A2" and all(c.font.b for c in sheet[1])
    assert sheet.column_dimensions["J"].width == 36
    assert {sheet.column_dimensions[c].number_format for c in "CFKOPQR"} == {"@"}
    rows = [
        dict(zip(MAILING_HEADER, (c.value for c in r), strict=True))
        for r in sheet.iter_rows(min_row=2)
    ]
    assert len(rows) == 4
    first = rows[0]
    assert (first["收件人省"], first["收件人市"], first["收件人区县"]) == (
        "上海市",
        "上海市",
        "浦东新区",
    )
    assert first["收件人详细地址"] == "世纪大道100号"
    assert (rows[2]["收件人省"], rows[2]["收件人市"], rows[2]["收件人区县"]) == (
        "四川省",
        "成都市",
        "武侯区",
    )
    assert rows[3]["收件人省"] in ("", None)
    assert rows[3]["收件人详细地址"] == ADDRESSES[3]
    assert {r["内件品名"] for r in rows} == {"信函"} and {r["件数"] for r in rows} == {1}
    assert {r["保价金额（元）"] for r in rows} == {"50"}
    assert first["收件人姓名"] == "王芳0" and first["收件人邮编"] == "200120"
    # phones as the post office's upload takes them: digits only
    assert first["寄件人姓名"] == "李静" and first["寄件人电话"] == "075583216688"
    assert rows[1]["收件人电话"] == "13900139000"
    assert [r["客户编号"] for r in rows] == [reference(i) for i in range(4)]
    register = Register(settings.effective_database_url)
    for r in rows:
        document = register.get(r["文书编号"], DEFAULT_TENANT_ID)
        assert document is not None and document.code == r["校验码"]
    summary = json.loads((folder / "summary.json").read_text("utf-8"))
    assert summary["addresses_unsplit"] == 1
    manifest = load_workbook(folder / "manifest.xlsx").active
    header = [c.value for c in manifest[1]]
    assert header[:3] == ["函件编号", "文书编号", "校验码"]
    assert [r[1].value for r in manifest.iter_rows(min_row=2)] == [r["文书编号"] for r in rows]


def test_delivery_import_takes_the_filled_in_mailing_sheet_as_it_is(tmp_path, monkeypatch, runner):
    settings, folder = _run(tmp_path, monkeypatch)
    book = load_workbook(folder / "mailing.xlsx")
    sheet = book.active
    column = MAILING_HEADER.index("邮件号") + 1
    numbers = ["1100012345678", "1100012345679", "EA123456785CN", "1100012345680"]
    for n, number in enumerate(numbers, start=2):
        sheet.cell(row=n, column=column, value=number)
    filled = tmp_path / "mailing-filled.xlsx"
    book.save(filled)

    result = runner.invoke(main, ["delivery", "import", str(filled)])
    assert result.exit_code == 0, result.output
    assert "已登记 4 条，拒绝 0 条" in result.output
    register = Register(settings.effective_database_url)
    for r, number in zip(sheet.iter_rows(min_row=2), numbers, strict=True):
        document_id = r[MAILING_HEADER.index("文书编号")].value
        deliveries = register.deliveries(document_id, DEFAULT_TENANT_ID)
        assert [d.tracking_number for d in deliveries] == [number]


@pytest.mark.parametrize("value", ["-5", "abc", "1.234", "Infinity"])
def test_an_insured_value_that_is_no_amount_refuses_the_run(value):
    with pytest.raises(BatchInputError) as caught:
        RunOptions("demand_letter", insured_value=value).check()
    assert "保价金额应为正的金额" in str(caught.value)
