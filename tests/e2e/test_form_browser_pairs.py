"""The paralegal form in a real browser: lists matched row by row, and starting points
that must not lose a typed case (see tests/e2e/test_form_browser.py for the set-up)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.form_browser import (
    by_id,
    checked_page,
    current_case,
    open_form,
    report_after_click,
    two_guarantors,
)
from tests.support import printed_copy

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("browser")]

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    yield from checked_page(browser, base_url)


def test_a_guarantee_moves_with_its_guarantor_and_is_titled_with_the_name(page: Page) -> None:
    open_form(page, "demand_letter")
    page.evaluate("data => window.docgenForm.loadCase(data)", two_guarantors())
    # each guarantee is drawn under its guarantor, titled with the name typed there
    second = by_id(page, "guarantees", 1)
    row = by_id(page, "guarantors", 1).locator("xpath=..")
    expect(row.locator('[id="f.guarantees.1"]')).to_have_count(1)
    expect(second.locator("legend").first).to_have_text("保证信息（保证人第2项：王强）")
    expect(page.get_by_role("button", name="添加一项保证信息")).to_have_count(0)

    page.get_by_role("button", name="上移保证人第2项").click()
    expect(by_id(page, "guarantees", 0).locator("legend").first).to_contain_text("王强")
    contract = by_id(page, "guarantees", 0, "contract")
    expect(contract).to_have_value("2025年2月1日签订的《一般保证合同》")
    case = current_case(page)
    assert [g["name"] for g in case["guarantors"]] == ["王强", "刘芳"]
    assert [g["type"] for g in case["guarantees"]] == ["general", "joint"]
    report = report_after_click(page, page.get_by_role("button", name="校验"))
    assert report["valid"], report["errors"]
    # what the letters print: each guarantor's copy states that guarantor's own terms
    wang, liu = printed_copy("demand_letter", case, 1), printed_copy("demand_letter", case, 2)
    assert "保证人：王强" in wang and "您为上述债务提供一般保证" in wang
    assert "保证人：刘芳" in liu and "您为上述债务提供连带责任保证" in liu

    # a name typed later retitles its guarantee at once
    by_id(page, "guarantors", 1, "name").fill("刘芳芳")
    expect(by_id(page, "guarantees", 1).locator("legend").first).to_contain_text("刘芳芳")

    # deleting a guarantor deletes that guarantor's guarantee; adding one adds a blank one
    page.get_by_role("button", name="删除保证人第1项").click()
    case = current_case(page)
    assert [g["name"] for g in case["guarantors"]] == ["刘芳芳"]
    assert [g["type"] for g in case["guarantees"]] == ["joint"]
    page.get_by_role("button", name="添加一项保证人").click()
    expect(by_id(page, "guarantees", 1, "type")).to_be_visible()
    assert len(current_case(page)["guarantees"]) == 2


def test_a_lawyer_letter_draws_each_guarantee_under_its_guarantor(page: Page) -> None:
    open_form(page, "lawyer_letter")
    page.get_by_role("button", name="添加一项保证人").click()
    block = by_id(page, "guarantees", 0)
    expect(block.locator("legend").first).to_have_text("保证信息（保证人第1项：尚未填写名称）")
    by_id(page, "guarantors", 0, "name").fill("王强")
    expect(block.locator("legend").first).to_have_text("保证信息（保证人第1项：王强）")
    expect(block.get_by_label("保证方式")).to_be_visible()


SAMPLE = "自然人债务人（民间借贷）"


def test_a_sample_asks_before_replacing_a_typed_case_and_keeps_the_saved_one(page: Page) -> None:
    open_form(page, "demand_letter")
    # on an empty form a sample loads at once, and is not saved as 「上次的案件」
    page.get_by_label("示例案件").select_option(label=SAMPLE)
    page.get_by_role("button", name="载入示例").click()
    expect(by_id(page, "debtor", "name")).to_have_value("张伟")
    expect(page.locator("#status")).to_contain_text(f"已载入示例案件「{SAMPLE}」")
    assert page.evaluate("() => localStorage.getItem('docgen.case.demand_letter')") is None

    # the user's own case: typed, then saved a moment later
    page.get_by_role("button", name="清空").click()
    by_id(page, "debtor", "name").fill("王芳")
    page.wait_for_function(
        "() => (localStorage.getItem('docgen.case.demand_letter') || '').includes('王芳')"
    )
    # declined: nothing is replaced
    asked: list[str] = []
    answers: list[bool] = []

    def on_dialog(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.accept() if answers.pop(0) else dialog.dismiss()

    page.on("dialog", on_dialog)
    answers.append(False)
    page.get_by_role("button", name="载入示例").click()
    expect(page.locator("#status")).to_have_text("未载入示例，已填写的内容保留")
    expect(by_id(page, "debtor", "name")).to_have_value("王芳")
    assert len(asked) == 1 and "替换" in asked[0]

    # accepted: the sample is shown, the typed case stays saved and comes back
    answers.append(True)
    page.get_by_role("button", name="载入示例").click()
    expect(by_id(page, "debtor", "name")).to_have_value("张伟")
    assert len(asked) == 2
    page.wait_for_timeout(400)  # longer than the form waits before saving
    saved = page.evaluate("() => localStorage.getItem('docgen.case.demand_letter')")
    assert "王芳" in saved and "张伟" not in saved
    page.get_by_role("button", name="载入上次的案件").click()
    expect(by_id(page, "debtor", "name")).to_have_value("王芳")

    # an untouched sample is replaced by another without asking; an edited one is saved
    answers.append(True)
    page.get_by_role("button", name="载入示例").click()
    expect(by_id(page, "debtor", "name")).to_have_value("张伟")
    page.locator("#status").evaluate("node => { node.textContent = ''; }")
    page.get_by_role("button", name="载入示例").click()
    expect(page.locator("#status")).to_contain_text("已载入示例案件")
    assert len(asked) == 3
    by_id(page, "debtor", "name").fill("张伟伟")
    page.wait_for_function(
        "() => (localStorage.getItem('docgen.case.demand_letter') || '').includes('张伟伟')"
    )


def test_warnings_are_counted_in_the_status_and_listed_after_the_errors(page: Page) -> None:
    case = json.loads(
        (FIXTURES / "demand_letter/valid/account_of_a_third_party.json").read_text("utf-8")
    )
    open_form(page, "demand_letter")
    page.evaluate("data => window.docgenForm.loadCase(data)", case)
    report = report_after_click(page, page.get_by_role("button", name="校验"))
    warnings = report["warnings"]
    assert report["valid"] and warnings
    passed = f"校验通过，有 {len(warnings)} 条提醒（见上方列表）"
    expect(page.locator("#status")).to_have_text(passed)
    summary = page.locator("#error-summary")
    expect(summary.locator("h2")).to_have_text(f"校验通过，有 {len(warnings)} 条提醒，请逐条核实")
    listed = summary.locator("li.warnings > ul > li")
    expect(listed).to_have_count(len(warnings))
    expect(listed.first).to_contain_text(warnings[0]["message"])
    expect(summary.locator(".warnings-title")).to_have_text(f"提醒（{len(warnings)} 条）")

    # with an error too: the error first, then the warnings
    case["amounts"]["total"] = "1.00"  # a wrong 合计: an error of the rules
    page.evaluate("data => window.docgenForm.loadCase(data)", case)
    report = report_after_click(page, page.get_by_role("button", name="校验"))
    assert report["errors"] and report["warnings"]
    expect(summary.locator("h2")).to_have_text(f"请修正以下 {len(report['errors'])} 处问题")
    items = summary.locator(":scope > ul > li")
    expect(items.last).to_have_class("warnings")
    expect(summary.locator("li.block")).to_have_count(1)
    expect(listed).to_have_count(len(report["warnings"]))
