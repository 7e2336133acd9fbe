"""A registered PDF is made again after its shared layout files or its layout's module
were edited, when the edit is listed as printing the same bytes (layout_lineage, proven
with bin/print-compare); an edit not listed refuses the reissue."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from docgen import layouts
from docgen.config import Settings
from docgen.docmodel import typst_writer
from docgen.documents import registry
from docgen.pipeline import layout_lineage
from docgen.pipeline.reissue import NotReissuable
from docgen.register import sha256_hex
from docgen.render import layout_print
from docgen.services import DocumentService
from tests.support import load_fixture

pytestmark = pytest.mark.slow


def test_a_letter_issued_before_a_layout_change_shown_to_print_the_same_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # the letter is issued with the shared layout as it was; the file is then edited, and
    # the edit listed as printing the same bytes (layout_lineage): the reissue accepts it
    templates = tmp_path / "templates"
    shutil.copytree(Settings().templates_dir, templates)
    service = DocumentService(Settings(data_dir=tmp_path / "data", templates_dir=templates))
    case = load_fixture("demand_letter", "valid", "person_debtor")
    rendered = service.render("demand_letter", case, "pdf")

    shared = templates / "_typst" / "letter.typ"
    before = shared.read_bytes()
    shared.write_bytes(before + b"\n// a comment: prints the same\n")
    now = sha256_hex(shared.read_bytes())
    fresh = DocumentService(Settings(data_dir=tmp_path / "data", templates_dir=templates))
    with pytest.raises(NotReissuable):
        fresh.reissue_pdf(rendered.document_id)

    monkeypatch.setitem(layout_lineage.SAME_PRINT, now, (sha256_hex(before),))
    listed = DocumentService(Settings(data_dir=tmp_path / "data", templates_dir=templates))
    again = listed.reissue_pdf(rendered.document_id)
    assert again.identical and again.pdf == rendered.content


def test_the_listed_layout_versions_are_the_files_as_they_are_now():
    # an entry keyed by a hash no shared file has any more is dead: a later edit of the
    # file must be shown to print the same again before it is listed
    templates = Settings().templates_dir
    registry.all_types()  # the types declare the layouts
    current = {
        sha256_hex(f.read_bytes())
        for engine in ("typst", "weasyprint")
        for f in layout_print.shared_files(engine, templates)
    } | {sha256_hex((templates / n).read_bytes()) for n in typst_writer.SHARED_FILES}
    current |= {
        sha256_hex(path.read_bytes())
        for layout in layouts.LAYOUTS.values()
        for path in layout.files  # its module and the layout modules it prints with
    }
    assert set(layout_lineage.SAME_PRINT) <= current


def test_a_letter_issued_before_its_layout_module_was_edited_to_print_the_same_is_made_again(
    docgen: DocumentService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # a refactor of a layout's module changes its SHA-256, the version the register kept
    # of the letter: refused until the edit is listed as printing the same bytes
    case = load_fixture("demand_letter", "valid", "person_debtor")
    rendered = docgen.render("demand_letter", case, "pdf")
    original = layouts.LAYOUTS["demand_letter"]
    edited = tmp_path / "demand_letter.py"
    edited.write_bytes(original.source.read_bytes() + b"\n# a comment: prints the same\n")
    monkeypatch.setitem(
        layouts.LAYOUTS, "demand_letter", dataclasses.replace(original, source=edited)
    )

    with pytest.raises(NotReissuable) as refused:
        docgen.reissue_pdf(rendered.document_id)
    assert refused.value.code == "template_changed"

    earlier = sha256_hex(original.source.read_bytes())
    monkeypatch.setitem(layout_lineage.SAME_PRINT, sha256_hex(edited.read_bytes()), (earlier,))
    again = docgen.reissue_pdf(rendered.document_id)
    assert again.identical and again.pdf == rendered.content


def test_an_agreement_printed_with_another_layouts_pieces_is_not_made_again_after_they_change(
    docgen: DocumentService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # the settlement agreement prints with the installment agreement's pieces (its
    # closing): an edit of that module changes the settlement's version as its own would;
    # before, the settlement's version was its module's alone, and a change to the
    # shared piece reissued under the old version a PDF that could print otherwise
    registry.all_types()
    settlement = layouts.LAYOUTS["settlement_agreement"]
    (shared,) = settlement.parts
    assert shared.name == "installment_agreement.py"
    case = load_fixture("settlement_agreement", "valid", "mediation_with_a_guarantor")
    rendered = docgen.render("settlement_agreement", case, "pdf")
    assert docgen.reissue_pdf(rendered.document_id).identical

    edited = tmp_path / "installment_agreement.py"
    edited.write_bytes(shared.read_bytes() + b"\n# a comment: prints the same\n")
    monkeypatch.setitem(
        layouts.LAYOUTS, "settlement_agreement", dataclasses.replace(settlement, parts=(edited,))
    )
    with pytest.raises(NotReissuable) as refused:
        docgen.reissue_pdf(rendered.document_id)
    assert refused.value.code == "template_changed"

    # shown to print the same (bin/print-compare judges it by every layout printing with
    # it) and listed: the reissue accepts it
    earlier = sha256_hex(shared.read_bytes())
    monkeypatch.setitem(layout_lineage.SAME_PRINT, sha256_hex(edited.read_bytes()), (earlier,))
    again = docgen.reissue_pdf(rendered.document_id)
    assert again.identical and again.pdf == rendered.content
