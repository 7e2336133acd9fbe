"""``POST /api/v1/bundles`` and ``docgen bundle``: a paralegal's filing bundle end to end."""

from __future__ import annotations

import io
import itertools
import json
import logging
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from docgen.cli import main
from docgen.web import create_app
from tests import exhibit_samples as samples
from tests.support import authorized_client, load_fixture, normalize, pdf_pages_text

pytestmark = pytest.mark.slow

URL = "/api/v1/bundles"
CANARY_NAME = "欧阳娜娜"


@pytest.fixture(scope="module")
def app(settings):
    """One app for the module's many requests: each test still gets its own client and API
    key (``client`` in tests/conftest.py)."""
    return create_app({"TESTING": True, "SETTINGS": settings})


def _case(**changes):
    case = {
        "court": "上海市浦东新区人民法院",
        "case_type": "买卖合同纠纷",
        "plaintiffs": ["上海某某贸易有限公司"],
        "defendants": [CANARY_NAME],
        "filing_date": "2026-11-20",
        "claim_amount": "50000",
        "separators": False,
        "exhibits": [
            {
                "name": "买卖合同",
                "source": "原告持有",
                "purpose": "证明买卖关系",
                "file": "合同.pdf",
            },
            {"name": "送货单", "source": "原告持有", "purpose": "证明已交货", "file": "送货单.jpg"},
        ],
    }
    case.update(changes)
    return case


FILES = {"合同.pdf": samples.pdf_with_pages("contract", 2), "送货单.jpg": samples.rotated_jpeg()}


def _form(case, files):
    data = {"case": json.dumps(case, ensure_ascii=False)}
    data["exhibit"] = [(io.BytesIO(content), name) for name, content in files.items()]
    return data


def test_bundle_pdf_comes_back_with_every_page_numbered(client):
    response = client.post(URL, data=_form(_case(), FILES), content_type="multipart/form-data")
    assert response.status_code == 200, response.json
    assert response.mimetype == "application/pdf"
    assert "filename*=UTF-8''" in response.headers["Content-Disposition"]
    pages = pdf_pages_text(response.data)
    assert len(pages) == int(response.headers["X-Docgen-Pages"]) == 1 + 1 + 2 + 1
    for number, text in enumerate(pages, start=1):
        assert f"第 {number} 页" in text  # the bundle's number, on every page
    assert "第 1 页 共 1 页" in pages[1]  # and the evidence list's own


def test_zip_output_holds_the_evidence_list_and_manifest(client):
    response = client.post(
        URL + "?output=zip", data=_form(_case(), FILES), content_type="multipart/form-data"
    )
    assert response.status_code == 200, response.json
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    manifest = json.loads(archive.read("manifest.json"))
    assert [row["file"] for row in manifest["exhibits"]] == ["合同.pdf", "送货单.jpg"]
    list_pdf = archive.read("证据目录-2026-11-20.pdf")
    assert "证据1-1买卖合同" in normalize("".join(pdf_pages_text(list_pdf)))


def test_an_exhibit_may_be_a_letter_rendered_earlier_named_by_its_document_id(client):
    letter = client.post(
        "/api/v1/documents/demand_letter?format=pdf",
        json=load_fixture("demand_letter", "valid", "person_debtor"),
    )
    document_id = letter.headers["X-Docgen-Document-Id"]
    exhibits = [{**_case()["exhibits"][0], "name": "催款函", "file": None}]
    exhibits[0]["register_id"] = document_id
    response = client.post(
        URL + "?output=zip",
        data=_form(_case(exhibits=exhibits), {}),
        content_type="multipart/form-data",
    )
    assert response.status_code == 200, response.json
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    (row,) = json.loads(archive.read("manifest.json"))["exhibits"]
    assert row["register_id"] == document_id and row["identical"] is True
    pages = pdf_pages_text(
        archive.read(next(n for n in archive.namelist() if n.startswith("起诉材料")))
    )
    assert len(pages) == 2 + len(pdf_pages_text(letter.data))
    assert f"文书编号 {document_id}" in pages[2]


def test_a_hostile_upload_gets_422_naming_the_exhibit(client):
    files = {**FILES, "送货单.jpg": samples.zip_named_pdf()}
    response = client.post(URL, data=_form(_case(), files), content_type="multipart/form-data")
    assert response.status_code == 422
    (problem,) = response.json
    assert problem["loc"] == ["exhibits", 1, "file"]
    assert "证据1-2「送货单」" in problem["message"]


def test_an_invalid_case_gets_422_with_field_paths(client):
    case = _case(defendants=[], filing_date="2026-13-01")
    response = client.post(URL, data=_form(case, FILES), content_type="multipart/form-data")
    assert response.status_code == 422
    assert {tuple(p["loc"]) for p in response.json} == {("defendants",), ("filing_date",)}


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"json": {"court": "x"}}, 415, "unsupported_media_type"),
        (
            {"data": {"case": "{not json"}, "content_type": "multipart/form-data"},
            400,
            "json_invalid",
        ),
        ({"data": {"other": "1"}, "content_type": "multipart/form-data"}, 400, "missing"),
    ],
    ids=["json_body", "bad_json", "no_case"],
)
def test_malformed_requests_get_a_client_error_in_chinese(client, kwargs, status, code):
    response = client.post(URL, **kwargs)
    assert response.status_code == status
    assert response.json[0]["code"] == code


def test_unknown_output_is_422_on_the_query(client):
    response = client.post(URL + "?output=tar", data=_form(_case(), FILES))
    assert response.status_code == 422 and response.json[0]["loc"] == ["query", "output"]


def test_uploads_above_the_bundle_limit_get_413(settings):
    app = create_app(
        {"TESTING": True, "SETTINGS": settings.model_copy(update={"bundle_max_upload_bytes": 4096})}
    )
    big = {"合同.pdf": b"%PDF-1.7" + b"0" * 8192}
    response = authorized_client(app).post(URL, data=_form(_case(), big))
    assert response.status_code == 413


def test_bundle_uploads_may_exceed_the_json_body_limit(settings, client):
    photo = samples.noise_png(1000, 800)
    assert len(photo) > settings.max_content_length
    files = {**FILES, "送货单.jpg": photo}
    response = client.post(URL, data=_form(_case(), files), content_type="multipart/form-data")
    # the test client spools a large body to a temporary file and leaves it open
    response.request.environ["wsgi.input"].close()
    assert response.status_code == 200, response.json
    assert len(PdfReader(io.BytesIO(response.data)).pages) == 5


def test_no_party_name_reaches_the_logs(client, caplog):
    with caplog.at_level(logging.DEBUG):
        client.post(URL, data=_form(_case(), FILES), content_type="multipart/form-data")
    assert CANARY_NAME not in caplog.text
    assert "bundle built" in caplog.text


def test_cli_writes_the_bundle_and_a_copy_per_defendant(runner, tmp_path: Path):
    folder = tmp_path / "exhibits"
    folder.mkdir()
    for name, content in FILES.items():
        (folder / name).write_bytes(content)
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(_case(copies="files"), ensure_ascii=False), "utf-8")
    out = tmp_path / "out" / "bundle.pdf"
    result = runner.invoke(main, ["bundle", str(case_file), str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(PdfReader(out).pages) == 5
    (copy,) = [p for p in out.parent.iterdir() if "副本" in p.name]
    assert f"送达被告：{CANARY_NAME}" in normalize(pdf_pages_text(copy.read_bytes())[0])


def test_cli_reports_a_missing_exhibit_file_and_exits_1(runner, tmp_path: Path):
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(_case(), ensure_ascii=False), "utf-8")
    result = runner.invoke(
        main, ["bundle", str(case_file), str(tmp_path), "-o", str(tmp_path / "b.pdf")]
    )
    assert result.exit_code == 1
    assert "exhibits[0].file" in result.output and "合同.pdf" in result.output
    assert not (tmp_path / "b.pdf").exists()


def test_openapi_document_describes_the_multipart_bundle_request(anonymous_client):
    doc = anonymous_client.get("/api/v1/openapi.json").json
    operation = doc["paths"][URL]["post"]
    body = operation["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert (
        body["required"] == ["case"] and body["properties"]["files"]["items"]["format"] == "binary"
    )
    (output,) = [p for p in operation["parameters"] if p["name"] == "output"]
    assert output["schema"]["enum"] == ["pdf", "zip"]
    assert {"application/pdf", "application/zip"} <= set(operation["responses"]["200"]["content"])
    exhibit = doc["components"]["schemas"]["BundleExhibit"]["properties"]
    assert {"file", "register_id", "name", "purpose"} <= set(exhibit)


def _wait(client, run_id, timeout=180.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(f"{URL}/{run_id}").json
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.1)
    raise AssertionError(f"bundle run {run_id} did not end: {status}")


def test_async_bundles_are_built_off_the_request_then_downloaded(client):
    good = client.post(URL + "?async=1", data=_form(_case(), FILES))
    assert good.status_code == 202, good.json
    assert good.json["status"] == "queued" and good.headers["Location"].endswith(good.json["id"])
    broken = _case(complaint={"data": {"court": "某法院"}})
    bad = client.post(URL + "?async=1&output=zip", data=_form(broken, FILES))
    assert bad.status_code == 202

    done = _wait(client, good.json["id"])
    assert done["status"] == "done" and done["pages"] == 1 + 1 + 2 + 1
    download = client.get(good.json["download_url"])
    pages = pdf_pages_text(download.data)
    download.close()  # the file is streamed from disk
    assert download.status_code == 200 and download.mimetype == "application/pdf"
    assert len(pages) == done["pages"]
    assert all(f"第 {n} 页" in text for n, text in enumerate(pages, start=1))
    assert "第 1 页 共 1 页" in pages[1]  # the evidence list numbers its own page

    failed = _wait(client, bad.json["id"])
    assert failed["status"] == "failed"
    assert all(p["loc"][:2] == ["complaint", "data"] for p in failed["problems"])
    assert client.get(bad.json["download_url"]).status_code == 409
    assert client.get(f"/api/v1/batches/{good.json['id']}").status_code == 404  # not a batch


def test_async_requests_are_checked_before_they_are_queued(client):
    response = client.post(URL + "?async=1", data=_form(_case(defendants=[]), FILES))
    assert response.status_code == 422 and response.json[0]["loc"] == ["defendants"]
    assert client.post(URL + "?async=maybe", data=_form(_case(), FILES)).status_code == 422
    missing = client.get(f"{URL}/{'0' * 32}")
    assert missing.status_code == 404 and missing.json[0]["code"] == "bundle_run_not_found"


def _complaint_requesters(app) -> list[str]:
    from sqlalchemy import select

    from docgen import db
    from docgen.register.models import RegisteredDocument

    register = app.extensions["docgen"].register
    with db.session_scope(register.engine) as session:
        return list(
            session.scalars(
                select(RegisteredDocument.requested_by)
                .where(RegisteredDocument.type_name == "civil_complaint")
                .order_by(RegisteredDocument.created_at)
            )
        )


def test_the_bundled_complaint_is_registered_as_requested_by_the_api_key(app, client):
    data = load_fixture("civil_complaint", "valid", "narrative_guarantor")
    case = _case(complaint={"data": data}, claim_amount=None, court=data["court"])
    del case["plaintiffs"], case["defendants"]  # the cover takes them from the complaint
    # each item of the complaint's evidence filed by its name (its source and purpose)
    files = itertools.cycle(FILES)
    case["exhibits"] = [{"name": item["name"], "file": next(files)} for item in data["evidence"]]
    before = len(_complaint_requesters(app))

    response = client.post(URL, data=_form(case, FILES), content_type="multipart/form-data")
    assert response.status_code == 200, response.json
    queued = client.post(URL + "?async=1", data=_form(case, FILES))
    assert _wait(client, queued.json["id"])["status"] == "done"

    made = _complaint_requesters(app)[before:]
    assert len(made) == 2
    assert all(who.startswith("key:") for who in made), made


def test_a_finished_background_bundle_is_deleted_after_the_retention_period(
    app, client, monkeypatch
):
    from datetime import UTC, datetime, timedelta

    from docgen.bundle.jobs import BundleJobs
    from docgen.web.bundles import bundle_jobs

    # built by this process (the child's own entry point, BundleJobs.execute): a spawned
    # interpreter, which the tests above already start, costs seconds of start-up here
    monkeypatch.setattr(BundleJobs, "start", BundleJobs.execute)
    queued = client.post(URL + "?async=1", data=_form(_case(), FILES))
    run_id = queued.json["id"]
    assert _wait(client, run_id)["status"] == "done"
    hours = app.extensions["docgen"].settings.bundle_retention_hours
    with app.app_context():
        jobs = bundle_jobs()
        folder = jobs.root / run_id
        assert (folder / "bundle.pdf").is_file()
        assert jobs.expire() == 0  # not old yet
        later = datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=hours + 1)
        assert jobs.expire(now=later) >= 1

    assert not folder.exists()  # the bundle held the parties' documents
    assert client.get(queued.json["status_url"]).json["status"] == "expired"
    gone = client.get(queued.json["download_url"])
    assert gone.status_code == 410
    assert gone.json[0]["code"] == "bundle_run_expired"


def test_the_warnings_of_the_complaint_come_back_under_it(client):
    """A complaint that warns alone warns in the bundle, in the single render's shape."""
    from tests.bundle_cases import FILES as PAPER_FILES
    from tests.bundle_cases import bundle_case

    case = bundle_case()
    del case["complaint"]["data"]["cost_clause"]  # the agreement then in the evidence only
    response = client.post(URL, data=_form(case, PAPER_FILES), content_type="multipart/form-data")
    assert response.status_code == 200, response.json
    warnings = json.loads(response.headers["X-Docgen-Warnings"])
    assert {(tuple(w["loc"][:3]), w["code"]) for w in warnings} == {
        (("complaint", "data", "amounts"), "enforcement_costs_above_cap"),
        (("complaint", "data", "cost_clause"), "lawyer_fee_clause_missing"),
    }
    assert response.headers["X-Docgen-Warnings-Count"] == "2"
    # two full messages pass the header's 2048 bytes: codes and places are kept
    assert response.headers["X-Docgen-Warnings-Truncated"] == "true"
    assert all(warning["severity"] == "warning" for warning in warnings)
