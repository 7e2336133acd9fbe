"""The paralegal form in a real browser (headless Debian Chromium) against a real server.

One browser and one server for the test process (tests/e2e/conftest.py); each test opens
its own page in a new browser context.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from docgen.documents import registry
from docgen.web.formspec import form_spec, type_form_spec
from tests.e2e.form_browser import by_id, new_page, open_form, report_after_click, screenshot
from tests.e2e.form_typing import type_case
from tests.support import fixture_cases, normalize, pdf_pages_text

# on one worker, with the browser tests of test_form_browser_carry.py
pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("browser")]

TOTAL_WORDS = "壹拾万柒仟肆佰壹拾陆元陆角肆分"


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    page, errors = new_page(browser, base_url)
    yield page
    page.context.close()
    assert errors == [], f"the page reported errors: {errors}"


@pytest.fixture(scope="module")
def typing_pages(browser: Browser, base_url: str) -> Iterator[tuple[Page, list[str]]]:
    """One page for the tests that each open a form afresh and type a whole case into it:
    a new browser context per case costs the browser more than typing the case does."""
    page, errors = new_page(browser, base_url)
    yield page, errors
    page.context.close()


@pytest.fixture
def typing_page(typing_pages: tuple[Page, list[str]]) -> Iterator[Page]:
    page, errors = typing_pages
    errors.clear()
    yield page
    assert errors == [], f"the page reported errors: {errors}"


def fill_demand_letter(page: Page, id_number: str) -> None:
    """What a paralegal types for a private loan to 张伟, found by the labels on screen."""
    page.get_by_label("发函日期").fill("2026-11-20")
    creditor = by_id(page, "creditor")
    creditor.get_by_label("主体类型").select_option(label="法人或其他组织")
    creditor.get_by_label("名称").fill("深圳市恒信商贸有限公司")
    creditor.get_by_label("统一社会信用代码").fill("91440300MA5DABCD1K")
    creditor.get_by_label("住所地").fill("广东省深圳市福田区福华三路88号财富大厦12层")
    creditor.get_by_label("法定代表人/主要负责人").fill("陈建国")

    debtor = by_id(page, "debtor")
    expect(debtor.get_by_label("主体类型")).to_have_value("0")  # 自然人 is the first choice
    debtor.get_by_label("姓名").fill("张伟")
    debtor.get_by_label("性别").select_option(label="男")
    debtor.get_by_label("证件号码").fill(id_number)
    debtor.get_by_label("住所地").fill("北京市东城区东四十条街道南新仓小区5号楼2单元301室")

    contract = by_id(page, "contract")
    contract.get_by_label("合同类型").select_option(label="民间借贷")
    contract.get_by_label("合同名称").fill("借款合同")
    contract.get_by_label("签订日期").fill("2025-01-10")
    contract.get_by_label("应付款日期").fill("2026-01-10")

    amounts = by_id(page, "amounts")
    amounts.get_by_label("截至日期（必填）", exact=True).fill("2026-10-31")
    add_row = amounts.get_by_role("button", name="添加一项欠款明细")
    rows = [("利息", "6007.14"), ("本金", "100000"), ("违约金", "1409.5")]
    for i, (kind, amount) in enumerate(rows):
        if i:
            add_row.click()
        row = by_id(page, "amounts", "components", i)
        row.get_by_label("项目类型").select_option(label=kind)
        row.get_by_label("金额（元）").fill(amount)
        row.get_by_label("金额（元）").blur()
    # typed in the wrong order: move 本金 to the top, values travel with their row
    page.get_by_role("button", name="上移欠款明细第2项").click()
    # a row added by mistake and removed again
    add_row.click()
    by_id(page, "amounts", "components", 3).get_by_label("金额（元）").fill("1")
    page.get_by_role("button", name="删除欠款明细第4项").click()

    by_id(page, "deadline").get_by_label("付款期限（天数）").fill("7")
    page.locator('[id="f.payment_account.__present"]').check()  # optional: from a profile too
    account = by_id(page, "payment_account")
    account.get_by_label("户名").fill("深圳市恒信商贸有限公司")
    account.get_by_label("开户行").fill("中国工商银行深圳福田支行")
    account.get_by_label("账号").fill("4000 0210 0910 0123 456")
    page.locator('[id="f.contact.__present"]').check()
    contact = by_id(page, "contact")
    contact.get_by_label("联系人").fill("李静")
    contact.get_by_label("联系电话").fill("0755-83216688")
    by_id(page, "signatory").get_by_label("签署人").fill("陈建国")


def test_a_paralegal_fills_a_demand_letter_fixes_a_mistake_previews_and_downloads(
    page: Page, tmp_path: Path
) -> None:
    open_form(page, "demand_letter")
    fill_demand_letter(page, id_number="110101198503151234")  # last digit mistyped

    components = by_id(page, "amounts", "components")
    expect(by_id(page, "amounts", "components", 0, "amount")).to_have_value("100,000.00")
    expect(by_id(page, "amounts", "components", 1, "amount")).to_have_value("6,007.14")
    expect(by_id(page, "amounts", "components", 2, "amount")).to_have_value("1,409.50")
    expect(components.locator(":scope > ol > li")).to_have_count(3)

    report = report_after_click(page, page.get_by_role("button", name="校验"))
    assert [e["loc"] for e in report["errors"]] == [["debtor", "id_number"]]
    id_input = by_id(page, "debtor", "id_number")
    beside = page.locator('.field[data-path="f.debtor.id_number"] .problem.error')
    expect(beside).to_have_count(1)
    expect(beside).to_contain_text("身份证号码校验位错误")
    expect(id_input).to_be_focused()
    expect(id_input).to_have_attribute("aria-invalid", "true")
    expect(page.locator('#error-summary li.block[data-block="debtor"]')).to_contain_text(
        "债务人（1 处）证件号码：身份证号码校验位错误"
    )
    # every other value is still there
    expect(by_id(page, "debtor", "name")).to_have_value("张伟")
    expect(by_id(page, "amounts", "components", 2, "amount")).to_have_value("1,409.50")
    screenshot(page, "form-error.png", tmp_path)

    id_input.fill("110101198503151235")
    report = report_after_click(page, page.get_by_role("button", name="计算"))
    assert report["valid"], report["errors"]
    figures = page.locator("#figures")
    expect(figures).to_be_visible()
    expect(figures).to_contain_text(TOTAL_WORDS)
    expect(figures).to_contain_text("2029年1月10日")  # limitation period ends
    expect(figures).to_contain_text("人民币2,448.33元")  # court fee on 107,416.64
    expect(page.locator(".problem.error")).to_have_count(0)
    screenshot(page, "form-filled.png", tmp_path)

    with page.expect_response(lambda r: r.url.endswith("/render")) as preview:
        page.get_by_role("button", name="预览 PDF").click()
    response = preview.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.frame.name == "preview-frame"
    assert int(response.headers["content-length"]) > 10_000
    assert response.headers["content-disposition"].startswith("inline;")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="下载 PDF").click()
    download = download_info.value
    assert download.suggested_filename == "催款函-张伟-20261120.pdf"
    text = normalize("".join(pdf_pages_text(Path(download.path()).read_bytes())))
    assert "张伟" in text
    assert f"人民币107,416.64元（大写：{TOTAL_WORDS}）" in text

    with page.expect_download() as docx_info:
        page.get_by_role("button", name="下载 DOCX").click()
    assert docx_info.value.suggested_filename.endswith(".docx")


def test_the_case_is_kept_in_the_browser_and_as_a_json_file(page: Page, tmp_path: Path) -> None:
    open_form(page, "demand_letter")
    page.get_by_label("示例案件").select_option(label="自然人债务人（民间借贷）")
    page.get_by_role("button", name="载入示例").click()
    expect(by_id(page, "debtor", "name")).to_have_value("张伟")
    by_id(page, "debtor", "name").fill("王芳")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="下载案件 JSON").click()
    saved = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert saved["debtor"]["name"] == "王芳"
    assert saved["amounts"]["total"] == "112242.38"

    # the case is saved in the browser a moment after typing
    page.wait_for_function(
        "() => (localStorage.getItem('docgen.case.demand_letter') || '').includes('王芳')"
    )
    open_form(page, "demand_letter")
    expect(by_id(page, "debtor", "name")).to_have_value("")
    page.get_by_role("button", name="载入上次的案件").click()
    expect(by_id(page, "debtor", "name")).to_have_value("王芳")

    page.get_by_role("button", name="清空").click()
    upload = tmp_path / "case.json"
    upload.write_text(json.dumps(dict(saved, letter_number="UP-1")), encoding="utf-8")
    page.locator("#upload-json").set_input_files(str(upload))
    expect(by_id(page, "letter_number")).to_have_value("UP-1")
    expect(by_id(page, "debtor", "name")).to_have_value("王芳")


def test_switching_a_party_to_an_organisation_keeps_the_shared_fields(page: Page) -> None:
    open_form(page, "demand_letter")
    debtor = by_id(page, "debtor")
    debtor.get_by_label("姓名").fill("张伟")
    debtor.get_by_label("住所地").fill("北京市东城区")
    debtor.get_by_label("主体类型").select_option(label="法人或其他组织")
    expect(debtor.get_by_label("统一社会信用代码")).to_be_visible()
    expect(debtor.get_by_label("性别")).to_have_count(0)
    expect(debtor.get_by_label("住所地")).to_have_value("北京市东城区")
    expect(debtor.get_by_label("名称")).to_have_value("张伟")
    case = page.evaluate("() => window.docgenForm.currentCase()")
    assert case["debtor"] == {"kind": "organization", "name": "张伟", "address": "北京市东城区"}


def _fullest_valid_fixture_per_type() -> list[Any]:
    """For each type, the valid fixture with the most facts (typing is slow: one per type)."""
    chosen: dict[str, Any] = {}
    for case in fixture_cases("valid"):
        size = len(case.path.read_bytes())
        if case.type_name not in chosen or size > len(chosen[case.type_name].path.read_bytes()):
            chosen[case.type_name] = case
    return [chosen[name] for name in sorted(chosen)]


@pytest.mark.parametrize("case", _fullest_valid_fixture_per_type(), ids=str)
def test_a_valid_fixture_of_each_type_can_be_typed_into_its_form(
    typing_page: Page, case: Any
) -> None:
    """Each type's form has an input for every fact of a sample case, and sends them back."""
    doc_type = registry.get(case.type_name)
    spec = form_spec(doc_type.json_schema())
    open_form(typing_page, case.type_name)  # a fresh form: nothing of the last case is kept
    type_case(typing_page, spec, case.data)
    sent = typing_page.evaluate("() => window.docgenForm.currentCase()")
    assert doc_type.model.model_validate(sent) == doc_type.model.model_validate(case.data)


def test_every_registered_type_has_a_working_form(page: Page) -> None:
    page.goto("/form/")
    # each type's link on the index, then where it leads (followed from the one index
    # page, not by clicking and going back: that loaded the index again for every type)
    links = {
        doc_type.title: page.get_by_role("link", name=doc_type.title, exact=True).get_attribute(
            "href"
        )
        for doc_type in registry.all_types()
    }
    for title, href in links.items():
        assert href, title
        page.goto(href)
        page.wait_for_selector("html.form-ready")
        expect(page.get_by_role("heading", level=1)).to_have_text(title)


INVALID = fixture_cases("invalid")


# Each case in turn: loaded into the form, 校验 clicked, and once the report is shown (the
# status no longer says 正在校验, as in report_after_click) the report, whether it is a new
# one, the problems shown and how many elements each problem's field id names. One call per
# form: the browser lays the whole form out for every case, so a round trip per step would
# cost twice what the cases do.
CHECK_EACH_CASE = """async (button, cases) => {
    const status = document.getElementById('status');
    const seen = [];
    for (const data of cases) {
        window.docgenForm.loadCase(data);
        const before = window.docgenForm.lastReport();
        button.click();
        const giveUp = Date.now() + 30000;
        while (status.textContent.includes('正在校验') && Date.now() < giveUp) {
            await new Promise(resolve => setTimeout(resolve, 5));
        }
        const report = window.docgenForm.lastReport();
        const fields = (report.errors || []).map(e => e.field).filter(f => f !== 'f');
        seen.push({
            status: status.textContent,
            fresh: report !== null && report !== before,
            report: report,
            shown: document.querySelectorAll('.problem.error').length,
            targets: fields.map(id => document.querySelectorAll('[id="' + id + '"]').length),
        });
    }
    return seen;
}"""


def as_the_form_holds(type_name: str, data: Any) -> Any:
    """The case as the form holds it: a list paired with another (保证信息 with 保证人)
    has a row, blank if need be, under each of its partner's rows."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for node in type_form_spec(registry.get(type_name))["fields"]:
        partner = out.get(node.get("paired_with") or "")
        if isinstance(partner, list) and len(out.get(node["name"]) or []) < len(partner):
            rows = list(out.get(node["name"]) or [])
            out[node["name"]] = rows + [{}] * (len(partner) - len(rows))
    return out


def as_the_form_sends(nodes: list[dict[str, Any]], data: Any, root: Any = None) -> Any:
    """What the form sends of a case: a field shown only after a choice (``shown_when``)
    that the case's choice hides is kept on the form's shelf, not sent (static/state.js);
    a choice written ``/title/kind`` is read from the case's ``root``."""
    if not isinstance(data, dict):
        return data
    root = data if root is None else root
    out = dict(data)
    for node in nodes:
        rule, name = node.get("shown_when"), node["name"]
        if rule and name in out:
            chosen = _chosen(rule["field"], out, root)
            if chosen is None:
                chosen = next((n.get("default") for n in nodes if n["name"] == rule["field"]), None)
            if "min_items" in rule:
                shown = isinstance(chosen, list) and len(chosen) >= rule["min_items"]
            else:
                shown = chosen in rule["in"]
            if not shown:
                del out[name]
                continue
        shape = node.get("item") or node
        value = out.get(name)
        if value is None or not (shape.get("fields") or shape.get("kind") == "union"):
            continue
        if isinstance(value, list):
            out[name] = [as_the_form_sends(_fields_of(shape, row), row, root) for row in value]
        else:
            out[name] = as_the_form_sends(_fields_of(shape, value), value, root)
    return out


def _chosen(field: str, group: dict[str, Any], root: Any) -> Any:
    """The value a ``shown_when`` rule reads: a sibling's, or one named from the root."""
    if not field.startswith("/"):
        return group.get(field)
    value = root
    for part in field[1:].split("/"):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _fields_of(shape: dict[str, Any], value: Any) -> list[dict[str, Any]]:
    """The fields of a group, or of the option a union's value chose (a person or an
    organisation, by its tag)."""
    if shape.get("kind") != "union":
        return shape.get("fields") or []
    chosen = value.get(shape["tag"]) if isinstance(value, dict) else None
    option = next((o for o in shape["options"] if o["value"] == chosen), None)
    return (option or {}).get("fields") or []


# invalid fixtures whose every error is in a field the case's own choice hides on the form
# (a guarantee scope typed for the borrower, an original debt with the discount kept, a
# late rate beside late interest waived, an exception to the 先诉抗辩权 typed for a joint
# guarantor): an integrator can send them, a paralegal cannot type them
NOT_TYPABLE = {
    ("civil_complaint", "guarantee_scope_on_the_borrower"),
    ("civil_complaint", "joint_guarantor_with_a_beneficium_exception"),
    ("settlement_agreement", "original_debt_with_the_concession_kept"),
    ("settlement_agreement", "late_interest_waived_with_a_late_rate"),
}


def test_the_form_shows_every_api_error_of_every_invalid_fixture_beside_its_field(
    page: Page, client
) -> None:
    types = {case.type_name for case in INVALID}
    for type_name in sorted(types):
        open_form(page, type_name)
        cases = [c for c in INVALID if c.type_name == type_name]
        check = page.get_by_role("button", name="校验")
        seen = check.evaluate(CHECK_EACH_CASE, [case.data for case in cases])
        for case, shown in zip(cases, seen, strict=True):
            assert shown["fresh"], (case, shown["status"])
            report = shown["report"]
            # this case's report came back and is the one shown
            errors = len(report["errors"])
            assert shown["status"].startswith(f"有 {errors} 处需要修正" if errors else "校验通过")
            assert (errors == 0) == ((type_name, case.name) in NOT_TYPABLE), case
            nodes = type_form_spec(registry.get(type_name))["fields"]
            sent = as_the_form_sends(nodes, as_the_form_holds(type_name, case.data))
            api = client.post(f"/api/v1/documents/{type_name}/validate", json=sent).json
            assert sorted(map(tuple, (e["loc"] for e in report["errors"]))) == sorted(
                map(tuple, (e["loc"] for e in api["errors"]))
            ), case
            assert shown["shown"] == len(report["errors"]), case
            fields = [e["field"] for e in report["errors"] if e["field"] != "f"]
            assert shown["targets"] == [1] * len(fields), (case, fields)


def test_a_sender_profile_is_kept_and_prefills_a_demand_letter(page: Page) -> None:
    from docgen.profiles.model import SenderProfile
    from tests.support import FIXTURES

    firm = json.loads((FIXTURES / "sender_profiles" / "law_firm.json").read_text("utf-8"))
    page.goto("/form/profiles")
    page.get_by_role("link", name="新建发件人资料").click()
    page.wait_for_selector("html.form-ready")
    spec = form_spec(SenderProfile.model_json_schema())
    type_case(page, spec, dict(firm, license_number="1110120181012345"))  # one digit short
    page.get_by_role("button", name="保存").click()
    beside = page.locator('.field[data-path="f.license_number"] .problem.error')
    expect(beside).to_contain_text("律师执业证号应为17位数字")
    expect(by_id(page, "name")).to_have_value("北京明正律师事务所")

    by_id(page, "license_number").fill(firm["license_number"])
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/form/profiles")
    expect(page.get_by_role("link", name="北京明正律师事务所")).to_be_visible()

    open_form(page, "demand_letter")
    page.get_by_label("发件人资料").fill("北京明正律师事务所")
    page.get_by_role("button", name="套用", exact=True).click()
    expect(by_id(page, "contact", "person")).to_have_value("王立新")
    expect(by_id(page, "contact", "phone")).to_have_value("010-65881234")
    # the firm's own account is not where the debtor pays
    expect(page.locator('[id="f.payment_account.__present"]')).not_to_be_checked()

    page.goto("/form/profiles")
    page.get_by_role("button", name="删除 北京明正律师事务所").click()
    page.wait_for_url("**/form/profiles")
    expect(page.get_by_role("link", name="北京明正律师事务所")).to_have_count(0)


def test_rows_can_be_added_moved_and_removed_with_the_keyboard(page: Page) -> None:
    open_form(page, "demand_letter")
    first = by_id(page, "amounts", "components", 0, "amount")
    first.fill("100")
    page.get_by_role("button", name="添加一项欠款明细").focus()
    page.keyboard.press("Enter")
    # the new row's first input has the focus: type straight into it
    expect(by_id(page, "amounts", "components", 1, "kind")).to_be_focused()
    by_id(page, "amounts", "components", 1, "amount").fill("200")
    page.get_by_role("button", name="上移欠款明细第2项").focus()
    page.keyboard.press("Enter")
    expect(by_id(page, "amounts", "components", 0, "amount")).to_have_value("200.00")
    expect(by_id(page, "amounts", "components", 1, "amount")).to_have_value("100.00")
    # the focus follows the moved row
    expect(page.get_by_role("button", name="上移欠款明细第1项")).to_be_disabled()
    page.get_by_role("button", name="删除欠款明细第1项").focus()
    page.keyboard.press(" ")
    expect(by_id(page, "amounts", "components", 0, "amount")).to_have_value("100.00")
    expect(page.locator('[id="f.amounts.components"] > ol > li')).to_have_count(1)


def test_a_bundle_is_built_from_exhibits_reordered_by_dragging(page: Page, tmp_path: Path) -> None:
    from tests import exhibit_samples as samples

    page.set_viewport_size({"width": 1280, "height": 1600})  # both exhibits in view to drag
    page.goto("/form/bundle")
    page.wait_for_selector("html.bundle-ready")
    by_id(page, "court").fill("北京市朝阳区人民法院")
    by_id(page, "case_type").fill("民间借贷纠纷")
    # no complaint in this bundle: its parties are listed by hand (the lists start empty,
    # as a bundle with a complaint takes them from it)
    page.get_by_role("button", name="添加一项原告").click()
    by_id(page, "plaintiffs", 0).fill("深圳市恒信商贸有限公司")
    page.get_by_role("button", name="添加一项被告").click()
    by_id(page, "defendants", 0).fill("张伟")
    by_id(page, "filing_date").fill("2026-11-20")
    by_id(page, "claim_amount").fill("100000")
    for i, (name, file_name, content) in enumerate(
        [
            ("借款合同", "contract.pdf", samples.pdf_with_pages("contract", 2)),
            ("转账凭证", "transfer.jpg", samples.rotated_jpeg()),
        ]
    ):
        if i:
            page.get_by_role("button", name="添加一份证据").click()
        by_id(page, "exhibits", i, "name").fill(name)
        by_id(page, "exhibits", i, "source").fill("原告持有")
        by_id(page, "exhibits", i, "purpose").fill(f"证明{name}所载事实")
        if i == 0:
            by_id(page, "exhibits", i, "file").set_input_files(
                files=[{"name": file_name, "mimeType": "application/pdf", "buffer": content}]
            )
    # the second exhibit has no file yet: the error is shown beside its file input
    page.get_by_role("button", name="生成起诉材料").click()
    problem = page.locator('[data-path="f.exhibits.1.file"] .problem.error')
    expect(problem).to_contain_text("缺少证据文件")
    expect(by_id(page, "exhibits", 1, "file")).to_have_attribute("aria-invalid", "true")
    by_id(page, "exhibits", 1, "file").set_input_files(
        files=[{"name": "transfer.jpg", "mimeType": "image/jpeg", "buffer": samples.rotated_jpeg()}]
    )

    order = "() => window.docgenBundle.exhibits()"
    page.get_by_role("button", name="下移证据第1份").click()  # the keyboard way
    assert page.evaluate(order) == ["转账凭证", "借款合同"]
    expect(page.get_by_role("button", name="上移证据第2份")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate(order) == ["借款合同", "转账凭证"]
    page.locator('li[data-index="0"]').scroll_into_view_if_needed()
    page.locator('li[data-index="1"] .drag-handle').drag_to(
        page.locator('li[data-index="0"]'), target_position={"x": 60, "y": 12}
    )
    assert page.evaluate(order) == ["转账凭证", "借款合同"]
    expect(by_id(page, "exhibits", 0, "name")).to_have_value("转账凭证")

    with page.expect_download() as caught:
        page.get_by_role("button", name="生成起诉材料").click()
    pdf = Path(caught.value.path()).read_bytes()
    texts = pdf_pages_text(pdf)
    assert len(texts) == 1 + 1 + (1 + 1) + (1 + 2)  # cover, list, exhibits after separators
    evidence_list = normalize(texts[1])
    assert evidence_list.index("证据1-1转账凭证") < evidence_list.index("证据1-2借款合同")
    assert "contract page 1" in texts[5] and "第 6 页" in texts[5]
    assert "contract page 2" in texts[6] and "第 7 页" in texts[6]
    expect(page.locator("#status")).to_contain_text("共 7 页")
    expect(page.locator("#error-summary")).to_be_hidden()
    screenshot(page, "form-bundle.png", tmp_path)


def test_a_bundle_made_with_a_complaint_shows_the_complaints_warnings(page: Page) -> None:
    """The bundle is made and downloaded; what the complaint warns of alone is listed."""
    from tests.bundle_cases import COMPLAINT, EXHIBITS, FILES

    page.set_viewport_size({"width": 1280, "height": 1600})
    page.goto("/form/bundle")
    page.wait_for_selector("html.bundle-ready")
    by_id(page, "court").fill(COMPLAINT["court"])
    by_id(page, "case_type").fill("民间借贷纠纷")
    by_id(page, "filing_date").fill("2026-11-16")
    by_id(page, "complaint", "__present").check()
    by_id(page, "complaint", "data").fill(json.dumps(COMPLAINT, ensure_ascii=False))
    # an exhibit for each item the complaint lists, by its name: the source and purpose
    # are left to the complaint's list
    for i, (name, file_name) in enumerate(EXHIBITS):
        if i:
            page.get_by_role("button", name="添加一份证据").click()
        by_id(page, "exhibits", i, "name").fill(name)
        by_id(page, "exhibits", i, "file").set_input_files(
            files=[{"name": file_name, "mimeType": "application/pdf", "buffer": FILES[file_name]}]
        )
    with page.expect_download():
        page.get_by_role("button", name="生成起诉材料").click()
    # the complaint's own warning (its charges over the overdue cap); every item of its
    # evidence is filed
    expect(page.locator("#status")).to_contain_text("有 1 条提醒")
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("起诉状：逾期期间的利息、违约金、其他费用与律师费合计")
