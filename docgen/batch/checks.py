"""The dry run: judge every row and write the rejects report, render nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from docgen.batch.columns import Layout
from docgen.batch.outputs import REJECTS_HEADER, _path, _value_at
from docgen.batch.plan import Sheet, check_shared, judge
from docgen.batch.sheets import write_table
from docgen.documents import registry
from docgen.services import Docgen


def dry_run(
    service: Docgen,
    type_name: str,
    source: Path,
    shared: Mapping[str, Any],
    mapping: Mapping[str, str],
    out_dir: Path,
) -> dict[str, Any]:
    check_shared(service, type_name, shared)
    layout = Layout.of(registry.get(type_name).model)
    sheet = Sheet(source, layout, mapping)
    tally = {"rows": 0, "valid": 0, "rejected": 0}
    spool = out_dir / f"{source.stem}.rejects.jsonl.part"

    with spool.open("w", encoding="utf-8") as fh:
        for record in sheet.records():
            tally["rows"] += 1
            judge(service, type_name, record, shared)
            if record.ok:
                tally["valid"] += 1
                continue
            tally["rejected"] += 1
            for problem in record.problems:
                if problem.severity != "error":
                    continue
                loc = list(problem.loc)
                row = [
                    record.number,
                    _path(loc),
                    problem.code,
                    problem.message,
                    _value_at(record.case, loc),
                    problem.hint or "",
                ]
                fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")

    def rows() -> Iterator[list[Any]]:
        with spool.open(encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)

    out: dict[str, Any] = {**tally, "blank_rows": sheet.blank_rows}
    for suffix in ("csv", "xlsx"):
        path = out_dir / f"{source.stem}.rejects.{suffix}"
        write_table(path, REJECTS_HEADER, rows())
        out[f"rejects_{suffix}"] = str(path)
    spool.unlink()
    return out
