"""A letter's amounts table never prints its total (合计) alone at the top of a page.

The guarantor's copy of two lawyer letters broke the table just before 合计: the total
headed page 2 under the repeated header, apart from every amount it sums (Typst for one
fixture, WeasyPrint for the other). The letters' amounts table now keeps its last amount
with the total (``amounts_table(keep_total=True)``); in a DOCX that row keeps with the
next (``keepNext``) and no row splits (``cantSplit``).
"""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from docgen.documents import registry
from docgen.layouts.common import AMOUNT_COLUMNS, amounts_table
from tests.render_cache import by_case
from tests.support import fixture_cases, normalize, pdf_pages_text

ENGINES = ("typst", "weasyprint")
BROKE = {
    ("lawyer_letter", "minor_debtor_with_guarantor"),
    # was minor_debtor_without_guardian_with_general_guarantor (WeasyPrint), refused since
    # (a minor without a guardian); the same letter to the debtor of full age now
    ("lawyer_letter", "debtor_minor_when_contracting_with_general_guarantor"),
}
CASES = [case for case in fixture_cases("valid") if (case.type_name, case.name) in BROKE]
HEADER = normalize("".join(column.header for column in AMOUNT_COLUMNS))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_the_fixtures_that_broke_are_there():
    assert {(case.type_name, case.name) for case in CASES} == BROKE


def _rows_above_total(pages: list[str]) -> tuple[int, str]:
    """The page (1-based) printing the amounts table's 合计, and what it prints between
    the table's header (repeated on a page it runs onto) and 合计."""
    for number, page in enumerate(pages, start=1):
        body = normalize(page)
        total = body.find("合计人民币")
        if total != -1:
            header = body.rfind(HEADER, 0, total)
            assert header != -1, f"page {number}: 合计 without the table's header"
            return number, body[header + len(HEADER) : total]
    raise AssertionError("合计 not printed")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", by_case(CASES))
def test_the_page_holding_the_total_holds_an_amount_above_it(case, engine, case_pdfs, service):
    pdfs = case_pdfs.pdfs(case, engine)
    assert len(pdfs) == 2  # the debtor's copy and the guarantor's
    amounts = [row[3] for row in _amount_rows(case, service)]
    for copy, pdf in enumerate(pdfs, start=1):
        number, above = _rows_above_total(pdf_pages_text(pdf.content))
        printed = [amount for amount in amounts if amount in above]
        assert printed, f"{engine}, copy {copy}: 合计 heads page {number} alone"
        # the last amount, the one kept with the total, is always among them
        assert amounts[-1] in above, (engine, copy, number, above)


def _amount_rows(case, service) -> list[tuple[str, ...]]:
    """The amounts table's rows as the letter prints them (number, item, date, amount,
    note)."""
    doc_type = registry.get(case.type_name)
    _assessment, copies = service.copies(doc_type, case.data, service.options())
    _copy, context = copies[0]
    return list(amounts_table(context["amounts"]).rows)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_docx_keeps_the_last_amount_with_the_total(case, service):
    for rendered in service.render_each(case.type_name, case.data, "docx"):
        with zipfile.ZipFile(io.BytesIO(rendered.content)) as archive:
            body = etree.fromstring(archive.read("word/document.xml"))
        tables = [t for t in body.iter(f"{W}tbl") if _cells(t, 0) and _cells(t, 0)[0] == "序号"]
        assert len(tables) == 1
        rows = tables[0].findall(f"{W}tr")
        assert _cells(tables[0], -1)[0] == "合计"
        # no row splits across pages; the last amount's cells keep with the total's row
        assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)
        last = rows[-2].findall(f"{W}tc/{W}p/{W}pPr")
        assert last and all(ppr.find(f"{W}keepNext") is not None for ppr in last)


def _cells(table, index: int) -> list[str]:
    rows = table.findall(f"{W}tr")
    if not rows:
        return []
    cells = rows[index].findall(f"{W}tc")
    return ["".join(t.text or "" for t in cell.iter(f"{W}t")) for cell in cells]
