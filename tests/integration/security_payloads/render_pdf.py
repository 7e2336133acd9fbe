"""Render one notice (``tests/templated``, a type printed from template files) to PDF
from its HTML template (WeasyPrint) in a child process, for the time-limit tests.

A template whose loop escapes the render budget would spin forever; in a child process
the test can kill it. Usage: ``python render_pdf.py TEMPLATES_DIR CASE_JSON``. Prints
``refused: <error>`` (exit 0) or ``rendered: <n> bytes`` (exit 1), then a line
``seconds: <s>``: how long the template ran under its render budget.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from docgen.config import Settings
from docgen.render import pdf
from docgen.render.errors import TemplateRenderError
from docgen.services import DocumentService
from tests import templated

SPENT: list[float] = []
BUDGETED = pdf.render_budget


@contextlib.contextmanager
def _timed_budget() -> Iterator[None]:
    """The renderer's budget block, timed (loading fonts and the case is left out)."""
    started = time.monotonic()
    try:
        with BUDGETED():
            yield
    finally:
        SPENT.append(time.monotonic() - started)


def main(templates_dir: str, case_json: str) -> int:
    case = json.loads(Path(case_json).read_text(encoding="utf-8"))
    service = DocumentService(Settings(templates_dir=Path(templates_dir)))
    pdf.render_budget = _timed_budget  # type: ignore[assignment]
    with templated.registered():
        try:
            rendered = service.render(templated.NAME, case, "pdf", engine="weasyprint")
        except TemplateRenderError as exc:
            print(f"refused: {exc}\nseconds: {sum(SPENT):.2f}")
            return 0
    print(f"rendered: {len(rendered.content)} bytes\nseconds: {sum(SPENT):.2f}")
    return 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
