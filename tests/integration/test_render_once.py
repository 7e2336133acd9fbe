"""One document is built once: its template context, and its glyph check.

The rules build the case's context for the compliance check; rendering the same case
again reuses it. The renderer checks every character it prints; the case's fields are
read only to say which one holds a character the fonts lack.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from docgen.documents import registry
from docgen.documents.problems import CaseInvalid
from docgen.render import fonts, layout_print, pdf, typst_pdf
from docgen.services import DocumentService
from tests.support import load_fixture

pytestmark = pytest.mark.slow

UNDRAWABLE = "\U000f0001"  # a private-use character no font draws


@pytest.fixture
def counted(monkeypatch, service: DocumentService) -> Counter[str]:
    """Calls of the demand letter's context builder and of the glyph lookup."""
    calls: Counter[str] = Counter()
    doc_type = registry.get("demand_letter")

    def build_context(case, assessment):
        calls["build_context"] += 1
        return doc_type.build_context(case, assessment)

    def missing_glyphs(text, families):
        calls["glyph_check"] += 1
        return fonts.missing_glyphs(text, families)

    counting = dataclasses.replace(doc_type, build_context=build_context)
    monkeypatch.setitem(registry._types, "demand_letter", counting)
    for module in (layout_print, pdf, typst_pdf):
        monkeypatch.setattr(module, "missing_glyphs", missing_glyphs)
    monkeypatch.setattr("docgen.pipeline.validation.missing_glyphs", missing_glyphs)
    monkeypatch.setattr("docgen.pipeline.rendering.missing_glyphs", missing_glyphs)
    return calls


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_single_render_builds_its_context_once(counted, service, fmt):
    service.render("demand_letter", load_fixture("demand_letter", "valid", "person_debtor"), fmt)
    assert counted["build_context"] == 1


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_a_single_pdf_is_glyph_checked_once(counted, service, engine):
    case = load_fixture("demand_letter", "valid", "person_debtor")
    service.render("demand_letter", case, "pdf", engine=engine)
    assert counted["glyph_check"] == 1


def test_a_letter_with_a_guarantor_builds_one_context_per_recipient(counted, service):
    case = load_fixture("demand_letter", "valid", "guarantor_demanded_in_time")
    rendered = service.render_each("demand_letter", case, "pdf")
    assert len(rendered) == 2
    assert counted["build_context"] == 2  # the guarantor's copy is built for its recipient
    assert counted["glyph_check"] == 2


@pytest.mark.parametrize(
    ("type_name", "name"),
    [
        ("demand_letter", "guarantor_demanded_in_time"),
        ("lawyer_letter", "company_debtor_with_guarantor"),
    ],
)
def test_the_debtors_renumbered_copy_reads_as_if_built_anew(service, type_name, name):
    # the first copy reuses the case's context with its own number (…-1): nothing else
    # of what it prints may differ from a context built for it
    doc_type = registry.get(type_name)
    case = load_fixture(type_name, "valid", name)
    assessment, copies = service.drafting().copies(doc_type, case, service.options())
    first, context = copies[0]
    assert first.letter_number.endswith(("-1号", "-1"))
    assert context["letter_number"] == first.letter_number
    assert context == doc_type.build_context(first, assessment)


def test_a_character_the_fonts_lack_is_still_reported_at_its_field(service):
    case = load_fixture("demand_letter", "valid", "person_debtor")
    case["debtor"]["name"] = f"张{UNDRAWABLE}伟"
    with pytest.raises(CaseInvalid) as caught:
        service.render("demand_letter", case, "pdf")
    assert [(p.loc, p.code) for p in caught.value.problems] == [
        (("debtor", "name"), "glyph_missing")
    ]


def test_in_a_batch_only_the_letter_the_fonts_cannot_print_is_refused(service):
    good = load_fixture("demand_letter", "valid", "person_debtor")
    bad = load_fixture("demand_letter", "valid", "person_debtor")
    bad["debtor"]["name"] = f"王{UNDRAWABLE}"
    results = service.render_many("demand_letter", [good, bad, good], "pdf")
    assert isinstance(results[1], CaseInvalid)
    assert [p.loc for p in results[1].problems] == [("debtor", "name")]
    assert all(not isinstance(results[i], CaseInvalid) for i in (0, 2))
    assert results[0].content.startswith(b"%PDF")
