"""Every rendered document is recorded and provable: on SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator

import pytest
from docx import Document
from pypdf import PdfReader

from docgen import layouts
from docgen.config import Settings
from docgen.documents import registry
from docgen.register import canonical_json
from docgen.register.recipients import case_of
from docgen.services import DocumentService
from tests.support import docx_text, load_fixture, normalize, pdf_pages_text

pytestmark = pytest.mark.slow

PERSON = load_fixture("demand_letter", "valid", "person_debtor")


@pytest.fixture
def docgen(
    settings: Settings, service: DocumentService, database_url: str
) -> Iterator[DocumentService]:
    """A service on a fresh database; it shares the session's (slow to load) engines."""
    svc = DocumentService(
        settings.model_copy(update={"database_url": database_url}), engines=service.engines
    )
    yield svc


def test_a_rendered_pdf_is_recorded_with_its_hashes_and_stamped_on_every_page(docgen):
    rendered = docgen.render("demand_letter", PERSON, "pdf", requested_by="key:abc", batch_id="b1")

    row = docgen.register.get(rendered.document_id, None)
    assert row is not None
    assert row.type_name == "demand_letter"
    # printed from its built-in layout by the configured engine; its version is the
    # layout module's hash
    assert row.template_id == f"layouts/demand_letter.py@{docgen.settings.pdf_engine}"
    layout = layouts.get("demand_letter").source
    assert row.template_hash == hashlib.sha256(layout.read_bytes()).hexdigest()
    assert row.input_hash == hashlib.sha256(canonical_json(row.input_data).encode()).hexdigest()
    assert row.requested_by == "key:abc"
    assert row.batch_id == "b1"
    assert [(o.format, o.sha256, o.size) for o in row.outputs] == [
        ("pdf", hashlib.sha256(rendered.content).hexdigest(), len(rendered.content))
    ]
    assert re.fullmatch(r"[0-9A-Z]{20}", rendered.document_id)
    # 13 characters of Crockford base32 (65 random bits), no I, L, O or U, grouped 4-4-5
    code = r"[0-9A-HJKMNP-TV-Z]"
    assert re.fullmatch(rf"{code}{{4}}-{code}{{4}}-{code}{{5}}", rendered.verification_code)

    pages = pdf_pages_text(rendered.content)
    stamp = f"文书编号{rendered.document_id}校验码{rendered.verification_code}"
    assert all(stamp in re.sub(r"\s+", "", page) for page in pages), pages[0][-200:]
    info = PdfReader(io.BytesIO(rendered.content)).metadata
    assert info["/DocgenDocumentId"] == rendered.document_id
    assert info["/DocgenVerificationCode"] == rendered.verification_code


def test_the_stamp_leaves_the_page_numbers_on_one_line(docgen):
    case = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
    pages = pdf_pages_text(docgen.render_each("lawyer_letter", case, "pdf")[0].content)
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert re.search(rf"第 *{number} *页 *共 *{len(pages)} *页", page), page[-80:]


def test_a_rendered_docx_carries_its_id_and_code_in_the_core_properties(docgen):
    rendered = docgen.render("demand_letter", PERSON, "docx")
    properties = Document(io.BytesIO(rendered.content)).core_properties
    assert properties.identifier == rendered.document_id
    assert rendered.verification_code in properties.keywords
    assert properties.title  # the template's own (rendered) title is kept
    row = docgen.register.get(rendered.document_id, None)
    assert row.requested_by == "cli"
    assert row.template_id == "layouts/demand_letter.py@docx"
    assert row.outputs[0].sha256 == hashlib.sha256(rendered.content).hexdigest()


def test_verify_finds_a_document_by_its_bytes_hash_or_printed_code(docgen):
    rendered = docgen.render("demand_letter", PERSON, "pdf")
    register = docgen.register
    by_bytes = register.verify(content=rendered.content)
    by_hash = register.verify(sha256=hashlib.sha256(rendered.content).hexdigest().upper())
    typed = rendered.verification_code.lower().replace("0", "o").replace("-", " ")
    by_code = register.verify(code=typed)
    for answer in (by_bytes, by_hash, by_code):
        assert answer.issued
        assert answer.document_id == rendered.document_id
        assert answer.type_name == "demand_letter"
        assert answer.format == "pdf"
    assert by_bytes.matched_by == "sha256" and by_code.matched_by == "code"

    altered = rendered.content + b"%"  # a single byte added: no longer the issued file
    assert not register.verify(content=altered).issued
    assert not register.verify(code="ZZZZ-ZZZZ").issued


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_re_rendering_from_the_stored_input_gives_the_same_text(docgen, fmt):
    first = docgen.render("demand_letter", PERSON, fmt)
    # the stored input is the case, and whom this copy went to (taken off to use it)
    recorded = docgen.register.get(first.document_id, None).input_data
    assert recorded["_recipient"] == {"index": 0, "role": "debtor", "name": "张伟"}
    stored, index = case_of(recorded)
    assert index == 0
    registry.get("demand_letter").parse(stored)  # the stored input is a valid case
    again = docgen.render("demand_letter", stored, fmt)
    assert again.document_id != first.document_id

    def text(content: bytes) -> str:
        if fmt == "pdf":
            return normalize("".join(pdf_pages_text(content)))
        return normalize(docx_text(content))

    assert text(again.content) == text(first.content)
    assert "人民币112,242.38元" in text(again.content)


def test_rendering_with_the_register_off_records_and_stamps_nothing(settings, service, tmp_path):
    svc = DocumentService(
        settings.model_copy(update={"register_documents": False, "data_dir": tmp_path}),
        engines=service.engines,
    )
    rendered = svc.render("demand_letter", PERSON, "pdf")
    assert rendered.document_id is None
    assert "文书编号" not in "".join(pdf_pages_text(rendered.content))
    assert svc.register is None
    assert not (tmp_path / "docgen.db").exists()


def test_batch_rendering_records_every_document_with_its_batch(docgen):
    results = docgen.render_many("demand_letter", [PERSON, PERSON], "pdf", batch_id="run-1")
    ids = {r.document_id for r in results}
    assert len(ids) == 2 and None not in ids
    for rendered in results:
        row = docgen.register.get(rendered.document_id, None)
        assert (row.batch_id, row.requested_by) == ("run-1", "batch")
        assert row.outputs[0].sha256 == hashlib.sha256(rendered.content).hexdigest()
        assert docgen.register.verify(content=rendered.content).issued


def _registered(docgen: DocumentService, batch_id: str) -> list[str]:
    from sqlalchemy import select

    from docgen import db
    from docgen.register.models import RegisteredDocument

    with db.session_scope(docgen.register.engine) as session:
        return list(
            session.scalars(
                select(RegisteredDocument.id).where(RegisteredDocument.batch_id == batch_id)
            )
        )


def test_a_chunk_records_the_documents_it_delivers_and_nothing_of_a_failed_case(
    docgen, monkeypatch
):
    # one commit per chunk: a case that fails after some of its copies were made (here the
    # guarantor's copy) leaves no register entry behind for the copies never delivered
    from docgen.documents.problems import CaseInvalid, Problem
    from docgen.render.errors import TemplateRenderError

    guaranteed = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
    plain = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
    guarantor = guaranteed["guarantors"][0]["name"]

    def refuse(*_args, **_kwargs):
        raise TemplateRenderError("laid out together: refused")

    from docgen.pipeline import many

    real = many.render_pdf

    def one_by_one(settings, copy, target, context, stamp, **options):
        if context["recipient"]["name"] == guarantor:
            raise CaseInvalid([Problem(("guarantors", 0, "name"), "refused", "不予生成")])
        return real(settings, copy, target, context, stamp, **options)

    monkeypatch.setattr(docgen.layout_printer(docgen.settings.pdf_engine), "render_many", refuse)
    monkeypatch.setattr(many, "render_pdf", one_by_one)

    results = docgen.render_copies_many(
        "lawyer_letter", [plain, guaranteed], "pdf", batch_id="run-partial"
    )

    assert isinstance(results[1], CaseInvalid)
    (delivered,) = results[0]
    assert _registered(docgen, "run-partial") == [delivered.document_id]


def test_chunk_rendered_pdfs_carry_their_own_id_and_code_on_every_page(docgen):
    two_pages = load_fixture("demand_letter", "valid", "computed_interest")
    results = docgen.render_many("demand_letter", [PERSON, two_pages, PERSON], "pdf", chunk_size=3)
    stamps = [f"文书编号{r.document_id}校验码{r.verification_code}" for r in results]
    assert len(set(stamps)) == 3
    for rendered, stamp in zip(results, stamps, strict=True):
        pages = [re.sub(r"\s+", "", page) for page in pdf_pages_text(rendered.content)]
        assert all(stamp in page for page in pages), pages[-1][-120:]
        assert not any(other in "".join(pages) for other in stamps if other != stamp)
        info = PdfReader(io.BytesIO(rendered.content)).metadata
        assert info["/DocgenDocumentId"] == rendered.document_id
        assert docgen.register.verify(code=rendered.verification_code).issued
