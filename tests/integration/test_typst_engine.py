"""The Typst PDF engine prints what the WeasyPrint engine prints, and is held to its rules.

For every case printed from a ``.typ`` template (a type printed from template files: the
test type ``templated_notice``, tests/templated; the template of the case's own layout):
the same words as the HTML template's PDF (page footers and register stamps aside); every
layout of a built-in type printed from its layout with Typst, with a fixture each; every
page numbered "第 x 页 共 y 页" within its own letter, the register's id and code on every
page and in the document information, a registered letter made again byte for byte, batch letters
identical to single ones and their print file made of exactly their pages, the glyph
check refusing what the fonts cannot draw, and case values printed as text, never
evaluated as Typst markup.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from docgen.batch.executors import LocalExecutor
from docgen.batch.runs import Batches, RunOptions
from docgen.config import Settings
from docgen.documents import registry
from docgen.render.errors import GlyphMissing
from docgen.render.layout_print import LayoutPrinter
from docgen.render.prepared_fonts import repertoire
from docgen.render.typst_pdf import TypstRenderer
from docgen.services import CaseInvalid, DocumentService
from docgen.tenants import DEFAULT_TENANT_ID
from tests import templated
from tests.batch_support import letters_sheet
from tests.support import (
    case_layout,
    fixture_cases,
    load_fixture,
    normalize,
    page_numbers,
    pdf_pages_text,
)

# its module fixtures render every fixture: one worker renders them, once
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("typst_engine")]


CASES = [case for case in fixture_cases("valid") if case_layout(case) is not None]
TYPST_TYPES = sorted({case.type_name for case in CASES})


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> DocumentService:
    """Register off: two renders of a case differ in nothing but the engine."""
    return DocumentService(
        Settings(data_dir=tmp_path_factory.mktemp("plain"), register_documents=False)
    )


def fresh(data_dir: Path) -> DocumentService:
    """Register off, nothing stored yet."""
    return DocumentService(Settings(data_dir=data_dir, register_documents=False))


@pytest.fixture(scope="module")
def typst_service(tmp_path_factory: pytest.TempPathFactory) -> DocumentService:
    """Register on, Typst chosen by the setting."""
    return DocumentService(Settings(data_dir=tmp_path_factory.mktemp("typst"), pdf_engine="typst"))


def text_of(pdf: bytes) -> str:
    return normalize("".join(pdf_pages_text(pdf)))


def test_the_demand_letter_prints_with_typst():
    assert "demand_letter" in TYPST_TYPES


def test_every_layout_of_a_typst_type_has_a_fixture_printed_with_typst():
    # a type may have several layouts (the civil complaint's narrative and element-based
    # ones): each needs a fixture
    assert {t.name for t in registry.all_types()} <= set(TYPST_TYPES)
    for type_name in TYPST_TYPES:
        doc_type = registry.get(type_name)
        covered = {
            doc_type.variant(doc_type.parse(case.data))
            for case in CASES
            if case.type_name == type_name
        }
        missing = set(doc_type.variants or {""}) - covered
        assert not missing, f"{type_name}: no valid fixture prints layout(s) {missing} with Typst"


@pytest.mark.parametrize("layout", ["narrative", "elements"])
def test_each_civil_complaint_layout_prints_with_typst_from_its_own_layout(plain, layout):
    doc_type = registry.get("civil_complaint")
    parsed = [doc_type.parse(c.data) for c in CASES if c.type_name == "civil_complaint"]
    cases = [case for case in parsed if doc_type.variant(case) == layout]
    assert cases, f"no civil_complaint fixture in the {layout} layout prints with Typst"
    for case in cases:
        renderer, template = plain.pdf_template(doc_type, case, "typst")
        assert isinstance(renderer, LayoutPrinter) and renderer.engine == "typst"
        assert template == f"civil_complaint:{layout}"


def test_an_elements_complaint_is_registered_with_its_layout_and_made_again(typst_service):
    case = load_fixture("civil_complaint", "valid", "elements_company_lender")
    rendered = typst_service.render("civil_complaint", case, "pdf")
    row = typst_service.register.get(rendered.document_id, None)
    # a court filing: the stamp is in the metadata and the register, not on its pages
    assert row.template_id == "layouts/civil_complaint:elements.py@typst#unstamped"
    again = typst_service.reissue_pdf(rendered.document_id)
    assert again.identical
    assert again.pdf == rendered.content


# the built-in types print from their layouts: tests/integration/test_layouts.py holds
# each engine's text (a table's header once per page it runs onto) to the layout's
# paragraphs; a type printed from template files is the test type's
TEMPLATED = sorted(templated.CASES)


def templated_service(data_dir: Path, templates: Path) -> DocumentService:
    return DocumentService(
        Settings(data_dir=data_dir, templates_dir=templates, register_documents=False)
    )


@pytest.mark.parametrize("layout", TEMPLATED)
def test_typst_prints_the_same_words_as_weasyprint(
    layout, tmp_path, templated_root, templated_type
):
    case = templated.CASES[layout]
    parsed = templated_type.parse(case)
    service = templated_service(tmp_path / "choose", templated_root)
    renderer, template = service.pdf_template(templated_type, parsed, "typst")
    assert renderer is service.typst and template == f"{templated.NAME}/{layout}.typ"
    weasy = templated_service(tmp_path / "weasy", templated_root).render_each(
        templated.NAME, case, "pdf", engine="weasyprint"
    )
    fast = templated_service(tmp_path / "typst", templated_root).render_each(
        templated.NAME, case, "pdf", engine="typst"
    )
    assert len(fast) == len(weasy)
    for typst_doc, weasy_doc in zip(fast, weasy, strict=True):
        assert typst_doc.content.startswith(b"%PDF-")
        info = PdfReader(io.BytesIO(typst_doc.content)).metadata
        assert info is not None and "Typst" in str(info.get("/Creator"))
        assert text_of(typst_doc.content) == text_of(weasy_doc.content)
        pages = page_numbers(typst_doc.content)
        assert pages == [(k + 1, len(pages)) for k in range(len(pages))]


def test_a_layout_prints_the_same_bytes_before_and_after_a_template_file(
    tmp_path, templated_root, templated_type
):
    """The compiler is shared: a template file's letters, handed to it as inputs, leave
    nothing behind in what a built-in layout prints next."""
    service = templated_service(tmp_path, templated_root)
    letter = load_fixture("demand_letter", "valid", "person_debtor")
    before = service.render("demand_letter", letter, "pdf", engine="typst").content
    notice = templated.CASES[TEMPLATED[0]]
    assert service.render(templated.NAME, notice, "pdf", engine="typst").content
    after = service.render("demand_letter", letter, "pdf", engine="typst").content
    assert after == before


def test_the_setting_chooses_typst_and_the_register_stamps_every_page(typst_service):
    case = load_fixture("demand_letter", "valid", "person_debtor")
    rendered = typst_service.render("demand_letter", case, "pdf")
    reader = PdfReader(io.BytesIO(rendered.content))
    assert reader.metadata is not None and "Typst" in str(reader.metadata.get("/Creator"))
    assert reader.metadata["/DocgenDocumentId"] == rendered.document_id
    assert reader.metadata["/DocgenVerificationCode"] == rendered.verification_code
    for page in pdf_pages_text(rendered.content):
        flat = re.sub(r"\s+", "", page)
        assert f"文书编号{rendered.document_id}" in flat
        assert f"校验码{rendered.verification_code}" in flat
    row = typst_service.register.get(rendered.document_id, None)
    assert row.template_id == "layouts/demand_letter.py@typst"


def test_a_registered_typst_letter_is_made_again_byte_for_byte(typst_service):
    case = load_fixture("demand_letter", "valid", "computed_interest")
    rendered = typst_service.render("demand_letter", case, "pdf")
    again = typst_service.reissue_pdf(rendered.document_id)
    assert again.identical
    assert again.pdf == rendered.content


def test_batch_letters_are_the_single_letters_and_the_print_file_holds_their_pages(plain):
    cases = [case.data for case in CASES if case.type_name == "demand_letter"]
    prints: list[Any] = []
    results = plain.render_copies_many("demand_letter", cases, "pdf", prints=prints, engine="typst")
    letters = [doc for result in results for doc in result]
    assert len(letters) >= len(cases)
    singles = [
        doc
        for data in cases
        for doc in plain.render_each("demand_letter", data, "pdf", engine="typst")
    ]
    assert [d.content for d in letters] == [d.content for d in singles]
    # one print file per chunk of letters laid out together (PDF_CHUNK copies)
    docs = {(i, c): doc for i, result in enumerate(results) for c, doc in enumerate(result)}
    printed = []
    for part in prints:
        whole = PdfReader(io.BytesIO(part.content))
        placed = 0
        for index, copy_index, first, count in part.letters:
            own = pdf_pages_text(docs[index, copy_index].content)
            assert count == len(own) and first == placed
            assert [whole.pages[first + k].extract_text() for k in range(count)] == own
            placed += count
            printed.append((index, copy_index))
        assert placed == len(whole.pages)
    assert printed == list(docs)


def test_the_glyph_check_refuses_what_the_fonts_cannot_draw(plain):
    case = load_fixture("demand_letter", "valid", "person_debtor")
    case["debtor"]["name"] = "张\U000f0001伟"  # a private-use character no font draws
    with pytest.raises(CaseInvalid) as caught:
        plain.render("demand_letter", case, "pdf", engine="typst")
    problem = caught.value.problems[0]
    assert problem.code == "glyph_missing" and problem.loc == ("debtor", "name")
    renderer = TypstRenderer(plain.settings.templates_dir, plain.settings.pdf_font_families)
    _, _, context = plain.context_for(
        "demand_letter", load_fixture("demand_letter", "valid", "person_debtor")
    )
    context["facts"] = "\U000f0001"
    with pytest.raises(GlyphMissing):
        LayoutPrinter("typst", renderer).render("demand_letter", context)


def embedded_faces(pdf: bytes) -> set[tuple[str, str]]:
    """(PostScript name without subset tag, outline kind) of every font on the pages:
    ``truetype`` for the prepared faces, ``cff`` for the full Noto CJK faces."""
    faces = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            kind = "truetype" if "/FontFile2" in descriptor.get_object() else "cff"
            faces.add((str(font["/BaseFont"]).split("+", 1)[-1], kind))
    return faces


def test_letters_print_from_the_prepared_faces_and_rare_characters_from_the_full_ones(plain):
    case = load_fixture("demand_letter", "valid", "person_debtor")
    common = plain.render("demand_letter", case, "pdf", engine="typst").content
    assert {kind for _, kind in embedded_faces(common)} == {"truetype"}

    rare = "䶮"  # CJK Extension A: in Noto Serif CJK, not in the prepared repertoire
    assert ord(rare) not in repertoire()
    case["debtor"]["name"] = f"张{rare}"
    pdf = plain.render("demand_letter", case, "pdf", engine="typst").content
    assert f"张{rare}" in text_of(pdf)
    # the character comes from the full face of the same family, not from the next family
    full = {name for name, kind in embedded_faces(pdf) if kind == "cff"}
    assert full and all(name.startswith("NotoSerifCJK") for name in full)


@pytest.mark.parametrize(
    "hostile",
    [
        '#read("/etc/passwd")',
        "#{panic()}",
        "*粗体* _斜体_ $x^2$ `代码`",
        "] #pagebreak() [",
        "<docgen-letter-start> @ref // 注释 /* 注释",
    ],
)
def test_case_values_are_printed_as_text_never_run_as_markup(plain, hostile):
    case = load_fixture("demand_letter", "valid", "person_debtor")
    case["debtor"]["address"] = f"北京市{hostile}"
    weasy = plain.render("demand_letter", case, "pdf", engine="weasyprint")
    fast = plain.render("demand_letter", case, "pdf", engine="typst")
    assert text_of(fast.content) == text_of(weasy.content)
    assert re.sub(r"\s+", "", hostile) in text_of(fast.content)
    assert "root:" not in text_of(fast.content)


def test_a_batch_run_can_choose_typst(settings, tmp_path: Path):
    source = letters_sheet(tmp_path / "cases.csv", 5)
    batches = Batches(settings, f"sqlite:///{tmp_path / 'state.db'}")
    options = RunOptions("demand_letter", formats=["pdf"], chunk_size=2, pdf_engine="typst")
    run_id = batches.create(source, options, tmp_path, DEFAULT_TENANT_ID)
    summary = batches.execute(run_id, LocalExecutor(1))
    assert (summary["status"], summary["rendered"]) == ("done", 5)
    folder = tmp_path / run_id
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as fh:
        manifest = list(csv.DictReader(fh))
    assert len(manifest) == 5
    merged = PdfReader(folder / manifest[0]["打印文件"])
    for entry in manifest:
        letter = PdfReader(folder / entry["PDF 文件"])
        assert "Typst" in str(letter.metadata.get("/Creator"))
        assert int(entry["页数"]) == len(letter.pages)
        first = int(entry["打印起始页"])
        assert first % 2 == 1
        assert merged.pages[first - 1].extract_text() == letter.pages[0].extract_text()


def test_an_unknown_engine_is_refused_before_the_run(settings, tmp_path: Path):
    from docgen.batch.readers import BatchInputError

    source = letters_sheet(tmp_path / "cases.csv", 1)
    with pytest.raises(BatchInputError, match="PDF 引擎"):
        Batches(settings, f"sqlite:///{tmp_path / 'state.db'}").create(
            source, RunOptions("demand_letter", pdf_engine="latex"), tmp_path, DEFAULT_TENANT_ID
        )


def test_types_without_a_typst_template_still_print_with_weasyprint(
    tmp_path, templated_root, templated_type, monkeypatch
):
    # the test type printed from template files has one: take it away
    chosen = templated_type.templates_for

    def without_typst(case):
        return {kind: name for kind, name in chosen(case).items() if kind != "typst"}

    monkeypatch.setitem(
        registry._types,
        templated_type.name,
        dataclasses.replace(templated_type, choose_templates=without_typst),
    )
    service = templated_service(tmp_path, templated_root)
    rendered = service.render_each(templated.NAME, templated.CASES["long"], "pdf", engine="typst")
    info = PdfReader(io.BytesIO(rendered[0].content)).metadata
    assert "WeasyPrint" in str(info.get("/Producer")) or "WeasyPrint" in str(info.get("/Creator"))


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_a_letter_whose_template_changed_since_is_not_made_again(
    engine, tmp_path: Path, templated_type
):
    from docgen.pipeline.reissue import NotReissuable

    templates = templated.install(tmp_path / "templates")
    service = DocumentService(Settings(data_dir=tmp_path / "data", templates_dir=templates))
    # a type printed from template files
    rendered = service.render(templated.NAME, templated.CASES["short"], "pdf", engine=engine)
    assert service.reissue_pdf(rendered.document_id).identical

    row = service.register.get(rendered.document_id, None)
    template = templates / row.template_id
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    with pytest.raises(NotReissuable) as refused:
        service.reissue_pdf(rendered.document_id)
    assert refused.value.code == "template_changed"
    assert row.template_id in refused.value.message


@pytest.mark.parametrize(
    ("engine", "shared"), [("typst", "_typst/letter.typ"), ("weasyprint", "_shared/print.css")]
)
def test_a_letter_whose_shared_layout_changed_since_is_not_made_again(
    engine, shared, tmp_path: Path
):
    # the template itself is unchanged, but the layout every template of its kind is
    # printed with is not: the register kept its version, and the reissue says so
    import shutil

    from docgen.pipeline.reissue import NotReissuable

    templates = tmp_path / "templates"
    shutil.copytree(Settings().templates_dir, templates)
    service = DocumentService(Settings(data_dir=tmp_path / "data", templates_dir=templates))
    case = load_fixture("demand_letter", "valid", "person_debtor")
    rendered = service.render("demand_letter", case, "pdf", engine=engine)
    docx = service.render("demand_letter", case, "docx")
    assert service.register.get(rendered.document_id, None).layout_hash is not None
    assert service.register.get(docx.document_id, None).layout_hash is None  # all in the .docx

    (templates / shared).write_text(
        (templates / shared).read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )

    with pytest.raises(NotReissuable) as refused:
        service.reissue_pdf(rendered.document_id)
    assert refused.value.code == "layout_changed"
