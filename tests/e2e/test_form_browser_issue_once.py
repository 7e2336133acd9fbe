"""In the browser: 下载 PDF then 下载 DOCX of one case gives one document (the same 文书编号
and 校验码 in both files), and a letter number registered for other case data asks the
user to confirm before a new document is issued."""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from docgen.config import Settings
from tests.e2e import form_browser
from tests.e2e.form_browser import by_id, checked_page, open_form
from tests.support import load_fixture, pdf_pages_text

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def checking_url(settings: Settings) -> Iterator[str]:
    """A server whose register warns of a letter number used before."""
    yield from form_browser.serve(settings.model_copy(update={"warn_reused_letter_numbers": True}))


@pytest.fixture
def page(browser: Browser, checking_url: str) -> Iterator[Page]:
    yield from checked_page(browser, checking_url)


def _load(page: Page, case: dict[str, Any]) -> None:
    open_form(page, "demand_letter")
    page.evaluate("data => window.docgenForm.loadCase(data)", case)


def _download(page: Page, button: str) -> bytes:
    with page.expect_download() as caught:
        page.get_by_role("button", name=button, exact=True).click()
    return Path(caught.value.path()).read_bytes()


def _pdf_stamp(content: bytes) -> tuple[str, str]:
    found = re.search(r"文书编号\s*(\S+)\s*校验码\s*(\S+)", "\n".join(pdf_pages_text(content)))
    assert found
    return found.group(1), found.group(2)


def _docx_stamp(content: bytes) -> tuple[str, str]:
    core = zipfile.ZipFile(io.BytesIO(content)).read("docProps/core.xml").decode("utf-8")
    identifier = re.search(r"<dc:identifier>([^<]+)<", core)
    code = re.search(r"<cp:keywords>docgen 校验码 ([^<]+)<", core)
    assert identifier and code
    return identifier.group(1), code.group(1)


def test_pdf_then_docx_is_one_document_and_a_reused_number_asks_first(page: Page) -> None:
    case = load_fixture("demand_letter", "valid", "person_debtor")
    case["letter_number"] = f"CS-{uuid.uuid4().hex[:8]}"
    _load(page, case)
    primary = page.locator(".actions button.download.primary")
    expect(primary).to_have_attribute("aria-label", "PDF 与 DOCX 一并下载（同一份文书）")

    stamp = _pdf_stamp(_download(page, "下载 PDF"))
    assert _docx_stamp(_download(page, "下载 DOCX")) == stamp
    expect(page.locator("#download-status")).to_contain_text(f"本案已出具（文书编号 {stamp[0]}）")

    # other data under the same number: nothing is issued until the user confirms
    by_id(page, "contract", "number").fill("HX-JK-2025-018")
    page.get_by_role("button", name="下载 PDF", exact=True).click()
    confirm = page.get_by_role("alertdialog")
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text(f"已用于登记簿中的文书（文书编号 {stamp[0]}）")
    page.get_by_role("button", name="取消，修改函号").click()
    expect(confirm).to_be_hidden()
    expect(page.locator('[id="f.letter_number"]')).to_be_focused()

    page.get_by_role("button", name="下载 PDF", exact=True).click()
    expect(confirm).to_be_visible()
    with page.expect_download() as caught:
        page.get_by_role("button", name="仍以此函号出具新文书").click()
    second = _pdf_stamp(Path(caught.value.path()).read_bytes())
    assert second[0] != stamp[0]


def test_two_quick_clicks_issue_one_document_in_both_formats(page: Page) -> None:
    """下载 DOCX clicked before the PDF's answer has come back waits for it, then gives
    the document the PDF was issued as: one 文书编号 and 校验码, not two documents."""
    case = load_fixture("demand_letter", "valid", "person_debtor")
    case["letter_number"] = f"CS-{uuid.uuid4().hex[:8]}"
    _load(page, case)
    files = []
    page.on("download", lambda d: files.append(Path(d.path()).read_bytes()))
    page.get_by_role("button", name="下载 PDF", exact=True).click()
    page.get_by_role("button", name="下载 DOCX", exact=True).click()  # at once
    page.wait_for_function(
        "() => document.querySelector('#download-status').textContent.includes('本案已出具')"
    )
    page.wait_for_timeout(1500)
    assert len(files) == 2
    pdf, docx = sorted(files, key=lambda b: b[:4] != b"%PDF")
    assert _docx_stamp(docx) == _pdf_stamp(pdf)


def test_a_second_letter_for_an_unchanged_case_only_on_the_users_word(page: Page) -> None:
    """Downloaded again, an issued case is that document, and the page shows it (文书编号,
    校验码, 函号, when); 「仍要出具新文书」 issues a second letter, which the panel names."""
    case = load_fixture("demand_letter", "valid", "person_debtor")
    case["letter_number"] = f"CS-{uuid.uuid4().hex[:8]}"
    _load(page, case)
    first = _pdf_stamp(_download(page, "下载 PDF"))
    again = page.locator("#issue-again")
    expect(again).to_be_hidden()

    assert _pdf_stamp(_download(page, "下载 PDF")) == first
    expect(again).to_be_visible()
    expect(again).to_contain_text(f"文书编号 {first[0]}（校验码 {first[1]}）")
    expect(again).to_contain_text(f"函号 {case['letter_number']}")

    second = _pdf_stamp(_download(page, "仍要出具新文书"))
    assert second[0] != first[0]
    expect(again.locator("h2")).to_have_text("已出具新文书")
    expect(again).to_contain_text(f"文书编号 {second[0]}（校验码 {second[1]}）")
    page.get_by_role("button", name="关闭").click()
    expect(again).to_be_hidden()
