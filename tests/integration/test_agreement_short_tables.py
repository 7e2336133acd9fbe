"""An agreement's table of at most ``SHORT_TABLE`` rows is printed whole on one page
(``layouts.common.whole_if_short``), by both engines: its header, every row and its total
on the page where it begins, and on no other; a debtor disputes a total whose
components he read on another page."""

from __future__ import annotations

import pytest

from docgen.config import Settings
from docgen.docmodel.blocks import PageBreak, Table, walk
from docgen.documents import registry
from docgen.layouts.common import SHORT_TABLE
from docgen.services import DocumentService
from tests.render_cache import by_case
from tests.support import (
    PAGE_FOOTER,
    REGISTER_STAMP,
    case_layout,
    fixture_cases,
    normalize,
    pdf_pages_text,
)

AGREEMENTS = ("debt_confirmation", "installment_agreement", "settlement_agreement")
CASES = [c for c in fixture_cases("valid") if c.type_name in AGREEMENTS]


def _short_tables(case, tmp_path) -> list[Table]:
    """The short tables of the agreement's text (not its calculation annex, after the
    page break: the letters' shared sheets)."""
    service = DocumentService(Settings(data_dir=tmp_path, register_documents=False))
    doc_type = registry.get(case.type_name)
    _assessment, copies = service.copies(doc_type, case.data, service.options())
    (document,) = [case_layout(case).build(context) for _copy, context in copies]
    tables = []
    for block in walk(document.blocks):
        if isinstance(block, PageBreak):
            break
        if isinstance(block, Table) and len(block.rows) <= SHORT_TABLE:
            tables.append(block)
    return tables


@pytest.mark.parametrize("engine", ("typst", "weasyprint"))
@pytest.mark.parametrize("case", by_case(CASES))
def test_a_short_table_is_printed_whole_on_one_page(case, engine, case_pdfs, tmp_path):
    tables = _short_tables(case, tmp_path)
    (pdf,) = case_pdfs.pdfs(case, engine)
    pages = [
        normalize(PAGE_FOOTER.sub("", REGISTER_STAMP.sub("", page)))
        for page in pdf_pages_text(pdf.content)
    ]
    for table in tables:
        header = normalize("".join(column.header for column in table.columns))
        holding = [number for number, page in enumerate(pages, 1) if header in page]
        assert len(holding) == 1, f"{engine}: {header} on pages {holding}"
        page = pages[holding[0] - 1]
        cells = [normalize(cell) for row in table.rows for cell in row if cell]
        assert all(cell in page for cell in cells), f"{engine}: a row of {header} left"
        if table.total:
            assert normalize("".join(table.total)) in page, f"{engine}: {header}'s total"
