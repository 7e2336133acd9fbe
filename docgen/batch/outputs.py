"""The outputs of a finished run: print PDFs, mailing manifest, rejects report, summary.

Everything is written from the state rows, streamed in row order, so memory does not
grow with the run: merged print PDFs are assembled one volume at a time (at most
``volume_size`` letters each) with pypdf, reading one letter file at a time.
"""

from __future__ import annotations

import io
import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from docgen.batch import sheets
from docgen.batch.state import (
    DONE,
    FAILED,
    REJECTED,
    RUN_DONE,
    BatchItem,
    BatchRun,
    counts,
)
from docgen.batch.work import member_pdfs
from docgen.documents import registry
from docgen.services import Docgen

PAGE = 500
DEFAULT_VOLUME = 500
RECIPIENT_FIELDS = ("debtor", "recipient", "respondent", "defendant", "addressee")

MANIFEST_HEADER = [
    "函件编号",
    "收件人",
    "收件地址",
    "邮政编码",
    "联系电话",
    "文书类型",
    "页数",
    "PDF SHA-256",
    "PDF 文件",
    "DOCX SHA-256",
    "DOCX 文件",
    "打印文件",
    "打印起始页",
    "客户编号",
    "行号",
]
REJECTS_HEADER = ["行号", "字段", "错误代码", "错误信息", "填写的值", "提示"]


def _items(session: Session, run_id: str, *statuses: str) -> Iterator[BatchItem]:
    """Items in row order, a page at a time."""
    last = 0
    while True:
        page = session.scalars(
            select(BatchItem)
            .where(
                BatchItem.run_id == run_id,
                BatchItem.status.in_(statuses),
                BatchItem.row_number > last,
            )
            .order_by(BatchItem.row_number)
            .limit(PAGE)
        ).all()
        if not page:
            return
        yield from page
        last = page[-1].row_number
        session.expunge_all()


def recipient(data: dict[str, Any]) -> dict[str, Any]:
    """The addressee of a letter: the first party field named like a recipient."""
    for name in RECIPIENT_FIELDS:
        party = data.get(name)
        if isinstance(party, dict) and party.get("name"):
            return party
    for value in data.values():
        if isinstance(value, dict) and value.get("name") and value.get("address"):
            return value
    return {}


def _value_at(data: Any, loc: list[Any]) -> Any:
    for part in loc:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return None if isinstance(data, dict | list) else data


def _path(loc: list[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "（整行）"


def reject_rows(session: Session, run_id: str) -> Iterator[list[Any]]:
    for item in _items(session, run_id, REJECTED, FAILED):
        data = json.loads(item.data)
        for problem in json.loads(item.problems):
            if problem.get("severity", "error") != "error":
                continue
            yield [
                item.row_number,
                _path(problem.get("loc", [])),
                problem.get("code", ""),
                problem.get("message", ""),
                _value_at(data, problem.get("loc", [])),
                problem.get("hint", ""),
            ]


def write_rejects(session: Session, run_id: str, folder: Path) -> None:
    for suffix in (".csv", ".xlsx"):
        sheets.write_table(
            folder / f"rejects{suffix}", REJECTS_HEADER, reject_rows(session, run_id)
        )


def _print_volumes(
    session: Session, run: BatchRun, service: Docgen, folder: Path
) -> tuple[dict[str, tuple[str, int]], list[dict[str, Any]]]:
    """Merged PDFs for duplex printing: each letter (and its address page) starts on an
    odd page. Returns letter id -> (volume file, first page) and the volumes' facts."""
    from pypdf import PdfReader, PdfWriter

    volume_size = int(run.option("volume_size", DEFAULT_VOLUME))
    with_address = bool(run.option("address_page", False))
    starts: dict[str, tuple[str, int]] = {}
    volumes: list[dict[str, Any]] = []
    print_dir = folder / "print"
    print_dir.mkdir(exist_ok=True)
    batch: list[BatchItem] = []

    def flush() -> None:
        if not batch:
            return
        name = f"print/merged-{len(volumes) + 1:03d}.pdf"
        writer = PdfWriter()
        addresses = None
        if with_address:
            addresses = PdfReader(io.BytesIO(_address_pages(service, batch)))
        for n, item in enumerate(batch):
            if len(writer.pages) % 2:
                writer.add_blank_page()
            starts[item.letter_id] = (name, len(writer.pages) + 1)
            if addresses is not None:
                writer.add_page(addresses.pages[n])
                writer.add_blank_page()
            entry = json.loads(item.outputs)["pdf"]
            content = (folder / entry["file"]).read_bytes()
            for n_pdf, pdf in enumerate(member_pdfs(content, bool(entry.get("zip")))):
                if n_pdf and len(writer.pages) % 2:
                    writer.add_blank_page()  # each recipient's copy on an odd page too
                for page in PdfReader(io.BytesIO(pdf)).pages:
                    writer.add_page(page)
        tmp = folder / (name + ".part")
        with tmp.open("wb") as fh:
            writer.write(fh)
        os.replace(tmp, folder / name)
        volumes.append({"file": name, "letters": len(batch), "pages": len(writer.pages)})
        batch.clear()

    for item in _items(session, run.id, DONE):
        batch.append(item)
        if len(batch) >= volume_size:
            flush()
    flush()
    return starts, volumes


def _address_pages(service: Docgen, items: list[BatchItem]) -> bytes:
    addresses = []
    for item in items:
        party = recipient(json.loads(item.data))
        extras = json.loads(item.extras)
        addresses.append(
            {
                "letter_id": item.letter_id,
                "name": party.get("name", ""),
                "address": party.get("address", ""),
                "phone": party.get("phone", ""),
                "postcode": extras.get("postcode", ""),
            }
        )
    return service.pdf.render("_batch/address_pages.html", {"addresses": addresses})


def manifest_rows(
    session: Session, run: BatchRun, starts: dict[str, tuple[str, int]]
) -> Iterator[list[Any]]:
    title = registry.get(run.type_name).title
    for item in _items(session, run.id, DONE):
        data = json.loads(item.data)
        extras = json.loads(item.extras)
        outputs = json.loads(item.outputs)
        party = recipient(data)
        pdf = outputs.get("pdf", {})
        docx = outputs.get("docx", {})
        volume, first = starts.get(item.letter_id, ("", None))
        yield [
            item.letter_id,
            party.get("name", ""),
            party.get("address", ""),
            extras.get("postcode", ""),
            party.get("phone", ""),
            title,
            pdf.get("pages"),
            pdf.get("sha256", ""),
            pdf.get("file", ""),
            docx.get("sha256", ""),
            docx.get("file", ""),
            volume,
            first,
            extras.get("reference", ""),
            item.row_number,
        ]


def finalize(session: Session, run: BatchRun, service: Docgen) -> dict[str, Any]:
    """Write every output of the run and mark it done; return the summary."""
    folder = Path(run.out_dir)
    began = time.monotonic()
    for leftover in folder.rglob("*.part"):
        leftover.unlink(missing_ok=True)
    formats = run.option("formats", ["pdf"])
    starts: dict[str, tuple[str, int]] = {}
    volumes: list[dict[str, Any]] = []
    if "pdf" in formats:
        starts, volumes = _print_volumes(session, run, service, folder)
    for suffix in (".csv", ".xlsx"):
        sheets.write_table(
            folder / f"manifest{suffix}", MANIFEST_HEADER, manifest_rows(session, run, starts)
        )
    write_rejects(session, run.id, folder)
    tally = counts(session, run.id)
    run = session.get(BatchRun, run.id) or run
    run.status = RUN_DONE
    run.finished_at = datetime.now(UTC).replace(tzinfo=None)
    summary = summarize(run, tally)
    summary["print_files"] = volumes
    summary["finalize_seconds"] = round(time.monotonic() - began, 3)
    tmp = folder / "summary.json.part"
    tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, folder / "summary.json")
    return summary


def summarize(run: BatchRun, tally: dict[str, int]) -> dict[str, Any]:
    seconds = None
    if run.started_at and run.finished_at:
        seconds = round((run.finished_at - run.started_at).total_seconds(), 3)
    return {
        "run_id": run.id,
        "type": run.type_name,
        "status": run.status,
        "source": run.source_name,
        "formats": run.option("formats", []),
        "rows": run.total_rows,
        "blank_rows": run.blank_rows,
        "rendered": tally.get(DONE, 0),
        "rejected": tally.get(REJECTED, 0),
        "failed": tally.get(FAILED, 0),
        "pending": tally.get("pending", 0),
        "seconds": seconds,
        "error": run.error,
    }
