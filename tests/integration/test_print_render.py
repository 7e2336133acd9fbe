"""bin/print_render.py, what bin/print-compare runs in each tree, on this tree: a letter
printed twice, seconds apart, comes out byte for byte the same in each print (the stamps
and the clock are fixed: a DOCX records the time it was made), registered as printed
from its layout, with the files its prints depend on and their SHA-256s."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docgen.register import sha256_hex
from tests.support import ROOT

pytestmark = pytest.mark.slow

CASE = "demand_letter/person_debtor"
AT = "2026-12-06T01:00:00+00:00"


def _printed(out: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, str(ROOT / "bin" / "print_render.py"), "--tree", str(ROOT)]
    command += ["--at", AT, "--out", str(out), "--only", CASE]
    return subprocess.Popen(command, cwd=out.parent)


def test_a_fixture_prints_alike_twice_and_names_what_it_was_printed_with(tmp_path: Path):
    first = _printed(tmp_path / "first.json")
    time.sleep(1.5)  # the second run's clock, were it not fixed, would be a second later
    second = _printed(tmp_path / "second.json")
    assert first.wait(timeout=120) == 0 and second.wait(timeout=120) == 0
    printed, again = (json.loads((tmp_path / f"{n}.json").read_text()) for n in ("first", "second"))

    assert sorted(printed["outputs"]) == [f"{CASE}@docx", f"{CASE}@typst", f"{CASE}@weasyprint"]
    assert printed["outputs"] == again["outputs"]
    typst = printed["outputs"][f"{CASE}@typst"]["copies"][0]
    assert typst["template_id"] == "layouts/demand_letter.py@typst"
    letter = ROOT / "docgen" / "layouts" / "demand_letter.py"
    assert typst["template_hash"] == sha256_hex(letter.read_bytes())
    assert printed["layouts"]["demand_letter"]["path"] == "docgen/layouts/demand_letter.py"
    writer = ROOT / "templates" / "_typst" / "letter.typ"
    assert printed["shared"]["typst"]["templates/_typst/letter.typ"] == sha256_hex(
        writer.read_bytes()
    )
    assert "templates/_shared/print.css" in printed["shared"]["weasyprint"]
