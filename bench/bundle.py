"""Filing-bundle benchmark: 50 exhibits, 500 exhibit pages, one bundle.

What it measures, in one process (the service as the API and CLI use it):

* the exhibits, made once before timing: 30 PDFs of 14 pages, 10 photos (2400 x 1800 JPEG
  with an EXIF rotation) and 10 seven-page TIFF scans (1700 x 2200, grey) — 500 pages;
* cold: the first ``BundleService.build`` in a fresh ``DocumentService`` (fonts, stylesheets, the
  glyph sheet); the complaint is the demand letter fixture, separators on;
* warm: a second build of the same request;
* for each build: wall time, and the time spent converting exhibits in isolated child
  processes (``docgen.isolation``), then laying out and merging;
* peak RSS of this process and of the largest child (``ru_maxrss``), output size;
* with ``--async``: the same request through ``POST /api/v1/bundles?async=1`` (Flask's
  test client, no network): how long the request itself takes (the web worker is then
  free) and how long until ``GET /api/v1/bundles/<id>`` says done (a spawned child
  process builds it: interpreter start, service set-up, then the build).

Run from the repository root::

    .venv/bin/python bench/bundle.py            # readable table
    .venv/bin/python bench/bundle.py --json     # one JSON object
    .venv/bin/python bench/bundle.py --async    # also the asynchronous API mode

This is not a test: it asserts nothing and lives outside ``tests/``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path
from typing import Any

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen.bundle.service import BundleService  # noqa: E402
from docgen.config import Settings  # noqa: E402
from docgen.services import DocumentService  # noqa: E402
from tests import exhibit_samples as samples  # noqa: E402


def photo(seed: int) -> bytes:
    """A 2400 x 1800 photo-like JPEG (smooth gradient plus noise), EXIF orientation 6."""
    width, height = 2400, 1800
    base = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    noise = Image.frombytes("L", (width // 4, height // 4), os.urandom(width * height // 16))
    image = Image.blend(base, noise.resize((width, height)).convert("RGB"), 0.3)
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif.tobytes())
    return out.getvalue()


def scan(frames: int) -> bytes:
    pages = [
        Image.effect_noise((1700, 2200), 40).point(lambda v: 255 if v > 100 else 0).convert("L")
        for _ in range(frames)
    ]
    out = io.BytesIO()
    pages[0].save(out, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw")
    return out.getvalue()


def request() -> tuple[dict[str, Any], dict[str, bytes]]:
    files: dict[str, bytes] = {}
    for i in range(30):
        files[f"contract-{i:02d}.pdf"] = samples.pdf_with_pages(f"contract {i}", 14)
    for i in range(10):
        files[f"photo-{i:02d}.jpg"] = photo(i)
    for i in range(10):
        files[f"scan-{i:02d}.tiff"] = scan(7)
    exhibits = [
        {
            "name": f"证据材料{i + 1}",
            "source": "原告持有",
            "purpose": "证明原告与被告之间的借款关系及被告欠款的事实",
            "group": 1 + i // 10,
            "file": name,
        }
        for i, name in enumerate(files)
    ]
    letter = json.loads(
        (ROOT / "fixtures/demand_letter/valid/person_debtor.json").read_text("utf-8")
    )
    case = {
        "court": "北京市朝阳区人民法院",
        "case_type": "民间借贷纠纷",
        "plaintiffs": ["深圳市恒信商贸有限公司"],
        "defendants": ["张伟"],
        "filing_date": "2026-11-20",
        "claim_amount": "112258.82",
        "complaint": {"type": "demand_letter", "data": letter},
        "exhibits": exhibits,
    }
    return case, files


def build(service: BundleService, case: dict[str, Any], files: dict[str, bytes]) -> dict[str, Any]:
    converted = {}
    original = service._prepare_exhibits

    def timed_prepare(*args: Any) -> Any:
        started = time.perf_counter()
        result = original(*args)
        converted["seconds"] = time.perf_counter() - started
        return result

    service._prepare_exhibits = timed_prepare  # type: ignore[method-assign]
    started = time.perf_counter()
    result = service.build(case, files)
    total = time.perf_counter() - started
    service._prepare_exhibits = original  # type: ignore[method-assign]
    return {
        "seconds": round(total, 2),
        "convert_seconds": round(converted["seconds"], 2),
        "layout_merge_seconds": round(total - converted["seconds"], 2),
        "pages": result.pages,
        "bundle_mb": round(len(result.pdf) / 1048576, 1),
    }


def via_async_api(case: dict[str, Any], files: dict[str, bytes]) -> dict[str, Any]:
    """The request through ``POST /api/v1/bundles?async=1``, then polled until it ends."""
    from docgen.web import create_app
    from docgen.web.auth import api_keys

    app = create_app({"TESTING": True})
    key = api_keys(app).create("bench")[1]
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    form = {
        "case": json.dumps(case, ensure_ascii=False),
        "exhibit": [(io.BytesIO(content), name) for name, content in files.items()],
    }
    started = time.perf_counter()
    response = client.post("/api/v1/bundles?async=1", data=form)
    answered = time.perf_counter() - started
    response.request.environ["wsgi.input"].close()
    if response.status_code != 202:
        raise SystemExit(
            f"async request refused: {response.status_code} {response.get_data()[:500]!r}"
        )
    run_id = response.json["id"]
    while True:
        status = client.get(f"/api/v1/bundles/{run_id}").json
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.5)
    return {
        "request_seconds": round(answered, 2),
        "done_seconds": round(time.perf_counter() - started, 2),
        "status": status["status"],
        "pages": status.get("pages"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--async", dest="async_mode", action="store_true")
    args = parser.parse_args()
    case, files = request()
    service = BundleService(DocumentService(Settings()))
    exhibit_pages = 30 * 14 + 10 + 10 * 7
    cold = build(service, case, files)
    warm = build(service, case, files)
    report = {
        "exhibits": len(files),
        "exhibit_pages": exhibit_pages,
        "input_mb": round(sum(map(len, files.values())) / 1048576, 1),
        "workers": service.settings.bundle_workers,
        "cold": cold,
        "warm": warm,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "peak_child_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }
    if args.async_mode:
        report["async_api"] = via_async_api(case, files)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{report['exhibits']} exhibits, {exhibit_pages} pages, {report['input_mb']} MB in")
    for name in ("cold", "warm"):
        run = report[name]
        print(
            f"{name:5s} {run['seconds']:6.2f} s  (convert {run['convert_seconds']:.2f} s, "
            f"layout+merge {run['layout_merge_seconds']:.2f} s)  {run['pages']} pages, "
            f"{run['bundle_mb']} MB"
        )
    if args.async_mode:
        run = report["async_api"]
        print(
            f"async API: answered 202 in {run['request_seconds']:.2f} s, {run['status']} after "
            f"{run['done_seconds']:.2f} s, {run['pages']} pages"
        )
    print(f"peak RSS {report['peak_rss_mb']} MB, largest child {report['peak_child_rss_mb']} MB")
    print(f"load average {report['load_average_1m']} on {report['cpus']} CPUs")


if __name__ == "__main__":
    main()
