"""An agreement's plan of at most ``SHORT_TABLE`` rows runs on from the page of its lead-in
(``layouts.common.plan_run_on``), by both engines: its header repeated on every page it is
on, every row whole on one page, its last rows with its total. Until 2026-12 a short plan
was kept whole and went over with its lead-in when it did not fit, leaving up to a third
of the page before it blank (``installment_agreement/valid/rows_on_working_days``). The
confirmed amounts (欠款明细) run on the same way (``layouts.common.confirmed_amounts``),
their last two amounts with the total."""

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
def test_a_short_plan_runs_on_with_its_rows_whole_and_its_total_kept(
    case, engine, case_pdfs, tmp_path
):
    tables = _short_tables(case, tmp_path)
    (pdf,) = case_pdfs.pdfs(case, engine)
    pages = [
        normalize(PAGE_FOOTER.sub("", REGISTER_STAMP.sub("", page)))
        for page in pdf_pages_text(pdf.content)
    ]
    for table in tables:
        header = normalize("".join(column.header for column in table.columns))
        holding = [number for number, page in enumerate(pages) if header in page]
        assert holding, f"{engine}: {header} on no page"
        assert holding == list(range(holding[0], holding[-1] + 1)), f"{engine}: {holding}"
        held = "".join(pages[k] for k in holding)
        # each row whole on one page of the table's, under its header
        for row in table.rows:
            cells = [normalize(cell) for cell in row if cell]
            on = [k for k in holding if all(cell in pages[k] for cell in cells)]
            assert on, f"{engine}: a row of {header} split or left: {row}"
        assert all(normalize(c) in held for row in table.rows for c in row if c)
        if table.total:
            last = pages[holding[-1]]
            assert normalize("".join(table.total)) in last, f"{engine}: {header}'s total"
            kept = table.rows[-table.keep_with_total :] if table.keep_with_total else ()
            for row in kept:  # the last rows on the page of the total
                assert all(normalize(c) in last for c in row if c), f"{engine}: {row}"


def test_a_plan_no_longer_moves_whole_to_leave_the_page_before_blank(case_pdfs):
    # rows_on_working_days: before, the plan with its lead-in went whole to page 2 and
    # left a third of page 1 blank; now its first rows are on page 1 under the heading
    (case,) = [c for c in CASES if c.name == "rows_on_working_days"]
    for engine in ("typst", "weasyprint"):
        (pdf,) = case_pdfs.pdfs(case, engine)
        first = normalize(pdf_pages_text(pdf.content)[0])
        assert "第二条分期还款计划" in first.replace(" ", ""), engine
        assert "2026年10月15日" in first, engine


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
