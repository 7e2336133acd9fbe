"""Built-in documents declared once: one module per type builds its blocks
(``docgen.docmodel.blocks``) from the case's template context; the writers print them to
DOCX, PDF and HTML. Every built-in type is listed here and printed from its layout unless
a firm's uploaded template is active for it. A type with several layouts (variants) has
one per layout, named ``<type>:<layout>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from docgen.docmodel.blocks import Document
from docgen.layouts import (
    civil_complaint,
    debt_confirmation,
    demand_letter,
    enforcement_application,
    evidence_list,
    firm_letter,
    installment_agreement,
    lawyer_letter,
    payment_order,
    power_of_attorney,
    preservation_application,
    representative_certificate,
    service_address,
    settlement_agreement,
    withdrawal_application,
)
from docgen.layouts.common import Context


@dataclass(frozen=True)
class Layout:
    """A type's layout: ``name`` (the type's), its builder and the module that holds
    its words (its version is the module file's hash)."""

    name: str
    build: Callable[[Context], Document]
    source: Path


def _layout(
    name: str, module: ModuleType, build: Callable[[Context], Document] | None = None
) -> Layout:
    return Layout(name, build or module.build, Path(module.__file__ or ""))


LAYOUTS: dict[str, Layout] = {
    layout.name: layout
    for layout in (
        _layout("demand_letter", demand_letter),
        _layout("lawyer_letter", lawyer_letter),
        _layout("debt_confirmation", debt_confirmation),
        _layout("installment_agreement", installment_agreement),
        _layout("evidence_list", evidence_list),
        _layout("preservation_application", preservation_application),
        _layout("power_of_attorney", power_of_attorney),
        _layout("firm_letter", firm_letter),
        _layout("representative_certificate", representative_certificate),
        _layout("service_address", service_address),
        _layout("payment_order", payment_order),
        _layout("civil_complaint:narrative", civil_complaint, civil_complaint.build_narrative),
        _layout("civil_complaint:elements", civil_complaint, civil_complaint.build_elements),
        _layout(
            "civil_complaint:elements_bank_loan", civil_complaint, civil_complaint.build_elements
        ),
        _layout("civil_complaint:elements_sale", civil_complaint, civil_complaint.build_elements),
        _layout("enforcement_application", enforcement_application),
        _layout("withdrawal_application", withdrawal_application),
        _layout("settlement_agreement", settlement_agreement),
    )
}
SHARED = Path(__file__).with_name("common.py")
"""The shared blocks every layout uses (part of each layout's version)."""


def get(name: str) -> Layout | None:
    return LAYOUTS.get(name)


def name_for(type_name: str, variant: str = "") -> str:
    """The name of the layout a case of ``type_name`` in layout ``variant`` prints from
    ("" for a type with one layout)."""
    return f"{type_name}:{variant}" if variant else type_name


__all__ = ["LAYOUTS", "SHARED", "Layout", "get", "name_for"]
