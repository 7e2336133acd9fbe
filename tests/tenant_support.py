"""Two clients of one docgen (tenant A and tenant B), for the isolation tests (T14).

Each tenant gets an ``admin`` and a ``member`` API key (as Flask test clients sending
them), and, in login mode, a signed-in web user of each role. Names are unique per call,
so tenants made by different tests on one database never meet.
"""

from __future__ import annotations

import io
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from docgen.config import Settings
from docgen.tenants import ADMIN, MEMBER
from docgen.tenants.store import Tenants
from docgen.web import create_app
from docgen.web.auth import api_keys, users

PASSWORD = "tenant test password"  # noqa: S105 - a test user's password
LOGIN = {"web_auth": "login", "secret_key": "tenant-tests-secret-key-0123456789"}


@dataclass
class Client:
    """One tenant's way in: its id and name, and clients acting for each role."""

    id: int
    name: str
    admin: FlaskClient
    member: FlaskClient


@dataclass
class TwoTenants:
    app: Flask
    a: Client
    b: Client


def tenant_app(settings: Settings, service: Any = None, **update: Any) -> Flask:
    """The real app on ``settings`` (changed by ``update``); with ``service``, its PDF
    renderer is reused (fonts are loaded once per test session)."""
    app = create_app(
        {"TESTING": True, "SETTINGS": settings.model_copy(update=update), "BATCH_PROCESSES": 1}
    )
    if service is not None:
        app.extensions["docgen"].engines.pdf = service.pdf
    return app


def _new_tenant(app: Flask, label: str) -> tuple[int, str]:
    docgen = app.extensions["docgen_access"]
    name = f"{label}-{uuid.uuid4().hex[:8]}"
    return Tenants(docgen.engine).create(name).id, name


def key_client(app: Flask, tenant_id: int, role: str) -> FlaskClient:
    client = app.test_client()
    _row, key = api_keys(app).create(f"{role}-{tenant_id}", tenant_id=tenant_id, role=role)
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    return client


def signed_in(app: Flask, tenant_id: int, role: str) -> FlaskClient:
    """A browser of a new web user of the tenant with ``role``, signed in."""
    username = f"user-{uuid.uuid4().hex[:10]}"
    users(app).create(username, PASSWORD, tenant_id=tenant_id, role=role)
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    response = client.post(
        "/login", data={"csrf_token": token, "username": username, "password": PASSWORD}
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def two_tenants(app: Flask, *, web: bool = False) -> TwoTenants:
    """Tenants A and B with a client of each role: API keys, or (``web``) signed-in users."""
    make = signed_in if web else key_client
    clients = []
    for label in ("client-a", "client-b"):
        tenant_id, name = _new_tenant(app, label)
        clients.append(
            Client(tenant_id, name, make(app, tenant_id, ADMIN), make(app, tenant_id, MEMBER))
        )
    return TwoTenants(app, clients[0], clients[1])


def page_csrf(client: FlaskClient) -> str:
    """The CSRF token a form page hands its scripts."""
    page = client.get("/form/demand_letter").get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]


def finished_web_batch(client: FlaskClient, source: Path) -> str:
    """The id of a batch of demand letters uploaded on the batch page as ``client``, once
    its page says it is done (DOCX only, to be quick)."""
    form = {
        "file": (io.BytesIO(source.read_bytes()), source.name),
        "type": "demand_letter",
        "format": "docx",
        "csrf_token": page_csrf(client),
    }
    response = client.post("/form/batches", data=form, content_type="multipart/form-data")
    assert response.status_code == 303, response.get_data(as_text=True)[:300]
    run_id = response.headers["Location"].rstrip("/").rsplit("/", 1)[-1]
    deadline = time.monotonic() + 120
    while "已完成" not in client.get(f"/form/batches/{run_id}").get_data(as_text=True):
        assert time.monotonic() < deadline
        time.sleep(0.2)
    return run_id


def wait_for(client: FlaskClient, url: str, done: tuple[str, ...], timeout: float = 180.0) -> Any:
    """Poll a run's status URL until its status is one of ``done``."""
    deadline = time.monotonic() + timeout
    while True:
        status = client.get(url).get_json()
        if status.get("status") in done or time.monotonic() > deadline:
            return status
        time.sleep(0.2)


__all__ = [
    "LOGIN",
    "PASSWORD",
    "Client",
    "TwoTenants",
    "finished_web_batch",
    "key_client",
    "page_csrf",
    "signed_in",
    "tenant_app",
    "two_tenants",
    "wait_for",
]
