"""Where a document came from, as the register keeps it: its stamp (document id and
verification code), the id and hash of its template or layout, the version of the shared
layout files and fonts, and the register entry itself."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from docgen import layouts
from docgen.config import Settings
from docgen.documents.base import DocumentType
from docgen.documents.problems import Assessment
from docgen.pipeline.layout_lineage import earlier
from docgen.pipeline.results import Format, Rendered
from docgen.register import Issue, Stamp, sha256_hex
from docgen.register.recipients import recorded_case
from docgen.render import layout_print
from docgen.render.errors import TemplateRenderError
from docgen.render.layout_print import LayoutPrinter

if TYPE_CHECKING:
    from docgen.pipeline.engines import Engine
    from docgen.pipeline.scope import Scope

log = logging.getLogger(__name__)

SHARED_LAYOUT: dict[str, tuple[str, ...]] = {
    ".html": ("_shared/print.css", "_shared/macros.html"),
    ".typ": ("_typst/letter.typ",),
}
"""The files under the templates directory every PDF template of a kind is printed with."""

UNSTAMPED = "#unstamped"
"""Appended to a PDF's registered template id when its pages carry no stamp, so that a
reissue prints it as it was printed (a court filing printed before this rule carries it).
Documents filed with a court carry the register's id and code in the PDF's metadata only
(a court reads the pleading, not docgen's stamp); letters and agreements carry the stamp
at the foot of every page."""


@dataclass(frozen=True)
class Source:
    """What a document was made from, as the register keeps it: the template's (or
    layout's) id and hash, and the version of the shared layout and fonts."""

    id: str
    hash: str
    layout_hash: str | None
    # earlier versions of the shared layout that print the same bytes (layout_lineage)
    same_print: frozenset[str] = frozenset()
    # earlier versions of a built-in layout's module that print the same (layout_lineage)
    same_template: frozenset[str] = frozenset()


def unmarked(template_id: str) -> tuple[str, bool]:
    """A registered template id without the mark of a PDF printed without its stamp on
    the pages, and whether it had it."""
    if template_id.endswith(UNSTAMPED):
        return template_id[: -len(UNSTAMPED)], True
    return template_id, False


def docx_properties(stamp: Stamp) -> dict[str, str]:
    """Core properties that carry the document id and verification code in a DOCX."""
    return {"dc:identifier": stamp.document_id, "cp:keywords": f"docgen 校验码 {stamp.code}"}


def new_stamp(scope: Scope) -> Stamp | None:
    """A fresh document id and code, or None when nothing is registered (register off, or
    a draft)."""
    return Stamp.new() if scope.settings.register_documents and not scope.draft else None


class Provenance:
    """Template and layout hashes of one installation, cached per file modification time."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._template_hashes: dict[Path, tuple[int, str]] = {}
        self._layout_hashes: dict[str, tuple[tuple[int, ...], str, frozenset[str]]] = {}
        self._module_hashes: dict[Path, str] = {}

    def source(self, printer: Engine | None, template: str, *, stamped: bool = True) -> Source:
        """What the register keeps of ``template`` as printed by ``printer`` (a DOCX:
        None; ``template`` is then a layout's name or a .docx file's path); a PDF whose
        pages carry no stamp (``stamped`` false) has ``UNSTAMPED`` after its id."""
        source = self._unmarked_source(printer, template)
        if printer is not None and not stamped:
            return dataclasses.replace(source, id=source.id + UNSTAMPED)
        return source

    def _unmarked_source(self, printer: Engine | None, template: str) -> Source:
        if isinstance(printer, LayoutPrinter) or (printer is None and layouts.get(template)):
            engine = printer.engine if isinstance(printer, LayoutPrinter) else "docx"
            layout = layouts.get(template)
            if layout is None:
                raise TemplateRenderError(f"没有内置版式「{template}」")
            shared = layout_print.shared_files(engine, self.settings.templates_dir)
            versions = self.versions(f"layout:{engine}", shared) if engine != "docx" else None
            module_hash, same = self.layout_version(layout)
            return Source(
                layout_print.template_id(template, engine),
                module_hash,
                versions[0] if versions else None,
                versions[1] if versions else frozenset(),
                same,
            )
        path = self.settings.templates_dir / template
        return Source(self.template_id(path), self.template_hash(path), self.layout_hash(path))

    def template_id(self, path: Path) -> str:
        """A template file named relative to the templates (or data) directory."""
        for root in (self.settings.templates_dir, self.settings.data_dir):
            if path.is_relative_to(root):
                return path.relative_to(root).as_posix()
        return path.name

    def template_hash(self, path: Path) -> str:
        """SHA-256 of the template file's bytes."""
        stamp = path.stat().st_mtime_ns
        cached = self._template_hashes.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, sha256_hex(path.read_bytes()))
            self._template_hashes[path] = cached
        return cached[1]

    def module_hash(self, path: Path) -> str:
        """SHA-256 of a built-in layout module's source, read once per service: what
        prints is the module the process imported, whatever its file holds later (a
        changed module prints after a restart); and no file check per render."""
        found = self._module_hashes.get(path)
        if found is None:
            found = self._module_hashes[path] = sha256_hex(path.read_bytes())
        return found

    def layout_version(self, layout: layouts.Layout) -> tuple[str, frozenset[str]]:
        """A built-in layout's version and the earlier ones that print the same
        (``layout_lineage``). A layout printed with its module alone: the module's hash.
        One printed with other layout modules' pieces too (``Layout.parts``): the hash of
        each file's name and hash, so that a change to a piece it shares changes its
        version; the earlier versions combine each file's listed earlier ones."""
        if not layout.parts:
            module_hash = self.module_hash(layout.source)
            return module_hash, frozenset(earlier(module_hash))
        choices = []
        for path in layout.files:
            sha = self.module_hash(path)
            choices.append([f"{path.name}:{s}" for s in (sha, *earlier(sha))])
        digests = [
            sha256_hex("\n".join(parts).encode("utf-8")) for parts in itertools.product(*choices)
        ]
        return digests[0], frozenset(digests[1:])

    def layout_hash(self, path: Path) -> str | None:
        """The version of what a PDF template is printed with besides itself: the shared
        files of its kind (``SHARED_LAYOUT``) and the fonts (each configured family's file,
        and the preparation version of the prepared faces). None for a DOCX template,
        which holds its whole layout. A reissue compares it with the registered one."""
        names = SHARED_LAYOUT.get(path.suffix)
        if names is None:
            return None
        return self.files_hash(path.suffix, [self.settings.templates_dir / n for n in names])

    def files_hash(self, key: str, files: list[Path]) -> str:
        """The version of ``files`` (named relative to the templates directory where they
        lie in it) and the fonts, cached under ``key``."""
        return self.versions(key, files)[0]

    def versions(self, key: str, files: list[Path]) -> tuple[str, frozenset[str]]:
        """:meth:`files_hash`, and the versions made of earlier files that print the
        same (``layout_lineage``), which a reissue accepts as this one."""
        stamp = tuple(f.stat().st_mtime_ns if f.is_file() else 0 for f in files)
        cached = self._layout_hashes.get(key)
        if cached is None or cached[0] != stamp:
            choices = []
            for f in files:
                sha = sha256_hex(f.read_bytes()) if f.is_file() else "-"
                choices.append([f"{self.template_id(f)}:{s}" for s in (sha, *earlier(sha))])
            digests = [
                sha256_hex("\n".join([*parts, self.font_fingerprint]).encode("utf-8"))
                for parts in itertools.product(*choices)
            ]
            cached = (stamp, digests[0], frozenset(digests[1:]))
            self._layout_hashes[key] = cached
        return cached[1], cached[2]

    @functools.cached_property
    def font_fingerprint(self) -> str:
        """Each configured font family's face (file, index, size, time) and the version of
        the prepared faces."""
        from docgen.render.fonts import locate
        from docgen.render.prepared_fonts import REPERTOIRE_VERSION

        faces = []
        for family in self.settings.pdf_font_families:
            face = locate(family)
            stat = face.path.stat()
            faces.append(f"{family}|{face.path}|{face.index}|{stat.st_size}|{stat.st_mtime_ns}")
        return "\n".join([*faces, f"prepared:{REPERTOIRE_VERSION}"])


@dataclass(frozen=True)
class Request:
    """Who asked for a document (an API key's holder, ``cli``, ``batch``), in which batch
    run, and with which PDF engine (None: the ``pdf_engine`` setting)."""

    requested_by: str = "cli"
    batch_id: str | None = None
    engine: str | None = None


@dataclass(frozen=True)
class Job:
    """One recipient's copy of a validated case, ready to print."""

    doc_type: DocumentType[Any]
    assessment: Assessment
    copy: BaseModel
    context: dict[str, Any]
    data: dict[str, Any] | None = None  # the copy's JSON data, when already made


@dataclass(frozen=True)
class Output:
    """A printed file of a job: its bytes and format, its stamp, what it was made from."""

    content: bytes
    fmt: Format
    stamp: Stamp | None
    source: Source


def finish(
    scope: Scope, job: Job, output: Output, request: Request, defer: list[Issue] | None = None
) -> Rendered:
    """The finished document, recorded in the register when it has a stamp.

    With ``defer`` the register entry is appended to it instead, for the caller to record
    with others at once.
    """
    doc_type, copy, stamp = job.doc_type, job.copy, output.stamp
    register = scope.stores.register if stamp is not None else None
    digest = None
    if register is not None and stamp is not None:
        issue = Issue(
            stamp,
            doc_type.name,
            output.source.id,
            output.source.hash,
            recorded_case(copy, job.data),  # with whom an addressed copy went to
            output.fmt,
            output.content,
            request.requested_by,
            request.batch_id,
            output.source.layout_hash,
            scope.tenant_id,
        )
        if defer is not None:
            defer.append(issue)
        else:
            register.record(issue)
        digest = issue.sha256
    log.info(
        "rendered type=%s format=%s bytes=%d document=%s",
        doc_type.name,
        output.fmt,
        len(output.content),
        stamp.document_id if stamp else "-",
    )
    return Rendered(
        output.content,
        f"{doc_type.filename(copy)}.{output.fmt}",
        output.fmt,
        doc_type.name,
        job.assessment.warnings,
        stamp.document_id if stamp else None,
        stamp.code if stamp else None,
        getattr(getattr(copy, "recipient", None), "name", None),
        digest,
    )
