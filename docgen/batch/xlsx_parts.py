"""Is every part of an uploaded .xlsx plain XML? Checked before openpyxl reads it (T4).

An .xlsx is a zip of XML parts, and Excel never writes a DOCTYPE: a part declaring one
(or an entity) is made to attack the parser (external entities reading local files, or
entities expanding to gigabytes). Every entry is streamed, whatever its name or
encoding (its bytes are also searched with the zero bytes of UTF-16/UTF-32 taken out),
and an XML declaration naming an encoding but UTF-8 or UTF-16 (UTF-7 or EBCDIC would
hide the word DOCTYPE) is refused too. The result is kept per file (path, size, time):
a run reads the same upload several times (rows counted, sheet names, rows).
"""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import IO

_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ENCODING = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([^\"']{0,40})", re.IGNORECASE)
_ENCODINGS_OK = frozenset({"utf-8", "utf8", "utf-16", "utf-16le", "utf-16be"})
_CHUNK = 1 << 20
_TAIL = 64  # bytes of a chunk kept to find a declaration cut by the chunk's end
RESAVE_HINT = "请用 Excel 或 WPS 打开后重新另存为 .xlsx 再上传"


def xml_part_problem(path: Path) -> str | None:
    """Why the workbook at ``path`` is refused for its XML (in Chinese), else None."""
    stat = path.stat()
    return _problem(str(path), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=32)
def _problem(path: str, _size: int, _mtime: int) -> str | None:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            with archive.open(info) as stream:
                problem = _entry_problem(info.filename[:80], stream)
            if problem is not None:
                return problem
    return None


def _entry_problem(name: str, stream: IO[bytes]) -> str | None:
    tail = b""
    first = True
    while chunk := stream.read(_CHUNK):
        data = tail + chunk
        narrow = data.replace(b"\x00", b"")  # UTF-16 / UTF-32 text of ASCII characters
        if first:
            declared = _ENCODING.match(narrow.lstrip(b"\xef\xbb\xbf\xff\xfe"))
            encoding = declared.group(1).decode("ascii", "replace") if declared else "utf-8"
            if encoding.lower() not in _ENCODINGS_OK:
                return (
                    f"XLSX 文件中的「{name}」声明了不常见的编码（{encoding}），"
                    f"正常的 Excel 表格只用 UTF-8 或 UTF-16，已拒绝整个文件；{RESAVE_HINT}"
                )
            first = False
        if _DECLARATION.search(data) or _DECLARATION.search(narrow):
            return (
                f"XLSX 文件中的「{name}」含有 DOCTYPE/实体声明（可被用来读取服务器文件或"
                f"耗尽内存），正常的 Excel 表格不含此内容，已拒绝整个文件；{RESAVE_HINT}"
            )
        tail = data[-_TAIL * 4 :]
    return None
