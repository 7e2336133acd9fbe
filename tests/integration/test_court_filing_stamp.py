"""Court filings carry no register stamp on their pages: a court reads the pleading, not
docgen's stamp. Their id and code are in the PDF's document information and in the
register, and a reissue prints them as they were printed. Letters keep the stamp."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from docgen.config import Settings
from docgen.documents import registry
from docgen.register import Issue, Stamp
from docgen.services import DocumentService
from tests.render_cache import by_case
from tests.support import fixture_cases, pdf_pages_text

COURT_FILINGS = {t.name for t in registry.all_types() if t.court_filing}
FILINGS = [case for case in fixture_cases("valid") if case.type_name in COURT_FILINGS]


@pytest.fixture(scope="module")
def docgen(tmp_path_factory: pytest.TempPathFactory) -> DocumentService:
    return DocumentService(Settings(data_dir=tmp_path_factory.mktemp("court")))


def test_the_types_filed_with_a_court_say_so():
    assert {"civil_complaint", "preservation_application", "evidence_list"} <= COURT_FILINGS
    assert not COURT_FILINGS & {"demand_letter", "lawyer_letter", "debt_confirmation"}


def test_every_court_filing_type_has_a_fixture():
    assert {case.type_name for case in FILINGS} == set(COURT_FILINGS)


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
@pytest.mark.parametrize("case", by_case(FILINGS))
def test_a_court_filing_has_its_id_in_the_metadata_and_none_on_its_pages(case, engine, case_pdfs):
    # the filing as a fresh registered service printed it (the layouts' suite reads it too)
    docgen, printed = case_pdfs.printed(case, engine)
    for rendered in printed:
        flat = re.sub(r"\s+", "", "".join(pdf_pages_text(rendered.content)))
        assert "文书编号" not in flat and "校验码" not in flat
        assert rendered.document_id not in flat
        info = PdfReader(io.BytesIO(rendered.content)).metadata
        assert info["/DocgenDocumentId"] == rendered.document_id
        assert info["/DocgenVerificationCode"] == rendered.verification_code
        row = docgen.register.get(rendered.document_id, None)
        assert row.template_id.endswith("#unstamped")
        again = docgen.reissue_pdf(rendered.document_id)
        assert again.identical


def test_a_batch_of_court_filings_prints_no_stamp_either(docgen):
    case = next(c for c in FILINGS if c.type_name == "evidence_list")
    (result,) = docgen.render_many("evidence_list", [case.data], "pdf")
    flat = re.sub(r"\s+", "", "".join(pdf_pages_text(result.content)))
    assert result.document_id and result.document_id not in flat
    assert docgen.register.get(result.document_id, None).template_id.endswith("#unstamped")


def test_a_filing_printed_with_the_stamp_before_is_reissued_with_it(docgen):
    # registered before filings lost the stamp: its id has no mark, and the reissue
    # prints the stamp again so that it comes out as it was issued
    name = "civil_complaint"
    doc_type = registry.get(name)
    case = next(c for c in FILINGS if c.type_name == name)
    _assessment, copies = docgen.copies(doc_type, case.data, docgen.options())
    copy, context = copies[0]
    stamp = Stamp.new()
    printer = docgen.layout_printer("typst")
    template = docgen.layout_name(doc_type, copy)  # the case's layout
    pdf = printer.render(template, context, footer=stamp.footer_text(), metadata=stamp.properties())
    source = docgen.source(printer, template)  # stamped: no "#unstamped" mark
    docgen.register.record(
        Issue(
            stamp,
            name,
            source.id,
            source.hash,
            copy.model_dump(mode="json"),
            "pdf",
            pdf,
            "cli",
            None,
            source.layout_hash,
            docgen.tenant_id,
        )
    )
    again = docgen.reissue_pdf(stamp.document_id)
    assert again.identical
    assert f"文书编号{stamp.document_id}" in re.sub(r"\s+", "", pdf_pages_text(again.pdf)[0])


def test_letters_keep_the_stamp_on_every_page(docgen):
    case = next(c for c in fixture_cases("valid") if c.type_name == "lawyer_letter")
    rendered = docgen.render_each("lawyer_letter", case.data, "pdf")[0]
    for page in pdf_pages_text(rendered.content):
        assert f"文书编号{rendered.document_id}" in re.sub(r"\s+", "", page)
