"""Turning an uploaded exhibit (PDF, JPEG, PNG, TIFF) into clean PDF pages.

The type is decided by the file's first bytes, never by its name. Parsing runs in an
isolated child process (:mod:`docgen.isolation`); :func:`convert` starts the jobs
``normalize_pdf`` and ``image_to_pdf`` there. Each returns a PDF written by pypdf from the
pages it could read, so what the parent process later merges is docgen's own output:

- a PDF is opened (an empty user password is tried, RC4 or AES; a real one is refused),
  every page is cut down to its printable content by :mod:`docgen.render.pdf_scrub` (no
  annotations, actions, JavaScript, embedded files or forms; an image over
  ``max_pixels`` is refused), its content is decoded and rotation is moved into the
  content; only the pages are copied into a new document, so nothing document-level
  (``/OpenAction``, names tree, AcroForm/XFA) comes along;

Every page keeps its top ``STAMP_BAND_PT`` blank (a PDF page's content is shrunk about
its bottom centre, an image placed below it): the bundle draws its page number there on a
white box (:mod:`docgen.render.bundle`), which must never hide what was filed — the
contract number or date a scan carries in its top corner.
- an image becomes A4 pages (one per TIFF frame) at 150 dpi, honouring the EXIF
  orientation, scaled to fit inside a margin; a frame over ``max_pixels``, or all the
  frames of a TIFF together over ``max_total_pixels``, is an error (read from the frame
  headers before anything is decoded).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Any, Literal

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError
from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from docgen import isolation
from docgen.isolation import Limits, Refusal
from docgen.render import pdf_scrub

Kind = Literal["pdf", "jpeg", "png", "tiff"]
KIND_LABELS: dict[str, str] = {"pdf": "PDF", "jpeg": "JPEG", "png": "PNG", "tiff": "TIFF"}
MEDIA_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "tiff": "image/tiff",
}

_OTHER_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "ZIP 压缩包（或 Office 文档）"),
    (b"PK\x05\x06", "ZIP 压缩包"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩文件"),
    (b"GIF8", "GIF 图片"),
    (b"BM", "BMP 图片"),
    (b"\xd0\xcf\x11\xe0", "旧版 Office 文档"),
    (b"MZ", "Windows 可执行程序"),
    (b"\x7fELF", "可执行程序"),
    (b"<", "HTML/XML 文本"),
)

A4_DPI = 150
A4_PIXELS = (1240, 1754)  # 210 x 297 mm at 150 dpi
IMAGE_MARGIN = 45  # pixels, about 7.6 mm
STAMP_BAND_PT = 46.0  # about 16 mm at the top of every page, kept for the bundle's number
MIN_SCALE = 0.5  # a strip of a page (a receipt) is shrunk no further than this
_BAND_PIXELS = round(STAMP_BAND_PT / 72 * A4_DPI)


def sniff(data: bytes) -> Kind | None:
    """The exhibit type by content: PDF, JPEG, PNG or TIFF, else None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    return None


def describe_unknown(data: bytes) -> str:
    """What an unsupported file seems to be, for the error message."""
    if not data:
        return "空文件"
    stripped = data.lstrip()
    for signature, label in _OTHER_SIGNATURES:
        if stripped.startswith(signature):
            return label
    return "无法识别的格式"


@dataclass(frozen=True)
class ExhibitPages:
    """An exhibit converted to PDF: the bytes and how many pages they hold."""

    pdf: bytes
    pages: int


def convert(
    data: bytes,
    kind: Kind,
    *,
    max_pages: int,
    max_pixels: int,
    limits: Limits,
    max_total_pixels: int | None = None,
) -> ExhibitPages:
    """``data`` (sniffed as ``kind``) as PDF pages, parsed in an isolated child process.

    Raises :class:`~docgen.isolation.Refusal` or :class:`~docgen.isolation.IsolationFailure`.
    """
    options: dict[str, object]
    if kind == "pdf":
        options = {"max_pages": max_pages, "max_pixels": max_pixels}
        meta, pdf = isolation.run(f"{__name__}:normalize_pdf", data, options, limits=limits)
    else:
        options = {
            "kind": kind,
            "max_pixels": max_pixels,
            "max_frames": max_pages,
            "max_total_pixels": max_total_pixels or max_pixels * max_pages,
        }
        meta, pdf = isolation.run(f"{__name__}:image_to_pdf", data, options, limits=limits)
    pages = meta.get("pages")
    if not isinstance(pages, int) or pages < 1 or pages != len(PdfReader(io.BytesIO(pdf)).pages):
        raise isolation.IsolationFailure("error", "page count disagrees with the output")
    return ExhibitPages(pdf, pages)


def normalize_pdf(data: bytes, *, max_pages: int, max_pixels: int) -> tuple[dict[str, int], bytes]:
    """Read an untrusted PDF fully and write its pages out again (job for the child)."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except (DependencyError, NotImplementedError, PdfReadError):
                opened = False
            if not opened:
                raise Refusal(
                    "pdf_encrypted", "PDF 文件已加密（需要密码才能打开），请提供未加密的文件"
                )
        count = len(reader.pages)
        if count == 0:
            raise Refusal("pdf_empty", "PDF 文件没有任何页面")
        if count > max_pages:
            raise Refusal(
                "pdf_too_many_pages", f"PDF 共 {count} 页，超过单个证据 {max_pages} 页的上限"
            )
        writer = PdfWriter()
        seen: set[int] = set()
        for number, page in enumerate(reader.pages, start=1):
            _check_page(page)
            pdf_scrub.scrub_page(page, number, max_pixels, seen)
            contents = page.get_contents()
            if contents is not None:
                contents.get_data()
            added = writer.add_page(page)
            if added.rotation:
                added.transfer_rotation_to_content()
            _clear_top_band(added)
        out = io.BytesIO()
        writer.write(out)
    except Refusal:
        raise
    except FileNotDecryptedError:
        raise Refusal(
            "pdf_encrypted", "PDF 文件已加密（需要密码才能打开），请提供未加密的文件"
        ) from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise Refusal(
            "pdf_broken", f"PDF 文件已损坏或结构异常，无法读取（{type(exc).__name__}）"
        ) from None
    return {"pages": count}, out.getvalue()


def _clear_top_band(page: Any) -> None:
    """Shrink the page's content about its bottom centre so that its top
    ``STAMP_BAND_PT`` stays blank; the page keeps its size."""
    box = page.mediabox
    left, bottom = float(box.left), float(box.bottom)
    width, height = abs(float(box.width)), abs(float(box.height))
    scale = max(MIN_SCALE, (height - STAMP_BAND_PT) / height)
    shift_x = left + width * (1 - scale) / 2 - left * scale
    shift_y = bottom - bottom * scale
    page.add_transformation(Transformation().scale(scale, scale).translate(shift_x, shift_y))


def _check_page(page: object) -> None:
    box = page.mediabox  # type: ignore[attr-defined]
    width, height = float(box.width), float(box.height)
    if not (10 <= abs(width) <= 14400 and 10 <= abs(height) <= 14400):
        raise Refusal("pdf_page_size", f"PDF 页面尺寸异常（{width:.0f} × {height:.0f} 点）")


_PIL_FORMATS: dict[str, str] = {"jpeg": "JPEG", "png": "PNG", "tiff": "TIFF"}


def image_to_pdf(
    data: bytes, *, kind: str, max_pixels: int, max_frames: int, max_total_pixels: int
) -> tuple[dict[str, int], bytes]:
    """An untrusted JPEG, PNG or (multi-page) TIFF as A4 PDF pages (job for the child).

    Every frame's size is read from its header, and the sum checked, before any is decoded.
    """
    Image.MAX_IMAGE_PIXELS = max_pixels
    writer = PdfWriter()
    count = 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[_PIL_FORMATS[kind]]) as image:
                frames = getattr(image, "n_frames", 1)
                if frames > max_frames:
                    raise Refusal(
                        "image_too_many_frames",
                        f"图片共 {frames} 页，超过单个证据 {max_frames} 页的上限",
                    )
                _check_total_pixels(image, frames, max_pixels, max_total_pixels)
                for frame in ImageSequence.Iterator(image):
                    _check_pixels(frame.size, max_pixels)
                    page = _a4_page(frame)
                    one = io.BytesIO()
                    page.save(one, "PDF", resolution=A4_DPI)
                    writer.append(PdfReader(io.BytesIO(one.getvalue())))
                    count += 1
    except Refusal:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise Refusal(
            "image_too_large", f"图片像素过多（超过 {max_pixels:,} 像素），疑为恶意文件，已拒绝"
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise Refusal(
            "image_broken", f"图片文件已损坏或格式异常，无法读取（{type(exc).__name__}）"
        ) from None
    out = io.BytesIO()
    writer.write(out)
    return {"pages": count}, out.getvalue()


def _check_pixels(size: tuple[int, int], max_pixels: int) -> None:
    if size[0] * size[1] > max_pixels:
        raise Refusal(
            "image_too_large", f"图片像素过多（超过 {max_pixels:,} 像素），疑为恶意文件，已拒绝"
        )


def _check_total_pixels(image: Any, frames: int, max_pixels: int, max_total: int) -> None:
    total = 0
    for index in range(frames):
        image.seek(index)
        _check_pixels(image.size, max_pixels)
        total += image.size[0] * image.size[1]
    image.seek(0)
    if total > max_total:
        raise Refusal(
            "image_too_large",
            f"图片 {frames} 页合计 {total:,} 像素，超过单个证据 {max_total:,} 像素的上限，已拒绝",
        )


def _a4_page(frame: Any) -> Any:
    """One frame, upright per its EXIF orientation, centred on a white A4 page below
    the band kept for the bundle's page number."""
    if getattr(frame, "format", None) == "JPEG":
        frame.draft("RGB", (max(A4_PIXELS), max(A4_PIXELS)))
    upright = ImageOps.exif_transpose(frame)
    if upright.mode in ("P", "LA", "PA", "RGBA"):
        rgba = upright.convert("RGBA")
        upright = Image.new("RGB", rgba.size, "white")
        upright.paste(rgba, mask=rgba.getchannel("A"))
    elif upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    box_w = A4_PIXELS[0] - 2 * IMAGE_MARGIN
    box_h = A4_PIXELS[1] - _BAND_PIXELS - IMAGE_MARGIN
    scale = min(box_w / upright.width, box_h / upright.height)
    size = (max(1, round(upright.width * scale)), max(1, round(upright.height * scale)))
    fitted = upright.resize(size, Image.Resampling.LANCZOS)
    page = Image.new(fitted.mode, A4_PIXELS, "white")
    top = _BAND_PIXELS + (box_h - size[1]) // 2
    page.paste(fitted, ((A4_PIXELS[0] - size[0]) // 2, top))
    return page
