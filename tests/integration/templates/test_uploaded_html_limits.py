"""An uploaded HTML template prints in a limited child process (threat T16): a template that
passed its checks on the sample cases but lays out hundreds of pages, or takes too long, for
a real case is stopped with a clear error on ``template`` within seconds, and the service
keeps printing."""

from __future__ import annotations

import copy
import io
import json
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from docgen.config import Settings
from docgen.documents.problems import CaseInvalid
from docgen.services import DocumentService
from tests.support import ROOT, load_fixture

# child processes run into their page and time limits
pytestmark = pytest.mark.slow

CASE = load_fixture("demand_letter", "valid", "person_debtor")
# a firm's HTML template to start from (the built-in letter prints from its layout)
EXAMPLE = ROOT / "docs" / "examples" / "demand_letter.html"
SOURCE = EXAMPLE.read_text(encoding="utf-8")


def _bomb(pages: int) -> str:
    """Harmless for the samples; ``pages`` pages when the letter number says BOMB."""
    loop = (
        "{% if 'BOMB' in letter_number %}{% for i in range(" + str(pages) + ") %}"
        '<p style="break-after: page">第{{ i }}页</p>{% endfor %}{% endif %}'
    )
    return SOURCE.replace("<body>", "<body>" + loop, 1)


def _bomb_case() -> dict:
    case = copy.deepcopy(CASE)
    case["letter_number"] = "BOMB-2026-1"
    return case


def _service(tmp_path: Path, source: str, **settings) -> DocumentService:
    service = DocumentService(Settings(data_dir=tmp_path, **settings))
    service.upload_template("demand_letter", source.encode(), filename="firm.html")
    service.templates.activate(service.tenant_id, "demand_letter", 1, "html")
    return service


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_a_template_laying_out_too_many_pages_is_stopped(tmp_path: Path):
    service = _service(tmp_path, _bomb(300), upload_print_max_pages=50)
    started = time.monotonic()
    with pytest.raises(CaseInvalid) as caught:
        service.render("demand_letter", _bomb_case(), "pdf")
    assert time.monotonic() - started < 30
    (problem,) = caught.value.problems
    assert problem.loc == ("template",) and problem.code == "template_pages"
    assert "上传的 HTML 模板排出 30" in problem.message and "超过 50 页的上限" in problem.message
    # the same template still prints an ordinary case
    assert _pages(service.render("demand_letter", CASE, "pdf").content) <= 3


def test_a_template_that_prints_too_slowly_is_stopped_at_the_time_limit(tmp_path: Path):
    service = _service(
        tmp_path, _bomb(9000), upload_print_seconds=4, upload_print_max_pages=100_000
    )
    started = time.monotonic()
    with pytest.raises(CaseInvalid) as caught:
        service.render("demand_letter", _bomb_case(), "pdf")
    assert time.monotonic() - started < 8
    (problem,) = caught.value.problems
    assert problem.code == "template_timeout"
    assert problem.message == "上传的 HTML 模板打印超时（超过 4 秒），已中止"


def test_a_batch_with_the_bomb_fails_that_letter_only(tmp_path: Path):
    # past the limit of the three letters printed together (150) and of the bomb alone (50)
    service = _service(tmp_path, _bomb(160), upload_print_max_pages=50)
    results = service.render_many("demand_letter", [CASE, _bomb_case(), CASE], "pdf")
    assert isinstance(results[1], CaseInvalid)
    assert results[1].problems[0].code in ("template_pages", "template_error")
    assert "超过" in results[1].problems[0].message
    assert all(_pages(r.content) <= 3 for r in (results[0], results[2]))  # type: ignore[union-attr]


def test_the_child_prints_what_the_worker_would(tmp_path: Path):
    service = DocumentService(Settings(data_dir=tmp_path))
    _case, _assessment, context = service.context_for("demand_letter", CASE)
    context = json.loads(json.dumps(context, default=str))
    template = str(EXAMPLE.resolve())
    here: list = []
    there: list = []
    kwargs = {"footers": ["编号 A", "编号 B"]}
    local = service.pdf.render_many(template, [context, context], combined=here, **kwargs)
    child = service.isolated_pdf.render_many(template, [context, context], combined=there, **kwargs)
    texts = [[p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages] for pdf in local + child]
    assert texts[0] == texts[2] and texts[1] == texts[3]
    assert "编号 B" in texts[3][0] and "深圳市恒信商贸有限公司" in texts[3][0]
    assert here[0][1] == there[0][1] and _pages(there[0][0]) == sum(there[0][1])
