"""The paralegal form never loses what was typed: a block hidden again keeps its values, a
deleted row, a cleared form and a replaced case can be taken back, and a typed case is
replaced only after asking (see tests/e2e/test_form_browser.py for the set-up)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.form_browser import (
    FIXTURES,
    by_id,
    checked_page,
    current_case,
    open_form,
    screenshot,
    two_guarantors,
)

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("browser")]

SAVED = "docgen.case.demand_letter"


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    yield from checked_page(browser, base_url)


def answer_dialogs(page: Page) -> tuple[list[str], list[bool]]:
    """The questions the page asks, and the answers to give them, in order."""
    asked: list[str] = []
    answers: list[bool] = []

    def on_dialog(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.accept() if answers.pop(0) else dialog.dismiss()

    page.on("dialog", on_dialog)
    return asked, answers


def wait_saved(page: Page, text: str) -> None:
    page.wait_for_function(
        "([key, text]) => (localStorage.getItem(key) || '').includes(text)", arg=[SAVED, text]
    )


def test_a_block_hidden_again_keeps_what_was_typed_and_does_not_send_it(page: Page) -> None:
    open_form(page, "demand_letter")
    present = page.locator('[id="f.payment_account.__present"]')
    account = by_id(page, "payment_account")
    present.check()
    account.get_by_label("户名").fill("深圳市恒信商贸有限公司")
    account.get_by_label("账号").fill("4000021009100123456")
    present.uncheck()
    expect(account.get_by_label("户名")).to_have_count(0)
    assert "payment_account" not in current_case(page)
    present.check()
    expect(account.get_by_label("户名")).to_have_value("深圳市恒信商贸有限公司")
    expect(account.get_by_label("账号")).to_have_value("4000021009100123456")
    assert current_case(page)["payment_account"] == {
        "account_name": "深圳市恒信商贸有限公司",
        "account_number": "4000021009100123456",
    }

    # 主体类型: the person's own fields wait while the debtor is an organisation
    debtor = by_id(page, "debtor")
    kind = debtor.get_by_label("主体类型")
    debtor.get_by_label("姓名").fill("张伟")
    debtor.get_by_label("性别").select_option(label="男")
    debtor.get_by_label("证件号码").fill("110101198503151235")
    kind.select_option(label="法人或其他组织")
    expect(debtor.get_by_label("证件号码")).to_have_count(0)
    debtor.get_by_label("统一社会信用代码").fill("91440300MA5DABCD1K")
    debtor.get_by_label("名称").fill("张伟商行")
    assert current_case(page)["debtor"] == {
        "kind": "organization",
        "name": "张伟商行",
        "uscc": "91440300MA5DABCD1K",
    }
    kind.select_option(label="自然人")
    expect(debtor.get_by_label("姓名")).to_have_value("张伟商行")  # shared: as last typed
    expect(debtor.get_by_label("性别").locator("option:checked")).to_have_text("男")
    expect(debtor.get_by_label("证件号码")).to_have_value("110101198503151235")
    assert current_case(page)["debtor"] == {
        "kind": "person",
        "name": "张伟商行",
        "sex": "男",
        "id_number": "110101198503151235",
    }
    kind.select_option(label="法人或其他组织")
    expect(debtor.get_by_label("统一社会信用代码")).to_have_value("91440300MA5DABCD1K")

    # a field shown only after a choice keeps its value while the choice is another
    next_step = by_id(page, "next_step")
    next_step.select_option(label="申请仲裁")
    page.get_by_label("仲裁机构").fill("深圳国际仲裁院")
    next_step.select_option(label="向人民法院提起诉讼")
    expect(page.get_by_label("仲裁机构")).to_have_count(0)
    assert "arbitration_body" not in current_case(page)
    next_step.select_option(label="申请仲裁")
    expect(page.get_by_label("仲裁机构")).to_have_value("深圳国际仲裁院")
    assert current_case(page)["arbitration_body"] == "深圳国际仲裁院"


def test_a_choice_inside_a_block_hidden_and_shown_again_keeps_its_field(page: Page) -> None:
    open_form(page, "demand_letter")
    page.locator('details[data-path="f.debtor.__more"] > summary').click()
    present = page.locator('[id="f.debtor.guardian.__present"]')
    present.check()
    relation = by_id(page, "debtor", "guardian", "relation")
    relation.select_option(label="其他监护人")
    by_id(page, "debtor", "guardian", "relation_text").fill("舅舅")
    present.uncheck()
    present.check()
    expect(by_id(page, "debtor", "guardian", "relation_text")).to_have_value("舅舅")
    # the block drawn before it was hidden has no say any more in what is shown
    relation.select_option(label="母亲")
    expect(by_id(page, "debtor", "guardian", "relation_text")).to_have_count(0)
    relation.select_option(label="其他监护人")
    expect(by_id(page, "debtor", "guardian", "relation_text")).to_have_value("舅舅")
    assert current_case(page)["debtor"]["guardian"]["relation_text"] == "舅舅"


def test_a_deleted_guarantor_comes_back_with_its_guarantee(page: Page, tmp_path: Path) -> None:
    open_form(page, "demand_letter")
    case = two_guarantors()
    page.evaluate("data => window.docgenForm.loadCase(data)", case)
    before = current_case(page)
    notice = page.locator("#undo-notice")
    expect(notice).to_be_hidden()

    page.get_by_role("button", name="删除保证人第1项").click()
    expect(notice).to_contain_text("已删除保证人第1项（刘芳）")
    expect(notice.get_by_role("button", name="撤销")).to_be_visible()
    expect(by_id(page, "guarantors", 0, "name")).to_have_value("王强")
    expect(by_id(page, "guarantees", 0, "contract")).to_have_value(
        "2025年2月1日签订的《一般保证合同》"
    )
    screenshot(page, "form-undo.png", tmp_path, full_page=False)

    notice.get_by_role("button", name="撤销").click()
    expect(notice).to_be_hidden()
    expect(page.locator("#status")).to_have_text("已恢复保证人第1项（刘芳）")
    expect(by_id(page, "guarantors", 0, "name")).to_have_value("刘芳")
    expect(by_id(page, "guarantors", 1, "name")).to_have_value("王强")
    expect(by_id(page, "guarantees", 0).locator("legend").first).to_have_text(
        "保证信息（保证人第1项：刘芳）"
    )
    expect(by_id(page, "guarantees", 0, "contract")).to_have_value(
        case["guarantees"][0]["contract"]
    )
    # the focus is back in the restored row, ready to type
    row = page.evaluate("() => document.activeElement.closest('li.row').dataset.path")
    assert row == "f.guarantors.0"
    assert current_case(page) == before

    # the next change withdraws the offer: what it would restore is no longer what was there
    page.get_by_role("button", name="删除保证人第2项").click()
    expect(notice).to_contain_text("已删除保证人第2项（王强）")
    by_id(page, "letter_number").fill("X-1")
    expect(notice).to_be_hidden()
    assert [g["name"] for g in current_case(page)["guarantors"]] == ["刘芳"]


def test_a_deleted_row_keeps_the_values_its_hidden_blocks_held(page: Page) -> None:
    open_form(page, "demand_letter")
    page.evaluate("data => window.docgenForm.loadCase(data)", two_guarantors())
    # 王强 typed as a person, then switched to an organisation: his ID number waits
    guarantor = by_id(page, "guarantors", 1)
    guarantor.get_by_label("主体类型").select_option(label="法人或其他组织")
    page.get_by_role("button", name="删除保证人第2项").click()
    page.get_by_role("button", name="撤销").click()
    by_id(page, "guarantors", 1).get_by_label("主体类型").select_option(label="自然人")
    expect(by_id(page, "guarantors", 1, "id_number")).to_have_value("110101198001010010")
    expect(by_id(page, "guarantees", 1, "type").locator("option:checked")).to_have_text("一般保证")


def test_an_evidence_item_comes_back_in_its_place_until_the_notice_goes(page: Page) -> None:
    page.clock.install()
    open_form(page, "evidence_list")
    case = json.loads((FIXTURES / "evidence_list/valid/loan_case.json").read_text("utf-8"))
    page.evaluate("data => window.docgenForm.loadCase(data)", case)
    names = [item["name"] for item in case["items"]]
    assert len(names) >= 3
    notice = page.locator("#undo-notice")

    page.get_by_role("button", name="删除证据第2项").click()
    expect(notice).to_contain_text(f"已删除证据第2项（{names[1]}）")
    page.clock.run_for(10_000)
    expect(notice).to_be_visible()  # some seconds to change one's mind
    page.get_by_role("button", name="撤销").click()
    expect(by_id(page, "items", 1, "name")).to_have_value(names[1])
    expect(by_id(page, "items", 2, "name")).to_have_value(names[2])
    assert [i["name"] for i in current_case(page)["items"]] == names

    page.get_by_role("button", name="删除证据第1项").click()
    expect(notice).to_contain_text(f"已删除证据第1项（{names[0]}）")
    page.mouse.move(0, 0)  # the notice waits while the pointer is on it
    page.clock.run_for(16_000)
    expect(notice).to_be_hidden()
    expect(by_id(page, "items", 0, "name")).to_have_value(names[1])


def test_clearing_the_form_is_undone_with_what_hidden_blocks_held(page: Page) -> None:
    open_form(page, "demand_letter")
    by_id(page, "debtor", "name").fill("王芳")
    present = page.locator('[id="f.payment_account.__present"]')
    present.check()
    by_id(page, "payment_account").get_by_label("户名").fill("王芳")
    present.uncheck()
    wait_saved(page, "王芳")

    page.get_by_role("button", name="清空").click()
    expect(by_id(page, "debtor", "name")).to_have_value("")
    notice = page.locator("#undo-notice")
    expect(notice).to_contain_text("已清空")
    # the focus is still on 清空: Ctrl+Z does what 撤销 does
    expect(page.get_by_role("button", name="清空")).to_be_focused()
    page.keyboard.press("Control+z")
    expect(notice).to_be_hidden()
    expect(page.locator("#status")).to_have_text("已恢复原来的案件")
    expect(by_id(page, "debtor", "name")).to_have_value("王芳")
    present.check()
    expect(by_id(page, "payment_account").get_by_label("户名")).to_have_value("王芳")


def test_the_last_case_or_a_file_replaces_a_typed_case_only_when_asked(
    page: Page, tmp_path: Path
) -> None:
    open_form(page, "demand_letter")
    asked, answers = answer_dialogs(page)
    by_id(page, "debtor", "name").fill("王芳")
    wait_saved(page, "王芳")
    # the same form in another window of the browser saved another case since
    other = {"kind": "person", "name": "李雷"}
    page.evaluate(
        "([key, d]) => localStorage.setItem(key, JSON.stringify({debtor: d}))", [SAVED, other]
    )

    answers.append(False)
    page.get_by_role("button", name="载入上次的案件").click()
    expect(page.locator("#status")).to_have_text("未载入上次的案件，已填写的内容保留")
    expect(by_id(page, "debtor", "name")).to_have_value("王芳")
    assert asked == ["载入上次的案件会替换页面上已填写的案件。确定载入上次的案件吗？"]

    answers.append(True)
    page.get_by_role("button", name="载入上次的案件").click()
    expect(by_id(page, "debtor", "name")).to_have_value("李雷")
    notice = page.locator("#undo-notice")
    expect(notice).to_contain_text("已载入上次的案件")
    notice.get_by_role("button", name="撤销").click()
    expect(by_id(page, "debtor", "name")).to_have_value("王芳")
    assert len(asked) == 2

    # a file: asked too; declined, nothing is replaced
    by_id(page, "debtor", "name").fill("王芳芳")
    wait_saved(page, "王芳芳")
    upload = tmp_path / "赵敏.json"
    upload.write_text(
        json.dumps({"letter_number": "UP-2", "debtor": {"kind": "person", "name": "赵敏"}}),
        encoding="utf-8",
    )
    answers.append(False)
    page.locator("#upload-json").set_input_files(str(upload))
    expect(page.locator("#status")).to_have_text("未载入文件，已填写的内容保留")
    expect(by_id(page, "debtor", "name")).to_have_value("王芳芳")
    expect(by_id(page, "letter_number")).to_have_value("")
    assert asked[2] == "载入文件「赵敏.json」会替换页面上已填写的案件。确定载入文件吗？"

    # accepted, then taken back: the typed case is on the form and saved again
    answers.append(True)
    page.locator("#upload-json").set_input_files(str(upload))
    expect(by_id(page, "letter_number")).to_have_value("UP-2")
    wait_saved(page, "赵敏")
    page.get_by_role("button", name="撤销").click()
    expect(by_id(page, "debtor", "name")).to_have_value("王芳芳")
    expect(by_id(page, "letter_number")).to_have_value("")
    saved = page.evaluate("key => localStorage.getItem(key)", SAVED)
    assert "王芳芳" in saved and "赵敏" not in saved

    # what is on the form already saved is not worth a question
    page.get_by_role("button", name="载入上次的案件").click()
    expect(by_id(page, "debtor", "name")).to_have_value("王芳芳")
    assert len(asked) == 4


def test_a_deleted_exhibit_comes_back_in_its_place(page: Page) -> None:
    page.goto("/form/bundle")
    page.wait_for_selector("html.bundle-ready")
    by_id(page, "exhibits", 0, "name").fill("借款合同")
    page.get_by_role("button", name="添加一份证据").click()
    by_id(page, "exhibits", 1, "name").fill("转账凭证")
    page.get_by_role("button", name="删除证据第1份").click()
    expect(page.locator("#undo-notice")).to_contain_text("已删除证据第1份（借款合同）")
    expect(by_id(page, "exhibits", 0, "name")).to_have_value("转账凭证")
    page.get_by_role("button", name="撤销").click()
    expect(by_id(page, "exhibits", 0, "name")).to_have_value("借款合同")
    assert page.evaluate("() => window.docgenBundle.exhibits()") == ["借款合同", "转账凭证"]
