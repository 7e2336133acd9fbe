"""Bounded runs: a row limit answered at once, and shared values stored once per run."""

from __future__ import annotations

import gc
import json
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from docx import Document
from sqlalchemy import select

from docgen import db
from docgen.batch.executors import LocalExecutor
from docgen.batch.plan import RowLimitError
from docgen.batch.runs import Batches, RunOptions
from docgen.batch.state import BatchItem, BatchRun
from docgen.config import Settings
from docgen.tenants import DEFAULT_TENANT_ID
from tests.operator_sheets import HEADERS, row, shared_values, write_csv

# sheets of 100,000 rows
# on one worker: its module fixtures (the 100,000-row sheets) are made once
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_run_limits")]

HUGE = 100_000


@pytest.fixture(scope="module")
def huge_xlsx(tmp_path_factory):
    """100,000 rows, the file openpyxl's streaming mode writes: it writes the workbook and
    the header, the rows' XML is added as it writes it (its cells cost 5 s of CPU)."""
    from openpyxl import Workbook

    path = tmp_path_factory.mktemp("huge") / "huge.xlsx"
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADERS[:4])
    book.save(path)
    _add_rows(path, ([f"KH-{i}", "自然人", f"王芳{i}", "女"] for i in range(HUGE)), first=2)
    return path


def _add_rows(path: Path, rows: Iterable[list[str]], first: int) -> None:
    """Text rows appended to the sheet's data as openpyxl writes them: inline strings,
    characters outside ASCII as character references."""
    parts = []
    for number, values in enumerate(rows, start=first):
        cells = "".join(
            f'<c r="{column}{number}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
            for column, value in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", values, strict=False)
        )
        parts.append(f'<row r="{number}">{cells}</row>')
    rows_xml = "".join(parts).encode("ascii", "xmlcharrefreplace")
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for info, content in entries:
            if info.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"</sheetData>", rows_xml + b"</sheetData>", 1)
            target.writestr(info, content)


@pytest.fixture(scope="module")
def huge_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("huge") / "huge.csv"
    line = "KH,自然人,王芳,女\n"
    path.write_text(",".join(HEADERS[:4]) + "\n" + line * HUGE, encoding="utf-8")
    return path


def _limited(tmp_path, limit: int) -> Settings:
    return Settings(data_dir=tmp_path / "var", batch_max_rows=limit)


@pytest.mark.parametrize("which", ["huge_xlsx", "huge_csv"])
def test_a_100000_row_sheet_is_refused_at_once_in_chinese(request, tmp_path, which):
    source = request.getfixturevalue(which)
    batches = Batches(_limited(tmp_path, 20000), f"sqlite:///{tmp_path / 'state.db'}")
    began = time.monotonic()
    with pytest.raises(RowLimitError) as caught:
        batches.create(source, RunOptions("demand_letter"), tmp_path / "runs", DEFAULT_TENANT_ID)
    assert time.monotonic() - began < 3.0
    assert "超过每批上限 20000 行" in str(caught.value)
    assert "拆分" in str(caught.value)
    assert not (tmp_path / "runs").exists()  # nothing stored


# werkzeug's test client spools a large multipart body to a temporary file it never
# closes; collected here so the warning stays with this test
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_the_api_refuses_a_100000_row_upload_with_422(app, client, huge_xlsx):
    app.extensions["docgen.batches"] = Batches(
        Settings(data_dir=app.extensions["docgen"].settings.data_dir, batch_max_rows=500)
    )
    began = time.monotonic()
    with huge_xlsx.open("rb") as upload:
        response = client.post(
            "/api/v1/batches",
            data={"type": "demand_letter", "file": (upload, "huge.xlsx")},
            content_type="multipart/form-data",
        )
    assert time.monotonic() - began < 5.0
    assert response.status_code == 422
    (problem,) = response.get_json()
    assert problem["loc"] == ["file"]
    assert "超过每批上限 500 行" in problem["message"]
    del response
    gc.collect()


def test_shared_values_are_stored_once_with_the_run_not_in_every_row(tmp_path):
    settings = Settings(data_dir=tmp_path / "var")
    url = f"sqlite:///{tmp_path / 'state.db'}"
    source = write_csv(tmp_path / "cases.csv", [row(i, "gbk") for i in range(3)], "gbk")
    batches = Batches(settings, url)
    options = RunOptions("demand_letter", formats=["docx"], shared=shared_values())
    run_id = batches.create(source, options, tmp_path / "runs", DEFAULT_TENANT_ID)
    summary = batches.execute(run_id, LocalExecutor(1))
    assert (summary["rendered"], summary["rejected"]) == (3, 0)

    with db.session_scope(db.upgrade(url)) as session:
        run = session.get(BatchRun, run_id)
        assert run.option("shared")["creditor"]["name"] == "深圳市恒信商贸有限公司"
        for item in session.scalars(select(BatchItem).where(BatchItem.run_id == run_id)):
            data = json.loads(item.data)
            assert "creditor" not in data and "payment_account" not in data
            assert data["debtor"]["name"].startswith("王芳")
    for path in sorted((tmp_path / "runs" / run_id / "letters").glob("*.docx")):
        text = "\n".join(p.text for p in Document(path).paragraphs)
        assert "深圳市恒信商贸有限公司" in text
        assert "中国工商银行深圳福田支行" in text
    with zipfile.ZipFile(batches.archive(run_id, DEFAULT_TENANT_ID)) as archive:
        assert "manifest.xlsx" in archive.namelist()
