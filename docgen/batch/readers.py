"""Reading batch inputs row by row: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030), XLSX, JSONL.

Rows are streamed, never loaded as a whole: a 100,000-row sheet costs the memory of one
row. Row numbers are the ones a person sees in Excel (header = row 1), so a rejects
report points at the right line.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.batch.cells import Formula, result_problem
from docgen.batch.xlsx_parts import xml_part_problem
from docgen.json_depth import MAX_JSON_DEPTH, json_depth_exceeds

SUFFIXES = (".csv", ".xlsx", ".jsonl")
MAX_XLSX_UNCOMPRESSED = 512 * 1024 * 1024
MAX_XLSX_RATIO = 200


class BatchInputError(ValueError):
    """The input file as a whole cannot be read; the message is for people (Chinese)."""


@dataclass
class Row:
    number: int
    values: list[Any] | None = None
    record: dict[str, Any] | None = None  # JSONL: an object, nested or keyed by header
    hidden: bool = False  # an XLSX row hidden (filtered out) in Excel

    @property
    def blank(self) -> bool:
        if self.record is not None:
            return not self.record
        return all(v is None or (isinstance(v, str) and not v.strip()) for v in self.values or [])


def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` for a BOM, ``utf-8`` if the whole file decodes, else ``gb18030``.

    GB18030 is a superset of GBK and GB2312, which is what Excel in China saves as "CSV".
    The check streams the file through an incremental decoder.
    """
    with path.open("rb") as fh:
        head = fh.read(3)
        if head == codecs.BOM_UTF8:
            return "utf-8-sig"
        decoder = codecs.getincrementaldecoder("utf-8")()
        chunk = head
        try:
            while chunk:
                decoder.decode(chunk)
                chunk = fh.read(1 << 16)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return "utf-8"


def read_rows(path: Path, sheet: int = 0) -> Iterator[Row]:
    """Every row of the file (of its ``sheet``-th worksheet for an XLSX), blank ones
    included (the planner counts and skips them)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv_rows(path)
    elif suffix == ".xlsx":
        yield from _xlsx_rows(path, sheet)
    elif suffix == ".jsonl":
        yield from _jsonl_rows(path)
    else:
        raise BatchInputError(
            f"不支持的文件类型「{suffix or path.name}」，请使用 CSV、XLSX 或 JSONL"
        )


def _csv_rows(path: Path) -> Iterator[Row]:
    encoding = detect_encoding(path)
    try:
        with path.open(encoding=encoding, newline="", errors="strict") as fh:
            for number, values in enumerate(csv.reader(fh), start=1):
                yield Row(number, list(values))
    except UnicodeDecodeError as exc:
        raise BatchInputError(
            f"CSV 文件编码无法识别（既不是 UTF-8 也不是 GBK/GB18030）：第 {exc.start} 字节"
        ) from None
    except csv.Error as exc:
        raise csv_error(exc) from None


def csv_error(exc: csv.Error) -> BatchInputError:
    """A CSV the reader cannot split, in words: a cell past the csv module's limit (131,072
    characters, usually a quote never closed) is named as such."""
    if "field larger than field limit" in str(exc):
        limit = f"{csv.field_size_limit():,}"
        return BatchInputError(
            f"CSV 格式错误：有一个单元格超过 {limit} 个字符"
            "（常见原因：某个引号没有配对），请检查文件"
        )
    return BatchInputError(f"CSV 格式错误：{exc}")


def _check_zip(path: Path) -> None:
    """Refuse zip bombs and non-xlsx files before openpyxl opens them."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise BatchInputError("不是有效的 XLSX 文件（请用 Excel 另存为 .xlsx）") from None
    total = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if total > MAX_XLSX_UNCOMPRESSED or (
        total > 10 * 1024 * 1024 and total / packed > MAX_XLSX_RATIO
    ):
        raise BatchInputError("XLSX 文件解压后过大，拒绝处理")
    if any(i.filename.startswith("/") or ".." in i.filename.split("/") for i in infos):
        raise BatchInputError("XLSX 文件包含非法的路径，拒绝处理")
    problem = xml_part_problem(path)
    if problem is not None:
        raise BatchInputError(problem)


def _open_xlsx(path: Path, data_only: bool = True) -> Any:
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise BatchInputError(f"无法读取 XLSX 文件：{type(exc).__name__}") from None


def _xlsx_rows(path: Path, index: int) -> Iterator[Row]:
    """The rows of a worksheet as Excel last computed them; a formula cell without a
    computed value, or whose value is a link address, is a :class:`Formula`, not an empty
    cell nor its text (read from a second stream of the formulas, opened only when the
    sheet has any)."""
    _check_zip(path)
    workbook = _open_xlsx(path)
    formulas = None
    try:
        sheet = workbook.worksheets[index]
        member = getattr(sheet, "_worksheet_path", "")
        if _has_formulas(path, member):
            formulas = _open_xlsx(path, data_only=False)
            written = formulas.worksheets[index].iter_rows(values_only=True)
        hidden = hidden_rows(path, member)
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            row = list(values)
            if formulas is not None:
                _mark_formulas(row, next(written, ()))
            yield Row(number, row, hidden=number in hidden)
    finally:
        workbook.close()
        if formulas is not None:
            formulas.close()


def _mark_formulas(row: list[Any], written: tuple[Any, ...]) -> None:
    """Formula cells without a computed value, and those whose computed text is a link
    address (a one-argument ``=HYPERLINK("javascript:…")`` shows its address), as
    :class:`Formula`; any other computed value is read as it is."""
    for i, (value, source) in enumerate(zip(row, written, strict=False)):
        if not (isinstance(source, str) and source.startswith("=")):
            continue
        if value is None:
            row[i] = Formula(source)
        elif isinstance(value, str) and result_problem(source, value) is not None:
            row[i] = Formula(source, value)


def _has_formulas(path: Path, member: str) -> bool:
    """Whether a worksheet's XML holds a formula (``<f>``), streamed."""
    if not member:
        return True
    with zipfile.ZipFile(path) as archive:
        try:
            fh = archive.open(member.lstrip("/"))
        except KeyError:
            return True
        with fh:
            tail = b""
            while chunk := fh.read(1 << 20):
                data = tail + chunk
                if b"<f>" in data or b"<f " in data or b":f>" in data or b":f " in data:
                    return True
                tail = data[-4:]
    return False


_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')


def hidden_rows(path: Path, member: str) -> set[int]:
    """The rows a worksheet hides (filtered out, or hidden by hand), streamed from its XML."""
    out: set[int] = set()
    if not member:
        return out
    with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as fh:
        tail = b""
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            cut = data.rfind(b"<")  # a tag cut by the chunk's end is read with the next
            for tag in _ROW_TAG.findall(data, 0, cut):
                number = _ROW_NUMBER.search(tag)
                if number and _HIDDEN.search(tag):
                    out.add(int(number.group(1)))
            tail = data[cut:]
    return out


def sheet_count(path: Path) -> int:
    """The worksheets of an XLSX (1 for other files)."""
    return len(sheet_names(path))


def sheet_names(path: Path) -> list[str]:
    """The names of an XLSX's worksheets (one unnamed sheet for other files)."""
    if path.suffix.lower() != ".xlsx":
        return [""]
    _check_zip(path)
    workbook = _open_xlsx(path)
    try:
        return [sheet.title for sheet in workbook.worksheets]
    finally:
        workbook.close()


_COLS = re.compile(rb"<(?:\w+:)?col\b[^>]*>")
_ATTR = re.compile(rb'(\w+)="([^"]*)"')


def hidden_columns(path: Path, sheet: int) -> set[int]:
    """The 0-based columns a worksheet hides (its ``<cols>``, before the cells)."""
    if path.suffix.lower() != ".xlsx":
        return set()
    _check_zip(path)
    workbook = _open_xlsx(path)
    try:
        member = getattr(workbook.worksheets[sheet], "_worksheet_path", "")
    finally:
        workbook.close()
    if not member:
        return set()
    with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as fh:
        head = b""
        while b"sheetData" not in head and len(head) < (4 << 20):
            chunk = fh.read(1 << 16)
            if not chunk:
                break
            head += chunk
    out: set[int] = set()
    for tag in _COLS.findall(head.split(b"sheetData")[0]):
        attrs = dict(_ATTR.findall(tag))
        if attrs.get(b"hidden") in (b"1", b"true"):
            low, high = int(attrs.get(b"min", b"1")), int(attrs.get(b"max", b"1"))
            out.update(range(low - 1, min(high, low + 16384)))
    return out


def _jsonl_rows(path: Path) -> Iterator[Row]:
    with path.open(encoding="utf-8-sig") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                yield Row(number, record={})
                continue
            if json_depth_exceeds(line.encode()):  # the parser would recurse that deep
                record = {"__error__": f"JSON 嵌套超过 {MAX_JSON_DEPTH} 层，请检查数据结构"}
                yield Row(number, record=record)
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Row(number, record={"__error__": f"不是有效的 JSON：{exc.msg}"})
                continue
            if not isinstance(record, dict):
                record = {"__error__": "每一行应为一个 JSON 对象"}
            yield Row(number, record=record)


def count_rows(path: Path, stop: int) -> int:
    """The rows of a file, counted up to ``stop`` without converting any cell.

    An XLSX is counted by its rows' tags in the sheet XML, streamed, so a 100,000-row
    workbook is refused in well under a second; a CSV by its records.
    """
    suffix = path.suffix.lower()
    count = 0
    if suffix == ".xlsx":
        _check_zip(path)
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
            # the data may be on any sheet (docgen.batch.headers): the longest counts
            return max((_sheet_rows(archive, name, stop) for name in names), default=0)
    if suffix == ".csv":
        with path.open(encoding=detect_encoding(path), newline="", errors="replace") as fh:
            try:
                for _ in csv.reader(fh):
                    count += 1
                    if count >= stop:
                        break
            except csv.Error as exc:
                raise csv_error(exc) from None
        return count
    with path.open("rb") as fh:
        for _ in fh:
            count += 1
            if count >= stop:
                break
    return count


def _sheet_rows(archive: zipfile.ZipFile, name: str, stop: int) -> int:
    count = 0
    with archive.open(name) as fh:
        tail = b""
        while count < stop:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            data = tail + chunk
            count += _row_tags(data) - _row_tags(tail)
            tail = data[-5:]
    return count


def _row_tags(data: bytes) -> int:
    return data.count(b"<row ") + data.count(b"<row>")


def sniff_bytes(data: bytes, filename: str) -> str:
    """The suffix an upload should be stored under, judged by name and content."""
    suffix = Path(filename).suffix.lower()
    if data[:4] == b"PK\x03\x04":
        return ".xlsx"
    if suffix in SUFFIXES:
        return suffix
    text = data[:1].decode("latin-1") if data else ""
    return ".jsonl" if text == "{" else ".csv"


__all__ = [
    "SUFFIXES",
    "BatchInputError",
    "Formula",
    "Row",
    "detect_encoding",
    "hidden_columns",
    "read_rows",
    "sheet_count",
    "sheet_names",
]
