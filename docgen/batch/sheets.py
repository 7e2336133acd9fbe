"""Writing tables people open in Excel: CSV (UTF-8 with BOM) and XLSX.

Every text cell that Excel would read as a formula (starting with ``= + - @``, a tab or
a carriage return, or a full-width ＝ ＋ － ＠) is written with a leading apostrophe, so a
debtor named ``=HYPERLINK("http://x")`` stays text (formula injection, OWASP "CSV Injection").
Characters an XLSX cannot hold (the C0 controls but tab and line breaks, U+FFFE/U+FFFF,
lone surrogates) are dropped from every text written: a value refused for holding one
(``text_control_char``) is still reported, not a crash of the whole report.
Rows are written as they come; an XLSX is written in openpyxl's write-only mode.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""What makes a spreadsheet read text as a formula: ASCII ``= + - @``, a tab or a carriage
return, and their full-width forms ＝ ＋ － ＠, which a Chinese or Japanese Excel (and
WPS) may take as the ASCII ones when a cell is entered or a CSV opened."""

# what XML 1.0 (and so openpyxl and lxml) refuses in a cell or comment
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` without the characters an XLSX cannot hold (invisible in Excel anyway)."""
    return _NOT_IN_XML.sub("", text)


def safe_cell(value: Any) -> Any:
    """The value to write: text without what an XLSX cannot hold, and, if it then looks
    like a formula, with a leading ``'``."""
    if not isinstance(value, str):
        return value
    value = xml_text(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write atomically (temp name, then rename); return the number of data rows."""
    tmp = path.with_name(path.name + ".part")
    count = 0
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([safe_cell(h) for h in header])
        for row in rows:
            writer.writerow([safe_cell("" if v is None else v) for v in row])
            count += 1
    os.replace(tmp, path)
    return count


def write_xlsx(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "Sheet1"
) -> int:
    """Write an XLSX in streaming mode, atomically; return the number of data rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"  # the header stays in view; widths go before the first row
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column_width(name)
    bold = Font(bold=True)
    cells = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=safe_cell(name))
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    count = 0
    for row in rows:
        sheet.append([_xlsx_value(v) for v in row])
        count += 1
    tmp = path.with_name(path.name + ".part")
    workbook.save(tmp)
    os.replace(tmp, path)
    return count


_WIDE = {"SHA-256": 66, "文件": 40, "地址": 36, "文书编号": 24, "校验码": 18}


def column_width(header: str) -> int:
    """A column as wide as its header, or as its values usually are (an address, a hash)."""
    for word, width in _WIDE.items():
        if word in header:
            return width
    cjk = sum(1 for ch in header if ord(ch) > 0x2E7F)
    return max(10, min(40, 2 * cjk + (len(header) - cjk) + 2))


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str):
        # openpyxl treats a string starting with "=" as a formula: keep it text
        return safe_cell(value)
    return value


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """CSV or XLSX by the file's suffix."""
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(path, header, rows)
    return write_csv(path, header, rows)
