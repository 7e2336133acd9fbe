"""A layout's version covers every layout module it prints with (``Layout.parts``): a
module that imports another's pieces (the settlement agreement the installment
agreement's closing) changes its print when that one changes."""

from __future__ import annotations

import ast
from pathlib import Path

from docgen import layouts
from docgen.documents import registry


def _imported(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return {
        node.module.rpartition(".")[2]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("docgen.layouts.")
    }


def test_each_layout_module_imported_by_a_layout_is_part_of_its_version():
    registry.all_types()
    for name, layout in layouts.LAYOUTS.items():
        parts = {path.stem for path in layout.parts}
        assert _imported(layout.source) - {"common"} <= parts, name
        for part in layout.parts:  # what a part imports is printed with too
            assert _imported(part) - {"common"} <= parts, name
        assert layout.files == (layout.source, *layout.parts)
        assert layouts.SHARED not in layout.parts and layout.source not in layout.parts


def test_the_agreements_record_the_installment_agreements_pieces():
    registry.all_types()
    installment = layouts.LAYOUTS["installment_agreement"].source
    assert layouts.LAYOUTS["installment_agreement"].parts == ()
    for name in ("settlement_agreement", "debt_confirmation"):
        assert layouts.LAYOUTS[name].parts == (installment,)
