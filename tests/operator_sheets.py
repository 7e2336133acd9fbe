"""Sheets of demand letters as operators keep them: one row per debtor, Chinese labels,
dates and amounts in the forms Excel and people write, and the shared values of the run
(creditor, account, contact, signatory) in a separate ``--shared`` file."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from docgen.domain.identity import resident_id_check_char
from docgen.domain.money import rmb_upper
from tests.support import FIXTURES

HEADERS = [
    "客户编号",
    "债务人主体类型",
    "债务人姓名",
    "债务人性别",
    "债务人证件号码",
    "债务人住所地",
    "债务人联系电话",
    "债权依据合同类型",
    "债权依据合同名称",
    "债权依据合同编号",
    "债权依据签订日期",
    "债权依据应付款日期",
    "欠款金额截至日期",
    "欠款金额欠款明细1项目类型",
    "欠款金额欠款明细1金额（元）",
    "欠款金额欠款明细2项目类型",
    "欠款金额欠款明细2金额（元）",
    "欠款金额合计（元）",
    "付款期限（天数）",
    "付款期限天数类型",
    "邮政编码",
]
COL = {name: i for i, name in enumerate(HEADERS)}
PRINCIPAL = 100000
INTEREST = "6007.14"
TOTAL = "106007.14"
TOTAL_DECIMAL = Decimal(TOTAL)


def shared_values() -> dict[str, Any]:
    """What every letter of the run shares (given once, as ``--shared``)."""
    case = json.loads(
        (FIXTURES / "demand_letter" / "valid" / "person_debtor.json").read_text("utf-8")
    )
    keep = ("letter_date", "creditor", "payment_account", "next_step", "contact", "signatory")
    return {k: case[k] for k in keep}


def write_shared(path: Path) -> Path:
    path.write_text(json.dumps(shared_values(), ensure_ascii=False), encoding="utf-8")
    return path


def id_number(i: int) -> str:
    body = f"11010119850315{i:03d}"
    return body + resident_id_check_char(body)


def reference(i: int) -> str:
    return f"KH-{i:04d}"


def row(i: int, style: str) -> list[Any]:
    """Row ``i`` in the forms of ``style``: ``xlsx`` (date cells, serial numbers, numeric
    mobile numbers), ``gbk`` (Excel's CSV on Chinese Windows: 2025/6/1) or ``bom``
    (typed by people: 2026年3月5日, ￥, 万, full-width digits)."""
    number = id_number(i)
    values: list[Any] = [
        reference(i),
        "自然人",
        f"王芳{i}",
        "男" if int(number[16]) % 2 else "女",
        number,
        f"上海市浦东新区世纪大道{i}号",
        "13900139000",
        "民间借贷",
        "借款合同",
        f"JK-2025-{i:04d}",
        "2025/6/1",
        "2025/12/1",
        "2026/10/31",
        "本金",
        "100,000.00",
        "利息",
        INTEREST,
        TOTAL,
        "7",
        "工作日",
        "200120",
    ]
    if style == "xlsx":
        values[COL["债权依据签订日期"]] = datetime(2025, 6, 1)  # a date cell
        values[COL["债权依据应付款日期"]] = 45992  # a serial number: 2025-12-01
        values[COL["欠款金额截至日期"]] = datetime(2026, 10, 31)
        values[COL["债务人联系电话"]] = 13900139000  # a mobile number stored as a number
        values[COL["欠款金额欠款明细1金额（元）"]] = PRINCIPAL
        values[COL["欠款金额欠款明细2金额（元）"]] = float(INTEREST)
        values[COL["欠款金额合计（元）"]] = f"¥106,007.14（{rmb_upper(TOTAL_DECIMAL)}）"
        values[COL["付款期限（天数）"]] = 7
        values[COL["邮政编码"]] = 200120
    elif style == "bom":
        values[COL["债权依据签订日期"]] = "2025年6月1日"
        values[COL["债权依据应付款日期"]] = "2025.12.1"
        values[COL["欠款金额截至日期"]] = "２０２６年１０月３１日"
        values[COL["欠款金额欠款明细1金额（元）"]] = "10万"
        values[COL["欠款金额欠款明细2金额（元）"]] = "￥6,007.14元"
        values[COL["欠款金额合计（元）"]] = rmb_upper(TOTAL_DECIMAL)
        values[COL["付款期限天数类型"]] = "working"  # the code is accepted as well
    return values


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for values in rows:
        sheet.append(values)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list[Any]], encoding: str) -> Path:
    """Encoded as Excel saves a CSV: ``gbk`` on Chinese Windows, ``utf-8-sig`` otherwise."""
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerows([["" if v is None else v for v in values] for values in rows])
    return path


def excel_row(i: int) -> int:
    """The row number Excel shows for data row ``i`` (the header is row 1)."""
    return i + 2


def check_rejects(
    runner: Any, tmp_path: Path, source: Path, out: str
) -> tuple[str, list[dict[str, str]]]:
    """``docgen batch check`` of ``source`` with the shared values: its output and the rows
    of its rejects CSV."""
    from docgen.cli import main  # the CLI only for the tests that run it

    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "check", str(source), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path / out)])
    assert result.exit_code in (0, 1), result.output
    with (tmp_path / out / f"{source.stem}.rejects.csv").open(encoding="utf-8-sig") as fh:
        return result.output, list(csv.DictReader(fh))
