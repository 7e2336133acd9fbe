"""Batch uploads that used to end in a 500 (T16): JSON nested past the limit in the
shared values' file or in a line of a JSONL sheet (Python's parser recursed until a
RecursionError), and a CSV cell past the csv module's 131,072 characters. Each is now a
problem in Chinese at its field, or a rejected row, and the rest of the sheet is printed.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

from tests.batch_support import person_case, sheet
from tests.tenant_support import wait_for

URL = "/api/v1/batches"
DEEP = "[" * 100_000 + "]" * 100_000


def _post(client, data: bytes, name: str, **form):
    fields = {"type": "demand_letter", "formats": "docx", "file": (io.BytesIO(data), name)}
    return client.post(URL, data={**fields, **form}, content_type="multipart/form-data")


def _csv(cases) -> bytes:
    headers, rows = sheet(cases)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_a_shared_values_file_nested_too_deep_is_refused_at_its_field(client):
    shared_file = (io.BytesIO(DEEP.encode()), "shared.json")
    response = _post(client, _csv([person_case(0)]), "cases.csv", shared_file=shared_file)
    assert response.status_code == 422, response.get_data(as_text=True)[:300]
    problem = response.json[0]
    assert (problem["loc"], problem["code"]) == (["shared_file"], "json_too_deep")
    assert problem["message"] == "共用信息文件中的 JSON 嵌套超过 64 层，已拒绝，请检查数据结构"


def test_a_jsonl_line_nested_too_deep_is_a_rejected_row_and_the_others_print(client):
    good = json.dumps(person_case(0), ensure_ascii=False)
    deep = '{"debtor": ' + DEEP + "}"
    response = _post(client, f"{good}\n{deep}\n".encode(), "cases.jsonl")
    assert response.status_code == 202, response.get_data(as_text=True)[:300]
    status = wait_for(client, response.json["status_url"], ("done", "failed"))
    assert (status["status"], status["rendered"], status["rejected"]) == ("done", 1, 1)
    download = client.get(response.json["download_url"])
    content = download.data
    download.close()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        rejects = archive.read("rejects.csv").decode("utf-8-sig")
    assert "JSON 嵌套超过 64 层，请检查数据结构" in rejects


def test_a_csv_cell_past_the_readers_limit_is_refused_in_words(client):
    case = person_case(0)
    case["debtor"]["address"] = "深圳" * 70_000  # 140,000 characters in one cell
    response = _post(client, _csv([case]), "cases.csv")
    assert response.status_code == 422, response.get_data(as_text=True)[:300]
    problem = response.json[0]
    assert (problem["loc"], problem["code"]) == (["file"], "bad_file")
    assert "CSV 格式错误：有一个单元格超过 131,072 个字符" in problem["message"]
