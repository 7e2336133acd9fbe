"""A case the tenant issued other than through the web form (the API, a batch, the CLI).

The form recognises its own issues by the case as posted (:mod:`issued_cases`); a case
issued through another channel has no such mark, and posting it on the form would issue
it again under a new letter. So before the form issues a case it has not issued, the
tenant's register is searched for documents of the same type, to the same first debtor
(the indexed name and ID number hash, :mod:`docgen.register.lookup`), that carry the same
case: the case as the register keeps it, without what every issue has of its own (the
letter number, the document's own date, whom a copy went to, the sender profile's id).
The letter number is left out only where the case as posted leaves it blank (it is drawn
at each issue): a case posted with its letter number matches the documents printed with
that number (a recipient's copy with its own -N), as on the form another number is
another case. The form then names them (文书编号, date, channel) and issues a new letter
only when the user asks for it beside them. Another tenant's documents are never read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docgen.documents.part_models import copy_number
from docgen.register import canonical_json
from docgen.register.lookup import letter_number_of
from docgen.register.recipients import case_of
from docgen.register.sender import as_printed

OWN_FIELDS = frozenset(
    {
        "letter_number",
        "letter_date",
        "filing_date",
        "confirm_date",
        "application_date",
        "submit_date",
        "agreement_date",
        "sign_date",
        "issue_date",
        "recipient_index",
    }
)
"""Top-level fields each issue of a case has of its own: its number and its date (the
form fills in today), and whom a copy is addressed to."""

SHOWN = 6  # earlier documents named at most (the latest)
SEARCHED = 50  # documents to the same debtor compared at most (the latest)


def case_key(data: Any) -> str:
    """What two issues of one case share (``data``: a register entry's or a resolved
    case's JSON)."""
    case, _index = case_of(data)
    case, _profile = as_printed(case)
    if not isinstance(case, dict):
        return canonical_json(case)
    return canonical_json({k: v for k, v in case.items() if k not in OWN_FIELDS})


def channel(row: Any, batch_file: str = "") -> str:
    """How a document was issued, as the form names it: a batch by the file it was made
    from (``batch_file``, as shown), its run's id shortened beside it (the page's title
    has as much)."""
    if row.batch_id:
        if not batch_file:  # a run no longer kept, or kept elsewhere: its whole id
            return f"批量生成（批次 {row.batch_id}）"
        return f"批量生成（文件「{batch_file}」，批次 {str(row.batch_id)[:8]}）"
    by = str(row.requested_by or "")
    if by.startswith("key:"):
        return "接口（API）"
    if by in ("cli", "batch"):
        return "命令行" if by == "cli" else "批量生成"
    return "网页（未记为本表单出具：其他网页功能，或登记簿记录表单案件之前）"


@dataclass(frozen=True)
class Earlier:
    """A document of the case issued through another channel."""

    row: Any  # RegisteredDocument
    batch_file: str = ""  # the file of its batch run, as shown (docgen.batch.sources)

    @property
    def id(self) -> str:
        return str(self.row.id)

    @property
    def channel(self) -> str:
        return channel(self.row, self.batch_file)


def same_case(rows: list[Any], key: str, number: str | None) -> list[Earlier]:
    """``rows`` (newest first) whose case is ``key``'s and, where the case posted has its
    letter ``number``, printed with it; oldest first, the latest :data:`SHOWN`."""
    found = [
        Earlier(row)
        for row in rows
        if case_key(row.input_data) == key and _numbered(row.input_data, number)
    ]
    return found[:SHOWN][::-1]


def _numbered(data: Any, number: str | None) -> bool:
    if not number:
        return True
    printed = letter_number_of(data)
    _case, index = case_of(data)
    return printed == number or (index is not None and printed == copy_number(number, index))


__all__ = ["OWN_FIELDS", "SEARCHED", "SHOWN", "Earlier", "case_key", "channel", "same_case"]
