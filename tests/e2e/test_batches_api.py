"""Batch runs over the HTTP API: upload, progress, download; bad uploads are 4xx."""

from __future__ import annotations

import csv
import io
import time
import zipfile

import pytest

from docgen.web import create_app
from tests.batch_support import person_case, sheet
from tests.support import authorized_client


@pytest.fixture
def batch_client(settings):
    app = create_app({"TESTING": True, "SETTINGS": settings, "BATCH_PROCESSES": 1})
    return authorized_client(app)


def _csv(n: int, bad: bool = False) -> bytes:
    cases = [person_case(i) for i in range(n)]
    if bad:
        cases[0]["debtor"]["id_number"] = "110101198503151234"
    headers, rows = sheet(cases)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("gbk")


def _post(client, data: bytes | None, name: str = "cases.csv", **form):
    payload = {"type": "demand_letter", "formats": "docx", **form}
    if data is not None:
        payload["file"] = (io.BytesIO(data), name)
    return client.post("/api/v1/batches", data=payload, content_type="multipart/form-data")


def test_a_batch_upload_returns_at_once_and_finishes_with_a_zip(batch_client):
    response = _post(batch_client, _csv(3, bad=True))
    assert response.status_code == 202
    run_id = response.get_json()["id"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = batch_client.get(f"/api/v1/batches/{run_id}").get_json()
        if status["status"] == "done":
            break
        time.sleep(0.2)
    assert (status["rows"], status["rendered"], status["rejected"]) == (3, 2, 1)
    assert "out_dir" not in status
    download = batch_client.get(f"/api/v1/batches/{run_id}/download")
    assert download.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(download.data)).namelist()
    download.close()
    assert {"manifest.csv", "manifest.xlsx", "rejects.csv", "rejects.xlsx", "summary.json"} <= set(
        names
    )
    assert len([n for n in names if n.endswith(".docx")]) == 2
    assert not any(n.startswith("input/") for n in names)


@pytest.mark.parametrize(
    ("data", "form", "status", "field", "words"),
    [
        (None, {}, 400, "file", "请上传表格文件"),
        (b"", {}, 400, "file", "空的"),
        (b"x", {"type": "no_such"}, 422, "type", "未知的文书类型"),
        (b"x", {"formats": "png"}, 422, "formats", "输出格式"),
        (b"x", {"shared": "{not json"}, 422, "shared", "JSON"),
        (b"x", {"sender_profile_id": "999999"}, 422, "sender_profile_id", "999999 不存在"),
        (b"x", {"sender_profile_id": "abc"}, 422, "sender_profile_id", "正整数"),
        (b"PK\x03\x04broken", {}, 422, "file", "不是有效的 XLSX"),
        ("客户星座,债务人姓名\n白羊座,张三\n".encode("gbk"), {}, 422, "file", "无法识别的列名"),
        (b"\n\n", {}, 422, "file", "没有表头"),
    ],
)
def test_bad_uploads_get_a_chinese_problem_on_the_field(
    batch_client, data, form, status, field, words
):
    response = _post(batch_client, data, **form)
    assert response.status_code == status
    problems = response.get_json()
    assert problems[0]["loc"] == [field]
    assert words in problems[0]["message"]


def test_unknown_or_unfinished_runs_are_4xx(batch_client):
    assert batch_client.get("/api/v1/batches/" + "0" * 32).status_code == 404
    assert batch_client.get("/api/v1/batches/../../etc/passwd").status_code == 404
    assert batch_client.get("/api/v1/batches/nope/download").status_code == 404
