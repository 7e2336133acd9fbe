"""The form's batch page: upload behind CSRF, a status page, templates and a zip."""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile

import pytest
from pypdf import PdfReader

from docgen.tenants import DEFAULT_TENANT_ID
from docgen.web import create_app
from tests.batch_support import person_case, sheet


@pytest.fixture
def page_client(settings):
    app = create_app({"TESTING": True, "SETTINGS": settings, "BATCH_PROCESSES": 1})
    return app.test_client()


def _token(client) -> str:
    page = client.get("/form/batches").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def _sheet(n: int) -> bytes:
    headers, rows = sheet([person_case(i) for i in range(n)])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def _upload(client, data: bytes, token: str | None, **fields: str):
    form = {"file": (io.BytesIO(data), "cases.csv"), "type": "demand_letter", "format": "docx"}
    form.update(fields)
    if token:
        form["csrf_token"] = token
    return client.post("/form/batches", data=form, content_type="multipart/form-data")


def test_an_upload_without_the_csrf_token_is_refused(page_client):
    _token(page_client)
    response = _upload(page_client, _sheet(1), None)
    assert response.status_code == 400


def _finished_page(client, response) -> str:
    assert response.status_code == 303
    status_url = response.headers["Location"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        page = client.get(status_url).get_data(as_text=True)
        if "已完成" in page:
            return page
        time.sleep(0.2)
    raise AssertionError(page)


def test_a_paralegal_uploads_a_sheet_watches_it_and_downloads_the_zip(page_client):
    response = _upload(page_client, _sheet(2), _token(page_client))
    page = _finished_page(page_client, response)
    assert re.search(r"已生成</th><td>(\d+)<", page).group(1) == "2", page
    link = re.search(r'href="([^"]+/download)"', page).group(1)
    download = page_client.get(link)
    names = zipfile.ZipFile(io.BytesIO(download.data)).namelist()
    download.close()
    assert "manifest.xlsx" in names
    assert len([n for n in names if n.endswith(".docx")]) == 2


def test_a_bad_sheet_shows_the_problem_on_the_page(page_client):
    bad = "客户星座,债务人姓名\n白羊座,张三\n".encode("gbk")
    response = _upload(page_client, bad, _token(page_client))
    assert response.status_code == 422
    assert "无法识别的列名" in response.get_data(as_text=True)


def test_templates_for_every_type_can_be_downloaded(page_client):
    from docgen.documents import registry

    page = page_client.get("/form/batches").get_data(as_text=True)
    for doc_type in registry.all_types():
        for ext in ("xlsx", "csv"):
            url = f"/form/batches/template/{doc_type.name}.{ext}"
            assert url in page
            response = page_client.get(url)
            assert response.status_code == 200
            assert len(response.data) > 100
    assert page_client.get("/form/batches/template/demand_letter.exe").status_code == 404
    assert page_client.get("/form/batches/" + "0" * 32).status_code == 404


def test_the_batch_page_offers_the_stored_sender_profiles(page_client, settings):
    from docgen import db
    from docgen.profiles.model import SenderProfile
    from docgen.profiles.store import ProfileStore

    store = ProfileStore(db.upgrade(settings.effective_database_url))
    profile = SenderProfile(
        name="上海某某商贸有限公司", kind="creditor", address="上海市", phone="021-61234567"
    )
    stored = store.add(DEFAULT_TENANT_ID, profile)
    page = page_client.get("/form/batches").get_data(as_text=True)
    assert re.search(
        rf'<select id="batch-profile" name="sender_profile_id">.*'
        rf'<option value="{stored.id}">{stored.id} · 债权人 · 上海某某商贸有限公司</option>',
        page,
        re.S,
    )


def test_the_paralegal_chooses_the_pdf_engine_of_a_run(page_client, settings):
    page = page_client.get("/form/batches").get_data(as_text=True)
    select = re.search(r'<select id="batch-engine" name="pdf_engine".*?</select>', page, re.S)
    assert select is not None
    options = re.findall(r'<option value="([^"]*)"( selected)?>', select.group(0))
    assert [value for value, _ in options] == ["weasyprint", "typst"]
    assert [value for value, chosen in options if chosen] == [settings.pdf_engine]

    response = _upload(
        page_client, _sheet(2), _token(page_client), format="pdf", pdf_engine="typst"
    )
    page = _finished_page(page_client, response)

    link = re.search(r'href="([^"]+/download)"', page).group(1)
    download = page_client.get(link)
    archive = zipfile.ZipFile(io.BytesIO(download.data))
    download.close()
    letters = [n for n in archive.namelist() if n.startswith("letters/") and n.endswith(".pdf")]
    assert len(letters) == 2
    for name in letters:
        metadata = PdfReader(io.BytesIO(archive.read(name))).metadata
        assert "Typst" in str(metadata.get("/Creator"))


def test_an_unknown_engine_is_shown_on_the_field(page_client):
    response = _upload(page_client, _sheet(1), _token(page_client), pdf_engine="latex")
    assert response.status_code == 422
    assert "pdf_engine" in response.get_data(as_text=True)


def _operator_sheet(rows: int) -> bytes:
    from tests.operator_sheets import COL, row

    values = [row(i, "gbk") for i in range(rows)]
    values[1][COL["债权依据签订日期"]] = "2025/13/01"
    values[2][COL["债务人主体类型"]] = "个体户"
    out = io.StringIO()
    csv.writer(out).writerows([list(COL), *values])
    return out.getvalue().encode("gbk")


def _shared_file():
    import json

    from tests.operator_sheets import shared_values

    return io.BytesIO(json.dumps(shared_values(), ensure_ascii=False).encode("utf-8"))


def test_a_check_only_run_shows_its_rejects_and_makes_no_letter(page_client):
    form = {
        "file": (io.BytesIO(_operator_sheet(4)), "六月催收名单.csv"),
        "shared_file": (_shared_file(), "共用信息.json"),
        "type": "demand_letter",
        "format": "pdf",
        "check_only": "true",
        "csrf_token": _token(page_client),
    }
    response = page_client.post("/form/batches", data=form, content_type="multipart/form-data")
    page = _finished_page(page_client, response)
    assert "已完成，0 封函件生成" in page
    assert "（六月催收名单.csv）" in page
    assert re.search(r"可生成</th><td>(\d+)<", page).group(1) == "2", page
    assert "债权依据签订日期" in page and "2025/13/01" in page
    assert "日期请写成 2026-03-05 或 2026年3月5日" in page
    assert "KH-0001" in page and "KH-0002" in page
    assert "类型应为 自然人、法人或其他组织 之一" in page
    link = re.search(r'href="([^"]+/files/rejects\.xlsx)"', page).group(1)
    rejects = page_client.get(link)
    assert rejects.status_code == 200 and rejects.data[:2] == b"PK"
    rejects.close()
    # nothing was made: no zip is offered (the reports have their own links above)
    assert "下载全部输出" not in page and not re.search(r'href="[^"]+/download"', page)


def test_a_finished_run_says_how_many_letters_it_made(page_client):
    form = {
        "file": (io.BytesIO(_operator_sheet(3)), "cases.csv"),
        "shared_file": (_shared_file(), "shared.json"),
        "type": "demand_letter",
        "format": "docx",
        "csrf_token": _token(page_client),
    }
    response = page_client.post("/form/batches", data=form, content_type="multipart/form-data")
    page = _finished_page(page_client, response)
    assert "已完成，1 封函件生成" in page
