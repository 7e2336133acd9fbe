"""A registered document given again, in the format asked for, under its own id and code.

The web form issues a case once: downloading the other format of a case just issued (or
the same format again) gives that same document, not a new one with a new id, code and
register entry. The file is printed from what the register kept (the case as validated,
with its letter number and sender details filled in, and whom the copy went to), never
from the case posted again, so no letter number is drawn and no profile is read; the rules
are judged as on the day it was issued. A file whose bytes the register does not hold yet
(the DOCX of a document issued as PDF) is recorded as another output of the same entry, so
verifying either file by its SHA-256 finds the one document.

The file is printed with the template the type prints with now, and given only when that
is what the document was issued with (the same built-in layout at a version printing the
same, or the same uploaded template); a tenant's new template does not re-word a document
already handed out under its code (``template_changed``). A registered PDF made again as
issued, checked against its template version, is :mod:`docgen.pipeline.reissue`.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from docgen.documents.problems import CaseInvalid
from docgen.pipeline import validation
from docgen.pipeline.provenance import Job, Source, unmarked
from docgen.pipeline.reissue import NotReissuable, Recorded, addressed_copies, registered_type
from docgen.pipeline.rendering import print_job
from docgen.pipeline.results import Format, Rendered
from docgen.register import Stamp, sha256_hex
from docgen.register.recipients import case_of
from docgen.register.sender import as_printed
from docgen.render.layout_print import parse_template_id

if TYPE_CHECKING:
    from docgen.pipeline.scope import Scope


def issued_again(scope: Scope, document_id: str, fmt: Format) -> Rendered:
    """Document ``document_id`` of ``scope``'s tenant in ``fmt``, with its own id and
    code; NotReissuable (``document_unknown`` for another tenant's) when it cannot be."""
    register = scope.stores.register
    row = register.get(document_id, scope.tenant_id) if register is not None else None
    if register is None or row is None:
        raise NotReissuable(
            "document_unknown",
            f"登记簿中没有文书编号为「{document_id}」的文书",
            "请核对文书页脚印的文书编号",
        )
    doc_type = registered_type(row)
    data, index = case_of(row.input_data)
    recorded, _kept_id = as_printed(data)
    rules = dataclasses.replace(validation.options(scope.settings), today=row.created_at.date())
    try:
        case = doc_type.parse(recorded)
        if doc_type.resolve is not None:
            case = doc_type.resolve(case, Recorded(row.id), True)
        assessment = doc_type.evaluate(case, rules)
        if assessment.errors:
            raise CaseInvalid(assessment.errors)
    except CaseInvalid as exc:
        first = exc.problems[0].message if exc.problems else ""
        raise NotReissuable(
            "registered_case_invalid",
            f"文书 {row.id} 登记的案件数据按现行规则已无法生成：{first}",
        ) from None
    candidates = addressed_copies(case, index, row.id)
    if len(candidates) != 1:  # an older entry that did not keep its recipient
        raise NotReissuable(
            "recipient_unknown",
            f"文书 {row.id} 的案件有多位收件人，登记簿未记录本文书是致哪一位的",
        )
    copy = candidates[0]
    job = Job(doc_type, assessment, copy, doc_type.build_context(copy, assessment))
    output = print_job(scope, job, Stamp(row.id, row.code), fmt, None)
    _check_same_template(row, output.source)
    digest = _recorded(register, row, fmt, output.content)
    return Rendered(
        output.content,
        f"{doc_type.filename(copy)}.{fmt}",
        fmt,
        doc_type.name,
        assessment.warnings,
        row.id,
        row.code,
        getattr(getattr(copy, "recipient", None), "name", None),
        digest,
    )


def _check_same_template(row: Any, source: Source) -> None:
    """The file printed now comes from what the document was issued with: the same
    built-in layout at a version that prints the same (in either format: the layout is
    one, its writers several), or the same uploaded template at the same version.
    Otherwise one 文书编号 would stand for two different texts, and the register would
    name a template the new file was not made from; NotReissuable."""
    recorded_id = unmarked(row.template_id)[0]
    recorded, now = parse_template_id(recorded_id), parse_template_id(source.id)
    versions = {source.hash, *source.same_template}
    if recorded is not None and now is not None:
        same = recorded[0] == now[0] and row.template_hash in versions
        if same and recorded[1] == now[1] and row.layout_hash is not None:
            same = row.layout_hash in {source.layout_hash, *source.same_print}
    else:
        same = recorded_id == source.id and row.template_hash in versions
    if not same:
        raise NotReissuable(
            "template_changed",
            f"文书 {row.id} 出具后，本类文书所用的模板或版式已更换（出具时为 {row.template_id}），"
            "现在生成的文件会与出具的文书不同，不能作为同一份文书下载",
            "请作为新文书出具（修改案件后下载），或从登记簿按原文书核对",
        )


def _recorded(register: Any, row: Any, fmt: str, content: bytes) -> str:
    """The file's SHA-256, recorded as an output of ``row`` unless it is one already."""
    digest = sha256_hex(content)
    if not any(o.format == fmt and o.sha256 == digest for o in row.outputs):
        register.record_output(row.id, fmt, content)
    return digest


__all__ = ["issued_again"]
