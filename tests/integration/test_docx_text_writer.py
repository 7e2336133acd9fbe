"""The Word body written as text (``docgen.docmodel.docx_body``) is the one python-docx
wrote before, element for element: for every valid fixture of every type, each copy's
word/document.xml is the same text from both writers (the former writer is kept in
``tests/docx_reference.py``). A complaint's layouts are not yet in use, so both of its
variants are built here by hand, the element form's two-column table among them."""

from __future__ import annotations

import io
import zipfile

import pytest

from docgen import layouts
from docgen.config import Settings
from docgen.docmodel import docx_writer
from docgen.docmodel.blocks import Document, FormTable, walk
from docgen.documents import registry
from docgen.services import DocumentService
from tests import docx_reference
from tests.support import fixture_cases

CASES = fixture_cases("valid")


@pytest.fixture(scope="module")
def service(tmp_path_factory) -> DocumentService:
    return DocumentService(
        Settings(data_dir=tmp_path_factory.mktemp("docx"), register_documents=False)
    )


def documents(service: DocumentService, case) -> list[Document]:
    """Each copy of the case as its layout builds it."""
    doc_type = registry.get(case.type_name)
    _assessment, copies = service.copies(doc_type, case.data, service.options())
    built = []
    for copy, context in copies:
        layout = layouts.get(layouts.name_for(case.type_name, doc_type.variant(copy)))
        assert layout is not None, case
        built.append(layout.build(context))
    return built


def document_xml(content: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None
        return archive.read("word/document.xml")


def test_every_type_has_valid_fixtures_and_the_form_table_is_among_them(service):
    assert {case.type_name for case in CASES} >= {n.split(":")[0] for n in layouts.LAYOUTS}
    built = [d for case in CASES for d in documents(service, case)]
    assert any(isinstance(b, FormTable) for d in built for b in walk(d.blocks))


@pytest.mark.parametrize("case", CASES, ids=str)
def test_document_xml_is_the_python_docx_writers(service, case):
    font = service.settings.pdf_font_families[0]
    for document in documents(service, case):
        fast = document_xml(docx_writer.write(document, font))
        slow = docx_reference.document_xml(document, font)
        assert fast.decode("utf-8") == slow.decode("utf-8")
