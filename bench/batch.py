"""Batch-run benchmark: demand letters from a CSV to PDF + DOCX + merged print PDF + manifest.

For each size (``--n``) and engine (``--engines``: ``local1`` = one process, ``local2`` = a
pool of two, ``celery`` = a real Celery worker with two processes over Redis), in a fresh
process, directory and database, it times the whole run (planning = reading and validating
every row, rendering, writing the outputs) and prints letters per second and the peak
resident memory of the process tree (the run's process and every child or worker process,
sampled every 0.2 s from /proc; "peak one" is the largest single process), of the run's
own process by phase (plan, render, finalize: the print volumes, manifest and rejects) and
of the largest worker process, the size of the merged print PDFs, and the 1-minute load
average before and after (the machine may be shared).

Run from the repository root (after ``make test`` or ``bin/bootstrap --dev``)::

    .venv/bin/python bench/batch.py --n 20 --engines local1,local2,celery
    .venv/bin/python bench/batch.py --n 1000,10000            # the full benchmark (long)
    .venv/bin/python bench/batch.py --n 200 --formats docx --json
    .venv/bin/python bench/batch.py --n 1000 --pdf-engine weasyprint   # the other engine

Celery uses ``--broker`` (default Redis DB 15 on 127.0.0.1, flushed before each run).
This is not a test: it asserts nothing and lives outside ``tests/``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from letters import load_cases  # noqa: E402  (bench/letters.py, beside this script)

from docgen.batch.columns import Layout  # noqa: E402
from docgen.batch.executors import CeleryExecutor, LocalExecutor  # noqa: E402
from docgen.batch.runs import Batches, RunOptions  # noqa: E402
from docgen.batch.templates import flatten  # noqa: E402
from docgen.config import Settings  # noqa: E402
from docgen.documents import registry  # noqa: E402
from docgen.tenants import DEFAULT_TENANT_ID  # noqa: E402


def write_sheet(path: Path, n: int) -> None:
    """``n`` rows, each a letter of its own (``bench/letters.py``: its own debtor, contract
    and number; rows repeating a debtor and contract would be refused as duplicates)."""
    layout = Layout.of(registry.get("demand_letter").model)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        for i, case in enumerate(load_cases(n)):
            headers, values = flatten(layout, case)
            if i == 0:
                writer.writerow(headers)
            writer.writerow(values)


class RssSampler(threading.Thread):
    """Peak RSS of a process tree (sum over processes, and the largest single one)."""

    def __init__(self, roots: list[int]) -> None:
        super().__init__(daemon=True)
        self.roots = roots
        self.peak_total = 0
        self.peak_one = 0
        self.peak_by_pid: dict[int, int] = {}
        self.timeline: list[tuple[float, int]] = []  # (seconds, RSS of the first root)
        self.began = time.monotonic()
        self.stopped = threading.Event()

    def _tree(self) -> list[int]:
        parents: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                    parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
        tree = set(self.roots)
        changed = True
        while changed:
            changed = False
            for pid, ppid in parents.items():
                if ppid in tree and pid not in tree:
                    tree.add(pid)
                    changed = True
        return list(tree)

    @staticmethod
    def _rss(pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def run(self) -> None:
        while not self.stopped.is_set():
            sizes = {pid: self._rss(pid) for pid in self._tree()}
            self.peak_total = max(self.peak_total, sum(sizes.values()))
            self.peak_one = max(self.peak_one, max(sizes.values(), default=0))
            for pid, size in sizes.items():
                self.peak_by_pid[pid] = max(self.peak_by_pid.get(pid, 0), size)
            self.timeline.append((time.monotonic() - self.began, sizes.get(self.roots[0], 0)))
            time.sleep(0.2)

    def peaks(self) -> tuple[int, int]:
        """The peak of the run's own process, and the largest peak of any other."""
        own = self.peak_by_pid.get(self.roots[0], 0)
        others = [v for pid, v in self.peak_by_pid.items() if pid != self.roots[0]]
        return own, max(others, default=0)


def run_case(
    n: int, engine: str, formats: list[str], broker: str, chunk: int, pdf_engine: str
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as tmp:
        folder = Path(tmp)
        sheet = folder / "cases.csv"
        write_sheet(sheet, n)
        broker_url = broker if engine == "celery" else ""
        settings = Settings(data_dir=folder / "var", broker_url=broker_url)
        batches = Batches(settings)
        worker = None
        roots = [os.getpid()]
        if engine == "celery":
            import redis

            redis.Redis.from_url(broker).flushdb()
            env = {
                **os.environ,
                "DOCGEN_DATA_DIR": str(folder / "var"),
                "DOCGEN_BROKER_URL": broker,
                "DOCGEN_LOG_LEVEL": "WARNING",
            }
            worker = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "docgen.cli",
                    "worker",
                    "--concurrency",
                    "2",
                    "--loglevel",
                    "WARNING",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                cwd=ROOT,
            )
            roots.append(worker.pid)
        sampler = RssSampler(roots)
        sampler.start()
        load_before = os.getloadavg()[0]
        try:
            began = time.monotonic()
            run_id = batches.create(
                sheet,
                RunOptions(
                    "demand_letter", formats=formats, chunk_size=chunk, pdf_engine=pdf_engine
                ),
                folder / "runs",
                DEFAULT_TENANT_ID,
            )
            batches.plan(run_id)
            planned = time.monotonic()
            if engine == "celery":
                executor: Any = CeleryExecutor(broker, timeout=24 * 3600)
            else:
                executor = LocalExecutor(1 if engine == "local1" else 2)
            summary = batches.execute(run_id, executor)
            ended = time.monotonic()
        finally:
            sampler.stopped.set()
            sampler.join()
            if worker is not None:
                os.killpg(worker.pid, signal.SIGTERM)
                worker.wait(timeout=60)
        run_dir = folder / "runs" / run_id
        print_files = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))[
            "print_files"
        ]
        finalize_seconds = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))[
            "finalize_seconds"
        ]
        merged = sum(p["pages"] for p in print_files)
        own, worker = sampler.peaks()
        # the run's own process, phase by phase (plan, render, finalize: print volumes,
        # manifest, rejects), from the timeline sampled since the sampler started
        at = {
            "plan": (0.0, planned - sampler.began),
            "render": (planned - sampler.began, ended - sampler.began - finalize_seconds),
            "finalize": (ended - sampler.began - finalize_seconds, ended - sampler.began),
        }
        phases = {
            phase: round(max((r for t, r in sampler.timeline if lo <= t <= hi), default=0) / 2**20)
            for phase, (lo, hi) in at.items()
        }
        merged_bytes = sum((run_dir / p["file"]).stat().st_size for p in print_files)
        return {
            "n": n,
            "engine": engine,
            "pdf_engine": pdf_engine,
            "formats": ",".join(formats),
            "rendered": summary["rendered"],
            "seconds": round(ended - began, 1),
            "plan_seconds": round(planned - began, 1),
            "letters_per_second": round(summary["rendered"] / (ended - began), 2),
            "render_letters_per_second": round(summary["rendered"] / (ended - planned), 2),
            "merged_pages": merged,
            "merged_mb": round(merged_bytes / 2**20, 1),
            "peak_rss_total_mb": round(sampler.peak_total / 2**20),
            "peak_rss_one_mb": round(sampler.peak_one / 2**20),
            "peak_rss_run_process_mb": round(own / 2**20),
            "peak_rss_worker_mb": round(worker / 2**20),
            "run_process_mb_by_phase": phases,
            "finalize_seconds": finalize_seconds,
            "load_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", default="1000,10000", help="batch sizes, comma-separated")
    parser.add_argument("--engines", default="local1,local2,celery")
    parser.add_argument("--formats", default="pdf,docx")
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--chunk", type=int, default=20)
    parser.add_argument(
        "--pdf-engine",
        default=Settings().pdf_engine,
        choices=["weasyprint", "typst"],
        help="the run's PDF engine (RunOptions.pdf_engine)",
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    if args.one:  # one case, in this fresh process (see below)
        n, engine = int(args.n), args.engines
        print(json.dumps(run_case(n, engine, formats, args.broker, args.chunk, args.pdf_engine)))
        return
    results = []
    for n in (int(x) for x in args.n.split(",")):
        for engine in args.engines.split(","):
            # each case in a fresh process, so that the run's own process starts as a
            # real one does and its memory says nothing about the cases before it
            command = [
                sys.executable,
                __file__,
                "--one",
                f"--n={n}",
                f"--engines={engine}",
                f"--formats={args.formats}",
                f"--broker={args.broker}",
                f"--chunk={args.chunk}",
                f"--pdf-engine={args.pdf_engine}",
            ]
            out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            results.append(result)
            if not args.json:
                print(
                    f"{n:>6} letters  {engine:<7} {args.pdf_engine:<10} {result['formats']:<9} "
                    f"{result['seconds']:>8.1f} s (plan {result['plan_seconds']:.1f} s)  "
                    f"{result['letters_per_second']:>7.2f} letters/s  "
                    f"render {result['render_letters_per_second']:>7.2f}/s  "
                    f"merged {result['merged_pages']} pages {result['merged_mb']} MB  "
                    f"peak RSS {result['peak_rss_total_mb']} MB "
                    f"(one {result['peak_rss_one_mb']} MB; run process "
                    f"{result['peak_rss_run_process_mb']} MB {result['run_process_mb_by_phase']}, "
                    f"workers {result['peak_rss_worker_mb']} MB)  "
                    f"load {result['load_1min'][0]}→{result['load_1min'][1]}",
                    flush=True,
                )
    if args.json:
        print(
            json.dumps(
                {"machine": platform.platform(), "cpus": os.cpu_count(), "results": results},
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    main()
