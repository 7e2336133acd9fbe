"""Each valid fixture printed to PDF once per test process, for every suite that reads it.

The layouts' words, the signature pages, the court filings' unstamped pages, the amounts,
A4 pages and fonts of the renderers' suite and the text LibreOffice is held to were each
printed by their own suite: the same case, the same engine, a fresh registered service,
four or five times per run. :class:`CasePdfs` prints each (case, engine) once, with its own
service on a fresh data folder (register on, as a user prints it; numbers given per render
start at the first), and keeps the service so that a test can read its register or reissue
from it. The services share their engines (fonts and stylesheets loaded once, 0.2 s of a
fresh WeasyPrint service's first print), as the services of one docgen process do. Only
bytes made in this process are served: nothing is kept on disk between runs, so a change to
docgen is always printed anew.

Tests of one case are placed on one pytest-xdist worker (:func:`by_case`) so that the file
is printed once per run, not once per worker (``--dist loadgroup``, ``make test``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from docgen.config import Settings
from docgen.pipeline.engines import Engines
from docgen.services import DocumentService, Rendered
from tests.support import FixtureCase


class Printed(NamedTuple):
    """A case's PDFs (one per recipient) and the service that printed and registered them."""

    service: DocumentService
    pdfs: list[Rendered]


class CasePdfs:
    def __init__(self, root: Path) -> None:
        self._root = root
        self._printed: dict[tuple[str, str], Printed] = {}
        self._engines: Engines | None = None
        self._lock = threading.Lock()

    def printed(self, case: FixtureCase, engine: str) -> Printed:
        key = (str(case), engine)
        with self._lock:
            if key not in self._printed:
                folder = self._root / f"{len(self._printed)}-{case.type_name}-{engine}"
                service = DocumentService(Settings(data_dir=folder), engines=self._engines)
                self._engines = service.engines
                pdfs = service.render_each(case.type_name, case.data, "pdf", engine=engine)
                self._printed[key] = Printed(service, pdfs)
            return self._printed[key]

    def pdfs(self, case: FixtureCase, engine: str) -> list[Rendered]:
        return self.printed(case, engine).pdfs


def by_case(cases: Iterable[FixtureCase]) -> list[Any]:
    """``cases`` as parameters, each in the xdist group of its case (ids: ``str(case)``)."""
    return [pytest.param(case, id=str(case), marks=case_group(case)) for case in cases]


def with_case(case: FixtureCase, *values: Any) -> Any:
    """``values`` as one set of parameters of a test that reads ``case``'s PDFs, in the
    xdist group of that case (ids as pytest makes them from ``values``)."""
    return pytest.param(*values, marks=case_group(case))


def case_group(case: FixtureCase) -> Any:
    """The mark that puts a test in the xdist group of ``case`` (its PDFs printed there)."""
    return pytest.mark.xdist_group(f"case:{case}")
