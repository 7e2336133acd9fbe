"""Render one notice (``tests/templated``, a type printed from template files) to PDF
from its HTML template (WeasyPrint) in a child process, for the time-limit tests.

A template whose loop escapes the render budget would spin forever; in a child process
the test can kill it. Usage: ``python render_pdf.py CASE_JSON TEMPLATES_DIR...``: the
notice is rendered from each template root in turn, by a service of its own (one child
tries several planted templates). For each root it prints a line ``== <root>``, then
``refused: <error>`` or ``rendered: <n> bytes``, then a line ``seconds: <s>``: how long
the template ran under its render budget.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docgen.config import Settings
from docgen.render import sandbox
from docgen.render.errors import TemplateRenderError
from docgen.services import DocumentService
from tests import templated

SPENT: list[float] = []
# the renderer imports its budget from the sandbox when it renders (docgen.render.pdf)
BUDGETED = sandbox.render_budget


@contextlib.contextmanager
def _timed_budget() -> Iterator[None]:
    """The renderer's budget block, timed (loading fonts and the case is left out)."""
    started = time.monotonic()
    try:
        with BUDGETED():
            yield
    finally:
        SPENT.append(time.monotonic() - started)


def render_from(templates_dir: str, case: dict[str, Any]) -> str:
    """What happened to the notice rendered from ``templates_dir``'s templates."""
    SPENT.clear()
    service = DocumentService(Settings(templates_dir=Path(templates_dir)))
    try:
        rendered = service.render(templated.NAME, case, "pdf", engine="weasyprint")
    except TemplateRenderError as exc:
        return f"refused: {exc}\nseconds: {sum(SPENT):.2f}"
    return f"rendered: {len(rendered.content)} bytes\nseconds: {sum(SPENT):.2f}"


def main(case_json: str, *templates_dirs: str) -> int:
    case = json.loads(Path(case_json).read_text(encoding="utf-8"))
    sandbox.render_budget = _timed_budget  # type: ignore[assignment]
    with templated.registered():
        for templates_dir in templates_dirs:
            print(f"== {templates_dir}\n{render_from(templates_dir, case)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
