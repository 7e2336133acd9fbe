"""The words of the form and batch pages: one name for sender profiles (发件人资料), help
that says when a block is required, the batch template's example row that passes
without warnings, and the batch page's engine note drawn from the registry."""

from __future__ import annotations

import io
import json
import re
import time
from datetime import date

import pytest
from openpyxl import load_workbook

from docgen.batch.templates import sample_case
from docgen.documents import registry
from docgen.web import create_app
from docgen.web.formspec import type_form_spec


@pytest.fixture
def page_client(settings):
    app = create_app({"TESTING": True, "SETTINGS": settings, "BATCH_PROCESSES": 1})
    return app.test_client()


def _texts(node) -> list[str]:
    found = [node.get("title", ""), node.get("description", "")]
    for child in node.get("fields", []):
        found += _texts(child)
    for option in node.get("options", []):
        for child in option["fields"]:
            found += _texts(child)
    if node.get("kind") == "array":
        found += _texts(node["item"])
    return found


def test_no_form_calls_sender_profiles_by_another_name():
    for doc_type in registry.all_types():
        words = [t for t in _texts(type_form_spec(doc_type)) if "档案" in t]
        assert words == [], doc_type.name


def test_the_demand_letter_form_says_what_a_profile_leaves_to_fill(page_client):
    page = page_client.get("/form/demand_letter").get_data(as_text=True)
    assert 'data-profiles-url="/form/profiles"' in page
    spec = json.loads(re.search(r'id="form-spec">(.*?)</script>', page, re.S).group(1))
    fields = {f["name"]: f for f in spec["fields"]}
    for name in ("payment_account", "contact"):
        assert fields[name]["from_profile"] is True
        assert fields[name]["description"].startswith("未选发件人资料时必填")
        assert "不填则取自" not in fields[name]["description"]
    assert fields["sender_profile_id"]["title"] == "发件人资料"
    assert fields["letter_number"]["description"].startswith("有保证人时必填")
    # drawn in the form's order, right after the debtor, not behind 「更多信息」
    names = list(fields)
    assert names.index("guarantors") == names.index("debtor") + 1
    for name in ("guarantors", "letter_number"):
        assert "advanced" not in fields[name], name
    deadline = {f["name"]: f for f in fields["deadline"]["fields"]}
    assert "advanced" not in deadline["kind"]
    assert "默认为工作日，自收到本函之日起算" in deadline["days"]["description"]
    assert deadline["counted_from"]["advanced"] is True


def test_the_lawyer_letter_names_the_profile_beside_the_firm(page_client):
    page = page_client.get("/form/lawyer_letter").get_data(as_text=True)
    spec = json.loads(re.search(r'id="form-spec">(.*?)</script>', page, re.S).group(1))
    fields = {f["name"]: f for f in spec["fields"]}
    assert fields["sender"]["from_profile"] is True
    assert fields["sender"]["description"] == "未选发件人资料时必填"
    assert "advanced" not in fields["guarantors"]


def test_the_batch_page_says_which_documents_typst_prints(page_client):
    page = page_client.get("/form/batches").get_data(as_text=True)
    assert f"适用于全部 {len(registry.all_types())} 种文书" in page
    assert "催款函、律师函、债务确认书、分期还款协议、民事起诉状" not in page
    assert "发件人资料（每一行共用；催款函、律师函、律师事务所函）" in page
    assert "不使用发件人资料" in page
    assert "档案" not in page


def test_the_templates_example_is_dated_today_and_pays_the_creditor(service):
    today = service.options().current_date()
    case = sample_case(service, "demand_letter")
    assert case is not None
    assert case["letter_date"] == today.isoformat()
    assert case["payment_account"]["account_name"] == case["creditor"]["name"]
    warnings = [p.message for p in service.validate("demand_letter", case).problems]
    assert warnings == []
    assert date.fromisoformat(sample_case(service, "lawyer_letter")["letter_date"]) == today


def _finished(client, response) -> str:
    assert response.status_code == 303, response.get_data(as_text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        if "已完成" in page:
            return page
        time.sleep(0.2)
    raise AssertionError(page)


def test_the_downloaded_template_checks_clean_and_offers_no_empty_zip(settings, service, tmp_path):
    # a register of its own: one that already holds the example's debtor and contract
    # (another test's letter) rightly warns of sending the same letter again
    own = settings.model_copy(update={"data_dir": tmp_path / "data"})
    page_client = create_app({"TESTING": True, "SETTINGS": own, "BATCH_PROCESSES": 1}).test_client()
    sheet = page_client.get("/form/batches/template/demand_letter.xlsx").data
    book = load_workbook(io.BytesIO(sheet))
    heads = [c.value for c in book["填写"][1]]
    example = dict(zip(heads, [c.value for c in book["填写"][2]], strict=True))
    assert example["收款账户户名"] == example["债权人姓名"]
    assert example["函件编号"] in (None, "")  # copied into every row: one number, many letters
    assert example["发函日期"].date() == service.options().current_date()  # the rules' today
    page = page_client.get("/form/batches").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    form = {
        "file": (io.BytesIO(sheet), "cases.xlsx"),
        "type": "demand_letter",
        "format": "pdf",
        "check_only": "true",
        "csrf_token": token,
    }
    posted = page_client.post("/form/batches", data=form, content_type="multipart/form-data")
    done = _finished(page_client, posted)
    assert re.search(r"可生成</th><td>(\d+)<", done).group(1) == "1", done
    warned = done.find("提醒（不影响生成）")
    assert warned < 0, done[warned : warned + 1500]  # the warnings, should one appear
    assert "下载全部输出" not in done


def test_a_sheet_headed_with_the_former_profile_title_is_still_read():
    from docgen.batch.columns import Layout

    for type_name, former in [("demand_letter", "发函人档案"), ("lawyer_letter", "律所档案")]:
        layout = Layout.of(registry.get(type_name).model)
        resolved = layout.resolve([former, "发件人资料"])
        assert not resolved.unknown, type_name
        assert layout.header(*layout.column_at(("sender_profile_id",)), "zh") == "发件人资料"
