"""The register's times carry their zone (UTC, ``Z``) and the OpenAPI document says they
are date-times, so a client in Beijing reads the right day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.support import load_fixture

PERSON = load_fixture("demand_letter", "valid", "person_debtor")


def _issued(text: str) -> datetime:
    assert text.endswith("Z"), text
    moment = datetime.fromisoformat(text)
    assert moment.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - moment) < timedelta(minutes=5)
    return moment


def test_issued_and_recorded_times_are_utc_with_z(client):
    rendered = client.post("/api/v1/documents/demand_letter?format=pdf", json=PERSON)
    document_id = rendered.headers["X-Docgen-Document-Id"]
    answer = client.get(f"/api/v1/register/{document_id}").json
    issued = _issued(answer["issued_at"])
    listed = client.get("/api/v1/register?limit=200").json["items"]
    assert [d["issued_at"] for d in listed if d["document_id"] == document_id] == [
        answer["issued_at"]
    ]
    delivery = {"tracking_number": "1234567890123", "sent_on": "2026-11-21"}
    recorded = client.post(f"/api/v1/register/{document_id}/deliveries", json=delivery).json
    assert _issued(recorded["deliveries"][0]["recorded_at"]) >= issued
    code = rendered.headers["X-Docgen-Verification-Code"]
    verified = client.post("/api/v1/verify", data={"code": code}).json
    assert verified["issued_at"] == answer["issued_at"]


def test_the_openapi_document_types_them_as_date_times(client):
    schemas = client.get("/api/v1/openapi.json").json["components"]["schemas"]
    assert schemas["RegisteredDocumentModel"]["properties"]["issued_at"]["format"] == "date-time"
    assert schemas["DeliveryModel"]["properties"]["recorded_at"]["format"] == "date-time"
    verify = schemas["VerifyAnswer"]["properties"]["issued_at"]
    assert "date-time" in str(verify)
