"""Web sign-in (DOCGEN_WEB_AUTH=login): pages need a user, the API keeps using keys."""

from __future__ import annotations

import re

import pytest

from docgen.web import create_app
from docgen.web.auth import users

PASSWORD = "correct horse battery"  # noqa: S105 - a test user's password


@pytest.fixture
def login_app(settings):
    update = {
        "web_auth": "login",
        "secret_key": "test-secret-key-0123456789",
        "login_rate_limit": "5/minute",
    }
    app = create_app({"TESTING": True, "SETTINGS": settings.model_copy(update=update)})

    @app.get("/private-page")
    def private_page():
        return "private"

    return app


def _token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def _login(client, username="clerk", password=PASSWORD, next_url="/private-page"):
    token = _token(client.get("/login").get_data(as_text=True))
    return client.post(
        "/login",
        data={"csrf_token": token, "username": username, "password": password, "next": next_url},
    )


@pytest.fixture
def clerk(login_app):
    import uuid

    name = f"clerk-{uuid.uuid4().hex[:8]}"
    users(login_app).create(name, PASSWORD)
    return name


def test_pages_redirect_to_sign_in_until_a_user_signs_in(login_app, clerk):
    client = login_app.test_client()
    response = client.get("/private-page")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=/private-page")
    signed_in = _login(client, clerk)
    assert signed_in.status_code == 302 and signed_in.headers["Location"] == "/private-page"
    assert client.get("/private-page").get_data(as_text=True) == "private"
    client.post("/logout")
    assert client.get("/private-page").status_code == 302


def test_a_wrong_password_or_unknown_user_is_refused_with_a_chinese_message(login_app, clerk):
    client = login_app.test_client()
    for username, password in ((clerk, "wrong password"), ("nobody", PASSWORD)):
        response = _login(client, username, password)
        assert response.status_code == 401
        assert "用户名或密码不正确" in response.get_data(as_text=True)
    assert client.get("/private-page").status_code == 302


def test_sign_in_without_the_form_token_is_refused(login_app, clerk):
    client = login_app.test_client()
    client.get("/login")
    response = client.post("/login", data={"username": clerk, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/private-page").status_code == 302


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]
)
def test_next_never_leaves_the_site(login_app, clerk, target):
    response = _login(login_app.test_client(), clerk, next_url=target)
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_sign_in_attempts_are_rate_limited(login_app, clerk):
    client = login_app.test_client()
    statuses = [_login(client, clerk, "wrong password").status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]


def test_the_api_keeps_using_keys_and_ignores_the_session(login_app, clerk):
    client = login_app.test_client()
    _login(client, clerk)
    response = client.get("/api/v1/document-types")
    assert response.status_code == 401  # a session cookie is not an API credential (T9)


def test_login_mode_without_a_session_key_refuses_to_start(settings, monkeypatch):
    from docgen.web import form

    monkeypatch.setattr(form, "_ensure_secret_key", lambda app, settings: None)
    update = {"web_auth": "login", "secret_key": ""}
    with pytest.raises(RuntimeError, match="DOCGEN_SECRET_KEY"):
        create_app({"TESTING": True, "SETTINGS": settings.model_copy(update=update)})


def test_single_user_mode_has_no_sign_in(client):
    assert client.get("/login").status_code == 404
