"""Cells as spreadsheets store them: Excel dates and serial numbers, numbers that were text.

Dates and amounts written as text (``2025/6/1``, ``¥1,234.50``) are read by the model
itself (``docgen.domain.written``), so the form, the API and the batch accept the same
forms. What only a spreadsheet does is handled here: a date cell, a date kept as its
serial number in a number cell (45809 is 2025-06-01; the same digits as a CSV's text are
no date: nothing says the column held dates), and identity, phone and account numbers that Excel
turned into numbers. Those are refused, never repaired: Excel keeps 15 significant
digits, so an 18-digit ID number stored as a number has lost its last digits, and a
landline stored as a number has lost its leading 0.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from docgen.batch.sheets import FORMULA_PREFIXES
from docgen.domain.links import ACTIVE_SCHEMES, WEB_SCHEMES, scheme_of
from docgen.domain.written import DATE_HINT

EXCEL_SERIAL_RANGE = (1, 73051)  # 1900-01-01 .. 2100-12-31
COMPACT_DATE_RANGE = (19000101, 21001231)  # 20260305 as a number: the date it spells
NUMBER_SENSITIVE = ("phone", "id_number", "account_number", "postcode", "uscc")
"""Fields whose digits are an identifier, never a quantity: a numeric cell is suspect."""

_SCIENTIFIC = re.compile(r"[+-]?\d+(\.\d+)?[eE][+-]?\d+")
_MOBILE = re.compile(r"1\d{10}")
_TEXT_HINT = "请把该列设为「文本」格式（或在数字前加英文单引号 '）后重新填写完整号码"


YES_NO = {
    "是": True,
    "否": False,
    "y": True,
    "n": False,
    "yes": True,
    "no": False,
    "true": True,
    "false": False,
    "1": True,
    "0": False,
    "有": True,
    "无": False,
}
"""The yes/no words a sheet's 是/否 column accepts (any case); the batch API's flags too."""
YES_NO_WORDS = "是/否、y/n、yes/no、true/false、1/0、有/无"


def yes_no(text: str) -> bool | None:
    """A yes/no word as a bool (``None`` when it is not one of :data:`YES_NO`)."""
    return YES_NO.get(unicodedata.normalize("NFKC", text).strip().lower())


@dataclass(frozen=True)
class Formula:
    """A formula cell that gives no value to read: its workbook holds no computed value
    (saved by a program that does not calculate, such as a script writing the sheet), so
    its value is unknown, not blank; or the value it holds is a link address
    (``result``, see :func:`result_problem`), which is never read as the cell's value."""

    text: str
    result: str | None = None

    def __str__(self) -> str:
        return self.text


FORMULA_HINT = (
    "请在 Excel 中打开文件、确认公式已算出结果后保存，再重新上传；"
    "或把这些单元格复制后「选择性粘贴 → 数值」"
)
TYPED_FORMULA_HINT = "请在这一格直接填写它的值（不要填写公式）后重新上传"
GUARDED = tuple("'" + prefix for prefix in FORMULA_PREFIXES)
"""What docgen's own reports write for text that Excel would run as a formula (``safe_cell``
in :mod:`docgen.batch.sheets`): a rejects copy read back is read without the ``'``."""


class CellError(ValueError):
    """A cell whose value cannot be used as it was stored."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


def unguarded(text: str) -> str:
    """Text as typed before a report guarded it (``'-100000`` → ``-100000``)."""
    return text[1:] if text.startswith(GUARDED) else text


_HYPERLINK = re.compile(
    r'=\s*HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:[,，]\s*"((?:[^"]|"")*)"\s*)?\)', re.IGNORECASE
)


def _link(text: str) -> tuple[str, str | None] | None:
    """A link formula's address and its text (None when it has only an address)."""
    found = _HYPERLINK.fullmatch(unguarded(text.strip()))
    if found is None:
        return None
    address, label = found.group(1), found.group(2)
    return _unquoted(address), None if label is None else _unquoted(label)


def _unquoted(argument: str) -> str:
    return argument.replace('""', '"').strip()


def hyperlink_shown(text: str) -> str | None:
    """The text Excel shows for a link formula ``=HYPERLINK("…","张伟")`` (its second
    argument, else the link itself), as a cell or as text, guarded by a report or not;
    None for anything else (a formula of any other kind needs its computed value)."""
    link = _link(text)
    if link is None:
        return None
    address, label = link
    return address if label is None else label


_scheme = scheme_of


def link_scheme(text: str, computed: bool) -> str | None:
    """The scheme of ``text`` when it is a link address that is never read as a value:
    ``javascript:``, ``vbscript:``, ``data:`` or ``file:`` as typed; and, when ``computed``
    (a formula's result, a link's text), any ``scheme://`` address but http and https.
    ``合同:HT-1`` or ``NO:12`` is no address; ``http://…`` and ``mailto:…`` are not
    refused here (read as text, as typed)."""
    found = _scheme(text)
    if found is None:
        return None
    scheme = found.group(1)
    if scheme in ACTIVE_SCHEMES:
        return scheme
    if computed and found.group(2) and scheme not in WEB_SCHEMES:
        return scheme
    return None


LINK_HINT = "请在这一格直接填写这一项的内容（不要填写链接地址或链接公式）后重新上传"


def link_problem(text: str) -> CellError | None:
    """The problem of a link formula (``=HYPERLINK(…)``, as a cell or as text) that is
    not read as the text it shows: one with only an address, which Excel shows as the
    cell's text, that is not an http, https or mailto address (``=HYPERLINK("javascript:
    …")``, ``=HYPERLINK("#Sheet2!A1")``); one whose text is itself such an address. None
    for a link read as its text, and for text that is no link formula."""
    link = _link(text)
    if link is None:
        return None
    address, label = link
    if label is None:
        found = _scheme(address)
        if found is None or found.group(1) not in WEB_SCHEMES:
            return _address_error(link_scheme(address, computed=True), only_address=True)
        return None
    return scheme_problem(label, computed=True)


def scheme_problem(text: str, computed: bool) -> CellError | None:
    """The problem of a text that is a link address (:func:`link_scheme`), else None."""
    scheme = link_scheme(text, computed)
    return None if scheme is None else _address_error(scheme, only_address=False)


def result_problem(formula: str, result: str) -> CellError | None:
    """The problem of a formula cell's computed text as the workbook holds it: a link
    formula's (:func:`link_problem`), or a result that is a link address
    (``=CONCAT("javascript:",…)``); None for a value to read."""
    return link_problem(formula) or scheme_problem(result, computed=True)


def _address_error(scheme: str | None, only_address: bool) -> CellError:
    what = f"「{scheme}」链接地址" if scheme else "链接地址"
    if only_address:
        message = f"单元格是只写了地址的链接公式（HYPERLINK），显示的是{what}，不是这一项的内容"
    else:
        message = f"单元格的内容是{what}，不是这一项的内容"
    return CellError("link_address", message + "；链接地址不会写入文书", LINK_HINT)


def typed_text(value: str) -> str:
    """A text cell as typed: stripped, without a report's guard. A link formula is the
    text it shows (:func:`hyperlink_shown`), on a first run and on the run of its rejects
    copy alike, unless that text is itself a formula (refused in any column: its value is
    not in the cell, and a link inside a link would read differently each run). Any other
    formula kept as text is refused in any column: the rejects copy's of one saved
    without its result (a name ``'=VLOOKUP(…)`` is never a name), a CSV's ``=A1&B1``
    (the text of a formula, not its value: it would be printed in the letter as it is),
    written with a full-width ＝ too."""
    text = value.strip()
    shown = hyperlink_shown(text)
    if shown is not None:  # a link showing a formula's text (``"=1+2"``, a link) is none
        wrong = link_problem(text)
        if wrong is not None:
            raise wrong
        if _formula_text(shown):
            raise typed_formula(shown)
        return shown
    plain = unguarded(text)
    if _formula_text(plain):
        raise typed_formula(plain)
    wrong = scheme_problem(plain, computed=False)
    if wrong is not None:
        raise wrong
    return plain


def _formula_text(text: str) -> bool:
    """Whether text reads as a formula (``=A1&B1``, ``＝SUM(…)``), not a lone ``=``."""
    return text.startswith(("=", "\uff1d")) and len(text.rstrip()) > 1


def typed_formula(text: str) -> CellError:
    """The problem of a formula kept as text (a rejects copy's ``'=50000*2``, a CSV's
    ``=A1&B1``): the cell gives no value, and opening the file in Excel gives none
    either, so the operator types the value."""
    return CellError(
        "formula_without_value",
        f"单元格是公式「{text[:40]}」的文字（看起来是电子表格公式），不是它算出的值，"
        "不会按公式的文字写入文书",
        TYPED_FORMULA_HINT,
    )


def formula_problem(value: Formula) -> CellError | None:
    """The problem of a formula cell read as :class:`Formula`: its result, a link address
    (:func:`result_problem`); no result saved, unless it is a link formula read as the
    text it shows (None: :func:`typed_text` reads ``value.text``)."""
    if value.result is not None:
        return result_problem(value.text, value.result) or formula_error(value)
    if hyperlink_shown(value.text) is None:
        return formula_error(value)
    return None


def formula_error(value: Formula) -> CellError:
    """A formula without its result: the reject says so, and the letter is not made with
    the formula's text."""
    return CellError(
        "formula_without_value",
        f"单元格是公式「{value.text[:60]}」，文件中没有保存它的计算结果（由程序生成、未在 "
        "Excel 中计算保存过的表格常见），无法得知其值，不会按公式的文字生成文书",
        FORMULA_HINT,
    )


EXCEL_ERRORS = frozenset(
    (
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#GETTING_DATA",
    )
)
"""Excel's error values: what a formula shows when it has no result (a VLOOKUP that finds
nothing is #N/A). Stored in an error cell, or as text once exported to CSV."""


def excel_error(value: Any) -> CellError | None:
    """The problem of a cell holding an Excel error value (never a name or an address to
    print: a letter to 「#N/A」 at 「#REF!」 must not be made)."""
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip().upper()
    if text not in EXCEL_ERRORS:
        return None
    return CellError(
        "excel_error",
        f"单元格是 Excel 的错误值「{text}」：公式没有得出结果（如 VLOOKUP 查不到对应的值），"
        "不是这一项的内容",
        "请在原表中修正公式，或直接填写这一项后重新上传",
    )


def excel_date(value: Any) -> Any:
    """A date cell or an Excel serial number as an ISO date; text is left to the model."""
    if isinstance(value, datetime):  # its time of day is judged first (batch.times)
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel

        low, high = EXCEL_SERIAL_RANGE
        if float(value).is_integer() and COMPACT_DATE_RANGE[0] <= value <= COMPACT_DATE_RANGE[1]:
            return str(int(value))  # 20260305 typed into a number cell: read as written
        if not (low <= value <= high and float(value).is_integer()):
            raise CellError("date_format", f"「{value}」不是日期", DATE_HINT)
        return from_excel(value).date().isoformat()
    return value


def identifier(name: str, value: Any) -> Any:
    """An identifier cell (ID, phone, account number, postcode) as its exact text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()  # full-width digits: １３８…
        if _SCIENTIFIC.fullmatch(text) or _lost_zero(name, text):
            raise _lost(name, text)
        return text
    if isinstance(value, float):
        if not value.is_integer() or abs(value) >= 1e15:
            raise _lost(name, as_excel_shows(value), float_digits=True)
        value = int(value)
    if not isinstance(value, int):
        return value
    digits = str(value)
    if name == "phone" and _MOBILE.fullmatch(digits):
        return digits  # an 11-digit mobile number is exact as a number
    if name == "postcode" and len(digits) == 6:
        return digits
    if name == "postcode" and len(digits) != 5:  # five: 010010 without its 0
        raise not_a_postcode(digits)  # no 0 lost makes seven digits six
    if name == "account_number" and len(digits) <= 15:
        return digits
    raise _lost(name, digits)


POSTCODE_HINT = "邮政编码为6位数字（如518000）；不知道的可以留空"


def not_a_postcode(value: Any, whose: str = "") -> CellError:
    """A postcode that is not six digits (1000221, 10001O): its own fault, not Excel's."""
    return CellError(
        "postcode_format", f"{whose}「{value}」不是邮政编码：邮政编码为6位数字", POSTCODE_HINT
    )


_LANDLINE_WITHOUT_ZERO = re.compile(r"[2-9]\d{8,10}|10\d{7,9}")
_SERVICE = re.compile(r"[48]00\d{7}")


def _lost_zero(name: str, text: str) -> bool:
    """Digits that only a number cell could have made: a postcode of five digits (010000
    without its 0), a phone number with an area code but no leading 0 (1012345678 for
    010-12345678). A local number without area code (83216688) is kept."""
    if name == "postcode":
        return len(text) == 5 and text.isdigit()
    if name == "phone":
        return bool(_LANDLINE_WITHOUT_ZERO.fullmatch(text)) and not _SERVICE.fullmatch(text)
    return False


_WHAT = {
    "phone": "电话号码",
    "id_number": "证件号码",
    "account_number": "银行账号",
    "postcode": "邮政编码",
    "uscc": "统一社会信用代码",
}


def as_excel_shows(value: float) -> str:
    """A number as Excel shows it in a number cell: 15 significant digits, the rest 0
    (1.101011990030711e+16 → 11010119900307100)."""
    held = Decimal(format(value, ".15g"))
    return f"{held:f}" if held != held.to_integral_value() else str(int(held))


def _lost(name: str, shown: str, float_digits: bool = False) -> CellError:
    what = _WHAT.get(name, "号码")
    if float_digits and name == "id_number" and shown.isdigit():
        short = f"，且只有 {len(shown)} 位（应为 18 位）" if len(shown) != 18 else ""
        lost = f"Excel 只保留 15 位有效数字，第 15 位之后的数字已变成 0{short}"
    elif float_digits and shown.isdigit() and len(shown) > 15:
        lost = "Excel 只保留 15 位有效数字，第 15 位之后的数字已变成 0"
    else:
        lost = "可能已丢失开头的 0 或末尾几位"
    return CellError(
        "number_stored_as_number",
        f"{what}被 Excel 存成了数字（显示为 {shown}），{lost}，无法确认原号码",
        _TEXT_HINT,
    )


def number(value: Any, places: int | None = None) -> Any:
    """A numeric cell for a decimal field (no binary float reaches the model).

    A float is read as Excel shows and keeps it, to 15 significant digits, so that the
    noise of its binary sums (112242.38000000001) is not read as digits. A cell of a field
    with ``places`` decimals (an amount to the fen) holding more is refused, never
    rounded: a formula's result formatted to two decimals shows a figure the cell does
    not hold, and which way it rounds is the user's call.
    """
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        held = Decimal(format(value, ".15g"))
        exponent = held.as_tuple().exponent
        if places is not None and isinstance(exponent, int) and -exponent > places:
            raise CellError(
                "number_not_rounded",
                f"单元格中的数实际为 {held:f}，多于 {places} 位小数（单元格格式显示的可能是"
                "四舍五入后的数）；金额不代为取舍",
                f"请在 Excel 中用 =ROUND(原公式,{places}) 得出该数，或直接填写"
                f"保留 {places} 位小数的数",
            )
        return f"{held:f}"
    return value
