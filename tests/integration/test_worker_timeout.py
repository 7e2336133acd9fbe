"""A request that outlives gunicorn's worker timeout (threat T16) is answered with a JSON
503 problem and Retry-After by docgen's worker_abort hook, not gunicorn's HTML error page;
a real gunicorn with docgen's configuration serves it, and the next request is served."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support import ROOT

# starts a real gunicorn and waits out its worker timeout
pytestmark = pytest.mark.slow

TIMEOUT = 2


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, timeout: float) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


@pytest.fixture
def server(tmp_path: Path):
    port = _free_port()
    env = {**os.environ, "DOCGEN_DATA_DIR": str(tmp_path), "DOCGEN_API_AUTH": "off"}
    command = [
        sys.executable, "-m", "gunicorn",
        "--bind", f"127.0.0.1:{port}",
        "--workers", "1",
        "--timeout", str(TIMEOUT),
        "--config", "python:docgen.web.gunicorn_conf",
        "tests.gunicorn_slow_app:build()",
    ]  # fmt: skip
    log = (tmp_path / "gunicorn.log").open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240  # the first start on a machine prepares fonts
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if _get(base + "/api/v1/document-types", 5)[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail((tmp_path / "gunicorn.log").read_text(errors="replace")[-2000:])
        yield base, tmp_path / "gunicorn.log"
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_a_request_past_the_worker_timeout_answers_json_503(server):
    base, _log = server
    started = time.monotonic()
    status, headers, body = _get(base + "/_test/slow", 60)
    took = time.monotonic() - started
    assert status == 503, body[:300]
    assert TIMEOUT <= took < TIMEOUT + 20
    assert headers["Content-Type"] == "application/json"
    assert headers["Retry-After"] == "5"
    (problem,) = json.loads(body)
    assert problem["code"] == "request_timeout"
    assert f"请求处理时间过长（超过 {TIMEOUT} 秒），已中止" in problem["message"]
    assert b"<html" not in body.lower()
    # a new worker serves the next request
    assert _get(base + "/api/v1/document-types", 60)[0] == 200
