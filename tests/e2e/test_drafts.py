"""Drafts are not documents: ``?draft=1`` and the form's 预览 print 「草稿」 on every page,
carry no document id or verification code, take no letter number and are not registered."""

from __future__ import annotations

import copy
import io
import json
import re

import sqlalchemy as sa
from docx import Document

from docgen.drafts import DOCX_NOTE
from docgen.register.models import RegisteredDocument
from tests.support import docx_text, load_fixture, normalize, pdf_pages_text
from tests.tenant_support import tenant_app, two_tenants

LAWYER = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
DEMAND = load_fixture("demand_letter", "valid", "person_debtor")
URL = "/api/v1/documents/lawyer_letter"


def _registered(app) -> int:
    engine = app.extensions["docgen_access"].engine
    with engine.connect() as connection:
        count = connection.execute(sa.select(sa.func.count()).select_from(RegisteredDocument))
        return int(count.scalar_one())


def _numbered_letter(client) -> dict:
    firm = dict(LAWYER["sender"], letter_prefix="京草稿")
    pid = client.post("/api/v1/sender-profiles", json=firm).json["id"]
    data = copy.deepcopy(LAWYER)
    del data["sender"]
    data["sender_profile_id"] = pid
    return data


def test_a_draft_pdf_is_marked_on_every_page_unnumbered_and_unregistered(settings, service):
    client = two_tenants(tenant_app(settings, service)).a.admin
    data = _numbered_letter(client)
    draft = client.post(f"{URL}?format=pdf&draft=1", json=data)
    assert draft.status_code == 200 and draft.headers["X-Docgen-Draft"] == "true"
    assert "X-Docgen-Document-Id" not in draft.headers
    assert "filename*=UTF-8" in draft.headers["Content-Disposition"]
    assert "%E8%8D%89%E7%A8%BF-" in draft.headers["Content-Disposition"], "草稿- in the name"
    pages = [normalize(p) for p in pdf_pages_text(draft.data)]
    assert len(pages) >= 2
    assert all("草" in p and "稿" in p for p in pages), "the mark on every page"
    text = "".join(pages)
    assert "律函字第" not in text, "no letter number on a draft"
    assert not re.search(r"校验码|文书编号", text)
    assert client.get("/api/v1/register").json["items"] == [], "nothing registered"
    # the final letter is number 1: the draft took none
    final = client.post(f"{URL}?format=pdf", json=data)
    final_text = normalize("".join(pdf_pages_text(final.data)))
    assert "（2026）京草稿律函字第1号" in final_text
    assert "稿" not in final_text.replace("京草稿", ""), "a final letter has no mark"
    assert len(client.get("/api/v1/register").json["items"]) == 1


def test_a_draft_docx_has_the_note_in_every_sections_header(client):
    draft = client.post("/api/v1/documents/demand_letter?format=docx&draft=1", json=DEMAND)
    assert draft.status_code == 200 and draft.headers["X-Docgen-Draft"] == "true"
    document = Document(io.BytesIO(draft.data))
    headers = [section.header.paragraphs[0].text for section in document.sections]
    assert headers and all(h == DOCX_NOTE for h in headers)
    assert "张伟" in normalize(docx_text(draft.data))


def test_the_forms_preview_is_a_draft_and_its_download_a_document(settings, service, tmp_path):
    # a register of its own: the form gives a case issued already as that document
    app = tenant_app(settings, service, data_dir=tmp_path / "data")
    client = two_tenants(app, web=False).a.admin
    page = client.get("/form/demand_letter").get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    form = {"csrf_token": token, "case": json.dumps(DEMAND), "format": "pdf"}
    before = _registered(app)
    preview = client.post("/form/demand_letter/render", data={**form, "disposition": "inline"})
    assert preview.status_code == 200 and preview.mimetype == "application/pdf"
    assert all("稿" in normalize(p) for p in pdf_pages_text(preview.data))
    assert _registered(app) == before, "a preview is not registered"
    download = client.post("/form/demand_letter/render", data=form)
    assert download.status_code == 200
    assert _registered(app) == before + 1
    assert "稿" not in normalize("".join(pdf_pages_text(download.data)))


def test_pdf_and_docx_in_one_go_are_one_document_with_two_outputs(settings, service):
    import hashlib
    import zipfile

    client = two_tenants(tenant_app(settings, service)).a.admin
    data = _numbered_letter(client)
    both = client.post(f"{URL}?formats=pdf,docx", json=data)
    assert both.status_code == 200 and both.mimetype == "application/zip"
    (document_id,) = both.headers["X-Docgen-Document-Ids"].split(",")
    archive = zipfile.ZipFile(io.BytesIO(both.data))
    listed = json.loads(archive.read("manifest.json"))["documents"]
    assert [d["format"] for d in listed] == ["pdf", "docx"]
    assert {d["document_id"] for d in listed} == {document_id}
    pdf, docx = (archive.read(d["file"]) for d in listed)
    assert "（2026）京草稿律函字第1号" in normalize("".join(pdf_pages_text(pdf)))
    assert "（2026）京草稿律函字第1号" in normalize(docx_text(docx)), "one number for both"
    items = client.get("/api/v1/register").json["items"]
    assert len(items) == 1 and items[0]["document_id"] == document_id
    outputs = {o["format"]: o["sha256"] for o in items[0]["outputs"]}
    assert outputs == {
        "pdf": hashlib.sha256(pdf).hexdigest(),
        "docx": hashlib.sha256(docx).hexdigest(),
    }
    bad = client.post(f"{URL}?formats=pdf,html", json=data)
    assert bad.status_code == 422 and bad.json[0]["loc"][-1] == "formats"


def test_the_forms_pdf_and_docx_download_is_one_registered_document(settings, service, tmp_path):
    import zipfile

    # a register of its own: the form gives a case issued already as that document
    app = tenant_app(settings, service, data_dir=tmp_path / "data")
    client = two_tenants(app).a.admin
    page = client.get("/form/demand_letter").get_data(as_text=True)
    assert 'data-format="pdf,docx"' in page and "PDF 与 DOCX 一并下载（同一份文书）" in page
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    before = _registered(app)
    both = client.post(
        "/form/demand_letter/render",
        data={"csrf_token": token, "case": json.dumps(DEMAND), "format": "pdf,docx"},
    )
    assert both.status_code == 200 and both.mimetype == "application/zip"
    listed = json.loads(zipfile.ZipFile(io.BytesIO(both.data)).read("manifest.json"))
    assert [d["format"] for d in listed["documents"]] == ["pdf", "docx"]
    assert len({d["document_id"] for d in listed["documents"]}) == 1
    assert _registered(app) == before + 1, "one document for both files"
