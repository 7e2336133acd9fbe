"""Driving the paralegal form in headless Chromium: a live server, a browser, a form filler.

Debian's ``chromium`` (installed by ``bin/bootstrap --dev``) is driven by Playwright's
Python client; Playwright's own browser download is never used.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright
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


def serve(settings: Settings) -> Iterator[str]:
    """The real WSGI app on a free local port, in a thread, for the duration of the tests."""
    from docgen.web import create_app

    app = create_app({"SETTINGS": settings})
    server = make_server("127.0.0.1", 0, app, threaded=True)
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


def screenshot(page: Page, name: str, tmp_dir: Path) -> Path | None:
    """With DOCGEN_SCREENSHOTS=1, save a full-page screenshot into docs/img/.

    Otherwise none is taken: no test reads the picture, and a full-page capture of a long
    form costs the browser a second or more.
    """
    if os.environ.get("DOCGEN_SCREENSHOTS") != "1":
        return None
    path = tmp_dir / name
    page.screenshot(path=str(path), full_page=True)
    DOCS_IMG.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, DOCS_IMG / name)
    return path


def by_id(page: Page, *path: str | int) -> Any:
    """The form element of a field path (ids contain dots, so select by attribute)."""
    element_id = ".".join(["f", *(str(p) for p in path)])
    return page.locator(f'[id="{element_id}"]')


def wait_for_report(page: Page) -> dict[str, Any]:
    """Wait for the validation round trip started by the last click and return its report."""
    page.wait_for_function(
        "() => !document.getElementById('status').textContent.includes('正在校验')"
    )
    report: dict[str, Any] = page.evaluate("() => window.docgenForm.lastReport()")
    return report


def type_case(page: Page, node: dict[str, Any], data: Any, path: tuple[str | int, ...]) -> None:
    """Enter ``data`` into the form through its inputs, as a person would, guided by the spec.

    Union kinds are chosen first, rows added with the 添加 button, optional groups ticked.
    """
    kind = node["kind"]
    if node.get("picker"):  # chosen with the profile picker, not typed
        page.evaluate("([p, v]) => window.docgenForm.setValue(p, v)", [list(path), data])
        return
    if node.get("advanced"):
        open_more(page, path)
    if kind == "object":
        if node.get("optional"):
            toggle = page.locator(f'[id="{".".join(["f", *map(str, path)])}.__present"]')
            toggle.check()
        # in the order of the form: a choice comes before the fields it brings
        for field in node["fields"]:
            if field["name"] in data:
                type_case(page, field, data[field["name"]], (*path, field["name"]))
    elif kind == "union":
        values = [o["value"] for o in node["options"]]
        option = node["options"][values.index(data[node["tag"]])]
        by_id(page, *path, node["tag"]).select_option(index=values.index(data[node["tag"]]))
        for field in option["fields"]:
            if field["name"] in data:
                type_case(page, field, data[field["name"]], (*path, field["name"]))
    elif kind == "array":
        group = by_id(page, *path)
        rows = group.locator(":scope > ol > li")
        while rows.count() < len(data):
            group.locator(":scope > button.add").click()
        for i, item in enumerate(data):
            type_case(page, node["item"], item, (*path, i))
    else:
        _type_field(page, node, data, path)


def open_more(page: Page, path: tuple[str | int, ...]) -> None:
    """Open the 「更多信息」 of the group holding ``path`` (rarely needed fields wait there)."""
    more = page.locator(f'details[data-path="{".".join(["f", *map(str, path[:-1])])}.__more"]')
    if more.count() and more.first.get_attribute("open") is None:
        more.first.locator(":scope > summary").click()


def _type_field(page: Page, node: dict[str, Any], value: Any, path: tuple[str | int, ...]) -> None:
    element = by_id(page, *path)
    widget = node["widget"]
    if widget == "select":
        values = [c["value"] for c in node["choices"]]
        element.select_option(index=values.index(value) + 1)
    elif widget == "checkbox":
        element.set_checked(bool(value))
    else:
        element.fill(str(value))
