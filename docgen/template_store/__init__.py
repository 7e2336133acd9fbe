"""Firms' own templates: uploaded, checked, versioned, previewed, then activated.

A firm uploads a .docx (the Word documents) or an .html (the PDFs) for a document type.
Before it is accepted, docgen checks that the archive is safe (:mod:`.archive`) or that
the HTML references no resource (:mod:`docgen.template_checks.html_source`), then, in a
limited child process, that it compiles in the sandbox, reads only variables the type
provides and renders every sample case (:mod:`docgen.template_checks.vetting`: a package
of its own, so that the child does not import this one). Accepted files are stored by
content hash under the data directory and never overwritten; each gets the next version
number of its type and kind. Versions belong to a tenant (every method takes it): each
firm numbers, previews and activates its own, and one version per tenant, type and kind
may be active: the service renders that tenant's documents with it instead of the
built-in template. Activating another version (or going back to the built-in one) never
changes a stored file, so a document's recorded template hash always finds the exact
file it was made with.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError

from docgen import db, isolation
from docgen.db.times import utc_text
from docgen.documents.problems import Problem
from docgen.template_checks.html_source import inspect_html
from docgen.template_checks.vetting import Vetting, problems_from
from docgen.template_store.archive import inspect_docx
from docgen.template_store.models import TemplateVersion

# (name, template context) of each sample case the template must render
Samples = list[tuple[str, dict[str, Any]]]
VET_LIMITS = isolation.Limits(cpu_seconds=60, wall_seconds=90.0)
ACTIVE_CACHE_SECONDS = 2.0
KINDS = ("docx", "html")  # the Word template, the HTML template the PDF is printed from
MAX_VERSION = 2**31 - 1


@dataclass(frozen=True)
class UploadRequest:
    """A file to store for a type: its bytes, its kind (``docx`` or ``html``), the layout
    it is for (``variant``; empty: every layout), its file name, a note and the uploader."""

    type_name: str
    data: bytes
    kind: str = "docx"
    variant: str = ""
    filename: str = "template.docx"
    note: str = ""
    uploaded_by: str = ""


@dataclass(frozen=True)
class VersionInfo:
    """A stored template version, as the API and CLI show it."""

    type_name: str
    kind: str
    version: int
    sha256: str
    filename: str
    size: int
    status: str
    note: str
    uploaded_by: str
    created_at: str
    activated_at: str | None
    variant: str = ""  # the one layout it replaces ("" = every layout of the type)

    @classmethod
    def of(cls, row: TemplateVersion) -> VersionInfo:
        return cls(
            row.type_name,
            row.kind,
            row.version,
            row.sha256,
            row.filename,
            row.size,
            row.status,
            row.note,
            row.uploaded_by,
            utc_text(row.created_at),
            utc_text(row.activated_at) if row.activated_at else None,
            row.variant or "",
        )

    @property
    def label(self) -> str:
        variant = f"/{self.variant}" if self.variant else ""
        return f"{self.type_name}/{self.kind}{variant}@v{self.version}"


class UnknownVersion(LookupError):
    """No stored template version with this number for this type."""


class TemplateRejected(Exception):
    """The upload failed its checks; carries every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class TemplateStore:
    """Template versions in the database, their bytes in ``root`` (one file per hash)."""

    def __init__(
        self,
        engine: Engine,
        root: Path,
        templates_dir: Path | None = None,
        font_families: tuple[str, ...] = (),
        font_cache_dir: Path | None = None,
    ) -> None:
        """``templates_dir``, ``font_families`` and ``font_cache_dir`` (the prepared
        fonts): what HTML templates are printed with."""
        self.engine = engine
        self.root = root
        self.templates_dir = templates_dir
        self.font_families = font_families
        self.font_cache_dir = font_cache_dir
        self._active: dict[tuple[int, str, str, str], tuple[float, VersionInfo | None]] = {}
        self._lock = threading.Lock()

    # --- upload ----------------------------------------------------------------------

    def check(self, data: bytes, samples: Samples, kind: str = "docx") -> Vetting:
        """All problems of a candidate .docx or .html, without storing it."""
        problems = inspect_html(data) if kind == "html" else inspect_docx(data)
        if any(p.severity == "error" for p in problems):
            return Vetting(problems)
        if not samples:
            return Vetting(
                [Problem(("type",), "no_samples", "该文书类型没有示例案件，无法检查模板")]
            )
        options: dict[str, Any] = {"contexts": [[name, context] for name, context in samples]}
        job = "docgen.template_checks.vetting:vet_job"
        if kind == "html":
            if self.templates_dir is None:
                raise RuntimeError("HTML templates need the templates directory")
            job = "docgen.template_checks.vetting:vet_html_job"
            options["templates_dir"] = str(self.templates_dir)
            options["font_families"] = list(self.font_families)
            options["font_cache_dir"] = str(self.font_cache_dir or "")
        try:
            meta, _ = isolation.run(job, data, options, limits=VET_LIMITS)
        except isolation.Refusal as exc:
            return Vetting([Problem(("file",), exc.code, exc.message)])
        except isolation.IsolationFailure as exc:
            reason = {
                "timeout": "检查模板超时（模板中的循环过多或文件过于复杂）",
                "memory": "检查模板时内存超限（模板过大或含有资源炸弹）",
            }.get(exc.kind, "检查模板时出错，模板无法使用")
            return Vetting([Problem(("file",), f"template_{exc.kind}", reason)])
        return problems_from(meta)

    def upload(
        self, tenant_id: int, request: UploadRequest, samples: Samples
    ) -> tuple[VersionInfo, list[Problem]]:
        """Check and store a .docx or .html; returns the version and the checks' warnings.

        Raises TemplateRejected with every error. Uploading a file identical to a stored
        version returns that version instead of adding a new one.
        """
        type_name, data, kind = request.type_name, request.data, request.kind
        if kind not in KINDS:
            raise ValueError(f"unknown template kind {kind!r}")
        digest = sha256_hex(data)
        stored = self._find_by_hash(tenant_id, type_name, kind, digest)
        if stored is not None:
            return stored, []  # the very same bytes were checked and accepted before
        verdict = self.check(data, samples, kind)
        errors = [p for p in verdict.problems if p.severity == "error"]
        if errors:
            raise TemplateRejected(verdict.problems)
        warnings = [p for p in verdict.problems if p.severity == "warning"]
        self._write_file(type_name, kind, digest, data)
        for _attempt in range(5):
            try:
                row = self._insert(tenant_id, request, digest)
                return row, warnings
            except IntegrityError:
                existing = self._find_by_hash(tenant_id, type_name, kind, digest)
                if existing is not None:
                    return existing, warnings
        raise RuntimeError("could not allocate a template version number")

    def _insert(self, tenant_id: int, request: UploadRequest, digest: str) -> VersionInfo:
        type_name, kind, variant = request.type_name, request.kind, request.variant
        existing = self._find_by_hash(tenant_id, type_name, kind, digest)
        if existing is not None:
            return existing
        with db.session_scope(self.engine) as session:
            latest = session.scalar(
                select(func.max(TemplateVersion.version)).where(
                    TemplateVersion.tenant_id == tenant_id,
                    TemplateVersion.type_name == type_name,
                    TemplateVersion.kind == kind,
                )
            )
            row = TemplateVersion(
                tenant_id=tenant_id,
                type_name=type_name,
                kind=kind,
                variant=variant,
                version=(latest or 0) + 1,
                sha256=digest,
                filename=_clean_filename(request.filename, f"template.{kind}"),
                size=len(request.data),
                status="uploaded",
                note=request.note[:500],
                uploaded_by=request.uploaded_by[:100],
                created_at=datetime.now(UTC),
            )
            session.add(row)
            session.flush()
            return VersionInfo.of(row)

    def _find_by_hash(
        self, tenant_id: int, type_name: str, kind: str, digest: str
    ) -> VersionInfo | None:
        with db.session_scope(self.engine) as session:
            row = session.scalar(
                select(TemplateVersion).where(
                    TemplateVersion.tenant_id == tenant_id,
                    TemplateVersion.type_name == type_name,
                    TemplateVersion.kind == kind,
                    TemplateVersion.sha256 == digest,
                )
            )
            return VersionInfo.of(row) if row else None

    def _write_file(self, type_name: str, kind: str, digest: str, data: bytes) -> None:
        target = self.file_path(type_name, kind, digest)
        if target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    # --- queries ---------------------------------------------------------------------

    def file_path(self, type_name: str, kind: str, digest: str) -> Path:
        return self.root / type_name / f"{digest}.{kind}"

    def versions(self, tenant_id: int, type_name: str | None = None) -> list[VersionInfo]:
        with db.session_scope(self.engine) as session:
            query = (
                select(TemplateVersion)
                .where(TemplateVersion.tenant_id == tenant_id)
                .order_by(TemplateVersion.type_name, TemplateVersion.kind, TemplateVersion.version)
            )
            if type_name is not None:
                query = query.where(TemplateVersion.type_name == type_name)
            return [VersionInfo.of(row) for row in session.scalars(query)]

    def get(self, tenant_id: int, type_name: str, version: int, kind: str = "docx") -> VersionInfo:
        with db.session_scope(self.engine) as session:
            row = self._row(session, tenant_id, (type_name, kind), version)
            return VersionInfo.of(row)

    @staticmethod
    def _row(session: Any, tenant_id: int, of: tuple[str, str], version: int) -> TemplateVersion:
        type_name, kind = of
        if not 1 <= version <= MAX_VERSION:  # beyond what the column holds: no such version
            raise UnknownVersion(f"{type_name} v{version}")
        row = session.scalar(
            select(TemplateVersion).where(
                TemplateVersion.tenant_id == tenant_id,
                TemplateVersion.type_name == type_name,
                TemplateVersion.kind == kind,
                TemplateVersion.version == version,
            )
        )
        if row is None:
            raise UnknownVersion(f"{type_name} v{version}")
        return row  # type: ignore[no-any-return]

    def active(
        self, tenant_id: int, type_name: str, kind: str = "docx", variant: str = ""
    ) -> VersionInfo | None:
        """The tenant's active version for one layout ("": every layout), cached for a
        moment: every render asks."""
        key = (tenant_id, type_name, kind, variant)
        now = time.monotonic()
        with self._lock:
            cached = self._active.get(key)
            if cached is not None and now - cached[0] < ACTIVE_CACHE_SECONDS:
                return cached[1]
        with db.session_scope(self.engine) as session:
            row = session.scalar(
                select(TemplateVersion).where(
                    TemplateVersion.tenant_id == tenant_id,
                    TemplateVersion.type_name == type_name,
                    TemplateVersion.kind == kind,
                    TemplateVersion.variant == variant,
                    TemplateVersion.status == "active",
                )
            )
            info = VersionInfo.of(row) if row else None
        with self._lock:
            self._active[key] = (now, info)
        return info

    # --- activation ------------------------------------------------------------------

    def activate(
        self, tenant_id: int, type_name: str, version: int, kind: str = "docx"
    ) -> VersionInfo:
        """Make the tenant's ``version`` the one its documents render with (for its
        layout); the tenant's previous one is retired. Other tenants are not touched."""
        with db.session_scope(self.engine) as session:
            row = self._row(session, tenant_id, (type_name, kind), version)
            self._retire_active(session, tenant_id, (type_name, kind), row.variant or "")
            row.status = "active"
            row.activated_at = datetime.now(UTC)
            session.flush()
            info = VersionInfo.of(row)
        self._forget(tenant_id, type_name, kind)
        return info

    def deactivate(
        self, tenant_id: int, type_name: str, kind: str = "docx", variant: str | None = None
    ) -> None:
        """Go back to the built-in template (for one layout, or for all: ``None``)."""
        with db.session_scope(self.engine) as session:
            self._retire_active(session, tenant_id, (type_name, kind), variant)
        self._forget(tenant_id, type_name, kind)

    @staticmethod
    def _retire_active(
        session: Any, tenant_id: int, of: tuple[str, str], variant: str | None
    ) -> None:
        type_name, kind = of
        query = select(TemplateVersion).where(
            TemplateVersion.tenant_id == tenant_id,
            TemplateVersion.type_name == type_name,
            TemplateVersion.kind == kind,
            TemplateVersion.status == "active",
        )
        if variant is not None:
            query = query.where(TemplateVersion.variant == variant)
        for current in session.scalars(query):
            current.status = "retired"

    def _forget(self, tenant_id: int, type_name: str, kind: str) -> None:
        with self._lock:
            for key in [k for k in self._active if k[:3] == (tenant_id, type_name, kind)]:
                del self._active[key]


def _clean_filename(name: str, default: str = "template.docx") -> str:
    base = Path(name.replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*')
    return cleaned[:200] or default


Sampler = Callable[[str], Samples]

__all__ = [
    "KINDS",
    "Sampler",
    "TemplateRejected",
    "TemplateStore",
    "UnknownVersion",
    "VersionInfo",
]
