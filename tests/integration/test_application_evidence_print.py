"""The evidence tables of the payment order and the preservation application as printed by
both PDF engines, read line by line from the PDF (``pdftotext -bbox``: a cell's line is
one word), as tests/integration/test_evidence_table_print.py reads the evidence list's:
no cell's line a single character, a short entry on one line."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.integration.test_layouts import ENGINES, VALID, first_pdf
from tests.render_cache import case_group
from tests.support import FOOTER_PT, pdf_word_boxes

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
CJK = re.compile("[\u4e00-\u9fff]")
CASES = [
    ("payment_order", "person_principal_and_interest"),
    ("payment_order", "evidence_by_name_and_no_position"),
    ("preservation_application", "in_suit_with_exhibits"),
    ("preservation_application", "exhibits_without_source_or_purpose"),
]
_AFTER = {"payment_order": "申请费：", "preservation_application": "担保："}


def _table_lines(type_name: str, name: str, engine: str, case_pdfs) -> list[str]:
    """The lines printed in the evidence table's cells, headers included."""
    pdf = first_pdf(case_pdfs, type_name, name, engine)
    words = [
        w.text
        for page in pdf_word_boxes(pdf)
        for w in page.words
        if w.y_max < page.height - FOOTER_PT  # not the page number at the foot
    ]
    start = words.index("证据：")
    return words[start + 1 : words.index(_AFTER[type_name], start)]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("type_name", "name"),
    [pytest.param(t, n, marks=case_group(VALID[t, n])) for t, n in CASES],
)
def test_no_line_of_an_applications_evidence_cell_is_one_character_alone(
    type_name, name, engine, case_pdfs
):
    lines = _table_lines(type_name, name, engine, case_pdfs)
    assert "证据名称" in lines
    assert [line for line in lines if len(line) == 1 and CJK.match(line)] == []


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("type_name", "name", "printed"),
    [
        # at 11 pt: 「证明被申请人于2026年10月8日书」 / 「面确认欠款数额」
        ("preservation_application", "in_suit_with_exhibits", "欠款数额"),
        ("preservation_application", "in_suit_with_exhibits", "中国工商银行出具"),
        # at 11 pt on two lines: 「证明借款到期后申请人向被申请人」 / 「催收」
        ("payment_order", "person_principal_and_interest", "证明借款到期后申请人向被申请人催收"),
        ("payment_order", "person_principal_and_interest", "《借款合同》及借条"),
    ],
)
def test_an_applications_evidence_entry_is_printed_whole(
    type_name, name, printed, engine, case_pdfs
):
    assert printed in _table_lines(type_name, name, engine, case_pdfs)
