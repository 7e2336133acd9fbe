"""Bounded work at the web layer (threat T16): deeply nested JSON is a 400 before any parser
sees it, a locked database a 503 with Retry-After within seconds, and the database file is
private to its owner."""

from __future__ import annotations

import json
import sqlite3
import stat
import time
from pathlib import Path

import pytest

from docgen import db
from docgen.config import Settings
from docgen.json_depth import MAX_JSON_DEPTH, json_depth_exceeds
from docgen.web import create_app
from docgen.web.auth import api_keys
from tests.support import load_fixture

PERSON = load_fixture("demand_letter", "valid", "person_debtor")
URL = "/api/v1/documents/demand_letter/validate"


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def _problem(response) -> dict:
    (problem,) = response.json
    return problem


def test_json_10000_deep_is_400_json_too_deep(client):
    started = time.monotonic()
    response = client.post(URL, data=_deep(10_000), content_type="application/json")
    assert time.monotonic() - started < 2
    assert response.status_code == 400
    problem = _problem(response)
    assert problem["code"] == "json_too_deep"
    assert f"JSON 嵌套超过 {MAX_JSON_DEPTH} 层" in problem["message"]


def test_deep_json_inside_a_case_field_is_refused_too(client):
    body = json.dumps({**PERSON, "letter_number": None})
    body = body.replace("null", '{"a": ' * 5000 + "1" + "}" * 5000, 1)
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == 400 and _problem(response)["code"] == "json_too_deep"


def test_brackets_inside_strings_do_not_count(client):
    case = {**PERSON, "letter_number": "[" * 5000 + '\\"{'}
    response = client.post(URL, data=json.dumps(case), content_type="application/json")
    assert response.status_code == 200
    assert response.json["valid"] is False or response.json["valid"] is True


def test_deep_json_in_a_form_field_names_the_field(client):
    response = client.post(
        "/api/v1/bundles", data={"case": _deep(10_000)}, content_type="multipart/form-data"
    )
    assert response.status_code == 400
    problem = _problem(response)
    assert problem["code"] == "json_too_deep" and problem["loc"] == ["case"]
    assert "字段 case 中的 JSON 嵌套超过" in problem["message"]


@pytest.mark.parametrize(
    ("text", "deep"),
    [
        (_deep(MAX_JSON_DEPTH), False),
        (_deep(MAX_JSON_DEPTH + 1), True),
        ('{"a": "]]]]"}' + _deep(MAX_JSON_DEPTH), False),
        ('["\\\\", ' + _deep(MAX_JSON_DEPTH) + "]", True),
        ('["\\"[[[[", 1]', False),
    ],
)
def test_depth_is_counted_outside_strings(text, deep):
    assert json_depth_exceeds(text.encode()) is deep


@pytest.fixture
def own_app(tmp_path: Path):
    # the wait for a locked file is the app's setting: half a second, not the default 3
    settings = Settings(data_dir=tmp_path / "data", database_busy_seconds=0.5)
    app = create_app({"TESTING": True, "SETTINGS": settings})
    key = api_keys(app).create("tests")[1]
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    return app, client, tmp_path / "data" / "docgen.db"


def test_a_locked_database_answers_503_with_retry_after_within_seconds(own_app):
    _app, client, path = own_app
    assert client.get("/api/v1/register/DOC-NOT-THERE").status_code == 404
    db.engine_for(f"sqlite:///{path}").dispose()  # the holder, e.g. a backup, came first
    holder = sqlite3.connect(path, isolation_level=None, timeout=10)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("CREATE TABLE IF NOT EXISTS lock_holder (x)")
        started = time.monotonic()
        response = client.get("/api/v1/register/DOC-NOT-THERE")
        took = time.monotonic() - started
    finally:
        holder.rollback() if holder.in_transaction else None
        holder.close()
    assert response.status_code == 503 and took < 8
    assert response.headers["Retry-After"] == "5"
    problem = _problem(response)
    assert problem["code"] == "database_busy" and "数据库正忙" in problem["message"]
    # the lock gone, the same request is answered as before
    assert client.get("/api/v1/register/DOC-NOT-THERE").status_code == 404


def test_the_database_file_and_its_folder_are_private(own_app):
    _app, _client, path = own_app
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) & 0o007 == 0
    for extra in path.parent.glob("docgen.db-*"):  # the -wal and -shm files
        assert stat.S_IMODE(extra.stat().st_mode) & 0o077 == 0, extra


def test_another_database_error_stays_a_plain_500(own_app):
    from sqlalchemy.exc import OperationalError

    app, client, _path = own_app

    def broken() -> str:
        raise OperationalError("SELECT 1", {}, sqlite3.OperationalError("disk I/O error"))

    app.add_url_rule("/_test/broken", "broken", broken)
    response = client.get("/_test/broken")
    assert response.status_code == 500 and "Retry-After" not in response.headers
    assert _problem(response)["code"] == "internal_error"


def test_deep_json_sent_as_the_case_file_of_a_bundle_is_refused(client):
    import io

    response = client.post(
        "/api/v1/bundles",
        data={"case": (io.BytesIO(_deep(10_000).encode()), "case.json")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert _problem(response)["code"] == "json_too_deep" and _problem(response)["loc"] == ["case"]


def test_an_existing_world_readable_data_folder_is_closed_when_the_database_is_made(tmp_path):
    folder = tmp_path / "var"
    folder.mkdir()
    folder.chmod(0o755)  # e.g. made first by the font cache or an upload
    db.upgrade(Settings(data_dir=folder).effective_database_url)
    assert stat.S_IMODE((folder / "docgen.db").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o750
