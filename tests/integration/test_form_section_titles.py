"""A form's section title never ends a page: it is printed with the section's first row.

The element complaints are the courts' forms: a grey title row (当事人信息, 诉讼请求 …)
left at the foot of a page, its questions on the next, is what a clerk reads as a form
printed wrongly. Every valid case printed as a form, on both PDF engines, page by page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.config import Settings
from docgen.docmodel.blocks import FormTable, walk
from docgen.documents import registry
from docgen.services import DocumentService
from tests.support import (
    PAGE_FOOTER,
    REGISTER_STAMP,
    case_layout,
    fixture_cases,
    normalize,
    pdf_pages_text,
)


def _form_titles(case, path: Path) -> list[str]:
    service = DocumentService(Settings(data_dir=path, register_documents=False))
    _assessment, copies = service.copies(registry.get(case.type_name), case.data, service.options())
    document = case_layout(case).build(copies[0][1])
    return [
        normalize(section.title)
        for block in walk(document.blocks)
        if isinstance(block, FormTable)
        for section in block.sections
        if section.rows
    ]


# the element complaints are the forms among the built-in layouts
FORM_CASES = [
    case
    for case in fixture_cases("valid")
    if (layout := case_layout(case)) and ":elements" in layout.name
]


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
@pytest.mark.parametrize("case", FORM_CASES, ids=str)
def test_no_page_ends_with_a_form_sections_title(case, engine, tmp_path):
    titles = _form_titles(case, tmp_path / "titles")
    assert titles, "an element complaint prints as a form"
    service = DocumentService(Settings(data_dir=tmp_path / "pdf", register_documents=False))
    pdf = service.render_each(case.type_name, case.data, "pdf", engine=engine)[0].content
    pages = pdf_pages_text(pdf)
    for number, page in enumerate(pages[:-1], start=1):
        body = normalize(PAGE_FOOTER.sub("", REGISTER_STAMP.sub("", page)))
        ending = [title for title in titles if body.endswith(title)]
        assert not ending, f"{engine}: page {number} ends with the title {ending[0]}"
