"""The ``docgen`` command line, as a paralegal's script or a CI job uses it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.config import Settings
from docgen.web import create_app
from tests.support import FIXTURES, fixture_cases, normalize, pdf_pages_text

pytestmark = pytest.mark.slow

PERSON = FIXTURES / "demand_letter" / "valid" / "person_debtor.json"


@pytest.fixture(scope="module")
def app(settings):
    """One app for the module's many requests: each test still gets its own client and API
    key (``client`` in tests/conftest.py)."""
    return create_app({"TESTING": True, "SETTINGS": settings})


def test_validate_passes_a_valid_case(runner):
    result = runner.invoke(main, ["validate", "demand_letter", str(PERSON)])
    assert result.exit_code == 0
    assert "校验通过" in result.output


@pytest.mark.parametrize("case", fixture_cases("invalid"), ids=str)
def test_validate_exits_1_and_names_each_bad_field(runner, case):
    result = runner.invoke(main, ["validate", case.type_name, str(case.path)])
    assert result.exit_code == 1
    for loc in case.expected_locs:
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
        assert path in result.output


@pytest.mark.parametrize("case", fixture_cases("invalid"), ids=str)
def test_validate_json_output_equals_the_api_error_list(runner, client, case):
    result = runner.invoke(main, ["validate", case.type_name, str(case.path), "--json"])
    api = client.post(f"/api/v1/documents/{case.type_name}", json=case.data).json
    assert json.loads(result.stdout) == api


def test_render_writes_a_pdf_chosen_by_extension(runner, tmp_path: Path):
    out = tmp_path / "letters" / "zhang.pdf"
    result = runner.invoke(main, ["render", "demand_letter", str(PERSON), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    assert "张伟先生" in normalize("".join(pdf_pages_text(out.read_bytes())))


def test_render_writes_a_docx_chosen_by_extension(runner, tmp_path: Path):
    out = tmp_path / "zhang.docx"
    result = runner.invoke(main, ["render", "demand_letter", str(PERSON), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"PK")


def test_render_refuses_an_invalid_case_and_writes_nothing(runner, tmp_path: Path):
    out = tmp_path / "x.pdf"
    bad = FIXTURES / "demand_letter" / "invalid" / "total_mismatch.json"
    result = runner.invoke(main, ["render", "demand_letter", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "amounts.total" in result.output
    assert not out.exists()


def test_render_refuses_an_unknown_extension(runner, tmp_path: Path):
    result = runner.invoke(
        main, ["render", "demand_letter", str(PERSON), "-o", str(tmp_path / "x.txt")]
    )
    assert result.exit_code == 2
    assert ".pdf 或 .docx" in result.output


def test_unknown_type_is_a_usage_error_listing_known_types(runner):
    result = runner.invoke(main, ["validate", "nope", str(PERSON)])
    assert result.exit_code == 2
    assert "demand_letter" in result.output


def test_malformed_case_file_names_the_line(runner, tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "letter_date": \n}', encoding="utf-8")
    result = runner.invoke(main, ["validate", "demand_letter", str(bad)])
    assert result.exit_code == 2
    assert "第 3 行" in result.output


def test_case_file_with_a_utf8_bom_is_read(runner, tmp_path: Path):
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + PERSON.read_bytes())
    assert runner.invoke(main, ["validate", "demand_letter", str(bom)]).exit_code == 0


def test_a_setting_that_does_not_parse_names_its_variable_not_a_traceback(
    runner, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("DOCGEN_RATE_LIMIT", "1000000")
    result = runner.invoke(main, ["validate", "demand_letter", str(PERSON)])
    assert result.exit_code == 2
    assert "配置有误：DOCGEN_RATE_LIMIT：不是有效的频率限制：'1000000'" in result.output
    assert "Traceback" not in result.output


def test_types_lists_the_demand_letter(runner):
    result = runner.invoke(main, ["types"])
    assert result.exit_code == 0 and "demand_letter\t催款函" in result.output


def test_schema_prints_the_json_schema(runner):
    result = runner.invoke(main, ["schema", "demand_letter"])
    assert json.loads(result.output)["title"] == "DemandLetter"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    command = [sys.executable, "-m", "docgen.cli", "serve", "--port", str(port), "--workers", "1"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    return proc, port


def _document_types(port: int, auth: dict[str, str]) -> str:
    """The Server header of a successful GET /api/v1/document-types."""
    url = f"http://127.0.0.1:{port}/api/v1/document-types"
    with urllib.request.urlopen(urllib.request.Request(url, headers=auth), timeout=5) as response:
        assert response.status == 200
        assert b"demand_letter" in response.read()
        return str(response.headers.get("Server", ""))


def _wait_until_serving(proc: subprocess.Popen[bytes], port: int, auth: dict[str, str]) -> str:
    deadline = time.monotonic() + 90
    while True:
        try:
            return _document_types(port, auth)
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    proc.wait(timeout=30)
    if proc.stdout:
        proc.stdout.close()


@pytest.mark.slow
def test_serve_runs_the_api_under_gunicorn_and_two_servers_run_side_by_side(runner, tmp_path: Path):
    home = tmp_path / "home"
    env = {**os.environ, "DOCGEN_DATA_DIR": str(tmp_path / "data"), "HOME": str(home)}
    env.pop("DOCGEN_DATABASE_URL", None)
    env.pop("XDG_RUNTIME_DIR", None)  # gunicorn's control socket would go there, else ~
    # the machine's prepared fonts, as every server finds them after its first start: with
    # the new HOME each test run would cut them anew (docgen.render.prepared_fonts)
    env["DOCGEN_FONT_CACHE_DIR"] = str(Settings().effective_font_cache_dir)
    # the key is made in this process, in the data folder the servers are given: starting a
    # third interpreter for it cost a second and a half (tests/e2e/test_cli_entry.py runs
    # commands as processes)
    created = runner.invoke(
        main,
        ["apikey", "create", "serve test"],
        env={"DOCGEN_DATA_DIR": env["DOCGEN_DATA_DIR"], "DOCGEN_DATABASE_URL": None},
    )
    assert created.exit_code == 0, created.output
    auth = {"Authorization": f"Bearer {created.stdout.split()[-1]}"}
    # started together: each warms up for seconds, and they must not mind each other
    (first, first_port), (second, second_port) = _serve(env), _serve(env)
    try:
        assert "gunicorn" in _wait_until_serving(first, first_port, auth)
        _wait_until_serving(second, second_port, auth)
        request = urllib.request.Request(
            f"http://127.0.0.1:{second_port}/api/v1/documents/demand_letter",
            data=PERSON.read_bytes(),
            headers={"Content-Type": "application/json", **auth},
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            assert response.read().startswith(b"%PDF")
        _stop(first)
        _document_types(second_port, auth)  # the first one's shutdown left it alone
        # no control socket that the next server on this machine would take over
        assert not (home / ".gunicorn").exists()
    finally:
        for proc in (first, second):
            if proc.poll() is None:
                _stop(proc)


def test_sample_prints_a_case_that_validates(runner, tmp_path: Path):
    result = runner.invoke(main, ["sample", "demand_letter"])
    assert result.exit_code == 0
    case = tmp_path / "sample.json"
    case.write_text(result.stdout, encoding="utf-8")
    assert runner.invoke(main, ["validate", "demand_letter", str(case)]).exit_code == 0


def test_sample_of_an_unknown_type_is_a_usage_error(runner):
    result = runner.invoke(main, ["sample", "no_such_type"])
    assert result.exit_code == 2
    assert "未知的文书类型" in result.output
