"""Render one notice (``tests/templated``, a type printed from template files) to PDF
from its HTML template (WeasyPrint) in a child process, for the time-limit tests.

A template whose loop escapes the render budget would spin forever; in a child process
the test can kill it. Usage: ``python render_pdf.py TEMPLATES_DIR CASE_JSON``. Prints
``refused: <error>`` (exit 0) or ``rendered: <n> bytes`` (exit 1).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from docgen.config import Settings
from docgen.render.errors import TemplateRenderError
from docgen.services import DocumentService
from tests import templated


def main(templates_dir: str, case_json: str) -> int:
    case = json.loads(Path(case_json).read_text(encoding="utf-8"))
    service = DocumentService(Settings(templates_dir=Path(templates_dir)))
    with templated.registered():
        try:
            rendered = service.render(templated.NAME, case, "pdf", engine="weasyprint")
        except TemplateRenderError as exc:
            print(f"refused: {exc}")
            return 0
    print(f"rendered: {len(rendered.content)} bytes")
    return 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
