"""The form's routes take dates as typed and refuse a year outside 1900–2100 on its field."""

from __future__ import annotations

import copy
import json

import pytest

from docgen.web import create_app
from tests.e2e.test_form_http import csrf_token
from tests.support import authorized_client, load_fixture

PERSON = load_fixture("demand_letter", "valid", "person_debtor")


@pytest.fixture(scope="module")
def shared_app(settings):
    return create_app({"TESTING": True, "SETTINGS": settings})


@pytest.fixture
def client(shared_app):
    return authorized_client(shared_app)


def test_a_date_typed_in_chinese_form_is_taken_by_the_validate_route(client):
    case = copy.deepcopy(PERSON)
    case["letter_date"] = "2026年11月20日"
    case["contract"]["signed_on"] = "2025/1/10"
    headers = {"X-CSRFToken": csrf_token(client)}
    report = client.post("/form/demand_letter/validate", json=case, headers=headers).json
    assert report["valid"], report["errors"]


def test_a_year_out_of_range_is_an_error_on_its_field_in_validate_and_render(client):
    case = copy.deepcopy(PERSON)
    case["contract"]["signed_on"] = "0635-02-02"
    token = csrf_token(client)
    report = client.post(
        "/form/demand_letter/validate", json=case, headers={"X-CSRFToken": token}
    ).json
    assert not report["valid"]
    (error,) = [e for e in report["errors"] if e["loc"] == ["contract", "signed_on"]]
    assert error["field"] == "f.contract.signed_on"
    assert error["code"] == "date_year_out_of_range"
    assert "年份 635 不在 1900—2100 年之间" in error["message"]

    form = {"format": "pdf", "case": json.dumps(case), "csrf_token": token}
    refused = client.post("/form/demand_letter/render", data=form)
    assert refused.status_code == 422
    assert "年份 635 不在 1900—2100 年之间" in refused.get_data(as_text=True)


def test_the_bundle_page_refuses_a_year_out_of_range_on_its_field(client):
    case = {
        "court": "北京市朝阳区人民法院",
        "case_type": "民间借贷纠纷",
        "plaintiffs": ["深圳市恒信商贸有限公司"],
        "defendants": ["张伟"],
        "filing_date": "2226-11-20",
        "exhibits": [{"name": "合同", "source": "原告持有", "purpose": "证明借贷"}],
    }
    token = csrf_token(client, "bundle")
    form = {"case": json.dumps(case, ensure_ascii=False)}
    report = client.post(
        "/form/bundle/build",
        data=form,
        headers={"X-CSRFToken": token},
        content_type="multipart/form-data",
    ).json
    (error,) = report["errors"]
    assert error["field"] == "f.filing_date"
    assert error["code"] == "date_year_out_of_range"
