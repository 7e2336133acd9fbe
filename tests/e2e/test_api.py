"""The JSON API as another system uses it: files, problem lists, status codes."""

from __future__ import annotations

import io
import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from docgen.web import create_app
from tests.support import (
    authorized_client,
    docx_text,
    fixture_cases,
    load_fixture,
    normalize,
    pdf_pages_text,
)

pytestmark = pytest.mark.slow

URL = "/api/v1/documents/demand_letter"
PERSON = load_fixture("demand_letter", "valid", "person_debtor")


@pytest.fixture(scope="module")
def app(settings):
    """One app for the module's hundreds of small requests: each test still gets its own
    client and API key (``client`` in tests/conftest.py), so rate limits never meet."""
    return create_app({"TESTING": True, "SETTINGS": settings})


def test_pdf_is_returned_as_a_named_attachment(client):
    response = client.post(URL, json=PERSON)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="demand_letter.pdf"')
    assert (
        "filename*=UTF-8''%E5%82%AC%E6%AC%BE%E5%87%BD-%E5%BC%A0%E4%BC%9F-20261120.pdf"
        in disposition
    )
    text = normalize("".join(pdf_pages_text(response.data)))
    assert "人民币112,242.38元（大写：壹拾壹万贰仟贰佰肆拾贰元叁角捌分）" in text
    assert response.headers["Cache-Control"] == "no-store"


def test_docx_is_returned_when_asked_for(client):
    response = client.post(URL + "?format=docx", json=PERSON)
    assert response.status_code == 200
    assert response.mimetype.endswith("wordprocessingml.document")
    assert "张伟先生" in docx_text(response.data)


def test_warnings_travel_in_a_header_with_the_file(client):
    # 40 working days from 2026-11-20 run into 2027, beyond the official calendar
    data = dict(PERSON, deadline={"days": 40, "kind": "working", "counted_from": "receipt"})
    response = client.post(URL, json=data)
    assert response.status_code == 200
    warnings = json.loads(response.headers["X-Docgen-Warnings"])
    # the sample's penalty names its clause but not its rate; the deadline runs into 2027
    assert [w["code"] for w in warnings] == ["penalty_basis_missing", "calendar_fallback"]
    assert "周一至周五" in warnings[1]["message"]


@pytest.mark.parametrize("case", fixture_cases("invalid"), ids=str)
def test_invalid_case_gets_422_with_errors_at_the_expected_fields(client, case):
    response = client.post(f"/api/v1/documents/{case.type_name}", json=case.data)
    assert response.status_code == 422
    errors = [e for e in response.json if e["severity"] == "error"]
    assert sorted(tuple(e["loc"]) for e in errors) == list(case.expected_locs)
    assert all(e["message"] and e["code"] for e in errors)


@pytest.mark.parametrize("case", fixture_cases("invalid"), ids=str)
def test_validate_endpoint_reports_the_same_errors_as_rendering(client, case):
    rendered = client.post(f"/api/v1/documents/{case.type_name}", json=case.data).json
    report = client.post(f"/api/v1/documents/{case.type_name}/validate", json=case.data)
    assert report.status_code == 200
    assert report.json["valid"] is False
    assert report.json["errors"] == [e for e in rendered if e["severity"] == "error"]


def test_validate_endpoint_returns_the_computed_deadline(client):
    report = client.post(URL + "/validate", json=PERSON).json
    assert report["valid"] is True
    assert report["computed"]["deadline"]["due"] == "2026-12-01"


def test_unknown_format_is_a_422_on_the_query(client):
    response = client.post(URL + "?format=xls", json=PERSON)
    assert response.status_code == 422
    assert response.json[0]["loc"] == ["query", "format"]


def test_non_json_body_gets_415(client):
    response = client.post(
        URL, data="debtor=张三", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415
    assert response.json[0]["code"] == "unsupported_media_type"


def test_malformed_json_gets_400_with_a_chinese_message(client):
    response = client.post(URL, data='{"letter_date": ', content_type="application/json")
    assert response.status_code == 400
    assert response.json[0]["message"] == "请求体不是有效的 JSON"


def test_a_body_one_byte_over_the_limit_gets_413(settings):
    limit = 4096
    app = create_app(
        {"TESTING": True, "SETTINGS": settings.model_copy(update={"max_content_length": limit})}
    )
    client = authorized_client(app)
    body = json.dumps({"pad": "x" * limit})[: limit + 1].encode()
    assert len(body) == limit + 1
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == 413
    at_limit = client.post(URL, data=body[:limit], content_type="application/json")
    assert at_limit.status_code == 400  # read in full (and found malformed), not refused


def test_unknown_document_type_is_404(client):
    assert client.post("/api/v1/documents/no_such_type", json=PERSON).status_code == 404
    assert client.get("/api/v1/document-types/no_such_type").status_code == 404


def test_document_types_list_their_json_schema(client):
    response = client.get("/api/v1/document-types")
    assert response.status_code == 200
    (item,) = [t for t in response.json["items"] if t["name"] == "demand_letter"]
    assert item["title"] == "催款函"
    assert item["formats"] == ["pdf", "docx"]
    assert "debtor" in item["schema"]["properties"]
    assert set(item["schema"]["required"]) >= {"letter_date", "creditor", "debtor", "amounts"}


def test_every_document_type_offers_a_sample_case_that_renders(client):
    items = client.get("/api/v1/document-types").json["items"]
    assert items
    for item in items:
        assert item["title"] and item["description"], item["name"]
        sample = item["sample"]
        assert sample, f"{item['name']} has no sample case"
        report = client.post(f"/api/v1/documents/{item['name']}/validate", json=sample).json
        assert report["valid"], (item["name"], report["errors"])
        rendered = client.post(f"/api/v1/documents/{item['name']}?format=docx", json=sample)
        assert rendered.status_code == 200, item["name"]


def test_openapi_document_describes_every_route_and_the_case_model(client):
    spec = client.get("/api/v1/openapi.json").json
    assert spec["openapi"].startswith("3.")
    assert {
        "/api/v1/documents/demand_letter",
        "/api/v1/documents/demand_letter/validate",
        "/api/v1/document-types",
    } <= set(spec["paths"])
    body = spec["paths"]["/api/v1/documents/demand_letter"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"]["$ref"].endswith("/DemandLetter")
    assert "DemandLetter" in spec["components"]["schemas"]
    responses = spec["paths"]["/api/v1/documents/demand_letter"]["post"]["responses"]
    assert {"200", "422", "415", "413"} <= set(responses)


WEIRD_BODIES = [
    {},
    [],
    "a string",
    12,
    None,
    {"letter_date": None, "creditor": None},
    {"amounts": {"total": "1e999999", "components": [{"kind": "principal", "amount": "NaN"}]}},
    {"amounts": {"total": 1e308, "components": "not a list"}},
    {"amounts": {"components": [{}] * 500}},
    {"debtor": {"kind": ["person"]}},
    {"debtor": {"kind": "person", "name": "x" * 100_000}},
    {"letter_date": "9999-99-99"},
    {"letter_date": "0001-01-01", "deadline": {"days": 10**30}},
    {"a": {"b": {"c": {"d": {"e": {"f": [[[[[[[[[[]]]]]]]]]]}}}}}},
]


@pytest.mark.parametrize("body", WEIRD_BODIES, ids=range(len(WEIRD_BODIES)))
def test_strange_bodies_get_a_client_error_never_a_500(client, body):
    response = client.post(URL, data=json.dumps(body), content_type="application/json")
    assert response.status_code in (400, 422)
    assert isinstance(response.json, list) and response.json[0]["message"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    mutation=st.dictionaries(
        st.sampled_from(
            [
                "letter_date",
                "creditor",
                "debtor",
                "contract",
                "amounts",
                "deadline",
                "payment_account",
                "next_step",
                "contact",
                "signatory",
                "include_receipt",
            ]
        ),
        json_values,
        min_size=1,
        max_size=3,
    )
)
def test_fuzzed_cases_never_cause_a_server_error(client, mutation):
    body = {**PERSON, **mutation}
    response = client.post(URL + "/validate", json=body)
    assert response.status_code in (200, 400, 422)


def test_pii_never_reaches_the_logs(client, caplog):
    canary = dict(PERSON)
    canary["debtor"] = {**PERSON["debtor"], "name": "金丝雀甲", "phone": "13912340000"}
    with caplog.at_level(logging.DEBUG):
        ok = client.post(URL + "?format=docx", json=canary)
        bad = client.post(URL, json={**canary, "amounts": {"total": "x"}})
    assert ok.status_code == 200 and bad.status_code == 422
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for secret in ("金丝雀甲", "13912340000", "110101198503151235", "东四十条"):
        assert secret not in logged


def test_security_headers_are_set(client):
    response = client.get("/api/v1/document-types")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


def test_pdf_from_the_api_has_metadata_title(client):
    response = client.post(URL, json=PERSON)
    assert PdfReader(io.BytesIO(response.data)).metadata.title == "催款函"


def test_a_body_failing_its_schema_is_answered_with_the_rules_findings_too(client):
    # a malformed e-mail (the schema) and a total that is not the sum (a rule), in one answer
    data = dict(PERSON, contact=dict(PERSON["contact"], email="not an email"))
    data["amounts"] = dict(PERSON["amounts"], total="112242.00")
    expected = {("contact", "email"), ("amounts", "total")}
    rendered = client.post(URL, json=data)
    assert rendered.status_code == 422
    assert {tuple(p["loc"]) for p in rendered.json if p["severity"] == "error"} == expected
    report = client.post(URL + "/validate", json=data)
    assert report.status_code == 200 and report.json["valid"] is False
    assert {tuple(p["loc"]) for p in report.json["errors"]} == expected
    assert report.json["errors"] == [p for p in rendered.json if p["severity"] == "error"]


def test_a_query_error_is_not_mixed_with_the_bodys(client):
    data = dict(PERSON, amounts=dict(PERSON["amounts"], total="1.00"))
    response = client.post(URL + "?format=xls", json=data)
    assert response.status_code == 422
    assert [p["loc"] for p in response.json] == [["query", "format"]]
