"""An uploaded HTML template prints in a limited child process (threat T16): a template that
passed its checks on the sample cases but lays out hundreds of pages, or takes too long, for
a real case is stopped with a clear error on ``template`` within seconds, and the service
keeps printing."""

from __future__ import annotations

import copy
import io
import json
import shutil
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from docgen.config import Settings
from docgen.documents.problems import CaseInvalid
from docgen.services import DocumentService
from tests.support import FIXTURES, ROOT, load_fixture

# child processes run into their page and time limits
pytestmark = pytest.mark.slow

CASE = load_fixture("demand_letter", "valid", "person_debtor")
# a firm's HTML template to start from (the built-in letter prints from its layout)
EXAMPLE = ROOT / "docs" / "examples" / "demand_letter.html"
SOURCE = EXAMPLE.read_text(encoding="utf-8")


def _bomb() -> str:
    """Harmless for the samples; for a letter number ``BOMB-<n>``, ``n`` pages more."""
    loop = (
        "{% if letter_number.startswith('BOMB-') %}{% for i in range(letter_number[5:]|int) %}"
        '<p style="break-after: page">第{{ i }}页</p>{% endfor %}{% endif %}'
    )
    return SOURCE.replace("<body>", "<body>" + loop, 1)


def _bomb_case(pages: int) -> dict:
    case = copy.deepcopy(CASE)
    case["letter_number"] = f"BOMB-{pages}"
    return case


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with the bomb uploaded and activated; each test reads it with its
    own limits. The upload is checked once, against the first fixture alone (a child
    prints each sample case; all of them: test_custom_html_templates.py)."""
    samples = tmp_path_factory.mktemp("samples")
    folder = samples / "demand_letter" / "valid"
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "demand_letter" / "valid" / "account_of_a_third_party.json", folder)
    path = tmp_path_factory.mktemp("bomb")
    service = DocumentService(Settings(data_dir=path, samples_dir=samples))
    service.upload_template("demand_letter", _bomb().encode(), filename="firm.html")
    service.templates.activate(service.tenant_id, "demand_letter", 1, "html")
    return path


def _service(data_dir: Path, **settings) -> DocumentService:
    return DocumentService(Settings(data_dir=data_dir, **settings))


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_a_template_laying_out_too_many_pages_is_stopped(data_dir: Path):
    service = _service(data_dir, upload_print_max_pages=50)
    started = time.monotonic()
    with pytest.raises(CaseInvalid) as caught:
        service.render("demand_letter", _bomb_case(300), "pdf")
    assert time.monotonic() - started < 30
    (problem,) = caught.value.problems
    assert problem.loc == ("template",) and problem.code == "template_pages"
    assert problem.message == "上传的 HTML 模板排出的页数超过 50 页的上限，已中止"
    # the same template still prints an ordinary case
    assert _pages(service.render("demand_letter", CASE, "pdf").content) <= 3


def test_a_template_that_prints_too_slowly_is_stopped_at_the_time_limit(data_dir: Path):
    # 9000 pages take far longer than the 1 s limit set here
    service = _service(data_dir, upload_print_seconds=1, upload_print_max_pages=100_000)
    started = time.monotonic()
    with pytest.raises(CaseInvalid) as caught:
        service.render("demand_letter", _bomb_case(9000), "pdf")
    assert time.monotonic() - started < 5
    (problem,) = caught.value.problems
    assert problem.code == "template_timeout"
    assert problem.message == "上传的 HTML 模板打印超时（超过 1 秒），已中止"


def test_a_batch_with_the_bomb_fails_that_letter_only(data_dir: Path):
    # past the limit of the three letters printed together (150) and of the bomb alone (50)
    service = _service(data_dir, upload_print_max_pages=50)
    results = service.render_many("demand_letter", [CASE, _bomb_case(160), CASE], "pdf")
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
