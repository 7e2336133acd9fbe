"""The two-column form block (``FormTable``, as the element-based court forms are laid
out) in all three writers: the same words in DOCX and both PDFs, □/■ choices printed,
each section's title a row across both columns, no row split across pages."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document as WordDocument

from docgen import layouts
from docgen.docmodel import html_writer, typst_writer
from docgen.docmodel.blocks import (
    Document,
    FormSection,
    FormTable,
    Keep,
    Paragraph,
    SignatureLines,
    Title,
    paragraphs,
    text,
)
from docgen.render import layout_print
from docgen.render.layout_print import LayoutPrinter
from tests.support import docx_paragraphs, normalize, pdf_pages_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _form(sections: int = 2) -> Document:
    form = FormTable(
        tuple(
            FormSection(
                f"第{k}部分",
                (
                    (f"问题{k}甲", f"■是 □否（第{k}项）"),
                    (f"问题{k}乙", f"回答{k}：" + "借款本金及利息" * 12),
                ),
            )
            for k in range(1, sections + 1)
        )
    )
    closing = Keep((Paragraph(text("此致")), SignatureLines(("具状人：某某公司",))))
    return Document("起诉状", "", (Title("起诉状"), form, closing))


@pytest.fixture
def form_layout(monkeypatch):
    def install(document: Document) -> str:
        layout = layouts.Layout("form", lambda c: document, Path())
        monkeypatch.setitem(layouts.LAYOUTS, "form", layout)
        return "form"

    return install


def test_the_form_reads_section_title_then_question_and_answer():
    words = paragraphs(_form(1))
    assert words[:6] == ["起诉状", "第1部分", "问题1甲", "■是 □否（第1项）", "问题1乙", words[5]]
    assert words[5].startswith("回答1：")


def test_word_prints_the_title_across_both_columns_shaded_and_rows_unsplit(form_layout):
    document = _form()
    content = layout_print.render_docx(form_layout(document), {}, "Noto Serif CJK SC")
    assert docx_paragraphs(content) == paragraphs(document)
    table = WordDocument(io.BytesIO(content)).tables[0]
    rows = table._tbl.findall(f"{W}tr")
    assert len(rows) == 6  # per section: its title and two questions
    title = rows[0].findall(f"{W}tc")
    assert len(title) == 1
    assert title[0].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "2"
    assert title[0].find(f"{W}tcPr/{W}shd") is not None
    assert title[0].find(f".//{W}b") is not None  # the title in bold
    assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)
    assert [len(row.findall(f"{W}tc")) for row in rows[1:3]] == [2, 2]
    # questions and answers read from the top of their row, as in the PDF
    aligns = {tc.find(f"{W}tcPr/{W}vAlign").get(f"{W}val") for tc in rows[2].findall(f"{W}tc")}
    assert aligns == {"top"}


def test_html_sets_each_section_title_across_both_columns():
    markup = html_writer.html(_form(1))
    assert '<th colspan="2">第1部分</th>' in markup
    # each box kept with the word of its option (blocks.KEPT_TOGETHER)
    kept = '<span class="kept">■是</span> <span class="kept">□否</span>'
    assert f"<tr><td>问题1甲</td><td>{kept}（第1项）</td></tr>" in markup


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_both_pdfs_print_the_form_and_split_no_row(engine, service, form_layout):
    document = _form(sections=14)  # runs onto a second page
    backend = service.typst if engine == "typst" else service.pdf
    pdf = LayoutPrinter(engine, backend).render(form_layout(document), {})
    pages = [normalize(page) for page in pdf_pages_text(pdf)]
    assert len(pages) >= 2
    assert "".join(pages) == normalize("".join(paragraphs(document)))
    # a row whole on one page: its question and the end of its answer together
    whole = [int(k) for page in pages for k in re.findall(r"问题(\d+)甲■是□否（第\1项）", page)]
    assert whole == list(range(1, 15))
    long_rows = [
        int(k)
        for page in pages
        for k in re.findall(r"问题(\d+)乙回答\1：(?:借款本金及利息){12}", page)
    ]
    assert long_rows == list(range(1, 15))


def test_typst_writes_case_strings_of_the_form_as_string_literals():
    hostile = FormTable((FormSection('#"] *x*', (("$q$", "]["),)),))
    source = typst_writer.block(hostile)
    assert typst_writer.string('#"] *x*') in source
    assert typst_writer.string("][") in source


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_no_page_ends_with_a_section_title(engine, service, form_layout):
    # a title at the foot of a page with its rows on the next reads as an empty section;
    # forms of 12 to 17 sections break after every kind of row
    backend = service.typst if engine == "typst" else service.pdf
    for sections in range(12, 18):
        pdf = LayoutPrinter(engine, backend).render(form_layout(_form(sections)), {})
        for page in pdf_pages_text(pdf)[:-1]:
            assert not re.search(r"第\d+部分$", normalize(page)), (sections, normalize(page)[-40:])
