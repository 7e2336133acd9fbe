"""A process that printed with WeasyPrint leaves no temporary font files behind.

WeasyPrint copies the prepared fonts (6 MB) into a temporary folder per font
configuration; docgen's renderers live as long as their process, so the folder must be
removed when the process ends: the run's own process and every pool process of a batch.
And the process ends with status 0: WeasyPrint's font maps are released before cffi
closes the libraries their finalizers run in.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from docgen.batch.executors import LocalExecutor
    from docgen.batch.runs import Batches, RunOptions
    from docgen.config import Settings
    from docgen.tenants import DEFAULT_TENANT_ID
    from tests.batch_support import letters_sheet

    folder = Path(sys.argv[1])
    batches = Batches(Settings(data_dir=folder / "data"))
    source = letters_sheet(folder / "cases.csv", 2)
    options = RunOptions("demand_letter", formats=["pdf"], chunk_size=1)
    run_id = batches.create(source, options, folder, DEFAULT_TENANT_ID)
    summary = batches.execute(run_id, LocalExecutor(2))
    print(summary["rendered"])
    """
)


def run_with_tmpdir(script: str, temp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``script`` in a fresh interpreter whose temporary files go to ``temp``."""
    temp.mkdir()
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        env={**os.environ, "TMPDIR": str(temp), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
        cwd=ROOT,
    )


def test_a_batch_run_leaves_no_temporary_font_files(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    done = run_with_tmpdir(SCRIPT, temp, str(tmp_path))
    assert done.stdout.split() == ["2"]
    assert sorted(p.name for p in temp.iterdir() if p.name.startswith("weasyprint-")) == []
    assert "Exception ignored" not in done.stderr


RELEASE = textwrap.dedent(
    """
    import json, sys, tempfile
    from pathlib import Path
    from docgen.config import Settings
    from docgen.render.pdf import release_font_folders
    from docgen.services import DocumentService

    data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    service = DocumentService(Settings(data_dir=Path(sys.argv[2]), register_documents=False))
    service.render("demand_letter", data, "pdf", engine="weasyprint")
    made = list(Path(tempfile.gettempdir()).glob("weasyprint-*"))
    release_font_folders()
    print(len(made), sum(folder.exists() for folder in made))
    """
)


def test_the_folders_are_removed_without_waiting_for_weasyprint(tmp_path: Path) -> None:
    # at interpreter exit WeasyPrint's own clean-up may run after its module is gone, and
    # a forked Celery worker process never runs it: docgen removes the folders itself, at
    # exit (atexit) and when a worker process shuts down (Celery's signal)
    fixture = ROOT / "fixtures" / "demand_letter" / "valid" / "person_debtor.json"
    done = run_with_tmpdir(RELEASE, tmp_path / "tmp", str(fixture), str(tmp_path / "data"))
    assert done.stdout.split() == ["1", "0"]  # one folder while printing, gone after


TWO_RUNS = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from docgen.batch.executors import LocalExecutor
    from docgen.batch.runs import Batches, RunOptions
    from docgen.config import Settings
    from docgen.tenants import DEFAULT_TENANT_ID
    from tests.batch_support import letters_sheet

    folder = Path(sys.argv[1])
    settings = Settings(data_dir=folder / "data")
    for n in range(2):
        source = letters_sheet(folder / f"cases{n}.csv", 3)
        batches = Batches(settings, f"sqlite:///{folder / f'state{n}.db'}")
        options = RunOptions("demand_letter", ["pdf"], address_page=True, volume_size=2)
        run_id = batches.create(source, options, folder / f"runs{n}", DEFAULT_TENANT_ID)
        print(batches.execute(run_id, LocalExecutor(1))["rendered"])
    """
)


def test_a_process_that_printed_volumes_twice_exits_cleanly(tmp_path: Path) -> None:
    # two runs with address pages leave several WeasyPrint font maps: released at the
    # interpreter's last collection, one was unreferenced after cffi had closed the
    # library its finalizer runs in, and the process died with SIGSEGV (status 139)
    # after its work was done; check=True fails on any status but 0
    done = run_with_tmpdir(TWO_RUNS, tmp_path / "tmp", str(tmp_path))
    assert done.stdout.split() == ["3", "3"]
