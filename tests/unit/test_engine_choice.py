"""Which engine prints a case's PDF: the one decision, made by ``engines.choose``."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from docgen.pipeline.engines import PdfChoice, choose


@pytest.fixture
def engines() -> SimpleNamespace:
    """Engines that name themselves (no fonts are loaded to choose among them)."""
    return SimpleNamespace(
        pdf="weasyprint",
        typst="typst",
        isolated_pdf="weasyprint in a limited child",
        layout_printer=lambda engine: f"{engine} layout printer",
    )


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_a_built_in_layout_prints_with_the_engine_asked_for(engines, engine):
    choice = PdfChoice(engine, "demand_letter", "", None, uploaded=False)
    assert choose(engines, choice) == (f"{engine} layout printer", "demand_letter")


def test_a_firms_uploaded_html_prints_in_the_limited_child_even_over_a_layout(engines):
    choice = PdfChoice("typst", "demand_letter", "/data/custom/ab12.html", "x.typ", uploaded=True)
    assert choose(engines, choice) == ("weasyprint in a limited child", "/data/custom/ab12.html")


def test_typst_prints_a_template_file_only_where_the_type_has_a_typst_one(engines):
    with_typst = PdfChoice("typst", None, "complaint/complaint.html", "complaint.typ", False)
    without = PdfChoice("typst", None, "complaint/complaint.html", None, uploaded=False)
    assert choose(engines, with_typst) == ("typst", "complaint.typ")
    assert choose(engines, without) == ("weasyprint", "complaint/complaint.html")
    weasy = PdfChoice("weasyprint", None, "complaint/complaint.html", "complaint.typ", False)
    assert choose(engines, weasy) == ("weasyprint", "complaint/complaint.html")
