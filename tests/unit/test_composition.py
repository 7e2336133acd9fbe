"""The document service is put together in one place, and modules keep to public names.

Read from the source (nothing is imported): the web app, the CLI and the workers get
their service from ``docgen.pipeline.compose.build``; no module of docgen imports
another's private (underscored) name.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

import docgen

# on one worker: docgen's source is parsed once for both tests
pytestmark = pytest.mark.xdist_group("test_composition")

ROOT = Path(docgen.__file__).parent


@functools.cache  # parsed once per process for both tests (a second of CPU each)
def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (path.relative_to(ROOT.parent).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(ROOT.rglob("*.py"))
    ]


def test_only_the_composition_root_makes_the_document_service():
    makers = [
        name
        for name, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "DocumentService"
    ]
    assert makers == ["docgen/pipeline/compose.py"]


def test_no_module_imports_another_modules_private_names():
    private = [
        f"{name} imports {node.module}.{alias.name}"
        for name, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("docgen")
        for alias in node.names
        if alias.name.startswith("_")
        and not alias.name.startswith("__")
        # docgen.isolation runs itself as __main__ in its child and imports its own entry
        and node.module != name.removesuffix(".py").replace("/", ".")
    ]
    assert private == []
