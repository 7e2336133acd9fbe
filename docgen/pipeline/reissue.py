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
template changed since (its SHA-256 differs, and for a built-in layout's module the
earlier version is not listed in ``layout_lineage`` as printing the same) or a document
handed out as DOCX cannot be made again as issued and is refused.

A letter with several recipients (the debtor and each guarantor) is registered once per
copy, with whom the copy went to (:mod:`docgen.register.recipients`): that recipient's
copy is printed again, never another's. An older entry kept no recipient: the first
recipient's copy is printed, as then; when the case had several and that copy differs
from the registered file, each other recipient's is tried, and where none is the file
issued the reissue is refused (``recipient_unknown``) rather than print a letter to
someone else under this copy's id.

A letter printed from a stored sender profile is registered with the profile's details as
printed and its id set apart (:mod:`docgen.register.sender`); it is printed again from
those details, and the profile store is never read (a profile edited or deleted since
changes nothing). Nor is a letter number ever drawn: the recorded one is printed. An older
entry that kept the profile's id in its case and the details beside it is printed from the
details; one that kept the id alone is printed with the profile as it is now only where
that gives the registered file, and refused otherwise (``sender_profile_changed``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docgen import layouts
from docgen.documents import registry
from docgen.documents.base import DocumentType, Resources, RuleOptions
from docgen.documents.problems import CaseInvalid
from docgen.pipeline import validation
from docgen.pipeline.engines import Engine, Target
from docgen.pipeline.provenance import Source, unmarked
from docgen.pipeline.rendering import render_pdf
from docgen.pipeline.scope import CUSTOM_TEMPLATES
from docgen.register import Stamp, sha256_hex
from docgen.register.recipients import case_of
from docgen.register.sender import as_printed
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
    doc_type = registered_type(row)
    template_id, unstamped = unmarked(row.template_id)
    job = _Reprint(
        scope,
        row,
        doc_type,
        _printer(scope, row, template_id),
        dataclasses.replace(validation.options(scope.settings), today=row.created_at.date()),
        unstamped,
    )
    data, index = case_of(row.input_data)
    recorded, reference = as_printed(data)
    try:
        pdf = _from_record(job, recorded, index, reference)
        if pdf is None:  # an older entry that kept the profile's id and not its details
            pdf = _from_profile(job, data, index)
    except CaseInvalid as exc:
        first = exc.problems[0].message if exc.problems else ""
        raise NotReissuable(
            "registered_case_invalid",
            f"文书 {row.id} 登记的案件数据按现行规则已无法生成：{first}",
            "请上传当初出具的 PDF 文件",
        ) from None
    return Reissued(row.id, row.type_name, pdf, sha256_hex(pdf), output.sha256, row.batch_id)


@dataclass(frozen=True)
class _Reprint:
    """A registered PDF to print again: its entry, type, printer and the rules' options
    as on the day it was issued."""

    scope: Scope
    row: Any
    doc_type: DocumentType[Any]
    target: Target
    options: RuleOptions
    unstamped: bool

    def copy_of(
        self, data: Any, index: int | None, resources: Resources, exact: bool
    ) -> bytes | None:
        """The registered copy of case ``data`` printed again; CaseInvalid if it no
        longer passes the rules. ``exact``: only a copy that is the registered file
        (None if none is); else the recipient's copy (see :func:`addressed_copies`)."""
        doc_type, row = self.doc_type, self.row
        case = doc_type.parse(data)
        if doc_type.resolve is not None:
            case = doc_type.resolve(case, resources, True)
        assessment = doc_type.evaluate(case, self.options)
        if assessment.errors:
            raise CaseInvalid(assessment.errors)
        stamp = Stamp(row.id, row.code)
        registered = row.outputs[0].sha256
        candidates = addressed_copies(case, index, row.id)
        for copy in candidates:
            context = doc_type.build_context(copy, assessment)
            pdf = render_pdf(
                self.scope.settings,
                copy,
                self.target,
                context,
                stamp,
                stamp_on_page=not self.unstamped,
            )
            if sha256_hex(pdf) == registered or (len(candidates) == 1 and not exact):
                return pdf
        return None


def _from_record(
    job: _Reprint, data: Any, index: int | None, reference: int | None
) -> bytes | None:
    """The copy printed from the recorded case alone, the profile store unread. None:
    the entry is an older one whose case (``reference``: the profile's id it kept) does
    not hold what the profile filled in."""
    try:
        pdf = job.copy_of(data, index, Recorded(job.row.id), exact=False)
    except CaseInvalid:
        if reference is None:
            raise
        return None
    if pdf is None:
        raise _recipient_unknown(job.row.id)
    return pdf


def _from_profile(job: _Reprint, data: Any, index: int | None) -> bytes:
    """An older entry's copy printed with its profile as it is now, as long as that is
    the registered file: a profile edited since would print another document."""
    resources = Recorded(job.row.id, profiles=job.scope)
    pdf = job.copy_of(data, index, resources, exact=True)
    if pdf is None:
        raise NotReissuable(
            "sender_profile_changed",
            f"文书 {job.row.id} 出具时所用的发件人资料已修改，无法重新生成相同文书"
            "（登记簿只记录了发件人资料编号，未记录出具时的内容）",
            "请上传当初出具的 PDF 文件",
        )
    return pdf


class Recorded:
    """What a reissue lends a case to resolve: never a new letter number (the recorded
    one is printed); a stored profile only for an older entry that kept its id alone
    (``profiles``)."""

    def __init__(self, document_id: str, profiles: Scope | None = None) -> None:
        self.document_id = document_id
        self.scope = profiles

    def profile(self, profile_id: int) -> Any:
        if self.scope is None:  # a recorded case holds its sender's details
            raise NotReissuable(
                "sender_profile_changed",
                f"文书 {self.document_id} 登记的案件数据未记录出具时的发件人资料内容，"
                "无法重新生成相同文书",
                "请上传当初出具的 PDF 文件",
            )
        return self.scope.stores.profiles.get(self.scope.tenant_id, profile_id).profile

    def next_letter_number(self, series: str, year: int) -> int:
        raise NotReissuable(
            "letter_number_unknown",
            f"文书 {self.document_id} 登记的案件数据中没有函件编号，重新生成须另取新号，"
            "与出具时的文书不同",
            "请上传当初出具的 PDF 文件",
        )


def addressed_copies(case: Any, index: int | None, document_id: str) -> list[Any]:
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


def registered_type(row: Any) -> DocumentType[Any]:
    """The document type of a registered entry; NotReissuable once no longer offered."""
    try:
        return registry.get(row.type_name)
    except registry.UnknownDocumentType:
        raise NotReissuable(
            "document_type_gone", f"文书 {row.id} 的文书类型「{row.type_name}」已不再提供"
        ) from None


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
    if current is None or row.template_hash not in {current.hash, *current.same_template}:
        # a built-in document printed from a template file before its layout replaced it
        # has no file to print from any more: it cannot be made again as it was
        raise NotReissuable(
            "template_changed",
            f"文书 {row.id} 出具时所用的模板（{row.template_id}，版本 "
            f"{row.template_hash[:12]}）已更新，重新生成的文书会与出具时不同",
            "请上传当初出具的 PDF 文件",
        )
    if row.layout_hash is not None and row.layout_hash not in {
        current.layout_hash,
        *current.same_print,
    }:
        raise NotReissuable(
            "layout_changed",
            f"文书 {row.id} 出具时所用的公共版式或字体（版本 {row.layout_hash[:12]}）"
            "已更新，重新生成的文书会与出具时不同",
            "请上传当初出具的 PDF 文件",
        )
    return Target(renderer, template)


__all__ = [
    "NotReissuable",
    "Recorded",
    "Reissued",
    "addressed_copies",
    "registered_type",
    "reissue_pdf",
]
