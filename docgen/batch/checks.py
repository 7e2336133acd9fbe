"""The check-only run: judge every row and write the rejects report, render nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from docgen.batch.columns import Layout
from docgen.batch.duplicates import Duplicates
from docgen.batch.plan import Sheet, check_shared, judge, stored_problems
from docgen.batch.rejects import write_rejects
from docgen.documents import registry
from docgen.services import Docgen


def dry_run(
    service: Docgen,
    type_name: str,
    source: Path,
    shared: Mapping[str, Any],
    mapping: Mapping[str, str],
    out_dir: Path,
    max_rows: int | None = None,
) -> dict[str, Any]:
    """Judge every row of ``source``; write ``<stem>.rejects.csv``/``.xlsx`` in ``out_dir``.

    Rejects are spooled to disk (one JSON line per rejected row), so memory does not
    grow with the sheet.
    """
    check_shared(service, type_name, shared)
    layout = Layout.of(registry.get(type_name).model)
    sheet = Sheet(source, layout, mapping, max_rows)
    tally = {"rows": 0, "valid": 0, "rejected": 0}
    spool = out_dir / f"{source.stem}.rejects.jsonl.part"
    duplicates = Duplicates()
    try:
        with spool.open("w", encoding="utf-8") as fh:
            for record in sheet.records():
                tally["rows"] += 1
                judge(service, type_name, record, shared, duplicates)
                if record.ok:
                    tally["valid"] += 1
                    continue
                tally["rejected"] += 1
                line = {
                    "row": record.number,
                    "reference": record.reference,
                    "debtor": record.debtor,
                    "values": record.values,
                    "problems": stored_problems(layout, record),
                }
                fh.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")

        def lines() -> Iterator[dict[str, Any]]:
            with spool.open(encoding="utf-8") as fh:
                for text in fh:
                    yield json.loads(text)

        def entries() -> Iterator[dict[str, Any]]:
            for line in lines():
                for problem in line["problems"]:
                    if problem.get("severity", "error") == "error":
                        yield {**problem, **{k: line[k] for k in ("row", "reference", "debtor")}}

        def rows() -> Iterator[tuple[int, list[Any], list[dict[str, Any]]]]:
            for line in lines():
                yield line["row"], line["values"], line["problems"]

        paths = write_rejects(
            out_dir, f"{source.stem}.rejects", entries, tally["rows"], (sheet.headers, rows)
        )
    finally:
        spool.unlink(missing_ok=True)
    return {
        **tally,
        "blank_rows": sheet.blank_rows,
        "rejects_csv": paths["csv"],
        "rejects_xlsx": paths["xlsx"],
    }
