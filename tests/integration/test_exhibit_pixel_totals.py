"""Many-frame TIFFs (threat T16): every frame under the per-frame pixel limit, but all of
them together over the total, are refused from the frame headers, before any decoding."""

from __future__ import annotations

import io
import time

import pytest
from PIL import Image

from docgen.bundle.service import BundleService
from docgen.config import Settings
from docgen.documents.problems import CaseInvalid
from docgen.services import DocumentService

# every exhibit is read in a child interpreter (docgen.isolation)
# on one worker: its module fixtures (the bundle service) are made once
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_exhibit_pixel_totals")]


def _tiff(side: int, frames: int) -> bytes:
    image = Image.new("1", (side, side), 1)
    out = io.BytesIO()
    image.save(
        out, "TIFF", save_all=True, append_images=[image] * (frames - 1), compression="group4"
    )
    return out.getvalue()


def _case() -> dict:
    return {
        "court": "北京市朝阳区人民法院",
        "case_type": "民间借贷纠纷",
        "plaintiffs": ["张三"],
        "defendants": ["李四"],
        "filing_date": "2026-11-20",
        "exhibits": [
            {"name": "扫描件", "source": "原告持有", "purpose": "证明借款事实", "file": "s.tif"}
        ],
    }


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    return BundleService(DocumentService(Settings(data_dir=tmp_path_factory.mktemp("data"))))


def test_frames_each_under_the_limit_but_over_the_total_are_refused_quickly(bundles):
    # 25 frames of 49 megapixels: each under the 60 MP frame limit, 1.2 GP in all
    data = _tiff(7000, 25)
    assert len(data) < 200_000
    started = time.monotonic()
    with pytest.raises(CaseInvalid) as caught:
        bundles.build(_case(), {"s.tif": data})
    assert time.monotonic() - started < 10
    (problem,) = caught.value.problems
    assert problem.loc == ("exhibits", 0, "file") and problem.code == "image_too_large"
    assert "图片 25 页合计 1,225,000,000 像素，超过单个证据 1,000,000,000 像素的上限" in (
        problem.message
    )


def test_the_same_frames_within_the_total_print(tmp_path):
    settings = Settings(data_dir=tmp_path, exhibit_max_total_pixels=3_000_000)
    service = BundleService(DocumentService(settings))
    built = service.build(_case(), {"s.tif": _tiff(1000, 3)})
    assert built.manifest[0]["pages"] == 3
    with pytest.raises(CaseInvalid) as caught:
        service.build(_case(), {"s.tif": _tiff(1000, 4)})
    assert "图片 4 页合计 4,000,000 像素" in caught.value.problems[0].message
