"""Prepared CJK fonts: the primary PDF family cut down once to a common repertoire.

WeasyPrint subsets every embedded font for every PDF. With a full Noto CJK collection
(about 65,000 glyphs, 26 MB per weight) that costs tens of milliseconds per face and
document, whatever the letter contains. docgen therefore prepares, once per machine, a
copy of the primary family (regular and bold) holding only a common repertoire: ASCII and
Latin-1, general punctuation, CJK symbols and full-width forms, and every character of
GB 2312 (the level-1 and level-2 hanzi of GB 18030).

The copies are made with HarfBuzz's subsetter, keeping the layout features of horizontal
text (composition, ligatures, kerning, marks; not the vertical-writing and other-locale
forms, which would pull in thousands of glyphs no letter uses), so shaping and metrics of
horizontal text are unchanged. Their CFF outlines are then converted to TrueType
outlines (fontTools' cu2qu, within one font unit): HarfBuzz subsets a TrueType font
about three times faster than a CFF one, which is what every PDF pays. Preparing takes
about a minute per machine; the copies are cached in a folder of the font cache directory
named after the source font files and the preparation version, behind a file lock so that
concurrent workers wait for one preparation instead of repeating it. They carry their own
family name (``prepared_family``), so no font lookup mistakes them for the full family.

Both PDF engines use them: WeasyPrint through ``@font-face`` rules, Typst by the family
name in the files. For Typst they also save memory: it reads each face it uses whole, and
the prepared pair is 6 MB where the full Noto Serif CJK regular and bold are 53 MB.

The prepared family comes first in the PDF font stack and the full families follow it, so
a character outside the repertoire (a rare name character, say) is still drawn by the
full font: the output is the same, only slower for that letter. The glyph check is not
affected: it still compares the input with the coverage of the configured full families.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import io
import logging
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import uharfbuzz as hb

from docgen.render.fonts import FontFace, FontNotInstalled

log = logging.getLogger(__name__)

REPERTOIRE_VERSION = "3"
WEIGHTS = {"regular": 400, "bold": 700}
LAYOUT_FEATURES = (
    "abvm", "blwm", "calt", "ccmp", "clig", "curs", "dist", "dnom", "frac",
    "kern", "liga", "mark", "mkmk", "numr", "rclt", "rlig", "rvrn",
)  # fmt: skip
"""OpenType features kept: HarfBuzz's defaults for horizontal text, less ``locl``."""

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


@functools.lru_cache(maxsize=32)
def locate_weight(family: str, style: str) -> FontFace:
    """The file fontconfig uses for ``family`` in ``style`` (regular or bold); cached per
    process like ``fonts.locate`` (each answer is an ``fc-match`` process)."""
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


def _cache_folder(family: str, faces: dict[str, FontFace]) -> str:
    """The folder of one family's prepared faces: its name changes with the source files
    and the preparation version, and it holds nothing else (Typst is given the folder)."""
    stats = {style: face.path.stat() for style, face in faces.items()}
    key = "|".join(
        f"{style}:{face.path}|{face.index}|{stats[style].st_size}|{stats[style].st_mtime_ns}"
        for style, face in sorted(faces.items())
    )
    digest = hashlib.sha256(f"{family}|{key}|{REPERTOIRE_VERSION}".encode()).hexdigest()[:16]
    return f"prepared-{digest}"


def _tag(name: str) -> int:
    return int.from_bytes(name.encode("ascii").ljust(4), "big")


def subset(face: FontFace, codepoints: frozenset[int]) -> bytes:
    """``face`` cut down to ``codepoints`` (horizontal layout features and metrics kept)."""
    source = hb.Face(hb.Blob.from_file_path(str(face.path)), face.index)
    subset_input = hb.SubsetInput()
    subset_input.unicode_set.update(codepoints)
    features = subset_input.layout_feature_tag_set
    features.clear()
    features.update([_tag(feature) for feature in LAYOUT_FEATURES])
    result = hb.subset(source, subset_input)
    if result is None:
        raise RuntimeError(f"HarfBuzz could not subset {face.path.name}")
    return bytes(result.blob.data)


def truetype(font_data: bytes) -> bytes:
    """``font_data`` (an OpenType font with CFF outlines) with TrueType outlines instead.

    Cubic curves become quadratic ones within one font unit; hinting is not added (PDF
    viewers do not need it). Tables that only CFF fonts carry are dropped.
    """
    # fontTools is imported here, for the one preparation per machine: every worker
    # imports this module, and fontTools' modules are about 2 MB of each
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(io.BytesIO(font_data))
    if "glyf" in font:
        return font_data
    order = font.getGlyphOrder()
    outlines = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(outlines)
        outlines[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "CFF2", "VORG"):
        if tag in font:
            del font[tag]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
        "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
        "maxComponentElements",
    ):  # fmt: skip
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    font["maxp"] = maxp
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: nothing reads them
    font.sfntVersion = "\x00\x01\x00\x00"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def prepare(family: str, cache_dir: Path) -> list[PreparedFont]:
    """The prepared regular and bold faces of ``family``, built on first use."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    faces = {style: locate_weight(family, style) for style in WEIGHTS}
    folder = cache_dir / _cache_folder(family, faces)
    paths = {style: folder / f"{style}.ttf" for style in faces}
    if not all(path.is_file() for path in paths.values()):
        with open(cache_dir / ".prepare.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be preparing them
            folder.mkdir(exist_ok=True)
            for style, path in paths.items():
                if not path.is_file():
                    _write_prepared(faces[style], path, style)
    return [PreparedFont(WEIGHTS[style], paths[style], faces[style]) for style in WEIGHTS]


def _write_prepared(face: FontFace, path: Path, style: str) -> None:
    started = time.monotonic()
    data = renamed(truetype(subset(face, repertoire())), prepared_family(face.family), style)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp, path)  # atomic: other workers never read half a file
    log.info(
        "prepared PDF font style=%s bytes=%d seconds=%.1f",
        style,
        len(data),
        time.monotonic() - started,
    )


def renamed(font_data: bytes, family: str, style: str) -> bytes:
    """``font_data`` with ``family`` as its family name (in every language it names one).

    A prepared face must not pass for the full font: Typst, which finds faces by the names
    inside the files, is given the prepared family first and the full one after it, so a
    character outside the repertoire falls through to the full face of the same design.
    (WeasyPrint names the faces by the ``@font-face`` rules instead.)
    """
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(font_data))
    full = f"{family} {style.capitalize()}"
    for record in font["name"].names:
        if record.nameID in (1, 16):  # family, typographic family
            record.string = family
        elif record.nameID == 4:  # full name
            record.string = full
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def cmap(path: Path) -> frozenset[int]:
    """The code points a prepared face draws."""
    return frozenset(hb.Face(hb.Blob.from_file_path(str(path))).unicodes)


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
