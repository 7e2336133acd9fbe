"""An agreement's signers sign two to a row, and every row is on the page that holds the
end of the last clause and 「（以下无正文）」, the first right under them: no signer signs
on a page without words of the agreement (a signature page without them could be said to
have been signed blank, or be put to another text). Where the text's end and all the rows
do not fit, the end goes over with them. No signer's block is split, and the page before
the signatures is filled to at least :data:`FILLED` of its height. Before, three signers
went over with the last clause as one block, one under another, and left the page before
filled to 0.27-0.44; a later layout kept only the first row with the text and left 丙方
alone on a page without text. Checked for every two- and three-signer fixture, for four
signers, by both PDF engines, with a last clause of any length, and in the DOCX.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from docgen import layouts
from docgen.config import Settings
from docgen.docmodel.blocks import Document, Keep, Paragraph, SignBlock, SignRow, plain, text
from docgen.documents import registry
from docgen.services import DocumentService
from tests.render_cache import by_case
from tests.support import (
    PAGE_FOOTER,
    REGISTER_STAMP,
    PdfPage,
    case_layout,
    fixture_cases,
    load_fixture,
    normalize,
    pdf_pages_text,
    pdf_word_boxes,
)

ENGINES = ("typst", "weasyprint")
AGREEMENTS = ("debt_confirmation", "installment_agreement", "settlement_agreement")
CASES = [c for c in fixture_cases("valid") if c.type_name in AGREEMENTS]
END = "（以下无正文"
"""The end-of-text mark, 「（以下无正文）」, or 「（以下无正文，附件附后）」 where a signed
calculation sheet follows the signatures (debt confirmation, installment agreement)."""
ANNEX = "附件：计算明细"
# The least share of its height that the page before the signatures is filled to. Not a
# half: the end of the text kept with the signatures (the last block of the term before
# the last article — since 2026-12 the last line of the service addresses, each party's a
# block of its own — the copies clause, the place, the mark and the rows) goes over whole
# when it does not fit, some 0.55 of a page with a guarantor's second row of signers. Every
# other page runs on to at least 0.49 (Typst) and 0.43 (WeasyPrint, settlement
# `late_interest_waived`); before, a settlement kept the whole of 第六条 争议解决 with 第七条
# and left the page before filled to 0.39-0.44 (Typst 0.388 the least). A page partly
# empty before the signatures is preferred to signatures on a page without text.
FILLED = 0.42
# a footer word: 「第 x 页 共 y 页」 and 「文书编号 … 校验码 …」
_FOOTER_WORD = re.compile(r"^(第|页|共|\d+|文书编号|校验码|[0-9A-Z-]+)$")


def _squash(value: str) -> str:
    return normalize(value).replace(" ", "").replace("\n", "")


def _document(type_name: str, data: object, tmp_path: Path) -> Document:
    service = DocumentService(Settings(data_dir=tmp_path, register_documents=False))
    doc_type = registry.get(type_name)
    _assessment, copies = service.copies(doc_type, data, service.options())
    (context,) = [context for _copy, context in copies]
    layout = layouts.get(type_name)
    assert layout is not None
    return layout.build(context)


def _closing(document: Document) -> Keep:
    """The agreement's closing: the first kept group holding the signers' rows (an annex
    signed on its own page may follow)."""
    closing, *annexes = [b for b in document.blocks if isinstance(b, Keep) and _rows(b)]
    assert len(annexes) <= 1
    return closing


def _rows(keep: Keep) -> list[SignRow]:
    return [b for b in keep.blocks if isinstance(b, SignRow)]


def _block(signer: SignBlock) -> str:
    return "".join(_squash(line) for line in signer.lines())


def _overflowing(page: PdfPage) -> list[str]:
    """The words of ``page`` set as low as the footer or lower (run off the page)."""
    footer = [w for w in page.words if _FOOTER_WORD.match(w.text) and w.y_min > page.height * 6 / 7]
    top = min(w.y_min for w in footer)
    return [w.text for w in page.words if w.y_max > top and w not in footer]


def assert_signed_with_the_text(
    pdf: bytes, document: Document, engine: str, filled: bool = True
) -> None:
    """Every row on the page of the text's end, as the module says; ``filled``: and no
    page before it filled to less than :data:`FILLED` of its height."""
    raw = pdf_pages_text(pdf)
    for number, page in enumerate(raw, 1):  # every page carries its number and the stamp
        assert PAGE_FOOTER.search(page) and REGISTER_STAMP.search(page), f"{engine}: p{number}"
    pages = [_squash(PAGE_FOOTER.sub("", REGISTER_STAMP.sub("", page))) for page in raw]
    marked = [k for k, page in enumerate(pages) if END in page]
    assert len(marked) == 1, f"{engine}: 「{END}」 on pages {marked}"
    mark = marked[0]
    closing = _closing(document)
    ending, _signing = closing.signing()
    last = [b for b in ending if isinstance(b, Paragraph)][-1]
    # the last clause's last words before the mark on its page
    tail = _squash(plain(last.text))[-12:]
    before = pages[mark].split(END)[0]
    assert tail in before, f"{engine}: the last clause's end is not on the signature page"
    boxes = pdf_word_boxes(pdf)
    # a signed calculation sheet after the signatures repeats the signers' blocks (the
    # installment agreement's roles read alike in both): the text's pages end before it
    text_pages = pages[: next((k for k, p in enumerate(pages) if ANNEX in p), len(pages))]
    for number, row in enumerate(_rows(closing)):
        holding = [
            [k for k, page in enumerate(text_pages) if _block(s) in page] for s in row.signers
        ]
        # each block whole (its lines in order, on one page), every row on the page of
        # the text's end: none on a page without text
        (page,) = {tuple(found) for found in holding}
        assert page == (mark,), (
            f"{engine}: row {number + 1} on pages {page}, the text ends on {mark}"
        )
        # side by side: the row's names on one line, the second right of the first
        names = [_squash(f"{s.role}：{s.name}")[:6] for s in row.signers]
        # (the last such word on the page: the signatures end it)
        words = [[w for w in boxes[mark].words if w.text.startswith(n)][-1] for n in names]
        assert len({round(w.y_min) for w in words}) == 1, f"{engine}: row {number + 1}"
        assert all(a.x_max < b.x_min for a, b in itertools.pairwise(words))
    assert pages[mark].index(END) < pages[mark].index(_block(_rows(closing)[0].signers[0]))
    assert not _overflowing(boxes[mark]), f"{engine}: p{mark + 1} runs past the foot"
    for number in range(mark if filled else 0):  # the text runs on to the signatures
        lowest = boxes[number].lowest()
        assert lowest >= FILLED, f"{engine}: page {number + 1} is filled to {lowest:.3f} only"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", by_case(CASES))
def test_every_signer_signs_whole_on_the_page_of_the_text_end(case, engine, case_pdfs, tmp_path):
    assert case_layout(case) is not None
    document = _document(case.type_name, case.data, tmp_path)
    assert len(_closing(document).blocks) > 2
    (pdf,) = case_pdfs.pdfs(case, engine)
    assert_signed_with_the_text(pdf.content, document, engine)


def _with_layout(monkeypatch: Any, type_name: str, change: Any) -> None:
    """The type printed from its layout with ``change`` made to the context or the document
    (``change(context)`` returns the context to build from, or None to change nothing)."""
    layout = layouts.LAYOUTS[type_name]
    changed = dataclasses.replace(layout, build=change(layout.build))
    monkeypatch.setitem(layouts.LAYOUTS, type_name, changed)


def _fourth_signer(build: Any) -> Any:
    """A build that adds 丁方, a second guarantor signing as 丙方 does."""

    def built(c: Any) -> Document:
        guarantor = c["signers"][-1]
        fourth = {**guarantor, "role": "丁方", "name": "赵六"}
        return build({**c, "signers": [*c["signers"], fourth]})

    return built


# two, three and four signers: 丙方 a guarantor; 丁方 added to three
SIGNERS = [
    ("debt_confirmation", "minor_debtor_signed_by_guardian", 2),
    ("settlement_agreement", "signed_without_a_place", 2),
    ("installment_agreement", "creditor_signs_by_authorised_agent", 3),
    ("settlement_agreement", "mediation_with_a_guarantor", 3),
    ("settlement_agreement", "late_interest_waived", 3),
    ("installment_agreement", "monthly_with_guarantor", 4),
    ("settlement_agreement", "mediation_with_a_guarantor", 4),
    ("settlement_agreement", "court_of_a_district_several_cities_have", 4),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("type_name", "name", "count"), SIGNERS)
def test_two_three_and_four_signers_sign_where_the_text_ends(
    service, monkeypatch, tmp_path, type_name, name, count, engine
):
    # before: three signers one under another went over with the last clause and left
    # the page before filled to 0.27-0.44 of its height; then, with only the first row
    # kept with the text, 丙方 signed alone on a page without text in 7 settlements
    if count == 4:
        _with_layout(monkeypatch, type_name, _fourth_signer)
    data = load_fixture(type_name, "valid", name)
    document = _document(type_name, data, tmp_path)
    rows = _rows(_closing(document))
    assert [len(row.signers) for row in rows] == {2: [2], 3: [2, 1], 4: [2, 2]}[count]
    pdf = service.render(type_name, data, "pdf", engine=engine).content
    assert_signed_with_the_text(pdf, document, engine)


LONG = "本条所述事项，各方已逐项协商一致并确认无误。" * 60


def _lengthened(which: int) -> Any:
    """A build whose ``which``-th paragraph (0 first, -1 last) of the text kept with the
    signatures is some 40 lines longer: a long last clause."""

    def change(build: Any) -> Any:
        def built(c: Any) -> Document:
            document = build(c)
            blocks = list(document.blocks)
            k = next(i for i, b in enumerate(blocks) if isinstance(b, Keep) and _rows(b))
            closing = blocks[k]
            assert isinstance(closing, Keep)
            ending, _signing = closing.signing()
            target = [b for b in ending if isinstance(b, Paragraph)][which]
            longer = dataclasses.replace(target, text=text(plain(target.text) + LONG))
            blocks[k] = Keep(tuple(longer if b is target else b for b in closing.blocks))
            return dataclasses.replace(document, blocks=tuple(blocks))

        return built

    return change


LONG_CASES = [
    ("debt_confirmation", "minor_debtor_signed_by_guardian"),
    ("installment_agreement", "monthly_with_guarantor"),
    ("settlement_agreement", "mediation_with_a_guarantor"),
    ("settlement_agreement", "signed_without_a_place"),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("which", [0, -1])
@pytest.mark.parametrize(("type_name", "name"), LONG_CASES)
def test_a_long_last_clause_breaks_and_its_end_stays_with_the_signatures(
    service, monkeypatch, tmp_path, type_name, name, which, engine
):
    # before, the Typst PDF kept the clause and the signatures as one unbreakable block,
    # which ran off the foot of the page when longer than it. Such a clause starts on a
    # page of its own (the end of the text is kept with the signatures as one sticky
    # block): the page before may be left partly empty, as it was
    _with_layout(monkeypatch, type_name, _lengthened(which))
    data = load_fixture(type_name, "valid", name)
    document = _document(type_name, data, tmp_path)
    kept = _closing(document).blocks
    assert any(isinstance(b, Paragraph) and LONG in plain(b.text) for b in kept)
    pdf = service.render(type_name, data, "pdf", engine=engine).content
    assert_signed_with_the_text(pdf, document, engine, filled=False)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _kept_styles(docx: bytes) -> set[str]:
    """The styles that keep their paragraphs with the next (the headings)."""
    styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/styles.xml"))
    return {
        style.get(f"{W}styleId", "")
        for style in styles.iter(f"{W}style")
        if style.find(f"{W}pPr/{W}keepNext") is not None
    }


def _words(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


@pytest.mark.parametrize("case", by_case(CASES))
def test_the_docx_keeps_the_text_end_with_every_row_of_signers(case, service, tmp_path):
    # Word's own keeps: from the first paragraph of the text kept with the signatures to
    # 「（以下无正文）」, each paragraph keeps with the next (a heading by its style) and its
    # lines together, and so with the first row of the signers' table after it; no row
    # splits, and every row but the last keeps with the next (each line of its cells, the
    # fingerprint box's too): the chain holds all the signers to the text's end
    document = _document(case.type_name, case.data, tmp_path)
    closing = _closing(document)
    ending, _signing = closing.signing()
    first = _squash(plain(next(b for b in ending if isinstance(b, Paragraph)).text))
    docx = service.render(case.type_name, case.data, "docx").content
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    elements = list(body.find(f"{W}body"))
    start = next(k for k, e in enumerate(elements) if _squash(_words(e)) == first)
    end = next(k for k, e in enumerate(elements) if _squash(_words(e)).startswith(END))
    kept, headings = elements[start : end + 1], _kept_styles(docx)
    assert all(e.tag == f"{W}p" for e in kept) and len(kept) >= 2
    for paragraph in kept:
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        styled = style is not None and style.get(f"{W}val") in headings
        assert paragraph.find(f"{W}pPr/{W}keepNext") is not None or styled, _words(paragraph)
        if not styled:
            assert paragraph.find(f"{W}pPr/{W}keepLines") is not None, _words(paragraph)
    table = elements[end + 1]
    assert table.tag == f"{W}tbl"
    rows = table.findall(f"{W}tr")
    assert len(rows) == len(_rows(closing))
    for k, (tr, row) in enumerate(zip(rows, _rows(closing), strict=True)):
        assert tr.find(f"{W}trPr/{W}cantSplit") is not None
        cells = tr.findall(f"{W}tc")
        assert [_squash(_words(c)) for c in cells] == [_block(s) for s in row.signers]
        kept_next = [p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(f"{W}p")]
        assert all(kept_next) if k < len(rows) - 1 else not any(kept_next), f"row {k + 1}"
