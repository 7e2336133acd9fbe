"""A web session is checked against the users table on every request: once its user is
disabled (``docgen user disable``) or deleted, or its tenant is gone, the browser's
session cookie no longer works, pages send it to sign in and a script's request gets a
401 in Chinese; a role changed since sign-in is the role the session has."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from flask import Flask

from docgen.cli import main
from docgen.register.models import User
from docgen.tenants import ADMIN, MEMBER
from docgen.tenants.store import Tenant, Tenants
from docgen.web.auth import users
from tests.tenant_support import LOGIN, page_csrf, signed_in, tenant_app


@pytest.fixture
def app(settings) -> Flask:
    return tenant_app(settings, **LOGIN)


def _tenant(app: Flask) -> int:
    import uuid

    return Tenants(app.extensions["docgen_access"].engine).create(f"s-{uuid.uuid4().hex[:8]}").id


def _user_of(app: Flask, browser) -> str:
    with browser.session_transaction() as session:
        return str(session["docgen_user"])


def _execute(app: Flask, statement) -> None:
    with app.extensions["docgen_access"].engine.begin() as connection:
        connection.execute(statement)


def _is_signed_out(browser) -> None:
    page = browser.get("/form/demand_letter")
    assert page.status_code == 302
    assert page.headers["Location"].startswith("/login")


def test_a_disabled_users_session_is_sent_to_sign_in_and_a_script_gets_401(app):
    browser = signed_in(app, _tenant(app), MEMBER)
    token = page_csrf(browser)
    case = {"letter_date": "2026-01-01"}
    checked = browser.post(
        "/form/demand_letter/validate", json=case, headers={"X-CSRFToken": token}
    )
    assert checked.status_code == 200
    users(app).set_disabled(_user_of(app, browser))
    answer = browser.post("/form/demand_letter/validate", json=case, headers={"X-CSRFToken": token})
    assert answer.status_code == 401
    (problem,) = answer.json
    assert problem["code"] == "login_required"
    assert problem["message"] == "登录已失效（用户已停用或不存在），请重新登录"
    _is_signed_out(browser)
    with browser.session_transaction() as session:
        assert "docgen_user" not in session  # the stale session is dropped


@pytest.mark.parametrize("gone", ["user", "tenant", "moved"])
def test_a_deleted_user_or_tenant_or_a_user_moved_away_signs_the_session_out(app, gone):
    tenant = _tenant(app)
    browser = signed_in(app, tenant, MEMBER)
    assert browser.get("/form/demand_letter").status_code == 200
    name = _user_of(app, browser)
    if gone == "user":
        _execute(app, sa.delete(User).where(User.username == name))
    elif gone == "tenant":
        _execute(app, sa.delete(Tenant).where(Tenant.id == tenant))
    else:
        _execute(app, sa.update(User).where(User.username == name).values(tenant_id=_tenant(app)))
    _is_signed_out(browser)


def test_a_role_taken_away_since_sign_in_is_taken_away_from_the_session(app):
    browser = signed_in(app, _tenant(app), ADMIN)
    token = page_csrf(browser)
    name = _user_of(app, browser)
    _execute(app, sa.update(User).where(User.username == name).values(role=MEMBER))
    answer = browser.post("/form/templates/demand_letter/deactivate", data={"csrf_token": token})
    assert answer.status_code == 403


def test_the_command_line_disables_and_enables_a_user(app, settings, runner, monkeypatch):
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(settings.data_dir))
    browser = signed_in(app, _tenant(app), MEMBER)
    name = _user_of(app, browser)
    result = runner.invoke(main, ["user", "disable", name])
    assert result.exit_code == 0 and f"已停用用户：{name}" in result.output
    _is_signed_out(browser)
    assert runner.invoke(main, ["user", "enable", name]).exit_code == 0
    assert users(app).authenticate(name, "tenant test password") is not None
    unknown = runner.invoke(main, ["user", "disable", "nosuch-user"])
    assert unknown.exit_code == 2 and "没有名为 nosuch-user 的用户" in unknown.output


def test_a_page_asked_for_before_signing_in_keeps_the_sign_in_pages_token(app):
    """The browser asks for other pages (its icon, say) while the sign-in page is open:
    sent to sign in, they leave the session of no user, and its CSRF token, as it was."""
    browser = app.test_client()
    page = browser.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert browser.get("/form/demand_letter").status_code == 302
    with browser.session_transaction() as session:
        assert session.get("csrf_token")
    answer = browser.post(
        "/login", data={"csrf_token": token, "username": "nobody", "password": "wrong"}
    )
    assert "页面已过期" not in answer.get_data(as_text=True)
