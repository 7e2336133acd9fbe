"""Sender profiles through the JSON API and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from docgen.cli import main
from tests.support import FIXTURES

FIRM_PATH = FIXTURES / "sender_profiles" / "law_firm.json"
FIRM = json.loads(FIRM_PATH.read_text("utf-8"))
URL = "/api/v1/sender-profiles"


def test_create_read_update_delete(client):
    created = client.post(URL, json=FIRM)
    assert created.status_code == 201
    pid = created.json["id"]
    assert created.json["license_number"] == "11101201510876543"
    assert client.get(f"{URL}/{pid}").json["name"] == "北京明正律师事务所"
    assert pid in [p["id"] for p in client.get(URL).json["items"]]
    updated = client.put(f"{URL}/{pid}", json=dict(FIRM, lawyer_name="李静"))
    assert updated.status_code == 200 and updated.json["lawyer_name"] == "李静"
    assert client.delete(f"{URL}/{pid}").status_code == 204
    assert client.get(f"{URL}/{pid}").status_code == 404


def test_bad_profile_gets_422_with_the_problem_on_each_field(client):
    bad = dict(FIRM, license_number="1234", phone="abc")
    del bad["name"]
    response = client.post(URL, json=bad)
    assert response.status_code == 422
    locs = sorted(tuple(p["loc"]) for p in response.json)
    assert locs == [("license_number",), ("name",), ("phone",)]
    (license_problem,) = [p for p in response.json if p["loc"] == ["license_number"]]
    assert "17位数字" in license_problem["message"]


def test_unknown_id_is_404_with_a_problem(client):
    for method in (client.get, client.delete):
        response = method(f"{URL}/999999")
        assert response.status_code == 404
        assert response.json[0]["code"] == "profile_not_found"
    assert client.put(f"{URL}/999999", json=FIRM).status_code == 404


def test_non_json_body_is_415_and_broken_json_is_400(client):
    assert client.post(URL, data="x", content_type="text/plain").status_code == 415
    assert client.post(URL, data="{", content_type="application/json").status_code == 400


def test_schema_is_published_for_forms(client):
    schema = client.get(f"{URL}/schema").json
    assert {"name", "address", "license_number", "letter_prefix"} <= set(schema["properties"])


def test_cli_add_list_show_delete(runner, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path))
    added = runner.invoke(main, ["profile", "add", str(FIRM_PATH)])
    assert added.exit_code == 0, added.output
    pid = added.output.split("发件人资料 ")[1].split("：")[0]
    listed = runner.invoke(main, ["profile", "list"])
    assert f"{pid}\t律师事务所\t北京明正律师事务所\t京明正" in listed.output
    shown = runner.invoke(main, ["profile", "show", pid])
    assert json.loads(shown.output)["lawyer_name"] == "王立新"
    assert runner.invoke(main, ["profile", "delete", pid]).exit_code == 0
    missing = runner.invoke(main, ["profile", "show", pid])
    assert missing.exit_code != 0 and "不存在" in missing.output


def test_cli_add_reports_field_errors(runner, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(dict(FIRM, license_number="12")), "utf-8")
    result = runner.invoke(main, ["profile", "add", str(bad)])
    assert result.exit_code == 1
    assert "license_number" in result.output and "17位数字" in result.output
