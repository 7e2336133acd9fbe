"""The import graph of docgen has no cycle, and each layer imports only what it may.

The graph comes from grimp (the library behind import-linter), which reads the source
without importing it. Imports under ``if TYPE_CHECKING:`` are left out: they never run,
so they cannot make a module see another half-initialised. Imports inside functions
count: they run, and they hide a cycle rather than remove it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest

# on one worker: its module fixtures (the import graph) are made once
pytestmark = pytest.mark.xdist_group("test_import_graph")


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("docgen", cache_dir=None, exclude_type_checking_imports=True)


def _imports(graph: grimp.ImportGraph) -> list[tuple[str, str]]:
    return sorted(
        (importer, imported)
        for importer in graph.modules
        for imported in graph.find_modules_directly_imported_by(importer)
        # docgen.isolation imports itself on purpose: run as __main__ in its child
        # process, it takes its names from the module the parent catches them from
        if imported != importer
    )


def _cycles(graph: grimp.ImportGraph) -> list[str]:
    """Each import whose imported module leads back to the importer, as the full loop."""
    cycles = []
    for importer, imported in _imports(graph):
        if graph.chain_exists(importer=imported, imported=importer, as_packages=False):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            cycles.append(" -> ".join((importer, *(back or ()))))
    return cycles


def test_no_module_of_docgen_imports_itself_back(graph):
    cycles = _cycles(graph)
    assert cycles == [], "import cycles:\n" + "\n".join(cycles)


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("docgen.render", "docgen.documents"),  # renderers print what they are given
        ("docgen.render", "docgen.services"),
        ("docgen.render", "docgen.pipeline"),
        ("docgen.documents", "docgen.pipeline"),
        # the pipeline's steps know no entrypoint; only compose.py builds the facade
        ("docgen.pipeline.rendering", "docgen.services"),
        ("docgen.pipeline.many", "docgen.services"),
        ("docgen.pipeline.reissue", "docgen.services"),
        ("docgen.pipeline.rendering", "docgen.web"),
        ("docgen.pipeline.many", "docgen.batch"),
        ("docgen.pipeline.reissue", "docgen.bundle"),
        ("docgen.domain", "docgen.documents"),  # pure rules know no document type
        ("docgen.domain", "docgen.render"),
        ("docgen.documents", "docgen.render"),
        ("docgen.documents", "docgen.web"),
        ("docgen.batch", "docgen.web"),
        ("docgen.render.typst_pdf", "docgen.render.docx"),  # a Typst worker loads no docxtpl
        ("docgen.render.pdf", "docgen.render.docx"),
    ],
)
def test_a_layer_does_not_reach_into_one_above_it(graph, importer, imported):
    chain = graph.find_shortest_chains(importer=importer, imported=imported, as_packages=True)
    assert chain == set(), f"{importer} reaches {imported}: {sorted(chain)}"


def test_the_check_finds_a_cycle_when_there_is_one(graph):
    """The check itself: an import from the service back to the web API is reported."""
    graph.add_import(importer="docgen.services", imported="docgen.web.api")
    try:
        found = _cycles(graph)
    finally:
        graph.remove_import(importer="docgen.services", imported="docgen.web.api")
    assert any(
        c.startswith("docgen.services -> docgen.web.api -> ") and c.endswith(" docgen.services")
        for c in found
    )


# where each framework may be imported (drafts.py stamps 「草稿」 on finished PDF and DOCX)
FRAMEWORKS = {
    "flask": ("docgen.web",),
    "flask_openapi3": ("docgen.web",),
    "flask_wtf": ("docgen.web",),
    "celery": ("docgen.batch.celery_app", "docgen.batch.worker"),
    "docxtpl": ("docgen.render",),
    "typst": ("docgen.render",),
    "weasyprint": ("docgen.render", "docgen.drafts"),
}


def test_each_framework_is_imported_only_where_it_belongs():
    graph = grimp.build_graph(
        "docgen", cache_dir=None, include_external_packages=True, exclude_type_checking_imports=True
    )
    strays = []
    for package, homes in FRAMEWORKS.items():
        for importer in graph.find_modules_that_directly_import(package):
            if not any(importer == home or importer.startswith(home + ".") for home in homes):
                strays.append(f"{importer} imports {package}")
    assert strays == []


def test_the_upload_checking_child_loads_no_database_layer_nor_pydantic():
    # every template upload is checked in a fresh child process: what the child's module
    # loads at import, each upload waits for (SQLAlchemy, pydantic: half a second of CPU)
    code = (
        "import sys, docgen.template_checks.vetting\n"
        "print(' '.join(m for m in ('sqlalchemy', 'pydantic', 'docgen.template_store')"
        " if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert done.stdout.split() == []
