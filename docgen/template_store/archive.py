"""Is an uploaded .docx a safe archive? Checked before anything parses it (threats T4, T5).

A .docx is a zip of XML parts. A hostile one can be a zip bomb (a few KB expanding to
gigabytes), carry entries named ``../../etc/cron.d/x`` or absolute paths, or XML with a
DOCTYPE declaring external or recursively expanding entities (XXE, billion laughs). These
checks read the zip directory and then every entry, a bounded number of bytes each; no XML
is parsed with entity resolution and nothing is written to disk.

The DOCTYPE check runs on every entry whatever its name (a main part renamed
``word/main.dat`` is still XML to Word) and whatever its encoding: it also looks at the
bytes with the zero bytes of UTF-16/UTF-32 taken out, and refuses an XML declaration
naming any encoding but UTF-8 or UTF-16 (UTF-7 or EBCDIC would hide the word DOCTYPE).
Then :mod:`docgen.template_store.docx_parts` checks each part's content type,
relationships and field codes (threat T15).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from docgen.documents.problems import Problem
from docgen.template_store import docx_parts

MiB = 1024 * 1024


@dataclass(frozen=True)
class ArchiveLimits:
    max_upload_bytes: int = 10 * MiB
    max_entries: int = 1_000
    max_total_uncompressed: int = 100 * MiB
    max_entry_uncompressed: int = 50 * MiB
    max_ratio: int = 150  # uncompressed / compressed, for entries above 1 MiB


REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml")
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_PART = re.compile(r"\.(xml|rels)$", re.IGNORECASE)
_ENCODING = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([^\"']{0,40})", re.IGNORECASE)
_ENCODINGS_OK = frozenset({"utf-8", "utf8", "utf-16", "utf-16le", "utf-16be"})
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_\-\[\]./ ]+$")


def _problem(code: str, message: str, hint: str | None = None) -> Problem:
    return Problem(("file",), code, message, hint)


def _unsafe_name(name: str) -> bool:
    parts = name.split("/")
    return (
        not name
        or name.startswith(("/", "\\"))
        or "\\" in name
        or "\x00" in name
        or re.match(r"^[A-Za-z]:", name) is not None
        or any(part in ("..", ".") for part in parts)
        or not _SAFE_NAME.match(name)
    )


def inspect_docx(data: bytes, limits: ArchiveLimits = ArchiveLimits()) -> list[Problem]:
    """Problems that make ``data`` unacceptable as a .docx template (empty list: safe)."""
    if len(data) > limits.max_upload_bytes:
        return [_problem("too_large", f"模板文件超过 {limits.max_upload_bytes // MiB} MB")]
    if not data.startswith(b"PK\x03\x04"):
        return [_problem("not_docx", "文件不是 .docx（Word 2007 及以后的格式）模板")]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        return [_problem("not_docx", "文件已损坏，无法作为 .docx 打开")]
    with archive:
        return _inspect_entries(archive, infos, limits)


def _inspect_entries(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: ArchiveLimits
) -> list[Problem]:
    if len(infos) > limits.max_entries:
        return [
            _problem("zip_bomb", f"压缩包内文件过多（{len(infos)} 个），不像是正常的 Word 文档")
        ]
    total = sum(info.file_size for info in infos)
    if total > limits.max_total_uncompressed:
        return [_problem("zip_bomb", "压缩包解压后过大，可能是压缩炸弹，已拒绝")]
    names = {info.filename for info in infos}
    problems = []
    for info in infos:
        if _unsafe_name(info.filename):
            problems.append(
                _problem("unsafe_path", f"压缩包内含不安全的文件名「{info.filename!r}」")
            )
            continue
        if info.flag_bits & 0x1:
            problems.append(_problem("encrypted", "模板文件已加密，请先取消密码保护"))
            break
        too_big = info.file_size > limits.max_entry_uncompressed
        ratio = info.file_size / max(info.compress_size, 1)
        if too_big or (info.file_size > MiB and ratio > limits.max_ratio):
            problems.append(
                _problem("zip_bomb", "压缩包内文件解压后异常巨大，可能是压缩炸弹，已拒绝")
            )
            break
    if problems:
        return problems
    for info in infos:
        if not info.is_dir():
            problem = _inspect_entry(archive, info, limits)
            if problem:
                problems.append(problem)
    if problems:
        return problems
    for part in REQUIRED_PARTS:
        if part not in names:
            return [_problem("not_docx", f"文件不是 Word 文档：缺少 {part}")]
    return docx_parts.inspect_parts(archive)


def _inspect_entry(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ArchiveLimits
) -> Problem | None:
    with archive.open(info) as stream:
        data = stream.read(limits.max_entry_uncompressed + 1)
    if len(data) > limits.max_entry_uncompressed:
        return _problem("zip_bomb", "压缩包内文件解压后异常巨大，已拒绝")
    narrow = data.replace(b"\x00", b"")  # UTF-16 / UTF-32 text of ASCII characters
    declared = _ENCODING.match(narrow.lstrip(b"\xef\xbb\xbf\xff\xfe"))
    encoding = declared.group(1).decode("ascii", "replace") if declared else "utf-8"
    if encoding.lower() not in _ENCODINGS_OK:
        return _problem(
            "xml_encoding",
            f"{info.filename} 声明了不常见的编码（{encoding}），"
            "正常的 Word 文档只用 UTF-8 或 UTF-16",
            hint="请用 Word 或 WPS 重新另存为 .docx 后上传",
        )
    if _DOCTYPE.search(data) or _DOCTYPE.search(narrow):
        return _problem(
            "xml_doctype",
            f"{info.filename} 含有 DOCTYPE/实体声明（可用于 XXE 攻击），正常的 Word 文档不含此内容",
            hint="请用 Word 或 WPS 重新另存为 .docx 后上传",
        )
    if not _XML_PART.search(info.filename):
        return None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return _problem("xml_invalid", f"{info.filename} 不是有效的 XML，文件可能已损坏")
    return None
