"""A document of the case list downloaded again: the same document, not a new one.

``POST /form/cases/<document_id>/<fmt>`` (CSRF) prints a document the signed-in user's
tenant has issued, in PDF or DOCX, as that very document: its own 文书编号 and 校验码,
printed from what the register kept (:mod:`docgen.pipeline.same_document`), the file
recorded as another output of its entry; no new entry, no letter number drawn. This is
how a letter is given again after the ``letter_number_reused`` warning asks for it
「从登记簿按原文书编号重新出具」.

Like the list, it answers a signed-in user only (a member is enough: it issues nothing
new). Another tenant's id is not found (404), exactly as an id that does not exist; a
document that can no longer be printed as issued (its template changed, its type gone)
is refused (409) with the reason in Chinese.
"""

from __future__ import annotations

import logging

from flask import Response, abort, render_template
from sqlalchemy.exc import SQLAlchemyError

from docgen.documents.problems import Problem
from docgen.pipeline.reissue import NotReissuable
from docgen.services import FORMATS, Format
from docgen.web import auth
from docgen.web.files import file_response
from docgen.web.pages import acting_service, bp, page_response

log = logging.getLogger(__name__)

NOT_FOUND = "document_unknown"  # another tenant's document is one that does not exist
UNAVAILABLE = "登记簿暂时无法访问，请稍后重试"


@bp.post("/cases/<document_id>/<fmt>")
def case_file(document_id: str, fmt: str) -> Response:
    """The registered document ``document_id`` of the caller's tenant, in ``fmt``."""
    if fmt not in FORMATS or not auth.caller().authenticated:
        abort(404)  # nobody signed in: no registered document is shown (T14)
    service = acting_service()
    if service.register is None:
        abort(404)
    chosen: Format = "docx" if fmt == "docx" else "pdf"
    try:
        rendered = service.issued_again(document_id, chosen)
    except NotReissuable as exc:
        if exc.code == NOT_FOUND:
            abort(404)
        return refused(Problem((), exc.code, exc.message, hint=exc.hint), 409)
    except SQLAlchemyError:
        log.exception("the register is unavailable; document %s is not given again", document_id)
        return refused(Problem((), "register_unavailable", UNAVAILABLE), 503)
    return file_response(rendered)


def refused(problem: Problem, status: int) -> Response:
    html = render_template("form/case_refused.html", problem=problem, title="无法下载文书")
    return page_response(html, status)


__all__ = ["case_file"]
