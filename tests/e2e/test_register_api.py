"""Verify, look up and deliver registered documents over the API."""

from __future__ import annotations

import hashlib
import io
import json

import pytest

from tests.support import FIXTURES, load_fixture

pytestmark = pytest.mark.slow

URL = "/api/v1/documents/demand_letter"
PERSON = load_fixture("demand_letter", "valid", "person_debtor")
PERSONAL = ("张伟", PERSON["debtor"].get("id_number") or "张伟", PERSON["debtor"]["address"])


@pytest.fixture
def issued(client):
    response = client.post(URL, json=PERSON)
    assert response.status_code == 200
    return response


def test_a_rendered_document_names_its_id_and_is_recorded_for_the_calling_key(client, issued):
    document_id = issued.headers["X-Docgen-Document-Id"]
    record = client.get(f"/api/v1/register/{document_id}")
    assert record.status_code == 200
    body = record.json
    assert body["verification_code"] == issued.headers["X-Docgen-Verification-Code"]
    assert body["requested_by"].startswith("key:")
    assert body["outputs"] == [
        {
            "format": "pdf",
            "sha256": hashlib.sha256(issued.data).hexdigest(),
            "size": len(issued.data),
        }
    ]
    assert body["limitation"]["status"] in {"running", "expiring", "expired"}


def test_each_copy_to_a_debtor_and_guarantor_is_registered_with_its_own_letter_number(client):
    letter = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
    response = client.post("/api/v1/documents/lawyer_letter?format=pdf", json=letter)
    assert response.status_code == 200
    ids = response.headers["X-Docgen-Document-Ids"].split(",")
    numbers = [client.get(f"/api/v1/register/{i.strip()}").json["letter_number"] for i in ids]
    assert numbers == ["（2026）京明正律函字第88-1号", "（2026）京明正律函字第88-2号"]


def test_each_copy_names_its_recipient_and_a_guarantors_delivery_spares_the_debtor(client):
    letter = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
    response = client.post("/api/v1/documents/lawyer_letter?format=pdf", json=letter)
    debtor_id, guarantor_id = (
        i.strip() for i in response.headers["X-Docgen-Document-Ids"].split(",")
    )
    debtor, guarantor = letter["debtor"]["name"], letter["guarantors"][0]["name"]
    assert client.get(f"/api/v1/register/{debtor_id}").json["recipient"] == {
        "index": 0,
        "role": "debtor",
        "name": debtor,
        "known": True,
    }
    assert client.get(f"/api/v1/register/{guarantor_id}").json["recipient"] == {
        "index": 1,
        "role": "guarantor",
        "name": guarantor,
        "known": True,
    }

    delivery = {"tracking_number": "1234567890123", "delivered_on": "2026-09-20"}
    body = client.post(f"/api/v1/register/{guarantor_id}/deliveries", json=delivery).json
    # the principal debt's period against the debtor runs on from its due date
    assert body["limitation"]["against"] == {"role": "debtor", "name": debtor}
    assert body["limitation"]["started_from"] == letter["contract"]["due_date"]
    assert body["limitation"]["deliveries_counted"] == []
    assert f"不中断主债务对债务人{debtor}的诉讼时效" in body["limitation"]["note"]
    # the joint guarantor's own period restarts on the delivery
    standing = body["guarantor_limitation"]
    assert standing["against"] == {"role": "guarantor", "name": guarantor}
    assert standing["limitation_from"] == "2026-09-20"

    body = client.post(f"/api/v1/register/{debtor_id}/deliveries", json=delivery).json
    assert body["limitation"]["started_from"] == "2026-09-20"
    assert body["limitation"]["deliveries_counted"] == ["2026-09-20"]
    assert body["guarantor_limitation"] is None


def test_anyone_can_verify_an_uploaded_pdf_without_seeing_personal_data(issued, anonymous_client):
    response = anonymous_client.post(
        "/api/v1/verify", data={"file": (io.BytesIO(issued.data), "letter.pdf")}
    )
    assert response.status_code == 200
    answer = response.json
    assert answer["issued"] is True
    assert answer["document_id"] == issued.headers["X-Docgen-Document-Id"]
    assert answer["type"] == "demand_letter" and answer["type_title"] == "催款函"
    assert len(answer["template_version"]) == 64
    assert answer["issued_at"]
    assert answer["details"] is None
    assert not any(value in response.get_data(as_text=True) for value in PERSONAL)


def test_verify_by_printed_code_or_hash_and_the_key_holder_sees_details(
    client, issued, anonymous_client
):
    code = issued.headers["X-Docgen-Verification-Code"]
    by_code = anonymous_client.post("/api/v1/verify", data={"code": code.lower()})
    assert by_code.json["issued"] is True and by_code.json["matched_by"] == "code"
    digest = hashlib.sha256(issued.data).hexdigest()
    by_hash = client.post("/api/v1/verify", data={"sha256": digest})
    assert by_hash.json["issued"] is True
    assert by_hash.json["details"]["requested_by"].startswith("key:")
    assert by_hash.json["details"]["recipient"]["name"] == PERSON["debtor"]["name"]


def test_an_altered_file_or_unknown_code_is_not_vouched_for(issued, anonymous_client):
    altered = issued.data + b"\n"
    response = anonymous_client.post(
        "/api/v1/verify", data={"file": (io.BytesIO(altered), "letter.pdf")}
    )
    assert response.json == {**dict.fromkeys(response.json), "issued": False}
    assert (
        anonymous_client.post("/api/v1/verify", data={"code": "ZZZZ-ZZZZ"}).json["issued"] is False
    )


@pytest.mark.parametrize(
    ("form", "loc"),
    [({}, []), ({"code": "ABCD-EFGH", "sha256": "0" * 64}, []), ({"sha256": "xyz"}, ["sha256"])],
)
def test_a_verify_request_asking_the_wrong_thing_gets_422(anonymous_client, form, loc):
    response = anonymous_client.post("/api/v1/verify", data=form)
    assert response.status_code == 422
    assert response.json[0]["loc"] == loc
    assert response.json[0]["message"]


def test_a_delivered_demand_restarts_the_limitation_period(client, issued):
    document_id = issued.headers["X-Docgen-Document-Id"]
    before = client.get(f"/api/v1/register/{document_id}").json["limitation"]
    assert before["started_from"] == PERSON["contract"]["due_date"]
    response = client.post(
        f"/api/v1/register/{document_id}/deliveries",
        json={
            "tracking_number": "EA 123456785 CN",
            "sent_on": "2026-11-20",
            "delivered_on": "2026-11-22",
        },
    )
    assert response.status_code == 201
    body = response.json
    assert body["deliveries"][0]["tracking_number"] == "EA123456785CN"
    assert body["deliveries"][0]["delivered_on"] == "2026-11-22"
    assert body["limitation"]["started_from"] == "2026-11-22"
    assert body["limitation"]["expires"] > before["expires"]
    assert [e["kind"] for e in body["limitation"]["effective_events"]] == ["demand_delivered"]


@pytest.mark.parametrize(
    ("delivery", "loc", "code"),
    [
        ({"tracking_number": "EA123456789CN"}, ["tracking_number"], "tracking_check_digit"),
        ({"tracking_number": "hello"}, ["tracking_number"], "tracking_number_invalid"),
        (
            {
                "tracking_number": "1234567890123",
                "sent_on": "2026-11-20",
                "delivered_on": "2026-11-19",
            },
            ["delivered_on"],
            "delivered_before_sent",
        ),
        (
            {"tracking_number": "1234567890123", "delivered_on": "2026-13-01"},
            ["delivered_on"],
            None,
        ),
    ],
)
def test_a_bad_delivery_gets_422_at_its_field(client, issued, delivery, loc, code):
    document_id = issued.headers["X-Docgen-Document-Id"]
    response = client.post(f"/api/v1/register/{document_id}/deliveries", json=delivery)
    assert response.status_code == 422
    assert response.json[0]["loc"] == loc
    if code:
        assert response.json[0]["code"] == code
    assert client.get(f"/api/v1/register/{document_id}").json["deliveries"] == []


def test_unknown_documents_are_404(client):
    assert client.get("/api/v1/register/NOSUCHDOCUMENT").status_code == 404
    response = client.post(
        "/api/v1/register/NOSUCHDOCUMENT/deliveries", json={"tracking_number": "1234567890123"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    "document_id",
    [
        "../../etc/passwd",
        "..%2f..%2fetc%2fpasswd",
        "%2e%2e%2f%2e%2e%2fetc",
        "..\\..\\boot.ini",
        "/etc/passwd",
        "ABC%00DEF",
        "' OR 1=1 --",
        "x" * 40,
    ],
)
def test_document_ids_are_looked_up_never_used_as_paths(client, document_id):
    """T12: a register id is a database key; traversal, NUL and SQL text find nothing."""
    looked_up = client.get(f"/api/v1/register/{document_id}")
    assert looked_up.status_code in {404, 422}
    assert "root:" not in looked_up.get_data(as_text=True)
    delivered = client.post(
        f"/api/v1/register/{document_id}/deliveries", json={"tracking_number": "1234567890123"}
    )
    assert delivered.status_code in {404, 422}


def test_the_record_names_the_sender_profile_a_letter_was_printed_from(client):
    firm = json.loads((FIXTURES / "sender_profiles" / "law_firm.json").read_text("utf-8"))
    pid = client.post("/api/v1/sender-profiles", json=firm).json["id"]
    letter = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
    del letter["sender"]
    letter["sender_profile_id"] = pid
    from_profile = client.post("/api/v1/documents/lawyer_letter?format=pdf", json=letter)
    assert from_profile.status_code == 200
    for document_id in from_profile.headers["X-Docgen-Document-Ids"].split(","):
        record = client.get(f"/api/v1/register/{document_id.strip()}").json
        assert record["sender_profile_id"] == pid
    written_out = client.get(f"/api/v1/register/{_issued_id(client)}").json
    assert written_out["sender_profile_id"] is None


def _issued_id(client) -> str:
    return client.post(URL, json=PERSON).headers["X-Docgen-Document-Id"]
