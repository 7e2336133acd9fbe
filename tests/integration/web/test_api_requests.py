"""How the JSON API answers requests it cannot serve as asked: each gets a status and a
problem that says what to change (no file is rendered, nothing is registered)."""

from __future__ import annotations

import io
import json
import zipfile

from flask import Response

from docgen.documents.problems import Problem
from docgen.web import create_app
from docgen.web.files import warnings_headers
from tests.support import authorized_client, load_fixture

URL = "/api/v1/documents/demand_letter"
PERSON = load_fixture("demand_letter", "valid", "person_debtor")


def test_format_and_formats_together_are_refused(client):
    response = client.post(URL + "?format=pdf&formats=docx", json=PERSON)
    assert response.status_code == 422
    (problem,) = response.json
    assert problem["loc"] == ["query"]
    assert problem["message"] == "format 与 formats 只能用一个"


def test_two_formats_in_format_point_to_formats(client):
    response = client.post(URL + "?format=pdf,docx", json=PERSON)
    assert response.status_code == 422
    (problem,) = response.json
    assert problem["loc"] == ["query", "format"]
    assert "formats=pdf,docx" in problem["hint"]


def test_a_null_body_is_not_an_object(client):
    response = client.post(URL, data="null", content_type="application/json")
    assert response.status_code == 422
    assert [p["message"] for p in response.json] == ["应为对象（JSON 对象）"]
    assert response.json == client.post(URL, json=[1, 2]).json
    report = client.post(URL + "/validate", data="null", content_type="application/json")
    assert report.json["valid"] is False
    assert report.json["errors"] == response.json


def test_unknown_document_type_names_the_known_ones(client):
    for response in (
        client.post("/api/v1/documents/nope", json=PERSON),
        client.post("/api/v1/documents/nope/validate", json=PERSON),
        client.get("/api/v1/document-types/nope"),
    ):
        assert response.status_code == 404
        (problem,) = response.json
        assert problem["message"].startswith("未知的文书类型「nope」；可用类型：")
        assert "demand_letter" in problem["message"]


def test_unknown_query_parameter_is_refused(client):
    response = client.post(URL + "?fromat=docx", json=PERSON)
    assert response.status_code == 422
    (problem,) = response.json
    assert problem["loc"] == ["query", "fromat"]
    assert "format" in problem["message"]


def test_a_format_in_capitals_is_read_as_its_name(client):
    response = client.post(URL + "?format=DOCX", json=PERSON)
    assert response.status_code == 200
    assert response.mimetype.endswith("wordprocessingml.document")


def test_a_chunked_body_over_the_limit_gets_413(settings):
    limit = 4096
    app = create_app(
        {"TESTING": True, "SETTINGS": settings.model_copy(update={"max_content_length": limit})}
    )
    client = authorized_client(app)
    body = json.dumps({"pad": "x" * (limit * 3)}).encode()
    response = client.post(
        URL,
        input_stream=io.BytesIO(body),
        content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 413
    assert response.json[0]["message"] == "请求内容过大"
    at_limit = json.dumps({"pad": "x" * (limit - 11)}).encode()
    assert len(at_limit) == limit
    response = client.post(
        URL,
        input_stream=io.BytesIO(at_limit),
        content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 422  # read in full: a case with no fields


def test_a_zip_manifest_holds_each_documents_warnings_in_full(client):
    data = load_fixture("lawyer_letter", "valid", "minor_debtor_with_guarantor")
    response = client.post("/api/v1/documents/lawyer_letter?format=pdf", json=data)
    assert response.status_code == 200
    validated = client.post("/api/v1/documents/lawyer_letter/validate", json=data).json
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    debtors = manifest["documents"][0]
    assert debtors["warnings"] and debtors["warnings"] == validated["warnings"]
    assert response.headers["X-Docgen-Warnings-Count"] == str(len(debtors["warnings"]))


def test_a_long_warnings_list_is_shortened_in_the_header(app):
    long = [
        Problem(
            ("guarantees", i, "type"),
            "general_guarantor_notice",
            "一般保证人" * 60,
            "提示",
            "warning",
        )
        for i in range(30)
    ]
    with app.test_request_context():
        response = Response()
        warnings_headers(response, [w.as_dict() for w in long])
    header = response.headers["X-Docgen-Warnings"]
    assert len(header) <= 2048
    assert response.headers["X-Docgen-Warnings-Truncated"] == "true"
    assert response.headers["X-Docgen-Warnings-Count"] == "30"
    shortened = json.loads(header)
    assert 0 < len(shortened) < 30  # the first that fit, codes and fields only
    assert shortened[0] == {
        "loc": ["guarantees", 0, "type"],
        "code": "general_guarantor_notice",
        "severity": "warning",
    }


def test_a_short_warnings_list_travels_whole(client):
    data = dict(PERSON, deadline={"days": 40, "kind": "working", "counted_from": "receipt"})
    response = client.post(URL, json=data)
    warnings = json.loads(response.headers["X-Docgen-Warnings"])
    # the sample's penalty names its clause but not its rate; the deadline runs into 2027
    assert [w["code"] for w in warnings] == ["penalty_basis_missing", "calendar_fallback"]
    assert "周一至周五" in warnings[1]["message"]
    assert response.headers["X-Docgen-Warnings-Count"] == "2"
    assert "X-Docgen-Warnings-Truncated" not in response.headers


def test_a_debt_confirmations_report_gives_the_rate_after_the_cut_off_as_json(client):
    # the rate chosen for after the cut-off date is part of the case (a model): the
    # report answered 500 where it could not be written as JSON
    data = load_fixture("debt_confirmation", "invalid", "plan_and_pay_by")
    report = client.post("/api/v1/documents/debt_confirmation/validate", json=data)
    assert report.status_code == 200
    assert report.json["valid"] is False
    later = report.json["computed"]["later_rate"]
    assert later["basis"] == "agreed"
    assert later["rate"] == {"kind": "annual", "value": "6", "fixed_on": None}
