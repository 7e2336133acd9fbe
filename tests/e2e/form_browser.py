"""Driving the paralegal form in headless Chromium: a live server, a browser, a form filler.

Debian's ``chromium`` (installed by ``bin/bootstrap --dev``) is driven by Playwright's
Python client; Playwright's own browser download is never used.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Locator, Page, sync_playwright
from werkzeug.serving import make_server

from docgen.config import Settings

CHROMIUM = os.environ.get("DOCGEN_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def closed_at_once(app: Any) -> Any:
    """``app`` with each response read whole and closed before the server writes it.

    Werkzeug's development server leaves a response unclosed when the browser hangs up
    while it finishes the request (Chromium drops its favicon request on navigating): the
    static file stays open until a later test's garbage collection reports it. The pages
    and files the tests fetch are small, and nothing the app serves is a stream.
    """

    def wsgi(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return wsgi


def serve(settings: Settings) -> Iterator[str]:
    """The real WSGI app on a free local port, in a thread, for the duration of the tests."""
    from docgen.web import create_app

    yield from serve_app(create_app({"SETTINGS": settings}))


def serve_app(app: Any) -> Iterator[str]:
    """``app`` (made by the test, which keeps it to reach its stores) served as by
    :func:`serve`."""
    server = make_server("127.0.0.1", 0, closed_at_once(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


def screenshot(page: Page, name: str, tmp_dir: Path, *, full_page: bool = True) -> Path | None:
    """With DOCGEN_SCREENSHOTS=1, save a screenshot (the full page, or what the window
    shows: a notice fixed to the window) into docs/img/.

    Otherwise none is taken: no test reads the picture, and a full-page capture of a long
    form costs the browser a second or more.
    """
    if os.environ.get("DOCGEN_SCREENSHOTS") != "1":
        return None
    path = tmp_dir / name
    page.screenshot(path=str(path), full_page=full_page)
    DOCS_IMG.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, DOCS_IMG / name)
    return path


def by_id(page: Page, *path: str | int) -> Any:
    """The form element of a field path (ids contain dots, so select by attribute)."""
    element_id = ".".join(["f", *(str(p) for p in path)])
    return page.locator(f'[id="{element_id}"]')


# The report of the 校验 (or 计算) round trip a click starts: the click itself is made here,
# so that the report shown before it is known and never taken for the new one. A failed
# request leaves the old report in place and says why in the status line: that fails here.
REPORT_AFTER = """before => {
    const status = document.getElementById('status').textContent;
    if (status.includes('正在校验') || status.includes('正在计算')) { return null; }
    const report = window.docgenForm.lastReport();
    return report !== null && report !== before ? {report} : {failed: status};
}"""


def report_after_click(page: Page, button: Locator) -> dict[str, Any]:
    """Click ``button``, wait for the validation round trip it starts and return its report."""
    before = page.evaluate_handle("() => window.docgenForm.lastReport()")
    button.click()
    outcome = page.wait_for_function(REPORT_AFTER, arg=before).json_value()
    before.dispose()
    assert "failed" not in outcome, f"no new report: the page says {outcome['failed']!r}"
    report: dict[str, Any] = outcome["report"]
    return report


def two_guarantors() -> dict[str, Any]:
    """A demand letter: 刘芳 under a joint guarantee, then 王强 under a general one."""
    case: dict[str, Any] = json.loads(
        (FIXTURES / "demand_letter/valid/guarantor_demanded_in_time.json").read_text("utf-8")
    )
    wang = dict(case["guarantors"][0], name="王强", sex="男", id_number="110101198001010010")
    case["guarantors"].append(wang)
    case["guarantees"].append(
        {
            "type": "general",
            "contract": "2025年2月1日签订的《一般保证合同》",
            "period": "agreed",
            "period_end": "2028-02-01",
        }
    )
    return case


def new_page(browser: Browser, base_url: str) -> tuple[Page, list[str]]:
    """A page in a new browser context, and the errors it reports."""
    context = browser.new_context(
        base_url=base_url,
        accept_downloads=True,
        viewport={"width": 1280, "height": 900},
        locale="zh-CN",
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return page, errors


def checked_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A page fixture's body: a new page, closed after the test, which fails if the page
    reported an error."""
    page, errors = new_page(browser, base_url)
    yield page
    page.context.close()
    assert errors == [], f"the page reported errors: {errors}"


def open_form(page: Page, type_name: str) -> None:
    page.goto(f"/form/{type_name}")
    page.wait_for_selector("html.form-ready")


def current_case(page: Page) -> dict[str, Any]:
    case: dict[str, Any] = page.evaluate("() => window.docgenForm.currentCase()")
    return case
