"""A batch run is named to its operator by the file uploaded, not by its id: on its page,
and where the form says a case was already issued by a batch. The name is shown
cleaned, and only to the tenant whose run it is."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from docgen.batch.sources import shown_file_name, source_names
from docgen.config import Settings
from docgen.services import DocumentService
from tests.batch_support import sheet, write_csv
from tests.form_issue import issuing_web
from tests.support import load_fixture
from tests.tenant_support import TwoTenants, finished_web_batch, page_csrf

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def web(settings: Settings, service: DocumentService) -> TwoTenants:
    return issuing_web(settings, service)


def _case() -> dict[str, Any]:
    case = load_fixture("demand_letter", "valid", "person_debtor")
    case["letter_number"] = f"CS-{uuid.uuid4().hex[:8]}"
    return {**case, "debtor": {**case["debtor"], "name": f"赵{uuid.uuid4().hex[:4]}"}}


def test_a_case_a_batch_issued_is_named_by_the_batchs_file(web, tmp_path):
    case = _case()
    source = write_csv(tmp_path / "十一月 催收名单.csv", *sheet([case]))
    run_id = finished_web_batch(web.a.member, source)

    page = web.a.member.get(f"/form/batches/{run_id}").get_data(as_text=True)
    assert f"<title>十一月 催收名单.csv · 批次 {run_id[:8]}" in page
    assert "（十一月 催收名单.csv）</h1>" in page and f"批次编号 {run_id}" in page

    client = web.a.member
    asked = client.post(
        "/form/demand_letter/issued", json=case, headers={"X-CSRFToken": page_csrf(client)}
    )
    (earlier,) = asked.json["elsewhere"]
    assert earlier["channel"] == f"批量生成（文件「十一月 催收名单.csv」，批次 {run_id[:8]}）"
    assert earlier["batch_id"] == run_id
    form = {"case": json.dumps(case, ensure_ascii=False), "format": "pdf"}
    form |= {"disposition": "attachment", "csrf_token": page_csrf(client)}
    refused = client.post(
        "/form/demand_letter/render", data=form, headers={"Accept": "application/json"}
    )
    assert refused.status_code == 409
    assert earlier["channel"] in refused.json[0]["message"]

    engine = web.app.extensions["docgen.batches"].engine
    assert source_names(engine, web.a.id, [run_id]) == {run_id: "十一月 催收名单.csv"}
    assert source_names(engine, web.b.id, [run_id]) == {}  # another tenant's run: unnamed


@pytest.mark.parametrize(
    ("uploaded", "shown"),
    [
        ("名单\u202exslx.exe", "名单xslx.exe"),  # no right-to-left override
        ("名单\x00\x1b[31m.xlsx", "名单[31m.xlsx"),
        ("  十一月\u3000\t名单.xlsx ", "十一月 名单.xlsx"),
        ("\u200b\u2066", ""),
        ("甲" * 80 + ".xlsx", "甲" * 59 + "…"),
    ],
)
def test_a_file_name_is_shown_without_what_would_hide_or_disguise_it(uploaded, shown):
    assert shown_file_name(uploaded) == shown
