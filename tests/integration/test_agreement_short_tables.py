"""An agreement's table of at most ``SHORT_TABLE`` rows is printed whole on one page
(``layouts.common.whole_if_short``), by both engines: its header, every row and its total
on the page where it begins, and on no other; a debtor disputes a total whose
components he read on another page. The confirmed amounts (欠款明细) are the exception
(``layouts.common.confirmed_amounts``): they run on from the page of their lead-in, under
the repeated header, their last two amounts with the total, so that no half page before
them is left blank in a signed text."""

from __future__ import annotations

import pytest

from docgen.config import Settings
from docgen.docmodel.blocks import PageBreak, Table, walk
from docgen.documents import registry
from docgen.layouts.common import AMOUNT_COLUMNS, SHORT_TABLE
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
        confirmed = isinstance(block, Table) and block.columns == AMOUNT_COLUMNS
        if isinstance(block, Table) and len(block.rows) <= SHORT_TABLE and not confirmed:
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


RUN_ON = [
    c
    for c in CASES
    if c.name
    in (
        "adult_debtor_of_limited_capacity_with_the_courts_judgment",  # debt_confirmation
        "monthly_with_guarantor",  # installment_agreement
    )
]
"""Cases whose four confirmed amounts (each with its 说明) do not fit whole under the
parties and recital of the first page."""


@pytest.mark.parametrize("engine", ("typst", "weasyprint"))
@pytest.mark.parametrize("case", by_case(RUN_ON))
def test_confirmed_amounts_run_on_from_the_first_page_with_the_total_kept(case, engine, case_pdfs):
    (pdf,) = case_pdfs.pdfs(case, engine)
    pages = [normalize(page) for page in pdf_pages_text(pdf.content)]
    header = normalize("序号项目计算截至日金额（元）说明")
    assert header in pages[0] and header in pages[1], f"{engine}: the header on pages 1 and 2"
    first = pages[0]
    assert "明细如下" in first and "借期内利息" in first, f"{engine}: lead-in and rows, page 1"
    total = normalize("人民币112,302.88元（大写：壹拾壹万贰仟叁佰零贰元捌角捌分）")
    assert total not in pages[0], f"{engine}: the total on page 1"
    # the total on page 2 with the last two amounts it sums
    assert total in pages[1] and "4,832.88" in pages[1] and "1,470.00" in pages[1]
