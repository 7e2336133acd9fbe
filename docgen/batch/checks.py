"""The check-only run: judge every row and write the rejects report, render nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from docgen.batch.columns import Layout
from docgen.batch.duplicates import Duplicates
from docgen.batch.plan import (
    Record,
    Sheet,
    check_shared,
    judge,
    stored_problems,
    with_profile,
)
from docgen.batch.rejects import typed_values, write_rejects, write_warnings
from docgen.documents import registry
from docgen.services import DocumentService


def _spool(fh: IO[str], record: Record, problems: list[dict[str, Any]], values: bool) -> None:
    line = {
        "row": record.number,
        "reference": record.reference,
        "debtor": record.debtor,
        "values": typed_values(record.values) if values else [],
        "problems": problems,
    }
    fh.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")


def _lines(spool: Path) -> Iterator[dict[str, Any]]:
    with spool.open(encoding="utf-8") as fh:
        for text in fh:
            yield json.loads(text)


def _entries(spool: Path, severity: str) -> Iterator[dict[str, Any]]:
    for line in _lines(spool):
        for problem in line["problems"]:
            if problem.get("severity", "error") == severity:
                yield {**problem, **{k: line[k] for k in ("row", "reference", "debtor")}}


def dry_run(
    service: DocumentService,
    type_name: str,
    source: Path,
    shared: Mapping[str, Any],
    mapping: Mapping[str, str],
    out_dir: Path,
) -> dict[str, Any]:
    """Judge every row of ``source``; write ``<stem>.rejects.csv``/``.xlsx`` and
    ``<stem>.warnings.csv`` in ``out_dir``. A sheet over the settings' ``batch_max_rows``
    is refused, as for a run.

    Rejects and warnings are spooled to disk (one JSON line per row), so memory does not
    grow with the sheet.
    """
    check_shared(service, type_name, shared)
    shared = with_profile(service, type_name, shared)
    layout = Layout.of(registry.get(type_name).model)
    sheet = Sheet(source, layout, mapping, service.settings.batch_max_rows, shared)
    tally = {"rows": 0, "valid": 0, "rejected": 0, "warnings": 0}
    spool = out_dir / f"{source.stem}.rejects.jsonl.part"
    warn_spool = out_dir / f"{source.stem}.warnings.jsonl.part"
    duplicates = Duplicates.for_run(service, type_name)
    try:
        with spool.open("w", encoding="utf-8") as fh, warn_spool.open("w", encoding="utf-8") as wh:
            for record in sheet.records():
                tally["rows"] += 1
                judge(service, type_name, record, shared, duplicates)
                problems = stored_problems(layout, record)
                if not record.ok:
                    tally["rejected"] += 1
                    _spool(fh, record, problems, values=True)
                    continue
                tally["valid"] += 1
                warned = [p for p in problems if p["severity"] == "warning"]
                if warned:
                    tally["warnings"] += len(warned)
                    _spool(wh, record, warned, values=False)
        warnings_csv = out_dir / f"{source.stem}.warnings.csv"
        whole = sheet.warning()  # columns not read: once, for the sheet
        tally["warnings"] += whole is not None
        sheet_lines = [whole] if whole else []
        write_warnings(warnings_csv, [*sheet_lines, *_entries(warn_spool, "warning")])

        def rows() -> Iterator[tuple[int, list[Any], list[dict[str, Any]]]]:
            for line in _lines(spool):
                yield line["row"], line["values"], line["problems"]

        paths = write_rejects(
            out_dir,
            f"{source.stem}.rejects",
            lambda: _entries(spool, "error"),
            tally["rows"],
            (sheet.headers, rows),
            sheet.hidden,
        )
    finally:
        spool.unlink(missing_ok=True)
        warn_spool.unlink(missing_ok=True)
    return {
        **tally,
        "blank_rows": sheet.blank_rows,
        "unknown_columns": sheet.unknown,
        "rejects_csv": paths["csv"],
        "rejects_xlsx": paths["xlsx"],
        "warnings_csv": str(warnings_csv),
    }
