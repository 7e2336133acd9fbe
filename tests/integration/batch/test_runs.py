"""Batch runs keep their state in the database: resumable, exact, and idempotent.

Each state test runs on SQLite and on PostgreSQL. A run interrupted at any point —
including a SIGKILL of the whole process group — resumes and ends with every valid row
rendered exactly once (0 lost, 0 duplicates); a finished run run again changes nothing.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from sqlalchemy import select

from docgen import db
from docgen.batch.executors import LocalExecutor
from docgen.batch.outputs import write_volume
from docgen.batch.runs import Batches, RunOptions
from docgen.batch.state import BatchItem
from docgen.batch.work import process_chunk
from docgen.cli import main
from docgen.tenants import DEFAULT_TENANT_ID
from tests.batch_support import letters_sheet, person_case, sheet, write_csv

pytestmark = pytest.mark.slow


def _manifest(folder: Path) -> list[dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_exact(folder: Path, valid_rows: int, formats: tuple[str, ...]) -> list[dict[str, str]]:
    """0 lost, 0 duplicates: one file per valid row and format, each listed once."""
    manifest = _manifest(folder)
    assert len(manifest) == valid_rows
    assert len({m["函件编号"] for m in manifest}) == valid_rows
    for fmt in formats:
        files = sorted((folder / "letters").glob(f"*.{fmt}"))
        assert len(files) == valid_rows
        column = "PDF" if fmt == "pdf" else "DOCX"
        listed = {m[f"{column} 文件"]: m[f"{column} SHA-256"] for m in manifest}
        assert len(set(listed.values())) == valid_rows  # no letter twice
        for path in files:
            assert listed[f"letters/{path.name}"] == _sha(path)
    assert not list(folder.rglob("*.part"))
    return manifest


def _sheet_with_rejects(path: Path, good: int) -> Path:
    cases = [person_case(i) for i in range(good)]
    bad = person_case(999)
    bad["debtor"]["id_number"] = "110101198503151234"
    headers, rows = sheet([*cases[:3], bad, *cases[3:]])
    return write_csv(path, headers, rows)


def _snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, _sha(p))
        for p in folder.rglob("*")
        if p.is_file()
    }


def _registered_in_batch(settings, run_id: str) -> int:
    """How many documents the register records for this run."""
    import sqlalchemy as sa

    from docgen.register.models import RegisteredDocument

    engine = db.upgrade(settings.effective_database_url)
    with db.session_scope(engine) as session:
        query = sa.select(sa.func.count()).where(RegisteredDocument.batch_id == run_id)
        return int(session.scalar(query) or 0)


def test_a_finished_run_run_again_changes_nothing(settings, database_url, tmp_path):
    source = _sheet_with_rejects(tmp_path / "cases.csv", good=10)
    batches = Batches(settings, database_url)
    run_id = batches.create(
        source,
        RunOptions("demand_letter", formats=["docx"], chunk_size=3),
        tmp_path,
        DEFAULT_TENANT_ID,
    )
    summary = batches.execute(run_id, LocalExecutor(1))
    assert (summary["status"], summary["rendered"], summary["rejected"]) == ("done", 10, 1)
    folder = tmp_path / run_id
    assert_exact(folder, 10, ("docx",))
    assert _registered_in_batch(settings, run_id) == 10
    before = _snapshot(folder)
    again = batches.execute(run_id, LocalExecutor(1))
    assert again["rendered"] == 10
    assert _snapshot(folder) == before


def test_an_interrupted_run_resumes_with_nothing_lost_or_doubled(settings, database_url, tmp_path):
    source = _sheet_with_rejects(tmp_path / "cases.csv", good=12)
    batches = Batches(settings, database_url)
    run_id = batches.create(
        source,
        RunOptions("demand_letter", formats=["docx"], chunk_size=4),
        tmp_path,
        DEFAULT_TENANT_ID,
    )
    batches.plan(run_id)
    engine = db.upgrade(database_url)
    with db.session_scope(engine) as session:
        keys = list(
            session.scalars(
                select(BatchItem.key)
                .where(BatchItem.run_id == run_id)
                .order_by(BatchItem.row_number)
            )
        )
    # a worker finished one chunk, then died while writing a file of the next one
    assert process_chunk(settings, database_url, run_id, keys[:4]) == 3  # one is rejected
    assert process_chunk(settings, database_url, run_id, keys[:4]) == 0  # redelivered: no-op
    (tmp_path / run_id / "letters" / "000009_half-written.docx.part").write_bytes(b"PK\x03")
    assert batches.status(run_id, None)["pending"] == 9
    summary = batches.execute(run_id, LocalExecutor(1))
    assert (summary["rendered"], summary["rejected"], summary["pending"]) == (12, 1, 0)
    assert_exact(tmp_path / run_id, 12, ("docx",))


def test_the_print_pdf_starts_every_letter_on_an_odd_page(settings, tmp_path):
    source = letters_sheet(tmp_path / "cases.csv", 3)
    batches = Batches(settings, f"sqlite:///{tmp_path / 'state.db'}")
    options = RunOptions("demand_letter", formats=["pdf"], address_page=True, volume_size=2)
    run_id = batches.create(source, options, tmp_path, DEFAULT_TENANT_ID)
    summary = batches.execute(run_id, LocalExecutor(1))
    assert summary["rendered"] == 3
    folder = tmp_path / run_id
    manifest = assert_exact(folder, 3, ("pdf",))
    volumes = {}
    for entry in manifest:
        letter = PdfReader(folder / entry["PDF 文件"])
        assert int(entry["页数"]) == len(letter.pages)
        merged = volumes.setdefault(entry["打印文件"], PdfReader(folder / entry["打印文件"]))
        first = int(entry["打印起始页"])
        assert first % 2 == 1
        address = merged.pages[first - 1].extract_text()
        assert entry["函件编号"] in address and entry["收件人"] in address
        assert merged.pages[first].extract_text().strip() == ""  # back of the address page
        body = merged.pages[first + 1].extract_text()
        assert body == letter.pages[0].extract_text()
        assert (first + 1) % 2 == 0 or (first + 2) % 2 == 1
    assert sorted(volumes) == ["print/merged-001.pdf", "print/merged-002.pdf"]
    for reader in volumes.values():
        assert len(reader.pages) % 2 == 0 or len(reader.pages) > 0


def test_a_letter_rendered_on_its_own_is_printed_from_its_own_file(settings, tmp_path):
    # a letter whose chunk failed is rendered alone and has no print part: its volume
    # takes the pages of its own PDF, still starting on an odd page
    source = letters_sheet(tmp_path / "cases.csv", 3)
    batches = Batches(settings, f"sqlite:///{tmp_path / 'state.db'}")
    run_id = batches.create(
        source, RunOptions("demand_letter", formats=["pdf"]), tmp_path, DEFAULT_TENANT_ID
    )
    batches.execute(run_id, LocalExecutor(1))
    folder = tmp_path / run_id
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as fh:
        manifest = list(csv.DictReader(fh))
    letters = [
        ({"letter_id": row["函件编号"], "pdf": {"file": row["PDF 文件"]}}, "") for row in manifest
    ]
    starts: dict[str, tuple[str, int]] = {}

    pages = write_volume(folder, "print/again.pdf", letters, None, starts)

    merged = PdfReader(folder / "print" / "again.pdf")
    assert pages == len(merged.pages)
    for row in manifest:
        name, first = starts[row["函件编号"]]
        assert name == "print/again.pdf" and first % 2 == 1
        own = PdfReader(folder / row["PDF 文件"])
        for k, page in enumerate(own.pages):
            assert merged.pages[first - 1 + k].extract_text() == page.extract_text()


def _done(database_url: str, run_id: str) -> int:
    engine = db.engine_for(database_url)
    with db.session_scope(engine) as session:
        return len(
            list(
                session.scalars(
                    select(BatchItem.key).where(
                        BatchItem.run_id == run_id, BatchItem.status == "done"
                    )
                )
            )
        )


@pytest.mark.slow
def test_a_local_run_killed_with_sigkill_resumes_exactly(tmp_path):
    source = letters_sheet(tmp_path / "cases.csv", 60)
    env = {**os.environ, "DOCGEN_DATA_DIR": str(tmp_path / "var"), "DOCGEN_BROKER_URL": ""}
    database_url = f"sqlite:///{tmp_path / 'var' / 'docgen.db'}"
    docgen = [sys.executable, "-m", "docgen.cli"]
    proc = subprocess.Popen(
        [
            *docgen,
            "batch",
            "run",
            str(source),
            "--type",
            "demand_letter",
            "--format",
            "docx",
            "--out",
            str(tmp_path / "runs"),
            "--processes",
            "2",
            "--chunk-size",
            "5",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    run_id = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        runs = list((tmp_path / "runs").glob("*")) if (tmp_path / "runs").exists() else []
        if runs and run_id is None:
            run_id = runs[0].name
        if run_id and (tmp_path / "var" / "docgen.db").exists():
            with contextlib.suppress(Exception):  # tables may not exist yet
                if _done(database_url, run_id) >= 10:
                    break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert run_id is not None
    killed_at = _done(database_url, run_id)
    assert 10 <= killed_at < 60, "the run must be killed mid-way"
    # resumed in one process: the pool's own resumption is the next test's; two more
    # pool processes would only add their start-up (about 1.3 s of CPU each)
    result = subprocess.run(
        [*docgen, "batch", "resume", run_id, "--processes", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert "已生成 60，拒绝 0，失败 0，待处理 0" in result.stdout
    assert_exact(tmp_path / "runs" / run_id, 60, ("docx",))
    # the status command reads the state the processes left: it runs in this process
    status = CliRunner().invoke(main, ["batch", "status", run_id], env=env)
    assert status.exit_code == 0, status.output
    assert "：已完成；" in status.stdout


@pytest.mark.slow
def test_a_pool_worker_killed_mid_run_is_replaced_and_the_run_completes(settings, tmp_path):
    import threading

    batches, database_url, run_id = _planned_docx_run(settings, tmp_path, 24)
    before = set(_children())
    result: dict[str, dict] = {}
    thread = threading.Thread(
        target=lambda: result.setdefault("summary", batches.execute(run_id, LocalExecutor(2)))
    )
    thread.start()
    deadline = time.monotonic() + 60
    while _done(database_url, run_id) < 4 and time.monotonic() < deadline:
        time.sleep(0.02)
    victims = set(_children()) - before
    assert victims, "the pool's worker processes should be running"
    os.kill(min(victims), signal.SIGKILL)
    thread.join(timeout=120)
    assert result["summary"]["status"] == "done"
    assert result["summary"]["rendered"] == 24
    assert_exact(tmp_path / run_id, 24, ("docx",))


@pytest.mark.slow
def test_one_process_hands_chunks_past_its_share_to_workers_replaced_in_turn(
    settings, tmp_path, monkeypatch
):
    """``LocalExecutor(1)`` renders in this process no more chunks than a pool worker
    renders before it is replaced (here 2); the other four go to one worker process at
    a time, replaced after 2 in turn: two of them, every letter once."""
    from docgen import runtime

    monkeypatch.setattr(runtime, "CHUNKS_PER_CHILD", 2)
    batches, _database_url, run_id = _planned_docx_run(settings, tmp_path, 12)
    summary, seen = _watched(lambda: batches.execute(run_id, LocalExecutor(1)))
    assert summary["rendered"] == 12
    assert len(seen) == 2, "four chunks past this process's two: two workers of two"
    assert_exact(tmp_path / run_id, 12, ("docx",))


@pytest.mark.slow
def test_a_pool_of_workers_replaced_after_two_chunks_each_finishes_the_run(
    settings, tmp_path, monkeypatch
):
    """Six chunks on two processes replaced after two chunks each: the run ends, every
    letter once (a pool's own ``max_tasks_per_child`` of 2 waited forever here on
    Python 3.11, CPython gh-115634)."""
    from docgen import runtime

    monkeypatch.setattr(runtime, "CHUNKS_PER_CHILD", 2)
    batches, _database_url, run_id = _planned_docx_run(settings, tmp_path, 12)
    summary, seen = _watched(lambda: batches.execute(run_id, LocalExecutor(2)))
    assert summary["rendered"] == 12
    assert len(seen) >= 3, "the first two workers should have been replaced"
    assert_exact(tmp_path / run_id, 12, ("docx",))


def _watched(execute, timeout: float = 240) -> tuple[dict, set[int]]:
    """What ``execute`` returns and the worker processes seen meanwhile; fails rather
    than waits past ``timeout`` seconds."""
    import threading

    seen: set[int] = set()
    result: dict[str, dict] = {}
    thread = threading.Thread(target=lambda: result.setdefault("summary", execute()), daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while thread.is_alive() and time.monotonic() < deadline:
        seen.update(_children())
        time.sleep(0.01)
    assert not thread.is_alive(), f"the run did not end in {timeout:.0f} s"
    return result["summary"], seen


def test_one_process_renders_a_short_run_itself(settings, tmp_path):
    batches, _database_url, run_id = _planned_docx_run(settings, tmp_path, 4)
    before = set(_children())
    assert batches.execute(run_id, LocalExecutor(1))["rendered"] == 4
    assert set(_children()) == before  # no worker process was started
    assert_exact(tmp_path / run_id, 4, ("docx",))


def _planned_docx_run(settings, tmp_path, letters: int) -> tuple[Batches, str, str]:
    """A planned run of ``letters`` demand letters, DOCX only, two letters a chunk."""
    source = letters_sheet(tmp_path / "cases.csv", letters)
    database_url = f"sqlite:///{tmp_path / 'state.db'}"
    batches = Batches(settings, database_url)
    run_id = batches.create(
        source,
        RunOptions("demand_letter", formats=["docx"], chunk_size=2),
        tmp_path,
        DEFAULT_TENANT_ID,
    )
    batches.plan(run_id)
    return batches, database_url, run_id


def _children() -> list[int]:
    me = os.getpid()
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = Path(f"/proc/{entry}/stat").read_text()
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
                if int(stat.rsplit(")", 1)[1].split()[1]) == me and b"spawn_main" in cmdline:
                    out.append(int(entry))
    return out


def test_warnings_of_rendered_rows_are_listed_in_the_warnings_report(
    settings, database_url, tmp_path
):
    cases = [person_case(i) for i in range(3)]
    cases[1]["payment_account"]["account_name"] = "陈建国"  # not the creditor
    cases[1]["payment_account"]["holder_relation"] = "法定代表人"
    headers, rows = sheet(cases)
    source = write_csv(tmp_path / "cases.csv", headers, rows)
    batches = Batches(settings, database_url)
    run_id = batches.create(
        source, RunOptions("demand_letter", formats=["docx"]), tmp_path, DEFAULT_TENANT_ID
    )
    summary = batches.execute(run_id, LocalExecutor(1))
    assert (summary["rendered"], summary["rejected"]) == (3, 0)
    with (tmp_path / run_id / "warnings.csv").open(encoding="utf-8-sig") as fh:
        # the same sample debtors may have had letters in this database already; every
        # sample row's penalty names its clause but not its rate
        rows_read = list(csv.DictReader(fh))
    basis = [r["行号"] for r in rows_read if r["错误代码"] == "penalty_basis_missing"]
    assert basis == ["2", "3", "4"]
    found = [
        r for r in rows_read if r["错误代码"] not in ("sent_recently", "penalty_basis_missing")
    ]
    assert [(r["行号"], r["字段"], r["错误代码"]) for r in found] == [
        ("3", "payment_account.account_name", "account_not_creditor"),
        ("3", "payment_account.payee_authorization", "personal_account_without_authorization"),
    ]
    assert "与债权人深圳市恒信商贸有限公司不一致" in found[0]["错误信息"]
