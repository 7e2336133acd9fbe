"""The browser tests' costly set-up, made once per test process: one live server on the
session's settings and one headless Chromium, shared by every module that drives the form
(each test still opens its own browser context, so no cookie or local storage is shared)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from docgen.config import Settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="session")
def base_url(settings: Settings) -> Iterator[str]:
    from tests.e2e import form_browser

    yield from form_browser.serve(settings)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from tests.e2e import form_browser

    yield from form_browser.browser()
