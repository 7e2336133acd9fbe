"""Rendering the records of a run, a chunk at a time, idempotently.

The unit of work is a list of item keys (never case data): a worker loads each pending
item, renders its formats, writes every file under a temporary name and renames it into
place, and only then marks the item done in the same transaction that records the
files' SHA-256 and page count. Running a chunk twice (a redelivered task, a resumed run)
re-renders only what is not done and overwrites files of the same stable names, so
at-least-once delivery gives exactly one set of files per record.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from docgen import db
from docgen.batch.state import DONE, FAILED, PENDING, REJECTED, BatchItem, BatchRun
from docgen.config import Settings
from docgen.documents import registry
from docgen.documents.problems import CaseInvalid
from docgen.services import Docgen, Format, Rendered

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_services: dict[str, Docgen] = {}


def service_for(settings: Settings) -> Docgen:
    """One service per process (fonts and stylesheets are loaded once per worker)."""
    key = settings.model_dump_json()
    if key not in _services:
        _services[key] = Docgen(settings)
    return _services[key]


def render_documents(
    service: Docgen,
    type_name: str,
    cases: Sequence[dict[str, Any]],
    fmt: Format,
    batch_id: str | None = None,
) -> list[Rendered | CaseInvalid]:
    """Render a chunk of cases in one format; the one place batch calls the renderers.

    The service's chunked path lays PDFs out several letters at a time (fonts and
    stylesheets paid once per chunk). A letter to several recipients comes back as a zip
    of one document per recipient.
    """
    return service.render_many(type_name, list(cases), fmt, batch_id=batch_id)


def member_pdfs(content: bytes, is_zip: bool) -> list[bytes]:
    """The PDFs in a rendered result (one, or one per recipient in a zip)."""
    if not is_zip:
        return [content]
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return [archive.read(n) for n in sorted(archive.namelist()) if n.endswith(".pdf")]


def letter_stem(letter_id: str, type_name: str, case: dict[str, Any]) -> str:
    """A stable file name: the row's letter id plus the document type's own file name."""
    doc_type = registry.get(type_name)
    try:
        name = doc_type.filename(doc_type.model.model_validate(case))
    except Exception:
        name = type_name
    return f"{letter_id}_{_UNSAFE.sub('_', name)[:80]}"


def pdf_pages(content: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(content)).pages)


def write_atomic(path: Path, content: bytes) -> None:
    """Write to ``name.part``, flush to disk, rename: a reader never sees half a file."""
    tmp = path.with_name(path.name + ".part")
    with tmp.open("wb") as fh:
        fh.write(content)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def process_chunk(settings: Settings, database_url: str, run_id: str, keys: Sequence[str]) -> int:
    """Render the pending items among ``keys``; return how many became done."""
    engine = db.upgrade(database_url)
    service = service_for(settings)
    with db.session_scope(engine) as session:
        run = session.get(BatchRun, run_id)
        if run is None:
            return 0
        type_name, out_dir = run.type_name, Path(run.out_dir)
        formats: list[Format] = run.option("formats", ["pdf"])
        items = session.scalars(
            select(BatchItem)
            .where(BatchItem.key.in_(list(keys)), BatchItem.status == PENDING)
            .order_by(BatchItem.row_number)
        ).all()
        work = [(i.key, i.letter_id, json.loads(i.data)) for i in items]
    if not work:
        return 0
    letters = out_dir / "letters"
    letters.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, Any]] = {key: {} for key, _, _ in work}
    rejected: dict[str, CaseInvalid] = {}
    failed: dict[str, str] = {}
    cases = [case for _, _, case in work]
    for fmt in formats:
        try:
            documents = render_documents(service, type_name, cases, fmt, batch_id=str(run_id))
        except Exception as exc:
            log.exception("chunk failed run=%s format=%s", run_id, fmt)
            for key, _, _ in work:
                failed[key] = f"{type(exc).__name__}"
            break
        for (key, letter_id, case), document in zip(work, documents, strict=True):
            if isinstance(document, CaseInvalid):
                rejected[key] = document
                continue
            is_zip = document.fmt == "zip"
            content = document.content
            name = f"{letter_stem(letter_id, type_name, case)}.{fmt}" + (".zip" if is_zip else "")
            write_atomic(letters / name, content)
            entry: dict[str, Any] = {
                "file": f"letters/{name}",
                "sha256": hashlib.sha256(content).hexdigest(),
                "bytes": len(content),
                "zip": is_zip,
            }
            if fmt == "pdf":
                entry["pages"] = sum(pdf_pages(pdf) for pdf in member_pdfs(content, is_zip))
            results[key][fmt] = entry
    return _record(database_url, work, results, rejected, failed)


def _record(
    database_url: str,
    work: list[tuple[str, str, dict[str, Any]]],
    results: dict[str, dict[str, Any]],
    rejected: dict[str, CaseInvalid],
    failed: dict[str, str],
) -> int:
    done = 0
    engine = db.engine_for(database_url)
    with db.session_scope(engine) as session:
        for key, _, _ in work:
            item = session.get(BatchItem, key, with_for_update=True)
            if item is None or item.status != PENDING:
                continue
            if key in rejected:
                item.status = REJECTED
                item.problems = json.dumps(
                    [p.as_dict() for p in rejected[key].problems], ensure_ascii=False, default=str
                )
            elif key in failed:
                item.attempts += 1
                if item.attempts >= MAX_ATTEMPTS:
                    item.status = FAILED
                    item.problems = json.dumps(
                        [
                            {
                                "loc": [],
                                "code": "render_failed",
                                "message": f"生成失败：{failed[key]}",
                            }
                        ],
                        ensure_ascii=False,
                    )
            else:
                item.status = DONE
                item.outputs = json.dumps(results[key], ensure_ascii=False)
                done += 1
    return done
