"""The rejects report: what is wrong with which row, in the words of the sheet itself.

Each line names the row (its number, the customer number and the debtor, since row
numbers go stale once a sheet is sorted), the column by the sheet's own header, the
value as typed, the problem and a hint saying how to fix it. A problem that hits every
row (a whole column written in a form that is not accepted, a required column missing)
is reported once, as a problem of the column. The XLSX report also copies the rejected
rows as they were, each cell with an error filled red and each cell with only a warning
filled yellow, its problems as a comment (the legend is the comment on the copy's 行号
header; in the report sheet the 填写的值 cell is coloured alike). A link formula is
copied as the text it shows (:func:`docgen.batch.cells.hyperlink_shown`): what the first
run read, and what the run of the copy reads.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from docgen.batch.cells import as_excel_shows, hyperlink_shown, link_problem
from docgen.batch.columns import Column, Layout
from docgen.batch.rows import Cell, fill_slot
from docgen.batch.sheets import column_width, safe_cell, write_csv, xml_text
from docgen.documents.problems import Loc, Problem
from docgen.domain.written import AMOUNT_HINT, DATE_HINT

REJECTS_HEADER = [
    "行号",
    "客户编号",
    "债务人",
    "列",
    "填写的值",
    "错误信息",
    "提示",
    "错误代码",
    "字段",
]
ALL_ROWS = "全部"
_FIX = "请按错误信息修改这一格后重新上传"
_HINTS_BY_CODE = {
    "phone_format": "手机号如 13800138000，固话如 010-12345678",
    "id_checksum": "请核对证件号码（18位，最后一位可为 X）",
    "id_length": "请核对证件号码（18位，最后一位可为 X）",
    "union_tag_invalid": "请填写 自然人 或 法人或其他组织",
    "union_tag_not_found": "请填写主体类型：自然人 或 法人或其他组织",
    "duplicate_in_run": "同一债务人同一合同只需一行，请删除重复的行",
    "not_yet_due": "这一日期在发函日期之后：请核对日期是否填错；债务确未到期的，到期后再发函",
    "date_in_future": "这一日期在未来：请核对日期是否填错（年份、月份是否颠倒）",
}
_POSITIVE = "金额应为正数（大于 0）：请填写欠款的实际金额，不要填写负数或 0"


_SUM_OF_ITEMS = re.compile(r"各项合计为人民币([\d,]+\.\d{2})元")


_VERIFY = "核实无误可不修改"


def hint_for(problem: Problem, column: Column | None) -> str:
    """How to fix a problem, in the operator's terms. A warning's row is printed anyway:
    its rule's own hint, else that a cell found right may stay as it is (never the advice
    for an error, such as 「请填写 是 或 否」 for a cell holding 否)."""
    if problem.severity == "warning":
        return problem.hint or _VERIFY
    if problem.hint:
        return problem.hint
    if problem.code == "total_mismatch":
        found = _SUM_OF_ITEMS.search(problem.message)
        if found:  # the figure the rule found, as it says it (amount_checks)
            return f"合计应为 {found.group(1)}；或留空由系统自动合计"
        return "请核对各项金额与合计；或把合计留空由系统自动合计"
    if problem.code == "missing":
        return _missing_hint(column)
    if problem.code in _HINTS_BY_CODE:
        return _HINTS_BY_CODE[problem.code]
    kind = column.kind if column is not None else ""
    if problem.code.startswith("date_"):  # not the form's advice for a rule's date
        return DATE_HINT
    if kind == "date":
        return _FIX
    if kind == "decimal" and problem.code in ("greater_than", "greater_than_equal"):
        return _POSITIVE
    if kind == "decimal" or problem.code.startswith("decimal_"):
        return AMOUNT_HINT
    if kind in ("choice", "list") and column is not None:
        return "请从下拉列表中选择：" + "、".join(column.labels())
    if kind == "bool":
        return "请填写 是 或 否"
    if kind == "int":
        return "请填写整数，如 7"
    return _FIX


def _missing_hint(column: Column | None) -> str:
    """What to write in an empty required cell: its form (a date, a choice's labels) or,
    for free text, what it is for."""
    from docgen.batch.workbook import how_to_write

    if column is None:
        return "请补填这一项；每行相同的信息也可在共用信息中填写一次"
    how = how_to_write(column)
    said = column.description if how == "文字" else how
    return f"这一格不能留空；{said}" if said else "这一格不能留空，请补填"


def _path(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _column_for(layout: Layout, loc: Loc) -> tuple[Column, int | None] | None:
    """The column of a field, or for a group (a party, the deadline) the first column
    it requires (债务人主体类型, 付款期限（天数）)."""
    found = layout.column_at(loc)
    if found is not None:
        return found
    for column in layout.columns:
        if column.loc[: len(loc)] == loc and len(column.loc) > len(loc) and column.required:
            return column, (0 if -1 in column.loc else None)
    return None


def describe(
    layout: Layout,
    problems: Iterable[Problem],
    cells: Mapping[Loc, Cell],
    present: Mapping[Loc, int] | None = None,
) -> list[dict[str, Any]]:
    """The problems of a row as stored: each with its column header, typed value and hint.

    ``present`` holds the columns the sheet has (:meth:`Resolved.positions`): a missing
    value whose column the sheet lacks is marked ``absent`` (with 必填 / 自然人必填),
    reported once for the column; one whose cell is empty names that cell (marked red).
    """
    out = []
    for problem in problems:
        found = _column_for(layout, problem.loc) if problem.loc else None  # () : the row
        column = found[0] if found else None
        cell = cells.get(problem.loc)
        if cell is None and found is not None:
            at, slot = found
            cell = cells.get(at.loc if slot is None else fill_slot(at.loc, slot))
        if cell is not None:
            header = cell.header
        elif found is not None:
            header = layout.header(found[0], found[1], "zh")
        else:
            header = layout.titles(problem.loc) if problem.loc else ""
        entry = problem.as_dict()
        entry.update(
            column=header,
            typed=_plain(cell.typed) if cell else "",
            hint=hint_for(problem, column),
            cell=cell.column if cell else None,
        )
        if problem.code == "missing" and column is not None and present is not None:
            if column.loc not in present:
                entry["absent"] = column.need
            elif cell is None:
                entry["cell"] = _empty_cell(present, problem.loc, found)
        out.append(entry)
    return out


def _empty_cell(
    present: Mapping[Loc, int], loc: Loc, found: tuple[Column, int | None] | None
) -> int | None:
    if loc in present:
        return present[loc]
    if found is None:
        return None
    at, slot = found
    return present.get(at.loc if slot is None else fill_slot(at.loc, slot))


_DATE_TAG = "$date"


def typed_values(values: list[Any]) -> list[Any]:
    """A row's cells as JSON keeps them, a date cell tagged so it comes back a date."""
    return [{_DATE_TAG: v.isoformat()} if isinstance(v, datetime | date) else v for v in values]


def _restored(value: Any) -> Any:
    """A cell kept by :func:`typed_values` as Excel should hold it again."""
    if isinstance(value, dict) and set(value) == {_DATE_TAG}:
        return datetime.fromisoformat(value[_DATE_TAG])
    shown = hyperlink_shown(value) if isinstance(value, str) else None
    if shown is not None and link_problem(value) is not None:
        shown = None  # a link read as no value stays its formula, guarded: refused again
    return safe_cell(value if shown is None else shown)


def _plain(value: Any) -> Any:
    """A typed value as JSON keeps it (dates as their text, a long number as Excel shows
    it, not 1.101011990030711e+16)."""
    if isinstance(value, float) and abs(value) >= 1e15:
        return as_excel_shows(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date().isoformat()
    return str(value)


Entry = dict[str, Any]
"""One reject: row, reference, debtor, and a problem as :func:`describe` stores it."""


def column_problems(entries: Iterable[Entry], rows: int) -> dict[tuple[str, str, str], str]:
    """(column, code, message) → hint of the problems that hit every one of ``rows`` rows."""
    if rows < 2:
        return {}
    seen: Counter[tuple[str, str, str]] = Counter()
    last: dict[tuple[str, str, str], Any] = {}
    hints: dict[tuple[str, str, str], str] = {}
    for entry in entries:
        key = (entry["column"], entry["code"], entry["message"])
        if last.get(key) != entry["row"]:
            seen[key] += 1
            last[key] = entry["row"]
            hints.setdefault(key, entry.get("hint", ""))
    return {key: hints[key] for key, n in seen.items() if n >= rows}


def absent_columns(entries: Iterable[Entry]) -> dict[str, tuple[str, str, set[Any]]]:
    """Column → (必填 / 自然人必填, field path, rows) of the required columns the sheet
    does not have, however many rows they cost."""
    out: dict[str, tuple[str, str, set[Any]]] = {}
    for entry in entries:
        if entry.get("absent"):
            found: tuple[str, str, set[Any]] = (entry["absent"], _path(entry["loc"]), set())
            out.setdefault(entry["column"], found)[2].add(entry["row"])
    return out


def report_rows(entries: Callable[[], Iterator[Entry]], rows: int) -> Iterator[list[Any]]:
    """The lines of the report: columns the sheet lacks and problems of every row once,
    then each row's own problems."""
    return (line for line, _warned in _report_lines(entries, rows))


def _report_lines(
    entries: Callable[[], Iterator[Entry]], rows: int
) -> Iterator[tuple[list[Any], bool]]:
    """:func:`report_rows`, each line with whether it is a warning only."""
    absent = absent_columns(entries())
    for column, (need, path, hit) in sorted(absent.items()):
        text = f"表格中没有「{column}」列（{need}），{_affected(hit, rows)}"
        yield [ALL_ROWS, "", "", column, "", text, ABSENT_HINT, "column_missing", path], False
    whole = column_problems((e for e in entries() if not e.get("absent")), rows)
    for (column, code, message), hint in sorted(whole.items()):
        text = f"列「{column}」：{message}，影响全部{rows}行"
        yield [ALL_ROWS, "", "", column, "", text, hint, code, ""], False
    for entry in entries():
        key = (entry["column"], entry["code"], entry["message"])
        if key not in whole and not entry.get("absent"):
            yield _line(entry), _warning(entry)


def _warning(entry: Entry) -> bool:
    return entry.get("severity") == "warning"


ABSENT_HINT = (
    "请在表格中加上这一列并填写（列名见 docgen batch template 生成的模板）；"
    "每行相同的信息也可在共用信息中填写一次"
)


def _affected(hit: set[Any], rows: int) -> str:
    """影响全部N行, or which rows: 影响第 7、8 行 (the first ten, then 等N行)."""
    if len(hit) >= rows:
        return f"影响全部{rows}行"
    numbers = sorted(hit)
    shown = "、".join(str(n) for n in numbers[:10])
    return f"影响第 {shown} 行" if len(hit) <= 10 else f"影响第 {shown} 等{len(hit)}行"


def _line(entry: Entry) -> list[Any]:
    return [
        entry["row"],
        entry.get("reference", ""),
        entry.get("debtor", ""),
        entry["column"],
        entry.get("typed", ""),
        entry["message"],
        entry.get("hint", ""),
        entry["code"],
        _path(entry.get("loc", [])),
    ]


def write_warnings(path: Path, entries: Iterable[Entry]) -> int:
    """The warnings of accepted rows (a letter sent recently …): same columns as the
    rejects report; returns how many."""
    return write_csv(path, REJECTS_HEADER, (_line(e) for e in entries))


def write_rejects(
    folder: Path,
    stem: str,
    entries: Callable[[], Iterator[Entry]],
    rows: int,
    sheet: tuple[list[str], Callable[[], Iterator[tuple[int, list[Any], list[Entry]]]]],
    hidden: Iterable[int] = (),
) -> dict[str, str]:
    """``<stem>.csv`` and ``<stem>.xlsx``; ``sheet`` gives the input's headers and its
    rejected rows (row number, values, problems) for the highlighted copy, in which the
    columns the input hid (0-based ``hidden``) are hidden too: the copy reads back as the
    input did."""
    csv_path = folder / f"{stem}.csv"
    xlsx_path = folder / f"{stem}.xlsx"
    write_csv(csv_path, REJECTS_HEADER, report_rows(entries, rows))
    _write_xlsx(xlsx_path, _report_lines(entries, rows), sheet, set(hidden))
    return {"csv": str(csv_path), "xlsx": str(xlsx_path)}


def _write_xlsx(
    path: Path,
    lines: Iterator[tuple[list[Any], bool]],
    sheet: tuple[list[str], Callable[[], Iterator[tuple[int, list[Any], list[Entry]]]]],
    hidden: set[int],
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    report = workbook.create_sheet("拒绝清单")
    report.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHI", (8, 14, 14, 22, 22, 48, 40, 22, 30), strict=True):
        report.column_dimensions[letter].width = width
    report.append([_bold(WriteOnlyCell(report, value=h)) for h in REJECTS_HEADER])
    for line, warned in lines:
        cells = [WriteOnlyCell(report, value=safe_cell(v)) for v in line]
        if line[4] not in ("", None):
            cells[4].fill = _yellow() if warned else _red()
        report.append(cells)
    _write_copy(workbook.create_sheet("被拒绝的行"), sheet, hidden)
    tmp = path.with_name(path.name + ".part")
    workbook.save(tmp)
    os.replace(tmp, path)


def _write_copy(
    copy: Any,
    sheet: tuple[list[str], Callable[[], Iterator[tuple[int, list[Any], list[Entry]]]]],
    hidden: set[int],
) -> None:
    """The rejected rows as typed, under the input's headers: hidden columns hidden,
    identifier columns formatted as text, each problem's cell red with a comment."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    headers, rejected = sheet
    copy.freeze_panes = "B2"
    text = _text_columns(headers)
    for index, header in enumerate(["行号", *headers], start=1):
        dimension = copy.column_dimensions[get_column_letter(index)]
        dimension.width = column_width(str(header))
        if index - 2 in text:
            dimension.number_format = "@"  # a number retyped here keeps every digit
        dimension.hidden = index - 2 in hidden
    titles = [_bold(WriteOnlyCell(copy, value=safe_cell(h))) for h in ["行号", *headers]]
    titles[0].comment = Comment(LEGEND, "docgen")
    copy.append(titles)
    for number, values, problems in rejected():
        out = [WriteOnlyCell(copy, value=number)] + [
            _copied(WriteOnlyCell(copy, value=_restored(v))) for v in values
        ]
        out += [WriteOnlyCell(copy, value=None) for _ in range(len(headers) - len(values))]
        for column in text:
            if column + 1 < len(out):
                out[column + 1].number_format = "@"
        _mark(out, problems)
        copy.append(out)


LEGEND = "红色：错误，须修改后才能生成；黄色：提醒，核实无误可不修改"
"""What the colours of the rejects copy say (the comment on its 行号 header)."""


def _mark(out: list[Any], problems: list[Entry]) -> None:
    """Each problem's cell: red with an error (whatever else it has), else yellow; its
    problems as one comment."""
    from openpyxl.comments import Comment

    said: dict[int, list[Entry]] = {}
    for problem in problems:
        at = problem.get("cell")
        if at is not None and at + 1 < len(out):
            said.setdefault(at + 1, []).append(problem)
    for index, found in said.items():
        warned = all(_warning(p) for p in found)
        out[index].fill = _yellow() if warned else _red()
        text = "\n".join(f"{p['message']}\n{p.get('hint', '')}" for p in found)
        out[index].comment = Comment(xml_text(text), "docgen")


RED, YELLOW = "FFC7CE", "FFEB9C"  # Excel's own 差 and 适中 fills


def _red() -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill("solid", fgColor=RED)


def _yellow() -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill("solid", fgColor=YELLOW)


_IDENTIFIERS = ("证件号码", "电话", "账号", "邮政编码", "邮编", "统一社会信用代码", "身份证")


def _text_columns(headers: Sequence[Any]) -> set[int]:
    """The columns of identifiers (ID, phone, account, postcode), by the sheet's header:
    formatted as text in the copy, so that the number the operator types in again keeps
    its 18 digits and its leading 0."""
    return {i for i, h in enumerate(headers) if any(word in str(h or "") for word in _IDENTIFIERS)}


def _copied(cell: Any) -> Any:
    """A date comes back a date cell, shown as a date (with its time when it has one)."""
    if isinstance(cell.value, datetime):
        has_time = cell.value.time() != datetime.min.time()
        cell.number_format = "yyyy-mm-dd hh:mm" if has_time else "yyyy-mm-dd"
    return cell


def _bold(cell: Any) -> Any:
    from openpyxl.styles import Font

    cell.font = Font(bold=True)
    return cell
