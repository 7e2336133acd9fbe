"""No page of an agreement holds only signatures: every signer's block (name, signing line,
fingerprint box or representative's line, date) is whole on the page that holds the end of
the last clause and 「（以下无正文）」, for every two- and three-signer fixture, by both PDF
engines, and with a last clause of any length. A signature page without text is refused
by lawyers: the pages of terms before it could be swapped."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from docgen import layouts
from docgen.config import Settings
from docgen.docmodel.blocks import Document, Keep, Paragraph, SignBlock, plain, text
from docgen.documents import registry
from docgen.services import DocumentService
from tests.render_cache import by_case
from tests.support import (
    PAGE_FOOTER,
    REGISTER_STAMP,
    case_layout,
    fixture_cases,
    load_fixture,
    normalize,
    pdf_pages_text,
)

ENGINES = ("typst", "weasyprint")
AGREEMENTS = ("debt_confirmation", "installment_agreement", "settlement_agreement")
CASES = [c for c in fixture_cases("valid") if c.type_name in AGREEMENTS]
END = "（以下无正文）"
# a footer word: 「第 x 页 共 y 页」 and 「文书编号 … 校验码 …」
_FOOTER_WORD = re.compile(r"^(第|页|共|\d+|文书编号|校验码|[0-9A-Z-]+)$")
_WORD = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<')


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
    """The agreement's closing: the last kept group holding the signers' blocks."""
    # one group: the signers are never cut apart
    (closing,) = [b for b in document.blocks if isinstance(b, Keep) and _signers(b)]
    return closing


def _signers(keep: Keep) -> list[SignBlock]:
    return [b for b in keep.blocks if isinstance(b, SignBlock)]


def _overflowing(pdf: bytes, page: int) -> list[str]:
    """The words of page ``page`` set as low as the footer or lower (run off the page)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', out).group(1))
    words = [(float(top), float(bottom), word) for top, bottom, word in _WORD.findall(out)]
    # the footer: its words in the page's lowest seventh (a figure in the text is no footer)
    footer = [w for w in words if _FOOTER_WORD.match(w[2]) and w[0] > height * 6 / 7]
    top = min(w[0] for w in footer)
    return [w[2] for w in words if w[1] > top and w not in footer]


def assert_signed_with_the_text(pdf: bytes, document: Document, engine: str) -> None:
    raw = pdf_pages_text(pdf)
    for number, page in enumerate(raw, 1):  # every page carries its number and the stamp
        assert PAGE_FOOTER.search(page) and REGISTER_STAMP.search(page), f"{engine}: p{number}"
    pages = [_squash(PAGE_FOOTER.sub("", REGISTER_STAMP.sub("", page))) for page in raw]
    marked = [k for k, page in enumerate(pages) if END in page]
    assert len(marked) == 1, f"{engine}: 「{END}」 on pages {marked}"
    mark = marked[0]
    ending, _signing = _closing(document).signing()
    last = [b for b in ending if isinstance(b, Paragraph)][-1]
    # the last clause's last words before the mark on its page
    tail = _squash(plain(last.text))[-12:]
    before = pages[mark].split(END)[0]
    assert tail in before, f"{engine}: the last clause's end is not on the signature page"
    signers = _signers(_closing(document))
    assert len(signers) in (2, 3)
    for signer in signers:
        lines = "".join(_squash(line) for line in signer.lines())
        holding = [k for k, page in enumerate(pages) if lines in page]
        # whole (its lines in order, on one page), on the page of the text's end
        assert holding == [mark], f"{engine}: {signer.role}'s block on pages {holding}"
    assert not _overflowing(pdf, mark + 1), f"{engine}: run past the foot of the page"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", by_case(CASES))
def test_every_signer_signs_on_the_page_of_the_text_end(case, engine, case_pdfs, tmp_path):
    assert case_layout(case) is not None
    document = _document(case.type_name, case.data, tmp_path)
    (pdf,) = case_pdfs.pdfs(case, engine)
    assert_signed_with_the_text(pdf.content, document, engine)


LONG = "本条所述事项，各方已逐项协商一致并确认无误。" * 60


def _lengthened(document: Document, which: int) -> Document:
    """``document`` with the ``which``-th paragraph (0 first, -1 last) of the text kept with
    the signatures made some 40 lines longer: a long last clause."""
    blocks = list(document.blocks)
    k = next(i for i, b in enumerate(blocks) if isinstance(b, Keep) and _signers(b))
    closing = blocks[k]
    assert isinstance(closing, Keep)
    ending, _signing = closing.signing()
    paragraphs = [b for b in ending if isinstance(b, Paragraph)]
    target = paragraphs[which]
    longer = dataclasses.replace(target, text=text(plain(target.text) + LONG))
    inner = tuple(longer if b is target else b for b in closing.blocks)
    blocks[k] = Keep(inner)
    return dataclasses.replace(document, blocks=tuple(blocks))


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
    # which ran off the foot of the page when longer than it
    layout = layouts.LAYOUTS[type_name]
    longer = dataclasses.replace(layout, build=lambda c: _lengthened(layout.build(c), which))
    monkeypatch.setitem(layouts.LAYOUTS, type_name, longer)
    data = load_fixture(type_name, "valid", name)
    document = _document(type_name, data, tmp_path)
    kept = _closing(document).blocks
    assert any(isinstance(b, Paragraph) and LONG in plain(b.text) for b in kept)
    pdf = service.render(type_name, data, "pdf", engine=engine).content
    assert_signed_with_the_text(pdf, document, engine)


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
def test_the_docx_keeps_the_text_end_and_every_signer_on_one_page(case, service, tmp_path):
    # Word's own keeps: from the first paragraph of the text kept with the signatures to
    # the last signer's date, each paragraph keeps with the next (a heading by its style)
    # and its lines together, the fingerprint box's row never splits
    document = _document(case.type_name, case.data, tmp_path)
    closing = _closing(document)
    ending, _signing = closing.signing()
    first = _squash(plain(next(b for b in ending if isinstance(b, Paragraph)).text))
    docx = service.render(case.type_name, case.data, "docx").content
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    elements = list(body.find(f"{W}body"))
    start = next(k for k, e in enumerate(elements) if _squash(_words(e)) == first)
    last = _squash(_signers(closing)[-1].lines()[-1])
    end = max(k for k, e in enumerate(elements) if _squash(_words(e)) == last)
    kept, headings = elements[start : end + 1], _kept_styles(docx)
    paragraphs = [e for e in kept if e.tag == f"{W}p"]
    assert _squash(_words(paragraphs[-1])) == last and len(paragraphs) > 6
    for paragraph in paragraphs[:-1]:
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        styled = style is not None and style.get(f"{W}val") in headings
        assert paragraph.find(f"{W}pPr/{W}keepNext") is not None or styled, _words(paragraph)
        if not styled:
            assert paragraph.find(f"{W}pPr/{W}keepLines") is not None, _words(paragraph)
    for table in (e for e in kept if e.tag == f"{W}tbl"):  # a fingerprint box
        for row in table.iter(f"{W}tr"):
            assert row.find(f"{W}trPr/{W}cantSplit") is not None
        assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in table.iter(f"{W}p"))
    signers = "".join(_squash(_words(e)) for e in kept)
    for signer in _signers(closing):
        assert "".join(_squash(line) for line in signer.lines()) in signers, signer.role
