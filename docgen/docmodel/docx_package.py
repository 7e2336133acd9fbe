"""A DOCX package written from parts compressed once.

The static parts of docgen's documents (styles, settings, theme, font table, footer,
relationships, ...) are the same for every document of a font and page; they are
deflated once per process and copied into each file as they are. Only
word/document.xml, word/numbering.xml and docProps/core.xml are compressed per document,
with ISA-L's deflate (``isal``): the same format as zlib's, in about a fifth of the time
of zlib's fastest level for a letter's body, for some 5 % more bytes.
The archive is written here rather than with ``zipfile`` because ``zipfile`` cannot take
members already compressed; the format is PKWARE's APPNOTE (local headers, central
directory, end record), no ZIP64 (a letter is far below 4 GB).
"""

from __future__ import annotations

import functools
import struct
import zlib
from dataclasses import dataclass
from datetime import datetime

try:
    from isal import isal_zlib as _fast_deflate
except ImportError:  # pragma: no cover - a platform without the wheel: zlib's fastest level
    _fast_deflate = zlib  # type: ignore[misc]

_VERSION = 20  # 2.0: deflate
_DEFLATED = 8
_UTF8_NAMES = 0x0800


@dataclass(frozen=True)
class Member:
    """One part of the package, deflated."""

    name: bytes
    crc: int
    size: int
    data: bytes  # raw deflate

    @classmethod
    def of(cls, name: str, content: bytes) -> Member:
        """A part compressed once per process: zlib's level 6, the smaller file."""
        deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
        data = deflate.compress(content) + deflate.flush()
        return cls(name.encode("utf-8"), zlib.crc32(content), len(content), data)

    @classmethod
    def fast(cls, name: str, content: bytes) -> Member:
        """A part compressed for each document: ISA-L's level 1 (its compressobj is
        faster than its one-shot compress for a letter's body)."""
        deflate = _fast_deflate.compressobj(1, _fast_deflate.DEFLATED, -15)
        data = deflate.compress(content) + deflate.flush()
        return cls(name.encode("utf-8"), _fast_deflate.crc32(content), len(content), data)

    @functools.cached_property
    def _sizes(self) -> bytes:
        """Its fields of a local header after the date: CRC, sizes, name length, no extra."""
        return struct.pack("<3L2H", self.crc, len(self.data), self.size, len(self.name), 0)

    @functools.cached_property
    def _local(self) -> bytes:
        """Its local header after the date, then its name and data (the static parts'
        are joined once per process)."""
        return self._sizes + self.name + self.data

    @functools.cached_property
    def _central(self) -> bytes:
        """Its central directory entry after the date, up to its offset."""
        return self._sizes + _CENTRAL_REST


# the fields before the time and date of a local header and of a central directory entry
_LOCAL = struct.pack("<4s3H", b"PK\x03\x04", _VERSION, _UTF8_NAMES, _DEFLATED)
_CENTRAL = struct.pack("<4s4H", b"PK\x01\x02", _VERSION, _VERSION, _UTF8_NAMES, _DEFLATED)
# a central entry after the sizes: no comment, disk 0, no attributes (the offset follows)
_CENTRAL_REST = struct.pack("<3HL", 0, 0, 0, 0)


_DOS_LAST = datetime(2107, 12, 31, 23, 59, 58)  # seven bits of years from 1980


def _dos_time(when: datetime) -> tuple[int, int]:
    """The ZIP time and date fields of ``when``, held within what they can state (1980
    to 2107): a time outside, from an id of another register's making, still writes."""
    if when.year > _DOS_LAST.year:
        when = _DOS_LAST
    year = max(when.year, 1980)
    date = (year - 1980) << 9 | when.month << 5 | when.day
    time = when.hour << 11 | when.minute << 5 | when.second // 2
    return time, date


def write(members: list[Member], when: datetime) -> bytes:
    """The archive of ``members`` in this order, each dated ``when`` (so the same
    parts and time give the same bytes)."""
    dated = struct.pack("<2H", *_dos_time(when))
    local, central = _LOCAL + dated, _CENTRAL + dated
    out: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for m in members:
        entry = m._local
        out += (local, entry)
        directory += (central, m._central, struct.pack("<L", offset), m.name)
        offset += len(local) + len(entry)
    entries = b"".join(directory)
    end = struct.pack(
        "<4s4H2LH",
        b"PK\x05\x06",
        0,
        0,
        len(members),
        len(members),
        len(entries),
        offset,
        0,
    )
    return b"".join(out) + entries + end


__all__ = ["Member", "write"]
