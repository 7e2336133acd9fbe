"""Every generated DOCX opens in a real word processor and says what docgen's PDF says.

LibreOffice Writer (headless) converts each valid fixture's DOCX to PDF; its text must equal
the text of the PDF docgen renders from the HTML template. A DOCX that Word-compatible
software cannot open, or lays out with words missing or added, fails here. Fixtures are
discovered for every registered type, so a new type is covered without editing this file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.support import fixture_cases, normalize, pdf_pages_text

VALID = fixture_cases("valid")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# LibreOffice draws curly quotes and box marks (□/■ of court forms) as separate text
# portions in another font, which a PDF text extractor returns out of line order; they are
# compared by count, the rest in order. (Their order is checked against the DOCX itself in
# test_renderers.py.)
QUOTES = re.compile("[“”‘’□■]")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed (bin/bootstrap --dev)"),
]


def _stem(case) -> str:
    return f"{case.type_name}--{case.name}"


@pytest.fixture(scope="module")
def converted(service, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """All valid fixtures' DOCX files, converted to PDF by one LibreOffice run."""
    work = tmp_path_factory.mktemp("soffice")
    sources = []
    for case in VALID:
        path = work / f"{_stem(case)}.docx"
        path.write_bytes(service.render(case.type_name, case.data, "docx").content)
        sources.append(str(path))
    profile = (work / "profile").as_uri()
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work / "out"),
            *sources,
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {_stem(case): work / "out" / f"{_stem(case)}.pdf" for case in VALID}


@pytest.mark.parametrize("case", VALID, ids=str)
def test_libreoffice_opens_the_docx_and_prints_the_same_words_as_docgens_pdf(
    case, service, converted
):
    office_pdf = converted[_stem(case)]
    assert office_pdf.exists(), f"LibreOffice could not open {case}"
    office_text = normalize("".join(pdf_pages_text(office_pdf.read_bytes())))
    docgen_pdf = service.render(case.type_name, case.data, "pdf").content
    docgen_text = normalize("".join(pdf_pages_text(docgen_pdf)))
    assert QUOTES.sub("", office_text) == QUOTES.sub("", docgen_text)
    assert Counter(QUOTES.findall(office_text)) == Counter(QUOTES.findall(docgen_text))
