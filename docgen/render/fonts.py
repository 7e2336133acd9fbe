"""Which characters the PDF fonts can draw.

docgen refuses to print a character the embedded fonts lack rather than print a
missing-glyph box. Fonts are found through fontconfig (the same lookup Pango does for
WeasyPrint), and their character maps are read once per process, with HarfBuzz: it
reads a face's cmap in C in about 7 ms and a few MB, where fontTools builds a glyph-name
table for the 65,000 glyphs of a CJK face first (about 170 ms and a peak of some 70 MB of
Python objects, which the allocator then keeps: over 100 MB of resident memory for every
worker).
"""

from __future__ import annotations

import bisect
import functools
import re
import shutil
import subprocess
import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import uharfbuzz as hb


class FontNotInstalled(RuntimeError):
    """A configured font family is not installed on this machine."""


@dataclass(frozen=True)
class FontFace:
    family: str
    path: Path
    index: int


@functools.lru_cache(maxsize=32)
def locate(family: str) -> FontFace:
    """Find the file fontconfig would use for ``family``; refuse a silent substitute.

    Cached per process, like the character maps below: every renderer and service asks
    (several times each), and each answer is an ``fc-match`` process. A family that is
    not installed is not cached (the error is raised each time).
    """
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        raise FontNotInstalled("未找到 fontconfig（fc-match），无法确定 PDF 字体")
    out = subprocess.run(  # noqa: S603 - fixed executable, family comes from settings
        [fc_match, "-f", "%{file}\t%{index}\t%{family}", family],
        capture_output=True,
        text=True,
        check=False,
        timeout=20,
    ).stdout
    parts = out.split("\t")
    if len(parts) < 3 or family not in parts[2].split(","):
        raise FontNotInstalled(
            f"未安装 PDF 所需字体「{family}」"
            "（请安装 fonts-noto-cjk，或设置 DOCGEN_PDF_FONT_FAMILIES）"
        )
    return FontFace(family=family, path=Path(parts[0]), index=int(parts[1] or 0))


class Coverage:
    """Code points fonts draw, kept as ranges and a compiled character class.

    A CJK family draws some 45,000 code points; as a frozenset of ints they take 3.4 MB
    of every process (the ints and the hash table), as ranges (about 2,000, mostly
    outside the Basic Multilingual Plane) and a character class of the BMP ones about
    60 KB. The class finds what a text's characters lack in C, as the set did.
    """

    def __init__(self, codepoints: Iterable[int]) -> None:
        starts, ends = array("I"), array("I")
        for point in sorted(codepoints):
            if ends and point == ends[-1] + 1:
                ends[-1] = point
            else:
                starts.append(point)
                ends.append(point)
        self._starts, self._ends = starts, ends
        inside = "".join(
            _class_range(start, min(end, 0xFFFF))
            for start, end in zip(starts, ends, strict=True)
            if start <= 0xFFFF
        )
        # a BMP character outside the ranges, or any character beyond the BMP (checked
        # against the ranges one by one: rare in a letter)
        self._outside = re.compile(f"[^{inside}]" if inside else "(?s:.)")

    def __contains__(self, codepoint: object) -> bool:
        if not isinstance(codepoint, int):
            return False
        at = bisect.bisect_right(self._starts, codepoint) - 1
        return at >= 0 and codepoint <= self._ends[at]

    def lacking(self, text: str) -> list[str]:
        """The characters of ``text`` outside the ranges, in order (repeats included)."""
        return [c for c in self._outside.findall(text) if ord(c) not in self]


def _class_range(start: int, end: int) -> str:
    first = re.escape(chr(start))
    return first if start == end else f"{first}-{re.escape(chr(end))}"


@functools.lru_cache(maxsize=8)
def coverage(families: tuple[str, ...]) -> Coverage:
    """Code points every one of ``families`` can draw (the intersection of their cmaps)."""
    result: set[int] | None = None
    for family in families:
        found = locate(family)
        face = hb.Face(hb.Blob.from_file_path(str(found.path)), found.index)
        cmap = set(face.unicodes)
        result = cmap if result is None else result & cmap
    return Coverage(result or ())


def _needs_glyph(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")


def missing_glyphs(text: str, families: tuple[str, ...]) -> list[str]:
    """The distinct characters of ``text`` the fonts cannot draw, in order of appearance."""
    # the characters the fonts lack found in C (a letter has some 3,000 characters and
    # is checked several times per render); the few found are then sorted out
    return list(dict.fromkeys(c for c in coverage(families).lacking(text) if _needs_glyph(c)))
