"""What a filing bundle is made of and what it gives back: prepared exhibits, where each
sits, and the result (the PDF, the evidence list, the manifest, the copies)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from typing import Any

from docgen.batch.sheets import FORMULA_PREFIXES
from docgen.bundle.model import BundleExhibit
from docgen.bundle.papers import Paper
from docgen.documents.problems import Problem
from docgen.pipeline.reissue import Reissued


@dataclass(frozen=True)
class PreparedExhibit:
    """An exhibit ready to merge: its facts, number, original file's digest and its pages."""

    facts: BundleExhibit
    number: str
    kind: str
    size: int
    sha256: str
    pdf: bytes
    pages: int
    reissued: Reissued | None = None


@dataclass(frozen=True)
class Placement:
    """Where an exhibit sits in the bundle (1-based page numbers)."""

    separator: int | None
    first: int
    last: int

    @property
    def text(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"


@dataclass
class BundleResult:
    """Everything a bundle request produces."""

    pdf: bytes
    filename: str
    pages: int
    evidence_list_pdf: bytes
    evidence_list_docx: bytes
    evidence_list_filename: str
    manifest: list[dict[str, Any]]
    copies: list[tuple[str, bytes]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    papers: list[Paper] = field(default_factory=list)

    def manifest_csv(self) -> str:
        """The manifest as CSV; cells that a spreadsheet would run as formulas are quoted."""
        out = io.StringIO()
        columns = list(self.manifest[0]) if self.manifest else []
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        for row in self.manifest:
            writer.writerow({k: csv_safe(v) for k, v in row.items()})
        return out.getvalue()

    def zip(self) -> bytes:
        """Bundle, evidence list and papers (PDF and DOCX), manifest (JSON and CSV) and any
        copies."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(self.filename, self.pdf)
            archive.writestr(f"{self.evidence_list_filename}.pdf", self.evidence_list_pdf)
            archive.writestr(f"{self.evidence_list_filename}.docx", self.evidence_list_docx)
            for paper in self.papers:
                stem = paper.filename.rsplit(".", 1)[0]
                archive.writestr(f"{stem}.pdf", paper.pdf)
                archive.writestr(f"{stem}.docx", paper.docx)
            manifest = {"bundle": self.filename, "pages": self.pages, "exhibits": self.manifest}
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
            archive.writestr("manifest.csv", "\ufeff" + self.manifest_csv())
            for name, content in self.copies:
                archive.writestr(name, content)
        return buffer.getvalue()


def csv_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
