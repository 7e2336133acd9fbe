"""Rendering many cases at once (a batch): one result per case, in order.

PDFs are laid out several letters at a time (the engine's ``render_many``: fonts and
stylesheets paid once per chunk), each the same document a single render gives; a chunk
that fails is rendered letter by letter to find out which case fails. A case that fails
leaves no register entry behind, even for the copies of it already made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docgen.documents import registry
from docgen.documents.base import DocumentType
from docgen.documents.problems import CaseInvalid, Problem
from docgen.pipeline import templates, validation
from docgen.pipeline.engines import Target
from docgen.pipeline.provenance import Job, Output, Request, finish, new_stamp
from docgen.pipeline.rendering import render_docx, render_pdf
from docgen.pipeline.results import Format, PrintPart, Rendered, bundle
from docgen.register import Issue, Stamp
from docgen.render.errors import GlyphMissing, TemplateRenderError
from docgen.render.pdf_chunks import NotChunkable

if TYPE_CHECKING:
    from docgen.pipeline.scope import Scope

# Letters laid out together: large enough to share the set-up, small enough that a
# chunk's layout (kept until its letters are written) stays small in memory.
PDF_CHUNK = 16


@dataclass(frozen=True)
class Batch:
    """How many cases are rendered: who asked (and with which engine), how many PDFs are
    laid out together, and where the chunks go as print files (PDF only; None: nowhere).
    """

    request: Request = field(default_factory=lambda: Request("batch"))
    chunk_size: int = PDF_CHUNK
    prints: list[PrintPart] | None = None
    resumable: bool = False
    """The caller re-renders the cases it has not marked done (``Register.record_many``)."""


@dataclass(frozen=True)
class _Item:
    index: int  # which case
    copy_index: int  # which recipient's copy of it
    job: Job


@dataclass
class _Run:
    scope: Scope
    doc_type: DocumentType[Any]
    batch: Batch
    failed: dict[int, CaseInvalid] = field(default_factory=dict)
    done: dict[int, list[Rendered]] = field(default_factory=dict)
    # register entries per case, recorded together at the end (one commit, and none for
    # a case that failed after some of its copies were made)
    issues: dict[int, list[Issue]] = field(default_factory=dict)
    pending: dict[Target, list[_Item]] = field(default_factory=dict)
    # each recipient's copy of a case, by (case, copy): shared by the runs of all formats,
    # so a letter's PDF and DOCX print one id and code and are one register entry
    stamps: dict[tuple[int, int], Stamp | None] = field(default_factory=dict)

    def stamp(self, index: int, copy_index: int) -> Stamp | None:
        key = (index, copy_index)
        if key not in self.stamps:
            self.stamps[key] = new_stamp(self.scope)
        return self.stamps[key]

    def finish(self, index: int, job: Job, output: Output) -> None:
        request = self.batch.request
        defer = self.issues.setdefault(index, [])
        self.done[index].append(finish(self.scope, job, output, request, defer=defer))


def render_many(
    scope: Scope, type_name: str, cases: Sequence[Any], fmt: Format, batch: Batch
) -> list[Rendered | CaseInvalid]:
    """Each result is what a single render gives for that case (a document, or a ZIP of
    one document per recipient), or the CaseInvalid it would raise; the other cases are
    still rendered."""
    results = render_copies_many(scope, type_name, cases, fmt, batch)
    return [
        r if isinstance(r, CaseInvalid) else (r[0] if len(r) == 1 else bundle(r)) for r in results
    ]


def render_copies_many(
    scope: Scope, type_name: str, cases: Sequence[Any], fmt: Format, batch: Batch
) -> list[list[Rendered] | CaseInvalid]:
    """Like :func:`render_many`, but each case's documents one per recipient, unzipped.

    With ``batch.prints`` (PDF only), each chunk is also appended to it as one PDF, for a
    merged print file (the engine's ``combined``: WeasyPrint's chunk laid out together,
    its letters sharing their fonts; Typst's letters copied one after the other); a chunk
    whose letters had to be rendered one by one gives none.
    """
    return render_formats_many(scope, type_name, cases, (fmt,), batch)[fmt]


def render_formats_many(
    scope: Scope, type_name: str, cases: Sequence[Any], formats: Sequence[Format], batch: Batch
) -> dict[Format, list[list[Rendered] | CaseInvalid]]:
    """:func:`render_copies_many` in several formats from one validation of each case.

    A case is validated (and its copies numbered: a letter number is used up) once, so its
    PDF and its DOCX print the same letter number; each copy is one document, so both
    files print one id and verification code and are one register entry with an output
    per format (as :func:`~docgen.pipeline.rendering.render_formats`). A case that fails in
    one format fails in all, and leaves no register entry in any; the others are recorded
    in one commit.
    """
    doc_type = registry.get(type_name)
    stamps: dict[tuple[int, int], Stamp | None] = {}
    runs = {fmt: _Run(scope, doc_type, batch, stamps=stamps) for fmt in formats}
    rules = validation.options(scope.settings)
    for index, data in enumerate(cases):
        try:
            jobs = validation.jobs(scope, doc_type, data, rules)
        except CaseInvalid as exc:
            for run in runs.values():
                run.failed[index] = exc
            continue
        for fmt, run in runs.items():
            _schedule(run, index, jobs, fmt)
    step = max(1, batch.chunk_size)
    for run in runs.values():
        # cases of a type with several layouts are laid out together per template
        for target, items in run.pending.items():
            for start in range(0, len(items), step):
                _print_chunk(run, target, items[start : start + step])
    failed: dict[int, CaseInvalid] = {}
    for run in runs.values():
        failed = {**run.failed, **failed}
    kept = [
        issue
        for run in runs.values()
        for index, made in run.issues.items()
        if index not in failed
        for issue in made
    ]
    register = scope.stores.register
    if kept and register is not None:
        register.record_many(kept, resumable=batch.resumable)
    return {
        fmt: [failed[index] if index in failed else run.done[index] for index in range(len(cases))]
        for fmt, run in runs.items()
    }


def _schedule(run: _Run, index: int, jobs: list[Job], fmt: Format) -> None:
    """A validated case's copies: a DOCX is made at once, a PDF waits for its chunk."""
    scope, doc_type = run.scope, run.doc_type
    run.done[index] = []
    for copy_index, job in enumerate(jobs):
        if fmt == "pdf":
            target = templates.pdf_template(scope, doc_type, job.copy, run.batch.request.engine)
            run.pending.setdefault(target, []).append(_Item(index, copy_index, job))
        else:
            stamp = run.stamp(index, copy_index)
            content, source = render_docx(scope, job, stamp)
            run.finish(index, job, Output(content, fmt, stamp, source))


def _print_chunk(run: _Run, target: Target, chunk: list[_Item]) -> None:
    """Lay out a chunk's letters together (or, failing that, one by one) and finish each."""
    scope = run.scope
    stamps = [run.stamp(item.index, item.copy_index) for item in chunk]
    registered = all(stamp is not None for stamp in stamps)  # register on for all or none
    on_page = registered and not run.doc_type.court_filing
    contents = _lay_out(run, target, chunk, stamps)
    for offset, item in enumerate(chunk):
        if item.index in run.failed:
            continue
        stamp = stamps[offset]
        try:
            content = (
                contents[offset]
                if contents is not None
                else render_pdf(
                    scope.settings,
                    item.job.copy,
                    target,
                    item.job.context,
                    stamp,
                    stamp_on_page=not run.doc_type.court_filing,
                )
            )
        except CaseInvalid as exc:
            run.failed[item.index] = exc
            continue
        except TemplateRenderError as exc:
            problem = Problem(("template",), "template_error", str(exc))
            run.failed[item.index] = CaseInvalid([problem])
            continue
        source = scope.provenance.source(*target, stamped=on_page or not registered)
        run.finish(item.index, item.job, Output(content, "pdf", stamp, source))


def _lay_out(
    run: _Run, target: Target, chunk: list[_Item], stamps: list[Stamp | None]
) -> list[bytes] | None:
    """The chunk's PDFs laid out together, or None when they must be made one by one;
    the chunk as one print file goes to ``run.batch.prints``."""
    printed = [stamp for stamp in stamps if stamp is not None]
    registered = len(printed) == len(stamps)
    on_page = registered and not run.doc_type.court_filing
    prints = run.batch.prints
    combined: list[tuple[bytes, list[int]]] | None = [] if prints is not None else None
    try:
        contents = target.printer.render_many(
            target.template,
            [item.job.context for item in chunk],
            footers=[stamp.footer_text() for stamp in printed] if on_page else None,
            metadata=[stamp.properties() for stamp in printed] if registered else None,
            combined=combined,
        )
    except (GlyphMissing, TemplateRenderError, NotChunkable):
        return None  # find out which letter fails: render them one by one
    if prints is not None and combined:
        whole, counts = combined[0]
        firsts = [sum(counts[:k]) for k in range(len(counts))]
        letters = [
            (item.index, item.copy_index, first, count)
            for item, first, count in zip(chunk, firsts, counts, strict=True)
        ]
        prints.append(PrintPart(whole, letters))
    return contents
