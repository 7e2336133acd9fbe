"""What a paralegal sees of 校验 and 计算 on a case not filled in yet (headless Chromium):
the missing field and the rules' findings in the rest beside their fields at once, and
the figures of what is filled with the inputs the others wait for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.form_browser import by_id, checked_page, report_after_click, screenshot

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    yield from checked_page(browser, base_url)


def load_person_debtor(page: Page) -> None:
    page.goto("/form/demand_letter")
    page.wait_for_selector("html.form-ready")
    page.get_by_label("示例案件").select_option(label="自然人债务人（民间借贷）")
    page.get_by_role("button", name="载入示例").click()
    expect(by_id(page, "debtor", "name")).to_have_value("张伟")


def beside(page: Page, field: str, kind: str = "error"):  # type: ignore[no-untyped-def]
    return page.locator(f'.field[data-path="{field}"] .problem.{kind}')


def test_the_missing_name_and_the_wrong_date_order_show_at_once(page: Page, tmp_path: Path):
    load_person_debtor(page)
    by_id(page, "debtor", "name").fill("")
    by_id(page, "contract", "due_date").fill("2024-01-10")

    report = report_after_click(page, page.get_by_role("button", name="校验"))

    assert sorted(e["field"] for e in report["errors"]) == ["f.contract.signed_on", "f.debtor.name"]
    expect(beside(page, "f.debtor.name")).to_have_text("必填项，请填写")
    expect(beside(page, "f.contract.signed_on")).to_have_text("合同签订日期不得晚于应付款日期")
    summary = page.locator("#error-summary")
    expect(summary.locator("h2")).to_have_text("请修正以下 2 处问题")
    expect(summary).to_contain_text("姓名：必填项，请填写")
    expect(summary).to_contain_text("签订日期：合同签订日期不得晚于应付款日期")
    expect(by_id(page, "debtor", "name")).to_be_focused()
    page.locator("h1").scroll_into_view_if_needed()
    screenshot(page, "form-required-and-rules.png", tmp_path, full_page=False)


def test_calculate_shows_the_total_and_names_the_date_the_deadline_waits_for(
    page: Page, tmp_path: Path
):
    load_person_debtor(page)
    by_id(page, "letter_date").fill("")

    report = report_after_click(page, page.get_by_role("button", name="计算"))

    assert [e["field"] for e in report["errors"]] == ["f.letter_date"]
    figures = page.locator("#figures")
    expect(figures).to_be_visible()
    expect(figures).to_contain_text("人民币112,242.38元")
    expect(figures).to_contain_text("壹拾壹万贰仟贰佰肆拾贰元叁角捌分")
    waiting = figures.locator("dd.waiting")
    expect(waiting).to_have_text(["待补充：发函日期", "待补充：发函日期"])
    expect(beside(page, "f.letter_date", "needed")).to_have_text(
        "计算诉讼时效届满日、付款截止日期（自发函日起算）需要此项，请填写"
    )
    expect(beside(page, "f.letter_date")).to_have_text("必填项，请填写")
    expect(page.locator("#status")).to_contain_text("已按已填写的内容计算")
    expect(page.locator("#status")).to_contain_text("另有 1 处需要修正")
    screenshot(page, "form-calculate-partial.png", tmp_path, full_page=False)
    page.locator("h1").scroll_into_view_if_needed()
    screenshot(page, "form-calculate-needed.png", tmp_path, full_page=False)

    # the link beside the waiting figure leads to the date
    waiting.first.get_by_role("link", name="发函日期").click()
    expect(by_id(page, "letter_date")).to_be_focused()
    by_id(page, "letter_date").fill("2026-11-20")
    report_after_click(page, page.get_by_role("button", name="计算"))
    expect(figures.locator("dd.waiting")).to_have_count(0)
    expect(figures).to_contain_text("2026年12月1日")
    expect(page.locator(".problem.needed")).to_have_count(0)
    expect(page.locator("#status")).to_have_text("计算完成")
