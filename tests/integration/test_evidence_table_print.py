"""The evidence list's table as printed by both PDF engines, read line by line from the
PDF (``pdftotext -bbox``: a cell's line is one word): in 小五 with columns that hold
their entries, a case number in an evidence's name printed on one line, no cell's line a
single character, a long purpose on fewer lines than at 11 pt."""

from __future__ import annotations

import re
import shutil

import pytest

from docgen.docmodel.cells import holds, pieces
from docgen.layouts.evidence_list import COLUMNS, TABLE_SIZE
from tests.integration.test_layouts import ENGINES, VALID, first_pdf
from tests.render_cache import case_group
from tests.support import FOOTER_PT, pdf_word_boxes

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
LISTS = sorted(name for type_name, name in VALID if type_name == "evidence_list")
CJK = re.compile("[\u4e00-\u9fff]")


def _table_lines(name: str, engine: str, case_pdfs) -> list[str]:
    """The lines printed in the table's cells, headers included, page by page."""
    pdf = first_pdf(case_pdfs, "evidence_list", name, engine)
    words = [
        w.text
        for page in pdf_word_boxes(pdf)
        for w in page.words
        if w.y_max < page.height - FOOTER_PT  # not the page number at the foot
    ]
    start = words.index("序号")
    end = next(k for k, w in enumerate(words) if w.startswith("以上证据共"))
    return words[start:end]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=case_group(VALID["evidence_list", n])) for n in LISTS]
)
def test_no_line_of_an_evidence_cell_is_one_character_alone(name, engine, case_pdfs):
    lines = _table_lines(name, engine, case_pdfs)
    assert "证据名称" in lines
    assert [line for line in lines if len(line) == 1 and CJK.match(line)] == []


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("name", "printed"),
    [
        ("applicant_execution", "（2026）粤0304民初567号"),
        ("applicant_execution", "申请执行人"),  # the role whole, 「持有」 after it
        ("long_list", "微信聊天记录截图"),
        ("long_list", "通话录音文字整理稿"),
        ("long_list", "原告手机留存"),
        # two papers' names parted at their join (was 「EMS邮寄凭证及妥投查询」 / 「记录」)
        ("long_list", "EMS邮寄凭证及"),
        ("long_list", "妥投查询记录"),
    ],
)
def test_an_evidence_entry_is_printed_on_one_line(name, printed, engine, case_pdfs):
    if name not in LISTS:
        pytest.skip(f"no fixture {name}")
    assert printed in _table_lines(name, engine, case_pdfs)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_long_purpose_takes_at_most_seven_lines(engine, case_pdfs):
    """long_list's purposes of 89 characters: 13 a line in 小五 (9 at 11 pt)."""
    lines = _table_lines("long_list", engine, case_pdfs)
    purpose = [line for line in lines if line.startswith("证明原告与被告之间")]
    assert purpose
    first = lines.index(purpose[0])
    ending = next(k for k in range(first, len(lines)) if lines[k].endswith("实现债权的费用"))
    assert ending - first + 1 <= 7


def test_a_case_number_is_parted_only_where_its_column_cannot_hold_it():
    """In a narrow column the case number breaks only between the court's code and the
    case's type (each part kept whole where it fits); no kept piece is wider than its
    column, which would run over the cell's border."""
    name = "（2026）粤0304民初567号民事判决书"
    wide = pieces(name, COLUMNS[1].width, TABLE_SIZE)
    assert ("（2026）粤0304民初567号", True) in wide
    narrow = pieces(name, 18, TABLE_SIZE)
    assert ("（2026）粤0304", True) in narrow
    assert ("民初567号", True) in narrow
    for width in range(2, 40):
        for text, kept in pieces(name, width, TABLE_SIZE):
            assert not kept or holds(text, width, TABLE_SIZE), (width, text)
