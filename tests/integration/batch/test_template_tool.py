"""``docgen batch template`` writes a sheet an operator can fill without reading a manual."""

from __future__ import annotations

from datetime import datetime

from openpyxl import load_workbook

from docgen.batch.columns import Layout
from docgen.cli import main
from docgen.documents import registry


def test_the_xlsx_template_is_a_tool(runner, tmp_path):
    target = tmp_path / "催款函.xlsx"
    result = runner.invoke(main, ["batch", "template", "demand_letter", "-o", str(target)])
    assert result.exit_code == 0, result.output
    book = load_workbook(target)
    assert book.sheetnames == ["填写", "填写说明"]
    sheet = book["填写"]
    headers = [c.value for c in sheet[1]]
    assert "付款期限（天数）" in headers and "签署人" in headers
    assert not [h for h in headers if "付款期限付款期限" in h or "签署人签署人" in h]
    assert len(headers) == len(set(headers))
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= 10

    layout = Layout.of(registry.get("demand_letter").model)
    choice_columns = {
        header
        for header, column, _slot in layout.template_headers()
        if column.choices or column.kind == "bool"
    }
    lists = {}
    for check in sheet.data_validations.dataValidation:
        column = str(check.sqref).split(":")[0].rstrip("0123456789")
        index = sum((ord(ch) - 64) * 26**k for k, ch in enumerate(reversed(column)))
        lists[headers[index - 1]] = check.formula1
    assert set(lists) == choice_columns
    assert lists["债务人主体类型"] == '"自然人,法人或其他组织"'
    assert lists["付款期限天数类型"] == '"工作日,自然日"'

    example = dict(zip(headers, (c.value for c in sheet[2]), strict=True))
    assert example["债务人主体类型"] in ("自然人", "法人或其他组织")
    assert example["付款期限天数类型"] in ("工作日", "自然日")
    assert isinstance(example["发函日期"], datetime)
    date_cell = sheet.cell(row=2, column=headers.index("发函日期") + 1)
    assert date_cell.number_format == "yyyy-mm-dd"
    id_column = sheet.cell(row=1, column=headers.index("债务人证件号码") + 1).column_letter
    assert sheet.column_dimensions[id_column].number_format == "@"  # text: all 18 digits
    assert sheet.max_row == 2  # no empty formatted rows

    notes = {row[0].value: row for row in book["填写说明"].iter_rows(min_row=4)}
    assert notes["债务人主体类型"][1].value == "必填"
    assert "自然人、法人或其他组织" in notes["债务人主体类型"][2].value
    assert "2026-03-05" in notes["发函日期"][2].value


def test_the_template_example_passes_the_check(runner, tmp_path):
    target = tmp_path / "template.xlsx"
    runner.invoke(main, ["batch", "template", "demand_letter", "-o", str(target)])
    result = runner.invoke(
        main,
        ["batch", "check", str(target), "--type", "demand_letter", "--out", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    assert "共 1 行：可生成 1 行，拒绝 0 行" in result.output


def test_columns_required_for_one_kind_of_party_say_so(runner, tmp_path):
    target = tmp_path / "催款函.xlsx"
    runner.invoke(main, ["batch", "template", "demand_letter", "-o", str(target)])
    book = load_workbook(target)
    notes = {row[0].value: row for row in book["填写说明"].iter_rows(min_row=4)}
    assert notes["债务人性别"][1].value == "自然人必填"
    assert "第17位" in notes["债务人性别"][3].value
    assert notes["债务人统一社会信用代码"][1].value == "法人或其他组织必填"
    assert notes["债务人法定代表人/主要负责人"][1].value == "法人或其他组织必填"
    assert notes["债务人联系电话"][1].value == "选填"
    assert notes["保证人邮政编码"][2].value == "可填多项，用顿号分隔"  # no dangling colon
    assert "蓝色表头为按主体类型必填的列" in book["填写说明"]["A2"].value
    heads = {c.value: c for c in book["填写"][1]}
    assert heads["债务人性别"].comment.text == "自然人必填"
    assert heads["债务人性别"].fill.fgColor.rgb != heads["债务人联系电话"].fill.fgColor.rgb
    assert heads["债务人性别"].fill.fgColor.rgb != heads["债务人姓名"].fill.fgColor.rgb
