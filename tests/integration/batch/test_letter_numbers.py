"""A batch letter numbered from its sender profile prints one number in its PDF and its
DOCX: each row is validated (and numbered) once for every format, and the numbers of a
run follow one another with none used up twice. Both files are one document: the 文书编号
and 校验码 of the manifest, printed in each, one register entry with an output each."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from typing import Any

import pytest

from docgen.batch.executors import LocalExecutor
from docgen.batch.runs import Batches, RunOptions
from docgen.config import Settings
from docgen.profiles.model import SenderProfile
from docgen.services import DocumentService
from docgen.tenants import DEFAULT_TENANT_ID
from tests.support import load_fixture, pdf_pages_text

pytestmark = pytest.mark.slow

NUMBER = re.compile(r"（2026）京明正律函字第(\d+)号")
DEBTORS = [("张伟", "110101198503151235"), ("李娜", "110101199001011237")]


@pytest.fixture
def own(settings: Settings, tmp_path) -> Settings:
    """Settings on a register and profile store of the test's own (numbers start at 1)."""
    return settings.model_copy(update={"data_dir": tmp_path / "data"})


@pytest.fixture
def docgen(own: Settings, service: DocumentService) -> DocumentService:
    return DocumentService(own, engines=service.engines)


def _firm(docgen: DocumentService) -> int:
    details = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")["sender"]
    return docgen.profiles.add(docgen.tenant_id, SenderProfile.model_validate(details)).id


def _letter(profile_id: int, debtor: tuple[str, str], contract: str) -> dict[str, Any]:
    data = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
    del data["sender"]
    data["sender_profile_id"] = profile_id
    data["debtor"].update(name=debtor[0], id_number=debtor[1])
    data["contract"]["number"] = contract
    return data


def _pdf_number(content: bytes) -> list[str]:
    return NUMBER.findall(re.sub(r"\s+", "", "".join(pdf_pages_text(content))))


def _docx_number(content: bytes) -> list[str]:
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode("utf-8")
    return NUMBER.findall(re.sub(r"<[^>]+>", "", xml))


def test_each_letter_of_a_chunk_prints_one_number_in_both_formats(docgen):
    firm = _firm(docgen)
    cases = [_letter(firm, debtor, f"HX-JK-2025-0{n}") for n, debtor in enumerate(DEBTORS)]
    made = docgen.render_formats_many("lawyer_letter", cases, ["pdf", "docx"])

    pdfs = [_pdf_number(copies[0].content) for copies in made["pdf"]]
    docxs = [_docx_number(copies[0].content) for copies in made["docx"]]
    assert pdfs == [["1"], ["2"]]
    assert docxs == pdfs


def test_a_run_in_pdf_and_docx_numbers_each_letter_once(docgen, own, tmp_path):
    firm = _firm(docgen)
    cases = [_letter(firm, debtor, f"HX-JK-2025-0{n}") for n, debtor in enumerate(DEBTORS)]
    for case in cases:
        del case["sender_profile_id"]
    source = tmp_path / "letters.jsonl"
    source.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in cases), "utf-8")
    batches = Batches(own)
    options = RunOptions(
        "lawyer_letter", ["pdf", "docx"], {"sender_profile_id": firm}, chunk_size=2
    )
    run_id = batches.create(source, options, tmp_path / "runs", DEFAULT_TENANT_ID)
    summary = batches.execute(run_id, LocalExecutor(1))
    assert (summary["rendered"], summary["rejected"]) == (2, 0), summary

    folder = tmp_path / "runs" / run_id
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as fh:
        manifest = list(csv.DictReader(fh))
    assert [m["收件人"] for m in manifest] == [name for name, _id in DEBTORS]
    for row, number in ((1, "1"), (2, "2")):
        (pdf,) = (folder / "letters").glob(f"{row:06d}_*.pdf")
        (docx,) = (folder / "letters").glob(f"{row:06d}_*.docx")
        assert _pdf_number(pdf.read_bytes()) == [number]
        assert _docx_number(docx.read_bytes()) == [number]
        _assert_one_document(docgen, manifest[row - 1], pdf.read_bytes(), docx.read_bytes())


def _assert_one_document(
    docgen: DocumentService, listed: dict[str, str], pdf: bytes, docx: bytes
) -> None:
    """The manifest's 文书编号 and 校验码 are printed on the PDF and carried in the DOCX's
    properties, and the register finds both files under that one entry."""
    document_id, code = listed["文书编号"], listed["校验码"]
    pdf_words = re.sub(r"\s+", "", "".join(pdf_pages_text(pdf)))
    assert f"文书编号{document_id}" in pdf_words
    assert f"校验码{code}" in pdf_words
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
    assert f"<dc:identifier>{document_id}</dc:identifier>" in core
    assert f"校验码 {code}" in core
    register = docgen.register
    assert register is not None
    for content, fmt in ((pdf, "pdf"), (docx, "docx")):
        found = register.verify(content=content)
        assert (found.document_id, found.format) == (document_id, fmt)
    assert register.verify(code=code).document_id == document_id
    entry = register.get(document_id, DEFAULT_TENANT_ID)
    assert entry is not None
    assert sorted(output.format for output in entry.outputs) == ["docx", "pdf"]
