"""What the pipeline hands back: rendered files, print parts, validation reports."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel

from docgen.documents.problems import Problem
from docgen.formats import FORMATS as FORMATS  # re-exported: docgen.services
from docgen.formats import Format as Format

MEDIA_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "zip": "application/zip",
}


@dataclass
class Rendered:
    """A finished document and what the rules warned about while making it."""

    content: bytes
    filename: str
    fmt: Literal["pdf", "docx", "zip"]
    type_name: str
    warnings: list[Problem] = field(default_factory=list)
    document_id: str | None = None
    verification_code: str | None = None
    recipient: str | None = None  # whom this copy is addressed to, for types with several
    content_sha256: str | None = None  # the register's hash of ``content``, when recorded

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.fmt]

    def sha256(self) -> str:
        """SHA-256 of the content, hex; the register's when it recorded the document (a
        PDF is hashed once, not again for a manifest)."""
        if self.content_sha256 is None:
            self.content_sha256 = hashlib.sha256(self.content).hexdigest()
        return self.content_sha256


@dataclass
class PrintPart:
    """Several letters of a rendered chunk as one PDF that shares its fonts (for printing).

    ``letters`` holds, in page order, (case index, copy index, first page, page count):
    which recipient's copy of which case each run of pages is; the first page is 0-based.
    """

    content: bytes
    letters: list[tuple[int, int, int, int]]


@dataclass
class Report:
    """The outcome of validating a case without rendering it."""

    problems: list[Problem]
    computed: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def bundle(rendered: list[Rendered]) -> Rendered:
    """Several documents of one case in a ZIP, each under its own (unique) name."""
    buffer = io.BytesIO()
    seen: dict[str, int] = {}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in rendered:
            name = item.filename
            if name in seen:
                seen[name] += 1
                stem, dot, ext = name.rpartition(".")
                name = f"{stem}-{seen[name]}{dot}{ext}"
            else:
                seen[name] = 1
            archive.writestr(name, item.content)
    first = rendered[0]
    stem = first.filename.rsplit(".", 1)[0]
    return Rendered(
        buffer.getvalue(), f"{stem}等{len(rendered)}份.zip", "zip", first.type_name, first.warnings
    )


def public(value: Any) -> Any:
    """Computed figures as JSON-friendly values (dates as ISO strings, Decimals as text, a
    model of the case as its JSON); a dataclass's fields marked ``NOT_REPORTED`` are left
    out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: public(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.metadata.get("reported", True)
        }
    if isinstance(value, dict):
        return {key: public(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [public(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, BaseModel):  # a part of the case the figures were computed from
        return value.model_dump(mode="json")
    return value
