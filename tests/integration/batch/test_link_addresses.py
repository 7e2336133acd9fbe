"""A cell whose value is a link address, not a name: a one-argument
``=HYPERLINK("javascript:…")`` (Excel shows the address itself), a formula whose result
is a ``javascript:`` or ``ftp://`` address, as Excel saves it (with its computed value) or
as a script writes it (without). Each is refused at its cell with a message saying what
it is; no letter is made with it, and the run of the rejects copy refuses it again. A
formula a script saved without its result is refused as such, never read as its text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from tests.operator_sheets import COL, HEADERS, check_rejects, row

NAME = "债务人姓名"


def _with_results(path: Path, results: dict[str, str]) -> None:
    """Give formula cells the computed text Excel saves with them (openpyxl saves none)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, text in results.items():
        cell = re.compile(rf'<c r="{ref}"><f>(.*?)</f><v\s*/?>(?:</v>)?')
        xml, count = cell.subn(rf'<c r="{ref}" t="str"><f>\1</f><v>{text}</v>', xml)
        assert count == 1, ref
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _book(path: Path, names: list[str], results: dict[str, str] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for i, name in enumerate(names):
        values = row(i, "xlsx")
        values[COL[NAME]] = name
        sheet.append(values)
    book.save(path)
    if results:
        _with_results(path, results)
    return path


def _refused(rejects: list[dict[str, str]]) -> dict[str, tuple[str, str]]:
    return {r["行号"]: (r["错误代码"], r["错误信息"]) for r in rejects if r["列"] == NAME}


def test_a_link_showing_its_javascript_address_is_refused_saved_by_excel_or_not(runner, tmp_path):
    link = '=HYPERLINK("javascript:alert(document.cookie)")'
    names = [
        link,  # a script's sheet: no computed value
        link,  # Excel's: the address is the value it shows
        '=CONCAT("java","script:alert(1)")',  # a result that is an address
        '=HYPERLINK("ftp://files.example/x")',
        '=HYPERLINK("data:text/html,x","张伟")',  # shows 张伟: read as 张伟
        '=HYPERLINK("http://crm.example/c/1","李娜")',
    ]
    source = _book(
        tmp_path / "名单.xlsx",
        names,
        {"C3": "javascript:alert(document.cookie)", "C4": "javascript:alert(1)"},
    )
    output, rejects = check_rejects(runner, tmp_path, source, "first")

    assert "共 6 行：可生成 2 行，拒绝 4 行" in output
    refused = _refused(rejects)
    assert refused == {
        "2": ("link_address", refused["2"][1]),
        "3": ("link_address", refused["2"][1]),
        "4": (
            "link_address",
            "单元格的内容是「javascript」链接地址，不是这一项的内容；链接地址不会写入文书",
        ),
        "5": ("link_address", refused["5"][1]),
    }
    assert refused["2"][1] == (
        "单元格是只写了地址的链接公式（HYPERLINK），显示的是「javascript」链接地址，"
        "不是这一项的内容；链接地址不会写入文书"
    )
    assert "「ftp」链接地址" in refused["5"][1]
    assert {r["提示"] for r in rejects if r["列"] == NAME} == {
        "请在这一格直接填写这一项的内容（不要填写链接地址或链接公式）后重新上传"
    }

    report = tmp_path / "first" / "名单.rejects.xlsx"
    copy = load_workbook(report)["被拒绝的行"]
    kept = [r[1 + COL[NAME]].value for r in copy.iter_rows(min_row=2)]
    assert kept[:2] == [f"'{link}", f"'{link}"]  # the formula as text, not its address
    output, again = check_rejects(runner, tmp_path, report, "again")
    assert "共 4 行：可生成 0 行，拒绝 4 行" in output
    codes = [r["错误代码"] for r in again if r["列"] == NAME]
    # the copy's '=CONCAT(…) is a formula's text: refused as that, never read as text
    assert codes == ["link_address", "link_address", "formula_without_value", "link_address"]


def test_a_formula_a_script_saved_without_its_result_is_refused_not_printed(runner, tmp_path):
    source = _book(tmp_path / "导出.xlsx", ['=CONCAT("张","伟")', "=A1", "王芳"])
    output, rejects = check_rejects(runner, tmp_path, source, "out")

    assert "共 3 行：可生成 1 行，拒绝 2 行" in output
    refused = _refused(rejects)
    assert set(refused) == {"2", "3"}
    assert refused["3"] == (
        "formula_without_value",
        "单元格是公式「=A1」，文件中没有保存它的计算结果（由程序生成、未在 Excel 中计算保存过的"
        "表格常见），无法得知其值，不会按公式的文字生成文书",
    )
    hints = {r["提示"] for r in rejects if r["列"] == NAME}
    assert hints == {
        "请在 Excel 中打开文件、确认公式已算出结果后保存，再重新上传；"
        "或把这些单元格复制后「选择性粘贴 → 数值」"
    }


def test_a_formula_saved_with_its_result_is_read_as_that_result(runner, tmp_path):
    source = _book(tmp_path / "名单.xlsx", ['=CONCAT("张","伟")'], {"C2": "张伟"})
    output, rejects = check_rejects(runner, tmp_path, source, "out")
    assert "共 1 行：可生成 1 行，拒绝 0 行" in output, rejects
