"""The composition root: the one place a process's document service is put together."""

from __future__ import annotations

from docgen.config import Settings
from docgen.pipeline.engines import Engines
from docgen.services import DocumentService


def build(settings: Settings, engines: Engines | None = None) -> DocumentService:
    """The document service for ``settings``, acting for the default tenant; with
    ``engines``, sharing those already loaded (fonts and stylesheets load slowly)."""
    return DocumentService(settings, engines=engines)
