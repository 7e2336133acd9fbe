"""A complaint carried into a withdrawal in a real browser (headless Debian Chromium): the
court, parties and fee arrive, and the page asks only for what the user alone knows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from docgen.web.carry import to_fill
from tests.e2e.form_browser import by_id, screenshot

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == []


def test_a_complaint_is_carried_into_a_withdrawal_that_asks_only_the_users_facts(
    page: Page, tmp_path: Path
):
    page.goto("/form/civil_complaint")
    page.wait_for_selector("html.form-ready")
    page.get_by_label("示例案件").select_option(label="要素式起诉状：公司出借")
    page.get_by_role("button", name="载入示例").click()
    expect(by_id(page, "court")).to_have_value("深圳市福田区人民法院")
    page.get_by_label("用本案的当事人、合同和金额制作").select_option(label="撤诉申请书")
    page.get_by_role("button", name="带入新文书").click()
    page.wait_for_url("**/form/withdrawal_application?carried=civil_complaint")
    page.wait_for_selector("html.form-ready")

    expect(by_id(page, "court")).to_have_value("深圳市福田区人民法院")
    expect(by_id(page, "applicants", 0, "party", "name")).to_have_value("深圳市恒信商贸有限公司")
    expect(by_id(page, "defendants", 1, "name")).to_have_value("福州闽江建材有限公司")
    expect(by_id(page, "fee", "paid")).to_have_value("3,678.30")
    # the fee was carried, so only the date, the case number and the reason are asked
    asked = page.locator("#to-fill span")
    expect(asked).to_have_text(["申请日期", "案号", "撤诉理由"])
    screenshot(page, "form-carried-withdrawal.png", tmp_path)
    assert to_fill("withdrawal_application", {"fee": {}}) == [
        "application_date",
        "case_number",
        "reason",
        "fee.paid",
    ]
