"""A registered PDF made again from what the register kept: its case, template and stamp.

The register keeps the case as validated (after letter numbers and sender profiles were
filled in), the template file's SHA-256, the document id and verification code, and the
SHA-256 of the file handed out, but not the file. :func:`reissue_pdf` renders the case
again with the same template (the built-in layout, HTML or Typst template, or the uploaded
version it names) and engine, the same id and code in the footer and the same metadata, and judges
the rules as on the day it was issued.

What is compared: the SHA-256 of the new PDF with the registered one. A document rendered
on its own comes out byte for byte the same (WeasyPrint writes no timestamps, Typst is
given a fixed one), so ``identical`` is true. A batch letter printed by WeasyPrint was
laid out together with others, and its bytes differ in a few places even though its
pages and text are the same; ``identical`` is then false and the caller should say so.
A batch letter printed by Typst is laid out on its own and comes out identical. A
template changed since (its SHA-256 differs) or a document handed out as DOCX cannot be
made again as issued and is refused.

A letter with several recipients (the debtor and each guarantor) is registered once per
copy, with whom the copy went to (:mod:`docgen.register.recipients`): that recipient's
copy is printed again, never another's. An older entry kept no recipient: the first
recipient's copy is printed, as then; when the case had several and that copy differs
from the registered file, each other recipient's is tried, and where none is the file
issued the reissue is refused (``recipient_unknown``) rather than print a letter to
someone else under this copy's id.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docgen import layouts
from docgen.documents import registry
from docgen.documents.problems import CaseInvalid
from docgen.pipeline import validation
from docgen.pipeline.engines import Engine, Target
from docgen.pipeline.provenance import Source, unmarked
from docgen.pipeline.rendering import render_pdf
from docgen.pipeline.scope import CUSTOM_TEMPLATES
from docgen.register import Stamp, sha256_hex
from docgen.register.recipients import case_of
from docgen.render.layout_print import parse_template_id

if TYPE_CHECKING:
    from docgen.pipeline.scope import Scope


class NotReissuable(Exception):
    """The document cannot be made again as issued; ``code`` and a Chinese ``message``."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class Reissued:
    """A registered document made again as PDF, and whether its bytes match the register."""

    document_id: str
    type_name: str
    pdf: bytes
    sha256: str
    registered_sha256: str
    batch_id: str | None

    @property
    def identical(self) -> bool:
        return self.sha256 == self.registered_sha256


def reissue_pdf(scope: Scope, document_id: str) -> Reissued:
    """The registered PDF ``document_id`` of ``scope``'s tenant rendered again, or
    NotReissuable saying why (another tenant's document is unknown, as a missing one)."""
    register = scope.stores.register
    if register is None:
        raise NotReissuable(
            "register_off",
            "文书登记已关闭（DOCGEN_REGISTER_DOCUMENTS=false），无法按文书编号引用已生成的文书",
            "请上传该文书的 PDF 文件",
        )
    row = register.get(document_id, scope.tenant_id)  # another tenant's: not found
    if row is None:
        raise NotReissuable(
            "document_unknown",
            f"登记簿中没有文书编号为「{document_id}」的文书",
            "请核对文书页脚印的文书编号",
        )
    output = row.outputs[0] if row.outputs else None
    if output is None or output.format != "pdf":
        raise NotReissuable(
            "registered_not_pdf",
            f"文书 {row.id} 出具的是 {output.format.upper() if output else '未知'} 文件，"
            "无法按原样重新生成 PDF",
            "请将当初出具的文件转为 PDF 后作为证据文件上传",
        )
    try:
        doc_type = registry.get(row.type_name)
    except registry.UnknownDocumentType:
        raise NotReissuable(
            "document_type_gone", f"文书 {row.id} 的文书类型「{row.type_name}」已不再提供"
        ) from None
    options = dataclasses.replace(validation.options(scope.settings), today=row.created_at.date())
    data, index = case_of(row.input_data)
    try:
        case = validation.resolve(scope, doc_type, doc_type.parse(data), final=True)
        assessment = doc_type.evaluate(case, options)
        if assessment.errors:
            raise CaseInvalid(assessment.errors)
        template_id, unstamped = unmarked(row.template_id)
        target = _printer(scope, row, template_id)
        stamp = Stamp(row.id, row.code)
        candidates = _addressed(case, index, row.id)
        for copy in candidates:
            context = doc_type.build_context(copy, assessment)
            pdf = render_pdf(
                scope.settings, copy, target, context, stamp, stamp_on_page=not unstamped
            )
            if len(candidates) == 1 or sha256_hex(pdf) == output.sha256:
                break
        else:
            raise _recipient_unknown(row.id)
    except CaseInvalid as exc:
        first = exc.problems[0].message if exc.problems else ""
        raise NotReissuable(
            "registered_case_invalid",
            f"文书 {row.id} 登记的案件数据按现行规则已无法生成：{first}",
            "请上传当初出具的 PDF 文件",
        ) from None
    return Reissued(row.id, row.type_name, pdf, sha256_hex(pdf), output.sha256, row.batch_id)


def _addressed(case: Any, index: int | None, document_id: str) -> list[Any]:
    """The copies a registered document may be: the recipient's it was registered for;
    for an older entry (no recipient kept), each recipient's in turn, the first first
    (the one it was taken for), when the case had several."""
    addressed_to = getattr(case, "addressed_to", None)
    if addressed_to is None:
        return [case]
    count = len(case.recipient_parties())
    if index is None:
        return [addressed_to(i) for i in range(count)]
    if index >= count:
        raise _recipient_unknown(document_id)
    return [addressed_to(index)]


def _recipient_unknown(document_id: str) -> NotReissuable:
    # printing another recipient's letter under this copy's id would be a false document
    return NotReissuable(
        "recipient_unknown",
        f"文书 {document_id} 的案件有多位收件人（债务人及保证人），登记簿无法确定本文书是"
        "致哪一位的：按登记数据重新生成的各份函件均与出具时的文件不同",
        "请上传当初出具的 PDF 文件",
    )


def _printer(scope: Scope, row: Any, template_id: str) -> Target:
    """The engine and template (or layout) the registered PDF was printed with, as long
    as they are still what they were then; else NotReissuable."""
    settings, engines, provenance = scope.settings, scope.engines, scope.provenance
    layout = parse_template_id(template_id)
    uploads = (settings.data_dir / CUSTOM_TEMPLATES).resolve()
    uploaded = (settings.data_dir / template_id).resolve()
    renderer: Engine
    current: Source | None = None
    if layout is not None:
        name, engine = layout
        renderer, template = engines.layout_printer(engine), name
        if layouts.get(name) is not None:
            current = provenance.source(renderer, name)
    elif uploaded.is_relative_to(uploads) and uploaded.is_file():
        # a firm's version, stored by its hash; it prints in the limited child
        renderer, template = engines.isolated_pdf, str(uploaded)
        current = provenance.source(renderer, template)
    else:
        template = template_id
        renderer = engines.typst if template.endswith(".typ") else engines.pdf
        if (settings.templates_dir / template).is_file():
            current = provenance.source(renderer, template)
    if current is None or current.hash != row.template_hash:
        # a built-in document printed from a template file before its layout replaced it
        # has no file to print from any more: it cannot be made again as it was
        raise NotReissuable(
            "template_changed",
            f"文书 {row.id} 出具时所用的模板（{row.template_id}，版本 "
            f"{row.template_hash[:12]}）已更新，重新生成的文书会与出具时不同",
            "请上传当初出具的 PDF 文件",
        )
    if row.layout_hash is not None and current.layout_hash != row.layout_hash:
        raise NotReissuable(
            "layout_changed",
            f"文书 {row.id} 出具时所用的公共版式或字体（版本 {row.layout_hash[:12]}）"
            "已更新，重新生成的文书会与出具时不同",
            "请上传当初出具的 PDF 文件",
        )
    return Target(renderer, template)


__all__ = ["NotReissuable", "Reissued", "reissue_pdf"]
