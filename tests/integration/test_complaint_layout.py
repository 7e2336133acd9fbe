"""The civil complaint's layouts (docgen/layouts/civil_complaint.py), ahead of printing
from them: they say what the complaint's template files print today, paragraph for
paragraph, and a type with several layouts prints each case from its own layout's."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen import layouts
from docgen.config import Settings
from docgen.docmodel.blocks import Document, FormTable, paragraphs, walk
from docgen.documents import registry
from docgen.layouts import civil_complaint
from docgen.layouts.common import _UNVERIFIED_LPR
from docgen.render.layout_print import LayoutPrinter
from docgen.services import Docgen
from tests.support import docx_paragraphs, fixture_cases, normalize, pdf_pages_text, printed_once

CASES = [case for case in fixture_cases("valid") if case.type_name == "civil_complaint"]
BUILDERS = {
    "narrative": civil_complaint.build_narrative,
    "elements": civil_complaint.build_elements,
}


def fresh(path: Path) -> Docgen:
    return Docgen(Settings(data_dir=path, register_documents=False))


def built(service: Docgen, case) -> tuple[str, Document]:
    doc_type = registry.get("civil_complaint")
    _assessment, copies = service.copies(doc_type, case.data, service.options())
    ((copy, context),) = copies
    variant = doc_type.variant(copy)
    return variant, BUILDERS[variant](context)


def test_every_layout_has_a_valid_fixture():
    service = fresh(Path("/nonexistent-unused"))
    assert {built(service, case)[0] for case in CASES} == {"narrative", "elements"}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_layout_says_what_the_template_prints_today(case, tmp_path):
    service = fresh(tmp_path)
    variant, document = built(service, case)
    word = service.render("civil_complaint", case.data, "docx")
    # the template breaks the page before the calculation annex with an empty paragraph,
    # and prints the LPR table's "verified up to" remark that the shared annex leaves out
    today = [_UNVERIFIED_LPR.sub("", p) for p in docx_paragraphs(word.content) if p]
    assert today == paragraphs(document), variant


def test_the_element_form_keeps_its_sections_and_boxes(tmp_path):
    case = next(c for c in CASES if c.name == "elements_company_lender")
    _variant, document = built(fresh(tmp_path), case)
    (form,) = [block for block in walk(document.blocks) if isinstance(block, FormTable)]
    titles = [section.title for section in form.sections]
    assert titles[0] == "当事人信息" and titles[-1] == "调解意愿"
    answers = [answer for section in form.sections for _question, answer in section.rows]
    assert any("■" in answer and "□" in answer for answer in answers)


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_a_case_prints_from_the_layout_of_its_variant(engine, tmp_path, monkeypatch):
    # only the element-based form has a layout here: the narrative one keeps its files
    name = "civil_complaint:elements"
    layout = layouts.Layout(name, civil_complaint.build_elements, Path(civil_complaint.__file__))
    monkeypatch.setitem(layouts.LAYOUTS, name, layout)
    service = fresh(tmp_path)
    doc_type = registry.get("civil_complaint")
    by_variant = {}
    for case in CASES:
        parsed = doc_type.parse(case.data)
        by_variant.setdefault(doc_type.variant(parsed), (case, parsed))
    assert service.layout_name(doc_type, by_variant["elements"][1]) == name
    assert service.layout_name(doc_type, by_variant["narrative"][1]) is None
    printer, template = service.pdf_template(doc_type, by_variant["elements"][1], engine)
    assert isinstance(printer, LayoutPrinter) and template == name

    case = by_variant["elements"][0]
    _variant, document = built(service, case)
    pdf = service.render("civil_complaint", case.data, "pdf", engine=engine)
    printed = printed_once(pdf_pages_text(pdf.content), document)
    assert printed == normalize("".join(paragraphs(document)))
