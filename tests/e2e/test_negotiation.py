"""``Accept`` chooses the format when ``format`` is absent, an unservable one gets 406,
and several recipients come back as multipart/mixed when asked, else as a ZIP whose
manifest.json names each document (id, code, recipient, SHA-256)."""

from __future__ import annotations

import email.parser
import email.policy
import hashlib
import io
import json
import zipfile

from tests.support import docx_text, load_fixture, normalize

DEMAND = load_fixture("demand_letter", "valid", "person_debtor")
GUARANTEED = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_accept_chooses_the_format_when_format_is_absent(client):
    url = "/api/v1/documents/demand_letter"
    as_docx = client.post(url, json=DEMAND, headers={"Accept": DOCX})
    assert as_docx.status_code == 200 and as_docx.mimetype == DOCX
    assert "张伟" in normalize(docx_text(as_docx.data))
    as_pdf = client.post(url, json=DEMAND, headers={"Accept": "application/pdf, */*;q=0.1"})
    assert as_pdf.mimetype == "application/pdf" and as_pdf.data.startswith(b"%PDF")
    # format wins over Accept
    forced = client.post(url + "?format=docx", json=DEMAND, headers={"Accept": "application/pdf"})
    assert forced.mimetype == DOCX


def test_an_accept_docgen_cannot_serve_gets_406_with_what_it_can(client):
    response = client.post(
        "/api/v1/documents/demand_letter", json=DEMAND, headers={"Accept": "text/html"}
    )
    assert response.status_code == 406
    problem = response.json[0]
    assert problem["code"] == "not_acceptable" and problem["loc"] == ["headers", "Accept"]
    assert "application/pdf" in problem["message"] and "multipart/mixed" in problem["message"]


def test_several_recipients_come_in_a_zip_with_a_manifest_and_their_ids(client):
    response = client.post("/api/v1/documents/lawyer_letter?format=docx", json=GUARANTEED)
    assert response.status_code == 200 and response.mimetype == "application/zip"
    ids = response.headers["X-Docgen-Document-Ids"].split(",")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    listed = json.loads(archive.read("manifest.json"))["documents"]
    assert [d["document_id"] for d in listed] == ids and len(ids) == 2
    assert {d["recipient"] for d in listed} == {"福州闽江建材有限公司", "刘芳"}
    for entry in listed:
        content = archive.read(entry["file"])
        assert hashlib.sha256(content).hexdigest() == entry["sha256"]
        assert entry["recipient"] in normalize(docx_text(content))
        record = client.get(f"/api/v1/register/{entry['document_id']}").json
        assert record["verification_code"] == entry["verification_code"]


def test_several_recipients_as_multipart_mixed_when_asked(client):
    response = client.post(
        "/api/v1/documents/lawyer_letter?format=docx",
        json=GUARANTEED,
        headers={"Accept": "multipart/mixed, application/zip;q=0.5"},
    )
    assert response.status_code == 200 and response.mimetype == "multipart/mixed"
    raw = f"Content-Type: {response.headers['Content-Type']}\r\n\r\n".encode() + response.data
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
    parts = list(message.iter_parts())
    assert len(parts) == 2
    ids = [p["X-Docgen-Document-Id"] for p in parts]
    assert ids == response.headers["X-Docgen-Document-Ids"].split(",")
    texts = [normalize(docx_text(p.get_payload(decode=True))) for p in parts]
    assert any("刘芳女士：" in t for t in texts)
    assert all(p.get_content_type() == DOCX for p in parts)
