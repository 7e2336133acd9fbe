"""A service on a fresh register (and profile store) of its own, for the register tests
that count entries, numbers and copies; it shares the session's (slow to load) engines."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.config import Settings
from docgen.services import DocumentService


@pytest.fixture
def docgen(settings: Settings, service: DocumentService, tmp_path: Path) -> DocumentService:
    return DocumentService(
        settings.model_copy(update={"data_dir": tmp_path}), engines=service.engines
    )
