"""In the browser: the issue panel as a paralegal sees it. A case the firm already issued
through the API or a batch names those documents (文书编号, channel) and downloads
nothing until 「仍要出具新文书」 is clicked; a case the form issued downloads as that
document; the loser of two tabs asking for a new letter at once is told so beside the
download buttons, with the winner's document in the panel; another tenant's API issue of
the same case is never shown."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from playwright.sync_api import Browser, Page, expect

from docgen.config import Settings
from docgen.tenants import DEFAULT_TENANT_ID, MEMBER
from docgen.tenants.store import Tenants
from docgen.web import create_app
from tests.e2e import form_browser
from tests.e2e.form_browser import checked_page, open_form, screenshot
from tests.form_issue import stamp_in_pdf
from tests.support import load_fixture
from tests.tenant_support import key_client, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("browser")]

ANEW = "仍要出具新文书"


@dataclass
class Firm:
    """The served app, and API clients of the form's tenant (the single-user desktop's)
    and of another tenant."""

    url: str
    ours: FlaskClient
    theirs: FlaskClient


@pytest.fixture(scope="module")
def firm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Firm]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("issued-elsewhere"))
    app: Flask = create_app({"SETTINGS": settings, "BATCH_PROCESSES": 1})
    other = Tenants(app.extensions["docgen_access"].engine).create(f"other-{uuid.uuid4().hex[:8]}")
    ours = key_client(app, DEFAULT_TENANT_ID, MEMBER)
    theirs = key_client(app, other.id, MEMBER)
    for url in form_browser.serve_app(app):
        yield Firm(url, ours, theirs)


@pytest.fixture
def page(browser: Browser, firm: Firm) -> Iterator[Page]:
    yield from checked_page(browser, firm.url)


def _case() -> dict[str, Any]:
    case = load_fixture("demand_letter", "valid", "person_debtor")
    case["letter_number"] = f"CS-{uuid.uuid4().hex[:6]}"
    case["debtor"] = {**case["debtor"], "name": f"张{uuid.uuid4().hex[:3]}"}
    return case


def _by_api(client: FlaskClient, case: dict[str, Any]) -> str:
    made = client.post("/api/v1/documents/demand_letter?format=pdf", json=case)
    assert made.status_code == 200, made.get_data(as_text=True)[:400]
    return stamp_in_pdf(made.data)[0]


def _by_batch(client: FlaskClient, case: dict[str, Any]) -> str:
    """The case as a one-line JSONL batch; the run's id."""
    sheet = (json.dumps(case, ensure_ascii=False) + "\n").encode("utf-8")
    form = {"type": "demand_letter", "formats": "pdf", "file": (io.BytesIO(sheet), "cases.jsonl")}
    started = client.post("/api/v1/batches", data=form, content_type="multipart/form-data")
    assert started.status_code == 202, started.get_data(as_text=True)[:400]
    run_id: str = started.get_json()["id"]
    status = wait_for(client, f"/api/v1/batches/{run_id}", ("done", "failed"), timeout=60)
    assert status["rendered"] == 1, status
    return run_id


class Watched:
    """What the page downloaded and which renders it asked for."""

    def __init__(self, page: Page) -> None:
        self.files: list[bytes] = []
        self.renders = 0
        page.on("download", lambda d: self.files.append(Path(d.path()).read_bytes()))
        page.on("request", self._request)
        page.on("dialog", lambda d: pytest.fail(f"the page opened a dialog: {d.message}"))

    def _request(self, request: Any) -> None:
        if request.url.endswith("/render"):
            self.renders += 1


def _loaded(page: Page, case: dict[str, Any]) -> Watched:
    open_form(page, "demand_letter")
    page.evaluate("data => window.docgenForm.loadCase(data)", case)
    return Watched(page)


def _pdf(page: Page, click: Any) -> str:
    with page.expect_download() as caught:
        click()
    return stamp_in_pdf(Path(caught.value.path()).read_bytes())[0]


# 「仍要出具新文书」 clicked twice at once: what its buttons and panel are just after
TWICE = """() => {
    const yes = document.getElementById('issue-again-yes');
    yes.click();
    yes.click();
    const no = document.getElementById('issue-again-no');
    return [yes.disabled, no.disabled, document.getElementById('issue-again').ariaBusy];
}"""


def _download_button(page: Page) -> Any:
    return page.get_by_role("button", name="下载 PDF", exact=True)


def test_a_case_the_api_issued_downloads_only_when_the_user_says_so(page: Page, firm: Firm):
    case = _case()
    earlier = _by_api(firm.ours, case)
    watched = _loaded(page, case)
    panel, status = page.locator("#issue-again"), page.locator("#download-status")

    _download_button(page).click()
    expect(panel).to_be_visible()
    expect(panel.locator("h2")).to_have_text("本案已出具过，本次未下载")
    expect(panel).to_contain_text(f"文书编号 {earlier}（校验码 ")
    expect(panel).to_contain_text(f"函号 {case['letter_number']}")
    expect(panel).to_contain_text("经接口（API）出具")
    expect(panel).to_contain_text("本次没有下载任何文件，也没有出具新文书")
    expect(status).to_contain_text(f"未下载：本案已经接口（API）出具（文书编号 {earlier}）")
    assert (watched.files, watched.renders) == ([], 0)

    # the keyboard path: the panel has the focus, then 「不出具新文书」, then 「仍要出具新文书」
    expect(panel).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="不出具新文书")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=ANEW)).to_be_focused()
    anew = _pdf(page, lambda: page.keyboard.press("Enter"))

    assert anew != earlier
    assert watched.renders == 1
    expect(panel.locator("h2")).to_have_text("已出具新文书")
    expect(panel).to_contain_text(f"文书编号 {anew}（校验码 ")
    expect(panel).to_contain_text("此前的文书仍记录在登记簿中")
    expect(page.get_by_role("button", name=ANEW)).to_be_hidden()
    expect(status).to_contain_text(f"已出具新文书（文书编号 {anew}），浏览器已开始下载PDF")
    # from now on the case is the form's: downloaded again, it is that new document
    assert _pdf(page, _download_button(page).click) == anew
    expect(panel.locator("h2")).to_have_text("本案已出具，下载的是同一份文书")


def test_documents_of_the_api_and_a_batch_are_each_named(page: Page, firm: Firm, tmp_path):
    case = _case()
    by_api = _by_api(firm.ours, case)
    run_id = _by_batch(firm.ours, case)
    watched = _loaded(page, case)
    panel = page.locator("#issue-again")

    page.get_by_role("button", name="下载 DOCX", exact=True).click()
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("本案已经其他途径出具过 2 份文书（未经本表单）")
    items = panel.locator("li")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text(f"文书编号 {by_api}")
    expect(items.nth(0)).to_contain_text("经接口（API）出具")
    batch = f"经批量生成（文件「cases.jsonl」，批次 {run_id[:8]}）出具"
    expect(items.nth(1)).to_contain_text(batch)
    by_batch = items.nth(1).inner_text().split("文书编号 ")[1].split("（")[0]
    expect(page.locator("#download-status")).to_contain_text(
        f"未下载：本案已出具过 2 份文书（文书编号 {by_api}、{by_batch}）"
    )
    screenshot(page, "form-issued-elsewhere.png", tmp_path, full_page=False)

    # 「不出具新文书」: nothing issued, the focus back on the button that was clicked
    page.get_by_role("button", name="不出具新文书").click()
    expect(panel).to_be_hidden()
    expect(page.get_by_role("button", name="下载 DOCX", exact=True)).to_be_focused()
    expect(page.locator("#download-status")).to_have_text("未出具新文书")
    _download_button(page).click()
    expect(panel).to_be_visible()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    assert (watched.files, watched.renders) == ([], 0)


def test_a_case_the_form_issued_downloads_as_that_document(page: Page):
    case = _case()
    watched = _loaded(page, case)
    with page.expect_download() as caught:
        _download_button(page).click()
    first = stamp_in_pdf(Path(caught.value.path()).read_bytes())[0]
    # the file is named as the server names it
    assert caught.value.suggested_filename == f"催款函-{case['debtor']['name']}-20261120.pdf"
    panel = page.locator("#issue-again")
    expect(panel).to_be_hidden()
    expect(page.locator("#download-status")).to_contain_text(f"已出具（文书编号 {first}）")

    assert _pdf(page, _download_button(page).click) == first
    expect(panel.locator("h2")).to_have_text("本案已出具，下载的是同一份文书")
    expect(panel).to_contain_text(f"文书编号 {first}（校验码 ")
    expect(panel).to_contain_text("经本表单出具")
    expect(page.locator("#download-status")).to_contain_text(
        f"本案已出具（文书编号 {first}）：已下载同一份文书的PDF，未另出具新文书"
    )
    assert len(watched.files) == 2


def test_the_tab_that_asks_for_a_new_letter_second_is_told_beside_the_buttons(
    page: Page, browser: Browser, firm: Firm, tmp_path
):
    case = _case()
    ours = _loaded(page, case)
    first = _pdf(page, _download_button(page).click)
    other, errors = form_browser.new_page(browser, firm.url)
    try:
        watched = _loaded(other, case)
        assert _pdf(other, _download_button(other).click) == first
        assert _pdf(page, _download_button(page).click) == first
        # both panels name the first letter; this tab asks for a second one first (twice
        # in a row: the buttons are off while the answer is awaited, one request is sent)
        busy: list[Any] = []
        won = _pdf(page, lambda: busy.append(page.evaluate(TWICE)))
        assert busy == [[True, True, "true"]]
        assert ours.renders == 3 and len(ours.files) == 3

        other.get_by_role("button", name=ANEW).click()
        panel = other.locator("#issue-again")
        expect(panel.locator("h2")).to_have_text("本案刚刚已另行出具，本次未出具")
        expect(panel).to_contain_text(f"文书编号 {won}（校验码 ")
        expect(other.locator("#download-status")).to_have_text(
            f"未出具，也未下载：本案刚刚已另行出具（文书编号 {won}），见上方说明"
        )
        expect(panel).to_be_focused()
        assert len(watched.files) == 1 and watched.renders == 2
        # the page stays the form: no refusal page in the preview, nothing navigated
        assert other.frame(name="preview-frame").url in ("about:blank", "")
        screenshot(other, "form-issued-since.png", tmp_path, full_page=False)
        # a download now is the letter the other tab issued
        assert _pdf(other, _download_button(other).click) == won
    finally:
        other.context.close()
    # the refusal the page answered (Chromium logs every 4xx answer to a fetch)
    refusal = "the server responded with a status of 409"
    assert [e for e in errors if refusal not in e] == []


def test_another_tenants_api_issue_of_the_case_is_never_shown(page: Page, firm: Firm):
    case = _case()
    theirs = _by_api(firm.theirs, case)
    watched = _loaded(page, case)

    ours = _pdf(page, _download_button(page).click)

    assert ours != theirs
    expect(page.locator("#issue-again")).to_be_hidden()
    assert theirs not in page.content()
    assert len(watched.files) == 1
