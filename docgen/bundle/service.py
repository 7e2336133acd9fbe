"""Building a filing bundle: check everything, convert exhibits safely, lay out, merge.

Order of the bundle: cover, complaint, the papers filed with it (certificate of the legal
representative, power of attorney, law firm's letter, service address confirmation:
:mod:`docgen.bundle.papers`), evidence list, then each exhibit (after its separator page
when separators are on). Page numbers run on from the cover to the last exhibit. The
evidence list cites each exhibit's true page range, which depends on the list's own
length, so the list is laid out again until its page count stops changing.

Every problem is collected before anything is refused: the case's fields, the complaint's
own validation (under ``complaint.data``), and every unreadable or hostile file (under
``exhibits[i].file``, the message naming the exhibit and the file), so one request shows
everything to fix.

An exhibit may instead name a document docgen issued earlier by its register id: its PDF
is made again from the register (:mod:`docgen.pipeline.reissue`), with its own id and
verification code in the footer; a problem with it is reported under
``exhibits[i].register_id``, and a copy whose bytes differ from the registered file is a
warning (and ``identical: false`` in the manifest).
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, cast

from pydantic import ValidationError

from docgen import isolation
from docgen.bundle import layout
from docgen.bundle.complaint_evidence import counted_as_filed, numbered_as_the_list, one_record
from docgen.bundle.consistency import check_people
from docgen.bundle.copies import Served
from docgen.bundle.cover import (
    CoverFee,
    check_parties_given,
    cover_context,
    fee_of,
    parties_from,
)
from docgen.bundle.exhibits import Exhibits
from docgen.bundle.model import BundleCase
from docgen.bundle.papers import Paper, confirmation_as_filed, make_papers, part_problem
from docgen.bundle.results import BundleResult, Placement, PreparedExhibit
from docgen.documents import registry
from docgen.documents.court_names import COURT_NAME_NOT_FULL as NOT_FULL
from docgen.documents.court_names import check_court_name
from docgen.documents.evidence_case import check_sources
from docgen.documents.evidence_list import EvidenceFacts, check_groups
from docgen.documents.filenames import filename_part
from docgen.documents.filing_papers import Side
from docgen.documents.problems import Assessment, CaseInvalid, Problem, from_validation_error
from docgen.domain.money import format_yuan
from docgen.render.bundle import (
    BundleWriter,
    page_count,
    split_pages,
)
from docgen.render.errors import GlyphMissing
from docgen.services import DocumentService

log = logging.getLogger(__name__)

MAX_LAYOUT_PASSES = 6


class BundleService:
    """Builds bundles with the document service's renderers; one per process."""

    def __init__(self, docgen: DocumentService) -> None:
        self.docgen = docgen
        self.settings = docgen.settings
        self.writer = BundleWriter(docgen.pdf)
        self.limits = isolation.Limits(
            memory_bytes=self.settings.isolation_memory_mb * isolation.MiB,
            cpu_seconds=self.settings.isolation_cpu_seconds,
            wall_seconds=self.settings.isolation_wall_seconds,
        )

    def for_tenant(self, tenant_id: int) -> BundleService:
        """This service acting for ``tenant_id``: the register entries an exhibit cites and
        the documents it makes are that tenant's (the writer and its fonts are shared)."""
        view = copy.copy(self)
        view.docgen = self.docgen.for_tenant(tenant_id)
        return view

    # --- checking ------------------------------------------------------------------

    def parse(self, data: Any) -> BundleCase:
        try:
            case = BundleCase.model_validate(data)
        except ValidationError as exc:
            problems = from_validation_error(exc, BundleCase)
            if isinstance(data, dict) and data.get("complaint") is None:
                # reported with the field errors, so one answer shows everything to fix
                check_parties_given(data, problems)
            raise CaseInvalid(problems) from None
        return case

    def assess(self, case: BundleCase, files: Mapping[str, bytes]) -> Assessment:
        result = Assessment()
        case, described = one_record(case)  # the complaint and the evidence list agree
        result.extend(described)
        check_court_name(result, case.court)  # the cover names it as the papers do
        if case.complaint is None:
            missing: list[Problem] = []
            check_parties_given(case, missing)
            result.extend(missing)
        check_groups(result, case.exhibits, "exhibits")
        _check_exhibit_sources(result, case)
        for i, exhibit in enumerate(case.exhibits):
            if exhibit.file is not None and exhibit.register_id is not None:
                result.error(
                    ("exhibits", i, "register_id"),
                    "exhibit_source_ambiguous",
                    f"证据「{exhibit.name}」同时填写了文件和文书编号，只能二选一",
                )
            elif exhibit.file is None and exhibit.register_id is None:
                result.error(
                    ("exhibits", i, "file"),
                    "exhibit_source_missing",
                    f"证据「{exhibit.name}」缺少证据文件",
                    hint="请上传文件并填写其文件名，或填写 docgen 出具文书的文书编号",
                )
            elif exhibit.file is not None and exhibit.file not in files:
                result.error(
                    ("exhibits", i, "file"),
                    "file_missing",
                    f"证据「{exhibit.name}」所指的文件「{exhibit.file}」没有上传",
                    hint="请上传该文件，或改正文件名（区分大小写）",
                )
        used = {e.file for e in case.exhibits if e.file is not None}
        for name in files:
            if name not in used:
                result.warn(("exhibits",), "file_unused", f"上传的文件「{name}」未被任何证据引用")
        if case.complaint is not None:
            self._check_complaint_type(result, case.complaint.type)
        result.extend(self.docgen.glyph_problems(case))
        return result

    def _check_complaint_type(self, result: Assessment, type_name: str) -> None:
        known = [t.name for t in registry.complaint_types()]
        if type_name not in known:
            result.error(
                ("complaint", "type"),
                "unknown_document_type",
                f"未知的起诉状文书类型「{type_name}」；可用类型：{'、'.join(known)}",
            )

    # --- building ------------------------------------------------------------------

    def build(
        self, data: Any, files: Mapping[str, bytes], requested_by: str = "cli"
    ) -> BundleResult:
        """The bundle for ``data`` with uploaded ``files`` (name -> bytes), or CaseInvalid.

        ``requested_by`` is recorded in the register with the complaint docgen makes (the
        API key's holder, as for any other document)."""
        case = self.parse(data)
        assessment = self.assess(case, files)
        case = one_record(case)[0]  # as assessed: the complaint's record of each exhibit
        problems = list(assessment.errors)
        warnings = list(assessment.warnings)
        complaint_pdf = self._complaint(case, problems, warnings, requested_by)
        cover_fee = None
        typed = case.court
        if complaint_pdf is not None:
            case, cover_fee = self._from_complaint(case, problems)
            check_parties_given(case, problems)
        if case.court != typed:  # the complaint told the court (its warning says which)
            warnings[:] = [w for w in warnings if (w.loc, w.code) != (("court",), NOT_FULL)]
        papers: list[Paper] = []
        if case.papers and case.plaintiffs and case.defendants:
            papers = make_papers(self.docgen, case, problems, warnings, requested_by, typed)
            check_people(self.docgen, case, problems, warnings)
        prepared = self._prepare_exhibits(case, files, problems, warnings)
        total = sum(p.pages for p in prepared)
        if not problems and total > self.settings.bundle_max_pages:
            problems.append(
                Problem(
                    ("exhibits",),
                    "bundle_too_many_pages",
                    f"证据共 {total} 页，超过一份材料 {self.settings.bundle_max_pages} 页的上限",
                    hint="请分册提交",
                )
            )
        if problems:
            raise CaseInvalid(problems + warnings)
        try:
            result = self._assemble(case, complaint_pdf, papers, prepared, cover_fee, requested_by)
        except GlyphMissing as exc:
            raise CaseInvalid([Problem((), "glyph_missing", str(exc))]) from exc
        result.warnings = warnings
        return result

    def _complaint(
        self,
        case: BundleCase,
        problems: list[Problem],
        warnings: list[Problem],
        requested_by: str,
    ) -> bytes | None:
        """The complaint's PDF; its errors go to ``problems`` and its warnings, made or
        refused, to ``warnings``, under ``complaint.data`` (the message naming 起诉状), so
        the bundle reports what the complaint alone would."""
        if case.complaint is None or any(p.loc[:2] == ("complaint", "type") for p in problems):
            return None
        base = ("complaint", "data")
        try:
            data = case.complaint.data
            if case.complaint.type == "civil_complaint":  # numbered and counted as the list
                data = counted_as_filed(numbered_as_the_list(data, case.exhibits), case.exhibits)
                data = confirmation_as_filed(data, case.papers)
            rendered = self.docgen.render(
                case.complaint.type, data, "pdf", requested_by=requested_by
            )
        except CaseInvalid as exc:
            for p in exc.problems:
                found = part_problem(p, base, "起诉状")
                (problems if p.severity == "error" else warnings).append(found)
            return None
        warnings.extend(part_problem(w, base, "起诉状") for w in rendered.warnings)
        return rendered.content

    def _from_complaint(
        self, case: BundleCase, problems: list[Problem]
    ) -> tuple[BundleCase, CoverFee | None]:
        """The parties and the court fee as the complaint states them, each stated once.

        A complaint type that names its parties and computes an acceptance fee (the civil
        complaint: ``computed["filing"]`` and ``computed["court_fee"]``) is the source of
        both: the cover lists its parties and prints its fee, never a second computation.
        Parties, a claim amount or a procedure the bundle states differently are errors
        on those fields.
        """
        if case.complaint is None:
            return case, None
        computed = self.docgen.validate(case.complaint.type, case.complaint.data).computed
        filing = computed.get("filing")
        if isinstance(filing, dict):
            case = parties_from(case, filing, problems)
        fee = computed.get("court_fee")
        if not isinstance(fee, dict) or fee.get("amount") is None:
            return case, None
        # the cover is filed: the basis without the note to whoever prepares the bundle
        basis = str(fee["basis"]).removesuffix(str(fee.get("note") or ""))
        cover = CoverFee(Decimal(str(fee["fee"])), Decimal(str(fee["amount"])), basis)
        if case.claim_amount is not None and case.claim_amount != cover.amount:
            problems.append(
                Problem(
                    ("claim_amount",),
                    "claim_amount_mismatch",
                    f"诉讼请求金额人民币{format_yuan(case.claim_amount)}元与起诉状的合计"
                    f"人民币{format_yuan(cover.amount)}元不一致；封面与起诉状须列明同一案件受理费",
                    "附起诉状时可不填诉讼请求金额，封面按起诉状的合计及受理费列明",
                )
            )
        halved = bool(fee.get("halved"))
        if case.procedure is not None and (case.procedure == "summary") != halved:
            chosen = "简易程序" if case.procedure == "summary" else "普通程序"
            stated = "减半交纳" if halved else "不减半"
            problems.append(
                Problem(
                    ("procedure",),
                    "procedure_mismatch",
                    f"封面选择{chosen}，而起诉状的案件受理费{stated}"
                    f"（人民币{format_yuan(cover.fee)}元）；封面与起诉状须列明同一案件受理费",
                    "附起诉状时可不填审理程序，在起诉状中选择审理程序",
                )
            )
        return case, cover

    def _prepare_exhibits(
        self,
        case: BundleCase,
        files: Mapping[str, bytes],
        problems: list[Problem],
        warnings: list[Problem],
    ) -> list[PreparedExhibit]:
        return Exhibits(self.docgen, self.limits).prepare(case, files, problems, warnings)

    # --- layout --------------------------------------------------------------------

    def _assemble(
        self,
        case: BundleCase,
        complaint_pdf: bytes | None,
        papers: list[Paper],
        exhibits: list[PreparedExhibit],
        cover_fee: CoverFee | None,
        requested_by: str,
    ) -> BundleResult:
        fronts = [
            *([("起诉状", complaint_pdf)] if complaint_pdf else []),
            *((p.title, p.pdf) for p in papers),
        ]
        fee = cover_fee or fee_of(case)
        cover = self._cover(case, "正本", [title for title, _ in fronts], fee, "")
        cover_len = page_count(cover)
        starts, front = layout.front_starts(fronts, cover_len)
        places, list_pdf, list_docx = self._evidence_list(case, exhibits, front, requested_by)
        list_pages = page_count(list_pdf)
        separators = self._separators(exhibits, places) if case.separators else []
        evidence = [list_pdf, *layout.exhibit_pieces(exhibits, separators)]
        total = front + list_pages + layout.exhibit_pages(places)
        labels = layout.bundle_labels(total, case.bates_prefix)
        outline = layout.outline(exhibits, places, front, starts)
        title = f"{case.case_type}起诉材料"
        main_pdf = self.writer.assemble(
            [cover, *(pdf for _, pdf in fronts), *evidence], labels, outline, title
        )
        # a defendant's copy: the complaint and the evidence (docgen.bundle.copies)
        served = Served.of(starts, 1 if complaint_pdf else 0, front, total)
        note = served.note(case.bates_prefix)
        copy_covers = {
            label: self._cover(case, label, served.titles, fee, note)
            for label in (f"副本（送达被告：{d}）" for d in case.defendants)
            if case.copies != "none"
        }
        layout.same_length([cover, *copy_covers.values()])
        copy_pieces = [*(pdf for _, pdf in fronts[: len(served.titles)]), *evidence]
        built = {
            label: self.writer.assemble(
                [copy_cover, *copy_pieces],
                served.labels(labels),
                served.outline(outline),
                f"{title}（副本）",
            )
            for label, copy_cover in copy_covers.items()
        }
        # the case type is typed text: safe in a file name and a ZIP entry (no "/" or "..")
        base = f"起诉材料-{filename_part(case.case_type)}-{case.filing_date.isoformat()}"
        copies = layout.copies_of(case.copies, base, main_pdf, built)
        log.info("bundle built exhibits=%d pages=%d copies=%d", len(exhibits), total, len(copies))
        return BundleResult(
            pdf=main_pdf,
            filename=f"{base}.pdf",
            pages=total,
            evidence_list_pdf=list_pdf,
            evidence_list_docx=list_docx,
            evidence_list_filename=f"{registry.evidence_list_type().stem}-{case.filing_date.isoformat()}",
            manifest=layout.manifest(exhibits, places, case.bates_prefix),
            copies=copies,
            papers=papers,
        )

    def _evidence_list(
        self, case: BundleCase, exhibits: list[PreparedExhibit], front: int, requested_by: str
    ) -> tuple[list[Placement], bytes, bytes]:
        """Where each exhibit lands, and the evidence list (PDF, DOCX) that says so.

        The list's page ranges depend on its own length: it is laid out again until that
        settles. Those passes are drafts (nothing registered, nothing printed differently:
        a court filing carries its stamp in the metadata only); only the list that goes
        into the bundle is issued, one document in both formats, for ``requested_by``.
        """
        list_type = registry.evidence_list_type().name
        list_pages = 1
        passes = self.docgen.drafting()
        for _ in range(MAX_LAYOUT_PASSES):
            places = layout.place_exhibits(case, exhibits, front + list_pages)
            list_data = layout.evidence_list_data(case, exhibits, places)
            counted = page_count(passes.render(list_type, list_data, "pdf").content)
            if counted == list_pages:
                break
            list_pages = counted
        else:  # pragma: no cover - a list cannot keep changing length
            raise RuntimeError("evidence list length did not settle")
        ((pdf, docx),) = self.docgen.render_formats(
            list_type, list_data, ["pdf", "docx"], requested_by=requested_by
        )
        if page_count(pdf.content) != list_pages:  # pragma: no cover - same layout, same length
            raise RuntimeError("the issued evidence list differs in length from its layout")
        return places, pdf.content, docx.content

    def _cover(
        self,
        case: BundleCase,
        copy_label: str,
        titles: Sequence[str],
        fee: CoverFee | None,
        note: str,
    ) -> bytes:
        context = cover_context(case, copy_label, titles, fee, note)
        return self.docgen.pdf.render("bundle/cover.html", context)

    def _separators(self, exhibits: list[PreparedExhibit], places: list[Placement]) -> list[bytes]:
        rows = [
            {
                "no": exhibit.number,
                "name": exhibit.facts.name,
                "source": exhibit.facts.source,
                "purpose": exhibit.facts.purpose,
                "original": exhibit.facts.provided_as_text,
                "pages": f"第 {place.text} 页",
            }
            for exhibit, place in zip(exhibits, places, strict=True)
        ]
        pages = split_pages(self.docgen.pdf.render("bundle/separator.html", {"separators": rows}))
        if len(pages) != len(exhibits):
            raise RuntimeError("each separator must fit on one page")
        return pages


def _check_exhibit_sources(result: Assessment, case: BundleCase) -> None:
    """The evidence list the bundle prints names the plaintiffs as its submitter when no
    one else is named, and a party typed in by its role (``layout.evidence_list_data``):
    an exhibit whose source says the other side holds it is refused here, on the exhibit,
    rather than when the list is printed (the list's own rule,
    ``evidence_case.check_sources``)."""
    if not (case.plaintiffs and case.defendants):
        return
    typed = set(case.submitter.split("、")) if case.submitter else set()
    if typed <= set(case.plaintiffs):
        side: Side = "plaintiff"
    elif typed <= set(case.defendants):
        side = "defendant"
    else:
        return  # no party, or both sides: no side to read the sources against
    found = Assessment()
    # described by one_record: every source is text (left out, an error of its own)
    check_sources(found, side, cast("list[EvidenceFacts]", case.exhibits))
    for problem in found.problems:
        loc = ("exhibits", *problem.loc[1:])
        result.error(loc, problem.code, problem.message, hint=problem.hint)


__all__ = ["BundleResult", "BundleService", "CoverFee", "Placement", "PreparedExhibit"]
