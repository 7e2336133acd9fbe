"""Where the service answers and who may try how often: Host header, ``docgen serve``'s
refusals, anonymous verification and failed sign-ins limited per address (issue items
"web mode" and "verification"; threats T10, T11, T14)."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from sqlalchemy import update

from docgen import db
from docgen.cli import main
from docgen.config import Settings
from docgen.register import normalize_code
from docgen.register.models import RegisteredDocument
from docgen.web import create_app, gunicorn_conf
from docgen.web.hosts import host_allowed, serve_problems
from tests.e2e.test_bundle_api import _case
from tests.support import load_fixture
from tests.tenant_support import LOGIN, PASSWORD, key_client

PERSON = load_fixture("demand_letter", "valid", "person_debtor")


def _app(settings, **update):
    return create_app({"TESTING": True, "SETTINGS": settings.model_copy(update=update)})


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("localhost", 200),
        ("localhost:8000", 200),
        ("127.0.0.1:8000", 200),
        ("[::1]:8000", 200),
        ("LOCALHOST:8000", 200),
        ("evil.example.com", 400),
        ("evil.example.com:8000", 400),
        ("127.0.0.1.evil.example.com", 400),
        ("localhost@evil.example.com", 400),
        ("", 400),
    ],
)
def test_a_foreign_host_header_is_answered_with_400(app, host, status):
    response = app.test_client().get("/form/", headers={"Host": host})
    assert response.status_code == status, host
    if status == 400:
        assert response.json[0]["code"] == "host_not_allowed"
        assert "DOCGEN_ALLOWED_HOSTS" in response.json[0]["message"]


def test_allowed_hosts_name_the_hosts_and_ports_answered():
    allowed = ("docgen.example.com", "intranet:8443", ".firm.example.cn")
    assert host_allowed("docgen.example.com:8000", allowed)
    assert host_allowed("intranet:8443", allowed) and not host_allowed("intranet:8000", allowed)
    assert host_allowed("a.firm.example.cn", allowed) and host_allowed("firm.example.cn", allowed)
    assert not host_allowed("localhost", allowed), "naming hosts replaces the loopback default"
    assert not host_allowed("evilfirm.example.cn", allowed)
    assert Settings(allowed_hosts="docgen.example.com, Intranet:8443").allowed_hosts == (
        "docgen.example.com",
        "intranet:8443",
    )


def test_serve_refuses_a_public_address_in_single_user_mode(monkeypatch):
    monkeypatch.delenv("DOCGEN_WEB_AUTH", raising=False)
    arguments = ["serve", "--host", "0.0.0.0", "--workers", "1"]  # noqa: S104
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 2
    assert (
        "单用户模式（DOCGEN_WEB_AUTH=single-user）的网页无需登录，不能监听 0.0.0.0" in result.output
    )


def test_serve_refuses_several_workers_with_counters_of_their_own(monkeypatch):
    for name in ("DOCGEN_RATE_LIMIT_STORAGE_URI", "DOCGEN_BROKER_URL"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(main, ["serve", "--workers", "3"])
    assert result.exit_code == 2
    assert "3 个 worker 各自计数会使限流失效" in result.output


def test_what_serve_accepts():
    single = Settings()
    assert serve_problems(single, "127.0.0.1", 1) == []
    assert serve_problems(single, "::1", 1) == []
    assert serve_problems(single.model_copy(update=LOGIN), "0.0.0.0", 1) == []  # noqa: S104
    assert len(serve_problems(single, "192.168.1.20", 2)) == 2
    chosen = single.model_copy(update={"rate_limit_storage_uri": "memory://"})
    assert serve_problems(chosen, "127.0.0.1", 4) == [], "memory chosen by name is allowed"
    broker = single.model_copy(update={"broker_url": "redis://127.0.0.1:6379/0"})
    assert serve_problems(broker, "127.0.0.1", 4) == [], "the broker's Redis is shared"


def test_gunicorn_started_directly_is_refused_the_same(monkeypatch):
    monkeypatch.delenv("DOCGEN_WEB_AUTH", raising=False)
    server = SimpleNamespace(cfg=SimpleNamespace(bind=["0.0.0.0:8000"], workers=1))
    with pytest.raises(SystemExit, match=r"不能监听 0\.0\.0\.0"):
        gunicorn_conf.on_starting(server)


def test_codes_are_65_bits_typed_loosely_and_old_codes_still_verify(app, client):
    letter = client.post("/api/v1/documents/demand_letter?format=docx", json=PERSON)
    code = letter.headers["X-Docgen-Verification-Code"]
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}", code)
    typed = code.replace("-", " ").lower()
    assert client.post("/api/v1/verify", data={"code": typed}).json["issued"] is True

    register = app.extensions["docgen"].register
    with db.session_scope(register.engine) as session:  # a document printed before: 8 chars
        legacy = "7K3M-" + code[-4:]
        session.execute(
            update(RegisteredDocument).where(RegisteredDocument.code == code).values(code=legacy)
        )
    assert normalize_code(legacy.lower().replace("-", "")) == legacy
    answer = client.post("/api/v1/verify", data={"code": legacy.lower()}).json
    assert answer["issued"] is True
    assert answer["document_id"] == letter.headers["X-Docgen-Document-Id"]


def test_anonymous_verification_is_limited_far_below_a_key(settings):
    app = _app(settings, verify_rate_limit="3/minute")
    anonymous, keyed = app.test_client(), key_client(app, 1, "member")
    codes = [
        anonymous.post("/api/v1/verify", data={"code": "0000-0000-00000"}).status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    limited = anonymous.post("/api/v1/verify", data={"code": "0000-0000-00000"})
    assert limited.json[0]["message"] == "请求过于频繁，请稍后再试"
    assert int(limited.headers["Retry-After"]) > 0
    keyed_codes = {
        keyed.post("/api/v1/verify", data={"code": "0000-0000-00000"}).status_code for _ in range(6)
    }
    assert keyed_codes == {200}


def test_failed_keys_are_counted_per_address_then_refused(settings):
    app = _app(settings, auth_failure_limit="3/minute")
    guesser = app.test_client()
    bad = {"Authorization": "Bearer dgk_000000000000_not-a-secret"}
    statuses = [guesser.get("/api/v1/document-types", headers=bad).status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    blocked = guesser.get("/api/v1/document-types", headers=bad)
    assert blocked.json[0]["code"] == "auth_failures"
    assert blocked.json[0]["message"] == "身份验证失败次数过多，请稍后再试"
    assert int(blocked.headers["Retry-After"]) > 0
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "10.1.2.3"
    assert other.get("/api/v1/document-types", headers=bad).status_code == 401, "per address"


def test_failed_sign_ins_are_counted_per_address_then_refused(settings):
    from docgen.web.auth import users

    app = _app(settings, auth_failure_limit="2/minute", login_rate_limit="100/minute", **LOGIN)
    name = f"clerk-{id(app)}"
    users(app).create(name, PASSWORD)
    client = app.test_client()

    def sign_in(password):
        page = client.get("/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        return client.post(
            "/login", data={"csrf_token": token, "username": name, "password": password}
        )

    assert [sign_in("wrong password").status_code for _ in range(2)] == [401, 401]
    refused = sign_in(PASSWORD)
    assert refused.status_code == 429
    assert "登录失败次数过多，请稍后再试" in refused.get_data(as_text=True)


def test_with_api_auth_off_a_register_id_is_not_remade(settings):
    app = _app(settings, api_auth="off")
    client = app.test_client()
    letter = client.post("/api/v1/documents/demand_letter", json=PERSON)
    exhibits = [
        {
            **_case()["exhibits"][0],
            "file": None,
            "register_id": letter.headers["X-Docgen-Document-Id"],
        }
    ]
    response = client.post(
        "/api/v1/bundles",
        data={"case": json.dumps(_case(exhibits=exhibits), ensure_ascii=False)},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert response.json == [
        {
            "loc": ["exhibits", 0, "register_id"],
            "code": "register_id_needs_sign_in",
            "message": "按文书编号引用已登记的文书需要登录（DOCGEN_WEB_AUTH=login）或 API 密钥；"
            "单用户模式下请上传该文书的 PDF 文件",
            "severity": "error",
        }
    ]


def test_an_unreachable_rate_limit_store_limits_per_worker_and_never_answers_500(settings):
    app = _app(
        settings, rate_limit_storage_uri="redis://127.0.0.1:1/0", auth_failure_limit="2/minute"
    )
    good, guesser = key_client(app, 1, "member"), app.test_client()
    assert good.get("/api/v1/document-types").status_code == 200
    bad = {"Authorization": "Bearer dgk_000000000000_not-a-secret"}
    statuses = [guesser.get("/api/v1/document-types", headers=bad).status_code for _ in range(3)]
    assert statuses == [401, 401, 429]
