"""The registry finds the types where they are declared, and nowhere else.

A type is a module of docgen/documents with ``DOCUMENT``; its place in every list and
its layouts are facts it declares (tests/e2e/test_new_type.py adds one end to end).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from docgen import layouts
from docgen.documents import registry

DOCUMENTS = Path(registry.__file__).parent


def test_every_module_that_declares_a_document_is_a_type_and_no_other_is():
    declaring = sorted(
        path.stem
        for path in DOCUMENTS.glob("*.py")
        if re.search(r"^DOCUMENT\b", path.read_text(encoding="utf-8"), re.M)
    )
    assert sorted(t.name for t in registry.all_types()) == declaring
    assert len(declaring) == 15


def test_types_are_listed_along_a_creditors_path_by_their_declared_order():
    types = registry.all_types()
    assert [t.name for t in types][:5] == [
        "demand_letter",
        "lawyer_letter",
        "debt_confirmation",
        "installment_agreement",
        "civil_complaint",
    ]
    orders = [t.order for t in types]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)


def test_each_layout_is_the_one_its_type_declares():
    declared = {
        layouts.name_for(t.name, variant): target
        for t in registry.all_types()
        for variant, target in t.layouts.items()
    }
    assert sorted(layouts.LAYOUTS) == sorted(declared)
    for name, target in declared.items():
        layout = layouts.LAYOUTS[name]
        module, function = target.split(":")
        assert (layout.build.__module__, layout.build.__name__) == (module, function)
        assert layout.source.name == f"{name.split(':')[0]}.py"  # the module's file
    assert layouts.LAYOUTS["civil_complaint:elements_sale"].build.__name__ == "build_elements"
    assert layouts.get("no_such_layout") is None


def test_a_type_with_several_layouts_declares_one_for_each_variant():
    for doc_type in registry.all_types():
        if doc_type.variants:
            assert set(doc_type.layouts) == set(doc_type.variants), doc_type.name
        else:
            assert set(doc_type.layouts) == {""}, doc_type.name


def test_a_layout_for_a_variant_the_type_does_not_have_is_refused():
    base = registry.get("civil_complaint")
    with pytest.raises(ValueError, match="its layouts are not its variants"):
        dataclasses.replace(base, layouts={**base.layouts, "elements_lease": "x:build"})


def test_each_caller_gets_its_own_copy_of_a_types_json_schema():
    """Built once per model (docgen.documents.base): the same schema pydantic gives, and a
    caller that changes its copy changes no one else's."""
    for doc_type in registry.all_types():
        first = doc_type.json_schema()
        assert first == doc_type.model.model_json_schema()
        first["properties"].clear()
        first["title"] = "改过"
        again = doc_type.json_schema()
        assert again["properties"] and again["title"] == doc_type.model.model_json_schema()["title"]
