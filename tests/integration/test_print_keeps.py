"""What a page break or a line end may not part, as printed by the writers: a question
of a court form with each of its points, a table row (but one longer than a page), a
label and its value; and how a line is filled: a long letter number breaks at its
hyphens rather than leaving wide gaps, full-width punctuation stays full width."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from docx import Document as WordDocument

from docgen import layouts
from docgen.docmodel.blocks import (
    Column,
    Document,
    FormSection,
    FormTable,
    Paragraph,
    Table,
    Title,
    paragraphs,
    text,
)
from docgen.render import layout_print
from docgen.render.layout_print import LayoutPrinter
from tests.render_cache import case_group
from tests.support import fixture_cases, normalize, pdf_pages_text, pdf_word_boxes

ENGINES = ("typst", "weasyprint")
VALID = {(case.type_name, case.name): case for case in fixture_cases("valid")}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
POINTS = (
    "1. 立案后选择先行调解",
    "2. 先行调解成功",
    "3. 首次调解不成",
    "4. 调解依法保密",
    "5. 调解达成的协议",
)


@pytest.fixture
def install(monkeypatch):
    def install(document: Document) -> str:
        monkeypatch.setitem(
            layouts.LAYOUTS, "sample", layouts.Layout("sample", lambda c: document, Path())
        )
        return "sample"

    return install


def _print(service, engine: str, name: str) -> bytes:
    backend = service.typst if engine == "typst" else service.pdf
    return LayoutPrinter(engine, backend).render(name, {})


def _lines(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", "", line) for page in pdf_pages_text(pdf) for line in page.splitlines()]


@case_group(VALID["civil_complaint", "elements_credit_card_bare"])
@pytest.mark.parametrize("engine", ENGINES)
def test_a_form_question_prints_on_one_page_with_its_five_points(engine, case_pdfs):
    # 是否了解先行调解解决纠纷的好处 ran over a page: points 1-3 on page 3, 4 and 5 on page 4
    case = VALID["civil_complaint", "elements_credit_card_bare"]
    pdf = case_pdfs.pdfs(case, engine)[0].content
    pages = [normalize(page) for page in pdf_pages_text(pdf)]
    holding = [k for k, page in enumerate(pages) if "是否了解先行调解解决纠纷的好处" in page]
    assert len(holding) == 1
    page = pages[holding[0]]
    assert all(normalize(point) in page for point in POINTS), page


def test_word_prints_a_question_over_several_points_as_one_unsplit_row(install):
    form = FormTable((FormSection("意愿", (("是否了解", "1. 甲　□了解"), ("", "2. 乙　□了解"))),))
    document = Document("表", "", (Title("表"), form))
    content = layout_print.render_docx(install(document), {}, "Noto Serif CJK SC")
    rows = WordDocument(io.BytesIO(content)).tables[0]._tbl.findall(f"{W}tr")
    assert len(rows) == 2  # the title and the one question
    answer = rows[1].findall(f"{W}tc")[1]
    assert ["".join(t.text for t in p.iter(f"{W}t")) for p in answer.findall(f"{W}p")] == [
        "1. 甲　□了解",
        "2. 乙　□了解",
    ]
    assert rows[1].find(f"{W}trPr/{W}cantSplit") is not None
    assert paragraphs(document) == ["表", "意愿", "是否了解", "1. 甲　□了解", "2. 乙　□了解"]


def _long_row() -> Document:
    columns = (Column("序号", 10, "center"), Column("说明", 90))
    long = "借款本金及利息按约计算。" * 400  # some 4,800 characters: over two pages
    rows = (("1", "短"), ("2", long), ("3", "末行"))
    return Document("清单", "", (Title("清单"), Table(columns, rows)))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_row_longer_than_a_page_runs_on_and_prints_every_word(engine, service, install):
    document = _long_row()
    pdf = _print(service, engine, install(document))
    pages = pdf_pages_text(pdf)
    assert len(pages) >= 3
    # the words of each page without its foot (第 N 页 共 M 页) and the repeated header
    body = "".join(re.sub(r"第\d+页共\d+页", "", normalize(page)) for page in pages)
    body = body.replace("序号说明", "")
    assert body.count("借款本金及利息按约计算。") == 400
    assert "末行" in body


def test_word_lets_only_a_row_longer_than_a_page_split(install):
    content = layout_print.render_docx(install(_long_row()), {}, "Noto Serif CJK SC")
    rows = WordDocument(io.BytesIO(content)).tables[0]._tbl.findall(f"{W}tr")
    unsplit = [row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows]
    assert unsplit == [True, True, False, True]  # header, 1, the long row 2, 3


@case_group(VALID["civil_complaint", "summary_procedure"])
@pytest.mark.parametrize("engine", ENGINES)
def test_a_service_address_keeps_each_label_with_its_value(engine, case_pdfs):
    # 收件 | 人：周明 broke at a line end, the line before it stretched wide
    pdf = case_pdfs.pdfs(VALID["civil_complaint", "summary_procedure"], engine)[0].content
    lines = _lines(pdf)
    kept_words = (
        "收件人：周明",
        "联系电话：010-65288888",
        "电子邮箱：zhouming@zhengxin.example.cn",
    )
    for kept in kept_words:
        assert any(kept in line for line in lines), (kept, lines[:8])


NUMBER = "(2026)京律函字第ABC-2026-000123号"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_long_letter_number_breaks_at_a_hyphen_not_before_the_number(engine, service, install):
    # whole, the number went to the next line and the line before it was stretched
    sentence = (
        f"本所律师已于2026年3月2日向贵司寄发了编号为{NUMBER}的律师函，"
        "要求贵司于收函后七日内清偿欠款。"
    )
    document = Document("函", "", (Paragraph(text(sentence)),))
    pdf = _print(service, engine, install(document))
    lines = _lines(pdf)
    first = next(line for line in lines if line.startswith("本所律师"))
    assert first.endswith("ABC-2026-"), lines
    assert normalize("".join(lines)) == normalize(sentence)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_typst_sets_adjacent_full_width_marks_each_a_full_character(service, install):
    # 「，《」 and 「）（」 were set in one and a half characters: the marks collapsed
    document = Document("函", "", (Paragraph(text("甲，《乙》（丙）（丁）。"), "plain"),))
    pdf = _print(service, "typst", install(document))
    (page,) = pdf_word_boxes(pdf)
    word = next(w for w in page.words if w.text.startswith("甲"))
    width = word.x_max - word.x_min
    assert width >= 12 * 12 * 0.99  # twelve characters of 12 pt


@pytest.mark.parametrize("engine", ENGINES)
def test_an_e_mail_address_is_printed_on_one_line(engine, case_pdfs):
    # 「zhouming@zhengxin」 / 「.example.cn」: a clerk copying it misread the parted address
    case = VALID["civil_complaint", "agreed_court_at_the_signing_place"]
    lines = _lines(case_pdfs.pdfs(case, engine)[0].content)
    assert any("电子邮箱：zhouming@zhengxin.example.cn" in line for line in lines), lines[:10]
