"""Hostile exhibit files (threat T6; T4/T5 for a ZIP posing as a PDF): each is refused
with the exhibit's name in the error, within the limits, and the service keeps working."""

from __future__ import annotations

import time

import pytest

from docgen.bundle.service import BundleService
from docgen.config import Settings
from docgen.documents.problems import CaseInvalid
from docgen.services import DocumentService
from tests import exhibit_samples as samples

# on one worker: its module fixtures (the bundle service) are made once
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_bundle_hostile")]

HOSTILE = {
    "pixel_bomb": ("bomb.png", samples.pixel_bomb_png, "image_too_large", "像素过多"),
    "encrypted": ("enc.pdf", samples.encrypted_pdf, "pdf_encrypted", "已加密"),
    "truncated": ("cut.pdf", samples.truncated_pdf, "pdf_broken", "已损坏"),
    "reference_loop": ("loop.pdf", samples.reference_loop_pdf, "pdf_broken", "已损坏"),
    "zip_named_pdf": ("contract.pdf", samples.zip_named_pdf, "file_type_unsupported", "ZIP"),
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


def _case(file_name: str, name: str = "借款合同扫描件") -> dict:
    return {
        "court": "北京市朝阳区人民法院",
        "case_type": "民间借贷纠纷",
        "plaintiffs": ["张三"],
        "defendants": ["李四"],
        "filing_date": "2026-11-20",
        "exhibits": [
            {"name": name, "source": "原告持有", "purpose": "证明借款事实", "file": file_name}
        ],
    }


@pytest.mark.parametrize("kind", HOSTILE, ids=str)
def test_hostile_file_is_refused_naming_the_exhibit_within_the_limits(bundles, kind):
    file_name, make, code, words = HOSTILE[kind]
    started = time.monotonic()
    with pytest.raises(CaseInvalid) as caught:
        bundles.build(_case(file_name), {file_name: make()})
    assert time.monotonic() - started < 20
    (problem,) = caught.value.problems
    assert problem.loc == ("exhibits", 0, "file")
    assert problem.code == code
    assert "证据1-1「借款合同扫描件」" in problem.message and file_name in problem.message
    assert words in problem.message


def test_all_hostile_files_in_one_request_are_each_reported_and_good_work_is_not_lost(bundles):
    case = _case("good.pdf", "借款合同")
    files = {"good.pdf": samples.pdf_with_pages("good", 2)}
    for i, (file_name, make, _, _) in enumerate(HOSTILE.values(), start=2):
        case["exhibits"].append(
            {"name": f"材料{i}", "source": "原告持有", "purpose": "证明事实", "file": file_name}
        )
        files[file_name] = make()
    with pytest.raises(CaseInvalid) as caught:
        bundles.build(case, files)
    locs = [p.loc for p in caught.value.problems]
    assert locs == [("exhibits", i, "file") for i in range(1, len(HOSTILE) + 1)]
    # the service still works, and the good exhibit alone builds
    built = bundles.build(_case("good.pdf"), {"good.pdf": files["good.pdf"]})
    assert built.pages == 1 + 1 + 1 + 2


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path):
    settings = Settings(data_dir=tmp_path, bundle_max_file_bytes=2048)
    service = BundleService(DocumentService(settings))
    with pytest.raises(CaseInvalid) as caught:
        service.build(_case("big.pdf"), {"big.pdf": samples.pdf_with_pages("big", 40)})
    (problem,) = caught.value.problems
    assert problem.code == "file_too_large" and "big.pdf" in problem.message


def test_an_extension_does_not_make_a_file_acceptable(bundles):
    with pytest.raises(CaseInvalid) as caught:
        bundles.build(_case("photo.jpg"), {"photo.jpg": b"GIF89a" + b"\0" * 100})
    (problem,) = caught.value.problems
    assert problem.code == "file_type_unsupported" and "GIF" in problem.message


def test_a_pdf_protected_only_by_an_owner_password_opens(bundles):
    from io import BytesIO

    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=BytesIO(samples.pdf_with_pages("owner", 1)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")  # noqa: S106
    out = BytesIO()
    writer.write(out)
    built = bundles.build(_case("owner.pdf"), {"owner.pdf": out.getvalue()})
    assert built.manifest[0]["pages"] == 1
