"""Every generated DOCX opens in a real word processor and says what docgen's PDF says.

LibreOffice Writer (headless) converts each valid fixture's DOCX (one per recipient for
letters addressed to several) to PDF and to plain text: one soffice opens each file once
and stores it in both formats (tests/soffice_convert.py). The PDF proves it lays the file out;
its characters must be exactly those of the PDF docgen renders from the HTML template. The
plain text, in document order, must equal docgen's PDF text word for word. Fixtures are
discovered for every registered type, so a new type is covered without editing this file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from docgen.documents import registry
from tests.support import case_layout, fixture_cases, normalize, pdf_pages_text, printed_once

VALID = fixture_cases("valid")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SYSTEM_PYTHON = "/usr/bin/python3"
CONVERT = Path(__file__).parents[1] / "soffice_convert.py"
# A letter number is assigned anew at every render (a copy's with its -1, -2 suffix), so two
# renders differ in it alone.
LETTER_NUMBER = re.compile(r"律函字第\d+(?:-\d+)?号")
# LibreOffice hangs a full-width comma or stop that falls just past the right margin and
# draws no glyph for it in its PDF export (its text export keeps it, and Word draws it):
# only these may be missing from the characters it lays out, never a word's
HUNG_PUNCTUATION = set("，。、；：")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.libreoffice,  # missing, it fails and says to run bin/bootstrap --dev
    pytest.mark.xdist_group("word_processor"),  # one worker converts every fixture, once
]


def _stem(case) -> str:
    return f"{case.type_name}--{case.name}"


def _convert(sources: list[str], outdir: Path, profile: str) -> None:
    """PDF and text of every source, by one soffice that loads each file once
    (tests/soffice_convert.py, run by the system python: it has LibreOffice's uno)."""
    result = subprocess.run(
        [SYSTEM_PYTHON, str(CONVERT), str(SOFFICE), profile, str(outdir), *sources],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, (
        f"LibreOffice conversion failed (python3-uno: bin/bootstrap --dev): {result.stderr[-2000:]}"
    )


@pytest.fixture(scope="module")
def converted(service, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Every valid fixture's DOCX files, converted by LibreOffice to PDF and to text."""
    work = tmp_path_factory.mktemp("soffice")
    files: dict[str, list[Path]] = {}
    for case in VALID:
        rendered = service.render_each(case.type_name, case.data, "docx")
        files[_stem(case)] = []
        for i, document in enumerate(rendered):
            path = work / f"{_stem(case)}--{i}.docx"
            path.write_bytes(document.content)
            files[_stem(case)].append(path)
    sources = [str(p) for paths in files.values() for p in paths]
    _convert(sources, work, (work / "profile").as_uri())
    return files


def _documents(service, case) -> list[Any]:
    """The layout's document of each copy (for the table headers repeated on a page a
    table runs onto), or None for a type printed from template files."""
    layout = case_layout(case)
    doc_type = registry.get(case.type_name)
    _assessment, copies = service.copies(doc_type, case.data, service.options())
    return [layout.build(context) if layout else None for _copy, context in copies]


def _text(pages: list[str], document: Any) -> str:
    joined = printed_once(pages, document) if document else normalize("".join(pages))
    return LETTER_NUMBER.sub("", joined)


def _docgen_texts(service, case_pdfs, case, documents) -> list[str]:
    # the PDFs the other suites read too, printed once per process (tests/render_cache.py)
    rendered = case_pdfs.pdfs(case, service.settings.pdf_engine)
    return [
        _text(pdf_pages_text(r.content), document)
        for r, document in zip(rendered, documents, strict=True)
    ]


@pytest.mark.parametrize("case", VALID, ids=str)
def test_libreoffice_opens_the_docx_and_prints_the_same_words_as_docgens_pdf(
    case, service, converted, case_pdfs
):
    sources = converted[_stem(case)]
    documents = _documents(service, case)
    expected = _docgen_texts(service, case_pdfs, case, documents)
    assert len(sources) == len(expected)
    for source, docgen_text, document in zip(sources, expected, documents, strict=True):
        office_pdf = source.parent / "pdf" / f"{source.stem}.pdf"
        office_txt = source.parent / "txt" / f"{source.stem}.txt"
        assert office_pdf.exists() and office_txt.exists(), f"LibreOffice could not open {source}"
        # LibreOffice draws table cells and symbols in its own order: compare the characters
        laid_out = _text(pdf_pages_text(office_pdf.read_bytes()), document)
        assert Counter(laid_out) - Counter(docgen_text) == Counter()
        assert set(Counter(docgen_text) - Counter(laid_out)) <= HUNG_PUNCTUATION
        # ... and the words in reading order, from its text export
        read = LETTER_NUMBER.sub("", normalize(office_txt.read_text("utf-8-sig")))
        assert read == docgen_text
