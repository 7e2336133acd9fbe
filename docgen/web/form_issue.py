"""The form issues a case once: its other format, or the same again, is that document.

Downloading the PDF and then the DOCX of a case is asking for one letter in two formats,
and a colleague downloading the same case later is asking for the letter the firm sent.
The tenant's register remembers each case the form issued
(:mod:`docgen.register.issued_cases`): a SHA-256 of the document type and the case's
canonical JSON as posted, kept on each document issued for it (one per recipient). A
case posted again unchanged, by any user or browser of the tenant, is given as those
same documents in the format asked for, printed from the register
(:mod:`docgen.pipeline.same_document`), each new file recorded as another output of its
entry: same 文书编号, same 校验码, no new entry, no letter number drawn. Another tenant's
identical case is not found: it is theirs. The page asks first
(``POST /form/<type>/issued``) and posts the ids back with the download, saying which
document it expects; an id not in the tenant's register is not found (404), and ids that
are not an issue of this case are refused (409).

A second letter for an unchanged case is issued only when the user asks for it in so
many words: the page shows the documents the case was issued as (文书编号, 函号, when)
and 「仍要出具新文书」 posts their ids back (``issue_new``). The case is issued anew
only when those are its latest documents (else it was issued again meanwhile: 409, and
the page shows the newer ones); the new letter is then what the case is given as.

A browser whose session still names cases it issued before the register kept them (the
session remembered them then) has them moved into the register the first time it posts
one: those documents become the case's for the whole tenant.

Two downloads of a case that both found it not yet issued (two tabs, a double click)
cannot both issue it: the register takes one issue per round of the case (a unique index,
:mod:`docgen.register.issued_cases`), and the other is refused (409
``case_issued_since``) naming the documents the first issued; nothing of it is handed out.

A case the tenant issued through another channel (the API, a batch, the CLI) is not the
form's to give again, but neither is it issued anew unasked: the page is told of those
documents (文书编号, date, channel: :mod:`docgen.register.earlier_issues`), a download
without ``issue_new`` naming them is refused (409 ``case_issued_elsewhere``), and with it
the case is issued anew by the form. Another tenant's documents are never read.

A case that is not the one issued but prints a letter number the tenant's register holds
already (the ``letter_number_reused`` warning) is issued only once the user has confirmed
it (``confirm_reused=1``); the page asks, and without it the server refuses (409).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import abort, request, session

from docgen.db.times import beijing_text
from docgen.documents import registry
from docgen.documents.problems import CaseInvalid, Problem
from docgen.pipeline import numbers, validation
from docgen.pipeline.reissue import NotReissuable
from docgen.register import earlier_issues
from docgen.register.earlier_issues import Earlier
from docgen.register.issued_cases import CONFLICTS, CaseIssue, case_hash, issuing
from docgen.register.lookup import first_debtor, letter_number_of
from docgen.register.sender import set_apart
from docgen.services import FORMATS, DocumentService, Format, Rendered, bundle
from docgen.web import negotiation
from docgen.web.auth import requester

MAX_POSTED = 12  # ids one case is issued as: a copy per recipient (a debtor, 5 guarantors)
BOTH = ",".join(FORMATS)  # both formats of one document, in one ZIP
NEW_FIELD = "issue_new"  # the ids of the documents a second letter is confirmed beside
# a session of before kept [the case hash's first 32 digits, ids] of a browser's last
# six cases: read once, moved into the register (no session is written it any more)
LEGACY_SESSION_KEY = "issued"

CONFIRM_HINT = "如确要以此函号出具一份新的函件，请在表单中确认后再下载"


class Refused(Exception):
    """The form's request cannot be answered as asked: ``status`` and the problems."""

    def __init__(self, status: int, problems: list[Problem]) -> None:
        super().__init__(problems[0].message if problems else "")
        self.status = status
        self.problems = problems


def case_issues(service: DocumentService, type_name: str, data: Any) -> list[CaseIssue]:
    """The issues of the case in the tenant's register, oldest first (none: the form has
    not issued it for this tenant, or nothing is registered)."""
    return _history(service, type_name, data)[0]


def _history(service: DocumentService, type_name: str, data: Any) -> tuple[list[CaseIssue], int]:
    """:func:`case_issues` and the round the case's next issue claims."""
    register = service.register
    if register is None:
        return [], 0
    hashed = case_hash(type_name, data)
    found = register.case_history(service.tenant_id, type_name, hashed)
    if found[0] or not _adopted(service, type_name, hashed):
        return found
    return register.case_history(service.tenant_id, type_name, hashed)


def elsewhere(service: DocumentService, type_name: str, data: Any) -> list[Earlier]:
    """The tenant's documents of this case issued other than by the form, oldest first
    (none for a case that does not validate as far as it is parsed)."""
    register = service.register
    if register is None:
        return []
    doc_type = registry.get(type_name)
    try:
        parsed = validation.parse(service.scope, doc_type, data)
        case = validation.resolve(service.scope, doc_type, parsed, final=False)
    except CaseInvalid:
        return []
    dumped = set_apart(case.model_dump(mode="json"))
    rows = register.unmarked_issues(
        service.tenant_id, type_name, first_debtor(dumped), earlier_issues.SEARCHED
    )
    key = earlier_issues.case_key(dumped)
    found = earlier_issues.same_case(rows, key, letter_number_of(dumped))
    return _named(service, found)


def _named(service: DocumentService, found: list[Earlier]) -> list[Earlier]:
    """``found`` with the file each batch document was made from (the tenant's runs)."""
    runs = [e.row.batch_id for e in found if e.row.batch_id]
    if not runs:
        return found
    from docgen.batch.sources import source_names
    from docgen.web.batches import batches_service

    names = source_names(batches_service().engine, service.tenant_id, runs)
    return [replace(e, batch_file=names.get(e.row.batch_id or "", "")) for e in found]


def elsewhere_shown(found: list[Earlier]) -> list[dict[str, Any]]:
    """The documents of :func:`elsewhere` as the page names them."""
    return [
        {
            "document_id": e.row.id,
            "verification_code": e.row.code,
            "issued_at": e.row.created_at.isoformat(),
            "issued_on": beijing_text(e.row.created_at),
            "letter_number": letter_number_of(e.row.input_data),
            "channel": e.channel,
            "batch_id": e.row.batch_id,
        }
        for e in found
    ]


def _adopted(service: DocumentService, type_name: str, hashed: str) -> bool:
    """Whether this browser's session, from before the register kept cases, names the
    documents the case was issued as: they are marked in the register (of the tenant
    only, unmarked ones only) and the session forgets them."""
    kept = session.get(LEGACY_SESSION_KEY)
    if not isinstance(kept, list) or service.register is None:
        return False
    for entry in kept:
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == hashed[:32]:
            ids = [str(i) for i in entry[1]][:MAX_POSTED] if isinstance(entry[1], list) else []
            session[LEGACY_SESSION_KEY] = [e for e in kept if e is not entry]
            if ids:
                service.register.adopt_case(service.tenant_id, type_name, hashed, ids)
            return bool(ids)
    return False


def issued(service: DocumentService, type_name: str, data: Any) -> list[dict[str, Any]]:
    """The documents the case was last issued as, one per recipient: id, code, the
    formats recorded, when (``issued_on`` as the page shows it), its letter number, and
    how often the case was issued (empty when it was not)."""
    found = case_issues(service, type_name, data)
    if not found:
        return []
    return [
        {
            "document_id": row.id,
            "verification_code": row.code,
            "formats": sorted({o.format for o in row.outputs}),
            "issued_at": row.created_at.isoformat(),
            "issued_on": beijing_text(row.created_at),
            "letter_number": letter_number_of(row.input_data),
            "issues": len(found),
        }
        for row in found[-1].documents
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
    documents it was issued as, or newly issued; Refused, or CaseInvalid. A second
    letter is asked for by the request's ``issue_new`` (the ids it is issued beside)."""
    renew = [i for i in request.form.get(NEW_FIELD, "").split(",") if i]
    for ids in (posted, renew):
        if len(ids) > MAX_POSTED or len(set(ids)) != len(ids):
            raise Refused(422, [_too_many(ids)])  # before any lookup: each costs a query
    _known_or_404(service, posted + renew)
    issues, round_ = _history(service, type_name, data)
    found = [i.ids for i in issues]
    if posted:
        if posted not in found:  # an earlier issue of the case is still that letter
            raise Refused(409, [_changed(posted)])
        return _again(service, posted, fmt)
    if renew:
        if not found:  # beside the documents another channel issued
            earlier = elsewhere(service, type_name, data)
            if renew != [e.id for e in earlier]:
                raise Refused(409, [_elsewhere(earlier) if earlier else _changed(renew)])
        elif renew not in found:
            raise Refused(409, [_changed(renew)])
        elif renew != found[-1]:
            raise Refused(409, [_issued_since(found[-1])])
        return _new(service, type_name, data, fmt, round_)  # its letter number confirmed
    if found:
        return _again(service, found[-1], fmt)
    earlier = elsewhere(service, type_name, data)
    if earlier:
        raise Refused(409, [_elsewhere(earlier)])
    if not confirmed:  # an invalid case is refused for its errors by the render
        report = service.validate(type_name, data)
        reused = [p for p in report.problems if p.code == numbers.CODE]
        if reused and report.ok:
            raise Refused(409, [_needs_confirmation(p) for p in reused])
    return _new(service, type_name, data, fmt, round_)


def _known_or_404(service: DocumentService, ids: list[str]) -> None:
    """Each id is a document of the tenant's register: another tenant's is unknown, as a
    missing one (404)."""
    register = service.register
    if ids and (register is None or any(register.get(i, service.tenant_id) is None for i in ids)):
        abort(404)


def _again(service: DocumentService, ids: list[str], fmt: str) -> Rendered:
    formats: list[Format] = list(FORMATS) if fmt == BOTH else ["docx" if fmt == "docx" else "pdf"]
    try:
        files = [service.issued_again(i, f) for i in ids for f in formats]
    except NotReissuable as exc:
        raise Refused(409, [Problem((), exc.code, exc.message, hint=exc.hint)]) from None
    if fmt == BOTH:
        return negotiation.zip_with_manifest(files)
    return files[0] if len(files) == 1 else bundle(files)


def _new(service: DocumentService, type_name: str, data: Any, fmt: str, round_: int) -> Rendered:
    """The case newly issued as its ``round_``-th issue, its documents marked in the
    register as this case's in the same commit as their entries; when another download
    recorded that round first (the register refuses a second), refused naming its
    documents, and nothing of this one is handed out."""
    requested_by = requester()
    try:
        with issuing(case_hash(type_name, data), round_):
            if fmt == BOTH:  # one document (one id and number), its PDF and DOCX
                made = service.render_formats(
                    type_name, data, list(FORMATS), requested_by=requested_by
                )
                return negotiation.zip_with_manifest([f for copy in made for f in copy])
            chosen: Format = "docx" if fmt == "docx" else "pdf"
            files = service.render_each(type_name, data, chosen, requested_by=requested_by)
    except CONFLICTS:
        latest, next_round = _history(service, type_name, data)
        if next_round <= round_ or not latest:  # not the round taken: another fault
            raise
        raise Refused(409, [_issued_since(latest[-1].ids)]) from None
    return files[0] if len(files) == 1 else bundle(files)


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


def _issued_since(latest: list[str]) -> Problem:
    return Problem(
        (),
        "case_issued_since",
        f"本案此后已另行出具新的函件（文书编号 {'、'.join(latest)}），未再出具新文书",
        hint="请重新下载查看最新出具的文书；如仍需再出具一份新的函件，请再次点击「仍要出具新文书」",
    )


def _elsewhere(earlier: list[Earlier]) -> Problem:
    named = "；".join(
        f"文书编号 {e.row.id}（{beijing_text(e.row.created_at)}，{e.channel}"
        + (f"，函号 {number}" if (number := letter_number_of(e.row.input_data)) else "")
        + "）"
        for e in earlier
    )
    return Problem(
        (),
        "case_issued_elsewhere",
        f"本案已通过其他途径出具：{named}；未再出具新文书",
        hint="如确需就本案再出具一份新的函件，请在页面中点击「仍要出具新文书」",
    )


def _needs_confirmation(problem: Problem) -> Problem:
    return Problem(
        problem.loc,
        "letter_number_reuse_unconfirmed",
        problem.message + "；未经确认，不出具新文书",
        hint=CONFIRM_HINT,
    )


__all__ = [
    "BOTH",
    "NEW_FIELD",
    "Refused",
    "case_issues",
    "elsewhere",
    "elsewhere_shown",
    "issue",
    "issued",
]
