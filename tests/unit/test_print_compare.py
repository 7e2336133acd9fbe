"""bin/print_compare.py, what bin/print-compare concludes from two trees' prints, on small
synthetic prints: which prints differ, which shared layout files and layout modules print
the same, and the SAME_PRINT entries written for them (pasted, they are the dict's
entries); and bin/print_render.py's stamps."""

from __future__ import annotations

import ast
import copy
import importlib.util
import sys
from types import ModuleType
from typing import Any

from docgen.register import normalize_code
from tests.support import ROOT


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "bin" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


print_compare = _load("print_compare")
print_render = _load("print_render")

OLD_WRITER, NEW_WRITER = "a" * 64, "b" * 64
BLOCKS, CSS, DOCX_WRITER = "c" * 64, "d" * 64, "e" * 64
LETTER_MODULE, COMPLAINT_MODULE = "1" * 64, "2" * 64


def _copy(sha: str, template_id: str | None) -> dict[str, Any]:
    return {"sha256": sha, "template_id": template_id, "template_hash": None, "layout_hash": None}


def tree(writer: str = OLD_WRITER) -> dict[str, Any]:
    """A tree with a two-copy letter and a court filing, each in the three prints."""
    outputs = {}
    for case, layout, copies in (
        ("demand_letter/person", "demand_letter", 2),
        ("civil_complaint/loan", "civil_complaint:narrative", 1),
    ):
        for engine in ("typst", "weasyprint", "docx"):
            mark = "#unstamped" if case.startswith("civil") and engine != "docx" else ""
            template_id = f"layouts/{layout}.py@{engine}{mark}"
            outputs[f"{case}@{engine}"] = {
                "copies": [_copy(f"{case}{engine}{i}", template_id) for i in range(copies)]
            }
    return {
        "inputs": {"demand_letter/person": "in1", "civil_complaint/loan": "in2"},
        "outputs": outputs,
        "shared": {
            "typst": {
                "docgen/docmodel/blocks.py": BLOCKS,
                "docgen/docmodel/typst_writer.py": writer,
            },
            "weasyprint": {"docgen/docmodel/blocks.py": BLOCKS, "templates/_shared/print.css": CSS},
            "docx": {
                "docgen/docmodel/blocks.py": BLOCKS,
                "docgen/docmodel/docx_writer.py": DOCX_WRITER,
            },
        },
        "layouts": {
            "demand_letter": {"path": "docgen/layouts/demand_letter.py", "sha256": LETTER_MODULE},
            "civil_complaint:narrative": {
                "path": "docgen/layouts/civil_complaint.py",
                "sha256": COMPLAINT_MODULE,
            },
            "civil_complaint:elements": {
                "path": "docgen/layouts/civil_complaint.py",
                "sha256": COMPLAINT_MODULE,
            },
        },
        "same_print": {},
    }


def _report(base: dict[str, Any], head: dict[str, Any]) -> tuple[str, int]:
    return print_compare.report((base, head), ("1234567890", "the working tree"), "2026-12-06")


def _pasted(text: str) -> dict[str, tuple[str, ...]]:
    """The entries of a report as the dict they make pasted into SAME_PRINT."""
    body = text.partition("(docgen/pipeline/layout_lineage.py):\n")[2]
    return ast.literal_eval("{\n" + body + "\n}")


def test_a_writer_edit_that_prints_every_pdf_alike_is_listed_with_its_earlier_version():
    text, status = _report(tree(OLD_WRITER), tree(NEW_WRITER))

    assert status == 0
    assert "2 valid fixtures, each as Typst PDF, WeasyPrint PDF and DOCX: 6 identical" in text
    assert "docgen/docmodel/typst_writer.py  aaaaaaaaaaaa -> bbbbbbbbbbbb  same print" in text
    assert _pasted(text) == {NEW_WRITER: (OLD_WRITER,)}
    # the comment names the file, the day and the base it was compared with
    assert "# docgen/docmodel/typst_writer.py, 2026-12-06: prints as at 1234567890" in text
    assert "2 typst" in text  # two cases' Typst PDFs prove it


def test_one_differing_pdf_blocks_the_entry_of_the_files_it_is_printed_with():
    base, head = tree(OLD_WRITER), tree(NEW_WRITER)
    head["shared"]["weasyprint"]["templates/_shared/print.css"] = "f" * 64
    head["outputs"]["demand_letter/person@weasyprint"]["copies"][1]["sha256"] = "changed"

    text, status = _report(base, head)

    assert status == 1
    assert "different    demand_letter/person@weasyprint  copy 2 of 2" in text
    assert "templates/_shared/print.css" in text
    assert "NOT shown to print the same: 1 of its 2 PDFs differ" in text
    # the Typst writer is not printed with by WeasyPrint: its PDFs are all identical
    assert _pasted(text) == {NEW_WRITER: (OLD_WRITER,)}


def test_a_file_only_docx_is_printed_with_needs_no_entry():
    base, head = tree(), tree()
    head["shared"]["docx"]["docgen/docmodel/docx_writer.py"] = "f" * 64

    text, status = _report(base, head)

    assert status == 0
    assert "docgen/docmodel/docx_writer.py" in text
    assert "no entry needed: only DOCX is printed with it" in text
    assert "Ready to paste" not in text


def test_an_entry_carries_the_earlier_versions_the_base_listed_and_a_listed_one_is_confirmed():
    base, head = tree(OLD_WRITER), tree(NEW_WRITER)
    oldest = "9" * 64
    base["same_print"] = {OLD_WRITER: [oldest]}  # the base's writer prints as an older one

    text, _ = _report(base, head)
    assert _pasted(text) == {NEW_WRITER: (OLD_WRITER, oldest)}

    head["same_print"] = {NEW_WRITER: [OLD_WRITER, oldest]}
    text, _ = _report(base, head)
    assert "SAME_PRINT lists docgen/docmodel/typst_writer.py's earlier versions already" in text
    assert "Ready to paste" not in text


def test_a_layout_module_is_judged_by_the_prints_of_its_own_layouts():
    base, head = tree(), tree()
    for name in ("civil_complaint:narrative", "civil_complaint:elements"):
        head["layouts"][name]["sha256"] = "3" * 64
    # the letter, printed from another module, differs: no matter for the complaint's module
    head["outputs"]["demand_letter/person@typst"]["copies"][0]["sha256"] = "changed"

    text, status = _report(base, head)

    assert status == 1
    assert "docgen/layouts/civil_complaint.py  222222222222 -> 333333333333  same print" in text
    assert _pasted(text) == {"3" * 64: (COMPLAINT_MODULE,)}


def test_a_layout_module_another_layout_prints_with_is_judged_by_that_layouts_prints_too():
    # the complaint prints with a piece of the letter's module (``Layout.parts``): an edit
    # of that module is shown to print the same only if the complaint's PDFs are identical
    base, head = tree(), tree()
    for side in (base, head):
        part = {"path": "docgen/layouts/demand_letter.py", "sha256": LETTER_MODULE}
        side["layouts"]["civil_complaint:narrative"]["parts"] = [part]
    head["layouts"]["demand_letter"]["sha256"] = "3" * 64
    head["layouts"]["civil_complaint:narrative"]["parts"][0]["sha256"] = "3" * 64
    head["outputs"]["civil_complaint/loan@typst"]["copies"][0]["sha256"] = "changed"

    text, status = _report(base, head)

    assert status == 1
    assert "docgen/layouts/demand_letter.py  111111111111 -> 333333333333" in text
    assert "NOT shown to print the same: 1 of its 4 PDFs differ" in text
    assert "Ready to paste" not in text


def test_a_fixture_in_one_tree_or_with_another_case_is_not_compared_and_proves_nothing():
    base, head = tree(OLD_WRITER), tree(NEW_WRITER)
    head["inputs"]["civil_complaint/loan"] = "edited"
    for engine in ("typst", "weasyprint", "docx"):
        head["outputs"][f"civil_complaint/loan@{engine}"]["copies"][0]["sha256"] = "other"
        del head["outputs"][f"demand_letter/person@{engine}"]
    del head["inputs"]["demand_letter/person"]

    text, status = _report(base, head)

    assert status == 0
    assert "not compared demand_letter/person@typst  only in base" in text
    assert "not compared civil_complaint/loan@typst  the fixture's case differs" in text
    assert "none of its PDFs could be compared" in text
    assert "Ready to paste" not in text


def test_a_print_that_fails_in_a_tree_is_reported_with_its_error():
    base, head = tree(), tree()
    head["outputs"]["demand_letter/person@typst"] = {"error": "GlyphMissing: 㐀"}

    text, status = _report(base, head)

    assert status == 1
    assert "failed       demand_letter/person@typst  head: GlyphMissing: 㐀" in text


def test_a_run_of_some_fixtures_writes_no_entry():
    base, head = tree(OLD_WRITER), tree(NEW_WRITER)
    head["only"] = ["demand_letter/*"]
    text, _ = _report(base, head)
    assert "same print" in text
    assert "no SAME_PRINT entry is written" in text
    assert "Ready to paste" not in text


def test_the_stamps_are_the_same_for_the_same_print_and_read_as_the_registers():
    first = print_render.stamp_parts("demand_letter/person@typst#1")
    assert first == print_render.stamp_parts("demand_letter/person@typst#1")
    assert first != print_render.stamp_parts("demand_letter/person@typst#2")
    document_id, code = first
    assert len(document_id) == 20 and document_id.isalnum()
    assert normalize_code(code) == code and len(code) == 15  # 4-4-5, as printed


def test_the_comparison_leaves_its_inputs_unchanged():
    base, head = tree(OLD_WRITER), tree(NEW_WRITER)
    before = copy.deepcopy((base, head))
    _report(base, head)
    assert (base, head) == before
