"""T14 through the web pages: signed-in users of two tenants (DOCGEN_WEB_AUTH=login).

B's user asks the pages for A's sender profile, batch run, template version and register
entry by id; each is answered as unknown (404, or the page's own "not found" problem) and
A's data stays as it was. In the single-user mode, where nobody signs in, a registered
document is never made again from its id.
"""

from __future__ import annotations

import io
import json

import pytest

from docgen.config import Settings
from docgen.tenants import ADMIN
from tests.batch_support import person_case, sheet, write_csv
from tests.e2e.test_bundle_api import _case
from tests.integration.templates.test_custom_templates import FIRM_TEMPLATE
from tests.support import load_fixture
from tests.tenant_support import (
    LOGIN,
    TwoTenants,
    finished_web_batch,
    page_csrf,
    signed_in,
    tenant_app,
    two_tenants,
)

PERSON = load_fixture("demand_letter", "valid", "person_debtor")
FIRM = dict(
    load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")["sender"],
    bank_account={
        "account_name": "甲律所",
        "bank": "工商银行",
        "account_number": "0200001234567890123",
    },
)


@pytest.fixture(scope="module")
def shared_web_app(module_database_url, tmp_path_factory, service):
    """One app per backend for the module: each test signs in users of two new tenants.
    Every test's sign-ins come from the one test address, so its per-address limit of
    sign-in attempts is raised (no test here is about that limit)."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"), database_url=module_database_url)
    return tenant_app(settings, service, **LOGIN, login_rate_limit="1000/minute")


@pytest.fixture
def web(shared_web_app) -> TwoTenants:
    return two_tenants(shared_web_app, web=True)


def _save_profile(client, profile, profile_id=None):
    body = {"profile": profile, **({"id": profile_id} if profile_id else {})}
    return client.post("/form/profiles/save", json=body, headers={"X-CSRFToken": page_csrf(client)})


def test_another_tenants_profile_pages_are_not_found_and_it_stays_unchanged(web):
    a, b = web.a.admin, web.b.admin
    saved = _save_profile(a, FIRM).json
    assert saved["valid"] is True
    profile_id = saved["id"]

    assert b.get(f"/form/profiles/{profile_id}").status_code == 404
    assert b.get(f"/form/lawyer_letter/prefill/{profile_id}").status_code == 404
    changed = dict(
        FIRM, bank_account={**FIRM["bank_account"], "account_number": "6222029999888877776"}
    )
    replaced = _save_profile(b, changed, profile_id).json
    assert replaced["valid"] is False
    assert replaced["errors"][0]["code"] == "profile_not_found"
    deleted = b.post(f"/form/profiles/{profile_id}/delete", data={"csrf_token": page_csrf(b)})
    assert deleted.status_code == 303
    assert FIRM["name"] not in b.get("/form/profiles").get_data(as_text=True)

    page = a.get(f"/form/profiles/{profile_id}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "0200001234567890123" in text and "6222029999888877776" not in text
    # nor can B's form print a letter from it
    case = {
        k: v
        for k, v in load_fixture("lawyer_letter", "valid", "person_debtor_auto_number").items()
        if k != "sender"
    }
    form = {
        "format": "docx",
        "case": json.dumps({**case, "sender_profile_id": profile_id}),
        "csrf_token": page_csrf(b),
    }
    refused = b.post("/form/lawyer_letter/render", data=form)
    assert refused.status_code == 422 and f"发件人资料 {profile_id} 不存在" in refused.get_data(
        as_text=True
    )


def _batch_of(client, tmp_path) -> str:
    return finished_web_batch(client, write_csv(tmp_path / "cases.csv", *sheet([person_case(0)])))


def test_another_tenants_batch_pages_are_not_found(web, tmp_path):
    run_id = _batch_of(web.a.member, tmp_path)
    for url in (f"/form/batches/{run_id}", f"/form/batches/{run_id}/download"):
        assert web.b.admin.get(url).status_code == 404, url
    download = web.a.admin.get(f"/form/batches/{run_id}/download")
    assert download.status_code == 200
    download.close()


def test_template_pages_act_for_the_users_tenant_and_its_admin_only(web):
    def upload(client):
        form = {"file": (io.BytesIO(FIRM_TEMPLATE), "firm.docx"), "csrf_token": page_csrf(client)}
        return client.post(
            "/form/templates/demand_letter/upload", data=form, content_type="multipart/form-data"
        )

    refused = upload(web.a.member)
    assert refused.status_code == 403
    assert "只有本租户的管理员（admin）可以上传、启用或停用模板" in refused.get_data(as_text=True)
    assert upload(web.a.admin).status_code == 303
    activate = "/form/templates/demand_letter/1/activate"
    assert (
        web.a.member.post(activate, data={"csrf_token": page_csrf(web.a.member)}).status_code == 403
    )
    # version 1 is A's: B's admin finds no such version
    assert (
        web.b.admin.post(activate, data={"csrf_token": page_csrf(web.b.admin)}).status_code == 404
    )
    a_page = web.a.admin.get("/form/templates").get_data(as_text=True)
    b_page = web.b.admin.get("/form/templates").get_data(as_text=True)
    assert "firm.docx" in a_page and "firm.docx" not in b_page
    member_page = web.a.member.get("/form/templates").get_data(as_text=True)
    assert "firm.docx" in member_page and "只有本租户的管理员（admin）可以上传" in member_page
    assert "上传并检查" not in member_page and ">启用</button>" not in member_page
    assert "上传并检查" in a_page and ">启用</button>" in a_page
    (version,) = web.app.extensions["docgen"].templates.versions(web.a.id, "demand_letter")
    assert version.status == "uploaded", "nobody but A's admin activates A's version"


def _latest_document(app, tenant_id: int) -> str:
    from sqlalchemy import select

    from docgen import db
    from docgen.register.models import RegisteredDocument

    with db.session_scope(app.extensions["docgen"].register.engine) as session:
        return session.scalars(
            select(RegisteredDocument.id)
            .where(RegisteredDocument.tenant_id == tenant_id)
            .order_by(RegisteredDocument.created_at.desc())
        ).first()


def test_the_bundle_page_refuses_another_tenants_register_id(web):
    form = {"format": "pdf", "case": json.dumps(PERSON), "csrf_token": page_csrf(web.a.member)}
    letter = web.a.member.post("/form/demand_letter/render", data=form)
    assert letter.status_code == 200
    document_id = _latest_document(web.app, web.a.id)
    exhibits = [{**_case()["exhibits"][0], "file": None, "register_id": document_id}]
    form = {"case": json.dumps(_case(exhibits=exhibits), ensure_ascii=False)}
    report = web.b.admin.post(
        "/form/bundle/build",
        data=form,
        headers={"X-CSRFToken": page_csrf(web.b.admin)},
        content_type="multipart/form-data",
    ).json
    assert report["valid"] is False
    (error,) = [e for e in report["errors"] if e["loc"] == ["exhibits", 0, "register_id"]]
    assert error["code"] == "document_unknown"


def test_single_user_mode_never_remakes_a_registered_document(app, client):
    """Nobody signs in to the single-user pages: a register id is refused, not re-rendered."""
    letter = client.post("/api/v1/documents/demand_letter", json=PERSON)
    document_id = letter.headers["X-Docgen-Document-Id"]
    exhibits = [{**_case()["exhibits"][0], "file": None, "register_id": document_id}]
    form = {"case": json.dumps(_case(exhibits=exhibits), ensure_ascii=False)}
    page = app.test_client()
    report = page.post(
        "/form/bundle/build",
        data=form,
        headers={"X-CSRFToken": page_csrf(page)},
        content_type="multipart/form-data",
    ).json
    (error,) = report["errors"]
    assert error["loc"] == ["exhibits", 0, "register_id"]
    assert error["code"] == "register_id_needs_sign_in"
    assert "需要登录" in error["message"]


def test_a_signed_in_user_acts_for_its_own_tenant(web):
    """A user of A made later still sees A's profile: the tenant comes from the user."""
    saved = _save_profile(web.a.admin, FIRM).json
    other = signed_in(web.app, web.a.id, ADMIN)
    assert other.get(f"/form/profiles/{saved['id']}").status_code == 200
