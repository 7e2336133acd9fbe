"""Sample exhibit files made on the fly: good ones (PDFs, a rotated JPEG, a multi-page TIFF)
and hostile ones (a pixel bomb, an encrypted, a truncated and a self-referencing PDF, a ZIP
named ``.pdf``). Shared by the bundle tests and ``bench/bundle.py``.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib

from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject


def _page_text_stream(writer: PdfWriter, text: str) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 20 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
    return stream


def pdf_with_pages(label: str, pages: int, size: tuple[float, float] = (595.28, 841.89)) -> bytes:
    """A PDF whose page k says ``<label> page k`` (Helvetica, so it extracts as text)."""
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    for k in range(1, pages + 1):
        page = writer.add_blank_page(*size)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        page[NameObject("/Contents")] = writer._add_object(
            _page_text_stream(writer, f"{label} page {k}")
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def rotated_jpeg(width: int = 600, height: int = 300, orientation: int = 6) -> bytes:
    """A landscape JPEG whose EXIF orientation says "rotate 90° clockwise to view"."""
    image = Image.new("RGB", (width, height), (210, 210, 210))
    image.paste((200, 0, 0), (0, 0, width // 4, height))  # a red band on the stored left
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=80)
    return out.getvalue()


def multipage_tiff(frames: int = 3) -> bytes:
    images = [Image.new("L", (400, 560), 255 - 40 * i) for i in range(frames)]
    out = io.BytesIO()
    images[0].save(out, "TIFF", save_all=True, append_images=images[1:], compression="tiff_lzw")
    return out.getvalue()


def png(width: int = 300, height: int = 200) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (width, height), (0, 128, 0, 200)).save(out, "PNG")
    return out.getvalue()


def noise_png(width: int, height: int) -> bytes:
    """A PNG that does not compress (random pixels): large uploads made quickly."""
    out = io.BytesIO()
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(out, "PNG")
    return out.getvalue()


def pixel_bomb_png(side: int = 40_000) -> bytes:
    """A genuine 1-bit PNG of side x side pixels (1.6 gigapixels) that compresses to ~200 KB."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    row = b"\x00" * (1 + (side + 7) // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(pdf_with_pages("secret", 2)))
    writer.encrypt(user_password="open-sesame", owner_password="owner", algorithm="RC4-128")  # noqa: S106
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def truncated_pdf() -> bytes:
    data = pdf_with_pages("cut", 3)
    return data[: len(data) // 2]


def reference_loop_pdf() -> bytes:
    """A PDF whose page tree lists itself as its own kid (a cycle), with a valid xref."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def zip_named_pdf() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("contract.pdf", b"%PDF-1.7 " + b"0" * 100_000)
    return out.getvalue()
