"""Idempotency against a live, threaded server: concurrent duplicates execute once, and
a batch upload retried with its key starts one run."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from werkzeug.serving import make_server

from docgen.config import Settings
from docgen.web import create_app
from docgen.web.auth import api_keys
from tests.batch_support import person_case, sheet
from tests.support import authorized_client, load_fixture

# a live, threaded server
# on one worker: its module fixtures (a live server) are made once
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_idempotency_live")]

DEMAND = load_fixture("demand_letter", "valid", "person_debtor")


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, service: Any) -> Iterator[tuple[str, str]]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("live-idem"))
    app = create_app({"TESTING": True, "SETTINGS": settings})
    app.extensions["docgen"].engines.pdf = service.pdf
    key = api_keys(app).create("retries")[1]
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", key
    finally:
        server.shutdown()


def _post(base: str, key: str, idem: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(  # noqa: S310 - the local test server
        f"{base}/api/v1/documents/demand_letter?format=pdf",
        data=json.dumps(DEMAND).encode(),
        headers={
            "Authorization": f"Bearer {key}",
            "Content-Type": "application/json",
            "Idempotency-Key": idem,
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:  # noqa: S310
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_concurrent_duplicates_execute_once(live) -> None:
    base, key = live
    results: list[tuple[int, dict[str, str], bytes]] = []
    barrier = threading.Barrier(4)

    def send() -> None:
        barrier.wait()
        results.append(_post(base, key, "concurrent-1"))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done = [r for r in results if r[0] == 200]
    busy = [r for r in results if r[0] == 409]
    assert len(done) + len(busy) == 4 and done, [r[0] for r in results]
    assert all(json.loads(r[2])[0]["code"] == "idempotency_key_in_flight" for r in busy)
    assert len({r[1]["X-Docgen-Document-Id"] for r in done}) == 1, "one document issued"
    status, headers, body = _post(base, key, "concurrent-1")
    assert status == 200 and body == done[0][2]
    assert headers["X-Docgen-Document-Id"] == done[0][1]["X-Docgen-Document-Id"]


def test_a_retried_batch_upload_starts_one_run(settings) -> None:
    app = create_app({"TESTING": True, "SETTINGS": settings, "BATCH_PROCESSES": 1})
    client = authorized_client(app)
    headers, rows = sheet([person_case(i) for i in range(2)])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    data = out.getvalue().encode("gbk")

    def upload() -> Any:
        payload = {"type": "demand_letter", "formats": "docx", "file": (io.BytesIO(data), "a.csv")}
        return client.post(
            "/api/v1/batches",
            data=payload,
            content_type="multipart/form-data",
            headers={"Idempotency-Key": "batch-upload-1"},
        )

    first, again = upload(), upload()
    assert first.status_code == again.status_code == 202
    assert again.get_json()["id"] == first.get_json()["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    run_id = first.get_json()["id"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # let the run finish before the app goes away
        if client.get(f"/api/v1/batches/{run_id}").get_json()["status"] in ("done", "failed"):
            break
        time.sleep(0.3)
