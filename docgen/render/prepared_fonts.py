"""Prepared CJK fonts: the primary PDF family cut down once to a common repertoire.

WeasyPrint subsets every embedded font for every PDF. With a full Noto CJK collection
(about 65,000 glyphs, 26 MB per weight) that costs tens of milliseconds per face and
document, whatever the letter contains. docgen therefore prepares, once per machine, a
copy of the primary family (regular and bold) holding only a common repertoire: ASCII and
Latin-1, general punctuation, CJK symbols and full-width forms, and every character of
GB 2312 (the level-1 and level-2 hanzi of GB 18030). The copies are made with HarfBuzz's
subsetter (layout tables kept, so shaping and metrics are unchanged) and cached under the
data directory, keyed by the source font file and the repertoire version.

The prepared family comes first in the PDF font stack and the full families follow it, so
a character outside the repertoire (a rare name character, say) is still drawn by the
full font: the output is the same, only slower for that letter. The glyph check is not
affected: it still compares the input with the coverage of the configured full families.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import uharfbuzz as hb

from docgen.render.fonts import FontFace, FontNotInstalled

log = logging.getLogger(__name__)

REPERTOIRE_VERSION = "1"
WEIGHTS = {"regular": 400, "bold": 700}

_RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x2000, 0x206F),  # general punctuation
    (0x2100, 0x214F),  # letterlike symbols (№, ℃)
    (0x2150, 0x218F),  # number forms (Roman numerals)
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed alphanumerics (①)
    (0x2500, 0x25FF),  # box drawing, shapes
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3200, 0x33FF),  # enclosed CJK, CJK compatibility (㈠, ㎡)
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
)


def repertoire() -> frozenset[int]:
    """Code points the prepared fonts keep (when the source font has them)."""
    points = {cp for low, high in _RANGES for cp in range(low, high + 1)}
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                points.add(ord(bytes((lead, trail)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return frozenset(points)


@dataclass(frozen=True)
class PreparedFont:
    weight: int
    path: Path
    source: FontFace


def locate_weight(family: str, style: str) -> FontFace:
    """The file fontconfig uses for ``family`` in ``style`` (regular or bold)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        raise FontNotInstalled("未找到 fontconfig（fc-match），无法确定 PDF 字体")
    weight = "bold" if style == "bold" else "regular"
    out = subprocess.run(  # noqa: S603 - fixed executable, family comes from settings
        [fc_match, "-f", "%{file}\t%{index}\t%{family}", f"{family}:{weight}"],
        capture_output=True,
        text=True,
        check=False,
        timeout=20,
    ).stdout
    parts = out.split("\t")
    if len(parts) < 3 or family not in parts[2].split(","):
        raise FontNotInstalled(f"未安装 PDF 所需字体「{family}」")
    return FontFace(family=family, path=Path(parts[0]), index=int(parts[1] or 0))


def _cache_name(face: FontFace, style: str) -> str:
    stat = face.path.stat()
    key = f"{face.path}|{face.index}|{stat.st_size}|{stat.st_mtime_ns}|{REPERTOIRE_VERSION}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return f"{style}-{digest}.otf"


def subset(face: FontFace, codepoints: frozenset[int]) -> bytes:
    """``face`` cut down to ``codepoints`` (layout tables and metrics kept)."""
    source = hb.Face(hb.Blob.from_file_path(str(face.path)), face.index)
    subset_input = hb.SubsetInput()
    subset_input.unicode_set.update(codepoints)
    result = hb.subset(source, subset_input)
    if result is None:
        raise RuntimeError(f"HarfBuzz could not subset {face.path.name}")
    return bytes(result.blob.data)


def prepare(family: str, cache_dir: Path) -> list[PreparedFont]:
    """The prepared regular and bold faces of ``family``, built on first use."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    prepared = []
    codepoints: frozenset[int] | None = None
    for style, weight in WEIGHTS.items():
        face = locate_weight(family, style)
        path = cache_dir / _cache_name(face, style)
        if not path.is_file():
            codepoints = codepoints or repertoire()
            data = subset(face, codepoints)
            fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)  # atomic: concurrent workers never read half a file
            log.info("prepared PDF font style=%s bytes=%d", style, len(data))
        prepared.append(PreparedFont(weight, path, face))
    return prepared


def prepared_family(family: str) -> str:
    """The CSS family name of the prepared copy of ``family``."""
    return f"{family} prepared"


def font_face_css(prepared: list[PreparedFont]) -> str:
    """``@font-face`` rules declaring the prepared faces under ``prepared_family``."""
    return "\n".join(
        f'@font-face {{ font-family: "{prepared_family(font.source.family)}"; '
        f"font-weight: {font.weight}; "
        f'font-style: normal; src: url("{font.path.resolve().as_uri()}"); }}'
        for font in prepared
    )
