"""The civil complaint's layouts (docgen/layouts/civil_complaint.py): each case prints
from the layout it asks for (narrative or element-based), in Word and with both PDF
engines, and the register names that layout. tests/integration/test_layouts.py holds
the DOCX and PDFs of every fixture to the layout's paragraphs and its pages to the
page rules; tests/integration/test_court_filing_stamp.py keeps the stamp off its pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.config import Settings
from docgen.docmodel.blocks import Document, FormTable, paragraphs, walk
from docgen.documents import registry
from docgen.layouts import civil_complaint
from docgen.render.layout_print import LayoutPrinter
from docgen.services import DocumentService
from tests.support import fixture_cases, normalize, pdf_pages_text, printed_once

CASES = [case for case in fixture_cases("valid") if case.type_name == "civil_complaint"]
BUILDERS = {
    "narrative": civil_complaint.build_narrative,
    "elements": civil_complaint.build_elements,
    "elements_bank_loan": civil_complaint.build_elements,
    "elements_sale": civil_complaint.build_elements,
    "elements_credit_card": civil_complaint.build_elements,
}


def fresh(path: Path) -> DocumentService:
    return DocumentService(Settings(data_dir=path, register_documents=False))


def built(service: DocumentService, case) -> tuple[str, Document]:
    doc_type = registry.get("civil_complaint")
    _assessment, copies = service.copies(doc_type, case.data, service.options())
    ((copy, context),) = copies
    variant = doc_type.variant(copy)
    return variant, BUILDERS[variant](context)


def test_every_layout_has_a_valid_fixture():
    service = fresh(Path("/nonexistent-unused"))
    assert {built(service, case)[0] for case in CASES} == set(BUILDERS)
    assert set(registry.get("civil_complaint").variants) == set(BUILDERS)


def test_the_element_form_keeps_its_sections_and_boxes(tmp_path):
    case = next(c for c in CASES if c.name == "elements_company_lender")
    _variant, document = built(fresh(tmp_path), case)
    (form,) = [block for block in walk(document.blocks) if isinstance(block, FormTable)]
    titles = [section.title for section in form.sections]
    assert titles[0] == "当事人信息" and titles[-1] == "对纠纷解决方式的意愿"
    answers = [answer for section in form.sections for _question, answer in section.rows]
    assert any("■" in answer and "□" in answer for answer in answers)


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_a_case_prints_from_the_layout_of_its_variant(engine, tmp_path):
    service = DocumentService(Settings(data_dir=tmp_path))  # the register on
    doc_type = registry.get("civil_complaint")
    by_variant = {}
    for case in CASES:
        parsed = doc_type.parse(case.data)
        by_variant.setdefault(doc_type.variant(parsed), (case, parsed))
    for variant, (case, parsed) in by_variant.items():
        name = f"civil_complaint:{variant}"
        assert service.layout_name(doc_type, parsed) == name
        printer, template = service.pdf_template(doc_type, parsed, engine)
        assert isinstance(printer, LayoutPrinter) and template == name

        _variant, document = built(service, case)
        pdf = service.render("civil_complaint", case.data, "pdf", engine=engine)
        printed = printed_once(pdf_pages_text(pdf.content), document)
        assert printed == normalize("".join(paragraphs(document)))
        row = service.register.get(pdf.document_id, None)
        assert row.template_id == f"layouts/{name}.py@{engine}#unstamped"  # a court filing
        word = service.render("civil_complaint", case.data, "docx")
        assert service.register.get(word.document_id, None).template_id == (
            f"layouts/{name}.py@docx"
        )
