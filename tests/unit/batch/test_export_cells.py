"""Cells a collections system's export holds that are no value: Excel's error values and
formulas saved without their result; headers found under a title and over two rows."""

from __future__ import annotations

import pytest

from docgen.batch.cells import CellError, Formula
from docgen.batch.columns import Layout
from docgen.batch.headers import two_row_headers
from docgen.documents import registry


def _column(header: str):
    layout = Layout.of(registry.get("demand_letter").model)
    hit = layout.resolve([header]).cells[0]
    assert hit is not None
    return hit[0]


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("债务人姓名", "#N/A"),  # a VLOOKUP that found nothing
        ("债务人住所地", "#REF!"),
        ("债务人联系电话", "#VALUE!"),
        ("欠款金额合计（元）", " #div/0! "),  # as a CSV keeps it
        ("债权依据签订日期", "#NAME?"),
    ],
)
def test_an_excel_error_value_is_refused_in_every_kind_of_column(header, value):
    with pytest.raises(CellError) as raised:
        _column(header).convert(value)
    assert raised.value.code == "excel_error"
    assert "Excel 的错误值" in raised.value.message


def test_a_formula_without_its_result_is_refused_not_read_as_blank():
    with pytest.raises(CellError) as raised:
        _column("欠款金额欠款明细1金额（元）").convert(Formula("=B2*1.05"))
    assert raised.value.code == "formula_without_value"
    assert "=B2*1.05" in raised.value.message
    assert "选择性粘贴" in raised.value.hint


def test_a_name_like_an_error_code_inside_text_is_kept():
    assert _column("债务人住所地").convert("北京市#N/A号") == "北京市#N/A号"


def test_a_lower_cell_naming_a_column_by_itself_is_not_joined_to_the_group_before_it():
    layout = Layout.of(registry.get("demand_letter").model)
    top = ["付款期限", None, None]
    below = ["（天数）", "天数类型", "邮政编码"]
    joined = two_row_headers(top, below)
    assert joined == ["付款期限（天数）", "付款期限天数类型", "付款期限邮政编码"]
    assert layout.resolve(joined).unknown == ["付款期限邮政编码"]  # what the finder repairs


@pytest.mark.parametrize("value", ["'=50000*2", "=50000*2", " '=SUM(O8:Q8) "])
def test_a_formula_kept_as_text_asks_for_the_value_not_for_an_amount(value):
    with pytest.raises(CellError) as raised:
        _column("欠款金额欠款明细1金额（元）").convert(value)
    assert raised.value.code == "formula_without_value"
    assert "'" not in raised.value.message  # the formula as the operator wrote it
    assert "直接填写它的值" in raised.value.hint


@pytest.mark.parametrize("value", ["=A1&B1", " =CONCAT(B2,C2) ", "＝A1&B1", "'=A1&B1"])
def test_formula_text_in_a_text_column_is_refused_asking_for_the_value(value):
    with pytest.raises(CellError) as raised:
        _column("债务人住所地").convert(value)
    assert raised.value.code == "formula_without_value"
    typed = value.strip().lstrip("'")
    assert f"单元格是公式「{typed}」的文字" in raised.value.message
    assert "看起来是电子表格公式" in raised.value.message
    assert raised.value.hint == "请在这一格直接填写它的值（不要填写公式）后重新上传"


def test_a_lone_equals_sign_and_an_inner_one_are_text():
    assert _column("债务人住所地").convert("=") == "="
    assert _column("债务人住所地").convert("A栋=B栋") == "A栋=B栋"


def test_a_link_in_a_text_column_is_its_text_and_a_guarded_formula_is_refused():
    name = _column("债务人姓名")
    # a link is the text it shows, typed or as a report guarded it
    assert name.convert('=HYPERLINK("http://x")') == "http://x"
    assert name.convert('\'=hyperlink("http://x", "张""伟")') == '张"伟'
    with pytest.raises(CellError) as raised:
        name.convert("'=VLOOKUP(A2,客户!A:B,2,0)")  # the copy of a formula without its result
    assert raised.value.code == "formula_without_value"


def test_a_value_a_report_guarded_is_read_without_its_apostrophe():
    assert _column("债务人联系电话").convert("'+86 138 0013 8000") == "+86 138 0013 8000"
    assert _column("欠款金额欠款明细1金额（元）").convert("'-100000") == "-100000"
    assert _column("债务人姓名").convert("'t Hooft") == "'t Hooft"  # no guard: as written


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",  # a browser drops the tab
        "ｊａｖａｓｃｒｉｐｔ:alert(1)",  # full-width
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        '=HYPERLINK("javascript:alert(1)")',
        '=HYPERLINK("#Sheet2!A1")',  # shows its address: no name
        '\'=HYPERLINK("ftp://files.example/a")',  # as a rejects copy keeps it
        '=HYPERLINK("http://x","javascript:alert(1)")',  # shows an address
        '=HYPERLINK("http://x","ftp://files.example/a")',
    ],
)
def test_a_link_address_is_refused_as_a_name(value):
    with pytest.raises(CellError) as raised:
        _column("债务人姓名").convert(value)
    assert raised.value.code == "link_address"
    assert "链接地址不会写入文书" in raised.value.message


def test_a_formula_whose_saved_result_is_an_address_is_refused_naming_its_scheme():
    with pytest.raises(CellError) as raised:
        _column("债务人住所地").convert(Formula('=A2&"://x"', "smb://files/x"))
    assert raised.value.code == "link_address"
    assert "「smb」链接地址" in raised.value.message


def test_text_with_a_colon_and_a_web_link_are_read_as_typed():
    name = _column("债务人姓名")
    assert name.convert("NO:12 张伟") == "NO:12 张伟"
    assert name.convert("ftp://files.example/a") == "ftp://files.example/a"  # typed: text
    assert name.convert('=HYPERLINK("https://crm.example/1")') == "https://crm.example/1"
    assert name.convert('=HYPERLINK("data:text/html,x","张伟")') == "张伟"
