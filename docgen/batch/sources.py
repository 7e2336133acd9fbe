"""The file a batch run was made from, as the pages name the run to its operator.

A run is known to its operator by the file uploaded (「名单.xlsx」), not by its id; the
name is the browser's, so it is shown cleaned: without control and format characters
(a right-to-left override, U+202E, shows 「名单\u202exslx.exe」 as 「名单exe.xlsx」), its blanks
collapsed, and cut to a length a line holds. Names are read for the tenant's own runs
only: a run of another tenant is not named, as if it had none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import Engine, select

from docgen import db
from docgen.batch.state import BatchRun

SHOWN_LENGTH = 60
_BLANKS = re.compile(r"\s+")


def shown_file_name(name: str) -> str:
    """``name`` as a page shows it (empty when nothing printable is left)."""
    kept = "".join(
        " " if unicodedata.category(ch).startswith("Z") else ch
        for ch in unicodedata.normalize("NFC", name)
        if not unicodedata.category(ch).startswith("C") or ch in "\t\n"
    )
    text = _BLANKS.sub(" ", kept).strip()
    return text if len(text) <= SHOWN_LENGTH else text[: SHOWN_LENGTH - 1] + "…"


def source_names(engine: Engine, tenant_id: int, run_ids: Iterable[str]) -> dict[str, str]:
    """The shown file name of each of ``run_ids`` that is a batch run of ``tenant_id``."""
    wanted = sorted({i for i in run_ids if i})
    if not wanted:
        return {}
    with db.session_scope(engine) as session:
        rows = session.execute(
            select(BatchRun.id, BatchRun.source_name).where(
                BatchRun.id.in_(wanted),
                BatchRun.tenant_id == tenant_id,
                BatchRun.type_name != "bundle",
            )
        )
        named = {run_id: shown_file_name(source or "") for run_id, source in rows}
    return {run_id: name for run_id, name in named.items() if name}
