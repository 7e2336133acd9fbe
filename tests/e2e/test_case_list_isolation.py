"""T14 for the case list: a tenant's issued documents are listed for its own users only."""

from __future__ import annotations

import json

import pytest

from docgen.config import Settings
from tests.e2e.test_tenant_isolation_web import _latest_document
from tests.support import load_fixture
from tests.tenant_support import LOGIN, TwoTenants, page_csrf, tenant_app, two_tenants

PERSON = load_fixture("demand_letter", "valid", "person_debtor")


@pytest.fixture
def web(database_url, tmp_path, service) -> TwoTenants:
    settings = Settings(data_dir=tmp_path / "data", database_url=database_url)
    return two_tenants(tenant_app(settings, service, **LOGIN), web=True)


def test_a_tenants_cases_are_listed_and_carried_for_its_own_users_only(web):
    form = {"format": "docx", "case": json.dumps(PERSON), "csrf_token": page_csrf(web.a.member)}
    assert web.a.member.post("/form/demand_letter/render", data=form).status_code == 200
    document_id = _latest_document(web.app, web.a.id)

    listed = web.a.admin.get("/form/cases").get_data(as_text=True)
    assert "深圳市恒信商贸有限公司（债权人）· 张伟（债务人）" in listed
    assert document_id in listed
    carried = web.a.member.get(f"/form/civil_complaint?from={document_id}")
    assert carried.status_code == 200
    assert "110101198503151235" in carried.get_data(as_text=True)  # the debtor's ID, carried

    other = web.b.admin.get("/form/cases").get_data(as_text=True)
    assert "张伟" not in other and document_id not in other
    refused = web.b.member.get(f"/form/civil_complaint?from={document_id}")
    assert refused.status_code == 404
    assert "张伟" not in refused.get_data(as_text=True)
