"""``Idempotency-Key`` on creating routes: executed once per tenant and key, a retry gets
the first answer byte for byte, a reused key 422, a key in flight 409."""

from __future__ import annotations

import copy

import sqlalchemy as sa

from docgen.idempotency.store import Claimed
from docgen.register.models import RegisteredDocument
from docgen.web.idempotency import fingerprint, store
from tests.support import docx_text, load_fixture, normalize
from tests.tenant_support import tenant_app, two_tenants

LAWYER = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
DEMAND = load_fixture("demand_letter", "valid", "person_debtor")
URL = "/api/v1/documents/lawyer_letter?format=docx"


def _registered(app, tenant_id: int) -> int:
    engine = app.extensions["docgen_access"].engine
    with engine.connect() as connection:
        return int(
            connection.execute(
                sa.select(sa.func.count())
                .select_from(RegisteredDocument)
                .where(RegisteredDocument.tenant_id == tenant_id)
            ).scalar_one()
        )


def _letter_from_profile(client) -> dict:
    firm = dict(LAWYER["sender"], letter_prefix="京幂等")
    pid = client.post("/api/v1/sender-profiles", json=firm).json["id"]
    data = copy.deepcopy(LAWYER)
    del data["sender"]
    data["sender_profile_id"] = pid
    return data


def test_a_retry_gets_the_first_answer_and_takes_no_new_letter_number(settings, service):
    app = tenant_app(settings, service)
    tenants = two_tenants(app)
    client = tenants.a.admin
    data = _letter_from_profile(client)
    headers = {"Idempotency-Key": "order-4711"}
    first = client.post(URL, json=data, headers=headers)
    retry = client.post(URL, json=data, headers=headers)
    assert first.status_code == retry.status_code == 200
    assert "（2026）京幂等律函字第1号" in normalize(docx_text(first.data))
    assert retry.data == first.data, "the same bytes, not a new render"
    assert retry.headers["X-Docgen-Document-Id"] == first.headers["X-Docgen-Document-Id"]
    assert retry.headers["Content-Disposition"] == first.headers["Content-Disposition"]
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert _registered(app, tenants.a.id) == 1, "one register entry for the key"
    # the next letter (another key) is number 2: the retry took no number
    nxt = client.post(URL, json=data, headers={"Idempotency-Key": "order-4712"})
    assert "（2026）京幂等律函字第2号" in normalize(docx_text(nxt.data))
    # the same key in another tenant is that tenant's own request
    other = tenants.b.admin.post(
        "/api/v1/documents/demand_letter?format=docx", json=DEMAND, headers=headers
    )
    assert other.status_code == 200
    assert other.headers["X-Docgen-Document-Id"] != first.headers["X-Docgen-Document-Id"]


def test_the_same_key_for_another_body_is_422_reused(client):
    headers = {"Idempotency-Key": "k-reused"}
    url = "/api/v1/documents/demand_letter?format=docx"
    assert client.post(url, json=DEMAND, headers=headers).status_code == 200
    changed = copy.deepcopy(DEMAND)
    changed["letter_date"] = "2026-03-02"
    response = client.post(url, json=changed, headers=headers)
    assert response.status_code == 422
    assert response.json[0]["code"] == "idempotency_key_reused"
    assert "另一个请求" in response.json[0]["message"]
    # another query string is another request too
    assert client.post(url + "&x=1", json=DEMAND, headers=headers).status_code == 422


def test_the_same_body_in_another_key_order_is_the_same_request(client):
    headers = {"Idempotency-Key": "k-order"}
    url = "/api/v1/documents/demand_letter?format=docx"
    first = client.post(url, json=DEMAND, headers=headers)
    reordered = dict(reversed(list(DEMAND.items())))
    again = client.post(url, json=reordered, headers=headers)
    assert again.status_code == 200 and again.data == first.data


def test_a_key_whose_request_is_still_running_gets_409(app, client):
    from docgen.tenants import DEFAULT_TENANT_ID
    from docgen.web.auth import api_keys

    with app.test_request_context():
        held = store()
    url = "/api/v1/documents/demand_letter?format=docx"
    with app.test_request_context(url, method="POST", json=DEMAND):
        request_print = fingerprint()
    tenant = api_keys(app).authenticate(client.environ_base["HTTP_AUTHORIZATION"][7:])
    assert tenant is not None and tenant.tenant_id == DEFAULT_TENANT_ID
    claim = held.claim(tenant.tenant_id, "k-running", request_print)
    assert isinstance(claim, Claimed)
    response = client.post(url, json=DEMAND, headers={"Idempotency-Key": "k-running"})
    assert response.status_code == 409
    assert response.json[0]["code"] == "idempotency_key_in_flight"
    held.release(claim)
    assert (
        client.post(url, json=DEMAND, headers={"Idempotency-Key": "k-running"}).status_code == 200
    )


def test_a_refused_request_releases_its_key_for_the_corrected_one(client):
    headers = {"Idempotency-Key": "k-fix"}
    url = "/api/v1/documents/demand_letter?format=docx"
    broken = copy.deepcopy(DEMAND)
    del broken["debtor"]
    refused = client.post(url, json=broken, headers=headers)
    assert refused.status_code == 422 and refused.json[0]["loc"][0] == "debtor"
    assert client.post(url, json=DEMAND, headers=headers).status_code == 200


def test_an_unusable_key_is_400(client):
    url = "/api/v1/documents/demand_letter?format=docx"
    for key in ("", "x" * 256, "键"):
        response = client.post(url, json=DEMAND, headers={"Idempotency-Key": key})
        assert response.status_code == 400, key
        assert response.json[0]["code"] == "idempotency_key_invalid"


def test_a_delivery_recorded_twice_with_one_key_is_recorded_once(client):
    rendered = client.post("/api/v1/documents/demand_letter?format=docx", json=DEMAND)
    document_id = rendered.headers["X-Docgen-Document-Id"]
    url = f"/api/v1/register/{document_id}/deliveries"
    body = {"tracking_number": "1234567890123", "sent_on": "2026-03-02"}
    headers = {"Idempotency-Key": "ems-1"}
    first = client.post(url, json=body, headers=headers)
    again = client.post(url, json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.data == first.data
    assert len(client.get(f"/api/v1/register/{document_id}").json["deliveries"]) == 1


def test_retry_after_is_sent_only_on_429_and_503(client):
    ok = client.get("/api/v1/document-types/demand_letter")
    assert ok.status_code == 200
    assert "Retry-After" not in ok.headers
    assert "X-RateLimit-Limit" in ok.headers, "the limiter's counters are still sent"
