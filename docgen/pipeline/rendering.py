"""Rendering one case: each recipient's copy printed, stamped and recorded.

The whole case is validated first, so an invalid case uses up no letter number. With the
register on (the default), each document gets an id and a verification code, printed in
the PDF footer (not on a court filing's pages) and written in the file's metadata, and is
recorded with its input, template version and output hash before it is returned.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from docgen.config import Settings
from docgen.documents import registry
from docgen.documents.problems import CaseInvalid, Problem
from docgen.pipeline import templates, validation
from docgen.pipeline.engines import Target
from docgen.pipeline.provenance import (
    Job,
    Output,
    Request,
    Source,
    docx_properties,
    finish,
    new_stamp,
)
from docgen.pipeline.results import Format, Rendered, bundle
from docgen.register import Issue, Stamp
from docgen.render import layout_print
from docgen.render.errors import GlyphMissing
from docgen.render.fonts import missing_glyphs
from docgen.render.isolated_pdf import TemplateLimitExceeded

if TYPE_CHECKING:
    from docgen.pipeline.scope import Scope

log = logging.getLogger(__name__)


def render_pdf(
    settings: Settings,
    case: BaseModel,
    target: Target,
    context: dict[str, Any],
    stamp: Stamp | None = None,
    *,
    stamp_on_page: bool = True,
) -> bytes:
    """The PDF; with a ``stamp``, its id and code in the metadata and, where
    ``stamp_on_page``, at the foot of every page.

    The engine checks every character it prints (the one glyph check of a document);
    when one is missing, the case's fields are read to say which holds it.
    """
    printer, template = target
    try:
        if stamp is None:
            return printer.render(template, context)
        return printer.render(
            template,
            context,
            footer=stamp.footer_text() if stamp_on_page else None,
            metadata=stamp.properties(),
        )
    except GlyphMissing as exc:
        problems = validation.glyph_problems(settings, case)
        raise CaseInvalid(problems or [Problem(("template",), "glyph_missing", str(exc))]) from exc
    except TemplateLimitExceeded as exc:
        raise CaseInvalid([Problem(("template",), exc.code, str(exc))]) from exc


def render_docx(scope: Scope, job: Job, stamp: Stamp | None) -> tuple[bytes, Source]:
    """A copy's DOCX: from the active uploaded .docx, else from the type's built-in
    layout, else from its .docx template."""
    doc_type, copy = job.doc_type, job.copy
    properties = docx_properties(stamp) if stamp else None
    layout = templates.layout_name(doc_type, copy)
    if layout is not None and templates.active(scope, doc_type, "docx", copy) is None:
        family = scope.settings.pdf_font_families[0]
        # the file states when the document was issued (its id's time), so printing it
        # again gives the same bytes, which the register already holds
        made = stamp.issued_at() if stamp else None
        # a letter's or agreement's stamp at the foot of every page, as in its PDF; a
        # court filing carries it in its properties only
        footer = stamp.footer_text() if stamp and not doc_type.court_filing else None
        content = layout_print.render_docx(layout, job.context, family, properties, made, footer)
        return content, scope.provenance.source(None, layout)
    path = templates.docx_template(scope, doc_type, case=copy)
    content = scope.engines.docx.render(path, job.context, properties)
    return content, scope.provenance.source(None, str(path))


def print_job(
    scope: Scope, job: Job, stamp: Stamp | None, fmt: Format, engine: str | None
) -> Output:
    """One recipient's file in ``fmt`` and what it was made from; a court filing's PDF
    carries its stamp in the metadata only."""
    if fmt != "pdf":
        content, source = render_docx(scope, job, stamp)
        return Output(content, fmt, stamp, source)
    target = templates.pdf_template(scope, job.doc_type, job.copy, engine)
    on_page = not job.doc_type.court_filing
    content = render_pdf(
        scope.settings, job.copy, target, job.context, stamp, stamp_on_page=on_page
    )
    source = scope.provenance.source(target.printer, target.template, stamped=on_page)
    return Output(content, fmt, stamp, source)


def render_each(
    scope: Scope, type_name: str, data: Any, fmt: Format, request: Request
) -> list[Rendered]:
    """One rendered document per recipient (a single one for most types); the copies
    are recorded together, in one transaction: a case is issued whole or not at all."""
    doc_type = registry.get(type_name)
    out = []
    issues: list[Issue] = []
    for job in validation.jobs(scope, doc_type, data, validation.options(scope.settings)):
        # the stamp is made before rendering (it is printed on the document); the
        # database is opened only once there is a document to record
        output = print_job(scope, job, new_stamp(scope), fmt, request.engine)
        out.append(finish(scope, job, output, request, defer=issues))
    _record(scope, issues)
    return out


def _record(scope: Scope, issues: list[Issue]) -> None:
    register = scope.stores.register
    if issues and register is not None:
        register.record_many(issues)


def render(scope: Scope, type_name: str, data: Any, fmt: Format, request: Request) -> Rendered:
    """A case's document, or one ZIP holding a file per recipient for a letter with several
    (debtor and guarantors); raises CaseInvalid with every problem found."""
    rendered = render_each(scope, type_name, data, fmt, request)
    return rendered[0] if len(rendered) == 1 else bundle(rendered)


def render_formats(
    scope: Scope, type_name: str, data: Any, formats: Sequence[Format], request: Request
) -> list[list[Rendered]]:
    """Each recipient's document in several formats at once (PDF and DOCX in one go): one
    document, so one id and verification code printed in both files, and one register
    entry with an output per format. Per recipient, the files in ``formats`` order."""
    doc_type = registry.get(type_name)
    out = []
    issues: list[Issue] = []  # every copy's entry, an output per format: one transaction
    for job in validation.jobs(scope, doc_type, data, validation.options(scope.settings)):
        stamp = new_stamp(scope)
        files = [
            finish(scope, job, print_job(scope, job, stamp, fmt, None), request, defer=issues)
            for fmt in formats
        ]
        out.append(files)
    _record(scope, issues)
    return out


def warm_up(scope: Scope) -> None:
    """Load what the first render would otherwise load: fonts, stylesheets, glyph maps,
    compiled templates (by rendering each type's sample case, when it has one).

    The samples are rendered straight through the engines: nothing is recorded in the
    register and no letter number is used up.
    """
    _ = scope.engines.pdf.stylesheets
    missing_glyphs("", scope.settings.pdf_font_families)
    stamp = Stamp.new() if scope.settings.register_documents else None
    for doc_type in registry.all_types():
        data = validation.sample(scope.settings, doc_type.name)
        if data is None:
            continue
        try:
            case, assessment, context = validation.context_for(scope, doc_type.name, data)
        except CaseInvalid:
            log.warning("sample case of %s does not render", doc_type.name)
            continue
        render_docx(scope, Job(doc_type, assessment, case, context), None)
        printer, template = templates.pdf_template(scope, doc_type, case=case)
        on_page = stamp is not None and not doc_type.court_filing
        footer = stamp.footer_text() if stamp is not None and on_page else None
        printer.render(template, context, footer=footer)
