"""API keys, rate limits, size limits and security headers (threats T10 and T11)."""

from __future__ import annotations

import json

import pytest

from docgen.web import create_app
from docgen.web.auth import api_keys
from tests.support import authorized_client, load_fixture

PERSON = load_fixture("demand_letter", "valid", "person_debtor")
PROTECTED = [
    ("get", "/api/v1/document-types", None),
    ("post", "/api/v1/documents/demand_letter", PERSON),
    ("post", "/api/v1/documents/demand_letter/validate", PERSON),
    ("post", "/api/v1/calculations/amount-words", {"amount": "1"}),
    ("get", "/api/v1/register/01ABCDEFGHJKMNPQRSTV", None),
]


def _call(client, method, path, body, **kwargs):
    return getattr(client, method)(path, json=body, **kwargs)


@pytest.mark.parametrize(("method", "path", "body"), PROTECTED)
def test_no_key_wrong_key_or_malformed_key_gets_401(anonymous_client, api_key, method, path, body):
    key_id = api_key.split("_")[1]
    wrong = [
        {},
        {"Authorization": "Bearer dgk_" + key_id + "_not-the-secret"},
        {"Authorization": "Bearer " + api_key[:-1]},
        {"Authorization": "Basic " + api_key},
        {"X-API-Key": "dgk_nosuchkey_" + api_key.split("_", 2)[2]},
        {"X-API-Key": "x" * 5000},
        {"Cookie": "session=" + api_key},
    ]
    for headers in wrong:
        response = _call(anonymous_client, method, path, body, headers=headers)
        assert response.status_code == 401, headers
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert response.json[0]["code"] in {"api_key_missing", "api_key_invalid"}


def test_a_revoked_key_stops_working_at_once(app, anonymous_client):
    row, key = api_keys(app).create("client-a")
    headers = {"X-API-Key": key}
    assert anonymous_client.get("/api/v1/document-types", headers=headers).status_code == 200
    api_keys(app).revoke(row.id)
    response = anonymous_client.get("/api/v1/document-types", headers=headers)
    assert response.status_code == 401
    assert response.json[0]["code"] == "api_key_invalid"


def test_keys_are_stored_only_as_hashes(app):
    _row, key = api_keys(app).create("client-b")
    secret = key.split("_", 2)[2]
    stored = [(k.id, k.secret_hash) for k in api_keys(app).list()]
    assert all(secret not in h and secret not in i for i, h in stored)


def test_the_openapi_document_is_public_and_declares_the_key_schemes(anonymous_client):
    response = anonymous_client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schemes = response.json["components"]["securitySchemes"]
    assert schemes["bearer"]["scheme"] == "bearer"
    assert schemes["apiKey"]["name"] == "X-API-Key"


def test_api_auth_off_serves_a_desktop_install_without_keys(settings, tmp_path):
    app = create_app({"TESTING": True, "SETTINGS": settings.model_copy(update={"api_auth": "off"})})
    response = app.test_client().post("/api/v1/documents/demand_letter/validate", json=PERSON)
    assert response.status_code == 200
    assert response.json["valid"] is True


def test_over_the_rate_a_key_gets_429_with_retry_after_and_other_keys_go_on(settings):
    app = create_app(
        {"TESTING": True, "SETTINGS": settings.model_copy(update={"rate_limit": "3/minute"})}
    )
    busy, other = authorized_client(app), authorized_client(app)
    statuses = [busy.get("/api/v1/document-types").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = busy.get("/api/v1/document-types")
    assert limited.status_code == 429
    assert 0 < int(limited.headers["Retry-After"]) <= 60
    assert limited.json[0]["message"] == "请求过于频繁，请稍后再试"
    assert other.get("/api/v1/document-types").status_code == 200


@pytest.mark.redis
def test_rate_limit_counters_can_live_in_redis(settings, redis_url):
    update = {"rate_limit": "2/minute", "rate_limit_storage_uri": redis_url}
    apps = [
        create_app({"TESTING": True, "SETTINGS": settings.model_copy(update=update)})
        for _ in range(2)
    ]
    client = authorized_client(apps[0])
    key = client.environ_base["HTTP_AUTHORIZATION"]
    second = apps[1].test_client()
    second.environ_base["HTTP_AUTHORIZATION"] = key
    assert client.get("/api/v1/document-types").status_code == 200
    assert second.get("/api/v1/document-types").status_code == 200
    assert second.get("/api/v1/document-types").status_code == 429  # shared across processes


def test_one_byte_over_the_size_limit_gets_413_even_before_authentication(settings):
    limit = 4096
    app = create_app(
        {"TESTING": True, "SETTINGS": settings.model_copy(update={"max_content_length": limit})}
    )
    body = json.dumps({"pad": "x" * limit})[: limit + 1].encode()
    for path in ("/api/v1/documents/demand_letter", "/api/v1/verify"):
        response = app.test_client().post(path, data=body, content_type="application/json")
        assert response.status_code == 413, path
        assert response.json[0]["code"] == "http_413"


def test_every_response_carries_the_security_headers(client, anonymous_client):
    for response in (
        client.get("/api/v1/document-types"),
        anonymous_client.get("/api/v1/document-types"),
        anonymous_client.get("/api/v1/openapi.json"),
    ):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
