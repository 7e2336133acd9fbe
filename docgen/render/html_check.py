"""Rendering helpers for vetting a firm's uploaded HTML (PDF) template.

:func:`undeclared_names` lists the variables a template reads (with the shared macros in
front, as the renderer compiles it). :func:`recording_renderer` is the service's own
:class:`~docgen.render.pdf.PdfRenderer` (sandbox, glyph check, asset-only fetcher) that
also tells which fetches its fetcher refused (:func:`refused_fetches`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import meta

from docgen.render.assets import AssetFetcher
from docgen.render.pdf import SHARED_MACROS, PdfRenderer


def undeclared_names(renderer: PdfRenderer, source: str) -> set[str]:
    """Top-level names an HTML template reads, with the shared macros in front of it."""
    macros = renderer.templates_dir / SHARED_MACROS
    shared = macros.read_text(encoding="utf-8") if macros.is_file() else ""
    parsed = renderer.env.parse(shared + source)
    return set(meta.find_undeclared_variables(parsed)) - set(renderer.env.globals)


class _RecordingRenderer(PdfRenderer):
    """The service's renderer, keeping each fetcher it hands out to read what it refused."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fetchers: list[AssetFetcher] = []

    def _fetcher(self) -> AssetFetcher:
        fetcher = super()._fetcher()
        self.fetchers.append(fetcher)
        return fetcher

    def refused(self) -> list[str]:
        return [url for fetcher in self.fetchers for url in fetcher.blocked]


def recording_renderer(
    templates_dir: Path, font_families: tuple[str, ...], font_cache_dir: Path | None = None
) -> PdfRenderer:
    """A renderer whose refused fetches :func:`refused_fetches` reports."""
    return _RecordingRenderer(templates_dir, font_families, font_cache_dir)


def refused_fetches(renderer: PdfRenderer) -> list[str]:
    return renderer.refused() if isinstance(renderer, _RecordingRenderer) else []
