"""Keeping only what an untrusted exhibit PDF needs to print (threat T15).

An exhibit PDF is handed on to a court and to the other party inside docgen's bundle, so
whatever active content it carries would be handed on too: page actions (``/AA``),
JavaScript, Launch / SubmitForm / ImportData actions, embedded files, form fields
(AcroForm, XFA). The bundle is rebuilt page by page in a fresh document, so nothing from
the exhibit's catalogue (``/OpenAction``, the names tree with its JavaScript and embedded
files, ``/AcroForm``) can come along; what remains is what a page points at. This module
cuts each page down to an allow-list of keys before it is copied (so the copy never
follows a pointer into active content) and then walks everything the page still reaches,
removing action, script and file keys wherever they hide and refusing an image whose
declared size exceeds the pixel limit (a decompression bomb a viewer would try to inflate).
"""

from __future__ import annotations

import re
from typing import Any

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from docgen.isolation import Refusal

PAGE_KEYS = frozenset(
    {
        "/Type",
        "/Parent",
        "/MediaBox",
        "/CropBox",
        "/BleedBox",
        "/TrimBox",
        "/ArtBox",
        "/Rotate",
        "/UserUnit",
        "/Resources",
        "/Contents",
        "/Group",
    }
)
RESOURCE_KEYS = frozenset(
    {
        "/Font",
        "/XObject",
        "/ExtGState",
        "/ColorSpace",
        "/Pattern",
        "/Shading",
        "/ProcSet",
        "/Properties",
    }
)
# Keys that carry actions, scripts, attached files or forms, wherever they appear.
ACTIVE_KEYS = frozenset(
    {
        "/AA",
        "/A",
        "/OpenAction",
        "/JS",
        "/JavaScript",
        "/Names",
        "/EmbeddedFiles",
        "/EmbeddedFile",
        "/EF",
        "/RF",
        "/FS",
        "/AcroForm",
        "/XFA",
        "/Annots",
        "/Next",
        "/URI",
        "/OPI",
        "/Alternates",
        "/PieceInfo",
        "/Metadata",
    }
)
MAX_OBJECTS = 200_000
_INLINE_IMAGE = re.compile(rb"(?<![A-Za-z])BI\s(.{0,4000}?)(?<![A-Za-z])ID\s", re.DOTALL)
_INLINE_SIZE = re.compile(rb"/(W|Width|H|Height)\s+(\d{1,12})")


def scrub_page(
    page: DictionaryObject, number: int, max_pixels: int, seen: set[int] | None = None
) -> None:
    """Cut ``page`` (a reader's page, changed in place) down to printable content.

    ``seen``, shared by the pages of one document, keeps shared fonts and forms from being
    walked again for every page.
    """
    for key in list(page.keys()):
        if key not in PAGE_KEYS:
            del page[key]
    resources = page.get("/Resources")
    if resources is not None:
        _keep_resource_keys(resources.get_object())
    walker = _Walker(number, max_pixels, seen if seen is not None else set())
    walker.visit(page, skip=("/Parent",))
    contents = page.get("/Contents")
    for stream in _streams(contents):
        walker.check_inline_images(stream)


def _keep_resource_keys(resources: Any) -> None:
    if isinstance(resources, DictionaryObject):
        for key in list(resources.keys()):
            if key not in RESOURCE_KEYS:
                del resources[key]


def _streams(contents: Any) -> list[StreamObject]:
    contents = contents.get_object() if contents is not None else None
    if isinstance(contents, StreamObject):
        return [contents]
    if isinstance(contents, ArrayObject):
        return [s for s in (c.get_object() for c in contents) if isinstance(s, StreamObject)]
    return []


class _Walker:
    """Every object a page reaches, once: active keys removed, image sizes checked."""

    def __init__(self, number: int, max_pixels: int, seen: set[int]) -> None:
        self.number = number
        self.max_pixels = max_pixels
        self.seen = seen

    def visit(self, root: Any, skip: tuple[str, ...] = ()) -> None:
        stack: list[Any] = [root]
        first = True
        while stack:
            obj = stack.pop()
            if isinstance(obj, IndirectObject):
                obj = obj.get_object()
            if id(obj) in self.seen:
                continue
            self.seen.add(id(obj))
            if len(self.seen) > MAX_OBJECTS:
                raise Refusal("pdf_too_complex", f"PDF 第 {self.number} 页引用的对象过多，已拒绝")
            if isinstance(obj, DictionaryObject):
                self._clean(obj)
                stack.extend(v for k, v in obj.items() if not (first and k in skip))
            elif isinstance(obj, ArrayObject):
                stack.extend(obj)
            first = False

    def _clean(self, obj: DictionaryObject) -> None:
        for key in ACTIVE_KEYS.intersection(obj.keys()):
            del obj[key]
        subtype = obj.get("/Subtype")
        if subtype == "/PS" or "/PS" in obj:  # PostScript a printer would run
            raise Refusal("pdf_postscript", f"PDF 第 {self.number} 页含有 PostScript 代码，已拒绝")
        if subtype == "/Image":
            self._check_image(obj)
        elif subtype == "/Form" and isinstance(obj, StreamObject):
            _keep_resource_keys(obj.get("/Resources", DictionaryObject()).get_object())
            self.check_inline_images(obj)

    def _check_image(self, image: DictionaryObject) -> None:
        width, height = _int(image.get("/Width")), _int(image.get("/Height"))
        self._refuse_if_large(width, height)

    def check_inline_images(self, stream: StreamObject) -> None:
        data = stream.get_data()
        for match in _INLINE_IMAGE.finditer(data):
            sizes = {k[:1]: int(v) for k, v in _INLINE_SIZE.findall(match.group(1))}
            self._refuse_if_large(sizes.get(b"W", 0), sizes.get(b"H", 0))

    def _refuse_if_large(self, width: int, height: int) -> None:
        if width < 0 or height < 0 or width * height > self.max_pixels:
            raise Refusal(
                "pdf_image_too_large",
                f"PDF 第 {self.number} 页含有过大的图片（{width} × {height} 像素，超过"
                f" {self.max_pixels:,} 像素的上限），疑为恶意文件，已拒绝",
            )


def _int(value: Any) -> int:
    value = value.get_object() if value is not None else 0
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
