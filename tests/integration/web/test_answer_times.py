"""Every time an answer gives is UTC with ``Z`` and typed date-time in the OpenAPI
document: a sender profile's, a batch run's and a bundle run's, as the register's are
(test_register_times), so a client in Beijing reads the right day."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.operator_sheets import row, write_xlsx
from tests.support import FIXTURES


def _utc_now(text: str) -> datetime:
    assert text.endswith("Z"), text
    moment = datetime.fromisoformat(text)
    assert abs(datetime.now(UTC) - moment) < timedelta(minutes=5)
    return moment


def test_a_sender_profiles_times_are_utc_with_z(client):
    profile = json.loads((FIXTURES / "sender_profiles" / "law_firm.json").read_text("utf-8"))
    created = client.post("/api/v1/sender-profiles", json=profile)
    assert created.status_code == 201, created.json
    stored = client.get(f"/api/v1/sender-profiles/{created.json['id']}").json
    assert _utc_now(stored["created_at"]) <= _utc_now(stored["updated_at"])
    assert stored["created_at"] == created.json["created_at"]


def test_a_batch_runs_time_is_utc_with_z(client, tmp_path):
    sheet = write_xlsx(tmp_path / "cases.xlsx", [row(0, "xlsx")]).read_bytes()
    data = {"type": "demand_letter", "file": (io.BytesIO(sheet), "cases.xlsx")}
    started = client.post("/api/v1/batches", data=data, content_type="multipart/form-data")
    assert started.status_code == 202, started.json
    status = client.get(started.headers["Location"]).json
    _utc_now(status["created_at"])


@pytest.mark.parametrize(
    ("schema", "names"),
    [
        ("BatchStatus", ["created_at"]),
        ("StoredProfileModel", ["created_at", "updated_at"]),
        ("TemplateVersionModel", ["created_at", "activated_at"]),
        ("BundleRunStatus", ["created_at", "started_at", "finished_at"]),
    ],
)
def test_the_openapi_document_types_them_as_date_times(client, schema, names):
    schemas = client.get("/api/v1/openapi.json").json["components"]["schemas"]
    for name in names:
        assert "date-time" in json.dumps(schemas[schema]["properties"][name]), (schema, name)
