"""A complaint carried into a withdrawal in a real browser (headless Debian Chromium): the
court, parties and fee arrive, and the page asks only for what the user alone knows; a
case saved for the withdrawal is replaced only after asking, and can be had back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from docgen.web.carry import to_fill
from tests.e2e.form_browser import by_id, screenshot

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("browser")]

SAVED = "docgen.case.withdrawal_application"
QUESTION = "从民事起诉状带入的案件会替换本浏览器中保存的本文书「上次的案件」。确定带入吗？"


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


def _carry_complaint_into_the_withdrawal(page: Page) -> None:
    page.goto("/form/civil_complaint")
    page.wait_for_selector("html.form-ready")
    page.get_by_label("示例案件").select_option(label="要素式起诉状：公司出借")
    page.get_by_role("button", name="载入示例").click()
    expect(by_id(page, "court")).to_have_value("深圳市福田区人民法院")
    page.get_by_label("用本案的当事人、合同和金额制作").select_option(label="撤诉申请书")
    page.get_by_role("button", name="带入新文书").click()
    page.wait_for_url("**/form/withdrawal_application?carried=civil_complaint")
    page.wait_for_selector("html.form-ready")


def _answer(page: Page, answers: list[bool]) -> list[str]:
    """The questions the page asks; each answered in turn (yes or no)."""
    asked: list[str] = []

    def on_dialog(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.accept() if answers.pop(0) else dialog.dismiss()

    page.on("dialog", on_dialog)
    return asked


def _saved(page: Page) -> str:
    return str(page.evaluate(f"() => localStorage.getItem('{SAVED}') || ''"))


def _type_a_withdrawal(page: Page) -> None:
    page.goto("/form/withdrawal_application")
    page.wait_for_selector("html.form-ready")
    by_id(page, "case_number").fill("（2026）粤0304民初88号")
    page.wait_for_function(
        "([key, text]) => (localStorage.getItem(key) || '').includes(text)",
        arg=[SAVED, "民初88号"],
    )


def test_a_carried_case_replaces_the_saved_one_only_after_asking_and_can_be_undone(
    page: Page, tmp_path: Path
):
    _type_a_withdrawal(page)
    asked = _answer(page, [True])
    _carry_complaint_into_the_withdrawal(page)

    assert asked == [QUESTION]
    expect(by_id(page, "court")).to_have_value("深圳市福田区人民法院")
    notice = page.locator("#undo-notice")
    expect(notice).to_contain_text("已从民事起诉状带入案件，替换了「上次的案件」")
    screenshot(page, "form-carried-undo.png", tmp_path, full_page=False)
    page.wait_for_function(
        "key => (localStorage.getItem(key) || '').includes('深圳市福田区人民法院')", arg=SAVED
    )

    notice.get_by_role("button", name="撤销").click()
    expect(by_id(page, "court")).to_have_value("")
    expect(page.locator("#status")).to_have_text("已撤销带入，「上次的案件」已恢复")
    assert "民初88号" in _saved(page) and "深圳市福田区人民法院" not in _saved(page)
    page.get_by_role("button", name="载入上次的案件").click()
    expect(by_id(page, "case_number")).to_have_value("（2026）粤0304民初88号")


def test_a_carried_case_declined_leaves_the_saved_case(page: Page):
    _type_a_withdrawal(page)
    asked = _answer(page, [False])
    _carry_complaint_into_the_withdrawal(page)

    assert asked == [QUESTION]
    expect(by_id(page, "court")).to_have_value("")
    expect(page.locator("#status")).to_have_text(
        "未带入民事起诉状的案件，「上次的案件」保留（可点「载入上次的案件」继续填写）"
    )
    assert "民初88号" in _saved(page)
    # the carried case was handed over once: opened again, the page asks nothing
    page.reload()
    page.wait_for_selector("html.form-ready")
    assert asked == [QUESTION]
    expect(by_id(page, "case_number")).to_have_value("（2026）粤0304民初88号")
