"""The form issues a case once: its other format, or the same again, is that document.

Downloading the PDF and then the DOCX of a case is asking for one letter in two formats.
The session (signed, one per signed-in browser, emptied at sign-in) remembers the last
few cases this browser issued: a SHA-256 of the document type and the case's canonical
JSON as posted, with the ids of the documents issued for it (one per recipient). A case
posted again unchanged is given as those same documents in the format asked for, printed
from the register (:mod:`docgen.pipeline.same_document`), each new file recorded as
another output of its entry: same 文书编号, same 校验码, no new entry, no letter number
drawn. The page asks first (``POST /form/<type>/issued``) and posts the ids back with the
download, saying which document it expects; an id not in the tenant's register is not
found (404), and ids that are not the ones this case was issued as are refused (409).

A case that is not the one issued but prints a letter number the tenant's register holds
already (the ``letter_number_reused`` warning) is issued only once the user has confirmed
it (``confirm_reused=1``); the page asks, and without it the server refuses (409).
"""

from __future__ import annotations

import hashlib
from typing import Any

from flask import abort, session

from docgen.documents.problems import Problem
from docgen.pipeline import numbers
from docgen.pipeline.reissue import NotReissuable
from docgen.register import canonical_json
from docgen.services import FORMATS, DocumentService, Format, Rendered, bundle
from docgen.web import negotiation
from docgen.web.auth import requester

SESSION_KEY = "issued"
KEEP = 6  # cases remembered per browser; the cookie stays small
MAX_POSTED = 12  # ids one case is issued as: a copy per recipient (a debtor, 5 guarantors)
BOTH = ",".join(FORMATS)  # both formats of one document, in one ZIP

CONFIRM_HINT = "如确要以此函号出具一份新的函件，请在表单中确认后再下载"


class Refused(Exception):
    """The form's request cannot be answered as asked: ``status`` and the problems."""

    def __init__(self, status: int, problems: list[Problem]) -> None:
        super().__init__(problems[0].message if problems else "")
        self.status = status
        self.problems = problems


def case_key(type_name: str, data: Any) -> str:
    """What the session remembers an issued case by (not the case itself)."""
    text = f"{type_name}\n{canonical_json(data)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def recall(type_name: str, data: Any) -> list[str]:
    """The ids this browser issued the case as (empty: not issued here)."""
    key = case_key(type_name, data)
    for entry in session.get(SESSION_KEY, []):
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == key:
            return [str(i) for i in entry[1]]
    return []


def remember(type_name: str, data: Any, ids: list[str]) -> None:
    key = case_key(type_name, data)
    kept = [e for e in session.get(SESSION_KEY, []) if isinstance(e, list) and e[:1] != [key]]
    session[SESSION_KEY] = [*kept[-(KEEP - 1) :], [key, ids]]


def issued(service: DocumentService, type_name: str, data: Any) -> list[dict[str, Any]]:
    """The documents of the tenant's register the case was issued as in this browser:
    id, code and the formats recorded (empty when it was not, or one is gone)."""
    register = service.register
    ids = recall(type_name, data)
    rows = [register.get(i, service.tenant_id) for i in ids] if register is not None else []
    if not ids or any(row is None for row in rows):
        return []
    return [
        {
            "document_id": row.id,
            "verification_code": row.code,
            "formats": sorted({o.format for o in row.outputs}),
            "issued_at": row.created_at.isoformat(),
        }
        for row in rows
        if row is not None
    ]


def issue(
    service: DocumentService,
    type_name: str,
    data: Any,
    fmt: str,
    *,
    posted: list[str],
    confirmed: bool,
) -> Rendered:
    """The final document(s) of a case posted by the form in ``fmt`` (or ``BOTH``): the
    documents it was issued as, or newly issued; Refused, or CaseInvalid."""
    known = recall(type_name, data)
    if len(posted) > MAX_POSTED or len(set(posted)) != len(posted):
        raise Refused(422, [_too_many(posted)])  # before any lookup: each costs a query
    if posted and posted != known:
        register = service.register
        if register is None or any(register.get(i, service.tenant_id) is None for i in posted):
            abort(404)  # another tenant's document is unknown, as a missing one
        raise Refused(409, [_changed(posted)])
    if known and _all_registered(service, known):
        return _again(service, known, fmt)
    if not confirmed:  # an invalid case is refused for its errors by the render
        report = service.validate(type_name, data)
        reused = [p for p in report.problems if p.code == numbers.CODE]
        if reused and report.ok:
            raise Refused(409, [_needs_confirmation(p) for p in reused])
    return _new(service, type_name, data, fmt, requester())


def _all_registered(service: DocumentService, ids: list[str]) -> bool:
    register = service.register
    return register is not None and all(register.get(i, service.tenant_id) for i in ids)


def _again(service: DocumentService, ids: list[str], fmt: str) -> Rendered:
    formats: list[Format] = list(FORMATS) if fmt == BOTH else ["docx" if fmt == "docx" else "pdf"]
    try:
        files = [service.issued_again(i, f) for i in ids for f in formats]
    except NotReissuable as exc:
        raise Refused(409, [Problem((), exc.code, exc.message, hint=exc.hint)]) from None
    if fmt == BOTH:
        return negotiation.zip_with_manifest(files)
    return files[0] if len(files) == 1 else bundle(files)


def _new(
    service: DocumentService, type_name: str, data: Any, fmt: str, requested_by: str
) -> Rendered:
    if fmt == BOTH:  # one document (one id and number), its PDF and DOCX
        made = service.render_formats(type_name, data, list(FORMATS), requested_by=requested_by)
        files = [f for copy in made for f in copy]
        ids = [copy[0].document_id for copy in made]
        rendered = negotiation.zip_with_manifest(files)
    else:
        chosen: Format = "docx" if fmt == "docx" else "pdf"
        files = service.render_each(type_name, data, chosen, requested_by=requested_by)
        ids = [f.document_id for f in files]
        rendered = files[0] if len(files) == 1 else bundle(files)
    if all(ids):
        remember(type_name, data, [str(i) for i in ids])
    return rendered


def _too_many(posted: list[str]) -> Problem:
    return Problem(
        ("document_ids",),
        "document_ids_invalid",
        f"所附文书编号有误：共 {len(posted)} 个（至多 {MAX_POSTED} 个，且不得重复）",
        hint="请刷新页面后重新下载",
    )


def _changed(posted: list[str]) -> Problem:
    return Problem(
        (),
        "case_changed",
        f"案件内容已不是出具文书 {'、'.join(posted)} 时的内容，不能作为同一份文书下载",
        hint="请重新校验后下载；改动后的案件将作为新文书出具",
    )


def _needs_confirmation(problem: Problem) -> Problem:
    return Problem(
        problem.loc,
        "letter_number_reuse_unconfirmed",
        problem.message + "；未经确认，不出具新文书",
        hint=CONFIRM_HINT,
    )


__all__ = ["BOTH", "Refused", "case_key", "issue", "issued", "recall", "remember"]
