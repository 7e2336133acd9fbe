"""The dry run: judge every row and write the rejects and warnings reports, render nothing."""

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
    tally = {"rows": 0, "valid": 0, "rejected": 0, "warned": 0}
    spools = {
        "rejects": out_dir / f"{source.stem}.rejects.jsonl.part",
        "warnings": out_dir / f"{source.stem}.warnings.jsonl.part",
    }
    with (
        spools["rejects"].open("w", encoding="utf-8") as rejects,
        spools["warnings"].open("w", encoding="utf-8") as warnings,
    ):
        for record in sheet.records():
            tally["rows"] += 1
            judge(service, type_name, record, shared)
            tally["valid" if record.ok else "rejected"] += 1
            warned = False
            for problem in record.problems:
                # errors of rejected rows; warnings (notes for the operator) of every row
                if problem.severity == "error" and record.ok:
                    continue
                fh = rejects if problem.severity == "error" else warnings
                warned = warned or problem.severity != "error"
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
            tally["warned"] += warned

    def rows(spool: Path) -> Iterator[list[Any]]:
        with spool.open(encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)

    out: dict[str, Any] = {**tally, "blank_rows": sheet.blank_rows}
    headers = {"rejects": REJECTS_HEADER, "warnings": DRY_RUN_WARNINGS_HEADER}
    for name, spool in spools.items():
        for suffix in ("csv", "xlsx"):
            path = out_dir / f"{source.stem}.{name}.{suffix}"
            write_table(path, headers[name], rows(spool))
            out[f"{name}_{suffix}"] = str(path)
        spool.unlink()
    return out


DRY_RUN_WARNINGS_HEADER = ["行号", "字段", "提示代码", "提示信息", "填写的值", "处理建议"]
