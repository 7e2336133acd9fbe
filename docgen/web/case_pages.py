"""The case list of the paralegal form: the tenant's issued documents, grouped by case.

A case is not stored on its own: documents share a case when they name the same
creditor, debtor and contract (the facts :mod:`docgen.web.carry` carries from one
document to the next). Each document is listed with its register id and verification
code, downloadable again as that same document (:mod:`docgen.web.case_files`), and each
case offers the next documents, opened with the shared facts filled. A letter issued
twice under one letter number is two documents: both are marked
「重复出具（同一函号）」, so the list does not read as two different letters.

Registered documents carry a debtor's name, ID number and address, so the list (and a
case carried from it) is shown only to a signed-in user of the documents' own tenant;
in the single-user mode, where nobody signs in, the page says so and lists nothing.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask import Response, render_template
from flask_wtf.csrf import generate_csrf
from sqlalchemy.exc import SQLAlchemyError

from docgen.documents import registry
from docgen.register.interruptions import debtor_deliveries
from docgen.register.lookup import letter_number_of
from docgen.register.recipients import addressee_of
from docgen.web import auth
from docgen.web.carry import NEXT, carry, shared_facts
from docgen.web.pages import bp, page_response

log = logging.getLogger(__name__)


@dataclass
class CaseDocument:
    type_title: str
    document_id: str
    code: str
    created_at: datetime
    letter_number: str | None = None
    recipient: str | None = None  # whom this copy of a letter went to: 致债务人张三
    repeated: bool = False  # another document of the case is the same letter: 重复出具


@dataclass
class CaseRow:
    title: str
    contract: str
    latest_id: str
    latest_type: str
    documents: list[CaseDocument] = field(default_factory=list)
    targets: list[Any] = field(default_factory=list)


def _name(party: Any) -> str:
    return str(party.get("name", "")) if isinstance(party, dict) else ""


def case_key(data: dict[str, Any]) -> tuple[str, str, str, str]:
    """Creditor, debtor, contract name and signing date: what makes two documents one case."""
    facts = shared_facts(data)
    found = facts.get("contract")
    contract: dict[str, Any] = found if isinstance(found, dict) else {}
    return (
        _name(facts.get("creditor")),
        _name(facts.get("debtor")),
        str(contract.get("name", "")),
        str(contract.get("signed_on", "")),
    )


def group_cases(documents: list[Any]) -> list[CaseRow]:
    """Registered documents (newest first) as cases, the most recently active first."""
    cases: dict[tuple[str, str, str, str], CaseRow] = {}
    for doc in documents:
        data = doc.input_data if isinstance(doc.input_data, dict) else {}
        key = case_key(data)
        if not key[0] and not key[1]:
            continue  # an evidence list or a bundle names no parties of its own
        try:
            type_title = registry.get(doc.type_name).title
        except registry.UnknownDocumentType:
            type_title = doc.type_name
        row = cases.get(key)
        if row is None:
            contract = f"《{key[2]}》" + (f"（{key[3]}签订）" if key[3] else "") if key[2] else ""
            title = f"{key[0]}（债权人）· {key[1]}（债务人）"
            row = cases[key] = CaseRow(title, contract, doc.id, doc.type_name)
            # the next documents are those that follow the case's latest one, as in the form
            row.targets = [registry.get(t) for t in NEXT.get(doc.type_name, ())]
        number = letter_number_of(data)
        whom = _recipient(doc.type_name, data)
        row.documents.append(
            CaseDocument(type_title, doc.id, doc.code, doc.created_at, number, whom)
        )
    for row in cases.values():
        _mark_repeated(row.documents)
    return list(cases.values())


def _mark_repeated(documents: list[CaseDocument]) -> None:
    """Mark the documents of one case that are one letter issued more than once: the same
    letter number (each copy of a letter to several recipients prints its own, ``…第88-1号``,
    and a copy downloaded again from the list is its one entry, not another)."""
    seen = Counter(d.letter_number for d in documents if d.letter_number)
    for d in documents:
        d.repeated = d.letter_number is not None and seen[d.letter_number] > 1


def _recipient(type_name: str, data: dict[str, Any]) -> str | None:
    """Whom a copy of a letter went to, where the type prints one per recipient; an older
    entry that did not keep it, of a case with several, says so."""
    who = addressee_of(type_name, data)
    if who is None or registry.get(type_name).split is None:  # one copy: says nothing
        return None
    return f"致{who.label}" if who.known else "收件人未登记"


SIGN_IN_MESSAGE = (
    "案件列表和按文书编号带入案件需要登录（DOCGEN_WEB_AUTH=login）：已登记的文书载有当事人的"
    "姓名、证件号码和地址，只向本单位登录的用户显示；单用户模式下请用文书页面的「带入新文书」"
)


@bp.get("/cases")
def cases() -> Response:
    service = auth.service()
    register = service.register
    rows: list[CaseRow] = []
    signed_in = auth.caller().authenticated
    if register is not None and signed_in:
        try:
            rows = group_cases(register.recent(service.tenant_id))
        except SQLAlchemyError:
            log.exception("the register is unavailable; the case list is shown empty")
    html = render_template(
        "form/cases.html",
        cases=rows,
        title="案件",
        notice=None if signed_in else SIGN_IN_MESSAGE,
        csrf_token=generate_csrf(),
    )
    return page_response(html)


def carried_from_register(document_id: str, target: str) -> tuple[dict[str, Any], str] | None:
    """The shared facts of a registered document as a ``target`` case, and its type's title."""
    service = auth.service()
    register = service.register
    if register is None or not auth.caller().authenticated:
        return None  # nobody signed in: a registered case is shown to no one (T14)
    try:
        doc = register.get(document_id, service.tenant_id)
    except SQLAlchemyError:
        log.exception("the register is unavailable; the case is not carried")
        return None
    if doc is None or not isinstance(doc.input_data, dict):
        return None
    if target not in NEXT.get(doc.type_name, ()):
        return None  # not a document that follows this one
    try:
        title = registry.get(doc.type_name).title
    except registry.UnknownDocumentType:
        return None
    # the days this demand reached the debtor interrupted the limitation period: carried
    return carry(doc.input_data, target, delivered=debtor_deliveries(doc)), title
