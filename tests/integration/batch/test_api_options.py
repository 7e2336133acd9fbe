"""The batch API's form fields: yes/no flags read as the sheets read 是/否, and shared
values checked before the run starts (a 422 at the field, nothing issued)."""

from __future__ import annotations

import io
import json

import pytest

from docgen.batch.cells import yes_no
from docgen.batch.runs import Batches, RunOptions
from tests.operator_sheets import row, shared_values, write_xlsx


@pytest.fixture
def sheet(tmp_path):
    return write_xlsx(tmp_path / "cases.xlsx", [row(i, "xlsx") for i in range(2)]).read_bytes()


def _post(client, sheet: bytes, **fields: str):
    data = {"type": "demand_letter", "file": (io.BytesIO(sheet), "cases.xlsx"), **fields}
    return client.post("/api/v1/batches", data=data, content_type="multipart/form-data")


def _runs(app) -> list[str]:
    batches = app.extensions.get("docgen.batches")
    if batches is None:
        return []
    folder = batches.settings.data_dir / "batches"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("word", ["是", "Y", "yes", "TRUE", "1", "on", "有"])
def test_the_sheets_yes_words_make_a_check_only_run(client, sheet, word, monkeypatch):
    created: list[RunOptions] = []

    def create(_self, _source, options, *_args, **_kw):
        created.append(options)
        return "run-1"

    monkeypatch.setattr(Batches, "create", create)
    monkeypatch.setattr("docgen.web.batches._run_in_background", lambda *a: None)
    shared = json.dumps(shared_values(), ensure_ascii=False)
    response = _post(client, sheet, check_only=word, address_page=word, shared=shared)
    assert response.status_code == 202, response.get_json()
    assert (created[0].check_only, created[0].address_page) == (True, True)


@pytest.mark.parametrize("field", ["check_only", "address_page"])
@pytest.mark.parametrize("word", ["maybe", "是的", "2"])
def test_any_other_flag_value_is_422_at_the_field_and_nothing_starts(
    app, client, sheet, field, word
):
    response = _post(client, sheet, **{field: word})
    assert response.status_code == 422
    (problem,) = response.get_json()
    assert problem["loc"] == [field]
    assert f"实为「{word}」" in problem["message"]
    assert "是/否" in problem["message"]
    assert _runs(app) == []


def test_no_words_and_blank_mean_no():
    assert [yes_no(w) for w in ("否", "N", "no", "false", "0", "无")] == [False] * 6
    assert yes_no("maybe") is None


def test_a_letter_date_with_no_such_day_is_422_at_letter_date(app, client, sheet):
    response = _post(client, sheet, letter_date="2026/13/1")
    assert response.status_code == 422
    (problem,) = response.get_json()
    assert problem["loc"] == ["letter_date"]
    assert problem["message"] == "没有这一天：2026年13月1日"
    assert _runs(app) == []


def test_a_shared_creditor_of_unknown_kind_is_422_under_shared(app, client, sheet):
    response = _post(client, sheet, shared='{"creditor":{"kind":"xx"}}')
    assert response.status_code == 422
    (problem,) = response.get_json()
    assert problem["loc"] == ["shared", "creditor"]
    assert "自然人、法人或其他组织" in problem["message"]
    assert _runs(app) == []


def test_shared_values_the_rows_complete_are_not_refused(client, sheet, monkeypatch):
    monkeypatch.setattr(Batches, "create", lambda *a, **k: "run-1")
    monkeypatch.setattr("docgen.web.batches._run_in_background", lambda *a: None)
    partial = {"creditor": {"kind": "organization", "name": "深圳市恒信商贸有限公司"}}
    response = _post(client, sheet, shared=json.dumps(partial, ensure_ascii=False))
    assert response.status_code == 202, response.get_json()


def test_a_json_body_is_415_and_a_started_run_has_its_location(client, sheet, monkeypatch):
    response = client.post("/api/v1/batches", json={"type": "demand_letter"})
    assert response.status_code == 415
    assert "multipart/form-data" in response.get_json()[0]["message"]
    monkeypatch.setattr(Batches, "create", lambda *a, **k: "a" * 32)
    monkeypatch.setattr("docgen.web.batches._run_in_background", lambda *a: None)
    shared = json.dumps(shared_values(), ensure_ascii=False)
    started = _post(client, sheet, shared=shared)
    assert started.status_code == 202
    assert started.headers["Location"].endswith("/api/v1/batches/" + "a" * 32)


def test_the_command_line_refuses_a_wrong_shared_value_before_any_row(runner, tmp_path):
    from docgen.cli import main

    source = write_xlsx(tmp_path / "cases.xlsx", [row(0, "xlsx")])
    shared = tmp_path / "shared.json"
    shared.write_text(json.dumps({**shared_values(), "letter_date": "2026-02-30"}), "utf-8")
    args = ["batch", "check", str(source), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "共用信息有误，整批未开始：发函日期：没有这一天：2026年2月30日" in result.output
    assert not (tmp_path / "out" / "cases.rejects.csv").exists()
