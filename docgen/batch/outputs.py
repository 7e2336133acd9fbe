"""The outputs of a finished run: print PDFs, mailing manifest, rejects report, summary.

Everything is written from the state rows, streamed in row order, so memory does not
grow with the run: merged print PDFs are assembled one volume at a time (at most
``volume_size`` letters each). A volume takes its pages from the print parts
the workers kept (a chunk of letters as one PDF: laid out together by WeasyPrint,
sharing one font subset; with Typst, the letters' own pages copied one after the other,
each with its own subsets); a letter without a part (rendered on its own after its chunk
failed) is taken from its own PDF. The parts
are deleted once the run is done. The volumes are written with qpdf (pikepdf), each in a
short-lived child process (``docgen.batch.volume``), one after the other in a thread while
the manifests are written: where each letter starts is known from its page count before
its volume is written, and the child's volume is checked against that plan.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from docgen.batch import mailing, rejects, sheets, volume
from docgen.batch.cases import merge_shared, recipient_of
from docgen.batch.postcodes import guarantor_postcodes
from docgen.batch.state import (
    DONE,
    FAILED,
    PENDING,
    REJECTED,
    RUN_DONE,
    BatchItem,
    BatchRun,
    counts,
)
from docgen.batch.work import PRINT_PARTS
from docgen.documents import registry
from docgen.services import DocumentService

write_volume = volume.write_volume  # where it was

PAGE = 500
DEFAULT_VOLUME = 500

MANIFEST_HEADER = [
    "函件编号",
    "文书编号",
    "校验码",
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


def letters_of(item: BatchItem, type_name: str) -> list[dict[str, Any]]:
    """The letters of a done item: one per recipient, each with its id and files."""
    outputs = json.loads(item.outputs)
    if "letters" in outputs:
        return list(outputs["letters"])
    # a run rendered before letters were listed
    party = recipient_of(type_name, json.loads(item.data))
    whom = {k: party.get(k, "") for k in ("name", "address", "phone")}
    return [{"letter_id": item.letter_id, "recipient": whom, "role": "debtor", **outputs}]


def postcode(extras: dict[str, Any], index: int) -> str:
    """The debtor's postcode (``邮政编码``), or the n-th guarantor's (``保证人邮政编码``)."""
    if index == 0:
        return str(extras.get("postcode", "") or "")
    codes = guarantor_postcodes(extras)
    return str(codes[index - 1]) if index - 1 < len(codes) else ""


def _path(loc: list[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "（整行）"


def reject_entries(session: Session, run: BatchRun) -> Iterator[dict[str, Any]]:
    """Every error of every rejected (or failed) row, as the rejects report lists them."""
    shared = run.option("shared", {})
    for item in _items(session, run.id, REJECTED, FAILED):
        extras = json.loads(item.extras)
        whom = recipient_of(run.type_name, merge_shared(json.loads(item.data), shared))
        for problem in json.loads(item.problems):
            if problem.get("severity", "error") != "error":
                continue
            yield {
                "column": _path(problem.get("loc", [])),  # a run stored before columns
                "typed": "",
                **problem,
                "row": item.row_number,
                "reference": str(extras.get("reference", "") or ""),
                "debtor": str(whom.get("name", "") or ""),
            }


def warning_entries(session: Session, run: BatchRun) -> Iterator[dict[str, Any]]:
    """The warnings of the rows that were accepted (rendered, or valid in a check)."""
    shared = run.option("shared", {})
    for item in _items(session, run.id, DONE, PENDING):
        warnings = [p for p in json.loads(item.problems) if p.get("severity") == "warning"]
        if not warnings:
            continue
        extras = json.loads(item.extras)
        whom = recipient_of(run.type_name, merge_shared(json.loads(item.data), shared))
        for problem in warnings:
            yield {
                "column": _path(problem.get("loc", [])),
                **problem,
                "row": item.row_number,
                "reference": str(extras.get("reference", "") or ""),
                "debtor": str(whom.get("name", "") or ""),
            }


def rejected_rows(
    session: Session, run: BatchRun
) -> Iterator[tuple[int, list[Any], list[dict[str, Any]]]]:
    """The rejected rows as typed, with their problems (for the highlighted copy)."""
    from docgen.batch.plan import ROW_VALUES

    for item in _items(session, run.id, REJECTED):
        values = json.loads(item.extras).get(ROW_VALUES)
        if values is not None:
            yield item.row_number, values, json.loads(item.problems)


def write_rejects(session: Session, run: BatchRun, folder: Path) -> None:
    rejects.write_rejects(
        folder,
        "rejects",
        lambda: reject_entries(session, run),
        run.total_rows,
        (run.option("headers", []), lambda: rejected_rows(session, run)),
        run.option("hidden", []),
    )


def _print_volumes(
    session: Session, run: BatchRun, service: DocumentService, folder: Path
) -> tuple[dict[str, tuple[str, int]], volume.VolumeWriter]:
    """Merged PDFs for duplex printing: each letter (and its address page) starts on an
    odd page. Returns letter id -> (volume file, first page), known at once, and the
    writer writing the volumes meanwhile (its ``wait`` gives their facts). What a volume
    needs of each letter of the run is held until then (its id, recipient and where its
    pages are: well under a kilobyte a letter); the pages stay on disk."""
    volume_size = int(run.option("volume_size", DEFAULT_VOLUME))
    with_address = bool(run.option("address_page", False))
    starts: dict[str, tuple[str, int]] = {}
    volumes: list[volume.Volume] = []
    (folder / "print").mkdir(exist_ok=True)
    batch: list[tuple[dict[str, Any], str]] = []  # (letter, postcode)

    def flush() -> None:
        if not batch:
            return
        name = f"print/merged-{len(volumes) + 1:03d}.pdf"
        addresses = _address_pages(service, batch) if with_address else None
        planned: dict[str, tuple[str, int]] = {}
        pages = volume.page_starts(name, batch, with_address, planned)
        starts.update(planned)
        volumes.append(volume.Volume(name, list(batch), addresses, pages, planned))
        batch.clear()

    for item in _items(session, run.id, DONE):
        extras = json.loads(item.extras)
        for k, letter in enumerate(letters_of(item, run.type_name)):
            # what a volume needs of a letter: its id, address page and where its pages are
            kept = {k: letter[k] for k in ("letter_id", "recipient", "pdf")}
            batch.append((kept, postcode(extras, k)))
            if len(batch) >= volume_size:
                flush()
    flush()
    writer = volume.VolumeWriter(folder)
    writer.start(volumes)
    return starts, writer


def _address_pages(service: DocumentService, letters: list[tuple[dict[str, Any], str]]) -> bytes:
    addresses = [
        {
            "letter_id": letter["letter_id"],
            "name": letter["recipient"].get("name", ""),
            "address": letter["recipient"].get("address", ""),
            "phone": letter["recipient"].get("phone", ""),
            "postcode": code,
        }
        for letter, code in letters
    ]
    return service.pdf.render("_batch/address_pages.html", {"addresses": addresses})


def manifest_rows(
    session: Session, run: BatchRun, starts: dict[str, tuple[str, int]]
) -> Iterator[list[Any]]:
    """One row per letter: a row with guarantors gives a row for each recipient."""
    title = registry.get(run.type_name).title
    for item in _items(session, run.id, DONE):
        extras = json.loads(item.extras)
        for k, letter in enumerate(letters_of(item, run.type_name)):
            party = letter["recipient"]
            pdf = letter.get("pdf", {})
            docx = letter.get("docx", {})
            volume, first = starts.get(letter["letter_id"], ("", None))
            yield [
                letter["letter_id"],
                letter.get("document_id", ""),
                letter.get("code", ""),
                party.get("name", ""),
                party.get("address", ""),
                postcode(extras, k),
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


def mailing_letters(session: Session, run: BatchRun) -> Iterator[mailing.Letter]:
    """Each letter of the run as the post office's sheet needs it."""
    shared = run.option("shared", {})
    address_page = bool(run.option("address_page", False))
    for item in _items(session, run.id, DONE):
        extras = json.loads(item.extras)
        sender = mailing.sender_of(merge_shared(json.loads(item.data), shared))
        for k, letter in enumerate(letters_of(item, run.type_name)):
            yield mailing.Letter(
                sender=sender,
                recipient=letter["recipient"],
                postcode=postcode(extras, k),
                document_id=str(letter.get("document_id", "") or ""),
                code=str(letter.get("code", "") or ""),
                reference=str(extras.get("reference", "") or ""),
                pages=letter.get("pdf", {}).get("pages"),
                sheets=mailing.sheets_of(letter.get("pdf", {}).get("pages"), address_page),
            )


def finalize(session: Session, run: BatchRun, service: DocumentService) -> dict[str, Any]:
    """Write every output of the run and mark it done; return the summary."""
    folder = Path(run.out_dir)
    began = time.monotonic()
    for leftover in folder.rglob("*.part"):
        leftover.unlink(missing_ok=True)
    formats = run.option("formats", ["pdf"])
    starts: dict[str, tuple[str, int]] = {}
    writer = None
    if "pdf" in formats:
        starts, writer = _print_volumes(session, run, service, folder)
    try:
        letters, addresses, warned = _write_sheets(session, run, folder, starts)
    except BaseException:
        if writer is not None:
            writer.join()  # leave no volume being written behind a failed finish
        raise
    volumes = writer.wait() if writer is not None else []
    tally = counts(session, run.id)
    run = session.get(BatchRun, run.id) or run
    run.status = RUN_DONE
    run.finished_at = datetime.now(UTC).replace(tzinfo=None)
    summary = summarize(run, tally)
    summary["print_files"] = volumes
    summary["letters"] = letters
    summary["addresses_unsplit"] = addresses["unsplit"]
    summary["warnings"] = warned
    summary["finalize_seconds"] = round(time.monotonic() - began, 3)
    tmp = folder / "summary.json.part"
    tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, folder / "summary.json")
    shutil.rmtree(folder / PRINT_PARTS, ignore_errors=True)  # in the volumes now
    return summary


def _write_sheets(
    session: Session, run: BatchRun, folder: Path, starts: dict[str, tuple[str, int]]
) -> tuple[int, dict[str, int], int]:
    """The manifest (CSV and Excel), mailing sheet, rejects and warnings reports; return
    the letters listed, the mailing sheet's address counts and the warnings listed."""
    letters = 0
    for suffix in (".csv", ".xlsx"):
        letters = sheets.write_table(
            folder / f"manifest{suffix}", MANIFEST_HEADER, manifest_rows(session, run, starts)
        )
    addresses = mailing.write_mailing(
        folder / "mailing.xlsx",
        mailing_letters(session, run),
        str(run.option("insured_value", "") or ""),
    )
    write_rejects(session, run, folder)
    whole = run.option("sheet")  # the sheet's own warning: columns not read
    entries = itertools.chain([whole] if whole else [], warning_entries(session, run))
    warned = rejects.write_warnings(folder / "warnings.csv", entries)
    return letters, addresses, warned


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
