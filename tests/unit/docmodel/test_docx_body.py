"""Word's markup of a run of text: escaped, spacing kept, tabs and breaks as elements."""

from __future__ import annotations

import pytest

from docgen.docmodel.blocks import Run, bold, text
from docgen.docmodel.docx_body import plain_runs, runs


@pytest.mark.parametrize(
    ("value", "markup"),
    [
        ("催款函", "<w:r><w:rPr/><w:t>催款函</w:t></w:r>"),
        ("A&B <C>", "<w:r><w:rPr/><w:t>A&amp;B &lt;C&gt;</w:t></w:r>"),
        (" 前后 ", '<w:r><w:rPr/><w:t xml:space="preserve"> 前后 </w:t></w:r>'),
        ("　签字", '<w:r><w:rPr/><w:t xml:space="preserve">　签字</w:t></w:r>'),
        ("甲\t乙\n丙", "<w:r><w:rPr/><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>"),
        ("", ""),
    ],
)
def test_a_plain_string_is_one_run_as_its_text_would_be(value, markup):
    assert plain_runs(value) == markup
    assert runs(text(value)) == markup


def test_bold_runs_carry_their_emphasis_and_empty_parts_are_dropped():
    value = text("应付", bold("100元"), "", Run(""))
    assert runs(value) == (
        "<w:r><w:rPr/><w:t>应付</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>100元</w:t></w:r>"
    )
