"""The XLSX template as a tool: what Excel can do to keep a sheet fillable and right.

Every choice column gets a drop-down list of its Chinese labels (from the model, the
same labels the reader accepts), date columns are formatted as dates, identifier columns
(ID, phone, account, postcode) as text so Excel keeps their leading zeros and all their
digits, the header row is frozen, columns are as wide as their headers, and a second
sheet explains each column: required or not, how to write it, what it is for.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from docgen.batch import cells
from docgen.batch.columns import Column, Layout
from docgen.domain.written import AMOUNT_HINT, DATE_HINT

FILL_ROWS = 5000
"""Rows that get the drop-down lists (a range, not cells: no empty rows are written)."""


def how_to_write(column: Column) -> str:
    """How a column is written, in the words of the rejects report's hints."""
    if column.kind == "date":
        return DATE_HINT
    if column.kind == "decimal":
        return AMOUNT_HINT
    if column.kind == "choice":
        return "从下拉列表选择：" + "、".join(column.labels())
    if column.kind == "list":
        labels = column.labels()
        return "可填多项，用顿号分隔" + ("：" + "、".join(labels) if labels else "")
    if column.kind == "bool":
        return "填写 是 或 否"
    if column.kind == "int":
        return "填写整数"
    if column.loc and column.loc[-1] in cells.NUMBER_SENSITIVE:
        return "按文本填写完整号码（本列已设为文本格式）"
    return "文字"


def _description(column: Column, layout: Layout) -> str:
    from docgen.batch.rows import EXTRA_ROOT

    if column.loc and column.loc[0] == EXTRA_ROOT:
        return {
            "postcode": "收件人邮政编码，用于寄送清单和邮局批量交寄表",
            "reference": "本单位的客户编号，拒绝清单和寄送清单按此对照",
            "guarantor_postcodes": "各保证人的邮政编码，顺序与保证人一致，用顿号分隔",
        }.get(str(column.loc[-1]), "")
    if column.loc and column.loc[-1] == "sex" and column.required_for:
        return (
            "填写了居民身份证（或港澳台居民居住证）号码时可不填：按号码第17位"
            "（奇数为男，偶数为女）填写"
        )
    return column.description


def write_template_xlsx(
    path: Path,
    layout: Layout,
    headers: list[str],
    rows: list[list[Any]],
    title: str,
    order: list[int] | None = None,
) -> int:
    """The template workbook; ``order`` gives the columns' order as indexes into
    ``layout.template_headers()`` (the headers and rows are already in that order)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    if not isinstance(sheet, Worksheet):  # a new workbook opens on one empty worksheet
        raise TypeError(f"a new workbook's active sheet is {sheet!r}")
    sheet.title = "填写"
    sheet.append(headers)
    bold = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="FFF2CC")
    kind_fill = PatternFill("solid", fgColor="DDEBF7")  # required for one 主体类型
    columns = layout.template_headers()
    if order is not None:
        columns = [columns[i] for i in order]
    for values in rows:
        sheet.append(
            [_cell(column, v) for (_h, column, _s), v in zip(columns, values, strict=True)]
        )
    sheet.freeze_panes = "A2"
    for index, (header, column, _slot) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        head = sheet.cell(row=1, column=index)
        head.font = bold
        head.alignment = Alignment(wrap_text=True, vertical="center")
        if column.required:
            head.fill = required_fill
        elif column.required_for:
            head.fill = kind_fill
            head.comment = Comment(column.need, "docgen")
        sheet.column_dimensions[letter].width = max(10, min(40, 2 * len(header) + 2))
        cell_range = f"{letter}2:{letter}{FILL_ROWS}"
        options = _options(column)
        if options:
            check = DataValidation(
                type="list",
                formula1='"' + ",".join(options) + '"',
                allow_blank=True,
                showErrorMessage=column.kind != "list",
                errorTitle=header,
                error=how_to_write(column),
            )
            check.add(cell_range)
            sheet.add_data_validation(check)
        number_format = _format(column)
        if number_format:
            # a column style (new cells typed in Excel take it) and the example row's cells;
            # no empty formatted cells, which would count as rows
            sheet.column_dimensions[letter].number_format = number_format
            for row in range(2, len(rows) + 2):
                sheet.cell(row=row, column=index).number_format = number_format
    _explain(book.create_sheet("填写说明"), layout, title)
    tmp = path.with_name(path.name + ".part")
    book.save(tmp)
    os.replace(tmp, path)
    return len(rows)


def _options(column: Column) -> list[str]:
    if column.kind in ("choice", "list"):
        return column.labels()
    if column.kind == "bool":
        return ["是", "否"]
    return []


def _format(column: Column) -> str | None:
    if column.kind == "date":
        return "yyyy-mm-dd"
    if column.loc and column.loc[-1] in cells.NUMBER_SENSITIVE:
        return "@"  # text: Excel keeps every digit and the leading 0
    return None


def _cell(column: Column, value: Any) -> Any:
    """An example value as Excel should hold it: a date as a date cell."""
    if column.kind == "date" and isinstance(value, str) and value:
        return date.fromisoformat(value)
    return value


def _explain(sheet: Any, layout: Layout, title: str) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.append([f"{title}：批量表格填写说明"])
    sheet.append(
        [
            "每行一份文书；黄色表头为必填列；蓝色表头为按主体类型必填的列（如「自然人必填」："
            "该行主体类型为自然人时必填，见下表「是否必填」）。债权人、收款账户、联系方式、签署人等每一行相同的"
            "信息可不填，改在批量页面或 --shared 文件中填写一次。"
        ]
    )
    sheet.append(["列名", "是否必填", "填写方式", "说明"])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for header, column, slot in layout.template_headers():
        if slot not in (None, 0):
            continue  # numbered slots are explained once
        sheet.append(
            [
                header,
                column.need,
                how_to_write(column),
                _description(column, layout),
            ]
        )
    for letter, width in zip("ABCD", (34, 18, 60, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
