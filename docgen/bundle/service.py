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
is made again from the register (:mod:`docgen.register.reissue`), with its own id and
verification code in the footer; a problem with it is reported under
``exhibits[i].register_id``, and a copy whose bytes differ from the registered file is a
warning (and ``identical: false`` in the manifest).
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from docgen import isolation
from docgen.bundle.cover import CoverFee, check_parties_given, fee_of, parties_from
from docgen.bundle.exhibits import Exhibits
from docgen.bundle.model import BundleCase
from docgen.bundle.papers import Paper, make_papers
from docgen.bundle.results import BundleResult, Placement, PreparedExhibit
from docgen.documents import registry
from docgen.documents.evidence_list import check_groups
from docgen.documents.problems import Assessment, CaseInvalid, Problem, from_validation_error
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan
from docgen.render import exhibits as exhibit_files
from docgen.render.bundle import (
    BundleWriter,
    OutlineEntry,
    concatenate,
    page_count,
    page_label,
    page_labels,
    split_pages,
)
from docgen.render.errors import GlyphMissing
from docgen.services import Docgen

log = logging.getLogger(__name__)

MAX_LAYOUT_PASSES = 6
EXHIBITS_BOOKMARK = "证据"


class BundleService:
    """Builds bundles with the document service's renderers; one per process."""

    def __init__(self, docgen: Docgen) -> None:
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
        if case.complaint is None:
            missing: list[Problem] = []
            check_parties_given(case, missing)
            result.extend(missing)
        check_groups(result, case.exhibits, "exhibits")
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
        problems = list(assessment.errors)
        warnings = list(assessment.warnings)
        complaint_pdf = self._complaint(case, problems, requested_by)
        cover_fee = None
        if complaint_pdf is not None:
            case, cover_fee = self._from_complaint(case, problems)
            check_parties_given(case, problems)
        papers: list[Paper] = []
        if case.papers and case.plaintiffs and case.defendants:
            papers = make_papers(self.docgen, case, problems, requested_by)
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
            return self._assemble(
                case, complaint_pdf, papers, prepared, warnings, cover_fee, requested_by
            )
        except GlyphMissing as exc:
            raise CaseInvalid([Problem((), "glyph_missing", str(exc))]) from exc

    def _complaint(
        self, case: BundleCase, problems: list[Problem], requested_by: str
    ) -> bytes | None:
        if case.complaint is None or any(p.loc[:2] == ("complaint", "type") for p in problems):
            return None
        try:
            return self.docgen.render(
                case.complaint.type, case.complaint.data, "pdf", requested_by=requested_by
            ).content
        except CaseInvalid as exc:
            for p in exc.problems:
                if p.severity == "error":
                    problems.append(
                        Problem(
                            ("complaint", "data", *p.loc), p.code, f"起诉状：{p.message}", p.hint
                        )
                    )
            return None

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
        cover = CoverFee(Decimal(str(fee["fee"])), Decimal(str(fee["amount"])), str(fee["basis"]))
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
        warnings: list[Problem],
        cover_fee: CoverFee | None,
        requested_by: str,
    ) -> BundleResult:
        fee = cover_fee or fee_of(case)
        titles = [*(["起诉状"] if complaint_pdf else []), *(p.title for p in papers)]
        covers = {
            label: self._cover(case, label, titles, fee)
            for label in ["正本", *(f"副本（送达被告：{d}）" for d in case.defendants)]
            if case.copies != "none" or label == "正本"
        }
        cover_pages = {page_count(pdf) for pdf in covers.values()}
        if len(cover_pages) != 1:
            raise RuntimeError("cover variants differ in length")
        cover_len = cover_pages.pop()
        # the complaint and each paper, by its first page (0-based) in the bundle
        starts: list[tuple[str, int]] = []
        front = cover_len
        for title, pdf in [
            *([("起诉状", complaint_pdf)] if complaint_pdf else []),
            *((p.title, p.pdf) for p in papers),
        ]:
            starts.append((title, front))
            front += page_count(pdf)
        places, list_pdf, list_docx = self._evidence_list(case, exhibits, front, requested_by)
        list_pages = page_count(list_pdf)
        separators = self._separators(exhibits, places) if case.separators else []
        pieces: list[bytes] = [
            *([complaint_pdf] if complaint_pdf else []),
            *(p.pdf for p in papers),
            list_pdf,
        ]
        for i, exhibit in enumerate(exhibits):
            if separators:
                pieces.append(separators[i])
            pieces.append(exhibit.pdf)
        total = (
            front
            + list_pages
            + sum(p.last - p.first + 1 + (p.separator is not None) for p in places)
        )
        labels = page_labels(total, prefix=case.bates_prefix)
        if case.bates_prefix is None:
            # the complaint, the papers and the evidence list print "第 x 页 共 y 页"
            # themselves: a second page number on their pages would contradict it (Bates
            # labels are identifiers, not page numbers, and go on every page)
            for index in range(cover_len, front + list_pages):
                labels[index] = ""
        outline = self._outline(exhibits, places, front, starts)
        title = f"{case.case_type}起诉材料"
        built = {
            label: self.writer.assemble([cover, *pieces], labels, outline, title)
            for label, cover in covers.items()
        }
        main_pdf = built.pop("正本")
        base = f"起诉材料-{case.case_type}-{case.filing_date.isoformat()}"
        copies = [(f"{base}-{label}.pdf", pdf) for label, pdf in built.items()]
        if case.copies == "print":
            copies = [
                (
                    f"{base}-打印文件.pdf",
                    concatenate(
                        [("正本", main_pdf), *[(label, pdf) for label, pdf in built.items()]]
                    ),
                )
            ]
        log.info("bundle built exhibits=%d pages=%d copies=%d", len(exhibits), total, len(copies))
        return BundleResult(
            pdf=main_pdf,
            filename=f"{base}.pdf",
            pages=total,
            evidence_list_pdf=list_pdf,
            evidence_list_docx=list_docx,
            evidence_list_filename=f"{registry.evidence_list_type().stem}-{case.filing_date.isoformat()}",
            manifest=self._manifest(exhibits, places, case.bates_prefix),
            copies=copies,
            warnings=warnings,
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
            places = self._place(case, exhibits, front + list_pages)
            list_data = self._evidence_list_data(case, exhibits, places)
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

    @staticmethod
    def _place(case: BundleCase, exhibits: list[PreparedExhibit], before: int) -> list[Placement]:
        places = []
        page = before
        for exhibit in exhibits:
            separator = None
            if case.separators:
                page += 1
                separator = page
            places.append(Placement(separator, page + 1, page + exhibit.pages))
            page += exhibit.pages
        return places

    @staticmethod
    def _evidence_list_data(
        case: BundleCase, exhibits: list[PreparedExhibit], places: list[Placement]
    ) -> dict[str, Any]:
        items = []
        for exhibit, place in zip(exhibits, places, strict=True):
            item = exhibit.facts.model_dump(mode="json", exclude={"file", "register_id"})
            item["pages"] = place.text
            items.append(item)
        return {
            "submitter": case.submitter_name,
            "submit_date": case.filing_date.isoformat(),
            "court": case.court,
            "case_title": case.case_type,
            "items": items,
        }

    def _cover(
        self, case: BundleCase, copy_label: str, titles: list[str], cover_fee: CoverFee | None
    ) -> bytes:
        fee = fee_basis = ""
        if cover_fee is not None:
            fee = f"人民币{format_yuan(cover_fee.fee)}元"
            fee_basis = cover_fee.basis  # it names the claim amount itself
        contents = "、".join([*titles, "证据目录", "证据"])
        context = {
            "title": "民事起诉材料",
            "copy_label": copy_label,
            "court": case.court,
            "case_type": case.case_type,
            "plaintiffs": "、".join(case.plaintiffs),
            "defendants": "、".join(case.defendants),
            "fee": fee,
            "fee_basis": fee_basis,
            "contents": contents,
            "filing_date": format_cn(case.filing_date),
        }
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

    @staticmethod
    def _outline(
        exhibits: list[PreparedExhibit],
        places: list[Placement],
        front: int,
        starts: list[tuple[str, int]],
    ) -> list[OutlineEntry]:
        outline = [OutlineEntry("封面", 0)]
        outline += [OutlineEntry(title, page) for title, page in starts]
        outline.append(OutlineEntry("证据目录", front))
        for exhibit, place in zip(exhibits, places, strict=True):
            outline.append(
                OutlineEntry(
                    f"证据{exhibit.number} {exhibit.facts.name}（第 {place.text} 页）",
                    place.first - 1,
                    EXHIBITS_BOOKMARK,
                )
            )
        return outline

    @staticmethod
    def _manifest(
        exhibits: list[PreparedExhibit], places: list[Placement], prefix: str | None
    ) -> list[dict[str, Any]]:
        rows = []
        for exhibit, place in zip(exhibits, places, strict=True):
            reissued = exhibit.reissued
            rows.append(
                {
                    "number": f"证据{exhibit.number}",
                    "name": exhibit.facts.name,
                    "source": exhibit.facts.source,
                    "purpose": exhibit.facts.purpose,
                    "provided_as": exhibit.facts.provided_as_text,
                    "file": exhibit.facts.file,
                    "register_id": exhibit.facts.register_id,
                    "media_type": exhibit_files.MEDIA_TYPES[exhibit.kind],
                    "bytes": exhibit.size,
                    "sha256": exhibit.sha256,
                    "registered_sha256": reissued.registered_sha256 if reissued else None,
                    "identical": reissued.identical if reissued else None,
                    "pages": exhibit.pages,
                    "first_page": place.first,
                    "last_page": place.last,
                    "page_labels": _label_range(place, prefix),
                }
            )
        return rows


def _label_range(place: Placement, prefix: str | None) -> str:
    first = page_label(place.first, prefix)
    return first if place.first == place.last else f"{first} 至 {page_label(place.last, prefix)}"


__all__ = ["BundleResult", "BundleService", "CoverFee", "Placement", "PreparedExhibit"]
