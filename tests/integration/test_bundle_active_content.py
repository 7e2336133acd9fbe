"""Exhibit PDFs carrying active content (threat T15): the bundle handed out carries none of
it (read back object by object), the page's printed text is kept; an image bomb declared in
a PDF is refused on that exhibit; an AES-256 PDF without a user password is read."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from docgen.bundle.service import BundleService
from docgen.config import Settings
from docgen.documents.problems import CaseInvalid
from docgen.services import DocumentService
from tests import active_pdf_samples as active

# every exhibit is read in a child interpreter (docgen.isolation)
# on one worker: its module fixtures (the bundle service) are made once
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_bundle_active_content")]

CARRIERS = {
    "page_aa_javascript_and_launch": (active.page_actions, "page-aa"),
    "open_action_and_names_javascript": (active.open_action_and_names_javascript, "open-action"),
    "embedded_file_and_attachment": (active.embedded_file, "embedded"),
    "link_javascript_launch_submit_import": (active.link_actions, "links"),
    "acroform_xfa_widget": (active.acroform, "form"),
    "script_in_form_xobject": (active.hidden_script_in_resources, "xobject"),
}


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("data"),
        isolation_memory_mb=512,
        isolation_cpu_seconds=10,
        isolation_wall_seconds=20,
    )
    return BundleService(DocumentService(settings))


def _case(files: list[str]) -> dict:
    return {
        "court": "北京市朝阳区人民法院",
        "case_type": "民间借贷纠纷",
        "plaintiffs": ["张三"],
        "defendants": ["李四"],
        "filing_date": "2026-11-20",
        "exhibits": [
            {"name": f"材料{i}", "source": "原告持有", "purpose": "证明借款事实", "file": name}
            for i, name in enumerate(files, start=1)
        ],
    }


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("kind", CARRIERS, ids=str)
def test_active_content_is_stripped_from_the_bundle_and_the_page_kept(bundles, kind):
    make, label = CARRIERS[kind]
    hostile = make()
    assert active.active_content(hostile), "the sample must carry what is to be stripped"
    built = bundles.build(_case(["x.pdf"]), {"x.pdf": hostile})
    for pdf in [built.pdf, *(data for _name, data in built.copies)]:
        assert active.active_content(pdf) == []
    assert f"{label} page 1" in _text(built.pdf)
    assert built.manifest[0]["pages"] == 1


def test_all_carriers_in_one_bundle_leave_nothing_active(bundles):
    files = {f"{kind}.pdf": make() for kind, (make, _label) in CARRIERS.items()}
    tried = sum(len(active.active_content(data)) for data in files.values())
    built = bundles.build(_case(list(files)), files)
    assert tried >= 30
    assert active.active_content(built.pdf) == []
    text = _text(built.pdf)
    assert all(f"{label} page 1" in text for _make, label in CARRIERS.values())


@pytest.mark.parametrize(
    "make", [active.huge_image_xobject, active.huge_inline_image], ids=lambda make: make.__name__
)
def test_a_60000_square_image_declared_in_a_small_pdf_is_refused_on_that_exhibit(bundles, make):
    bomb = make()
    assert len(bomb) < 4096
    files = {"ok.pdf": active.page_actions(), "bomb.pdf": bomb}
    with pytest.raises(CaseInvalid) as caught:
        bundles.build(_case(list(files)), files)
    (problem,) = caught.value.problems
    assert problem.loc == ("exhibits", 1, "file")
    assert problem.code == "pdf_image_too_large"
    assert "证据1-2「材料2」（文件 bomb.pdf）" in problem.message
    assert "PDF 第 1 页含有过大的图片（60000 × 60000 像素" in problem.message


def test_an_aes_256_pdf_without_a_user_password_is_read(bundles):
    data = active.aes256_empty_password("aes-256")
    assert b"/AESV3" in data and b"aes-256" not in data
    built = bundles.build(_case(["aes.pdf"]), {"aes.pdf": data})
    assert "aes-256 page 1" in _text(built.pdf)
    assert PdfReader(io.BytesIO(built.pdf)).is_encrypted is False


def test_a_postscript_xobject_is_refused_on_that_exhibit(bundles):
    with pytest.raises(CaseInvalid) as caught:
        bundles.build(_case(["ps.pdf"]), {"ps.pdf": active.postscript_xobject()})
    (problem,) = caught.value.problems
    assert problem.code == "pdf_postscript"
    assert "PDF 第 1 页含有 PostScript 代码，已拒绝" in problem.message
