"""Stop a WeasyPrint layout as soon as it passes a page limit (an uploaded template).

WeasyPrint lays out every page before it returns a document, so a template that asks
for thousands of pages used to be laid out in full (and, when its footer counts the
pages, twice) before the limit was checked: minutes of CPU in the limited child, ended
only by the wall clock. WeasyPrint has no page limit of its own; its layout asks
``weasyprint.layout.make_all_pages`` for the pages one at a time, so that generator is
wrapped here, once per process, and stops past the limit of the render in progress
(a context variable: renders without a limit are laid out exactly as before).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

_limit: ContextVar[int | None] = ContextVar("docgen_page_limit", default=None)


class TooManyPages(ValueError):
    """The layout ran past the page limit a render was given (an uploaded template)."""

    def __init__(self, pages: int, limit: int) -> None:
        super().__init__(f"{pages} pages, more than {limit}")
        self.pages = pages
        self.limit = limit


def check_pages(document: Any, max_pages: int | None) -> None:
    """The limit on a finished document (in case the layout could not be stopped)."""
    if max_pages is not None and len(document.pages) > max_pages:
        raise TooManyPages(len(document.pages), max_pages)


@contextlib.contextmanager
def page_limit(max_pages: int | None) -> Iterator[None]:
    """The WeasyPrint layouts inside the block stop past ``max_pages`` pages."""
    if max_pages is not None:
        _install()
    token = _limit.set(max_pages)
    try:
        yield
    finally:
        _limit.reset(token)


def _install() -> None:
    from weasyprint import layout

    original = getattr(layout, "make_all_pages", None)
    if original is None or getattr(original, "docgen_limited", False):
        return  # another WeasyPrint: check_pages still holds the limit, after the layout

    def make_all_pages(*args: Any, **kwargs: Any) -> Iterator[Any]:
        limit = _limit.get()
        for count, page in enumerate(original(*args, **kwargs), 1):
            if limit is not None and count > limit:
                raise TooManyPages(count, limit)
            yield page

    make_all_pages.docgen_limited = True  # type: ignore[attr-defined]
    layout.make_all_pages = make_all_pages
