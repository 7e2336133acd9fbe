"""The only way a WeasyPrint document reaches a resource: docgen's own assets.

The URL fetcher serves only files under docgen's template root (and the prepared-font
cache: fonts, CSS, images) and ``data:`` URLs: no network, no file outside the roots, no
redirects. It is apart from :mod:`docgen.render.pdf` because it subclasses WeasyPrint's
fetcher, and importing WeasyPrint costs a process some 45 MB: a worker that prints only
with Typst never imports it.
"""

from __future__ import annotations

import base64
import urllib.parse
from pathlib import Path
from typing import Any

from weasyprint.urls import URLFetcher, URLFetcherResponse

_MEDIA_TYPES = {
    ".css": "text/css",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".otf": "font/otf",
    ".ttf": "font/ttf",
    ".woff2": "font/woff2",
}


class BlockedFetch(ValueError):
    """A template or stylesheet asked for a resource outside docgen's own assets."""


class AssetFetcher(URLFetcher):  # type: ignore[misc]
    """Serve ``file:`` URLs under ``root`` and ``data:`` URLs; refuse everything else."""

    def __init__(self, root: Path, *extra_roots: Path) -> None:
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.root = root.resolve()
        self.roots = (self.root, *(extra.resolve() for extra in extra_roots))
        self.blocked: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return self._data(url)
        if scheme == "file":
            path = Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)).resolve()
            inside = any(path.is_relative_to(root) for root in self.roots)
            if inside and path.is_file():
                media_type = _MEDIA_TYPES.get(path.suffix.lower())
                if media_type:
                    return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": media_type})
        self.blocked.append(url[:200])
        raise BlockedFetch("resource outside docgen assets refused")

    @staticmethod
    def _data(url: str) -> URLFetcherResponse:
        header, _, payload = url[5:].partition(",")
        media_type = header.split(";")[0] or "text/plain"
        body = (
            base64.b64decode(payload)
            if header.endswith(";base64")
            else urllib.parse.unquote_to_bytes(payload)
        )
        return URLFetcherResponse(url, body, {"Content-Type": media_type})
